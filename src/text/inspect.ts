/**
 * text/inspect — a processed article as text for people (`diplograph inspect`): its segments with
 * kind, language and the reason for the kind, its sentences, and its dates marked in place with
 * their resolution, so that a user can see why something was or was not linked. Also a plain
 * JSON form of the same (`--json`). Pure: no I/O, no clock.
 */
import {
  type DateMention,
  MAIN_SEGMENTS,
  type ProcessedArticle,
  type SegmentKind,
} from './types.ts';

export interface InspectOptions {
  /** ANSI colours (for a terminal). */
  color: boolean;
}

const ESC = '\u001b[';
const STYLE: Record<string, string> = {
  bold: '1',
  dim: '2',
  underline: '4',
  red: '31',
  green: '32',
  yellow: '33',
  blue: '34',
  magenta: '35',
  cyan: '36',
  gray: '90',
};
const KIND_STYLE: Record<SegmentKind, string[]> = {
  headline: ['bold', 'green'],
  lead: ['green'],
  body: [],
  teaser: ['yellow'],
  tags: ['magenta'],
  source: ['blue'],
  dateline: ['cyan'],
  footer: ['gray'],
};
const KINDS: SegmentKind[] = [
  'headline',
  'lead',
  'body',
  'teaser',
  'tags',
  'source',
  'dateline',
  'footer',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RELATIVE: Record<string, string> = {
  '-2': 'day before yesterday',
  '-1': 'yesterday',
  '0': 'today',
  '1': 'tomorrow',
  '2': 'day after tomorrow',
};

/** 1-based line number of each offset, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** A short description of what a date mention says and how it resolved. */
export function describeDate(d: DateMention): string {
  const parts: string[] = [d.calendar, d.form];
  if (d.year !== undefined || d.month !== undefined) {
    const two = (n: number | undefined) => (n === undefined ? '··' : String(n).padStart(2, '0'));
    parts.push([d.year ?? '····', two(d.month), two(d.day)].join('-'));
  }
  if (d.weekday !== undefined) parts.push(WEEKDAYS[d.weekday]!);
  if (d.offset !== undefined) parts.push(RELATIVE[String(d.offset)] ?? `${d.offset} days`);
  if (d.direction) parts.push(d.direction === 'next' ? 'next' : 'last');
  if (d.sameYear) parts.push('this year');
  if (d.publication) parts.push('publication date');
  if (d.foreign) parts.push('outside the story');
  return `${parts.join(', ')} → ${d.iso ?? `unresolved: ${d.unresolved ?? 'not resolved yet'}`}`;
}

/**
 * Format a processed article for reading: a header (id, source, encoding, language, publication
 * date, counts), then each segment as `L<line> KIND lang confidence reason` with its sentences,
 * dates marked ⟦…→ iso⟧ in place, then the list of dates. Segments outside the story are
 * flagged: their mentions are not linked to the story's actors.
 */
export function formatInspect(p: ProcessedArticle, options: InspectOptions): string {
  const paint = (s: string, ...styles: string[]) =>
    options.color && styles.length > 0
      ? `${ESC}${styles.map((k) => STYLE[k]).join(';')}m${s}${ESC}0m`
      : s;
  const a = p.article;
  const text = a.text;
  const lineOf = lineIndex(text);
  const out: string[] = [];

  const counts = new Map<SegmentKind, number>();
  for (const s of p.segments) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const resolved = p.dates.filter((d) => d.iso).length;
  const publishedFrom = p.published
    ? a.meta.date === p.published
      ? 'stated by the source'
      : 'from the date line'
    : '';
  out.push(paint(`article ${a.id}`, 'bold'));
  out.push(
    `  source     ${a.source}${a.line !== undefined ? `:${a.line}` : ''} (${a.encoding}, ${a.bytes} bytes)`,
  );
  for (const key of ['title', 'url', 'outlet'] as const) {
    const v = a.meta[key];
    if (v) out.push(`  ${key.padEnd(10)} ${v}`);
  }
  out.push(`  language   ${p.lang} ${p.langConfidence.toFixed(2)}`);
  out.push(`  published  ${p.published ? `${p.published} (${publishedFrom})` : 'unknown'}`);
  out.push(
    `  segments   ${p.segments.length}: ${
      KINDS.filter((k) => counts.has(k))
        .map((k) => `${k} ${counts.get(k)}`)
        .join(', ') || 'none'
    }`,
  );
  out.push(`  sentences  ${p.sentences.length}`);
  out.push(`  dates      ${p.dates.length} (${resolved} resolved)`);
  out.push('');

  const datesIn = (from: number, to: number) =>
    p.dates.filter((d) => d.start >= from && d.end <= to);
  const mark = (from: number, to: number): string => {
    let s = '';
    let pos = from;
    for (const d of datesIn(from, to)) {
      if (d.start < pos) continue;
      s += text.slice(pos, d.start);
      const label = `⟦${text.slice(d.start, d.end)} → ${d.iso ?? '?'}⟧`;
      s += paint(label, d.iso ? 'cyan' : 'red', 'underline');
      pos = d.end;
    }
    return s + text.slice(pos, to);
  };

  p.segments.forEach((seg, i) => {
    const main = MAIN_SEGMENTS.has(seg.kind);
    const head = [
      `L${lineOf(seg.start)}`.padEnd(5),
      paint(seg.kind.toUpperCase().padEnd(9), ...KIND_STYLE[seg.kind]),
      `${seg.lang} ${seg.langConfidence.toFixed(2)}`.padEnd(10),
      seg.reason ?? '',
      main ? '' : paint('  (not the story: not linked)', 'dim'),
    ].join(' ');
    out.push(head.trimEnd());
    const sents = p.sentences.filter((s) => s.segment === i);
    if (sents.length === 0) out.push(`      │ ${mark(seg.start, seg.end)}`);
    for (const s of sents) {
      const n = p.sentences.indexOf(s) + 1;
      out.push(`      │ ${paint(`s${n}`, 'dim')} ${mark(s.start, s.end)}`);
    }
  });

  if (p.dates.length > 0) {
    out.push('');
    out.push(paint('dates', 'bold'));
    for (const d of p.dates) {
      const at = `  L${lineOf(d.start)}`.padEnd(7);
      out.push(`${at} «${d.text}»  ${describeDate(d)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The JSON form of `inspect --json`: the processed article with segment and sentence texts. */
export function inspectJson(p: ProcessedArticle): Record<string, unknown> {
  const text = p.article.text;
  const lineOf = lineIndex(text);
  return {
    id: p.article.id,
    source: p.article.source,
    ...(p.article.line !== undefined ? { line: p.article.line } : {}),
    encoding: p.article.encoding,
    bytes: p.article.bytes,
    hash: p.article.hash,
    meta: p.article.meta,
    lang: p.lang,
    langConfidence: p.langConfidence,
    published: p.published ?? null,
    segments: p.segments.map((s) => ({
      ...s,
      line: lineOf(s.start),
      text: text.slice(s.start, s.end),
    })),
    sentences: p.sentences.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
    dates: p.dates,
    text,
  };
}
