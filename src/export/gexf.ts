/**
 * export/gexf — the corpus graph as GEXF 1.3 for Gephi, networkx and graphology-gexf.
 *
 * Why not graphology-gexf's writer (0.13): it writes list strings unquoted (`["a, b"]` comes
 * back as two items), infers column types from the values (a pagerank that happens to be
 * integral becomes an `integer` column), writes every graph attribute as a `<meta>` child the
 * 1.3 grammar rejects, passes control characters through (not well-formed XML) and writes
 * colours as `hex`, which networkx cannot read. This writer is schema-driven instead, and the
 * tests read its output back with graphology-gexf's parser, networkx and the 1.3 RELAX NG grammar.
 *
 * What goes where:
 * - node `label` = display label; `viz:color` (r, g, b), `viz:size`, `viz:position` (x, y).
 * - `labels` become `labels_ar`, `labels_fa`, `labels_en`; lists (`aliases`, `articles`,
 *   `offices`, `dates`, `topics`) are `liststring` in the 1.3 JSON-like form `["a", "b"]`;
 *   `offices` entries read `foreign_minister of country:RU (2004-03-09/.., lexicon)`.
 * - edges: `weight`; one direction for the whole file (`defaultedgetype` directed as soon as
 *   any edge is, no per-edge `type`) and the edge's own direction in the `directed` column;
 *   `kind` = the parallel-edge type Gephi keeps apart (`co_mention`,
 *   `role:<office>`, `interaction:<action>`) while the `kind` column holds the schema's kind;
 *   `label` = office or action; `viz:color` / `viz:thickness` from `color` / `size`.
 * - evidence is too big for GEXF: only `evidence_sample` (the first sentence) and
 *   `evidence_total`; all of it is in graph.json and evidence.jsonl.
 * - no `xsi:schemaLocation` (the 1.3 grammar does not declare it), so the file validates as is.
 *
 * Why one direction: networkx (3.x) does not read mixed graphs — it raises on the first edge
 * whose `type` differs from the default — and `nx.read_gexf` is how many users will open it.
 */
import type { EdgeAttributes, NodeAttributes } from '../../graph-schema/schema.ts';
import {
  CHUNK_CHARS,
  compareKeys,
  EDGE_EVIDENCE_SAMPLE_FIELD,
  EDGE_FIELDS,
  type ExportOrder,
  edgeFieldValue,
  edgeLabel,
  exportOrder,
  type Field,
  type FieldType,
  fileEdgeDirection,
  formatScalar,
  isPresent,
  joinChunks,
  NODE_FIELDS,
  NODE_OFFICES_FIELD,
  nodeLabel,
} from './fields.ts';
import type { CorpusGraph, GraphAttributes } from './types.ts';
import { stripInvalidXmlChars, type XmlAttributes, XmlWriter } from './xml.ts';

/** A closed interval of ISO days, both ends included. */
export type Spell = readonly [start: string, end: string];

/** Time information for the dynamic variant (see dynamic-gexf.ts). */
export interface GexfDynamics {
  /** Spells of a node or edge; an empty list writes no `<spells>` (present at all times). */
  nodeSpells(key: string): readonly Spell[];
  edgeSpells(key: string): readonly Spell[];
}

const GEXF_TYPES: Record<FieldType, string> = {
  string: 'string',
  date: 'string',
  integer: 'integer',
  double: 'double',
  boolean: 'boolean',
  liststring: 'liststring',
  listdate: 'liststring',
};

const GEXF_NODE_FIELDS: readonly Field<NodeAttributes>[] = [...NODE_FIELDS, NODE_OFFICES_FIELD];
const GEXF_EDGE_FIELDS: readonly Field<EdgeAttributes>[] = [
  ...EDGE_FIELDS,
  EDGE_EVIDENCE_SAMPLE_FIELD,
];

/** A list in GEXF 1.3's JSON-like syntax, every item double-quoted (read by Gephi and graphology). */
export function formatGexfList(items: readonly unknown[]): string {
  return `[${items.map((v) => JSON.stringify(stripInvalidXmlChars(String(v)))).join(', ')}]`;
}

function attvalue(field: Field<never>, value: unknown): string {
  if (field.type === 'liststring' || field.type === 'listdate') {
    if (!Array.isArray(value)) {
      throw new Error(`export: gexf column ${field.name} expects a list, got ${typeof value}`);
    }
    return formatGexfList(value);
  }
  return formatScalar(value);
}

function writeAttvalues<A>(
  w: XmlWriter,
  fields: readonly Field<A>[],
  attributes: A,
  fieldValue: (field: Field<A>) => unknown = (field) => field.get(attributes),
): void {
  const values: [string, string][] = [];
  for (const field of fields) {
    const value = fieldValue(field);
    if (isPresent(value)) values.push([field.name, attvalue(field as Field<never>, value)]);
  }
  if (values.length === 0) return;
  w.open('attvalues');
  for (const [name, value] of values) {
    w.empty('attvalue', [
      ['for', name],
      ['value', value],
    ]);
  }
  w.close();
}

function writeModel<A>(w: XmlWriter, cls: 'node' | 'edge', fields: readonly Field<A>[]): void {
  w.open('attributes', [['class', cls]]);
  for (const field of fields) {
    w.empty('attribute', [
      ['id', field.name],
      ['title', field.name],
      ['type', GEXF_TYPES[field.type]],
    ]);
  }
  w.close();
}

function writeSpells(w: XmlWriter, spells: readonly Spell[]): void {
  if (spells.length === 0) return;
  w.open('spells');
  for (const [start, end] of spells) {
    w.empty('spell', [
      ['start', start],
      ['end', end],
    ]);
  }
  w.close();
}

/** `#rrggbb` / `#rgb` / `rgb(a)(…)` → GEXF viz colour attributes (r, g, b[, a]); undefined if unreadable. */
export function vizColor(color: unknown): XmlAttributes | undefined {
  if (typeof color !== 'string') return undefined;
  let m = /^#([0-9a-f]{6})$/i.exec(color);
  if (m) {
    const n = Number.parseInt(m[1]!, 16);
    return [
      ['r', (n >> 16) & 255],
      ['g', (n >> 8) & 255],
      ['b', n & 255],
    ];
  }
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (m) {
    return [
      ['r', Number.parseInt(m[1]! + m[1]!, 16)],
      ['g', Number.parseInt(m[2]! + m[2]!, 16)],
      ['b', Number.parseInt(m[3]! + m[3]!, 16)],
    ];
  }
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([0-9.]+)\s*)?\)$/i.exec(
    color,
  );
  if (m) {
    const channels = [m[1], m[2], m[3]].map((c) => Math.min(255, Number(c)));
    const alpha = m[4] === undefined ? undefined : Math.min(1, Math.max(0, Number(m[4])));
    return [
      ['r', channels[0]],
      ['g', channels[1]],
      ['b', channels[2]],
      ['a', alpha],
    ];
  }
  return undefined;
}

/** Gephi's parallel-edge type: edges of the same kind between the same pair are merged by Gephi. */
function gexfEdgeKind(a: EdgeAttributes): string {
  if (a.kind === 'role' && a.office) return `role:${a.office}`;
  if (a.kind === 'interaction' && a.action) return `interaction:${a.action}`;
  return a.kind;
}

function finiteOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Writes GEXF 1.3; with `dynamics`, a `mode="dynamic"` file with `<spells>`. Shared by
 * `toGEXF` and `toDynamicGEXF`.
 */
export function writeGexf(graph: CorpusGraph, dynamics?: GexfDynamics): string {
  return joinChunks(gexfChunks(graph, dynamics));
}

/**
 * GEXF 1.3 in pieces of about `CHUNK_CHARS` characters (their concatenation is `writeGexf`'s
 * string), so that a graph of any size can be written to disk.
 */
export function* gexfChunks(
  graph: CorpusGraph,
  dynamics?: GexfDynamics,
  order: ExportOrder = exportOrder(graph),
): Generator<string> {
  const w = new XmlWriter();
  w.open('gexf', [
    ['xmlns', 'http://gexf.net/1.3'],
    ['xmlns:viz', 'http://gexf.net/1.3/viz'],
    ['version', '1.3'],
  ]);

  const g = graph.getAttributes() as Partial<GraphAttributes>;
  w.open('meta');
  if (g.generator) w.text('creator', g.generator);
  const span =
    g.first_seen || g.last_seen ? `, ${g.first_seen ?? '?'} to ${g.last_seen ?? '?'}` : '';
  const count = typeof g.article_count === 'number' ? ` (${g.article_count} articles${span})` : '';
  w.text('description', `${g.name ?? 'diplograph'}${count}`);
  w.close();

  const defaultType = fileEdgeDirection(graph);
  const { nodes, edges } = order;

  let timeBounds: Spell | undefined;
  if (dynamics) {
    let min: string | undefined;
    let max: string | undefined;
    const widen = (spells: readonly Spell[]) => {
      for (const [s, e] of spells) {
        if (min === undefined || compareKeys(s, min) < 0) min = s;
        if (max === undefined || compareKeys(e, max) > 0) max = e;
      }
    };
    for (const key of nodes) widen(dynamics.nodeSpells(key));
    for (const key of edges) widen(dynamics.edgeSpells(key));
    if (min !== undefined && max !== undefined) timeBounds = [min, max];
  }

  w.open('graph', [
    ['defaultedgetype', defaultType],
    ['mode', dynamics ? 'dynamic' : undefined],
    ['timeformat', dynamics ? 'date' : undefined],
    ['start', timeBounds?.[0]],
    ['end', timeBounds?.[1]],
  ]);
  writeModel(w, 'node', GEXF_NODE_FIELDS);
  writeModel(w, 'edge', GEXF_EDGE_FIELDS);

  w.open('nodes', [['count', nodes.length]]);
  for (const key of nodes) {
    const a = graph.getNodeAttributes(key);
    w.open('node', [
      ['id', key],
      ['label', nodeLabel(key, a)],
    ]);
    writeAttvalues(w, GEXF_NODE_FIELDS, a);
    if (dynamics) writeSpells(w, dynamics.nodeSpells(key));
    const color = vizColor(a.color);
    if (color) w.empty('viz:color', color);
    const size = finiteOrUndefined(a.size);
    if (size !== undefined && size >= 0) w.empty('viz:size', [['value', size]]);
    const x = finiteOrUndefined(a.x);
    const y = finiteOrUndefined(a.y);
    if (x !== undefined && y !== undefined) {
      w.empty('viz:position', [
        ['x', x],
        ['y', y],
      ]);
    }
    w.close();
    if (w.length >= CHUNK_CHARS) yield w.take();
  }
  w.close();

  w.open('edges', [['count', edges.length]]);
  for (const key of edges) {
    const a = graph.getEdgeAttributes(key);
    w.open('edge', [
      ['id', key],
      ['source', graph.source(key)],
      ['target', graph.target(key)],
      ['weight', finiteOrUndefined(a.weight)],
      ['kind', gexfEdgeKind(a)],
      ['label', edgeLabel(a)],
    ]);
    writeAttvalues(w, GEXF_EDGE_FIELDS, a, (field) => edgeFieldValue(graph, key, field, a));
    if (dynamics) writeSpells(w, dynamics.edgeSpells(key));
    const color = vizColor(a.color);
    if (color) w.empty('viz:color', color);
    const thickness = finiteOrUndefined(a.size);
    if (thickness !== undefined && thickness >= 0) w.empty('viz:thickness', [['value', thickness]]);
    w.close();
    if (w.length >= CHUNK_CHARS) yield w.take();
  }
  w.close();

  w.close(); // graph
  w.close(); // gexf
  yield w.finish();
}

/**
 * Serialises the corpus graph as a static GEXF 1.3 document (see the module header for the
 * mapping). Deterministic: nodes and edges in sorted key order, fixed column order.
 */
export function toGEXF(graph: CorpusGraph): string {
  return writeGexf(graph);
}
