import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../src/ingest/index.ts';
import { readArticleFile } from '../src/ingest/index.ts';
import {
  BoilerplateIndex,
  isDateOnlyLine,
  MAIN_SEGMENTS,
  normalizeString,
  type ProcessedArticle,
  processArticle,
  type SegmentKind,
  segmentArticle,
} from '../src/text/index.ts';

const SEEDS = new URL('../../shared/seeds/', import.meta.url);
const FIX = new URL('./fixtures/', import.meta.url);

function raw(text: string, id = 't', meta: RawArticle['meta'] = {}): RawArticle {
  return { id, source: `${id}.txt`, text, meta, hash: id, bytes: text.length, encoding: 'utf-8' };
}

async function load(url: URL): Promise<RawArticle> {
  const [item] = await readArticleFile(url.pathname);
  if (item?.type !== 'article') throw new Error(`could not read ${url}`);
  return item.article;
}

/** 1-based line → [kind, reason] of the segment starting on that line (first one when split). */
function byLine(p: ProcessedArticle): Map<number, [SegmentKind, string]> {
  const out = new Map<number, [SegmentKind, string]>();
  for (const s of p.segments) {
    const line = p.article.text.slice(0, s.start).split('\n').length;
    if (!out.has(line)) out.set(line, [s.kind, s.reason ?? '']);
  }
  return out;
}

/** Expand {'3-9': 'body', 11: 'source'} to line → kind. */
function spec(s: Record<string, SegmentKind>): Map<number, SegmentKind> {
  const out = new Map<number, SegmentKind>();
  for (const [k, v] of Object.entries(s)) {
    const [a, b] = k.split('-').map(Number) as [number, number | undefined];
    for (let i = a; i <= (b ?? a); i++) out.set(i, v);
  }
  return out;
}

/** Every non-blank line of the text must be named in the spec, with that kind. */
function expectLines(p: ProcessedArticle, expected: Record<string, SegmentKind>) {
  const got = byLine(p);
  const want = spec(expected);
  const lines = p.article.text.split('\n');
  let checked = 0;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!line.replace(/[\s\u00a0]/g, '')) return;
    const w = want.get(n);
    expect(w, `line ${n} is not named in the test: ${line.slice(0, 40)}`).toBeDefined();
    expect(got.get(n)?.[0], `line ${n}: ${line.slice(0, 60)} (${got.get(n)?.[1]})`).toBe(w);
    checked++;
  });
  return checked;
}

const SEED_SPECS: Record<string, Record<string, SegmentKind>> = {
  '000_d988ddf8144c68ad': {
    1: 'lead', // a full-sentence first line is the lead, not a headline
    '3-9': 'body',
    11: 'source', // «المصدر: البوابة نيوز»
    13: 'tags', // «كلمات دلالية: …»
    '15-31': 'teaser', // «إقرأ أيضاً:» then a whole other article, with an inline «إقرأ المزيد …» at 23
    33: 'source', // the teaser article's «المصدر: نوفوستي»
    '35-46': 'teaser', // «مقالات مشابهة» and its bullet list
  },
  '001_d4a48e037e937963': {
    1: 'lead',
    '3-19': 'body',
    21: 'teaser', // two glued headlines «روسيا والصين.. … القدس|فيديو» inside the body
    23: 'source',
    25: 'tags',
    '27-45': 'teaser',
    '47-58': 'teaser',
  },
  '002_03a7cb4089f8f198': {
    1: 'headline',
    3: 'lead',
    4: 'footer', // «کد خبر: ۱۴۲۹۰۳۵»
    '6-32': 'body', // including the sub-heading on line 18
    '34-37': 'footer', // newsQrCode, «ارسال نظرات …», «نیازمندی ها»
  },
  '003_45e66460cca4ecb8': {
    1: 'headline',
    2: 'dateline', // «تاريخ النشر: 2nd, November 2023 GMT»
    3: 'lead',
    '4-7': 'body',
    '8-9': 'source',
    10: 'tags',
    '11-20': 'teaser', // «إقرأ أيضاً:», the teaser article, «اقرأ أيضاًترامب: …» glued, two teaser titles
  },
  '004_afc2de359b47cd15': {
    1: 'lead',
    '3-17': 'body',
    19: 'source',
    21: 'tags',
    '23-37': 'teaser',
    39: 'source',
    '41-52': 'teaser',
  },
};

describe('segmentation of the seed articles', () => {
  let total = 0;
  let checked = 0;
  for (const [id, expected] of Object.entries(SEED_SPECS)) {
    it(`${id}: every line has the expected kind`, async () => {
      const a = await load(new URL(`${id}.txt`, SEEDS));
      const p = processArticle(a);
      const n = expectLines(p, expected);
      checked += n;
      total += a.text.split('\n').filter((l) => l.replace(/[\s\u00a0]/g, '')).length;
    });
  }

  it('names why: markers, sub-heading, media teaser, glued marker', async () => {
    const p1 = processArticle(await load(new URL('001_d4a48e037e937963.txt', SEEDS)));
    expect(byLine(p1).get(21)).toEqual(['teaser', 'media link']);
    expect(byLine(p1).get(23)).toEqual(['source', '«المصدر»']);
    const p2 = processArticle(await load(new URL('002_03a7cb4089f8f198.txt', SEEDS)));
    expect(byLine(p2).get(18)).toEqual(['body', 'sub-heading']);
    expect(byLine(p2).get(34)).toEqual(['footer', '«newsQrCode»']);
    const p3 = processArticle(await load(new URL('003_45e66460cca4ecb8.txt', SEEDS)));
    expect(byLine(p3).get(11)).toEqual(['teaser', '«إقرأ أيضاً»']);
    expect(byLine(p3).get(13)).toEqual(['teaser', 'after «إقرأ أيضاً»']);
    expect(byLine(p3).get(18)).toEqual(['teaser', '«اقرأ أيضاً»']);
    const p0 = processArticle(await load(new URL('000_d988ddf8144c68ad.txt', SEEDS)));
    expect(byLine(p0).get(23)).toEqual(['teaser', '«إقرأ المزيد»']);
  });

  it('keeps teaser actors out of the story text', async () => {
    const p = processArticle(await load(new URL('003_45e66460cca4ecb8.txt', SEEDS)));
    const own = p.segments
      .filter((s) => MAIN_SEGMENTS.has(s.kind))
      .map((s) => p.article.text.slice(s.start, s.end))
      .join('\n');
    expect(own).toContain('لافروف');
    expect(own).not.toContain('ترامب');
    expect(own).not.toContain('أوشاكوف');
  });

  it('checks every non-blank seed line', () => {
    // Runs after the per-seed tests (vitest runs a file's tests in order).
    expect(total).toBe(132);
    expect(checked).toBe(total);
  });
});

describe('segmentation of other layouts', () => {
  it('Levantine page: place+date line, mid-story «اقرأ أيضاً:» titles, body resumes, tags, related list, copyright', async () => {
    const p = processArticle(await load(new URL('text/levant-ar.txt', FIX)));
    expectLines(p, {
      1: 'headline',
      2: 'dateline',
      3: 'lead',
      5: 'body',
      '7-9': 'teaser',
      '11-13': 'body',
      15: 'source',
      16: 'tags',
      '17-20': 'teaser',
      21: 'footer',
    });
  });

  it('Persian news page: date line, «کد خبر», inline «بیشتر بخوانید» split off, sub-heading, «برچسب‌ها», «اخبار مرتبط»', async () => {
    const p = processArticle(await load(new URL('text/fa-news.txt', FIX)));
    expectLines(p, {
      1: 'headline',
      2: 'dateline',
      3: 'footer',
      4: 'lead',
      6: 'body',
      8: 'body',
      10: 'body',
      12: 'body',
      14: 'tags',
      '15-17': 'teaser',
      '18-19': 'footer',
    });
    const line6 = p.segments.filter(
      (s) => p.article.text.slice(0, s.start).split('\n').length === 6,
    );
    expect(line6.map((s) => [s.kind, p.article.text.slice(s.start, s.end).slice(0, 14)])).toEqual([
      ['body', 'به گزارش خبرگز'],
      ['teaser', 'بیشتر بخوانید:'],
    ]);
  });

  it('structure without markers: numbered sentences stay body, a run of titles is teaser, a sub-heading is body', async () => {
    const p = processArticle(await load(new URL('text/structure-ar.txt', FIX)));
    expectLines(p, {
      1: 'lead',
      '3-6': 'body',
      '8-9': 'teaser',
      11: 'body',
      13: 'body',
      15: 'body',
      17: 'footer',
    });
    expect(byLine(p).get(8)?.[1]).toBe('run of title-like lines');
    expect(byLine(p).get(13)?.[1]).toBe('sub-heading');
  });

  it('Al-Ahram-like HTML: inline «اقرأ أيضا:» teaser between body paragraphs', async () => {
    const p = processArticle(await load(new URL('ingest/good/ahram-like.html', FIX)));
    expectLines(p, { 1: 'headline', 3: 'lead', 5: 'body', 7: 'teaser', '9-11': 'body' });
  });

  it('IRNA-like HTML: date-only line, code line, bulleted «بیشتر بخوانید» block, h2 sub-heading, tag list', async () => {
    const p = processArticle(await load(new URL('ingest/good/irna-like.html', FIX)));
    expectLines(p, {
      1: 'headline',
      3: 'dateline',
      5: 'footer',
      7: 'lead',
      '9-11': 'body',
      '13-15': 'teaser',
      '17-21': 'body',
      '23-29': 'tags',
    });
  });

  it('Reuters-like HTML: byline, date line, "Read more", "Related coverage", credit line, standards footer', async () => {
    const p = processArticle(await load(new URL('ingest/good/reuters-like.html', FIX)));
    expectLines(p, {
      1: 'headline',
      3: 'source',
      5: 'dateline',
      7: 'lead',
      9: 'body',
      11: 'teaser',
      13: 'body',
      '15-19': 'teaser',
      21: 'source',
      23: 'footer',
    });
    expect(p.lang).toBe('en');
  });

  it('a headline after a navigation line and a title before the end of the story', () => {
    const text = [
      'الرئيسية > أخبار > عربي ودولي',
      'الصفدي يبحث مع نظيره الإسباني الأوضاع في غزة',
      'بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره الإسباني خوسيه مانويل ألباريس التطورات في غزة.',
      'وأكد الوزيران ضرورة التوصل إلى وقف فوري لإطلاق النار.',
      'ألباريس يزور رفح الأسبوع المقبل',
      'المصدر: بترا',
    ].join('\n');
    const kinds = segmentArticle(text).map((s) => [s.kind, s.reason]);
    expect(kinds).toEqual([
      ['footer', 'breadcrumb'],
      ['headline', 'first title-like line'],
      ['lead', 'first paragraph'],
      ['body', 'paragraph'],
      ['teaser', 'title-like line not followed by text'],
      ['source', '«المصدر»'],
    ]);
  });

  it('segments are trimmed, ordered, non-overlapping and cover every non-blank line', async () => {
    for (const f of ['000_d988ddf8144c68ad', '001_d4a48e037e937963', '002_03a7cb4089f8f198']) {
      const text = readFileSync(new URL(`${f}.txt`, SEEDS), 'utf8');
      const segs = segmentArticle(text);
      let prev = 0;
      for (const s of segs) {
        expect(s.start).toBeGreaterThanOrEqual(prev);
        expect(s.end).toBeGreaterThan(s.start);
        const t = text.slice(s.start, s.end);
        expect(t).toBe(t.trim());
        expect(t.includes('\n')).toBe(false);
        prev = s.end;
      }
      const covered = segs.map((s) => text.slice(s.start, s.end)).join('\n');
      for (const line of text.split('\n')) if (line.trim()) expect(covered).toContain(line.trim());
    }
  });
});

describe('BoilerplateIndex', () => {
  const story = (n: number, extra: string[]) =>
    raw(
      [
        `وزير الخارجية يستقبل سفير دولة ${n} في مقر الوزارة`,
        `استقبل وزير الخارجية اليوم سفير الدولة رقم ${n} وبحث معه العلاقات الثنائية وسبل تطويرها في المجالات كافة.`,
        'وأكد الجانبان أهمية مواصلة التنسيق والتشاور إزاء القضايا الإقليمية والدولية ذات الاهتمام المشترك.',
        ...extra,
      ].join('\n'),
      `a${n}`,
      { outlet: 'بوابة المثال' },
    );
  const repeated = [
    'مباراة الأهلي والزمالك في نهائي كأس مصر',
    'تابع آخر الأخبار العاجلة عبر تطبيقنا على الهاتف.',
  ];
  const corpus = [1, 2, 3, 4].map((n) => story(n, repeated));

  it('marks lines repeated across articles of an outlet, and only with the index', () => {
    const index = BoilerplateIndex.from(corpus);
    expect(index.size).toBe(4);
    expect(index.count(repeated[0]!, normalizeString('بوابة المثال'))).toEqual({
      all: 4,
      outlet: 4,
    });
    const withIndex = processArticle(corpus[0]!, { boilerplate: index });
    const kinds = withIndex.segments.map((s) => [s.kind, s.reason]);
    expect(kinds.slice(3)).toEqual([
      ['teaser', 'boilerplate (in 4 articles)'],
      ['footer', 'boilerplate (in 4 articles)'],
    ]);
    // without the index the repeated title reads as a sub-heading and the app line as body
    const without = processArticle(corpus[0]!);
    expect(without.segments.map((s) => s.kind)).toEqual([
      'headline',
      'lead',
      'body',
      'body',
      'body',
    ]);
  });

  it('does not count a copy twice, and keeps the story paragraphs shared by wire copy', () => {
    const index = new BoilerplateIndex();
    index.add(corpus[0]!);
    index.add(corpus[0]!);
    expect(index.size).toBe(1);
    const other = (n: number) =>
      raw(
        `عنوان مختلف رقم ${n} عن لقاء الوزيرين\nوأكد الجانبان أهمية مواصلة التنسيق والتشاور إزاء القضايا الإقليمية والدولية ذات الاهتمام المشترك وذلك في إطار العلاقات المتميزة بين البلدين الشقيقين منذ عقود طويلة.`,
        `w${n}`,
      );
    const wire = BoilerplateIndex.from([1, 2, 3, 4].map(other));
    const p = processArticle(other(1), { boilerplate: wire });
    expect(p.segments.map((s) => s.kind)).toEqual(['headline', 'lead']);
  });

  it('validates its options', () => {
    expect(() => new BoilerplateIndex({ minArticles: 1 })).toThrow(/^text: BoilerplateIndex/);
  });
});

describe('date-only lines', () => {
  it('recognises dates and times without other words', () => {
    expect(isDateOnlyLine(normalizeString('السبت 14 أكتوبر 2023 - 01:25 م'))).toBe(true);
    expect(isDateOnlyLine(normalizeString('۹ آبان ۱۴۰۲، ۱۹:۴۰'))).toBe(true);
    expect(isDateOnlyLine(normalizeString('November 1, 2023 4:05 PM GMT'))).toBe(true);
    expect(isDateOnlyLine(normalizeString('02/11/2023 10:31'))).toBe(true);
    expect(isDateOnlyLine(normalizeString('في 14 أكتوبر التقى الوزيران'))).toBe(false);
    expect(isDateOnlyLine(normalizeString('الخميس'))).toBe(false);
    // Gulf outlets put the Hijri date first.
    expect(isDateOnlyLine(normalizeString('السبت 28 ذو القعدة 1444 هـ - 17 يونيو 2023 م'))).toBe(
      true,
    );
    expect(isDateOnlyLine(normalizeString('الأحد 5 رمضان 1445هـ'))).toBe(true);
  });
});
