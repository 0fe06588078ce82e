/**
 * export/json — graph.json: graphology's own serialisation (`graph.export()`), made
 * byte-stable: nodes and edges sorted by key, object keys inside attributes sorted, compact
 * (or indented) JSON with a final newline. `Graph.from(JSON.parse(text))` restores the graph;
 * graph-schema's `SerializedGraph` describes it.
 */
import { compareKeys } from './fields.ts';
import type { CorpusGraph } from './types.ts';

/** Options of `toJSON`. */
export interface ToJSONOptions {
  /** Spaces of indentation; 0 (default) writes one compact line. */
  indent?: number;
}

/** Deep copy with object keys in sorted order (arrays keep their order). */
export function sortObjectKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortObjectKeys) as T;
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

const byKey = (a: { key?: string }, b: { key?: string }) => compareKeys(a.key ?? '', b.key ?? '');

/**
 * Serialises the graph as graphology's export format, deterministic to the byte for the same
 * content whatever the insertion order of nodes, edges and attributes.
 */
export function toJSON(graph: CorpusGraph, options: ToJSONOptions = {}): string {
  const indent = options.indent ?? 0;
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new Error(`export: toJSON indent must be an integer from 0 to 10, got ${indent}`);
  }
  const exported = graph.export();
  const serialized = {
    options: exported.options,
    attributes: sortObjectKeys(exported.attributes),
    nodes: exported.nodes.sort(byKey).map((n) => ({
      key: n.key,
      attributes: sortObjectKeys(n.attributes ?? {}),
    })),
    edges: exported.edges.sort(byKey).map((e) => ({
      key: e.key,
      source: e.source,
      target: e.target,
      attributes: sortObjectKeys(e.attributes ?? {}),
      ...(e.undirected ? { undirected: true } : {}),
    })),
  };
  return `${JSON.stringify(serialized, null, indent || undefined)}\n`;
}
