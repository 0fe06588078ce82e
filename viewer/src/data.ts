/**
 * viewer/data — turn graph.json (graphology's `graph.export()`) into the viewer's graph: check
 * its shape, and make sure every node has finite x/y and a positive size before sigma sees it
 * (missing positions go on a seeded circle, so the same file always draws the same way).
 */
import { MultiGraph } from 'graphology';
import type { SerializedGraph } from '../../graph-schema/schema.ts';
import type { DiploGraph } from './types.ts';

/** A small seeded PRNG (mulberry32): same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type RawNode = { key: string; attributes: Record<string, unknown> };
type RawEdge = { key?: string; source: string; target: string; attributes?: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Throw `viewer: …` unless `raw` looks like a diplograph graph.json. */
export function checkSerializedGraph(raw: unknown): asserts raw is SerializedGraph {
  if (!isObject(raw)) throw new Error('viewer: graph.json is not a JSON object');
  if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) {
    throw new Error('viewer: graph.json has no "nodes"/"edges" arrays (expected graph.export())');
  }
  for (const n of raw.nodes as unknown[]) {
    if (!isObject(n) || typeof n.key !== 'string' || !isObject(n.attributes)) {
      throw new Error('viewer: graph.json has a node without key or attributes');
    }
    const a = n.attributes;
    if (typeof a.kind !== 'string' || typeof a.label !== 'string') {
      throw new Error(`viewer: node ${JSON.stringify(n.key)} has no kind or label`);
    }
  }
  for (const e of raw.edges as unknown[]) {
    if (!isObject(e) || typeof e.source !== 'string' || typeof e.target !== 'string') {
      throw new Error('viewer: graph.json has an edge without source/target');
    }
    if (!isObject(e.attributes) || typeof e.attributes.kind !== 'string') {
      throw new Error(`viewer: edge ${JSON.stringify(e.key)} has no kind`);
    }
  }
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Copy of the node list where every node has finite x/y (missing ones on a seeded circle around
 * the others) and a positive size. Returns how many positions had to be made up.
 */
export function withPositions(
  nodes: readonly RawNode[],
  seed = 42,
): { nodes: RawNode[]; placed: number } {
  const missing = nodes.filter((n) => !finite(n.attributes.x) || !finite(n.attributes.y)).length;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    const { x, y } = n.attributes;
    if (finite(x) && finite(y)) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  const have = minX <= maxX;
  const cx = have ? (minX + maxX) / 2 : 0;
  const cy = have ? (minY + maxY) / 2 : 0;
  const r = have ? Math.max(1, (maxX - minX) / 2, (maxY - minY) / 2) * 1.1 : 100;
  const rand = mulberry32(seed);
  let i = 0;
  const out = nodes.map((n) => {
    const a = n.attributes;
    const okPos = finite(a.x) && finite(a.y);
    const okSize = finite(a.size) && a.size > 0;
    if (okPos && okSize) return n;
    const attributes = { ...a };
    if (!okPos) {
      const angle = (2 * Math.PI * i) / Math.max(1, missing) + rand() * 0.01;
      i++;
      attributes.x = cx + r * Math.cos(angle);
      attributes.y = cy + r * Math.sin(angle);
    }
    if (!okSize) attributes.size = 4;
    return { key: n.key, attributes };
  });
  return { nodes: out, placed: missing };
}

/** Build the viewer's graph from parsed graph.json (checked, positions guarded). */
export function prepareGraph(raw: unknown, seed = 42): { graph: DiploGraph; placed: number } {
  checkSerializedGraph(raw);
  const { nodes, placed } = withPositions(raw.nodes as unknown as RawNode[], seed);
  const graph: DiploGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  graph.import({
    ...(raw as object),
    nodes: nodes as never,
    edges: raw.edges as RawEdge[] as never,
  });
  return { graph, placed };
}
