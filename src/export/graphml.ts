/**
 * export/graphml — the corpus graph as GraphML (graph.graphml) and back.
 *
 * Every node and edge attribute has a typed `<key>` (`attr.type` boolean, int, double or
 * string), in a fixed order, so the file is lossless: `parseGraphML(toGraphML(g))` gives back
 * the same attributes with the same types. Conventions:
 * - `labels` is flattened to `labels_ar`, `labels_fa`, `labels_en` (handier in networkx, igraph,
 *   Gephi); `parseGraphML` folds `labels_*` back into a `labels` object.
 * - lists are JSON arrays in a `string` key marked `attr.list` with the item type:
 *   `attr.list="string"` for aliases, articles, dates, topics; `attr.list="object"` for offices
 *   and the evidence sample. JSON keeps even characters XML 1.0 cannot carry.
 * - one `edgedefault` for the file (directed as soon as any edge is) and no per-edge
 *   `directed` attribute: networkx (3.x) refuses mixed graphs. Each edge's own direction is
 *   the `directed` data key; `parseGraphML` honours it (and an XML `directed` attribute).
 * - x, y, size, color are plain keys (Gephi's GraphML importer picks them up).
 */
import { MultiGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../../graph-schema/schema.ts';
import {
  CHUNK_CHARS,
  EDGE_FIELDS,
  type ExportOrder,
  edgeFieldValue,
  exportOrder,
  type Field,
  type FieldType,
  fileEdgeDirection,
  formatScalar,
  isPresent,
  joinChunks,
  NODE_FIELDS,
} from './fields.ts';
import type { CorpusGraph, GraphAttributes } from './types.ts';
import { childElements, parseXml, type XmlElement, XmlWriter } from './xml.ts';

type GraphMLType = FieldType | 'objects';

interface GraphMLField<A> {
  readonly name: string;
  readonly type: GraphMLType;
  readonly get: (attributes: A) => unknown;
}

const GRAPH_FIELDS: readonly GraphMLField<GraphAttributes>[] = [
  { name: 'name', type: 'string', get: (a) => a.name },
  { name: 'generator', type: 'string', get: (a) => a.generator },
  { name: 'first_seen', type: 'date', get: (a) => a.first_seen },
  { name: 'last_seen', type: 'date', get: (a) => a.last_seen },
  { name: 'article_count', type: 'integer', get: (a) => a.article_count },
];

const NODE_GRAPHML_FIELDS: readonly GraphMLField<NodeAttributes>[] = [
  { name: 'label', type: 'string', get: (a) => a.label },
  ...(NODE_FIELDS as readonly Field<NodeAttributes>[]),
  { name: 'offices', type: 'objects', get: (a) => a.offices },
  { name: 'x', type: 'double', get: (a) => a.x },
  { name: 'y', type: 'double', get: (a) => a.y },
  { name: 'size', type: 'double', get: (a) => a.size },
  { name: 'color', type: 'string', get: (a) => a.color },
];

const EDGE_GRAPHML_FIELDS: readonly GraphMLField<EdgeAttributes>[] = [
  { name: 'weight', type: 'double', get: (a) => a.weight },
  ...(EDGE_FIELDS as readonly Field<EdgeAttributes>[]),
  { name: 'evidence', type: 'objects', get: (a) => a.evidence },
  { name: 'color', type: 'string', get: (a) => a.color },
  { name: 'size', type: 'double', get: (a) => a.size },
];

const KEY_PREFIX = { graph: 'g_', node: 'n_', edge: 'e_' } as const;

function keyAttributes(type: GraphMLType): [string, string][] {
  switch (type) {
    case 'integer':
      return [['attr.type', 'int']];
    case 'double':
      return [['attr.type', 'double']];
    case 'boolean':
      return [['attr.type', 'boolean']];
    case 'liststring':
    case 'listdate':
      return [
        ['attr.type', 'string'],
        ['attr.list', 'string'],
      ];
    case 'objects':
      return [
        ['attr.type', 'string'],
        ['attr.list', 'object'],
      ];
    default:
      return [['attr.type', 'string']];
  }
}

function formatData(field: GraphMLField<never>, value: unknown): string {
  if (field.type === 'liststring' || field.type === 'listdate' || field.type === 'objects') {
    if (!Array.isArray(value)) {
      throw new Error(`export: graphml key ${field.name} expects a list, got ${typeof value}`);
    }
    return JSON.stringify(value);
  }
  return formatScalar(value);
}

function writeData<A>(
  w: XmlWriter,
  prefix: string,
  fields: readonly GraphMLField<A>[],
  attributes: A,
  fieldValue: (field: GraphMLField<A>) => unknown = (field) => field.get(attributes),
): void {
  for (const field of fields) {
    const value = fieldValue(field);
    if (isPresent(value)) {
      w.text('data', formatData(field as GraphMLField<never>, value), [
        ['key', prefix + field.name],
      ]);
    }
  }
}

/**
 * Serialises the corpus graph as GraphML with typed keys for every attribute (see the module
 * header). Deterministic: sorted nodes and edges, fixed key order.
 */
export function toGraphML(graph: CorpusGraph): string {
  return joinChunks(graphmlChunks(graph));
}

/** `toGraphML` in pieces of about `CHUNK_CHARS` characters, for graphs too big for one string. */
export function* graphmlChunks(
  graph: CorpusGraph,
  order: ExportOrder = exportOrder(graph),
): Generator<string> {
  const w = new XmlWriter();
  w.open('graphml', [
    ['xmlns', 'http://graphml.graphdrawing.org/xmlns'],
    ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
    [
      'xsi:schemaLocation',
      'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
    ],
  ]);
  const declare = (cls: 'graph' | 'node' | 'edge', fields: readonly GraphMLField<never>[]) => {
    for (const field of fields) {
      w.empty('key', [
        ['id', KEY_PREFIX[cls] + field.name],
        ['for', cls],
        ['attr.name', field.name],
        ...keyAttributes(field.type),
      ]);
    }
  };
  declare('graph', GRAPH_FIELDS as readonly GraphMLField<never>[]);
  declare('node', NODE_GRAPHML_FIELDS as readonly GraphMLField<never>[]);
  declare('edge', EDGE_GRAPHML_FIELDS as readonly GraphMLField<never>[]);

  const defaultType = fileEdgeDirection(graph);
  w.open('graph', [
    ['id', 'G'],
    ['edgedefault', defaultType],
  ]);
  writeData(w, KEY_PREFIX.graph, GRAPH_FIELDS, graph.getAttributes() as GraphAttributes);
  for (const key of order.nodes) {
    w.open('node', [['id', key]]);
    writeData(w, KEY_PREFIX.node, NODE_GRAPHML_FIELDS, graph.getNodeAttributes(key));
    w.close();
    if (w.length >= CHUNK_CHARS) yield w.take();
  }
  for (const key of order.edges) {
    w.open('edge', [
      ['id', key],
      ['source', graph.source(key)],
      ['target', graph.target(key)],
    ]);
    const a = graph.getEdgeAttributes(key);
    writeData(w, KEY_PREFIX.edge, EDGE_GRAPHML_FIELDS, a, (field) =>
      edgeFieldValue(graph, key, field, a),
    );
    w.close();
    if (w.length >= CHUNK_CHARS) yield w.take();
  }
  w.close(); // graph
  w.close(); // graphml
  yield w.finish();
}

interface KeySpec {
  name: string;
  type: string;
  list: string | undefined;
  default: unknown;
}

function decodeValue(spec: KeySpec, text: string, where: string): unknown {
  if (spec.list !== undefined) {
    try {
      const value: unknown = JSON.parse(text);
      if (!Array.isArray(value)) throw new Error('not an array');
      return value;
    } catch (error) {
      throw new Error(
        `export: graphml ${where} key ${spec.name} is not a JSON list: ${(error as Error).message}`,
      );
    }
  }
  switch (spec.type) {
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw new Error(`export: graphml ${where} key ${spec.name} is not a boolean: ${text}`);
    }
    case 'int':
    case 'long': {
      const n = Number(text.trim());
      if (!Number.isInteger(n)) {
        throw new Error(`export: graphml ${where} key ${spec.name} is not an integer: ${text}`);
      }
      return n;
    }
    case 'float':
    case 'double': {
      const n = Number(text.trim());
      if (Number.isNaN(n) && text.trim() !== 'NaN') {
        throw new Error(`export: graphml ${where} key ${spec.name} is not a number: ${text}`);
      }
      return n;
    }
    default:
      return text;
  }
}

function readData(
  element: XmlElement,
  keys: Map<string, KeySpec>,
  defaults: readonly KeySpec[],
  where: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of defaults) out[spec.name] = spec.default;
  for (const data of childElements(element, 'data')) {
    const id = data.attributes.key;
    if (id === undefined) throw new Error(`export: graphml <data> without key in ${where}`);
    const spec = keys.get(id) ?? { name: id, type: 'string', list: undefined, default: undefined };
    out[spec.name] = decodeValue(spec, data.text, where);
  }
  return out;
}

const LABELS_KEY = /^labels_([a-z]{2,3})$/;

/** Folds `labels_xx` columns back into the `labels` object graph-schema expects. */
function foldLabels(attributes: Record<string, unknown>): void {
  const labels: Record<string, unknown> = {};
  for (const name of Object.keys(attributes)) {
    const m = LABELS_KEY.exec(name);
    if (m) {
      labels[m[1]!] = attributes[name];
      delete attributes[name];
    }
  }
  attributes.labels = labels;
}

/**
 * Reads GraphML into a mixed graphology MultiGraph: typed keys decoded (int/long/float/double/
 * boolean/string), `attr.list` values parsed as JSON, key defaults applied, per-edge
 * `directed` honoured, `labels_*` folded into `labels`. Reads what `toGraphML` writes and plain
 * GraphML from other tools (no hyperedges, ports or nested graphs).
 */
export function parseGraphML(xml: string): MultiGraph {
  const root = parseXml(xml);
  if (root.name !== 'graphml' && !root.name.endsWith(':graphml')) {
    throw new Error(`export: not a GraphML document (root element <${root.name}>)`);
  }
  const keys = new Map<string, KeySpec>();
  const defaultsFor: Record<string, KeySpec[]> = { graph: [], node: [], edge: [] };
  for (const key of childElements(root, 'key')) {
    const id = key.attributes.id;
    if (id === undefined) throw new Error('export: graphml <key> without id');
    const spec: KeySpec = {
      name: key.attributes['attr.name'] ?? id,
      type: key.attributes['attr.type'] ?? 'string',
      list: key.attributes['attr.list'],
      default: undefined,
    };
    const def = childElements(key, 'default')[0];
    if (def) {
      spec.default = decodeValue(spec, def.text, 'default');
      const cls = key.attributes.for ?? 'all';
      for (const c of cls === 'all' ? ['graph', 'node', 'edge'] : [cls]) defaultsFor[c]?.push(spec);
    }
    keys.set(id, spec);
  }
  const graphElement = childElements(root, 'graph')[0];
  if (!graphElement) throw new Error('export: graphml document has no <graph>');
  const edgeDefault = graphElement.attributes.edgedefault ?? 'directed';
  const nodeElements = childElements(graphElement, 'node');
  const edgeElements = childElements(graphElement, 'edge');
  const allowSelfLoops = edgeElements.some((e) => e.attributes.source === e.attributes.target);
  const foldsLabels = [...keys.values()].some((k) => LABELS_KEY.test(k.name));

  const graph = new MultiGraph({ type: 'mixed', allowSelfLoops });
  graph.replaceAttributes(readData(graphElement, keys, defaultsFor.graph!, 'graph'));

  for (const element of nodeElements) {
    const id = element.attributes.id;
    if (id === undefined) throw new Error('export: graphml <node> without id');
    const attributes = readData(element, keys, defaultsFor.node!, `node ${id}`);
    if (foldsLabels) foldLabels(attributes);
    graph.addNode(id, attributes);
  }
  for (const element of edgeElements) {
    const { id, source, target } = element.attributes;
    if (source === undefined || target === undefined) {
      throw new Error(`export: graphml <edge ${id ?? ''}> without source or target`);
    }
    const attributes = readData(element, keys, defaultsFor.edge!, `edge ${id ?? ''}`);
    // The edge's own direction: an XML `directed` attribute, else our `directed` data key, else
    // the file's default. graph.json has `directed` on interactions only: elsewhere it is the
    // direction alone, not an attribute.
    const stated = attributes.directed;
    const directed =
      element.attributes.directed !== undefined
        ? element.attributes.directed === 'true'
        : typeof stated === 'boolean'
          ? stated
          : edgeDefault === 'directed';
    if (typeof stated === 'boolean' && attributes.kind !== 'interaction')
      delete attributes.directed;
    if (id === undefined) {
      if (directed) graph.addDirectedEdge(source, target, attributes);
      else graph.addUndirectedEdge(source, target, attributes);
    } else if (directed) {
      graph.addDirectedEdgeWithKey(id, source, target, attributes);
    } else {
      graph.addUndirectedEdgeWithKey(id, source, target, attributes);
    }
  }
  return graph;
}
