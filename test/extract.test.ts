import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index.ts';
import type { RawArticle } from '../src/ingest/types.ts';
import { buildMatcher, loadLexicon } from '../src/lexicon/index.ts';
import { processArticle } from '../src/text/index.ts';
import { inlineArticle } from './fixtures/inline.ts';

const lexicon = loadLexicon({
  dirs: [fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url))],
});
const matcher = buildMatcher(lexicon);
const ARTICLES = new URL('./fixtures/articles/', import.meta.url);

function article(name: string, meta: RawArticle['meta'] = {}): RawArticle {
  const text = readFileSync(new URL(name, ARTICLES), 'utf8');
  return {
    id: name.replace(/\.txt$/, ''),
    source: name,
    text,
    meta,
    hash: name,
    bytes: text.length,
    encoding: 'utf-8',
  };
}

function run(name: string, meta: RawArticle['meta'] = {}) {
  const p = processArticle(article(name, meta));
  const x = extractArticle(p, matcher);
  const main = new Set(x.mentions.filter((m) => m.main).map((m) => m.entity));
  const other = new Set(x.mentions.filter((m) => !m.main).map((m) => m.entity));
  return { p, x, main, other };
}

describe('extractArticle', () => {
  it('finds names with clitics, g-variants, demonyms and surnames', () => {
    const { x, main } = run('ar-jordan-china-call.txt');
    expect(main).toEqual(
      new Set([
        'person:ayman-safadi',
        'person:wang-yi',
        'country:JO',
        'country:CN',
        'conflict:sudan-war',
        'org:un',
      ]),
    );
    // «ووانج يي» in the headline: a conjunction and a ج/غ variant of «وانغ يي».
    const wang = x.mentions.filter((m) => m.entity === 'person:wang-yi');
    expect(wang.map((m) => m.surface)).toContain('وانج يي');
    // «الصفدي» alone after the full name is the same person.
    expect(
      x.mentions.filter((m) => m.entity === 'person:ayman-safadi' && m.via === 'short').length,
    ).toBeGreaterThan(1);
  });

  it('keeps actors of teasers and tag lines out of the article', () => {
    const { main, other } = run('ar-jordan-china-call.txt');
    expect(other.has('person:hakan-fidan')).toBe(true);
    expect(main.has('person:hakan-fidan')).toBe(false);
    expect(main.has('country:TR')).toBe(false);
  });

  it('resolves an office without a name to its holder on the publication date', () => {
    const in2015 = run('ar-jordan-2015.txt', { date: '2015-03-03' });
    expect(in2015.main.has('person:nasser-judeh')).toBe(true);
    expect(in2015.main.has('person:ayman-safadi')).toBe(false);
    const in2020 = run('ar-jordan-2015.txt', { date: '2020-03-03' });
    expect(in2020.main.has('person:ayman-safadi')).toBe(true);
    expect(in2020.main.has('person:nasser-judeh')).toBe(false);
  });

  it('never guesses a holder without a date', () => {
    const { main, x } = run('ar-jordan-2015.txt', {});
    const p = processArticle(article('ar-jordan-2015.txt'));
    if (!p.published) {
      expect(main.has('person:nasser-judeh')).toBe(false);
      expect(main.has('person:ayman-safadi')).toBe(false);
    } else {
      // The date line gave the date: 2015 → Judeh.
      expect(main.has('person:nasser-judeh')).toBe(true);
    }
    expect(x.offices.some((o) => o.office === 'foreign_minister' && o.of === 'country:JO')).toBe(
      true,
    );
  });

  it('links the office phrase to the name beside it (role cue)', () => {
    const { x } = run('ar-jordan-china-call.txt');
    const o = x.offices.find((o) => o.person === 'person:ayman-safadi' && !o.counterpart);
    expect(o).toMatchObject({
      office: 'foreign_minister',
      of: 'country:JO',
      personVia: 'adjacent',
    });
    const c = x.offices.find((o) => o.counterpart);
    expect(c).toMatchObject({
      office: 'foreign_minister',
      of: 'country:CN',
      person: 'person:wang-yi',
    });
  });

  it('discovers actors missing from the lexicon from cue phrases, in Arabic and English', () => {
    const ar = run('ar-djibouti-candidate.txt').x.candidates;
    const en = run('en-djibouti-candidate.txt').x.candidates;
    expect(ar).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(ar[0]).toMatchObject({
      name: 'محمود علي يوسف',
      office: 'foreign_minister',
      of: 'country:DJ',
    });
    expect(en[0]).toMatchObject({
      name: 'Mahmoud Ali Youssouf',
      office: 'foreign_minister',
      of: 'country:DJ',
    });
    // Same consonant skeleton across scripts: they can merge.
    expect(ar[0]!.skeleton).toBe(en[0]!.skeleton);
  });

  it('reads Persian: name before office, suffixes, no ZWNJ', () => {
    const { main, other, x } = run('fa-turkey-china-meeting.txt');
    expect(main).toEqual(
      new Set([
        'person:hakan-fidan',
        'person:wang-yi',
        'country:TR',
        'country:CN',
        'conflict:sudan-war',
        'org:un',
      ]),
    );
    expect(other.has('person:ayman-safadi')).toBe(true);
    expect(x.offices.find((o) => o.person === 'person:hakan-fidan')).toMatchObject({
      of: 'country:TR',
      personVia: 'adjacent',
    });
  });

  it('gives offsets that point at the original text', () => {
    const { p, x } = run('fa-turkey-china-meeting.txt');
    for (const m of x.mentions) expect(p.article.text.slice(m.start, m.end)).toBe(m.surface);
  });
});

describe('extractArticle: new actors next to office cues (full lexicon)', () => {
  const full = buildMatcher(loadLexicon());
  const read = (text: string) => extractArticle(processArticle(inlineArticle(text)), full);
  const persons = (x: ReturnType<typeof read>) =>
    new Set(x.mentions.filter((m) => m.main && m.kind === 'person').map((m) => m.entity));

  it('reads an unlisted minister after the cue even when the lexicon has a holder on that date', () => {
    const x = read(
      'Djibouti and Kenya talk trade\n\n14 March 2024\n\nDjiboutian Foreign Minister Abdoulkader Houssein Omar met Kenyan officials in Nairobi on Thursday.\n',
    );
    expect(x.candidates.map((c) => [c.name, c.office, c.of])).toEqual([
      ['Abdoulkader Houssein Omar', 'foreign_minister', 'country:DJ'],
    ]);
    expect(persons(x).has('person:mahmoud-ali-youssouf')).toBe(false);
  });

  it('takes a new spelling of the holder on that date as the holder, not a new actor', () => {
    const x = read(
      'لافروف في أنقرة\n\n2023-05-02\n\nالتقى وزير الخارجية الروسي سيرجيه لافروف اليوم نظيره التركي في أنقرة.\n',
    );
    expect(x.candidates).toEqual([]);
    expect(persons(x).has('person:sergey-lavrov')).toBe(true);
  });

  it('never resolves an office many hold at once (ambassador) by the date alone', () => {
    const x = read(
      'دیدار در مسکو\n\n۱۰ اردیبهشت ۱۴۰۲\n\nحسین امیرعبداللهیان وزیر امور خارجه با همتای روس خود دیدار کرد. سفیر ایران در روسیه نیز در این دیدار حضور داشت.\n',
    );
    const amb = x.offices.filter((o) => o.office === 'ambassador');
    expect(amb.length).toBe(1);
    expect(amb[0]!.person).toBeUndefined();
  });

  it('reads ambassadors named after their host country, and Persian names before the office', () => {
    const ar = read(
      'زيارة\n\n2024-02-11\n\nاستقبل رئيس الوزراء السفير القطري لدى لبنان سعود بن عبد الرحمن آل ثاني في بيروت.\n',
    );
    expect(ar.candidates.map((c) => [c.name, c.office, c.of])).toEqual([
      ['سعود بن عبد الرحمن', 'ambassador', 'country:QA'],
    ]);
    const fa = read(
      'دیدار\n\n۱۲ آبان ۱۴۰۲\n\nمحمدرضا شیبانی سفیر ایران در لبنان با نبیه بری دیدار کرد.\n',
    );
    expect(fa.candidates.map((c) => [c.name, c.office, c.of])).toEqual([
      ['محمدرضا شیبانی', 'ambassador', 'country:IR'],
    ]);
  });

  it('reads no name from ordinary words after an office in Arabic or Persian', () => {
    const ar = read(
      'اتصال\n\n2024-06-02\n\nوأكد وزير الخارجية الأمريكي شدد خلاله على أهمية التهدئة، وقال السفير السعودي تناولت الوضع.\n',
    );
    expect(ar.candidates).toEqual([]);
  });
});
