/**
 * export/json — graph.json: graphology's own serialisation format (what `graph.export()`
 * returns), made byte-stable: nodes and edges sorted by key, object keys inside attributes sorted, compact
 * (or indented) JSON with a final newline. `Graph.from(JSON.parse(text))` restores the graph;
 * graph-schema's `SerializedGraph` describes it.
 */
import { CHUNK_CHARS, compareKeys, type ExportOrder, exportOrder, joinChunks } from './fields.ts';
import type { CorpusGraph } from './types.ts';

/** Options of `toJSON`. */
export interface ToJSONOptions {
  /** Spaces of indentation; 0 (default) writes one compact line. */
  indent?: number;
}

/** Deep copy with object keys in sorted order (arrays keep their order). */
export function sortObjectKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    // Lists of strings and numbers (aliases, articles, dates) are shared, not copied.
    return (
      value.some((v) => v !== null && typeof v === 'object') ? value.map(sortObjectKeys) : value
    ) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortObjectKeys(v);
    }
    return out as T;
  }
  return value;
}

/**
 * Serialises the graph as graphology's export format, deterministic to the byte for the same
 * content whatever the insertion order of nodes, edges and attributes.
 */
export function toJSON(graph: CorpusGraph, options: ToJSONOptions = {}): string {
  return joinChunks(jsonChunks(graph, options));
}

/**
 * `toJSON` in pieces of about `CHUNK_CHARS` characters: the same bytes as
 * `JSON.stringify(serialized, null, indent)`, written node by node and edge by edge so that a
 * graph of any size (past V8's ~512 MB string limit) can be written to disk.
 */
export function* jsonChunks(
  graph: CorpusGraph,
  options: ToJSONOptions = {},
  order: ExportOrder = exportOrder(graph),
): Generator<string> {
  const indent = options.indent ?? 0;
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new Error(`export: toJSON indent must be an integer from 0 to 10, got ${indent}`);
  }
  const nl = indent ? '\n' : '';
  const pads = ['', ' '.repeat(indent), ' '.repeat(2 * indent)];
  const sep = indent ? ': ' : ':';
  // A value nested `level` deep: JSON.stringify's own output, its lines shifted right. JSON
  // strings never hold a raw line feed, so every LF in the output is a line break.
  const value = (v: unknown, level: number) => {
    const text = JSON.stringify(v, null, indent || undefined);
    return indent ? text.replaceAll('\n', `\n${pads[level]}`) : text;
  };
  // Same shape and key order as graph.export(), built without its intermediate copies.
  let out = `{${nl}${pads[1]}"options"${sep}${value(
    { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    1,
  )},${nl}${pads[1]}"attributes"${sep}${value(sortObjectKeys(graph.getAttributes()), 1)},${nl}${pads[1]}"nodes"${sep}[`;
  let first = true;
  for (const key of order.nodes) {
    out += `${first ? '' : ','}${nl}${pads[2]}${value(
      { key, attributes: sortObjectKeys(graph.getNodeAttributes(key)) },
      2,
    )}`;
    first = false;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  out += `${first ? '' : `${nl}${pads[1]}`}],${nl}${pads[1]}"edges"${sep}[`;
  first = true;
  for (const key of order.edges) {
    out += `${first ? '' : ','}${nl}${pads[2]}${value(
      {
        key,
        source: graph.source(key),
        target: graph.target(key),
        attributes: sortObjectKeys(graph.getEdgeAttributes(key)),
        ...(graph.type === 'mixed' && graph.isUndirected(key) ? { undirected: true } : {}),
      },
      2,
    )}`;
    first = false;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  out += `${first ? '' : `${nl}${pads[1]}`}]${nl}}\n`;
  yield out;
}
