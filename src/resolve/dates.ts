/**
 * resolve/dates — pins dates that lack a year («امشب (جمعه) ۱۲ آبان») with what the article
 * says about who acted: the terms of office of the persons named beside the date (same
 * sentence, else paragraph, else the whole story) are intersected, and the text stage's
 * resolver picks a year only when exactly one fits the weekday within that window. Without a
 * publication date, the latest date so pinned then anchors the other year-less dates.
 */
import { DEFAULTS } from '../config/defaults.ts';
import type { ArticleExtraction } from '../extract/types.ts';
import type { Lexicon } from '../lexicon/types.ts';
import { resolveDates } from '../text/index.ts';
import type { DateMention, ProcessedArticle } from '../text/types.ts';

type Span = { from: string; to?: string };

const lo = (s: string) => (s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s);
const hi = (s: string | undefined) =>
  !s ? '9999-12-31' : s.length === 4 ? `${s}-12-31` : s.length === 7 ? `${s}-31` : s;

/** The span a person's offices cover: the office the article gives them, else all their offices. */
function personSpan(lexicon: Lexicon, x: ArticleExtraction, person: string): Span | undefined {
  const terms = lexicon.entities.get(person)?.offices ?? [];
  if (terms.length === 0) return undefined;
  const stated = x.offices.find((o) => o.person === person && o.personVia === 'adjacent');
  const chosen = stated
    ? terms.filter((t) => t.office === stated.office && (!stated.of || t.of === stated.of))
    : [];
  const use = chosen.length > 0 ? chosen : terms;
  const from = use.map((t) => lo(t.from)).sort()[0]!;
  const to = use
    .map((t) => hi(t.to))
    .sort()
    .at(-1)!;
  return { from, ...(to === '9999-12-31' ? {} : { to }) };
}

function intersect(spans: Span[]): Span | undefined {
  if (spans.length === 0) return undefined;
  const from = spans
    .map((s) => lo(s.from))
    .sort()
    .at(-1)!;
  const to = spans.map((s) => hi(s.to)).sort()[0]!;
  if (from > to) return undefined;
  return { from, ...(to === '9999-12-31' ? {} : { to }) };
}

/** Resolve every date of an article, pinning years by the terms of office of the actors beside it. */
export function pinDates(
  p: ProcessedArticle,
  x: ArticleExtraction,
  lexicon: Lexicon,
): DateMention[] {
  const published = p.published ? { published: p.published } : {};
  const persons = x.mentions.filter(
    (m) => m.main && m.kind === 'person' && m.via !== 'office' && m.via !== 'counterpart',
  );
  const sentenceOf = (off: number) => p.sentences.findIndex((s) => off >= s.start && off < s.end);
  const lineOf = (off: number) => p.article.text.slice(0, off).split('\n').length - 1;
  const spanOf = (ids: Iterable<string>) =>
    intersect(
      [...new Set(ids)].map((id) => personSpan(lexicon, x, id)).filter((s): s is Span => !!s),
    );
  const story = spanOf(persons.map((m) => m.entity));
  const first = p.dates.map((d) => {
    if (d.form === 'explicit' || d.foreign) return resolveDates([d], published)[0]!;
    const s = sentenceOf(d.start);
    const line = lineOf(d.start);
    const window =
      spanOf(persons.filter((m) => m.sentence === s).map((m) => m.entity)) ??
      spanOf(persons.filter((m) => m.paragraph === line).map((m) => m.entity)) ??
      story;
    return resolveDates([d], { ...published, ...(window ? { terms: [window] } : {}) })[0]!;
  });
  if (p.published) return first;
  // No publication date, but the story pinned some of its dates («جمعه ۱۲ آبان»): a day and
  // month without a year («۱۸ مهر», «اول آبان ماه سالجاری») falls in the half year before the
  // latest of them — the story tells of what happened before it was written.
  const pinned = first
    .filter((d) => d.iso && d.form !== 'relative' && d.form !== 'weekday')
    .map((d) => d.iso!);
  if (pinned.length === 0) return first;
  const latest = pinned.sort().at(-1)!;
  const windowMs = DEFAULTS.text.anchoredDateWindowDays * 86_400_000;
  return first.map((d, i) => {
    if (d.iso || d.form !== 'partial') return d;
    const r = resolveDates([p.dates[i]!], { published: latest })[0]!;
    if (!r.iso || r.iso > latest) return d;
    return Date.parse(latest) - Date.parse(r.iso) <= windowMs ? r : d;
  });
}
