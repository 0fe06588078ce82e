/**
 * text/dates — find date expressions (Arabic, Persian, English; Gregorian and Jalali) and resolve
 * them to ISO dates only when certain.
 *
 * Found: «2nd, November 2023», «14 أكتوبر 2023», «12 كانون الثاني 2024», «۱۲ آبان ۱۴۰۲»,
 * «۱۲ آبان ماه», «نهم و دهم آبان», «November 1, 2023», «2023-11-02», «02/11/2023», weekdays
 * («اليوم الأحد», «(جمعه)», «الإثنين المقبل», «last Monday») and relative words (اليوم، أمس،
 * امشب، امروز، دیروز, today, yesterday).
 *
 * Resolution rules (resolveDates):
 * - explicit dates resolve by themselves (Jalali → Gregorian with jalaali-js);
 * - relative words resolve against the publication date only;
 * - a weekday alone is the most recent such weekday on or before the publication date (shifted by
 *   a relative word beside it: «أمس الأربعاء»); «المقبل/next» takes the next one after it,
 *   «الماضي/last» the last one before it;
 * - a day and month without a year take a year only when exactly one candidate year lies in the
 *   window and (when a weekday is named beside it) falls on that weekday. The window is the
 *   intersection of the terms of office of the people named (when given) and, when the
 *   publication date is known, the ~11 months up to it (the 11 months after it for
 *   «المقبل/next»). With a publication date and no weekday this is: the latest year in which the
 *   date is not after publication, if that is within 11 months;
 * - anything else stays unresolved, with the reason. Nothing is guessed. Mentions outside the
 *   article's own text (`foreign`) resolve only when explicit.
 */
import * as jalaali from 'jalaali-js';
import { DEFAULTS } from '../config/defaults.ts';
import {
  dayNumber,
  FA_ORDINALS,
  isoFrom,
  isoOfDay,
  MONTHS,
  monthIn,
  WEEKDAYS,
  weekdayOf,
} from './calendar.ts';
import { toOriginal } from './normalize.ts';
import { type Token, tokenize } from './tokenize.ts';
import type { Calendar, DateMention, Lang, NormalizedText, Segment } from './types.ts';
import { MAIN_SEGMENTS } from './types.ts';

/** Window in days before (or after, for «next») the publication date for a day+month without year. */
export const PARTIAL_WINDOW_DAYS: number = DEFAULTS.text.partialDateWindowDays;

const REL1 = new Map<string, number>([
  ['اليوم', 0],
  ['الليله', 0],
  ['امس', -1],
  ['البارحه', -1],
  ['غدا', 1],
  ['امروز', 0],
  ['امشب', 0],
  ['ديروز', -1],
  ['ديشب', -1],
  ['پريروز', -2],
  ['فردا', 1],
  ['today', 0],
  ['tonight', 0],
  ['yesterday', -1],
  ['tomorrow', 1],
]);
const REL2 = new Map<string, number>([
  ['اول امس', -2],
  ['ليله امس', -1],
  ['بعد غد', 2],
  ['پس فردا', 2],
  ['last night', -1],
]);
/** Words that make «اليوم» mean “the day”, not “today”. */
const NOT_TODAY_BEFORE = new Set(['في', 'ذلك', 'هذا', 'نفس', 'حتي', 'منذ', 'الي', 'the']);
const NOT_TODAY_AFTER = new Set([
  'التالي',
  'السابق',
  'الاول',
  'الثاني',
  'الوطني',
  'العالمي',
  'الدولي',
]);
/** Words that make a weekday name an institution («نماز جمعه», «صلاة الجمعة»). */
const NOT_WEEKDAY_BEFORE = new Set(['نماز', 'امام', 'صلاه', 'خطبه', 'خطيب', 'ائمه', 'صلاة']);
const NEXT = new Set(['المقبل', 'المقبله', 'القادم', 'القادمه', 'اينده', 'next']);
const PAST = new Set(['الماضي', 'الماضيه', 'المنصرم', 'المنصرمه', 'گذشته', 'last']);
const AND = new Set(['و', 'and']);
const GAP_CHARS = new Set([' ', '\t', '\u00a0', ',', '(', ')', '-', '–', '—', '/']);
/** Words that can open a date expression (numbers are tested apart). */
const STARTERS = new Set<string>(['last', 'next']);
for (const k of [
  ...REL1.keys(),
  ...REL2.keys(),
  ...WEEKDAYS.keys(),
  ...FA_ORDINALS.keys(),
  ...MONTHS.keys(),
]) {
  STARTERS.add(k.split(' ')[0]!);
}

type Draft = Omit<DateMention, 'text'> & { nStart: number; nEnd: number };

/** Find date expressions in an article. `segments` give each mention its segment and `foreign` flag. */
export function findDates(
  text: string,
  norm: NormalizedText,
  segments: Segment[] = [],
  lang: Lang = 'ar',
): DateMention[] {
  const n = norm.text;
  const drafts: Draft[] = [];
  const taken: Array<[number, number]> = [];

  // Numeric dates first: 2023-11-02, 1402/08/12, 02/11/2023.
  for (const m of n.matchAll(/(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-]?\d)/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const calendar: Calendar | undefined =
      y >= 1300 && y < 1500 ? 'jalali' : y >= 1900 && y <= 2100 ? 'gregorian' : undefined;
    if (!calendar || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    drafts.push({
      nStart: m.index,
      nEnd: m.index + m[0].length,
      start: 0,
      end: 0,
      calendar,
      year: y,
      month: mo,
      day: d,
      form: 'explicit',
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of n.matchAll(/(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]?\d)/g)) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const calendar: Calendar | undefined =
      y >= 1300 && y < 1500 ? 'jalali' : y >= 1900 && y <= 2100 ? 'gregorian' : undefined;
    if (!calendar) continue;
    let day = a;
    let month = b;
    let ambiguous = false;
    if (lang === 'en' && a <= 12 && b <= 12 && a !== b) ambiguous = true;
    else if (lang === 'en' && b > 12) [day, month] = [b, a];
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const d: Draft = {
      nStart: m.index,
      nEnd: m.index + m[0].length,
      start: 0,
      end: 0,
      calendar,
      year: y,
      month,
      day,
      form: 'explicit',
    };
    if (ambiguous) d.unresolved = 'ambiguous day/month order';
    drafts.push(d);
    taken.push([m.index, m.index + m[0].length]);
  }

  const raw = tokenize(n).filter((t) => !taken.some(([a, b]) => t.start >= a && t.end <= b));
  // «وأمس», «وغداً», «والأحد», «وأول أمس»: a glued conjunction is not part of the date word.
  const toks = raw.map((t, k): Token => {
    if (!/^[وف]/.test(t.text) || t.text.length < 4) return t;
    const rest = t.text.slice(1);
    const known =
      REL1.has(rest) || WEEKDAYS.has(rest) || (rest === 'اول' && raw[k + 1]?.text === 'امس');
    return known ? { text: rest, start: t.start + 1, end: t.end } : t;
  });
  /** Only spaces, commas, brackets, dashes or slashes (at most 4 chars) between two tokens. */
  const gapOk = (a: Token | undefined, b: Token | undefined): boolean => {
    if (!a || !b || b.start - a.end > 4) return false;
    for (let k = a.end; k < b.start; k++) if (!GAP_CHARS.has(n[k]!)) return false;
    return true;
  };
  const pair = (i: number) =>
    i + 1 < toks.length && gapOk(toks[i], toks[i + 1])
      ? `${toks[i]!.text} ${toks[i + 1]!.text}`
      : '';

  const relAt = (i: number): [number, number] | undefined => {
    const two = pair(i);
    if (two && REL2.has(two)) return [REL2.get(two)!, i + 2];
    const t = toks[i]?.text;
    if (t === undefined || !REL1.has(t)) return undefined;
    if (t === 'اليوم') {
      if (NOT_TODAY_BEFORE.has(toks[i - 1]?.text ?? '') && gapOk(toks[i - 1], toks[i]))
        return undefined;
      if (NOT_TODAY_AFTER.has(toks[i + 1]?.text ?? '') && gapOk(toks[i], toks[i + 1]))
        return undefined;
    }
    return [REL1.get(t)!, i + 1];
  };
  const weekdayAt = (i: number): [number, number] | undefined => {
    if (NOT_WEEKDAY_BEFORE.has(toks[i - 1]?.text ?? '')) return undefined;
    const two = pair(i);
    if (two && WEEKDAYS.has(two)) return [WEEKDAYS.get(two)!, i + 2];
    const t = toks[i]?.text;
    if (t !== undefined && WEEKDAYS.has(t)) return [WEEKDAYS.get(t)!, i + 1];
    return undefined;
  };
  const dayAt = (i: number): [number, number] | undefined => {
    const t = toks[i]?.text;
    if (t === undefined) return undefined;
    const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(t);
    if (m) {
      const d = Number(m[1]);
      return d >= 1 && d <= 31 ? [d, i + 1] : undefined;
    }
    if (lang !== 'fa') return undefined;
    const three =
      i + 2 < toks.length && gapOk(toks[i], toks[i + 1]) && gapOk(toks[i + 1], toks[i + 2])
        ? `${t} ${toks[i + 1]!.text} ${toks[i + 2]!.text}`
        : '';
    if (three && FA_ORDINALS.has(three)) return [FA_ORDINALS.get(three)!, i + 3];
    if (FA_ORDINALS.has(t)) return [FA_ORDINALS.get(t)!, i + 1];
    return undefined;
  };
  const monthAt = (i: number): [number, Calendar, number] | undefined => {
    const two = pair(i);
    let hit = two ? monthIn(two, lang) : undefined;
    let next = i + 2;
    if (!hit) {
      const t = toks[i]?.text ?? '';
      hit = monthIn(t, lang);
      next = i + 1;
      if (!hit && t.endsWith('ماه')) {
        hit = monthIn(t.slice(0, -3), lang);
        if (hit?.calendar !== 'jalali') hit = undefined;
      }
    }
    if (!hit) return undefined;
    // «آبان ماه», «نوفمبر/تشرين الثاني»
    if (toks[next]?.text === 'ماه' && gapOk(toks[next - 1], toks[next])) next++;
    if (
      gapOk(toks[next - 1], toks[next]) &&
      n.slice(toks[next - 1]!.end, toks[next]!.start).includes('/')
    ) {
      const alt = pair(next) ? monthIn(pair(next), lang) : undefined;
      if (alt?.month === hit.month) next += 2;
      else if (monthIn(toks[next]!.text, lang)?.month === hit.month) next += 1;
    }
    return [hit.month, hit.calendar, next];
  };
  const yearAt = (i: number): [number, number] | undefined => {
    let j = i;
    if ((toks[j]?.text === 'سال' || toks[j]?.text === 'عام') && gapOk(toks[j - 1], toks[j])) j++;
    if (!gapOk(toks[j - 1], toks[j])) return undefined;
    const m = /^(\d{4})(م|ه)?$/.exec(toks[j]?.text ?? '');
    if (!m) return undefined;
    const y = Number(m[1]);
    return (y >= 1300 && y < 1500) || (y >= 1900 && y <= 2100) ? [y, j + 1] : undefined;
  };
  const sameYearAt = (i: number): number | undefined => {
    const t = toks[i]?.text;
    if (!gapOk(toks[i - 1], toks[i])) return undefined;
    if (t === 'سالجاري' || t === 'امسال' || t === 'الجاري' || t === 'الحالي') return i + 1;
    const two = pair(i);
    if (
      two === 'سال جاري' ||
      two === 'this year' ||
      two === 'العام الجاري' ||
      two === 'العام الحالي'
    )
      return i + 2;
    if (two === 'من العام' && toks[i + 2] && /^(الجاري|الحالي)$/.test(toks[i + 2]!.text))
      return i + 3;
    return undefined;
  };
  const directionAt = (i: number): ['past' | 'next', number] | undefined => {
    const t = toks[i]?.text ?? '';
    if (!gapOk(toks[i - 1], toks[i])) return undefined;
    if (NEXT.has(t)) return ['next', i + 1];
    if (PAST.has(t)) return ['past', i + 1];
    return undefined;
  };

  /** A list «A و B و C» of items parsed by `at`, starting at i. */
  const list = <T>(
    i: number,
    at: (k: number) => [T, number] | undefined,
  ): Array<{ v: T; from: number; to: number }> => {
    const out: Array<{ v: T; from: number; to: number }> = [];
    const first = at(i);
    if (!first) return out;
    out.push({ v: first[0], from: i, to: first[1] });
    let k = first[1];
    while (AND.has(toks[k]?.text ?? '') && gapOk(toks[k - 1], toks[k])) {
      const more = gapOk(toks[k], toks[k + 1]) ? at(k + 1) : undefined;
      if (!more) break;
      out.push({ v: more[0], from: k + 1, to: more[1] });
      k = more[1];
    }
    return out;
  };

  let i = 0;
  while (i < toks.length) {
    const first = toks[i]!.text;
    if (!STARTERS.has(first) && !/^[0-9]/.test(first)) {
      i++;
      continue;
    }
    const startTok = i;
    let j = i;
    let offset: number | undefined;
    let direction: 'past' | 'next' | undefined;
    const lead = toks[j]?.text;
    if ((lead === 'last' || lead === 'next') && weekdayAt(j + 1) && gapOk(toks[j], toks[j + 1])) {
      direction = lead === 'last' ? 'past' : 'next';
      j++;
    }
    const rel = relAt(j);
    if (rel) {
      offset = rel[0];
      j = rel[1];
    }
    const adjacent = () => j === startTok || gapOk(toks[j - 1], toks[j]);
    const wds = adjacent() ? list(j, weekdayAt) : [];
    if (wds.length > 0) j = wds[wds.length - 1]!.to;
    if (wds.length > 0 && toks[j]?.text === 'الموافق' && gapOk(toks[j - 1], toks[j])) j++;

    // Day-first: «14 أكتوبر 2023», «نهم و دهم آبان», «2nd, November 2023»
    let days = adjacent() ? list(j, dayAt) : [];
    let month: [number, Calendar, number] | undefined;
    if (days.length > 0) {
      const after = days[days.length - 1]!.to;
      month = gapOk(toks[after - 1], toks[after]) ? monthAt(after) : undefined;
      if (!month) days = [];
    }
    // Month-first (English): «November 1, 2023»
    if (days.length === 0 && adjacent()) {
      const mm = monthAt(j);
      if (mm && /^[a-z]/.test(toks[j]!.text) && gapOk(toks[mm[2] - 1], toks[mm[2]])) {
        const d = dayAt(mm[2]);
        if (d && /^\d/.test(toks[mm[2]]!.text)) {
          days = [{ v: d[0], from: j, to: d[1] }];
          month = [mm[0], mm[1], d[1]];
        }
      }
    }

    if (days.length > 0 && month) {
      let end = month[2];
      const year = yearAt(end);
      if (year) end = year[1];
      const sy = year ? undefined : sameYearAt(end);
      if (sy) end = sy;
      const dir = directionAt(end);
      if (dir) end = dir[1];
      days.forEach((d, k) => {
        const first = k === 0 ? startTok : d.from;
        const last = k === days.length - 1 ? end : d.to;
        const draft: Draft = {
          nStart: toks[first]!.start,
          nEnd: toks[last - 1]!.end,
          start: 0,
          end: 0,
          calendar: month[1],
          month: month[0],
          day: d.v,
          form: year ? 'explicit' : 'partial',
        };
        if (year) draft.year = year[0];
        const wd =
          wds.length === days.length
            ? wds[k]
            : wds.length === 1 && days.length === 1
              ? wds[0]
              : undefined;
        if (wd) draft.weekday = wd.v;
        if (offset !== undefined) draft.offset = offset;
        if (sy) draft.sameYear = true;
        if (dir || direction) draft.direction = dir?.[0] ?? direction;
        drafts.push(draft);
      });
      i = end;
      continue;
    }
    if (wds.length > 0) {
      let end = j;
      const dir = directionAt(end);
      if (dir) end = dir[1];
      wds.forEach((w, k) => {
        const first = k === 0 ? startTok : w.from;
        const last = k === wds.length - 1 ? end : w.to;
        const draft: Draft = {
          nStart: toks[first]!.start,
          nEnd: toks[last - 1]!.end,
          start: 0,
          end: 0,
          calendar: 'gregorian',
          weekday: w.v,
          form: 'weekday',
        };
        if (offset !== undefined) draft.offset = offset;
        if (dir || direction) draft.direction = dir?.[0] ?? direction;
        drafts.push(draft);
      });
      i = end;
      continue;
    }
    if (rel) {
      drafts.push({
        nStart: toks[startTok]!.start,
        nEnd: toks[rel[1] - 1]!.end,
        start: 0,
        end: 0,
        calendar: 'gregorian',
        offset: rel[0],
        form: 'relative',
      });
      i = rel[1];
      continue;
    }
    i++;
  }

  drafts.sort((a, b) => a.nStart - b.nStart || b.nEnd - a.nEnd);
  const out: DateMention[] = [];
  let publicationSeen = false;
  for (const d of drafts) {
    const [start, e0] = toOriginal(norm, d.nStart, d.nEnd);
    let end = e0;
    while (end < text.length && /[\u064b-\u065f\u0670]/.test(text[end]!)) end++; // «غداً»
    const { nStart: _s, nEnd: _e, ...rest } = d;
    const m: DateMention = { ...rest, start, end, text: text.slice(start, end) };
    const si = segments.findIndex((s) => start >= s.start && start < s.end);
    if (si >= 0) {
      m.segment = si;
      const seg = segments[si]!;
      if (seg.kind === 'dateline') {
        if (!publicationSeen && m.form === 'explicit') {
          m.publication = true;
          publicationSeen = true;
        }
      } else if (!MAIN_SEGMENTS.has(seg.kind)) m.foreign = true;
    }
    out.push(m);
  }
  return out;
}

/** Terms of office (ISO dates; `YYYY` and `YYYY-MM` are read as the widest day range). */
export interface DateContext {
  published?: string;
  terms?: Array<{ from: string; to?: string }>;
}

function dayOf(value: string, end: boolean): number | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  let d = m[3] ? Number(m[3]) : 1;
  if (!m[3] && end) d = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const iso = isoFrom(y, mo, d);
  return iso ? dayNumber(iso) : undefined;
}

/** Gregorian ISO date of a mention's parts in its calendar, or undefined if no such day. */
export function toIso(calendar: Calendar, y: number, m: number, d: number): string | undefined {
  if (calendar === 'gregorian') return isoFrom(y, m, d);
  if (!jalaali.isValidJalaaliDate(y, m, d)) return undefined;
  const g = jalaali.toGregorian(y, m, d);
  return isoFrom(g.gy, g.gm, g.gd);
}

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/**
 * Resolve date mentions against the publication date and, for a day and month without a year,
 * the terms of office of the people named (see the module comment for the rules). Returns new
 * mention objects; earlier `iso`/`unresolved` values are recomputed.
 */
export function resolveDates(dates: DateMention[], ctx: DateContext = {}): DateMention[] {
  const pub = ctx.published ? dayOf(ctx.published, false) : undefined;
  // Terms window: intersection of all terms, or their union when they do not overlap.
  let termLo: number | undefined;
  let termHi: number | undefined;
  const terms = (ctx.terms ?? [])
    .map((t) => ({
      lo: dayOf(t.from, false),
      hi: t.to ? dayOf(t.to, true) : Number.POSITIVE_INFINITY,
    }))
    .filter((t): t is { lo: number; hi: number } => t.lo !== undefined && t.hi !== undefined);
  if (terms.length > 0) {
    termLo = Math.max(...terms.map((t) => t.lo));
    termHi = Math.min(...terms.map((t) => t.hi));
    if (termLo > termHi) {
      termLo = Math.min(...terms.map((t) => t.lo));
      termHi = Math.max(...terms.map((t) => t.hi));
    }
  }

  return dates.map((orig) => {
    const d: DateMention = { ...orig };
    delete d.iso;
    delete d.unresolved;
    const done = (iso: string | undefined, reason: string) => {
      if (iso) d.iso = iso;
      else d.unresolved = reason;
      return d;
    };

    if (d.form === 'explicit') {
      if (orig.unresolved === 'ambiguous day/month order') return done(undefined, orig.unresolved);
      return done(toIso(d.calendar, d.year!, d.month!, d.day!), 'no such day in the calendar');
    }
    if (d.foreign)
      return done(
        undefined,
        'outside the story (teaser, tags, source or footer): not dated by this article',
      );

    if (d.form === 'relative') {
      if (pub === undefined) return done(undefined, 'relative word and no publication date');
      return done(isoOfDay(pub + (d.offset ?? 0)), '');
    }

    if (d.form === 'weekday') {
      if (pub === undefined) return done(undefined, 'weekday and no publication date');
      const wd = d.weekday!;
      let day: number;
      if (d.direction === 'next') {
        day = pub + 1;
        while (weekdayOf(isoOfDay(day)) !== wd) day++;
      } else if (d.direction === 'past') {
        day = pub - 1;
        while (weekdayOf(isoOfDay(day)) !== wd) day--;
      } else {
        day = pub + (d.offset ?? 0);
        while (weekdayOf(isoOfDay(day)) !== wd) day--;
      }
      return done(isoOfDay(day), '');
    }

    // partial: day + month, no year
    const { calendar, month, day } = d as Required<Pick<DateMention, 'calendar' | 'month' | 'day'>>;
    if (d.sameYear) {
      if (pub === undefined) return done(undefined, '“this year” and no publication date');
      const pubIso = isoOfDay(pub);
      const [py, pm, pd] = pubIso.split('-').map(Number) as [number, number, number];
      const year = calendar === 'jalali' ? jalaali.toJalaali(py, pm, pd).jy : py;
      const iso = toIso(calendar, year, month, day);
      if (!iso) return done(undefined, 'no such day in the calendar');
      if (d.weekday !== undefined && weekdayOf(iso) !== d.weekday) {
        return done(undefined, `${iso} is not a ${WEEKDAY_NAMES[d.weekday]}`);
      }
      return done(iso, '');
    }
    let lo = termLo ?? Number.NEGATIVE_INFINITY;
    let hi = termHi ?? Number.POSITIVE_INFINITY;
    if (pub !== undefined) {
      if (d.direction === 'next') {
        lo = Math.max(lo, pub);
        hi = Math.min(hi, pub + PARTIAL_WINDOW_DAYS);
      } else {
        lo = Math.max(lo, pub - PARTIAL_WINDOW_DAYS);
        hi = Math.min(hi, pub);
      }
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      return done(
        undefined,
        'day and month without a year, and no publication date or terms of office to pin it',
      );
    }
    if (lo > hi)
      return done(undefined, 'the terms of office and the publication date leave no window');
    const yLo = Number(isoOfDay(lo).slice(0, 4));
    const yHi = Number(isoOfDay(hi).slice(0, 4));
    const years =
      calendar === 'jalali' ? { from: yLo - 622, to: yHi - 621 } : { from: yLo, to: yHi };
    const inWindow: Array<{ year: number; iso: string }> = [];
    for (let y = years.from; y <= years.to; y++) {
      const iso = toIso(calendar, y, month, day);
      if (!iso) continue;
      const n = dayNumber(iso);
      if (n >= lo && n <= hi) inWindow.push({ year: y, iso });
    }
    const matching =
      d.weekday === undefined ? inWindow : inWindow.filter((c) => weekdayOf(c.iso) === d.weekday);
    if (matching.length === 1) return done(matching[0]!.iso, '');
    const span = `${isoOfDay(lo)} … ${isoOfDay(hi)}`;
    if (inWindow.length === 0)
      return done(undefined, `no year puts this day in the window ${span}`);
    if (matching.length === 0) {
      return done(
        undefined,
        `no candidate year (${inWindow.map((c) => c.year).join(', ')}) falls on a ${WEEKDAY_NAMES[d.weekday!]}`,
      );
    }
    return done(
      undefined,
      `${matching.length} candidate years (${matching.map((c) => c.year).join(', ')}) in the window ${span}`,
    );
  });
}
