/**
 * viewer/types — the viewer's own types: the view state (what is selected, filtered and how it is
 * coloured), visibility sets, and the graph attribute shapes it reads (from graph-schema, types only,
 * so zod stays out of the bundle).
 */
import type { AbstractGraph } from 'graphology-types';
import type {
  EdgeAttributes,
  Evidence,
  EvidenceRecord,
  GraphAttributes,
  NodeAttributes,
} from '../../graph-schema/schema.ts';

export type { EdgeAttributes, Evidence, EvidenceRecord, NodeAttributes };
export type GraphAttrs = import('zod').infer<typeof GraphAttributes>;

/** The corpus graph as the viewer holds it (read-only apart from x/y written by the layout worker). */
export type DiploGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttrs>;

export type EntityKind = NodeAttributes['kind'];
export type EdgeKind = EdgeAttributes['kind'];

/** Kept equal to graph-schema's ENTITY_KINDS / EDGE_KINDS (a unit test checks it). */
export const ENTITY_KINDS: readonly EntityKind[] = [
  'person',
  'country',
  'organization',
  'conflict',
  'place',
];
export const EDGE_KINDS: readonly EdgeKind[] = ['co_mention', 'role', 'interaction'];

export type ColorMode = 'kind' | 'community';
export type LabelLang = 'en' | 'ar' | 'fa';
export const LABEL_LANGS: readonly LabelLang[] = ['en', 'ar', 'fa'];

/** Everything the URL can carry; the rest of the UI state (hover, open panels) is transient. */
export interface ViewState {
  /** Selected actor (node key). */
  selected: string | null;
  /** Edges whose evidence is open (one edge clicked in the graph, or one relation's edges). */
  edges: string[];
  /** Entity kinds shown. */
  kinds: EntityKind[];
  /** Edge kinds shown. */
  edgeKinds: EdgeKind[];
  /** Interaction actions hidden (empty = all shown; new actions in a later graph stay visible). */
  hiddenActions: string[];
  minWeight: number;
  hideIsolated: boolean;
  /** Inclusive ISO day range; null = open end. */
  from: string | null;
  to: string | null;
  color: ColorMode;
  lang: LabelLang;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  selected: null,
  edges: [],
  kinds: [...ENTITY_KINDS],
  edgeKinds: [...EDGE_KINDS],
  hiddenActions: [],
  minWeight: 1,
  hideIsolated: false,
  from: null,
  to: null,
  color: 'kind',
  lang: 'en',
};

/** Which nodes and edges pass the filters. */
export interface Visibility {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}
