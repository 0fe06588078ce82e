import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index.ts';
import type { RawArticle } from '../src/ingest/types.ts';
import { buildMatcher, loadLexicon } from '../src/lexicon/index.ts';
import { processArticle } from '../src/text/index.ts';

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
