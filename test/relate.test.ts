import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index.ts';
import type { RawArticle } from '../src/ingest/types.ts';
import { buildMatcher, loadLexicon } from '../src/lexicon/index.ts';
import { loadCues, relateArticle } from '../src/relate/index.ts';
import { pinDates } from '../src/resolve/index.ts';
import { processArticle } from '../src/text/index.ts';
import { inlineArticle } from './fixtures/inline.ts';

const lexicon = loadLexicon({
  dirs: [fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url))],
});
const matcher = buildMatcher(lexicon);
const cues = loadCues();

function relate(
  name: string,
  meta: RawArticle['meta'] = {},
  window: 'sentence' | 'paragraph' | 'article' = 'sentence',
) {
  const text = readFileSync(new URL(`./fixtures/articles/${name}`, import.meta.url), 'utf8');
  const p = processArticle({
    id: name,
    source: name,
    text,
    meta,
    hash: name,
    bytes: text.length,
    encoding: 'utf-8',
  });
  const x = extractArticle(p, matcher);
  return { p, edges: relateArticle(p, x, matcher, cues, { window, evidenceMaxChars: 600 }) };
}

describe('relateArticle', () => {
  it('reads a phone call from cue words, with topic and evidence in the original script', () => {
    const { p, edges } = relate('ar-jordan-china-call.txt');
    const call = edges.find((e) => e.kind === 'interaction')!;
    expect(call).toMatchObject({
      key: 'interaction:phone_call:person:ayman-safadi|person:wang-yi',
      action: 'phone_call',
      cameo: '041',
      topics: ['conflict:sudan-war'],
    });
    for (const ev of call.evidence) {
      expect(p.article.text.slice(ev.start, ev.end)).toBe(ev.text);
      expect(ev.text).toContain('هاتفيا');
    }
  });

  it('makes no interaction from two names merely sharing a sentence, nor from planned meetings', () => {
    const { edges } = relate('ar-no-interaction.txt');
    expect(edges.filter((e) => e.kind === 'interaction')).toEqual([]);
    expect(
      edges.some(
        (e) =>
          e.kind === 'co_mention' &&
          e.source === 'person:ayman-safadi' &&
          e.target === 'person:wang-yi',
      ),
    ).toBe(true);
  });

  it('reads direction: a received call goes from the caller', () => {
    const { edges } = relate('en-received-call.txt');
    const call = edges.find((e) => e.kind === 'interaction')!;
    expect(call).toMatchObject({
      action: 'phone_call',
      directed: true,
      source: 'person:hakan-fidan',
      target: 'person:ayman-safadi',
    });
  });

  it('adds roles from office phrases next to a name', () => {
    const { edges } = relate('fa-turkey-china-meeting.txt');
    expect(edges.map((e) => e.key)).toEqual(
      expect.arrayContaining([
        'role:foreign_minister:person:hakan-fidan->country:TR',
        'role:foreign_minister:person:wang-yi->country:CN',
        'interaction:meeting:person:hakan-fidan|person:wang-yi',
      ]),
    );
  });

  it('never links teaser actors', () => {
    const { edges } = relate('ar-jordan-china-call.txt');
    expect(
      edges.some((e) => e.source === 'person:hakan-fidan' || e.target === 'person:hakan-fidan'),
    ).toBe(false);
  });

  it('co-mention windows widen from sentence to paragraph to article', () => {
    const count = (w: 'sentence' | 'paragraph' | 'article') =>
      relate('ar-jordan-china-call.txt', {}, w).edges.filter((e) => e.kind === 'co_mention').length;
    expect(count('sentence')).toBeLessThanOrEqual(count('paragraph'));
    expect(count('paragraph')).toBeLessThanOrEqual(count('article'));
    expect(count('article')).toBe(15); // 6 actors → 15 pairs
  });
});

describe('relateArticle: groups and capitals (full lexicon)', () => {
  const full = buildMatcher(loadLexicon());
  /** Text → extraction → pinned dates → relations, as a build runs them. */
  const interactions = (text: string) => {
    const p = processArticle(inlineArticle(text));
    const x = extractArticle(p, full);
    p.dates = pinDates(p, x, full.lexicon);
    const edges = relateArticle(p, x, full, cues, { window: 'sentence', evidenceMaxChars: 600 });
    return {
      x,
      edges,
      keys: edges.filter((e) => e.kind === 'interaction').map((e) => e.key),
    };
  };

  it('a visit to «the Qatari capital» is a visit to Doha', () => {
    const { x, keys } = interactions(
      'زيارة\n\n2023-10-14\n\nوصل وزير الخارجية التركي هاكان فيدان اليوم إلى العاصمة القطرية في زيارة رسمية.\n',
    );
    expect(x.mentions.find((m) => m.via === 'capital')?.entity).toBe('place:doha');
    expect(keys).toContain('interaction:visit:person:hakan-fidan|place:doha');
  });

  it('each later visit cue of a sentence names its own destination («جولة زار خلالها …»)', () => {
    const { keys } = interactions(
      'جولة\n\n2024-01-20\n\nوصل وزير الخارجية الروسي سيرغي لافروف إلى الرياض، في ختام جولة زار خلالها القاهرة ودمشق.\n',
    );
    for (const place of ['place:riyadh', 'place:cairo', 'place:damascus']) {
      expect(keys).toContain(`interaction:visit:person:sergey-lavrov|${place}`);
    }
  });

  it('«لدى وصوله»: the visitor is the person the pronoun points back to', () => {
    const { keys } = interactions(
      'زيارة\n\n2024-05-06\n\nاستقبل الرئيس عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون لدى وصوله إلى القاهرة.\n',
    );
    expect(keys).toContain('interaction:visit:person:emmanuel-macron|place:cairo');
    expect(keys).not.toContain('interaction:visit:person:abdel-fattah-el-sisi|place:cairo');
  });

  it("Persian: «رهبر انقلاب» is Iran's, plural offices list every body, joined visitors all visit", () => {
    const { keys } = interactions(
      'نشست\n\n۱۴۰۱/۰۴/۲۸\n\nپوتین و اردوغان عصر امروز وارد تهران شدند. در پایان نشست، بیانیه مشترک رؤسای جمهور ایران، روسیه و ترکیه منتشر شد.\n\nرهبر انقلاب اسلامی نیز در دیدارهای جداگانه، پوتین و اردوغان را به حضور پذیرفتند.\n',
    );
    for (const k of [
      'interaction:visit:person:vladimir-putin|place:tehran',
      'interaction:visit:person:recep-tayyip-erdogan|place:tehran',
      'interaction:joint_statement:person:ebrahim-raisi|person:recep-tayyip-erdogan',
      'interaction:joint_statement:person:recep-tayyip-erdogan|person:vladimir-putin',
      'interaction:meeting:person:ali-khamenei|person:vladimir-putin',
    ]) {
      expect(keys).toContain(k);
    }
  });

  it('English: "received a call from" is a call from the partner; letters go to every recipient', () => {
    const { keys } = interactions(
      "Calls\n\nMarch 3, 2024\n\nQatar's Prime Minister Mohammed bin Abdulrahman Al Thani received a call from Turkish Foreign Minister Hakan Fidan on Sunday.\n\nUN Secretary-General Antonio Guterres sent letters to Vladimir Putin and Volodymyr Zelenskyy last week asking to be received in both capitals.\n",
    );
    expect(keys).toContain(
      'interaction:phone_call:person:hakan-fidan|person:mohammed-bin-abdulrahman-al-thani',
    );
    expect(keys).toContain('interaction:message:person:antonio-guterres|person:vladimir-putin');
    expect(keys).toContain('interaction:message:person:antonio-guterres|person:volodymyr-zelensky');
    expect(keys.some((k) => k.startsWith('interaction:meeting:'))).toBe(false);
  });

  it('"the Russian leader" refers back to Russia\'s president', () => {
    const { keys } = interactions(
      'Summit\n\nSeptember 16, 2022\n\nVladimir Putin arrived on Thursday. Later in the day the Russian leader also met Turkish President Recep Tayyip Erdogan.\n',
    );
    expect(keys).toContain('interaction:meeting:person:recep-tayyip-erdogan|person:vladimir-putin');
  });

  it('negated events are not recorded («لن يلتقي», «عدم استقبال», "did not hold a meeting")', () => {
    const { keys } = interactions(
      'زيارة\n\n2017-12-09\n\nقال مسؤول إن الرئيس محمود عباس لن يلتقي نائب الرئيس الأمريكي مايك بنس. وأعلن الأزهر اعتذار أحمد الطيب عن عدم استقبال بنس.\n\nوقال دميتري بيسكوف إن لقاء كهذا بين فلاديمير بوتين وفولوديمير زيلينسكي يأتي ثمرة عمل الطرفين.\n\nNarendra Modi and Xi Jinping did not hold a bilateral meeting, officials said.\n',
    );
    expect(keys.filter((k) => k.startsWith('interaction:meeting:'))).toEqual([]);
  });

  it('without a publication date, year-less dates take the year of the dates the story pinned', () => {
    const text =
      'تماس\n\nحسین امیرعبداللهیان وزیر امور خارجه امشب (جمعه) ۱۲ آبان ماه با سرگئی لاوروف تلفنی گفتگو کرد.\n\nامیرعبداللهیان و لاوروف اول آبان ماه سالجاری در تهران با یکدیگر دیدار کرده بودند.\n';
    const { edges } = interactions(text);
    const dates = (action: string) =>
      edges.find((e) => e.key.startsWith(`interaction:${action}:`))?.dates ?? [];
    expect(dates('phone_call')).toEqual(['2023-11-03']);
    expect(dates('meeting')).toEqual(['2023-10-23']);
  });

  it("no visit to one's own country's cities, and none for a person named after a planned visit", () => {
    const { keys } = interactions(
      'زيارة\n\n2023-08-23\n\nاستقبل رئيس الوزراء العراقي محمد شياع السوداني الوزير التركي هاكان فيدان في بغداد، في أول زيارة يقوم بها فيدان إلى العراق.\n\nوتأتي الزيارة تمهيدا لزيارة مرتقبة للرئيس رجب طيب أردوغان إلى العراق.\n',
    );
    expect(keys).toContain('interaction:visit:country:IQ|person:hakan-fidan');
    expect(keys.filter((k) => k.includes(':visit:person:mohammed-shia-al-sudani'))).toEqual([]);
    expect(keys.filter((k) => k.includes(':visit:person:recep-tayyip-erdogan'))).toEqual([]);
  });

  it('a joint declaration beside a hosted meeting binds all; "with" reaches past titles and "and"', () => {
    const { keys } = interactions(
      'Talks\n\nAugust 8, 2025\n\nPresident Donald Trump hosted Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan at the White House, where the three leaders signed a joint declaration.\n\nOn Friday, Xi Jinping met with Egyptian President Abdel Fattah el-Sisi and Palestinian President Mahmoud Abbas.\n',
    );
    for (const k of [
      'interaction:joint_statement:person:donald-trump|person:ilham-aliyev',
      'interaction:joint_statement:person:ilham-aliyev|person:nikol-pashinyan',
      'interaction:meeting:person:donald-trump|person:nikol-pashinyan',
      'interaction:meeting:person:abdel-fattah-el-sisi|person:xi-jinping',
      'interaction:meeting:person:mahmoud-abbas|person:xi-jinping',
    ]) {
      expect(keys).toContain(k);
    }
    expect(keys).not.toContain(
      'interaction:meeting:person:abdel-fattah-el-sisi|person:mahmoud-abbas',
    );
  });

  it('the largest group word binds that many persons, and a joint statement after talks counts', () => {
    const { keys } = interactions(
      'قمة\n\n2023-09-10\n\nوصل الرئيس المصري عبد الفتاح السيسي والملك عبد الله الثاني إلى بغداد، واستقبلهما رئيس الوزراء محمد شياع السوداني.\n\nوبحضور الزعيمين، بحث القادة الثلاثة التعاون الاقتصادي. وأصدر القادة الثلاثة في الختام بيانا مشتركا.\n',
    );
    const pairs = (action: string) => keys.filter((k) => k.startsWith(`interaction:${action}:`));
    expect(pairs('joint_statement')).toHaveLength(3);
    expect(keys).toContain(
      'interaction:joint_statement:person:abdullah-ii|person:mohammed-shia-al-sudani',
    );
  });
});
