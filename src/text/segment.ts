/**
 * text/segment — split an article into headline, lead, body, related-article teasers, tag line,
 * source/credit line, date line and footer, one segment per paragraph (non-blank line), each with
 * the reason it was classified so (shown by `inspect`).
 *
 * Markers (markers.ts) are only a start. The structure of scraped pages decides the rest:
 * - a source or tag line after the story ends it: what follows is teaser (title-like lines, and
 *   whole teaser articles after «إقرأ أيضاً:») or footer;
 * - a standalone teaser marker opens a block of title-like or bulleted lines; mid-story, the body
 *   resumes at the first paragraph after the teaser titles;
 * - inside the story, a title-like line (short, no final stop) is a sub-heading only when a
 *   paragraph follows it; runs of such lines, one standing right before the end, media links
 *   («…|فيديو») and lines repeated in the article are teasers;
 * - bullet lists of titles are teasers; lines repeated across articles (BoilerplateIndex) are
 *   teasers or footers; lines without words, UI tokens («newsQrCode»), breadcrumbs are footers;
 *   a line made only of a date and a time is a date line;
 * - the first title-like line is the headline; the first paragraph is the lead.
 */
import type { BoilerplateIndex } from './boilerplate.ts';
import { keyOfNorm } from './boilerplate.ts';
import { MONTHS, WEEKDAYS } from './calendar.ts';
import { addLangStats, guessLanguage, type LangStats, langStats } from './lang.ts';
import { type MarkerHit, matchMarker } from './markers.ts';
import { normalize, normalizeString } from './normalize.ts';
import { type SentenceSpan, splitSentences } from './sentences.ts';
import type { Lang, NormalizedText, Segment, SegmentKind } from './types.ts';

export interface SegmentOptions {
  /** Lines repeated across the corpus. */
  boilerplate?: BoilerplateIndex;
  /** Outlet key of the article for the boilerplate counts (see boilerplate.ts outletKey). */
  outlet?: string;
}

/** Longest title-like line, in words; up to TITLE_MAX_CUED when it carries headline cues. */
const TITLE_MAX = 20;
const TITLE_MAX_CUED = 32;
/** Lines up to this many words may be boilerplate on corpus-wide counts. */
const BOILERPLATE_SHORT = 12;
/** Sentence-like lines up to this many words may be boilerplate on same-outlet counts. */
const BOILERPLATE_LONG = 25;
/** Below this confidence a segment takes the article's language. */
const INHERIT_BELOW = 0.5;

/** A paragraph of the text with the features the rules look at. */
interface Unit {
  start: number;
  end: number;
  text: string;
  norm: string;
  /** Comparison key (boilerplate.ts lineKey), computed on first use. */
  key?: string;
  words: number;
  marker?: MarkerHit;
  markerText?: string;
  bullet: boolean;
  /** Ends with a full stop or holds several sentences. */
  sentence: boolean;
  /** Short, no final stop. */
  title: boolean;
  hasLetters: boolean;
  /** Sentence spans (offsets into the article text). */
  sentences: SentenceSpan[];
  /** Language evidence of the paragraph. */
  stats: LangStats;
}

const WORD = /[\p{L}\p{N}]+/gu;
const TRIM = /^[\s\u00a0\u200b-\u200f\ufeff]+|[\s\u00a0\u200b-\u200f\ufeff]+$/g;
const BULLET = /^[•·▪●◦►■□‣⁃*–—-]\s*/;
const MEDIA =
  /(?:[|｜]\s*(?:فيديو|فيديوهات|صور|بالصور|بالفيديو|video|photos|فيلم|عكس|اينفوگرافيك|انفوجراف|انفوگرافيك)\s*$)|(?:[(]\s*(?:فيديو|صور|video|photos|فيلم)\s*[)]\s*$)|(?:^(?:بالفيديو|بالصور|فيديو|video)\s*[|:])|(?:\+\s*(?:فيلم|عكس)\s*$)/;
const TIME_WORDS = new Set(
  [
    'ص',
    'م',
    'am',
    'pm',
    'gmt',
    'utc',
    'ساعت',
    'ماه',
    'الموافق',
    'هـ',
    'ه',
    'ق',
    'ش',
    'st',
    'nd',
    'rd',
    'th',
    'at',
    'بتوقيت',
    'مكه',
    'القاهره',
    'تهران',
    'توقيت',
  ].map(normalizeString),
);

/**
 * Hijri months (normalised): recognised on date lines («السبت 28 ذو القعدة 1444 هـ - 17 يونيو
 * 2023 م») so the line is read as one; the Gregorian date beside them dates the article (Hijri
 * dates themselves are not converted).
 */
const HIJRI_MONTHS = new Set(
  [
    'محرم',
    'صفر',
    'ربيع الأول',
    'ربيع الآخر',
    'ربيع الثاني',
    'جمادى الأولى',
    'جمادى الآخرة',
    'جمادى الثانية',
    'رجب',
    'شعبان',
    'رمضان',
    'شوال',
    'ذو القعدة',
    'ذو الحجة',
    'ذي القعدة',
    'ذي الحجة',
  ].map(normalizeString),
);

/** Is the whole line a date and/or time (e.g. «السبت 14 أكتوبر 2023 - 01:25 م», «۹ آبان ۱۴۰۲، ۱۹:۴۰»)? */
export function isDateOnlyLine(norm: string): boolean {
  if (!/[0-9]/.test(norm)) return false;
  const toks = norm.match(WORD) ?? [];
  if (toks.length > 16) return false;
  if (toks.length === 0 || !toks.some((t) => /^[0-9]/.test(t))) return false;
  let named = false;
  let numbers = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const two = i + 1 < toks.length ? `${t} ${toks[i + 1]}` : '';
    if (two && (MONTHS.has(two) || WEEKDAYS.has(two) || HIJRI_MONTHS.has(two))) {
      named = true;
      i++;
    } else if (
      MONTHS.has(t) ||
      HIJRI_MONTHS.has(t) ||
      WEEKDAYS.has(t) ||
      WEEKDAYS.has(t.replace(/^(ال|يوم)/, 'ال'))
    )
      named = true;
    else if (/^[0-9]+(st|nd|rd|th|ه|م)?$/.test(t))
      numbers++; // «1445هـ», «2023م»
    else if (!TIME_WORDS.has(t)) return false;
  }
  return named || numbers >= 3;
}

/** Headline cues that allow a longer title: «..», «|», a colon after a name, a dash. */
const TITLE_CUES = /\.\.|[|｜]|:\s|\s[–—-]\s/;

/** First index i with map[i] >= offset (map is monotone). */
function lowerBound(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The normalizeString form of text[start, end), cut from the article's normalised text, with
 * the offset (relative to `start`) of each of its chars.
 */
function normSlice(
  norm: NormalizedText,
  start: number,
  end: number,
): { norm: string; map: number[] } {
  const from = lowerBound(norm.map, start);
  const to = lowerBound(norm.map, end);
  let out = '';
  const map: number[] = [];
  let space = true;
  for (let i = from; i < to; i++) {
    const ch = norm.text[i]!;
    const ws =
      ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
    if (ws) {
      if (space) continue;
      out += ' ';
      space = true;
    } else {
      out += ch;
      space = false;
    }
    map.push(norm.map[i]! - start);
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    map.pop();
  }
  map.push(end - start);
  return { norm: out, map };
}

function makeUnit(text: string, normText: NormalizedText, start: number, end: number): Unit {
  const slice = text.slice(start, end);
  const { norm, map } = normSlice(normText, start, end);
  const words = (slice.match(WORD) ?? []).length;
  const marker = matchMarker(norm);
  const bullet = BULLET.test(slice);
  const body = slice.replace(/[\s"'»”’)\]]+$/, '');
  const last = body[body.length - 1] ?? '';
  const spans = splitSentences(text, start, end);
  const stops = spans.length;
  const endsStop = (last === '.' && !body.endsWith('..')) || last === '!' || last === '؛';
  const question = last === '?' || last === '؟';
  const sentence =
    endsStop || stops >= 2 || words > TITLE_MAX_CUED || (question && words > TITLE_MAX);
  const title =
    !sentence &&
    !body.endsWith(':') &&
    words >= 1 &&
    (words <= TITLE_MAX || (words <= TITLE_MAX_CUED && TITLE_CUES.test(slice)));
  const unit: Unit = {
    start,
    end,
    text: slice,
    norm,
    sentences: spans,
    stats: langStats(slice),
    words,
    bullet,
    sentence,
    title,
    hasLetters: /\p{L}/u.test(slice),
  };
  if (marker) {
    unit.marker = marker;
    let to = map[marker.end - 1]! + 1;
    while (to < slice.length && /[\u064b-\u065f\u0670\u0640]/.test(slice[to]!)) to++; // «أيضاً»
    unit.markerText = slice.slice(map[marker.start], to);
  }
  return unit;
}

/** Paragraph units: one per non-blank line; a teaser marker after a full stop mid-line splits it. */
function units(text: string, norm: NormalizedText): Unit[] {
  const out: Unit[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    const trimmed = line.replace(TRIM, '');
    if (!trimmed) continue;
    const start = lineStart + line.indexOf(trimmed);
    const end = start + trimmed.length;
    for (const [a, b] of splitInline(text, start, end)) out.push(makeUnit(text, norm, a, b));
  }
  return out;
}

/** Split a line where a teaser marker follows a full stop («… النار. اقرأ أيضا: …»). */
function splitInline(text: string, start: number, end: number): Array<[number, number]> {
  const slice = text.slice(start, end);
  const re =
    /[.!?؟"»”]\s+(?=(?:اقرأ|إقرأ|اقرا)\s*(?:أيضا|ايضا|أيضاً|المزيد)|read more:|related:|بیشتر بخوانید)/giu;
  const cuts: number[] = [];
  for (const m of slice.matchAll(re)) cuts.push(m.index + m[0].length);
  if (cuts.length === 0) return [[start, end]];
  const spans: Array<[number, number]> = [];
  let a = 0;
  for (const c of cuts) {
    spans.push([start + a, start + c]);
    a = c;
  }
  spans.push([start + a, end]);
  return spans.map(([x, y]) => {
    const t = text.slice(x, y);
    const s = x + (t.length - t.trimStart().length);
    return [s, s + t.trim().length] as [number, number];
  });
}

function isUiToken(u: Unit, lang: Lang): boolean {
  const t = u.text.trim();
  if (/^(https?:\/\/|www\.)\S+$/i.test(t)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(t)) return false;
  return /[a-z][A-Z]/.test(t) || lang !== 'en';
}

function isBreadcrumb(u: Unit): boolean {
  const parts = u.text.split(/\s*[>›/|]\s*|\s+»\s+/);
  return parts.length >= 3 && !u.sentence && parts.every((p) => (p.match(WORD) ?? []).length <= 4);
}

const BYLINE = /^(?:by|بقلم|كتب|كتبت|كتبه|نوشته|گزارش از)\s/i;

interface Classified {
  kind: SegmentKind;
  reason: string;
}

/** Classify the units of one article (the rules of the header comment, in order). */
function classify(us: Unit[], articleLang: Lang, options: SegmentOptions): Classified[] {
  const out: Classified[] = [];
  const titleCount = new Map<string, number>();
  const keyOf = (u: Unit): string => {
    u.key ??= keyOfNorm(u.norm);
    return u.key;
  };
  for (const u of us) {
    if (u.title && keyOf(u)) titleCount.set(keyOf(u), (titleCount.get(keyOf(u)) ?? 0) + 1);
  }
  const bp = options.boilerplate;
  const outlet = options.outlet ?? '';

  let haveHeadline = false;
  let haveBody = false;
  let ended = false;
  let block: { reason: string; items: number; bullets: boolean } | undefined;
  let tagBlock = false;
  let titleRun = false;

  const isParagraph = (u: Unit | undefined) => !!u && !u.marker && u.sentence && !u.bullet;

  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    const next = us[i + 1];
    const set = (kind: SegmentKind, reason: string) => {
      out.push({ kind, reason });
      if (kind === 'body' || kind === 'lead') haveBody = true;
      if (kind === 'headline') haveHeadline = true;
      if (kind !== 'teaser') titleRun = false;
    };

    if (u.marker) {
      const { marker, standalone } = u.marker;
      const shown = `«${u.markerText}»`;
      if (marker.kind === 'teaser') {
        if (standalone) block = { reason: `after ${shown}`, items: 0, bullets: false };
      } else block = undefined;
      tagBlock = marker.kind === 'tags' && standalone;
      if (marker.ends && haveBody) ended = true;
      set(marker.kind, shown);
      continue;
    }
    if (BYLINE.test(u.text) && u.words <= 6 && !u.sentence) {
      set('source', 'byline');
      continue;
    }
    // «السبت 14 أكتوبر 2023 - 01:25 م», and «۱۴۰۱/۰۴/۲۸» with no letters at all.
    if (isDateOnlyLine(u.norm)) {
      set('dateline', 'date-only line');
      continue;
    }
    if (!u.hasLetters) {
      set('footer', 'no words');
      continue;
    }
    if (isUiToken(u, articleLang)) {
      set('footer', 'UI token or link');
      continue;
    }
    if (isBreadcrumb(u)) {
      set('footer', 'breadcrumb');
      continue;
    }
    const placed = /^([^-–—|]{1,40})\s[-–—|]\s(.+)$/.exec(u.norm);
    if (placed && (placed[1]!.match(WORD) ?? []).length <= 3 && isDateOnlyLine(placed[2]!)) {
      set('dateline', 'place and date line');
      continue;
    }
    if (tagBlock) {
      if (!u.sentence && u.words <= 6) {
        set('tags', 'after the tag marker');
        continue;
      }
      tagBlock = false;
    }
    if (bp && !(i === 0 && u.words >= 4) && keyOf(u)) {
      const c = bp.countKey(keyOf(u), outlet);
      const short = u.title || u.words <= BOILERPLATE_SHORT;
      const hit =
        (short && c.all >= bp.minArticles) ||
        (outlet !== '' && u.words <= BOILERPLATE_LONG && c.outlet >= bp.minArticles);
      if (hit) {
        const n = Math.max(c.all, c.outlet);
        set(u.title && u.words >= 3 ? 'teaser' : 'footer', `boilerplate (in ${n} articles)`);
        continue;
      }
    }
    if (block) {
      // In a teaser block, a short line without a final stop is still a teaser, even when it
      // holds two sentences («Obama and Putin to meet? No plans, White House says»).
      const teaserish =
        u.bullet || u.title || (u.words <= TITLE_MAX && !/[.!؛]["'»”)\s]*$/.test(u.text));
      if (teaserish) {
        // A plain title after a bulleted teaser list is the story's own sub-heading again.
        if (!(block.bullets && !u.bullet && !ended)) {
          block.items++;
          if (u.bullet && block.items === 1) block.bullets = true;
          set('teaser', block.reason);
          continue;
        }
        block = undefined;
      } else if (ended) {
        set('teaser', block.reason);
        continue;
      } else block = undefined;
    }
    if (ended) {
      set(u.title || u.bullet ? 'teaser' : 'footer', 'after the end of the story');
      continue;
    }
    if (MEDIA.test(u.norm)) {
      set('teaser', 'media link');
      continue;
    }
    if (u.title && (titleCount.get(keyOf(u)) ?? 0) >= 2 && !(i === 0 && !haveBody)) {
      set('teaser', 'title repeated in the article');
      continue;
    }
    if (!u.sentence && u.words <= 2 && !u.text.trim().endsWith(':')) {
      set('footer', 'short line');
      continue;
    }
    if (!haveBody) {
      if (u.title && !haveHeadline && u.words >= 3) set('headline', 'first title-like line');
      else if (u.title && haveHeadline) set('lead', 'deck under the headline');
      else set('lead', 'first paragraph');
      continue;
    }
    if (u.bullet) {
      set(u.title ? 'teaser' : 'body', u.title ? 'list of titles' : 'list item');
      continue;
    }
    if (u.title) {
      if (titleRun) {
        set('teaser', 'run of title-like lines');
        titleRun = true;
        continue;
      }
      if (next && !next.marker && next.title && !next.bullet) {
        set('teaser', 'run of title-like lines');
        titleRun = true;
        continue;
      }
      if (isParagraph(next)) set('body', 'sub-heading');
      else set('teaser', 'title-like line not followed by text');
      continue;
    }
    set('body', 'paragraph');
  }
  return out;
}

/** Segments plus the article language (detected over the story's own segments). */
export interface Segmentation {
  segments: Segment[];
  /** Sentence spans of each segment (same order as `segments`). */
  sentences: SentenceSpan[][];
  lang: Lang;
  langConfidence: number;
}

const MAIN: ReadonlySet<SegmentKind> = new Set(['headline', 'lead', 'body']);

/**
 * Segment an article and detect its language. `hintLang` (e.g. the source's stated language) is
 * used only when the text itself gives too little evidence. `norm` is the article's normalised
 * text when the caller already has it.
 */
export function segmentWithLanguage(
  text: string,
  options: SegmentOptions = {},
  hintLang?: string,
  norm: NormalizedText = normalize(text),
): Segmentation {
  const us = units(text, norm);
  const whole = guessLanguage(addLangStats(...us.map((u) => u.stats)));
  const classes = classify(us, whole.lang, options);
  const own = us.filter((_, i) => MAIN.has(classes[i]!.kind));
  let art = own.length > 0 ? guessLanguage(addLangStats(...own.map((u) => u.stats))) : whole;
  if (art.confidence < INHERIT_BELOW && hintLang && ['ar', 'fa', 'en'].includes(hintLang)) {
    art = { lang: hintLang as Lang, confidence: Math.max(art.confidence, 0.5) };
  }
  const segments = us.map((u, i): Segment => {
    const c = classes[i]!;
    let g = guessLanguage(u.stats);
    if (g.confidence < INHERIT_BELOW && art.confidence > 0) {
      const same = g.lang === art.lang ? g.confidence : 0;
      g = {
        lang: art.lang,
        confidence: Math.round(Math.max(same, art.confidence * 0.6) * 100) / 100,
      };
    }
    return {
      kind: c.kind,
      start: u.start,
      end: u.end,
      lang: g.lang,
      langConfidence: g.confidence,
      reason: c.reason,
    };
  });
  return {
    segments,
    sentences: us.map((u) => u.sentences),
    lang: art.lang,
    langConfidence: art.confidence,
  };
}

/** Segment an article's text (see the module comment for the rules). */
export function segmentArticle(text: string, options: SegmentOptions = {}): Segment[] {
  return segmentWithLanguage(text, options).segments;
}
