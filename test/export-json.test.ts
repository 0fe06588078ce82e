import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { SerializedGraph } from '../graph-schema/schema.ts';
import { sortObjectKeys, toJSON } from '../src/export/index.ts';
import { makeFixtureGraph } from './fixtures/graphs/fixture-graph.ts';

describe('export/json', () => {
  it('writes graph.json that satisfies SerializedGraph', () => {
    const text = toJSON(makeFixtureGraph());
    const parsed = SerializedGraph.safeParse(JSON.parse(text));
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(parsed.data?.nodes).toHaveLength(13);
    expect(parsed.data?.edges).toHaveLength(12);
  });

  it('is graphology export: Graph.from restores the graph with directions and parallel edges', () => {
    const graph = makeFixtureGraph();
    const restored = MultiGraph.from(JSON.parse(toJSON(graph)));
    expect(restored.type).toBe('mixed');
    expect(restored.order).toBe(graph.order);
    expect(restored.size).toBe(graph.size);
    expect(restored.directedSize).toBe(5);
    expect(restored.undirectedSize).toBe(7);
    const pair = ['person:hossein-amir-abdollahian', 'person:sergey-lavrov'] as const;
    expect(restored.edges(...pair)).toHaveLength(3);
    graph.forEachNode((key, attributes) => {
      expect(restored.getNodeAttributes(key)).toEqual(attributes);
    });
    graph.forEachEdge((key, attributes) => {
      expect(restored.getEdgeAttributes(key)).toEqual(attributes);
      expect(restored.isDirected(key)).toBe(graph.isDirected(key));
    });
  });

  it('keeps Arabic, Persian (with ZWNJ) and newlines exactly', () => {
    const json = JSON.parse(toJSON(makeFixtureGraph())) as SerializedGraph;
    const abdollahian = json.nodes.find((n) => n.key === 'person:hossein-amir-abdollahian');
    expect(abdollahian?.attributes.aliases).toContain('امیر\u200cعبداللهیان');
    const call = json.edges.find((e) => e.key.startsWith('interaction:phone_call'));
    expect(call?.attributes.evidence[0]?.text).toContain('لافروف،\nتناول "التطورات الخطيرة"');
  });

  it('is byte-identical whatever the insertion order of nodes, edges and attribute keys', () => {
    const sorted = toJSON(makeFixtureGraph('sorted'));
    const reversed = toJSON(makeFixtureGraph('reversed'));
    expect(reversed).toBe(sorted);
    expect(toJSON(makeFixtureGraph())).toBe(sorted);
    expect(sorted.endsWith('}\n')).toBe(true);
    expect(sorted.split('\n')).toHaveLength(2);
  });

  it('indents on request and rejects a bad indent', () => {
    const graph = makeFixtureGraph();
    const pretty = toJSON(graph, { indent: 2 });
    expect(pretty).toContain('\n  "options": {');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(toJSON(graph)));
    expect(() => toJSON(graph, { indent: -1 })).toThrow(/^export: /);
  });

  it('sortObjectKeys sorts nested objects, keeps array order and drops undefined', () => {
    expect(JSON.stringify(sortObjectKeys({ b: 1, a: { d: [3, 1], c: undefined } }))).toBe(
      '{"a":{"d":[3,1]},"b":1}',
    );
  });
});
