/**
 * viewer/relations — an actor's relations for the details panel: one entry per neighbour and
 * edge kind/action (or office), merging parallel edges of the multigraph, with their summed weight.
 */
import type { DiploGraph, EdgeKind } from './types.ts';

export interface Relation {
  /** Stable id: neighbour, kind and action/office. */
  id: string;
  neighbor: string;
  neighborLabel: string;
  kind: EdgeKind;
  /** interaction action or role office, when there is one. */
  action?: string;
  /** 'out' when the actor is the source of a directed edge (role, directed interaction), 'in' the target, else 'both'. */
  direction: 'out' | 'in' | 'both';
  weight: number;
  evidenceTotal: number;
  edges: string[];
}

const KIND_ORDER: Record<EdgeKind, number> = { interaction: 0, role: 1, co_mention: 2 };

/**
 * Relations of `node`, limited to `visibleEdges` when given; sorted by kind (interactions first),
 * weight (descending), neighbour label and id.
 */
export function relationsOf(
  graph: DiploGraph,
  node: string,
  visibleEdges?: ReadonlySet<string>,
): Relation[] {
  if (!graph.hasNode(node)) return [];
  const byId = new Map<string, Relation>();
  graph.forEachEdge(node, (edge, attrs, source, target) => {
    if (visibleEdges && !visibleEdges.has(edge)) return;
    const neighbor = source === node ? target : source;
    const action = attrs.kind === 'interaction' ? attrs.action : attrs.office;
    const id = `${neighbor}\u0000${attrs.kind}\u0000${action ?? ''}`;
    let direction: Relation['direction'] = 'both';
    if (graph.isDirected(edge) && attrs.directed !== false && source !== target) {
      direction = source === node ? 'out' : 'in';
    }
    const r = byId.get(id);
    if (r) {
      r.weight += attrs.weight;
      r.evidenceTotal += attrs.evidence_total;
      r.edges.push(edge);
      if (r.direction !== direction) r.direction = 'both';
      return;
    }
    const rel: Relation = {
      id,
      neighbor,
      neighborLabel: graph.getNodeAttribute(neighbor, 'label'),
      kind: attrs.kind,
      direction,
      weight: attrs.weight,
      evidenceTotal: attrs.evidence_total,
      edges: [edge],
    };
    if (action) rel.action = action;
    byId.set(id, rel);
  });
  const list = [...byId.values()];
  for (const r of list) r.edges.sort();
  return list.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      b.weight - a.weight ||
      (a.neighborLabel < b.neighborLabel ? -1 : a.neighborLabel > b.neighborLabel ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Human text for a relation's kind/action: "phone call", "role: foreign minister", "co-mention". */
export function describeRelation(kind: EdgeKind, action?: string): string {
  const nice = (s: string) => s.replace(/_/g, ' ');
  if (kind === 'interaction') return action ? nice(action) : 'interaction';
  if (kind === 'role') return action ? `role: ${nice(action)}` : 'role';
  return 'co-mention';
}
