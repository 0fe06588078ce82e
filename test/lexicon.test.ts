import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildMatcher,
  gVariants,
  loadLexicon,
  nameTokens,
  nameVariants,
  PhraseTrie,
} from '../src/lexicon/index.ts';
import { normalize } from '../src/text/normalize.ts';
import { tokenize } from '../src/text/tokenize.ts';

const FIXTURE = new URL('./fixtures/lexicon/', import.meta.url).pathname;

function tmpLexicon(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-lex-'));
  writeFileSync(join(dir, 'bad.yaml'), yaml);
  return dir;
}

describe('lexicon loading', () => {
  it('adds every ISO country in en/ar/fa and merges data files over it', () => {
    const lex = loadLexicon({ dirs: [FIXTURE] });
    expect(lex.entities.size).toBeGreaterThan(249);
    const jo = lex.entities.get('country:JO')!;
    expect(jo.label).toBe('Jordan');
    expect(jo.names.fa.length).toBeGreaterThan(0);
    expect(jo.demonyms.ar).toContain('أردنية');
    expect(lex.entities.get('person:ayman-safadi')!.offices[0]!.of).toBe('country:JO');
  });

  it('names the file and the entry of an invalid entity', () => {
    const dir = tmpLexicon(
      'entities:\n  - id: person:x\n    kind: person\n    label: X\n    names: { en: [X] }\n    offices: [{ office: wizard, of: country:JO, from: 2020 }]\n',
    );
    expect(() => loadLexicon({ dirs: [dir] })).toThrow(
      /lexicon: .*bad\.yaml: entities\[0\] \(person:x\): offices\.0\.office/,
    );
  });

  it('rejects a wrong id prefix and an office of an unknown body', () => {
    expect(() =>
      loadLexicon({
        dirs: [
          tmpLexicon(
            'entities:\n  - { id: "org:x", kind: person, label: X, names: { en: [X] } }\n',
          ),
        ],
      }),
    ).toThrow(/id prefix does not match kind/);
    expect(() =>
      loadLexicon({
        dirs: [
          tmpLexicon(
            'entities:\n  - { id: "person:x", kind: person, label: X, names: { en: [X] }, offices: [{ office: president, of: "org:nowhere", from: "2020" }] }\n',
          ),
        ],
      }),
    ).toThrow(/unknown entity 'org:nowhere'/);
  });

  it('reports unparseable YAML with its file', () => {
    expect(() => loadLexicon({ dirs: [tmpLexicon('entities: [\n')] })).toThrow(
      /bad\.yaml: cannot parse/,
    );
  });

  it('lets a user file add and override actors', () => {
    const dir = tmpLexicon(
      'entities:\n  - { id: "person:ayman-safadi", kind: person, label: "Ayman H. Safadi", names: { ar: ["أيمن حسين الصفدي"] } }\n',
    );
    const lex = loadLexicon({ dirs: [FIXTURE], extra: [dir] });
    const e = lex.entities.get('person:ayman-safadi')!;
    expect(e.label).toBe('Ayman H. Safadi');
    expect(e.names.ar).toEqual(expect.arrayContaining(['أيمن الصفدي', 'أيمن حسين الصفدي']));
    expect(e.offices.length).toBe(1);
  });
});

describe('variants', () => {
  it('generates g-class spellings of transliterated names', () => {
    expect(gVariants('سيرغي')).toEqual(
      expect.arrayContaining(['سيرغي', 'سيرجي', 'سيرگي', 'سيرقي']),
    );
    const seqs = nameVariants('وانغ يي', true).map((s) => s.join(' '));
    expect(seqs).toContain('وانج يي');
  });
  it('indexes names with the article «ال» removed too', () => {
    const seqs = nameVariants('الولايات المتحدة', false).map((s) => s.join(' '));
    expect(seqs).toContain('ولايات المتحده');
  });
});

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>();
  for (const [name, id] of [
    ['حسين أمير عبد اللهيان', 'aa'],
    ['عبد اللهيان', 'aa-short'],
    ['روسيا', 'ru'],
    ['روسي', 'ru-dem'],
    ['ایران', 'ir'],
  ] as const) {
    trie.add(nameTokens(name), id);
  }
  const run = (text: string) => {
    const n = normalize(text);
    return trie.matchAll(tokenize(n.text)).map((m) => m.values.join('+'));
  };
  it('matches joined and spaced compounds alike', () => {
    expect(run('حسین امیرعبداللهیان')).toEqual(['aa']);
    expect(run('حسين أمير عبد اللهيان')).toEqual(['aa']);
    expect(run('امیر عبداللهیان')).toEqual(['aa-short']);
  });
  it('strips Arabic proclitics and the article', () => {
    expect(run('وروسيا')).toEqual(['ru']);
    expect(run('لروسيا')).toEqual(['ru']);
    expect(run('والروسي')).toEqual(['ru-dem']);
    expect(run('بالروسي')).toEqual(['ru-dem']);
  });
  it('accepts Persian suffixes and prefers the longest match', () => {
    expect(run('ایرانی')).toEqual(['ir']);
    expect(run('ایران‌ها')).toEqual(['ir']);
    expect(run('ایرانیان')).toEqual(['ir']);
  });
  it('does not match inside unrelated words', () => {
    expect(run('روسياتي كتاب')).toEqual([]);
  });
  it('joins compounds only between real words, never across short function words', () => {
    const t = new PhraseTrie<string>();
    t.add(nameTokens('روسيف'), 'rousseff');
    t.add(nameTokens('اوبراین'), 'obrien');
    const go = (text: string) =>
      t.matchAll(tokenize(normalize(text).text)).map((m) => m.values.join('+'));
    expect(go('الرئيس الروسي في موسكو')).toEqual([]);
    expect(go('او بر این باور است')).toEqual([]);
    expect(go('ديلما روسيف')).toEqual(['rousseff']);
  });
});

describe('matcher', () => {
  it('indexes office phrases, marking plural ones', () => {
    const m = buildMatcher(loadLexicon({ dirs: [FIXTURE] }));
    const toks = tokenize(normalize('وزيرا خارجية الأردن والصين').text);
    const hit = m.offices.matchAt(toks, 0)!;
    expect(hit.values[0]).toMatchObject({ office: 'foreign_minister', plural: true });
    expect(m.holders.get('foreign_minister|country:CN')!.map((h) => h.person)).toEqual([
      'person:wang-yi',
      'person:qin-gang',
      'person:wang-yi',
    ]);
  });
});
