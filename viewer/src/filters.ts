/**
 * viewer/filters — which actors and links pass the filters (kinds, actions, minimum weight, date
 * range, isolated nodes), and the domains the filter controls offer. Pure: reads the graph, never
 * writes it.
 */
import {
  type DiploGraph,
  EDGE_KINDS,
  type EdgeAttributes,
  ENTITY_KINDS,
  type NodeAttributes,
  type ViewState,
  type Visibility,
} from './types.ts';

type FilterState = Pick<
  ViewState,
  'kinds' | 'edgeKinds' | 'hiddenActions' | 'minWeight' | 'hideIsolated' | 'from' | 'to'
>;

/** True when [first, last] (open where missing) meets [from, to] (open where null). */
export function spanInRange(
  first: string | undefined,
  last: string | undefined,
  from: string | null,
  to: string | null,
): boolean {
  if (to !== null && first !== undefined && first > to) return false;
  if (from !== null && last !== undefined && last < from) return false;
  return true;
}

/** A node is in the date range when its seen-span meets it; undated nodes always are. */
export function nodeInRange(
  attrs: NodeAttributes,
  from: string | null,
  to: string | null,
): boolean {
  return spanInRange(attrs.first_seen, attrs.last_seen ?? attrs.first_seen, from, to);
}

/**
 * An edge is in the date range when one of its interaction dates falls in it, or else when its
 * seen-span meets it; undated edges always are.
 */
export function edgeInRange(
  attrs: EdgeAttributes,
  from: string | null,
  to: string | null,
): boolean {
  if (from === null && to === null) return true;
  if (attrs.dates && attrs.dates.length > 0) {
    return attrs.dates.some((d) => (from === null || d >= from) && (to === null || d <= to));
  }
  return spanInRange(attrs.first_seen, attrs.last_seen ?? attrs.first_seen, from, to);
}

/**
 * A read-only set of every key of a graph's nodes or edges, without copying them: what the
 * unfiltered view (the first paint) uses.
 */
export class AllOf implements ReadonlySet<string> {
  constructor(
    private readonly graph: DiploGraph,
    private readonly what: 'nodes' | 'edges',
  ) {}
  get size(): number {
    return this.what === 'nodes' ? this.graph.order : this.graph.size;
  }
  has(key: string): boolean {
    return this.what === 'nodes' ? this.graph.hasNode(key) : this.graph.hasEdge(key);
  }
  keys(): SetIterator<string> {
    return (this.what === 'nodes' ? this.graph.nodes() : this.graph.edges()).values();
  }
  values(): SetIterator<string> {
    return this.keys();
  }
  *entries(): SetIterator<[string, string]> {
    for (const k of this.keys()) yield [k, k];
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const k of this.keys()) fn(k, k, this);
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.keys();
  }
}

/** True when a filter state filters nothing. */
export function isUnfiltered(state: FilterState): boolean {
  return (
    state.kinds.length === ENTITY_KINDS.length &&
    ENTITY_KINDS.every((k) => state.kinds.includes(k)) &&
    state.edgeKinds.length === EDGE_KINDS.length &&
    EDGE_KINDS.every((k) => state.edgeKinds.includes(k)) &&
    state.hiddenActions.length === 0 &&
    state.minWeight <= 1 &&
    !state.hideIsolated &&
    state.from === null &&
    state.to === null
  );
}

/**
 * Compute the visible node and edge sets for a filter state. O(nodes + edges); O(1) when nothing
 * is filtered. A minimum weight of 1 or less filters nothing.
 */
export function computeVisibility(graph: DiploGraph, state: FilterState): Visibility {
  if (isUnfiltered(state))
    return { nodes: new AllOf(graph, 'nodes'), edges: new AllOf(graph, 'edges') };
  const kinds = new Set<string>(state.kinds);
  const edgeKinds = new Set<string>(state.edgeKinds);
  const hiddenActions = new Set(state.hiddenActions);
  const nodeOk = new Set<string>();
  graph.forEachNode((node, attrs) => {
    if (kinds.has(attrs.kind) && nodeInRange(attrs, state.from, state.to)) nodeOk.add(node);
  });
  const edges = new Set<string>();
  const touched = new Set<string>();
  graph.forEachEdge((edge, attrs, source, target) => {
    if (!edgeKinds.has(attrs.kind)) return;
    if (attrs.kind === 'interaction' && hiddenActions.has(attrs.action ?? '')) return;
    if (state.minWeight > 1 && !(attrs.weight >= state.minWeight)) return;
    if (!nodeOk.has(source) || !nodeOk.has(target)) return;
    if (!edgeInRange(attrs, state.from, state.to)) return;
    edges.add(edge);
    touched.add(source);
    touched.add(target);
  });
  const nodes = state.hideIsolated ? touched : nodeOk;
  return { nodes, edges };
}

/** What the filter controls can offer for a graph. */
export interface FilterDomain {
  /** Distinct interaction actions, sorted. */
  actions: string[];
  maxWeight: number;
  /** Distinct ISO days seen on nodes and edges, sorted (the date slider's stops). */
  days: string[];
}

/** Collect the actions, the weight range and the dates of a graph. */
export function filterDomain(graph: DiploGraph): FilterDomain {
  const actions = new Set<string>();
  const days = new Set<string>();
  let maxWeight = 1;
  const addDay = (d: string | undefined) => {
    if (d) days.add(d);
  };
  graph.forEachNode((_n, a) => {
    addDay(a.first_seen);
    addDay(a.last_seen);
  });
  graph.forEachEdge((_e, a) => {
    if (a.kind === 'interaction' && a.action) actions.add(a.action);
    if (a.weight > maxWeight) maxWeight = a.weight;
    addDay(a.first_seen);
    addDay(a.last_seen);
    for (const d of a.dates ?? []) addDay(d);
  });
  return { actions: [...actions].sort(), maxWeight, days: [...days].sort() };
}
