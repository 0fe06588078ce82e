/**
 * graph/finalize — turns the accumulated corpus data into the graphology graph that every sink
 * reads: candidate merges, sorted insertion (deterministic keys and order), co-mention NPMI,
 * metrics (degree, weighted degree, PageRank, betweenness), Louvain communities with a seeded
 * RNG, ForceAtlas2 positions from seeded starts, colours and sizes.
 */
import { MultiGraph, UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import fa2Module from 'graphology-layout-forceatlas2';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { AbstractGraph } from 'graphology-types';
import type { z } from 'zod';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../graph-schema/schema.ts';
import { GENERATOR } from '../config/version.ts';
import type { Lexicon } from '../lexicon/types.ts';
import type { CorpusAccumulator, EdgeData, NodeData } from './accumulate.ts';
import { seededRandom } from './rng.ts';

// These packages are CommonJS: under NodeNext their default import is `module.exports`.
const louvain = cjs(louvainModule);
const forceAtlas2 = cjs(fa2Module);
const betweennessCentrality = cjs(betweennessModule);
const pagerank = cjs(pagerankModule);

function cjs<T>(mod: T): T extends { default: infer D } ? D : T {
  const m = mod as { default?: unknown };
  return (typeof m === 'function' || !m.default ? m : m.default) as never;
}

export type CorpusGraph = AbstractGraph<
  NodeAttributes,
  EdgeAttributes,
  z.infer<typeof GraphAttributes>
>;

export const KIND_COLORS: Record<string, string> = {
  person: '#e4572e',
  country: '#29335c',
  organization: '#17bebb',
  conflict: '#c1121f',
  place: '#76b041',
};

export interface FinalizeOptions {
  seed: number;
  name: string;
  layoutIterations?: number;
  /** Above this many nodes, betweenness is not computed (reported as 0). */
  betweennessMaxNodes: number;
}

export interface MergeRecord {
  into: string;
  from: string[];
  reason: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merge candidates that are the same actor: same office and body, and the same consonant
 * skeleton (which is script-independent). (A candidate spelled like the lexicon's holder of
 * that office never reaches here: extraction gives the mention to the holder.)
 */
export function mergeCandidates(acc: CorpusAccumulator): MergeRecord[] {
  const groups = new Map<string, string[]>();
  for (const n of acc.nodes.values()) {
    const c = n.candidateInfo;
    if (!n.candidate || !c) continue;
    const k = `${c.skeleton}|${c.office}|${c.of ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), n.id]);
  }
  const remap = new Map<string, string>();
  const merges: MergeRecord[] = [];
  for (const [k, ids] of [...groups.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    if (ids.length < 2) continue;
    ids.sort((a, b) => {
      // Prefer an id written in Latin (readable) then the shortest, then alphabetical.
      return a.length - b.length || cmp(a, b);
    });
    const [into, ...from] = ids;
    for (const f of from) remap.set(f, into!);
    merges.push({ into: into!, from, reason: `same name skeleton and office (${k})` });
  }
  if (remap.size === 0) return merges;
  for (const [from, into] of remap) {
    const a = acc.nodes.get(from)!;
    const b = acc.nodes.get(into)!;
    for (const x of a.aliases) b.aliases.add(x);
    for (const x of a.articles) b.articles.add(x);
    b.mentions += a.mentions;
    for (const [k, v] of a.textOffices) b.textOffices.set(k, v);
    for (const l of ['en', 'ar', 'fa'] as const)
      if (!b.labels[l] && a.labels[l]) b.labels[l] = a.labels[l];
    if (a.dates.first && (!b.dates.first || a.dates.first < b.dates.first))
      b.dates.first = a.dates.first;
    if (a.dates.last && (!b.dates.last || a.dates.last > b.dates.last)) b.dates.last = a.dates.last;
    acc.nodes.delete(from);
  }
  // Re-key edges that touched merged candidates.
  for (const e of [...acc.edges.values()]) {
    const s = remap.get(e.source) ?? e.source;
    const t = remap.get(e.target) ?? e.target;
    if (s === e.source && t === e.target) continue;
    acc.edges.delete(e.key);
    if (s === t) continue;
    const [a, b] = e.kind === 'role' ? [s, t] : s < t ? [s, t] : [t, s];
    const key =
      e.kind === 'role'
        ? `role:${e.office}:${a}->${b}`
        : e.kind === 'interaction'
          ? `interaction:${e.action}:${a}|${b}`
          : `co_mention:${a}|${b}`;
    const prev = acc.edges.get(key);
    if (prev) {
      for (const x of e.articles) prev.articles.add(x);
      for (const x of e.dates) prev.dates.add(x);
      for (const x of e.topics) prev.topics.add(x);
      prev.evidence = [...prev.evidence, ...e.evidence].sort(
        (p, q) => cmp(p.article, q.article) || p.start - q.start,
      );
      prev.evidenceTotal += e.evidenceTotal;
      prev.sentenceCount += e.sentenceCount;
      prev.paragraphCount += e.paragraphCount;
    } else acc.edges.set(key, { ...e, key, source: a, target: b });
  }
  return merges;
}

function nodeOffices(n: NodeData, lexicon: Lexicon): NodeAttributes['offices'] {
  const out: NodeAttributes['offices'] = [];
  const e = lexicon.entities.get(n.id);
  for (const t of e?.offices ?? []) {
    out.push({
      office: t.office,
      of: t.of,
      from: t.from,
      ...(t.to ? { to: t.to } : {}),
      source: 'lexicon',
    });
  }
  for (const [k, t] of [...n.textOffices.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    if (!out.some((o) => o.office === t.office && o.of === t.of))
      out.push({ office: t.office, of: t.of, source: 'text' });
    void k;
  }
  return out;
}

function edgeAttributes(
  e: EdgeData,
  npmi: number | undefined,
): { attrs: EdgeAttributes; undirected: boolean; source: string; target: string } {
  const articles = [...e.articles].sort();
  let undirected = e.kind === 'co_mention';
  let [source, target] = [e.source, e.target];
  let directed: boolean | undefined;
  if (e.kind === 'interaction') {
    directed = e.forward + e.backward > 0 && (e.forward === 0 || e.backward === 0);
    undirected = !directed;
    if (directed && e.backward > 0) [source, target] = [e.target, e.source];
  }
  const attrs: EdgeAttributes = {
    kind: e.kind,
    weight: articles.length,
    articles,
    article_count: articles.length,
    ...(e.seen.first ? { first_seen: e.seen.first } : {}),
    ...(e.seen.last ? { last_seen: e.seen.last } : {}),
    evidence: e.evidence,
    evidence_total: e.evidenceTotal,
    ...(e.office ? { office: e.office } : {}),
    ...(e.kind === 'interaction'
      ? {
          action: e.action!,
          cameo: e.cameo!,
          directed: !!directed,
          dates: [...e.dates].sort(),
          topics: [...e.topics].sort(),
        }
      : {}),
    ...(e.kind === 'co_mention'
      ? {
          sentence_count: e.sentenceCount,
          paragraph_count: e.paragraphCount,
          ...(npmi !== undefined ? { npmi } : {}),
        }
      : {}),
  };
  return { attrs, undirected, source, target };
}

/** Round to 6 significant decimals so metrics print the same everywhere. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Build the final graph from accumulated data. Pure apart from CPU: same data → same graph.
 */
export function toGraph(
  acc: CorpusAccumulator,
  lexicon: Lexicon,
  opts: FinalizeOptions,
): CorpusGraph {
  const g: CorpusGraph = new MultiGraph<
    NodeAttributes,
    EdgeAttributes,
    z.infer<typeof GraphAttributes>
  >({ type: 'mixed', allowSelfLoops: false });
  g.replaceAttributes({
    name: opts.name,
    generator: GENERATOR,
    ...(acc.range.first ? { first_seen: acc.range.first } : {}),
    ...(acc.range.last ? { last_seen: acc.range.last } : {}),
    article_count: acc.articleCount,
  } as never);
  const ids = [...acc.nodes.keys()].sort(cmp);
  for (const id of ids) {
    const n = acc.nodes.get(id)!;
    const e = lexicon.entities.get(id);
    const articles = [...n.articles].sort();
    g.addNode(id, {
      kind: n.kind as NodeAttributes['kind'],
      label: n.label,
      labels: Object.fromEntries(
        Object.entries(n.labels).filter(([, v]) => !!v),
      ) as NodeAttributes['labels'],
      aliases: [...n.aliases].sort(),
      articles,
      mentions: n.mentions,
      article_count: articles.length,
      candidate: n.candidate,
      offices: nodeOffices(n, lexicon),
      ...(e?.country ? { country: e.country } : {}),
      ...(e?.wikidata ? { wikidata: e.wikidata } : {}),
      ...(n.dates.first ? { first_seen: n.dates.first } : {}),
      ...(n.dates.last ? { last_seen: n.dates.last } : {}),
      degree: 0,
      weighted_degree: 0,
      pagerank: 0,
      betweenness: 0,
      community: 0,
      x: 0,
      y: 0,
      size: 1,
      color: KIND_COLORS[n.kind] ?? '#888888',
    });
  }
  const N = Math.max(1, acc.articleCount);
  for (const key of [...acc.edges.keys()].sort(cmp)) {
    const e = acc.edges.get(key)!;
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target) continue;
    let npmi: number | undefined;
    if (e.kind === 'co_mention') {
      const pa = acc.nodes.get(e.source)!.articles.size / N;
      const pb = acc.nodes.get(e.target)!.articles.size / N;
      const pab = e.articles.size / N;
      npmi =
        pab >= 1 ? 1 : r6(Math.max(-1, Math.min(1, Math.log(pab / (pa * pb)) / -Math.log(pab))));
    }
    const { attrs, undirected, source, target } = edgeAttributes(e, npmi);
    if (undirected) g.addUndirectedEdgeWithKey(key, source, target, attrs);
    else g.addDirectedEdgeWithKey(key, source, target, attrs);
  }
  computeMetrics(g, opts);
  return g;
}

/** Metrics, communities, layout, sizes — on an undirected weighted projection. */
export function computeMetrics(g: CorpusGraph, opts: FinalizeOptions): void {
  const simple = new UndirectedGraph<Record<string, unknown>, { weight: number }>();
  g.forEachNode((n) => simple.addNode(n));
  g.forEachEdge((_e, a, s, t) => {
    const w = a.weight;
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, 'weight', (x) => (x ?? 0) + w);
    else simple.addEdge(s, t, { weight: w });
  });
  const pr = simple.size > 0 ? pagerank(simple, { getEdgeWeight: 'weight' }) : {};
  const bc =
    simple.order <= opts.betweennessMaxNodes && simple.size > 0
      ? betweennessCentrality(simple, { normalized: true })
      : {};
  const communities =
    simple.size > 0
      ? louvain(simple, { rng: seededRandom(opts.seed), getEdgeWeight: 'weight' })
      : {};
  // Renumber communities by their smallest member so numbering does not depend on internals.
  const firstMember = new Map<number, string>();
  for (const n of [...simple.nodes()].sort(cmp)) {
    const c = communities[n];
    if (c !== undefined && !firstMember.has(c)) firstMember.set(c, n);
  }
  const order = [...firstMember.entries()].sort((a, b) => cmp(a[1], b[1])).map(([c]) => c);
  const renum = new Map(order.map((c, i) => [c, i]));
  let isolated = order.length;
  const rng = seededRandom(opts.seed);
  g.forEachNode((n) => {
    const wd =
      simple.getNodeAttribute !== undefined
        ? simple.edges(n).reduce((s, e) => s + (simple.getEdgeAttribute(e, 'weight') as number), 0)
        : 0;
    const angle = rng() * 2 * Math.PI;
    const radius = 10 + rng() * 90;
    g.mergeNodeAttributes(n, {
      degree: simple.degree(n),
      weighted_degree: wd,
      pagerank: r6(pr[n] ?? (simple.order ? 1 / simple.order : 0)),
      betweenness: r6(bc[n] ?? 0),
      community: communities[n] !== undefined ? renum.get(communities[n]!)! : isolated++,
      x: r6(Math.cos(angle) * radius),
      y: r6(Math.sin(angle) * radius),
      size: r6(4 + 3 * Math.sqrt(wd)),
    });
  });
  if (simple.size > 0) {
    const positions = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
    g.forEachNode((n, a) => positions.addNode(n, { x: a.x, y: a.y }));
    simple.forEachEdge((_e, a, s, t) => positions.addEdge(s, t, { weight: a.weight }));
    const settings = forceAtlas2.inferSettings(positions);
    const iterations = opts.layoutIterations ?? (positions.order > 5000 ? 100 : 500);
    forceAtlas2.assign(positions, {
      iterations,
      settings: { ...settings, barnesHutOptimize: positions.order > 2000 },
      getEdgeWeight: 'weight',
    });
    positions.forEachNode((n, a) => {
      const x = Number.isFinite(a.x) ? r6(a.x as number) : 0;
      const y = Number.isFinite(a.y) ? r6(a.y as number) : 0;
      g.mergeNodeAttributes(n, { x, y });
    });
  }
}
