import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { checkSerializedGraph, prepareGraph, withPositions } from '../src/data.ts';
import { graphDigest } from '../src/debug.ts';
import { viewToGexf } from '../src/export-gexf.ts';
import { computeVisibility } from '../src/filters.ts';
import { describeRelation, relationsOf } from '../src/relations.ts';
import { DEFAULT_VIEW_STATE } from '../src/types.ts';
import { fixtureGraph, makeFixture } from './fixtures/make-fixture.ts';

const graph = fixtureGraph();
const L = 'person:sergey-lavrov';

describe('viewToGexf', () => {
  it('writes GEXF 1.3 with only the visible actors and links', () => {
    const v = computeVisibility(graph, { ...DEFAULT_VIEW_STATE, kinds: ['person', 'country'] });
    const xml = viewToGexf(graph, v, { color: 'kind', lang: 'ar' });
    expect(xml).toMatch(/<gexf[^>]+version="1\.3"/);
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
    const back = parse(MultiGraph, xml);
    expect(back.order).toBe(v.nodes.size);
    expect(back.size).toBe(v.edges.size);
    expect(back.order).toBeLessThan(graph.order);
    expect(back.getNodeAttribute(L, 'label')).toBe('سيرغي لافروف');
    expect(back.getNodeAttribute(L, 'kind')).toBe('person');
    expect(back.hasNode('place:gaza-strip')).toBe(false);
  });

  it('keeps direction: directed interactions stay directed, co-mentions undirected', () => {
    const v = computeVisibility(graph, DEFAULT_VIEW_STATE);
    const back = parse(MultiGraph, viewToGexf(graph, v, { color: 'community', lang: 'en' }));
    const meeting = 'interaction:meeting:person:ayman-safadi->person:sergey-lavrov';
    expect(back.isDirected(meeting)).toBe(true);
    expect(
      back.isUndirected('co_mention:person:hossein-amir-abdollahian--person:sergey-lavrov'),
    ).toBe(true);
  });

  it('does not touch the graph and gives the same bytes twice', () => {
    const before = graphDigest(graph);
    const v = computeVisibility(graph, DEFAULT_VIEW_STATE);
    const a = viewToGexf(graph, v, { color: 'kind', lang: 'en' });
    expect(viewToGexf(graph, v, { color: 'kind', lang: 'en' })).toBe(a);
    expect(graphDigest(graph)).toBe(before);
  });
});

describe('prepareGraph', () => {
  it('builds a mixed multigraph from graph.json', () => {
    const { graph: g, placed } = prepareGraph(makeFixture().graph);
    expect(placed).toBe(0);
    expect(g.type).toBe('mixed');
    expect(g.multi).toBe(true);
    expect(g.order).toBe(14);
  });

  it('refuses things that are not a graph export, with a viewer: message', () => {
    expect(() => checkSerializedGraph([])).toThrow(/^viewer: /);
    expect(() => checkSerializedGraph({ nodes: [] })).toThrow(/nodes.*edges/);
    expect(() =>
      checkSerializedGraph({ nodes: [{ key: 'a', attributes: {} }], edges: [] }),
    ).toThrow(/has no kind or label/);
  });

  it('puts nodes without finite positions on a seeded circle around the others', () => {
    const nodes = [
      { key: 'a', attributes: { x: 0, y: 0, size: 3 } },
      { key: 'b', attributes: { x: 10, y: 10, size: 3 } },
      { key: 'c', attributes: { x: Number.NaN, y: 1, size: 3 } },
      { key: 'd', attributes: { size: 0 } },
    ];
    const one = withPositions(nodes, 7);
    const two = withPositions(nodes, 7);
    expect(one.placed).toBe(2);
    expect(one).toEqual(two);
    for (const n of one.nodes) {
      expect(Number.isFinite(n.attributes.x)).toBe(true);
      expect(Number.isFinite(n.attributes.y)).toBe(true);
      expect(n.attributes.size as number).toBeGreaterThan(0);
    }
    const c = one.nodes[2]!.attributes as { x: number; y: number };
    expect(Math.hypot(c.x - 5, c.y - 5)).toBeGreaterThan(5); // outside the others' box
    expect(nodes[2]!.attributes.x).toBeNaN(); // input untouched
  });
});

describe('relationsOf', () => {
  it('gives one relation per neighbour and kind/action, interactions first', () => {
    const rels = relationsOf(graph, L);
    expect(rels.map((r) => `${r.neighborLabel}|${describeRelation(r.kind, r.action)}`)).toEqual([
      'Ayman Safadi|meeting',
      'Hossein Amir-Abdollahian|phone call',
      'Russia|role: foreign minister',
      'Gaza Strip|co-mention',
      'Ayman Safadi|co-mention',
      'Hossein Amir-Abdollahian|co-mention',
      'Vladimir Putin|co-mention',
    ]);
    const meeting = rels[0]!;
    expect(meeting.direction).toBe('in');
    expect(rels[2]!.direction).toBe('out');
    expect(rels[1]!.direction).toBe('both');
  });

  it('limits to visible edges when asked', () => {
    const v = computeVisibility(graph, { ...DEFAULT_VIEW_STATE, edgeKinds: ['role'] });
    expect(relationsOf(graph, L, v.edges)).toHaveLength(1);
    expect(relationsOf(graph, 'nope')).toEqual([]);
  });

  it('merges parallel edges of the same kind and action', () => {
    const g = prepareGraph(makeFixture().graph).graph;
    const co = 'co_mention:person:hossein-amir-abdollahian--person:sergey-lavrov';
    const attrs = g.getEdgeAttributes(co);
    g.addUndirectedEdgeWithKey('dup', L, 'person:hossein-amir-abdollahian', {
      ...attrs,
      weight: 5,
    });
    const rel = relationsOf(g, L).find(
      (r) => r.kind === 'co_mention' && r.neighbor.includes('abdollahian'),
    )!;
    expect(rel.edges).toEqual([co, 'dup'].sort());
    expect(rel.weight).toBe(attrs.weight + 5);
  });
});
