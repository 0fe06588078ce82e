import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../src/ingest/index.ts';
import { readArticleFile } from '../src/ingest/index.ts';
import { detectLanguage, processArticle, splitSentences } from '../src/text/index.ts';

const SEEDS = new URL('../../shared/seeds/', import.meta.url);

function raw(text: string, meta: RawArticle['meta'] = {}): RawArticle {
  return { id: 't', source: 't.txt', text, meta, hash: 'h', bytes: text.length, encoding: 'utf-8' };
}

async function seed(id: string): Promise<RawArticle> {
  const [item] = await readArticleFile(new URL(`${id}.txt`, SEEDS).pathname);
  if (item?.type !== 'article') throw new Error(id);
  return item.article;
}

const sentences = (s: string) => splitSentences(s).map((x) => s.slice(x.start, x.end));

describe('detectLanguage', () => {
  it('tells Arabic from Persian on the seeds, confidently', async () => {
    for (const [id, lang] of [
      ['000_d988ddf8144c68ad', 'ar'],
      ['002_03a7cb4089f8f198', 'fa'],
      ['003_45e66460cca4ecb8', 'ar'],
    ] as const) {
      const g = detectLanguage((await seed(id)).text);
      expect(g.lang).toBe(lang);
      expect(g.confidence).toBeGreaterThan(0.9);
    }
  });

  it('uses Persian letters and words, Arabic letters, ال- and words', () => {
    expect(detectLanguage('رایزنی تلفنی وزرای خارجه ایران و روسیه درباره غزه').lang).toBe('fa');
    expect(detectLanguage('لافروف يلتقى رؤساء البعثات الدبلوماسية العربية').lang).toBe('ar');
    // Persian typed with Arabic ي/ك: the words still say Persian
    expect(detectLanguage('وزير امور خارجه اين را گفت كه مذاكرات ادامه دارد و مي‌خواهد').lang).toBe(
      'fa',
    );
    expect(detectLanguage('The minister said on Monday that the talks would continue.').lang).toBe(
      'en',
    );
    expect(
      detectLanguage('Le ministre a rencontré son homologue à Genève hier soir pour discuter.')
        .lang,
    ).toBe('other');
    expect(detectLanguage('Переговоры министров иностранных дел').lang).toBe('other');
    expect(detectLanguage('۱۲۳ - 45')).toEqual({ lang: 'other', confidence: 0 });
  });

  it('is less sure of a short line than of a paragraph', () => {
    const short = detectLanguage('وزير الخارجية');
    const long = detectLanguage(
      'وقال وزير الخارجية إن المحادثات التي جرت في القاهرة تناولت الوضع في غزة والجهود المبذولة لوقف إطلاق النار.',
    );
    expect(short.lang).toBe('ar');
    expect(long.confidence).toBeGreaterThan(short.confidence);
  });
});

describe('splitSentences', () => {
  it('splits at . ! ؟ ? ؛ and line breaks, keeping closing quotes', () => {
    expect(
      sentences('قال الوزير: "نحن مستعدون." وأضاف أن الحوار مستمر! فهل ينجح؟ ربما؛ لا أحد يعرف'),
    ).toEqual([
      'قال الوزير: "نحن مستعدون."',
      'وأضاف أن الحوار مستمر!',
      'فهل ينجح؟',
      'ربما؛',
      'لا أحد يعرف',
    ]);
    expect(sentences('سطر أول بلا نقطة\nسطر ثان.')).toEqual(['سطر أول بلا نقطة', 'سطر ثان.']);
    expect(sentences('این را گفت. آیا درست است؟ بله')).toEqual([
      'این را گفت.',
      'آیا درست است؟',
      'بله',
    ]);
  });

  it('does not split decimals, list numbers, abbreviations, initials, dot runs or domains', () => {
    expect(sentences('بلغ النمو 3.5 بالمئة. ثم تراجع')).toEqual([
      'بلغ النمو 3.5 بالمئة.',
      'ثم تراجع',
    ]);
    expect(sentences('1. وقف إطلاق النار.\n2. إدخال المساعدات.')).toEqual([
      '1. وقف إطلاق النار.',
      '2. إدخال المساعدات.',
    ]);
    expect(
      sentences(
        'U.S. envoy Mr. Smith met Dr. J. Jones on Jan. 5 at 10 a.m. in Washington. He left.',
      ),
    ).toEqual([
      'U.S. envoy Mr. Smith met Dr. J. Jones on Jan. 5 at 10 a.m. in Washington.',
      'He left.',
    ]);
    expect(sentences('روسيا والصين.. تحالف جديد... أم لا')).toEqual([
      'روسيا والصين.. تحالف جديد... أم لا',
    ]);
    // «..» before «و» and a new clause ends the first one (two events in one headline).
    expect(sentences('ولي العهد يلتقي زيلينسكي.. والسيسي يجتمع بالأسد')).toEqual([
      'ولي العهد يلتقي زيلينسكي..',
      'والسيسي يجتمع بالأسد',
    ]);
    expect(sentences('التقى د. أيمن الصفدي نظيره. وبحثا الوضع')).toEqual([
      'التقى د. أيمن الصفدي نظيره.',
      'وبحثا الوضع',
    ]);
    expect(sentences('See example.com for details. Then go')).toEqual([
      'See example.com for details.',
      'Then go',
    ]);
    expect(sentences('أكثر من 8 آلاف فلسطيني و1.')).toEqual(['أكثر من 8 آلاف فلسطيني و1.']);
  });

  it('splits Arabic sentences glued without a space and English after a year', () => {
    expect(sentences('انتهى الاجتماع.وقال الوزير')).toEqual(['انتهى الاجتماع.', 'وقال الوزير']);
    expect(sentences('The war began in 2022. Talks failed.')).toEqual([
      'The war began in 2022.',
      'Talks failed.',
    ]);
  });

  it('returns offsets into the original text, never across lines', () => {
    const text = 'عنوان\n\n  جملة أولى. جملة ثانية.  \n';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'عنوان',
      'جملة أولى.',
      'جملة ثانية.',
    ]);
    expect(splitSentences(text, 7, 24).map((s) => text.slice(s.start, s.end))).toEqual([
      'جملة أولى.',
      'جملة',
    ]);
  });
});

describe('processArticle', () => {
  it('gives sentences per segment, inside the segment bounds', async () => {
    const p = processArticle(await seed('002_03a7cb4089f8f198'));
    expect(p.sentences.length).toBeGreaterThan(25);
    for (const s of p.sentences) {
      const seg = p.segments[s.segment]!;
      expect(s.start).toBeGreaterThanOrEqual(seg.start);
      expect(s.end).toBeLessThanOrEqual(seg.end);
    }
    const lead = p.segments.findIndex((s) => s.kind === 'lead');
    expect(p.sentences.filter((s) => s.segment === lead)).toHaveLength(1);
  });

  it('detects the article language over its own segments and per segment', async () => {
    const p = processArticle(await seed('003_45e66460cca4ecb8'));
    expect(p.lang).toBe('ar');
    expect(p.segments.every((s) => s.lang === 'ar')).toBe(true);
    // a mixed line («تاريخ النشر: 2nd, November 2023 GMT») takes the article language
    expect(p.segments[1]!.langConfidence).toBeLessThan(p.segments[0]!.langConfidence);
    const mixed = processArticle(
      raw(
        'وزير الخارجية يلتقي نظيره البريطاني في لندن\nقال وزير الخارجية إن اللقاء تناول العلاقات الثنائية والأوضاع في المنطقة.\nThe British Foreign Secretary said the talks were constructive and that both sides agreed to meet again.',
      ),
    );
    expect(mixed.segments.map((s) => s.lang)).toEqual(['ar', 'ar', 'en']);
  });

  it('uses a stated language only when the text says too little', () => {
    expect(processArticle(raw('12 - 45', { lang: 'fa' })).lang).toBe('fa');
    expect(
      processArticle(raw('قال وزير الخارجية إن المحادثات مستمرة في القاهرة.', { lang: 'fa' })).lang,
    ).toBe('ar');
  });

  it('takes the stated date as the publication date over a date line', async () => {
    const a = await seed('003_45e66460cca4ecb8');
    expect(processArticle(a).published).toBe('2023-11-02');
    expect(processArticle({ ...a, meta: { date: '2023-11-03' } }).published).toBe('2023-11-03');
    expect(processArticle(await seed('000_d988ddf8144c68ad')).published).toBeUndefined();
  });

  it('keeps the normalised text and its offset map', async () => {
    const p = processArticle(await seed('002_03a7cb4089f8f198'));
    expect(p.norm.map.length).toBe(p.norm.text.length + 1);
    expect(p.norm.text).toContain('حسين اميرعبداللهيان');
  });

  it('is deterministic: same input, same output', async () => {
    const a = await seed('001_d4a48e037e937963');
    const one = processArticle(a);
    const two = processArticle(structuredClone(a));
    const dump = (p: typeof one) =>
      JSON.stringify({ ...p, norm: { text: p.norm.text, map: [...p.norm.map] } });
    expect(dump(two)).toBe(dump(one));
  });

  it('handles an empty or blank text without throwing', () => {
    const p = processArticle(raw(''));
    expect(p.segments).toEqual([]);
    expect(p.lang).toBe('other');
    expect(processArticle(raw('\n  \n')).sentences).toEqual([]);
  });

  it('rejects invalid options', () => {
    expect(() => processArticle(raw('نص'), { boilerplate: {} as never })).toThrow(
      /^text: invalid options/,
    );
  });
});
