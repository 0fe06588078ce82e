/**
 * viewer/debug — `window.__diplograph`, a read-only hook for tests and benchmarks: counts of what
 * is visible and drawn, timings, the view state, a digest of the graph's data (everything but
 * positions) and screen positions of nodes. It never hands out the graph itself.
 */
import type { LabelStats } from './labels.ts';
import type { DiploGraph, ViewState } from './types.ts';

export interface DebugCounts {
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  /** Nodes/edges sigma currently draws (not hidden in its display data). */
  drawnNodes: number;
  drawnEdges: number;
}

export interface DiplographDebug {
  ready: boolean;
  error: string | null;
  /** performance.now() (ms since navigation) at milestones. */
  timings: {
    /** Response headers of graph.json received. */
    fetched?: number;
    /** graph.json parsed. */
    dataLoaded?: number;
    graphBuilt?: number;
    /** Filters and view state computed; sigma about to start. */
    sigmaStart?: number;
    /** sigma's first frame drawn (in its constructor), with every node. */
    firstRender?: number;
    /** The next animation frame: the first frame on screen. */
    firstPaint?: number;
    /** Panels mounted, debug hook complete. */
    appReady?: number;
    /** Labels redrawn in the bundled font. */
    fontsReady?: number;
  };
  /** Nodes in the graph when the first frame was drawn. */
  firstRenderNodes: number | null;
  renders: number;
  fontsReady: boolean;
  counts(): DebugCounts;
  state(): ViewState;
  digest(): string;
  labels(): LabelStats;
  evidence(): { loaded: boolean; records: number };
  layoutRunning(): boolean;
  /** Viewport (CSS pixel) position of a node, or null. */
  viewportOf(node: string): { x: number; y: number } | null;
  /** Viewport position of the middle of an edge, or null. */
  edgeViewportOf(edge: string): { x: number; y: number } | null;
  /** Distance in viewport pixels between the viewport centre and a node. */
  distanceFromCenter(node: string): number | null;
}

declare global {
  interface Window {
    __diplograph?: DiplographDebug;
  }
}

/** cyrb53: a fast 53-bit string hash, as hex. */
export function hash53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** Digest of every node and edge attribute except positions (x, y), in graph order. */
export function graphDigest(graph: DiploGraph): string {
  const parts: string[] = [];
  graph.forEachNode((node, attrs) => {
    const { x: _x, y: _y, ...rest } = attrs;
    parts.push(node, JSON.stringify(rest));
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    parts.push(edge, source, target, JSON.stringify(attrs));
  });
  parts.push(JSON.stringify(graph.getAttributes()));
  return hash53(parts.join('\u0000'));
}
