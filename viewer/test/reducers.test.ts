import { describe, expect, it } from 'vitest';
import {
  communityColor,
  EDGE_COLORS,
  FADED_NODE,
  HIGHLIGHT_EDGE,
  KIND_COLORS,
} from '../src/colors.ts';
import { graphDigest } from '../src/debug.ts';
import {
  AllOf,
  computeVisibility,
  edgeInRange,
  filterDomain,
  isUnfiltered,
  nodeInRange,
  spanInRange,
} from '../src/filters.ts';
import {
  labelIn,
  neighbourhood,
  type ReducerContext,
  reduceEdge,
  reduceNode,
} from '../src/reducers.ts';
import { DEFAULT_VIEW_STATE, type ViewState } from '../src/types.ts';
import { fixtureGraph } from './fixtures/make-fixture.ts';

const graph = fixtureGraph();
const L = 'person:sergey-lavrov';
const A = 'person:hossein-amir-abdollahian';
const CALL = `interaction:phone_call:${L}--${A}`;
const MEETING = 'interaction:meeting:person:ayman-safadi->person:sergey-lavrov';

const state = (patch: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW_STATE, ...patch });

function ctx(patch: Partial<ReducerContext> = {}): ReducerContext {
  return {
    visibility: computeVisibility(graph, state()),
    selected: null,
    hovered: null,
    focus: null,
    focusEdges: null,
    activeEdges: new Set(),
    color: 'kind',
    lang: 'en',
    ...patch,
  };
}

describe('computeVisibility', () => {
  it('shows everything by default, without copying the keys', () => {
    const v = computeVisibility(graph, state());
    expect(v.nodes).toBeInstanceOf(AllOf);
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
    expect([...v.nodes]).toEqual(graph.nodes());
    expect([...v.edges.keys()]).toEqual(graph.edges());
    expect(v.nodes.has(L) && !v.nodes.has('nope') && v.edges.has(CALL)).toBe(true);
    expect(
      isUnfiltered(state({ kinds: ['place', 'person', 'country', 'organization', 'conflict'] })),
    ).toBe(true);
    expect(isUnfiltered(state({ minWeight: 2 }))).toBe(false);
    expect(isUnfiltered(state({ to: '2023-11-01' }))).toBe(false);
  });

  it('gives the same sets through the fast path and the full computation', () => {
    const fast = computeVisibility(graph, state());
    const full = computeVisibility(graph, state({ from: '1900-01-01' })); // filters nothing, full path
    expect(full.nodes).toBeInstanceOf(Set);
    expect(new Set(fast.nodes)).toEqual(full.nodes);
    expect(new Set(fast.edges)).toEqual(full.edges);
  });

  it('filters entity kinds, and drops the edges of hidden actors', () => {
    const v = computeVisibility(graph, state({ kinds: ['country', 'place'] }));
    expect([...v.nodes].every((n) => /^(country|place):/.test(n))).toBe(true);
    expect(v.nodes.size).toBe(6);
    expect(v.edges.size).toBe(1); // Iran–Russia co-mention
  });

  it('filters edge kinds and interaction actions', () => {
    const roles = computeVisibility(graph, state({ edgeKinds: ['role'] }));
    expect(roles.edges.size).toBe(5);
    const noCalls = computeVisibility(graph, state({ hiddenActions: ['phone_call'] }));
    expect(noCalls.edges.has(CALL)).toBe(false);
    expect(noCalls.edges.has(MEETING)).toBe(true);
    expect(noCalls.edges.size).toBe(graph.size - 1);
  });

  it('applies the minimum weight', () => {
    const v = computeVisibility(graph, state({ minWeight: 2 }));
    expect(v.edges.size).toBeGreaterThan(0);
    for (const e of v.edges) expect(graph.getEdgeAttribute(e, 'weight')).toBeGreaterThanOrEqual(2);
    const heavier = graph.filterEdges((_e, a) => a.weight >= 2);
    expect(v.edges.size).toBe(heavier.length);
  });

  it('hides isolated actors on request, counting only visible links', () => {
    const v = computeVisibility(graph, state({ hideIsolated: true }));
    expect(v.nodes.has('place:doha')).toBe(false);
    expect(v.nodes.size).toBe(graph.order - 1);
    const rolesOnly = computeVisibility(graph, state({ hideIsolated: true, edgeKinds: ['role'] }));
    expect(rolesOnly.nodes.size).toBe(9); // five office holders, four countries
    expect(rolesOnly.nodes.has('place:gaza-strip')).toBe(false);
  });

  it('shows the graph as of a date range (interaction dates, then seen-spans)', () => {
    const late = computeVisibility(graph, state({ from: '2023-11-10', to: '2023-11-30' }));
    expect(late.edges.has(CALL)).toBe(false); // call on 2023-11-02
    expect(late.edges.has(MEETING)).toBe(true); // meeting on 2023-11-20
    expect(late.nodes.has('person:vladimir-putin')).toBe(false); // last seen 2023-10-10
    expect(late.nodes.has('org:arab-league')).toBe(false); // first seen 2023-12-10
    const early = computeVisibility(graph, state({ to: '2023-10-31' }));
    expect(
      [...early.edges].every(
        (e) => (graph.getEdgeAttribute(e, 'first_seen') ?? '') <= '2023-10-31',
      ),
    ).toBe(true);
    expect(early.nodes.has('person:vladimir-putin')).toBe(true);
  });

  it('never writes to the graph', () => {
    const before = graphDigest(graph);
    computeVisibility(graph, state({ kinds: ['person'], minWeight: 3, hideIsolated: true }));
    expect(graphDigest(graph)).toBe(before);
  });
});

describe('date helpers', () => {
  it('treats missing ends as open', () => {
    expect(spanInRange(undefined, undefined, '2023-01-01', '2023-02-01')).toBe(true);
    expect(spanInRange('2023-03-01', '2023-03-05', '2023-01-01', '2023-02-01')).toBe(false);
    expect(spanInRange('2023-01-20', '2023-03-05', '2023-01-01', '2023-02-01')).toBe(true);
    expect(spanInRange('2022-01-20', '2022-03-05', '2023-01-01', null)).toBe(false);
  });

  it('prefers interaction dates to the seen-span', () => {
    const a = graph.getEdgeAttributes(CALL);
    expect(
      edgeInRange({ ...a, first_seen: '2020-01-01', last_seen: '2030-01-01' }, '2023-11-03', null),
    ).toBe(false);
    expect(edgeInRange(a, '2023-11-02', '2023-11-02')).toBe(true);
    expect(nodeInRange(graph.getNodeAttributes(L), '2024-01-01', null)).toBe(false);
  });
});

describe('filterDomain', () => {
  it('lists actions, the largest weight and the dates', () => {
    const d = filterDomain(graph);
    expect(d.actions).toEqual(['meeting', 'phone_call']);
    expect(d.maxWeight).toBe(3);
    expect(d.days[0]).toBe('2023-10-10');
    expect(d.days[d.days.length - 1]).toBe('2023-12-10');
    expect([...d.days].sort()).toEqual(d.days);
  });
});

describe('reduceNode', () => {
  const data = () => structuredClone(graph.getNodeAttributes(L));

  it('hides nodes that are not visible', () => {
    const c = ctx({ visibility: computeVisibility(graph, state({ kinds: ['country'] })) });
    const out = reduceNode(c, L, data());
    expect(out.hidden).toBe(true);
    expect(out.label).toBeNull();
  });

  it('labels in the chosen language with a fallback to the display label', () => {
    expect(reduceNode(ctx({ lang: 'ar' }), L, data()).label).toBe('سيرغي لافروف');
    expect(reduceNode(ctx({ lang: 'fa' }), L, data()).label).toBe('سرگئی لاوروف');
    const k = graph.getNodeAttributes('person:ali-bagheri-kani');
    expect(labelIn(k, 'ar')).toBe('علی باقری کنی');
    expect(labelIn({ label: 'X', labels: { ar: '  ' } }, 'ar')).toBe('X');
  });

  it('colours by kind or by community', () => {
    expect(reduceNode(ctx(), L, data()).color).toBe(KIND_COLORS.person);
    const a = data();
    expect(reduceNode(ctx({ color: 'community' }), L, a).color).toBe(communityColor(a.community));
  });

  it('fades what is outside the focused neighbourhood and forces labels inside it', () => {
    const v = computeVisibility(graph, state());
    const n = neighbourhood(graph, A, v);
    const c = ctx({ visibility: v, hovered: A, ...n });
    expect(reduceNode(c, L, data()).forceLabel).toBe(true);
    const far = reduceNode(c, 'org:arab-league', graph.getNodeAttributes('org:arab-league'));
    expect(far.color).toBe(FADED_NODE);
    expect(far.label).toBe('');
    const self = reduceNode(c, A, graph.getNodeAttributes(A));
    expect(self.highlighted).toBe(true);
    expect(self.zIndex).toBe(2);
  });

  it('returns a new object and leaves its input alone', () => {
    const input = Object.freeze(data());
    const out = reduceNode(ctx({ selected: L, lang: 'ar' }), L, input);
    expect(out).not.toBe(input);
    expect(input.label).toBe('Sergey Lavrov');
    expect(out.highlighted).toBe(true);
  });
});

describe('reduceEdge', () => {
  it('hides invisible edges and styles by kind and weight', () => {
    const v = computeVisibility(graph, state({ edgeKinds: ['interaction'] }));
    const co = `co_mention:${A}--${L}`;
    expect(reduceEdge(ctx({ visibility: v }), co, graph.getEdgeAttributes(co)).hidden).toBe(true);
    const call = reduceEdge(ctx({ visibility: v }), CALL, graph.getEdgeAttributes(CALL));
    expect(call.hidden).toBe(false);
    expect(call.color).toBe(EDGE_COLORS.interaction);
    expect(call.size).toBeGreaterThan(0);
  });

  it('hides edges outside the focus, and shows active (evidence) edges in the highlight colour', () => {
    const v = computeVisibility(graph, state());
    const n = neighbourhood(graph, 'org:arab-league', v);
    const c = ctx({ visibility: v, ...n, activeEdges: new Set([CALL]) });
    expect(reduceEdge(c, MEETING, graph.getEdgeAttributes(MEETING)).hidden).toBe(true);
    const call = reduceEdge(c, CALL, graph.getEdgeAttributes(CALL));
    expect(call.hidden).toBe(false);
    expect(call.color).toBe(HIGHLIGHT_EDGE);
    expect(n.focusEdges?.size).toBe(2);
  });

  it('leaves the graph exactly as it was after reducing every node and edge', () => {
    const before = graphDigest(graph);
    const v = computeVisibility(graph, state({ minWeight: 2 }));
    const c = ctx({ visibility: v, selected: L, ...neighbourhood(graph, L, v), lang: 'fa' });
    graph.forEachNode((node) => reduceNode(c, node, { ...graph.getNodeAttributes(node) }));
    graph.forEachEdge((edge) => reduceEdge(c, edge, { ...graph.getEdgeAttributes(edge) }));
    expect(graphDigest(graph)).toBe(before);
  });
});

describe('neighbourhood', () => {
  it('is empty for no node and follows only visible edges', () => {
    const v = computeVisibility(graph, state());
    expect(neighbourhood(graph, null, v).focus).toBeNull();
    const all = neighbourhood(graph, L, v);
    expect(all.focus).toEqual(
      new Set([
        L,
        A,
        'country:RU',
        'person:ayman-safadi',
        'place:gaza-strip',
        'person:vladimir-putin',
      ]),
    );
    const roles = neighbourhood(graph, L, computeVisibility(graph, state({ edgeKinds: ['role'] })));
    expect(roles.focus).toEqual(new Set([L, 'country:RU']));
  });
});
