/**
 * extract/extract — finds the actors of one article: lexicon names (with clitics, suffixes and
 * spelling variants), short references, demonyms, office phrases resolved to their holders,
 * counterparts («نظيره الإيراني», «همتای روس خود»), and new actors discovered from cue phrases.
 * Pure: depends only on the processed article and the matcher.
 */

import { DEFAULTS } from '../config/defaults.ts';
import type { EntityHit, Matcher, OfficeHit, TrieMatch } from '../lexicon/matcher.ts';
import type { EntityKind } from '../lexicon/schema.ts';
import { normalizeString } from '../text/normalize.ts';
import { type Token, tokenize } from '../text/tokenize.ts';
import { MAIN_SEGMENTS, type NormalizedText, type ProcessedArticle } from '../text/types.ts';
import { readName, skeleton, slugify } from './candidates.ts';
import { COMMON_GIVEN_NAMES } from './given-names.ts';
import type { ArticleExtraction, Candidate, Mention, OfficeMention } from './types.ts';

const KIND_OF_PREFIX: Record<string, EntityKind> = {
  person: 'person',
  country: 'country',
  org: 'organization',
  conflict: 'conflict',
  place: 'place',
};

/** Entity kind from an id prefix. */
export function kindOf(id: string): EntityKind {
  return KIND_OF_PREFIX[id.slice(0, id.indexOf(':'))] ?? 'person';
}

/** Locates offsets in sentences, segments and paragraphs (binary search). */
class Locator {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly p: ProcessedArticle) {
    const t = p.article.text;
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }
  private static search(starts: number[], off: number): number {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  private sentenceStarts?: number[];
  sentence(off: number): number {
    this.sentenceStarts ??= this.p.sentences.map((s) => s.start);
    return this.sentenceStarts.length === 0 ? -1 : Locator.search(this.sentenceStarts, off);
  }
  private segmentStarts?: number[];
  segment(off: number): number {
    this.segmentStarts ??= this.p.segments.map((s) => s.start);
    return this.segmentStarts.length === 0 ? -1 : Locator.search(this.segmentStarts, off);
  }
  paragraph(off: number): number {
    return Locator.search(this.lineStarts, off);
  }
}

function origSpan(
  norm: NormalizedText,
  tokens: Token[],
  first: number,
  last: number,
  prefix = 0,
  suffix = 0,
) {
  const a = tokens[first]!.start + prefix;
  const b = tokens[last]!.end - suffix;
  return { start: norm.map[a]!, end: norm.map[b - 1]! + 1 };
}

/** Is `date` (YYYY-MM-DD) within a term (from/to may be YYYY or YYYY-MM)? */
export function inTerm(date: string, from: string, to?: string): boolean {
  const lo = from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from;
  const hi = !to
    ? '9999-12-31'
    : to.length === 4
      ? `${to}-12-31`
      : to.length === 7
        ? `${to}-31`
        : to;
  return date >= lo && date <= hi;
}

interface RawHit {
  match: TrieMatch<EntityHit>;
  ids: string[];
  via: EntityHit['via'];
}

const DEFAULT_BODY_OFFICES = new Set([
  'foreign_minister',
  'deputy_foreign_minister',
  'spokesperson',
  // «رهبر انقلاب» in a Persian outlet is Iran's; other countries' leaders are named with theirs.
  'supreme_leader',
]);

/** Can a title naming `title` refer to someone holding `held`? («الوزير» → any minister). */
export function compatibleOffice(title: string, held: string): boolean {
  if (title === held) return true;
  switch (title) {
    case 'minister':
      return held.endsWith('minister');
    case 'president':
      // "The president" is never a king or an emir.
      return held === 'president' || held === 'head_of_state';
    case 'king':
      return held === 'king' || held === 'head_of_state';
    case 'head_of_state':
      return ['president', 'king', 'emir', 'head_of_state', 'supreme_leader'].includes(held);
    case 'emir':
      return held === 'emir' || held === 'crown_prince' || held === 'head_of_state';
    case 'leader':
      // "The Russian leader", «الزعيم الصيني»: whoever leads the country (or the movement).
      return [
        'president',
        'prime_minister',
        'king',
        'emir',
        'supreme_leader',
        'head_of_state',
        'head_of_government',
      ].includes(held);
    default:
      return false;
  }
}

/**
 * Offices that many people hold at once (a country has an ambassador in every capital): a
 * date does not tell which one «سفیر ایران» is — only a holder the article names does.
 */
const MANY_HOLDERS = new Set(['ambassador', 'envoy', 'minister', 'deputy_foreign_minister']);

/** Words for "the capital" before a country or its adjective (normalised). */
const CAPITAL_WORDS = new Set(['العاصمه', 'عاصمه', 'پايتخت'].map((w) => normalizeString(w)));
const CAPITALS = new WeakMap<Matcher, Map<string, string>>();

/** The capital (a lexicon place marked `capital`) of a country, if the lexicon has one. */
function capitalOf(matcher: Matcher, country: string): string | undefined {
  let map = CAPITALS.get(matcher);
  if (!map) {
    map = new Map();
    const places = [...matcher.lexicon.entities.values()].filter(
      (e) => e.kind === 'place' && e.capital && e.country,
    );
    // Two capitals for one country (seat of government and official capital): name neither.
    const count = new Map<string, number>();
    for (const e of places) count.set(e.country!, (count.get(e.country!) ?? 0) + 1);
    for (const e of places) if (count.get(e.country!) === 1) map.set(e.country!, e.id);
    CAPITALS.set(matcher, map);
  }
  return map.get(country);
}

const NAME_SKELETONS = new WeakMap<Matcher, Map<string, Set<string>>>();

/** Consonant skeletons (3+ letters) of the words of a person's names and short forms, cached. */
function nameSkeletons(matcher: Matcher, person: string): Set<string> {
  let byPerson = NAME_SKELETONS.get(matcher);
  if (!byPerson) {
    byPerson = new Map();
    NAME_SKELETONS.set(matcher, byPerson);
  }
  let words = byPerson.get(person);
  if (!words) {
    words = new Set();
    const e = matcher.lexicon.entities.get(person);
    for (const list of e ? [...Object.values(e.names), ...Object.values(e.short)] : []) {
      for (const n of list ?? []) {
        for (const w of skeleton(normalizeString(n)).split(' ')) if (w.length >= 3) words.add(w);
      }
    }
    byPerson.set(person, words);
  }
  return words;
}

const LATIN_START = /^[a-z]/;
/** Given names that begin Persian compounds written as one word («محمدکاظم», «عبدالرضا»). */
const PREFIX_GIVEN = ['محمد', 'عبد', 'علي', 'امير', 'ابو'].map((w) => normalizeString(w));
const GIVEN = new WeakMap<Matcher, Set<string>>();

/**
 * Common given names and the first words of every Arabic-script name of a known person
 * (normalised): the words a new actor's name may start with. Built once per matcher.
 */
function givenNames(matcher: Matcher): Set<string> {
  let set = GIVEN.get(matcher);
  if (set) return set;
  set = new Set(COMMON_GIVEN_NAMES.map((n) => normalizeString(n).replace(/\s+/g, '')));
  for (const e of matcher.lexicon.entities.values()) {
    if (e.kind !== 'person') continue;
    for (const n of [...(e.names.ar ?? []), ...(e.names.fa ?? [])]) {
      const w = tokenize(normalizeString(n))[0]?.text;
      if (w && w.length >= 3 && !STOP_GIVEN.has(w)) set.add(w);
    }
  }
  GIVEN.set(matcher, set);
  return set;
}
/** First words of known names that are titles or articles, not given names. */
const STOP_GIVEN = new Set(
  ['الشيخ', 'الامير', 'السيد', 'الملك', 'سيد', 'شيخ', 'امير', 'ملك'].map((w) => normalizeString(w)),
);

/** Words that put an ambassador's host country between the office and the name (normalised). */
const HOST_WORDS = new Set(['لدي', 'في', 'to', 'in', 'در', 'نزد']);

/** Words after an office phrase that make it someone other than the holder on the date. */
const NOT_HOLDER_AFTER = new Set([
  'السابق',
  'الاسبق',
  'سابق',
  'اسبق',
  'پيشين',
  'المنتخب',
  'منتخب',
  'المكلف',
  'elect',
  'designate',
]);
const NOT_HOLDER_BEFORE = new Set(['former', 'ex', 'late', 'then']);

export interface ExtractOptions {
  /** Country an office phrase without one refers to, by article language (Iranian outlets' «وزیر امور خارجه»). */
  officeDefaultCountry: Partial<Record<string, string>>;
}

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  officeDefaultCountry: { ...DEFAULTS.extract.officeDefaultCountry },
};

/**
 * Extract mentions, office phrases and candidates from a processed article. Offices resolve
 * to their holder on the article's publication date; without a date, only to a holder the
 * article also names in full.
 */
export function extractArticle(
  p: ProcessedArticle,
  matcher: Matcher,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): ArticleExtraction {
  const { norm } = p;
  const text = p.article.text;
  const tokens = tokenize(norm.text);
  const loc = new Locator(p);
  const date = p.published;
  const entities = matcher.lexicon.entities;

  const isMain = (off: number) => {
    const seg = p.segments[loc.segment(off)];
    return seg ? MAIN_SEGMENTS.has(seg.kind) : true;
  };

  // 1. Lexicon names over tokens.
  const raw: RawHit[] = [];
  // Arabic proclitics (و ف ب ل ك ال …) only exist in Arabic: in Persian «کمکهای» is not «ك+مكه».
  const clitics = p.lang !== 'fa' && p.lang !== 'en';
  for (const m of matcher.entities.matchAll(tokens, clitics)) {
    // Latin personal names are proper nouns: "power" is not Samantha Power, "rice" not Condoleezza Rice.
    const head = text[norm.map[tokens[m.first]!.start + m.prefix]!] ?? '';
    const lower = /[a-z]/.test(head);
    // Persian has no article: «السودانی» in a Persian text is Iraq's al-Sudani, not "the Sudanese".
    const arabicArticle = p.lang === 'fa' && tokens[m.first]!.text.startsWith('ال');
    let values = m.values.filter((v) => {
      if (lower && v.id.startsWith('person:')) return false;
      if (arabicArticle && v.via === 'demonym') return false;
      if (v.via !== 'acronym') return true;
      const { start, end } = origSpan(norm, tokens, m.first, m.last, m.prefix, m.suffix);
      return (
        m.prefix === 0 &&
        m.suffix === 0 &&
        text.slice(start, end).replaceAll('.', '') === v.exact!.replaceAll('.', '')
      );
    });
    if (values.length === 0) continue;
    // Prefer full names over short forms over demonyms when one key serves several.
    const rank = { name: 0, acronym: 0, demonym: 1, short: 2 } as const;
    const best = Math.min(...values.map((v) => rank[v.via]));
    values = values.filter((v) => rank[v.via] === best);
    const ids = [...new Set(values.map((v) => v.id))].sort();
    raw.push({ match: m, ids, via: values[0]!.via });
  }

  // Entities named in full somewhere in the article's own text.
  const namedInFull = new Set<string>();
  for (const h of raw) {
    if (h.ids.length === 1 && h.via !== 'short') {
      const { start } = origSpan(norm, tokens, h.match.first, h.match.last);
      if (isMain(start)) namedInFull.add(h.ids[0]!);
    }
  }

  /** Terms of `office` of `of` on the article's date (all of them without one), by person. */
  const holdersOn = (office: string, of: string): string[] =>
    (matcher.holders.get(`${office}|${of}`) ?? [])
      .filter((h) => !date || inTerm(date, h.from, h.to))
      .map((h) => h.person);
  const holderAt = (office: string, of: string | undefined): string | undefined => {
    // Without a body, only an office that one body has (Iran's «رهبر انقلاب», the Supreme Leader).
    if (!of) {
      const bodies = matcher.bodiesOf.get(office);
      if (bodies?.length !== 1) return undefined;
      of = bodies[0]!;
    }
    const current = holdersOn(office, of);
    if (date && !MANY_HOLDERS.has(office) && current.length === 1) return current[0];
    // Several (acting + regular, or an office many hold at once), or no date: only a holder the
    // article names in full. (Not "the only holder the lexicon knows": its list of holders is
    // never complete, and an undated «Djiboutian Foreign Minister» next to an unlisted name
    // is that name, not the listed minister.)
    const named = [...new Set(current)].filter((id) => namedInFull.has(id));
    return named.length === 1 ? named[0] : undefined;
  };

  /** Did the person hold an office a title like `office` names (at the date, when known)? */
  const heldCompatible = (person: string, office: string, of?: string): boolean =>
    (entities.get(person)?.offices ?? []).some(
      (t) =>
        compatibleOffice(office, t.office) &&
        (!of || t.of === of) &&
        (!date || inTerm(date, t.from, t.to)),
    ) || statedOffice.get(person) === office;

  const heldOffice = (person: string, office: string, of?: string): boolean =>
    (entities.get(person)?.offices ?? []).some(
      (t) => t.office === office && (!of || t.of === of) && (!date || inTerm(date, t.from, t.to)),
    );

  // 2. Disambiguate and keep mentions.
  const mentions: Mention[] = [];
  const taken = new Set<number>();
  const pushMention = (
    id: string,
    first: number,
    last: number,
    via: Mention['via'],
    prefix = 0,
    suffix = 0,
  ) => {
    const { start, end } = origSpan(norm, tokens, first, last, prefix, suffix);
    const sentence = loc.sentence(start);
    mentions.push({
      entity: id,
      kind: kindOf(id),
      start,
      end,
      surface: text.slice(start, end),
      sentence,
      segment: loc.segment(start),
      paragraph: loc.paragraph(start),
      main: isMain(start),
      via,
      tFirst: first,
      tLast: last,
    });
    for (let t = first; t <= last; t++) taken.add(t);
  };

  for (const h of raw) {
    let ids = h.ids;
    if (ids.length > 1) {
      const named = ids.filter((id) => namedInFull.has(id));
      if (named.length >= 1) ids = named;
    }
    if (ids.length > 1 && date) {
      const active = ids.filter((id) =>
        (entities.get(id)?.offices ?? []).some((t) => inTerm(date, t.from, t.to)),
      );
      if (active.length >= 1) ids = active;
    }
    if (ids.length !== 1) continue; // ambiguous: not linked
    const id = ids[0]!;
    if (h.via === 'short' && !namedInFull.has(id)) {
      // A surname alone: accepted when no other actor shares it (the trie said so) and the
      // person held an office on the article's date (or no date is known).
      const e = entities.get(id);
      if (
        !e ||
        (date && e.offices.length > 0 && !e.offices.some((t) => inTerm(date, t.from, t.to)))
      )
        continue;
    }
    pushMention(id, h.match.first, h.match.last, h.via, h.match.prefix, h.match.suffix);
  }
  // «العاصمة العراقية», «پایتخت ایران»: the country's capital, as a place (the country stays).
  for (const m of [...mentions]) {
    if (m.kind !== 'country' || !CAPITAL_WORDS.has(tokens[m.tFirst - 1]?.text ?? '')) continue;
    const capital = capitalOf(matcher, m.entity);
    if (capital && !taken.has(m.tFirst - 1)) pushMention(capital, m.tFirst - 1, m.tLast, 'capital');
  }
  mentions.sort((a, b) => a.tFirst - b.tFirst);

  // 3. Office phrases and counterparts.
  const byFirst = new Map<number, Mention>();
  const byLast = new Map<number, Mention>();
  for (const m of mentions) {
    byFirst.set(m.tFirst, m);
    byLast.set(m.tLast, m);
  }
  const gapIsClean = (a: number, b: number, allowComma: boolean) => {
    // Tokens a < b: only spaces (and a comma when allowed) between them.
    const between = norm.text.slice(tokens[a]!.end, tokens[b]!.start);
    return allowComma ? !/[^\s,-]/.test(between) : !/[^\s-]/.test(between);
  };
  const nextMention = (after: number, maxGap: number, pred: (m: Mention) => boolean) => {
    for (let t = after + 1; t <= after + 1 + maxGap && t < tokens.length; t++) {
      const m = byFirst.get(t);
      if (m && pred(m) && gapIsClean(after, t, true)) return m;
      if (taken.has(t)) return undefined;
    }
    return undefined;
  };
  const prevMention = (before: number, pred: (m: Mention) => boolean) => {
    const m = byLast.get(before - 1);
    if (m && pred(m) && gapIsClean(before - 1, before, true)) return m;
    return undefined;
  };
  const isBody = (m: Mention) => m.kind === 'country' || m.kind === 'organization';
  const isPerson = (m: Mention) => m.kind === 'person';

  const offices: OfficeMention[] = [];
  const candidates: Candidate[] = [];
  const officeMatches: { m: TrieMatch<OfficeHit | { counterpart: true }>; counterpart: boolean }[] =
    [
      ...matcher.offices.matchAll(tokens).map((m) => ({ m, counterpart: false })),
      ...matcher.counterparts.matchAll(tokens).map((m) => ({ m, counterpart: true })),
    ].sort((a, b) => a.m.first - b.m.first);

  let lastOffice: { office: string; person?: string; sentence: number } | undefined;
  /** Offices the text gives a person («وزير الخارجية الروسي سيرغي لافروف»). */
  const statedOffice = new Map<string, string>();
  const officeOfPerson = (person: string): string | undefined => {
    const stated = statedOffice.get(person);
    if (stated) return stated;
    const terms = entities.get(person)?.offices ?? [];
    if (date) return terms.find((t) => inTerm(date, t.from, t.to))?.office;
    const open = terms.filter((t) => !t.to).sort((a, b) => (a.from < b.from ? 1 : -1));
    return (open[0] ?? [...terms].sort((a, b) => (a.from < b.from ? 1 : -1))[0])?.office;
  };
  const defaultBody = options.officeDefaultCountry[p.lang];
  /** Does the name over tokens `span` share a word (by consonant skeleton) with `person`'s names? */
  const sharesNameWord = (span: [number, number], person: string): boolean => {
    const words = nameSkeletons(matcher, person);
    for (let t = span[0]; t <= span[1]; t++) {
      if (words.has(skeleton(tokens[t]!.text))) return true;
    }
    return false;
  };

  for (const { m, counterpart } of officeMatches) {
    if (taken.has(m.first) && !counterpart) continue; // part of a name
    const { start, end } = origSpan(norm, tokens, m.first, m.last, m.prefix, m.suffix);
    const sentence = loc.sentence(start);
    let officeKey: string | undefined;
    let plural = false;
    if (counterpart) {
      // «نظيره» = the counterpart of the office holder just spoken of.
      const prevPerson = [...mentions]
        .reverse()
        .find((x) => x.tLast < m.first && x.kind === 'person' && x.sentence >= sentence - 1);
      officeKey =
        lastOffice && lastOffice.sentence >= sentence - 1
          ? lastOffice.office
          : prevPerson
            ? officeOfPerson(prevPerson.entity)
            : undefined;
      if (!officeKey) continue;
    } else {
      const v = m.values[0] as OfficeHit;
      officeKey = v.office;
      plural = v.plural;
    }
    // The body whose office it is: a demonym or name right after (or before, in English).
    let body = nextMention(m.last, 1, isBody);
    if (!body) {
      const prev = prevMention(m.first, (x) => isBody(x) && x.via === 'demonym');
      if (prev) body = prev;
    }
    const after = body && body.tFirst > m.last ? body.tLast : m.last;
    // «وزير الخارجية السابق», "former foreign minister", «الرئيس المنتخب»: not today's holder.
    const notHolder =
      NOT_HOLDER_AFTER.has(tokens[after + 1]?.text ?? '') ||
      NOT_HOLDER_AFTER.has(tokens[m.last + 1]?.text ?? '') ||
      NOT_HOLDER_BEFORE.has(tokens[m.first - 1]?.text ?? '');
    const om: OfficeMention = {
      office: officeKey,
      ...(body ? { of: body.entity } : {}),
      start,
      end,
      sentence,
      segment: loc.segment(start),
      main: isMain(start),
      plural,
      counterpart,
      tFirst: m.first,
      tLast: after,
    };
    if (notHolder) {
      // Named or not, a former or future holder is not resolved by date and gets no role.
    } else if (plural) {
      // «وزرای خارجه ایران و روسیه»: each body's holder.
      const bodies: Mention[] = [];
      let cursor = m.last;
      for (let k = 0; k < 4; k++) {
        // «روسیه و ترکیه», «ایران، روسیه»: the next body after «و», «and» or a comma.
        // (The gap holds the text of any token between, so it is «و» or "and" at most.)
        let b: Mention | undefined;
        for (let t = cursor + 1; t <= cursor + 2 && t < tokens.length && !b; t++) {
          const x = byFirst.get(t);
          const gap = norm.text.slice(tokens[cursor]!.end, tokens[t]!.start);
          if (x && isBody(x) && /^[\s,-]*((و|and)[\s,-]*)?$/.test(gap)) b = x;
        }
        if (!b) break;
        bodies.push(b);
        cursor = b.tLast;
      }
      for (const b of bodies) {
        const holder = holderAt(officeKey, b.entity);
        if (holder) pushMention(holder, m.first, m.last, 'office', m.prefix, m.suffix);
      }
    } else {
      const following = nextMention(after, 1, isPerson);
      const preceding = prevMention(m.first, isPerson);
      const fits = (x?: Mention) => x && heldOffice(x.entity, officeKey!, body?.entity);
      let person: Mention | undefined;
      if (fits(following)) person = following;
      else if (fits(preceding)) person = preceding;
      else if (following && !counterpart) person = following;
      else if (p.lang === 'fa' && preceding && !counterpart) person = preceding;
      else if (counterpart && following) person = following;
      if (person) {
        om.person = person.entity;
        om.personVia = counterpart ? 'counterpart' : 'adjacent';
        if (!counterpart) statedOffice.set(person.entity, officeKey);
      } else {
        // Iranian outlets say «وزیر امور خارجه» for their own minister — only ministry offices.
        const ownMinistry = !counterpart && DEFAULT_BODY_OFFICES.has(officeKey);
        let holder = holderAt(officeKey, body?.entity ?? (ownMinistry ? defaultBody : undefined));
        // A name the lexicon does not know, right after a cue naming the office and its country
        // («السفيرة الأميركية لدى لبنان ليزا جونسون», "Djiboutian Foreign Minister Abdoulkader
        // Houssein Omar"): a new actor — unless it is a spelling of the holder on that date.
        let span: [number, number] | undefined;
        let from = after;
        if (!counterpart && body?.kind === 'country') {
          // An ambassador's host country between office and name: «لدى لبنان», "to Lebanon".
          const via = byFirst.get(after + 2);
          if (HOST_WORDS.has(tokens[after + 1]?.text ?? '') && via && isBody(via)) from = via.tLast;
          span = readName(tokens, from + 1, 1, norm.text, text, norm.map, (t) => taken.has(t));
          if (span && !gapIsClean(from, span[0], true)) span = undefined;
          // Persian puts the name first: «کاظم جلالی سفیر ایران در روسیه» — only when no
          // holder is known (in verb-first Arabic the name before an office is the subject).
          if (!span && !holder && p.lang === 'fa') {
            const back = readName(tokens, m.first - 1, -1, norm.text, text, norm.map, (t) =>
              taken.has(t),
            );
            if (back && gapIsClean(back[1], m.first, false)) span = back;
          }
        }
        // Arabic and Persian have no capitals: a name there starts with a given name some
        // known person bears («محمد», «ليلى», «محمدکاظم»), or it is not read as one.
        if (span && !LATIN_START.test(tokens[span[0]]!.text)) {
          const given = givenNames(matcher);
          const first = tokens[span[0]]!.text;
          const known = (w: string) =>
            given.has(w) || PREFIX_GIVEN.some((g) => w.startsWith(g) && given.has(g));
          if (!known(first) && !(first.startsWith('و') && known(first.slice(1)))) span = undefined;
        }
        if (span && !holder && body) {
          // No single holder on the date (ambassadors, or several at once): a listed holder of
          // that office whose name the span shares is the one named («محمد آل جابر»).
          const alike = [...new Set(holdersOn(officeKey, body.entity))].filter((id) =>
            sharesNameWord(span!, id),
          );
          if (alike.length === 1) holder = alike[0];
        }
        if (span && holder && sharesNameWord(span, holder)) span = undefined;
        else if (span) holder = undefined;
        if (holder) {
          om.person = holder;
          om.personVia = counterpart ? 'counterpart' : 'holder';
          pushMention(
            holder,
            m.first,
            m.last,
            counterpart ? 'counterpart' : 'office',
            m.prefix,
            m.suffix,
          );
        } else {
          // A new actor named next to a cue that names the office and its country.
          if (span) {
            const cand = makeCandidate(p, norm, tokens, span, officeKey, body?.entity);
            candidates.push(cand);
            om.person = cand.id;
            om.personVia = 'candidate';
            pushMention(cand.id, span[0], span[1], 'cue');
          } else {
            // «الوزير الإيراني», «سمو الأمير», «نظيره الروسي»: the person of that office (and
            // country) the article spoke of last.
            const ref = [...mentions]
              .filter((x) => x.kind === 'person' && x.tLast < m.first && x.main === isMain(start))
              .sort((a, b) => b.tLast - a.tLast)
              .find((x) => heldCompatible(x.entity, officeKey!, body?.entity));
            if (ref) {
              om.person = ref.entity;
              om.personVia = 'coref';
              pushMention(ref.entity, m.first, m.last, 'coref', m.prefix, m.suffix);
            }
          }
        }
      }
    }
    offices.push(om);
    lastOffice = { office: officeKey, ...(om.person ? { person: om.person } : {}), sentence };
  }

  mentions.sort((a, b) => a.start - b.start || a.end - b.end);

  // 4. Terms of office of the persons the article names, for pinning dates.
  const terms: { from: string; to?: string }[] = [];
  for (const id of namedInFull) {
    for (const t of entities.get(id)?.offices ?? [])
      terms.push({ from: t.from, ...(t.to ? { to: t.to } : {}) });
  }
  return { mentions, offices, candidates, terms };
}

function makeCandidate(
  p: ProcessedArticle,
  norm: NormalizedText,
  tokens: Token[],
  span: [number, number],
  office: string,
  of: string | undefined,
): Candidate {
  const { start, end } = origSpan(norm, tokens, span[0], span[1]);
  const name = p.article.text.slice(start, end).replace(/\s+/g, ' ');
  const key = tokens
    .slice(span[0], span[1] + 1)
    .map((t) => t.text)
    .join(' ');
  const skel = skeleton(key);
  const latin = slugify(name);
  const slug = latin || skel.replace(/\s+/g, '-');
  return {
    id: `person:${slug || 'unknown'}`,
    name,
    key,
    skeleton: skel,
    office,
    ...(of ? { of } : {}),
    lang: p.lang,
  };
}
