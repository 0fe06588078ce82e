import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  editDistance,
  normalizeName,
  type SearchEntry,
  searchActors,
  TIER,
} from '../src/search.ts';
import type { NodeAttributes } from '../src/types.ts';
import { makeFixture } from './fixtures/make-fixture.ts';

const fixture = makeFixture().graph;
const index = buildSearchIndex(
  fixture.nodes.map((n) => ({ key: n.key, attributes: n.attributes })),
);

function actor(
  key: string,
  label: string,
  extra: Partial<NodeAttributes> = {},
): { key: string; attributes: NodeAttributes } {
  const base = fixture.nodes[0]!.attributes;
  return {
    key,
    attributes: { ...base, label, labels: { en: label }, aliases: [], pagerank: 0.1, ...extra },
  };
}

describe('normalizeName', () => {
  it('folds Arabic and Persian letter variants, tashkeel, ZWNJ and case like the extractor', () => {
    expect(normalizeName('سرگئی لاوروف')).toBe(normalizeName('سرگئي لاوروف'));
    expect(normalizeName('أمير عبد اللهيان')).toBe('امير عبد اللهيان');
    expect(normalizeName('لافْرُوف')).toBe('لافروف');
    expect(normalizeName('امیر‌عبداللهیان')).toBe('اميرعبداللهيان');
    expect(normalizeName('  LAVROV,  Sergey ')).toBe('lavrov sergey');
    expect(normalizeName('«الصفدي»')).toBe('الصفدي');
  });
});

describe('searchActors on the fixture', () => {
  const top = (q: string) => searchActors(index, q)[0];

  it.each([
    ['لافروف', 'Arabic spelling'],
    ['لاوروف', 'Persian spelling'],
    ['Lavrov', 'English'],
    ['lavrov', 'lower case'],
    ['سرگئی لاوروف', 'Persian full name'],
    ['سيرجي لافروف', 'Arabic full name, other spelling'],
    ['سيرغي', 'first name prefix'],
    ['لافْروف', 'with tashkeel'],
    ['serg', 'English prefix'],
  ])('finds Sergey Lavrov from %s (%s)', (q) => {
    expect(top(q)?.key).toBe('person:sergey-lavrov');
  });

  it('matches Persian joined compounds against Arabic spaced names and back', () => {
    expect(top('امیرعبداللهیان')?.key).toBe('person:hossein-amir-abdollahian');
    expect(top('امير عبد اللهيان')?.key).toBe('person:hossein-amir-abdollahian');
    expect(top('عبداللهيان')?.key).toBe('person:hossein-amir-abdollahian');
  });

  it('finds actors by their labels in every language', () => {
    expect(top('روسیه')?.key).toBe('country:RU');
    expect(top('روسيا')?.key).toBe('country:RU');
    expect(top('نوار غزه')?.key).toBe('place:gaza-strip');
    expect(top('جامعة الدول')?.key).toBe('org:arab-league');
  });

  it('returns nothing for an empty or unrelated query', () => {
    expect(searchActors(index, '   ')).toEqual([]);
    expect(searchActors(index, 'zzzzqqq')).toEqual([]);
  });

  it('reports the name that matched, as written', () => {
    const hit = searchActors(index, 'لاوروف')[0]!;
    expect(hit.matched).toContain('لاوروف');
    expect(hit.label).toBe('Sergey Lavrov');
  });

  it('respects the limit', () => {
    expect(searchActors(index, 'a', 3)).toHaveLength(3);
  });
});

describe('ranking', () => {
  it('ranks by exactness first, PageRank second', () => {
    const idx = buildSearchIndex([
      actor('p:alice', 'Alice', { pagerank: 0.9 }),
      actor('p:ali', 'Ali', { pagerank: 0.1 }),
      actor('p:khalil', 'Khalil', { pagerank: 0.99 }),
      actor('p:alina', 'Alina', { pagerank: 0.5 }),
    ]);
    const hits = searchActors(idx, 'ali');
    expect(hits.map((h) => h.key)).toEqual(['p:ali', 'p:alice', 'p:alina', 'p:khalil']);
    expect(hits.map((h) => h.tier)).toEqual([TIER.exact, TIER.prefix, TIER.prefix, TIER.substring]);
  });

  it('breaks PageRank ties by label then key, so the order is stable', () => {
    const idx = buildSearchIndex([
      actor('p:b', 'Same', { pagerank: 0.2 }),
      actor('p:a', 'Same', { pagerank: 0.2 }),
    ]);
    expect(searchActors(idx, 'same').map((h) => h.key)).toEqual(['p:a', 'p:b']);
  });

  it('falls back to a fuzzy match for an unseen transliteration (لاوروف vs لافروف)', () => {
    const idx = buildSearchIndex([
      actor('person:sergey-lavrov', 'Sergey Lavrov', {
        labels: { en: 'Sergey Lavrov', ar: 'سيرغي لافروف' },
        aliases: ['سيرغي لافروف'],
      }),
      actor('person:other', 'Someone Else'),
    ]);
    const hits = searchActors(idx, 'لاوروف');
    expect(hits[0]?.key).toBe('person:sergey-lavrov');
    expect(hits[0]?.tier).toBe(TIER.fuzzy);
    expect(hits).toHaveLength(1);
  });

  it('does not fuzz short tokens', () => {
    const idx = buildSearchIndex([actor('p:x', 'Abc')]);
    expect(searchActors(idx, 'abd')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('computes Levenshtein distance with a cut-off', () => {
    expect(editDistance('لافروف', 'لاوروف', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('', 'abc', 5)).toBe(3);
  });
});

describe('buildSearchIndex', () => {
  it('deduplicates names that normalise the same', () => {
    const [e] = buildSearchIndex([
      actor('p:x', 'Lavrov', { aliases: ['LAVROV', 'lavrov', 'Lavrov '] }),
    ]) as [SearchEntry];
    expect(e.forms.map((f) => f.norm)).toEqual(['lavrov']);
  });
});
