/**
 * export/json — graph.json: graphology's own serialisation format (what `graph.export()`
 * returns), made byte-stable: nodes and edges sorted by key, object keys inside attributes sorted, compact
 * (or indented) JSON with a final newline. `Graph.from(JSON.parse(text))` restores the graph;
 * graph-schema's `SerializedGraph` describes it.
 */
import { compareKeys, sortedEdges, sortedNodes } from './fields.ts';
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
  const indent = options.indent ?? 0;
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new Error(`export: toJSON indent must be an integer from 0 to 10, got ${indent}`);
  }
  // Same shape and key order as graph.export(), built without its intermediate copies.
  const serialized = {
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    attributes: sortObjectKeys(graph.getAttributes()),
    nodes: sortedNodes(graph).map((key) => ({
      key,
      attributes: sortObjectKeys(graph.getNodeAttributes(key)),
    })),
    edges: sortedEdges(graph).map((key) => ({
      key,
      source: graph.source(key),
      target: graph.target(key),
      attributes: sortObjectKeys(graph.getEdgeAttributes(key)),
      ...(graph.type === 'mixed' && graph.isUndirected(key) ? { undirected: true } : {}),
    })),
  };
  return `${JSON.stringify(serialized, null, indent || undefined)}\n`;
}
