/**
 * text/calendar — month and weekday names (Arabic, Levantine, Maghrebi, Persian Gregorian,
 * Jalali, English) in the normalised form of text/normalize, and small day arithmetic on ISO
 * dates. Shared by the date finder and the segmenter (date-only lines).
 */
import { normalizeString } from './normalize.ts';

/** A month name (normalised) → month number, calendar and the languages it is read in. */
export interface MonthName {
  month: number;
  calendar: 'gregorian' | 'jalali';
  /** Text languages in which the word is read as a month (آب is August in Arabic, water in Persian). */
  langs: ReadonlyArray<'ar' | 'fa' | 'en' | 'other'>;
}

const ANY = ['ar', 'fa', 'en', 'other'] as const;
const AR = ['ar', 'other'] as const;
const FA = ['fa', 'other'] as const;

const MONTH_TABLE: Array<
  [number, 'gregorian' | 'jalali', ReadonlyArray<'ar' | 'fa' | 'en' | 'other'>, string[]]
> = [
  [1, 'gregorian', AR, ['يناير', 'كانون الثاني', 'جانفي']],
  [2, 'gregorian', AR, ['فبراير', 'شباط', 'فيفري']],
  [3, 'gregorian', AR, ['مارس', 'آذار']],
  [4, 'gregorian', AR, ['أبريل', 'إبريل', 'نيسان', 'أفريل']],
  [5, 'gregorian', AR, ['مايو', 'أيار', 'ماي']],
  [6, 'gregorian', AR, ['يونيو', 'يونيه', 'حزيران', 'جوان']],
  [7, 'gregorian', AR, ['يوليو', 'يوليه', 'تموز', 'جويلية']],
  [8, 'gregorian', AR, ['أغسطس', 'آب', 'أوت']],
  [9, 'gregorian', AR, ['سبتمبر', 'أيلول']],
  [10, 'gregorian', AR, ['أكتوبر', 'تشرين الأول']],
  [11, 'gregorian', AR, ['نوفمبر', 'تشرين الثاني']],
  [12, 'gregorian', AR, ['ديسمبر', 'كانون الأول', 'دجنبر']],
  [1, 'gregorian', FA, ['ژانویه', 'ژانویهٔ']],
  [2, 'gregorian', FA, ['فوریه']],
  [3, 'gregorian', FA, ['مارس']],
  [4, 'gregorian', FA, ['آوریل', 'آپریل']],
  [5, 'gregorian', FA, ['مه', 'می']],
  [6, 'gregorian', FA, ['ژوئن']],
  [7, 'gregorian', FA, ['ژوئیه', 'جولای']],
  [8, 'gregorian', FA, ['اوت', 'آگوست']],
  [9, 'gregorian', FA, ['سپتامبر']],
  [10, 'gregorian', FA, ['اکتبر']],
  [11, 'gregorian', FA, ['نوامبر']],
  [12, 'gregorian', FA, ['دسامبر']],
  [1, 'gregorian', ANY, ['January', 'Jan']],
  [2, 'gregorian', ANY, ['February', 'Feb']],
  [3, 'gregorian', ANY, ['March', 'Mar']],
  [4, 'gregorian', ANY, ['April', 'Apr']],
  [5, 'gregorian', ANY, ['May']],
  [6, 'gregorian', ANY, ['June', 'Jun']],
  [7, 'gregorian', ANY, ['July', 'Jul']],
  [8, 'gregorian', ANY, ['August', 'Aug']],
  [9, 'gregorian', ANY, ['September', 'Sept', 'Sep']],
  [10, 'gregorian', ANY, ['October', 'Oct']],
  [11, 'gregorian', ANY, ['November', 'Nov']],
  [12, 'gregorian', ANY, ['December', 'Dec']],
  [1, 'jalali', FA, ['فروردین']],
  [2, 'jalali', FA, ['اردیبهشت']],
  [3, 'jalali', FA, ['خرداد']],
  [4, 'jalali', FA, ['تیر']],
  [5, 'jalali', FA, ['مرداد', 'امرداد']],
  [6, 'jalali', FA, ['شهریور']],
  [7, 'jalali', FA, ['مهر']],
  [8, 'jalali', FA, ['آبان']],
  [9, 'jalali', FA, ['آذر']],
  [10, 'jalali', FA, ['دی']],
  [11, 'jalali', FA, ['بهمن']],
  [12, 'jalali', FA, ['اسفند']],
];

/** Month names, normalised (one spelling may name months in several languages). */
export const MONTHS = new Map<string, MonthName[]>();
for (const [month, calendar, langs, names] of MONTH_TABLE) {
  for (const n of names) {
    const key = normalizeString(n);
    const list = MONTHS.get(key) ?? [];
    list.push({ month, calendar, langs });
    MONTHS.set(key, list);
  }
}

/** The month a normalised name means in text of language `lang`. */
export function monthIn(name: string, lang: string): MonthName | undefined {
  return MONTHS.get(name)?.find((m) => (m.langs as readonly string[]).includes(lang));
}

/** Weekday names (normalised, without the article) → 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = new Map<string, number>();
const WEEKDAY_NAMES: Array<[number, string[]]> = [
  [0, ['الأحد', 'الاحد', 'یکشنبه', 'یک شنبه', 'Sunday']],
  [1, ['الاثنين', 'الإثنين', 'الأثنين', 'دوشنبه', 'دو شنبه', 'Monday']],
  [2, ['الثلاثاء', 'الثلاثا', 'سه شنبه', 'سه‌شنبه', 'سهشنبه', 'Tuesday']],
  [3, ['الأربعاء', 'الاربعاء', 'چهارشنبه', 'چهار شنبه', 'Wednesday']],
  [4, ['الخميس', 'پنجشنبه', 'پنج شنبه', 'پنج‌شنبه', 'Thursday']],
  [5, ['الجمعة', 'جمعه', 'Friday']],
  [6, ['السبت', 'شنبه', 'Saturday']],
];
for (const [d, names] of WEEKDAY_NAMES) {
  for (const n of names) WEEKDAYS.set(normalizeString(n), d);
}

/** Persian ordinal day words (normalised) → day of month: اول، دوم … سی‌ویکم. */
export const FA_ORDINALS = new Map<string, number>();
{
  const units = ['', 'یکم', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم'];
  const teens = [
    'دهم',
    'یازدهم',
    'دوازدهم',
    'سیزدهم',
    'چهاردهم',
    'پانزدهم',
    'شانزدهم',
    'هفدهم',
    'هجدهم',
    'نوزدهم',
  ];
  const set = (w: string, n: number) => FA_ORDINALS.set(normalizeString(w), n);
  set('اول', 1);
  for (let i = 1; i < 10; i++) set(units[i]!, i);
  for (const [i, w] of teens.entries()) set(w, 10 + i);
  set('هیجدهم', 18);
  set('بیستم', 20);
  set('سی ام', 30);
  set('سی‌ام', 30);
  set('سیام', 30);
  for (let i = 1; i < 10; i++) {
    set(`بیست و ${units[i]}`, 20 + i);
    set(`بیست‌و${units[i]}`, 20 + i);
    set(`بیست و${units[i]}`, 20 + i);
  }
  set('بیست و یکم', 21);
  set('سی و یکم', 31);
  set('سی‌ویکم', 31);
}

/** Day number of an ISO date (days since 1970-01-01, UTC). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Weekday (0 = Sunday) of an ISO date. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** `YYYY-MM-DD` from parts, or undefined when the day does not exist. */
export function isoFrom(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d)
    return undefined;
  return t.toISOString().slice(0, 10);
}
