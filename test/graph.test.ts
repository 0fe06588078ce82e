import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SerializedGraph } from '../graph-schema/schema.ts';
import type { ArticleExtraction, Candidate, Mention } from '../src/extract/types.ts';
import { CorpusAccumulator } from '../src/graph/accumulate.ts';
import { mergeCandidates, toGraph } from '../src/graph/finalize.ts';
import { searchActors } from '../src/graph/search.ts';
import { loadLexicon } from '../src/lexicon/index.ts';
import type { EdgeContribution } from '../src/relate/types.ts';

const lexicon = loadLexicon({
  dirs: [fileURLToPath(new URL('./fixtures/lexicon/', import.meta.url))],
});

function mention(entity: string, sentence: number, surface: string, main = true): Mention {
  const kind = entity.startsWith('person:')
    ? 'person'
    : entity.startsWith('country:')
      ? 'country'
      : 'organization';
  return {
    entity,
    kind,
    start: sentence * 100,
    end: sentence * 100 + surface.length,
    surface,
    sentence,
    segment: 0,
    paragraph: sentence,
    main,
    via: 'name',
    tFirst: sentence,
    tLast: sentence,
  };
}

function edge(
  kind: EdgeContribution['kind'],
  a: string,
  b: string,
  article: string,
  extra: Partial<EdgeContribution> = {},
): EdgeContribution {
  const [s, t] = a < b ? [a, b] : [b, a];
  const key =
    kind === 'interaction'
      ? `interaction:${extra.action}:${s}|${t}`
      : kind === 'role'
        ? `role:${extra.office}:${a}->${b}`
        : `co_mention:${s}|${t}`;
  return {
    key,
    kind,
    source: kind === 'role' ? a : s,
    target: kind === 'role' ? b : t,
    directed: kind === 'role',
    dates: [],
    topics: [],
    sentenceCount: 1,
    paragraphCount: 1,
    evidence: [{ article, text: `«${a}» و «${b}» — ${article}`, start: 0, end: 10 }],
    ...extra,
  };
}

const cand = (id: string, name: string, skeleton: string): Candidate => ({
  id,
  name,
  key: name,
  skeleton,
  office: 'foreign_minister',
  of: 'country:DJ',
  lang: 'ar',
});

const ARTICLES: [string, string | undefined, ArticleExtraction, EdgeContribution[]][] = [
  [
    'a1',
    '2024-01-02',
    {
      mentions: [
        mention('person:ayman-safadi', 0, 'أيمن الصفدي'),
        mention('person:wang-yi', 0, 'وانغ يي'),
        mention('country:JO', 1, 'الأردن'),
        mention('person:hakan-fidan', 5, 'فيدان', false),
      ],
      offices: [],
      candidates: [],
      terms: [],
    },
    [
      edge('interaction', 'person:ayman-safadi', 'person:wang-yi', 'a1', {
        action: 'phone_call',
        cameo: '041',
        dates: ['2024-01-01'],
      }),
      edge('co_mention', 'person:ayman-safadi', 'person:wang-yi', 'a1'),
      edge('role', 'person:ayman-safadi', 'country:JO', 'a1', { office: 'foreign_minister' }),
    ],
  ],
  [
    'a2',
    '2024-02-10',
    {
      mentions: [
        mention('person:wang-yi', 0, 'Wang Yi'),
        mention('country:CN', 0, 'China'),
        mention('person:mahmoud', 1, 'محمود علي يوسف'),
      ],
      offices: [],
      candidates: [cand('person:mahmoud', 'محمود علي يوسف', 'mhmd l sf')],
      terms: [],
    },
    [
      edge('co_mention', 'person:wang-yi', 'country:CN', 'a2'),
      edge('co_mention', 'person:wang-yi', 'person:mahmoud', 'a2'),
    ],
  ],
  [
    'a3',
    undefined,
    {
      mentions: [
        mention('person:mahmoud-ali-youssouf', 0, 'Mahmoud Ali Youssouf'),
        mention('person:wang-yi', 0, 'Wang Yi'),
      ],
      offices: [],
      candidates: [cand('person:mahmoud-ali-youssouf', 'Mahmoud Ali Youssouf', 'mhmd l sf')],
      terms: [],
    },
    [
      edge('interaction', 'person:mahmoud-ali-youssouf', 'person:wang-yi', 'a3', {
        action: 'meeting',
        cameo: '043',
      }),
    ],
  ],
];

function build(order: number[]) {
  const acc = new CorpusAccumulator(lexicon, 5);
  for (const i of order) {
    const [id, date, x, edges] = ARTICLES[i]!;
    acc.addArticle(id, date, x, edges);
  }
  const merges = mergeCandidates(acc);
  return {
    graph: toGraph(acc, lexicon, { seed: 42, name: 'test', betweennessMaxNodes: 1000 }),
    merges,
    acc,
  };
}

describe('corpus graph', () => {
  it('validates against the graph schema', () => {
    const { graph } = build([0, 1, 2]);
    const r = SerializedGraph.safeParse(graph.export());
    expect(r.success ? 'ok' : r.error.issues.slice(0, 3)).toBe('ok');
  });

  it('is the same whatever order articles arrive in', () => {
    const a = JSON.stringify(build([0, 1, 2]).graph.export());
    const b = JSON.stringify(build([2, 0, 1]).graph.export());
    const c = JSON.stringify(build([1, 2, 0]).graph.export());
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('merges candidates across scripts and re-keys their edges', () => {
    const { graph, merges } = build([0, 1, 2]);
    expect(merges).toEqual([
      {
        into: 'person:mahmoud',
        from: ['person:mahmoud-ali-youssouf'],
        reason: expect.stringContaining('mhmd l sf'),
      },
    ]);
    expect(graph.hasNode('person:mahmoud-ali-youssouf')).toBe(false);
    const n = graph.getNodeAttributes('person:mahmoud');
    expect(n.candidate).toBe(true);
    expect(n.aliases).toEqual(['Mahmoud Ali Youssouf', 'محمود علي يوسف']);
    expect(graph.hasEdge('interaction:meeting:person:mahmoud|person:wang-yi')).toBe(true);
  });

  it('attributes articles from the main text only and keeps deterministic keys', () => {
    const { graph, acc } = build([0, 1, 2]);
    expect(graph.hasNode('person:hakan-fidan')).toBe(false);
    expect(acc.teaserOnly).toBe(1);
    const call = graph.getEdgeAttributes(
      'interaction:phone_call:person:ayman-safadi|person:wang-yi',
    );
    expect(call).toMatchObject({
      kind: 'interaction',
      action: 'phone_call',
      weight: 1,
      articles: ['a1'],
      dates: ['2024-01-01'],
      first_seen: '2024-01-01',
      last_seen: '2024-01-02',
    });
    expect(graph.getNodeAttributes('person:wang-yi')).toMatchObject({
      articles: ['a1', 'a2', 'a3'],
      first_seen: '2024-01-02',
      last_seen: '2024-02-10',
      label: 'Wang Yi',
    });
    expect(graph.isDirected('role:foreign_minister:person:ayman-safadi->country:JO')).toBe(true);
    expect(graph.isUndirected('co_mention:person:ayman-safadi|person:wang-yi')).toBe(true);
  });

  it('gives every node finite positions, a community and metrics; NPMI stays in [-1, 1]', () => {
    const { graph } = build([0, 1, 2]);
    graph.forEachNode((_n, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBeGreaterThan(0);
      expect(a.pagerank).toBeGreaterThan(0);
      expect(a.community).toBeGreaterThanOrEqual(0);
    });
    graph.forEachEdge((_e, a) => {
      if (a.kind === 'co_mention') expect(Math.abs(a.npmi!)).toBeLessThanOrEqual(1);
    });
    // Wang Yi: Safadi, China and the merged candidate.
    expect(graph.getNodeAttribute('person:wang-yi', 'degree')).toBe(3);
  });

  it('takes aliases from names only, never from titles and descriptions that point at an actor', () => {
    const acc = new CorpusAccumulator(lexicon, 5);
    const wang = 'person:wang-yi';
    const via = (m: Mention, v: Mention['via']): Mention => ({ ...m, via: v });
    acc.addArticle(
      'al',
      '2023-11-02',
      {
        mentions: [
          mention(wang, 0, 'وانغ يي'),
          via(mention(wang, 1, 'نظيره الصيني'), 'counterpart'),
          via(mention(wang, 2, 'الوزير الصيني'), 'coref'),
          via(mention(wang, 3, 'وزير الخارجية الصيني'), 'office'),
        ],
        offices: [],
        candidates: [],
      },
      [],
    );
    expect([...acc.nodes.get(wang)!.aliases]).toEqual(['وانغ يي']);
  });

  it('finds actors in any script', () => {
    const { graph } = build([0, 1, 2]);
    const items = graph.mapNodes((key, a) => ({ key, ...a }));
    expect(searchActors(items, 'وانج يي')[0]?.key).toBe('person:wang-yi');
    expect(searchActors(items, 'wang')[0]?.key).toBe('person:wang-yi');
    expect(searchActors(items, 'الصفدی')[0]?.key).toBe('person:ayman-safadi');
  });
});
