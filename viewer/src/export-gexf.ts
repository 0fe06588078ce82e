/**
 * viewer/export-gexf — the current view as GEXF 1.3 (graphology-gexf's writer): only the visible
 * actors and links, with their current positions and colours and flat attributes Gephi can read.
 */
import { MultiGraph } from 'graphology';
import writerModule from 'graphology-gexf/browser/writer.js';
import { cjs } from './cjs.ts';
import { labelIn, nodeColor } from './reducers.ts';
import type { ColorMode, DiploGraph, LabelLang, Visibility } from './types.ts';

const write = cjs(writerModule);

type Flat = Record<string, string | number | boolean | string[]>;

function compact(o: Record<string, unknown>): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v as Flat[string];
  }
  return out;
}

/** A new graph holding only the visible part of `graph`, with flat GEXF-ready attributes. */
export function visibleSubgraph(
  graph: DiploGraph,
  visibility: Visibility,
  view: { color: ColorMode; lang: LabelLang },
): MultiGraph {
  const sub = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  sub.replaceAttributes({
    creator: 'diplograph viewer',
    description: `${graph.getAttribute('name') ?? 'diplograph'} (filtered view)`,
  });
  graph.forEachNode((node, a) => {
    if (!visibility.nodes.has(node)) return;
    sub.addNode(node, {
      label: labelIn(a, view.lang),
      x: a.x,
      y: a.y,
      size: a.size,
      color: nodeColor(a, view.color),
      attrs: compact({
        kind: a.kind,
        label_en: a.labels.en,
        label_ar: a.labels.ar,
        label_fa: a.labels.fa,
        aliases: a.aliases,
        article_count: a.article_count,
        mentions: a.mentions,
        candidate: a.candidate,
        offices: a.offices.length ? JSON.stringify(a.offices) : undefined,
        country: a.country,
        wikidata: a.wikidata,
        first_seen: a.first_seen,
        last_seen: a.last_seen,
        degree: a.degree,
        weighted_degree: a.weighted_degree,
        pagerank: a.pagerank,
        betweenness: a.betweenness,
        community: a.community,
      }),
    });
  });
  graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    if (!visibility.edges.has(edge)) return;
    if (!sub.hasNode(source) || !sub.hasNode(target)) return;
    const attrs = {
      weight: a.weight,
      attrs: compact({
        kind: a.kind,
        action: a.action,
        office: a.office,
        cameo: a.cameo,
        article_count: a.article_count,
        evidence_total: a.evidence_total,
        first_seen: a.first_seen,
        last_seen: a.last_seen,
        dates: a.dates,
        topics: a.topics,
      }),
    };
    if (undirected) sub.addUndirectedEdgeWithKey(edge, source, target, attrs);
    else sub.addDirectedEdgeWithKey(edge, source, target, attrs);
  });
  return sub;
}

/** GEXF 1.3 text of the visible part of the graph. */
export function viewToGexf(
  graph: DiploGraph,
  visibility: Visibility,
  view: { color: ColorMode; lang: LabelLang },
): string {
  const sub = visibleSubgraph(graph, visibility, view);
  return write(sub, {
    version: '1.3',
    pedantic: true,
    formatNode: (_key, a) => ({
      label: a.label,
      viz: { x: a.x, y: a.y, size: a.size, color: a.color },
      attributes: a.attrs,
    }),
    formatEdge: (_key, a) => ({ weight: a.weight, attributes: a.attrs }),
  });
}
