import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../src/ingest/index.ts';
import { readArticleFile } from '../src/ingest/index.ts';
import {
  type DateMention,
  findDates,
  type Lang,
  normalize,
  processArticle,
  resolveDates,
  toIso,
} from '../src/text/index.ts';

const SEEDS = new URL('../../shared/seeds/', import.meta.url);
const AMIR_ABDOLLAHIAN = { from: '2021-08-25', to: '2024-05-19' };

async function seed(id: string): Promise<RawArticle> {
  const [item] = await readArticleFile(new URL(`${id}.txt`, SEEDS).pathname);
  if (item?.type !== 'article') throw new Error(id);
  return item.article;
}

function find(text: string, lang: Lang = 'ar'): DateMention[] {
  const found = findDates(text, normalize(text), [], lang);
  for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  return found;
}

/** text → iso or `?reason`, resolved with the context. */
function resolve(
  text: string,
  ctx: Parameters<typeof resolveDates>[1],
  lang: Lang = 'ar',
): string[] {
  return resolveDates(find(text, lang), ctx).map(
    (d) => `${d.text} → ${d.iso ?? `?${d.unresolved}`}`,
  );
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('acceptance from the issue', () => {
  it('the Persian seed: «امشب (جمعه) ۱۲ آبان ماه» with Amir-Abdollahian’s term → 2023-11-03', async () => {
    const p = processArticle(await seed('002_03a7cb4089f8f198'));
    expect(p.published).toBeUndefined();
    const m = p.dates.find((d) => d.text === 'امشب (جمعه) ۱۲ آبان ماه');
    expect(m).toMatchObject({ calendar: 'jalali', month: 8, day: 12, weekday: 5, form: 'partial' });
    expect(m?.iso).toBeUndefined(); // no publication date, no terms: not guessed
    const [r] = resolveDates([m!], { terms: [AMIR_ABDOLLAHIAN] });
    expect(r?.iso).toBe('2023-11-03');
    // 12 Aban 1402 is a Friday, 1400 and 1401 are not
    expect(weekday(toIso('jalali', 1402, 8, 12)!)).toBe(5);
    expect(weekday(toIso('jalali', 1401, 8, 12)!)).not.toBe(5);
    expect(weekday(toIso('jalali', 1400, 8, 12)!)).not.toBe(5);
  });

  it('seed 003: the date line gives published 2023-11-02 and «في 1 نوفمبر» → 2023-11-01', async () => {
    const p = processArticle(await seed('003_45e66460cca4ecb8'));
    expect(p.published).toBe('2023-11-02');
    const line = p.dates.find((d) => d.publication);
    expect(line).toMatchObject({ text: '2nd, November 2023', iso: '2023-11-02', form: 'explicit' });
    expect(p.segments[line!.segment!]!.kind).toBe('dateline');
    expect(p.dates.find((d) => d.text === '1 نوفمبر')?.iso).toBe('2023-11-01');
  });

  it('seed 003: weekdays and relative words inside the teaser are not dated by this article', async () => {
    const p = processArticle(await seed('003_45e66460cca4ecb8'));
    const teaser = p.dates.filter((d) => d.foreign);
    expect(teaser.map((d) => d.text)).toEqual([
      '24 مارس',
      'اليوم الخميس',
      'الإثنين المقبل',
      'أمس الأربعاء',
    ]);
    for (const d of teaser) {
      expect(d.iso).toBeUndefined();
      expect(d.unresolved).toMatch(/^outside the story/);
    }
  });

  it('the Persian seed: the rest of its dates with the term and a publication date', async () => {
    const p = processArticle(await seed('002_03a7cb4089f8f198'));
    const withTerm = resolveDates(p.dates, { terms: [AMIR_ABDOLLAHIAN] });
    const show = (ds: DateMention[]) => ds.map((d) => [d.text, d.iso ?? d.unresolved]);
    expect(show(withTerm)).toEqual([
      ['امشب (جمعه) ۱۲ آبان ماه', '2023-11-03'],
      ['۱۸ مهر ماه', '3 candidate years (1400, 1401, 1402) in the window 2021-08-25 … 2024-05-19'],
      ['امروز', 'relative word and no publication date'],
      ['سهشنبه و چهارشنبه نهم', '2023-10-31'],
      ['دهم آبان', '2023-11-01'],
      ['امشب', 'relative word and no publication date'],
      ['اول آبان ماه سالجاری', '“this year” and no publication date'],
      ['۱۸ مهر ماه', '3 candidate years (1400, 1401, 1402) in the window 2021-08-25 … 2024-05-19'],
      ['چهارشنبه', 'weekday and no publication date'],
    ]);
    const withPub = resolveDates(p.dates, { published: '2023-11-03', terms: [AMIR_ABDOLLAHIAN] });
    expect(withPub.map((d) => d.iso)).toEqual([
      '2023-11-03',
      '2023-10-10',
      '2023-11-03',
      '2023-10-31',
      '2023-11-01',
      '2023-11-03',
      '2023-10-23',
      '2023-10-10',
      '2023-11-01',
    ]);
  });
});

describe('findDates: explicit dates', () => {
  const iso = (text: string, lang: Lang = 'ar') => resolve(text, {}, lang);

  it('Arabic, Levantine and Maghrebi month names', () => {
    expect(iso('التقى الوزيران في 14 أكتوبر 2023 بالقاهرة')).toEqual([
      '14 أكتوبر 2023 → 2023-10-14',
    ]);
    expect(iso('وصل يوم الجمعة 12 كانون الثاني 2024 إلى بيروت')).toEqual([
      'الجمعة 12 كانون الثاني 2024 → 2024-01-12',
    ]);
    expect(iso('في 5 جويلية 2023 وقع الاتفاق')).toEqual(['5 جويلية 2023 → 2023-07-05']);
    expect(iso('صدر البيان في 2 نوفمبر/تشرين الثاني 2023.')).toEqual([
      '2 نوفمبر/تشرين الثاني 2023 → 2023-11-02',
    ]);
    expect(iso('في 3 آذار 2022م')).toEqual(['3 آذار 2022م → 2022-03-03']);
  });

  it('Persian: Jalali and Gregorian names, ordinal day words, «ماه», «سال»', () => {
    expect(iso('۱۲ آبان ۱۴۰۲', 'fa')).toEqual(['۱۲ آبان ۱۴۰۲ → 2023-11-03']);
    expect(iso('روز ۱۲ آبان‌ماه سال ۱۴۰۲ برگزار شد', 'fa')).toEqual([
      '۱۲ آبان‌ماه سال ۱۴۰۲ → 2023-11-03',
    ]);
    expect(iso('دوازدهم آبان ۱۴۰۲', 'fa')).toEqual(['دوازدهم آبان ۱۴۰۲ → 2023-11-03']);
    expect(iso('بیست و یکم فروردین ۱۴۰۳', 'fa')).toEqual(['بیست و یکم فروردین ۱۴۰۳ → 2024-04-09']);
    expect(iso('روز ۳ نوامبر ۲۰۲۳ در ژنو', 'fa')).toEqual(['۳ نوامبر ۲۰۲۳ → 2023-11-03']);
  });

  it('English and numeric forms', () => {
    expect(iso('on November 1, 2023 in Moscow', 'en')).toEqual(['November 1, 2023 → 2023-11-01']);
    expect(iso('on 1 November 2023', 'en')).toEqual(['1 November 2023 → 2023-11-01']);
    expect(iso('تاريخ النشر: 2nd, November 2023 GMT')).toEqual(['2nd, November 2023 → 2023-11-02']);
    expect(iso('Updated 2023-11-02T10:00', 'en')).toEqual(['2023-11-02 → 2023-11-02']);
    expect(iso('تاریخ: ۱۴۰۲/۰۸/۱۲', 'fa')).toEqual(['۱۴۰۲/۰۸/۱۲ → 2023-11-03']);
    expect(iso('نشر في 02/11/2023')).toEqual(['02/11/2023 → 2023-11-02']);
    expect(iso('posted 02/11/2023', 'en')).toEqual(['02/11/2023 → ?ambiguous day/month order']);
    expect(iso('posted 11/25/2023', 'en')).toEqual(['11/25/2023 → 2023-11-25']);
  });

  it('refuses days that do not exist', () => {
    expect(iso('۳۱ مهر ۱۴۰۲', 'fa')).toEqual(['۳۱ مهر ۱۴۰۲ → ?no such day in the calendar']);
    expect(iso('في 30 فبراير 2023')).toEqual(['30 فبراير 2023 → ?no such day in the calendar']);
  });

  it('reads Levantine آب and Persian words only in their language', () => {
    expect(find('شربت 10 آب', 'fa')).toEqual([]); // «آب» is water in Persian
    expect(iso('في 10 آب 2023')).toEqual(['10 آب 2023 → 2023-08-10']);
    expect(find('ارتفاع 3 مه در فارسی', 'ar')).toEqual([]);
    expect(find('أكثر من 8 آلاف فلسطيني و1.')).toEqual([]);
  });
});

describe('resolveDates: weekdays and relative words', () => {
  const THU = { published: '2023-11-02' }; // a Thursday
  it('a weekday is the most recent one on or before publication', () => {
    expect(resolve('بحث الوزيران اليوم الخميس', THU)).toEqual(['اليوم الخميس → 2023-11-02']);
    expect(resolve('اتصل الوزير السبت بنظيره', THU)).toEqual(['السبت → 2023-10-28']);
    expect(resolve('روز چهارشنبه دیدار کرد', THU, 'fa')).toEqual(['چهارشنبه → 2023-11-01']);
    expect(resolve('met on Sunday', THU, 'en')).toEqual(['Sunday → 2023-10-29']);
  });

  it('«المقبل/next» looks forward, «الماضي/last» strictly back, «أمس» shifts by a day', () => {
    expect(resolve('تعقد المحادثات الإثنين المقبل', THU)).toEqual(['الإثنين المقبل → 2023-11-06']);
    expect(resolve('وكان قد التقاه الخميس الماضي', THU)).toEqual(['الخميس الماضي → 2023-10-26']);
    expect(resolve('أجرى أمس الأربعاء اتصالا', THU)).toEqual(['أمس الأربعاء → 2023-11-01']);
    expect(resolve('talks next Friday and last Monday', THU, 'en')).toEqual([
      'next Friday → 2023-11-03',
      'last Monday → 2023-10-30',
    ]);
    expect(resolve('جلسه شنبه آینده برگزار می‌شود', THU, 'fa')).toEqual(['شنبه آینده → 2023-11-04']);
  });

  it('relative words resolve against the publication date only', () => {
    expect(resolve('قال أمس وأول أمس وغداً', THU)).toEqual([
      'أمس → 2023-11-01',
      'أول أمس → 2023-10-31',
      'غداً → 2023-11-03',
    ]);
    expect(resolve('امشب و دیروز و امروز', THU, 'fa')).toEqual([
      'امشب → 2023-11-02',
      'دیروز → 2023-11-01',
      'امروز → 2023-11-02',
    ]);
    expect(resolve('yesterday and tomorrow', THU, 'en')).toEqual([
      'yesterday → 2023-11-01',
      'tomorrow → 2023-11-03',
    ]);
    expect(resolve('قال أمس', { terms: [AMIR_ABDOLLAHIAN] })).toEqual([
      'أمس → ?relative word and no publication date',
    ]);
    expect(resolve('اتصل الأحد', {})).toEqual(['الأحد → ?weekday and no publication date']);
  });

  it('does not take «the day» or Friday prayers for dates', () => {
    expect(find('وفي اليوم التالي التقى الوزيران')).toEqual([]);
    expect(find('امام جمعه تهران گفت', 'fa')).toEqual([]);
    expect(find('خطبة صلاة الجمعة')).toEqual([]);
  });
});

describe('resolveDates: day and month without a year', () => {
  const pub = (published: string) => ({ published });

  it('takes the latest year not after publication, within 11 months', () => {
    expect(resolve('في 1 نوفمبر', pub('2023-11-02'))).toEqual(['1 نوفمبر → 2023-11-01']);
    expect(resolve('في 2 نوفمبر', pub('2023-11-02'))).toEqual(['2 نوفمبر → 2023-11-02']);
    expect(resolve('في 15 يناير', pub('2023-11-02'))).toEqual(['15 يناير → 2023-01-15']);
    expect(resolve('في 10 ديسمبر', pub('2023-11-02'))).toEqual(['10 ديسمبر → 2022-12-10']);
    // one day after publication: the year before is 364 days back, beyond the window
    expect(resolve('في 3 نوفمبر', pub('2023-11-02'))).toEqual([
      '3 نوفمبر → ?no year puts this day in the window 2022-12-03 … 2023-11-02',
    ]);
  });

  it('«المقبل» looks at the 11 months after publication', () => {
    expect(resolve('القمة في 21 أكتوبر المقبل', pub('2023-10-01'))).toEqual([
      '21 أكتوبر المقبل → 2023-10-21',
    ]);
    expect(resolve('القمة في 21 أكتوبر المقبل', pub('2023-11-02'))).toEqual([
      '21 أكتوبر المقبل → ?no year puts this day in the window 2023-11-02 … 2024-10-01',
    ]);
  });

  it('a named weekday must match, or the date stays unresolved', () => {
    expect(resolve('يوم الخميس 12 أكتوبر', pub('2023-10-14'))).toEqual([
      'الخميس 12 أكتوبر → 2023-10-12',
    ]);
    expect(resolve('يوم الجمعة 12 أكتوبر', pub('2023-10-14'))).toEqual([
      'الجمعة 12 أكتوبر → ?no candidate year (2023) falls on a Friday',
    ]);
  });

  it('terms of office alone pin a year only through a unique weekday match', () => {
    expect(resolve('(جمعه) ۱۲ آبان', { terms: [AMIR_ABDOLLAHIAN] }, 'fa')).toEqual([
      'جمعه) ۱۲ آبان → 2023-11-03',
    ]);
    expect(resolve('۱۲ آبان', { terms: [AMIR_ABDOLLAHIAN] }, 'fa')).toEqual([
      '۱۲ آبان → ?3 candidate years (1400, 1401, 1402) in the window 2021-08-25 … 2024-05-19',
    ]);
    // a short term leaves one candidate even without a weekday
    expect(resolve('في 5 مارس', { terms: [{ from: '2024-01-10', to: '2024-06-30' }] })).toEqual([
      '5 مارس → 2024-03-05',
    ]);
    // several terms: their intersection; terms that never overlap: their union
    const two = [AMIR_ABDOLLAHIAN, { from: '2022-09-01' }];
    expect(resolve('۱۲ آبان', { terms: two }, 'fa')).toEqual([
      '۱۲ آبان → ?2 candidate years (1401, 1402) in the window 2022-09-01 … 2024-05-19',
    ]);
    const apart = [
      { from: '2019-01-01', to: '2019-12-31' },
      { from: '2023-01-01', to: '2023-12-31' },
    ];
    expect(resolve('في 5 مارس', { terms: apart })).toEqual([
      '5 مارس → ?5 candidate years (2019, 2020, 2021, 2022, 2023) in the window 2019-01-01 … 2023-12-31',
    ]);
    expect(resolve('في 5 مارس', {})).toEqual([
      '5 مارس → ?day and month without a year, and no publication date or terms of office to pin it',
    ]);
  });

  it('«سال‌جاری / الجاري» is the year of publication in the date’s calendar', () => {
    expect(resolve('اول آبان ماه سال‌جاری', pub('2023-11-03'), 'fa')).toEqual([
      'اول آبان ماه سال‌جاری → 2023-10-23',
    ]);
    expect(resolve('في 20 نوفمبر الجاري', pub('2023-11-02'))).toEqual([
      '20 نوفمبر الجاري → 2023-11-20',
    ]);
  });

  it('pairs lists of weekdays and days: «سه‌شنبه و چهارشنبه نهم و دهم آبان»', () => {
    const found = find('روزهای سه‌شنبه و چهارشنبه نهم و دهم آبان به قطر رفت', 'fa');
    expect(found.map((d) => [d.day, d.month, d.weekday, d.calendar])).toEqual([
      [9, 8, 2, 'jalali'],
      [10, 8, 3, 'jalali'],
    ]);
    expect(resolveDates(found, { terms: [AMIR_ABDOLLAHIAN] }).map((d) => d.iso)).toEqual([
      '2023-10-31',
      '2023-11-01',
    ]);
  });
});

describe('resolveDates: contract', () => {
  it('returns new objects and recomputes earlier results', () => {
    const found = find('في 1 نوفمبر');
    const once = resolveDates(found, { published: '2023-11-02' });
    expect(found[0]!.iso).toBeUndefined();
    expect(once[0]!.iso).toBe('2023-11-01');
    const again = resolveDates(once, {});
    expect(again[0]!.iso).toBeUndefined();
    expect(again[0]!.unresolved).toMatch(/^day and month without a year/);
  });

  it('reads year-only and month-only term bounds as the widest range', () => {
    expect(resolve('في 5 مارس', { terms: [{ from: '2024', to: '2024-06' }] })).toEqual([
      '5 مارس → 2024-03-05',
    ]);
  });

  it('marks dates in teasers as foreign but still resolves explicit ones', () => {
    const p = processArticle({
      id: 'x',
      source: 'x.txt',
      text: 'وزير الخارجية يلتقي نظيره\nالتقى الوزير نظيره السبت في الرياض.\nالمصدر: واس\nإقرأ أيضاً:\nالوزير يزور القاهرة في 5 مارس 2024 ويلتقي الرئيس أمس\n',
      meta: { date: '2024-03-10' },
      hash: 'x',
      bytes: 0,
      encoding: 'utf-8',
    });
    expect(p.dates.map((d) => [d.text, d.foreign ?? false, d.iso ?? d.unresolved])).toEqual([
      ['السبت', false, '2024-03-09'],
      ['5 مارس 2024', true, '2024-03-05'],
      [
        'أمس',
        true,
        'outside the story (teaser, tags, source or footer): not dated by this article',
      ],
    ]);
  });
});
