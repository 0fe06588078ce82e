/**
 * viewer/reducers — sigma's nodeReducer/edgeReducer as pure functions of a small context: the
 * visibility sets, the selection, the hovered neighbourhood, the colour mode and label language.
 * They return new display objects and never touch the graph (sigma passes them a copy anyway).
 */
import { communityColor, EDGE_COLORS, FADED_NODE, HIGHLIGHT_EDGE, KIND_COLORS } from './colors.ts';
import type {
  ColorMode,
  DiploGraph,
  EdgeAttributes,
  LabelLang,
  NodeAttributes,
  Visibility,
} from './types.ts';

export interface ReducerContext {
  visibility: Visibility;
  selected: string | null;
  /** Hovered node, or null. */
  hovered: string | null;
  /** The hovered (else selected) node and its neighbours; null when nothing is focused. */
  focus: Set<string> | null;
  /** Edges touching the focused node (the others are hidden while it is focused). */
  focusEdges: Set<string> | null;
  /** Edges whose evidence is open (drawn dark and thick). */
  activeEdges: Set<string>;
  color: ColorMode;
  lang: LabelLang;
}

/** Display label of an actor in a language, falling back to its display label. */
export function labelIn(attrs: Pick<NodeAttributes, 'label' | 'labels'>, lang: LabelLang): string {
  const l = attrs.labels?.[lang];
  return l?.trim() ? l : attrs.label;
}

/** Colour of an actor under a colour mode. */
export function nodeColor(
  attrs: Pick<NodeAttributes, 'kind' | 'community'>,
  mode: ColorMode,
): string {
  return mode === 'community' ? communityColor(attrs.community) : KIND_COLORS[attrs.kind];
}

/** Edge thickness for a weight: 1, growing with the log of the weight, at most 8. */
export function edgeSize(weight: number): number {
  return Math.min(8, 1 + Math.log2(Math.max(1, weight)) * 0.9);
}

/**
 * What the node reducer hands to sigma: only display fields (sigma uses the reducer's result as
 * the node's whole display data), which keeps reducing 10k nodes cheap.
 */
export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  hidden: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
}

/** What the edge reducer hands to sigma. */
export interface EdgeDisplay {
  size: number;
  color: string;
  hidden: boolean;
  zIndex?: number;
}

/** sigma nodeReducer body. */
export function reduceNode(ctx: ReducerContext, node: string, data: NodeAttributes): NodeDisplay {
  const out: NodeDisplay = {
    x: data.x,
    y: data.y,
    size: data.size,
    color: nodeColor(data, ctx.color),
    label: null,
    hidden: !ctx.visibility.nodes.has(node),
  };
  if (out.hidden) return out;
  out.label = labelIn(data, ctx.lang);
  if (ctx.focus && !ctx.focus.has(node)) {
    out.color = FADED_NODE;
    out.label = '';
    out.zIndex = 0;
  } else if (ctx.focus) {
    out.forceLabel = true;
    out.zIndex = 1;
  }
  if (node === ctx.selected || node === ctx.hovered) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 2;
  }
  return out;
}

/** sigma edgeReducer body. */
export function reduceEdge(ctx: ReducerContext, edge: string, data: EdgeAttributes): EdgeDisplay {
  const interaction = data.kind === 'interaction';
  const out: EdgeDisplay = {
    size: edgeSize(data.weight) + (interaction ? 0.5 : 0),
    color: EDGE_COLORS[data.kind],
    hidden: !ctx.visibility.edges.has(edge),
    zIndex: interaction ? 1 : 0,
  };
  if (out.hidden) return out;
  if (ctx.focusEdges && !ctx.focusEdges.has(edge)) out.hidden = true;
  if (ctx.activeEdges.has(edge)) {
    out.hidden = false;
    out.color = HIGHLIGHT_EDGE;
    out.size = Math.max(3, out.size + 2);
    out.zIndex = 3;
  }
  return out;
}

/**
 * The focus sets for a node: itself and its neighbours through visible edges, and those edges.
 * Null sets when `node` is null or not in the graph.
 */
export function neighbourhood(
  graph: DiploGraph,
  node: string | null,
  visibility: Visibility,
): { focus: Set<string> | null; focusEdges: Set<string> | null } {
  if (node === null || !graph.hasNode(node)) return { focus: null, focusEdges: null };
  const focus = new Set<string>([node]);
  const focusEdges = new Set<string>();
  graph.forEachEdge(node, (edge, _a, source, target) => {
    if (!visibility.edges.has(edge)) return;
    focusEdges.add(edge);
    focus.add(source);
    focus.add(target);
  });
  return { focus, focusEdges };
}
