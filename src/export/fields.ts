/**
 * export/fields — the typed columns every tabular sink (GEXF, GraphML, CSV) writes for entity
 * nodes and edges, in one fixed order, plus the deterministic iteration order of the graph.
 * Columns come from graph-schema, not from the values seen, so a column's type never depends on
 * the corpus (a betweenness that happens to be 0 everywhere is still a double).
 */
import type { EdgeAttributes, NodeAttributes } from '../../graph-schema/schema.ts';
import type { CorpusGraph } from './types.ts';

/** Column types; `date`/`listdate` are ISO days, written as strings where a format has no date type. */
export type FieldType =
  | 'string'
  | 'date'
  | 'integer'
  | 'double'
  | 'boolean'
  | 'liststring'
  | 'listdate';

/** One column: its name, type and how to read it from an element's attributes. */
export interface Field<A> {
  readonly name: string;
  readonly type: FieldType;
  readonly get: (attributes: A) => unknown;
}

type NodeField = Field<NodeAttributes>;
type EdgeField = Field<EdgeAttributes>;

/** `foreign_minister of country:RU (2004-03-09/.., lexicon)`: one office, readable in any tool. */
export function formatOffice(o: NodeAttributes['offices'][number]): string {
  const span = o.from || o.to ? `${o.from ?? '..'}/${o.to ?? '..'}, ` : '';
  return `${o.office} of ${o.of} (${span}${o.source})`;
}

/** Node columns shared by all tabular formats (label, viz and offices are added per format). */
export const NODE_FIELDS: readonly NodeField[] = [
  { name: 'kind', type: 'string', get: (a) => a.kind },
  { name: 'labels_ar', type: 'string', get: (a) => a.labels?.ar },
  { name: 'labels_fa', type: 'string', get: (a) => a.labels?.fa },
  { name: 'labels_en', type: 'string', get: (a) => a.labels?.en },
  { name: 'aliases', type: 'liststring', get: (a) => a.aliases },
  { name: 'articles', type: 'liststring', get: (a) => a.articles },
  { name: 'article_count', type: 'integer', get: (a) => a.article_count },
  { name: 'mentions', type: 'integer', get: (a) => a.mentions },
  { name: 'candidate', type: 'boolean', get: (a) => a.candidate },
  { name: 'pagerank', type: 'double', get: (a) => a.pagerank },
  { name: 'betweenness', type: 'double', get: (a) => a.betweenness },
  { name: 'degree', type: 'integer', get: (a) => a.degree },
  { name: 'weighted_degree', type: 'double', get: (a) => a.weighted_degree },
  { name: 'community', type: 'integer', get: (a) => a.community },
  { name: 'country', type: 'string', get: (a) => a.country },
  { name: 'wikidata', type: 'string', get: (a) => a.wikidata },
  { name: 'first_seen', type: 'date', get: (a) => a.first_seen },
  { name: 'last_seen', type: 'date', get: (a) => a.last_seen },
];

/** Offices as readable strings (GEXF, CSV). GraphML keeps the objects as JSON instead. */
export const NODE_OFFICES_FIELD: NodeField = {
  name: 'offices',
  type: 'liststring',
  get: (a) => a.offices?.map(formatOffice),
};

/** Edge columns shared by all tabular formats (weight, evidence and viz are added per format). */
export const EDGE_FIELDS: readonly EdgeField[] = [
  { name: 'kind', type: 'string', get: (a) => a.kind },
  { name: 'articles', type: 'liststring', get: (a) => a.articles },
  { name: 'article_count', type: 'integer', get: (a) => a.article_count },
  { name: 'first_seen', type: 'date', get: (a) => a.first_seen },
  { name: 'last_seen', type: 'date', get: (a) => a.last_seen },
  { name: 'evidence_total', type: 'integer', get: (a) => a.evidence_total },
  { name: 'office', type: 'string', get: (a) => a.office },
  { name: 'action', type: 'string', get: (a) => a.action },
  { name: 'cameo', type: 'string', get: (a) => a.cameo },
  { name: 'directed', type: 'boolean', get: (a) => a.directed },
  { name: 'dates', type: 'listdate', get: (a) => a.dates },
  { name: 'topics', type: 'liststring', get: (a) => a.topics },
  { name: 'sentence_count', type: 'integer', get: (a) => a.sentence_count },
  { name: 'paragraph_count', type: 'integer', get: (a) => a.paragraph_count },
  { name: 'npmi', type: 'double', get: (a) => a.npmi },
];

/** First evidence sentence of an edge: what fits in formats too small for all of it. */
export const EDGE_EVIDENCE_SAMPLE_FIELD: EdgeField = {
  name: 'evidence_sample',
  type: 'string',
  get: (a) => a.evidence?.[0]?.text,
};

/** True when a value should be written: not undefined/null/NaN. Empty strings and lists are written. */
export function isPresent(value: unknown): boolean {
  return (
    value !== undefined && value !== null && !(typeof value === 'number' && Number.isNaN(value))
  );
}

/** Formats a scalar for a text-based format (numbers in JavaScript's shortest round-trip form). */
export function formatScalar(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`export: cannot write non-finite number ${value}`);
    return String(value);
  }
  return String(value);
}

/** Code-unit order: the same on every machine and locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Node keys in sorted order, so output never depends on insertion order. */
export function sortedNodes(graph: CorpusGraph): string[] {
  return graph.nodes().sort(compareKeys);
}

/** Edge keys in sorted order, so output never depends on insertion order. */
export function sortedEdges(graph: CorpusGraph): string[] {
  return graph.edges().sort(compareKeys);
}

/** Nodes and edges in the order every sink writes them; computed once per export run. */
export interface ExportOrder {
  nodes: readonly string[];
  edges: readonly string[];
}

/** Sorted node and edge keys of a graph (see `sortedNodes`, `sortedEdges`). */
export function exportOrder(graph: CorpusGraph): ExportOrder {
  return { nodes: sortedNodes(graph), edges: sortedEdges(graph) };
}

/**
 * Characters a streaming sink gathers before handing a piece over: big enough that writes are
 * few, small enough that no export ever needs one huge string.
 */
export const CHUNK_CHARS = 1 << 20;

/** Joins the pieces of a streaming sink into one string (for small graphs and tests). */
export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}

/**
 * The one edge direction GEXF and GraphML files declare: directed as soon as any edge is.
 * networkx (3.x) cannot read mixed graphs (it raises on the first edge whose direction differs
 * from the default), so no edge carries its own direction; undirected edges (co-mentions, and
 * interactions reported both ways) keep their canonical source → target and say so in the
 * `directed` column (see `edgeFieldValue`).
 */
export function fileEdgeDirection(graph: CorpusGraph): 'directed' | 'undirected' {
  return graph.directedSize > 0 ? 'directed' : 'undirected';
}

/**
 * An edge field's value: `directed` comes from the graph for every edge (graph.json has the
 * attribute on interactions only); everything else from the attributes.
 */
export function edgeFieldValue(
  graph: CorpusGraph,
  key: string,
  field: { name: string; get: (a: EdgeAttributes) => unknown },
  attributes: EdgeAttributes,
): unknown {
  return field.name === 'directed' ? graph.isDirected(key) : field.get(attributes);
}

/** Node label for formats that carry one: the display label, else the key. */
export function nodeLabel(key: string, a: NodeAttributes): string {
  return a.label || key;
}

/** Edge label for formats that carry one: the office of a role, the action of an interaction. */
export function edgeLabel(a: EdgeAttributes): string | undefined {
  return a.office ?? a.action;
}
