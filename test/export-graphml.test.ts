import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerializedGraph } from '../graph-schema/schema.ts';
import { type CorpusGraph, parseGraphML, toGraphML, toJSON } from '../src/export/index.ts';
import { childElements, parseXml } from '../src/export/xml.ts';
import { makeFixtureGraph, makeUndirectedFixtureGraph } from './fixtures/graphs/fixture-graph.ts';
import { networkx, readWithNetworkx } from './fixtures/graphs/tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'diplograph-graphml-'));
const graph = makeFixtureGraph();
const text = toGraphML(graph);
const path = join(dir, 'graph.graphml');
writeFileSync(path, text);

describe('export/graphml', () => {
  it('round-trips through parseGraphML: every attribute, with its type, and every direction', () => {
    const back = parseGraphML(text);
    expect(back.type).toBe('mixed');
    expect(back.multi).toBe(true);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(back.getAttributes()).toEqual(graph.getAttributes());
    graph.forEachNode((key, attributes) => {
      expect(back.getNodeAttributes(key)).toEqual(attributes);
    });
    graph.forEachEdge((key, attributes, source, target) => {
      expect(back.getEdgeAttributes(key)).toEqual(attributes);
      expect([back.source(key), back.target(key)]).toEqual([source, target]);
      expect(back.isDirected(key)).toBe(graph.isDirected(key));
    });
    // …so the round trip is lossless for graph.json too, and still satisfies the schema.
    const backJSON = toJSON(back as unknown as CorpusGraph);
    expect(backJSON).toBe(toJSON(graph));
    expect(SerializedGraph.safeParse(JSON.parse(backJSON)).success).toBe(true);
  });

  it('declares typed keys for every attribute, lists marked attr.list', () => {
    const root = parseXml(text);
    const keys = new Map(
      childElements(root, 'key').map((k) => [
        `${k.attributes.for}:${k.attributes['attr.name']}`,
        k,
      ]),
    );
    const type = (name: string) => keys.get(name)?.attributes['attr.type'];
    expect(type('node:pagerank')).toBe('double');
    expect(type('node:betweenness')).toBe('double');
    expect(type('node:mentions')).toBe('int');
    expect(type('node:candidate')).toBe('boolean');
    expect(type('node:labels_fa')).toBe('string');
    expect(type('edge:weight')).toBe('double');
    expect(type('edge:directed')).toBe('boolean');
    expect(type('graph:article_count')).toBe('int');
    expect(keys.get('node:aliases')?.attributes['attr.list']).toBe('string');
    expect(keys.get('edge:dates')?.attributes['attr.list']).toBe('string');
    expect(keys.get('edge:evidence')?.attributes['attr.list']).toBe('object');
    expect(keys.get('node:offices')?.attributes['attr.list']).toBe('object');
    // Every schema attribute of every node and edge has a key.
    graph.forEachNode((_k, a) => {
      for (const name of Object.keys(a)) {
        if (name === 'labels') continue;
        expect(keys.has(`node:${name}`), name).toBe(true);
      }
    });
    graph.forEachEdge((_k, a) => {
      for (const name of Object.keys(a)) expect(keys.has(`edge:${name}`), name).toBe(true);
    });
  });

  it('declares one direction for the file; each edge has its own in the directed key', () => {
    const root = parseXml(text);
    const g = childElements(root, 'graph')[0]!;
    expect(g.attributes.edgedefault).toBe('directed');
    const keyId = childElements(root, 'key').find(
      (k) => k.attributes.for === 'edge' && k.attributes['attr.name'] === 'directed',
    )?.attributes.id;
    expect(keyId).toBeDefined();
    let undirected = 0;
    for (const e of childElements(g, 'edge')) {
      expect(e.attributes.directed).toBeUndefined();
      const data = childElements(e, 'data').find((d) => d.attributes.key === keyId);
      const directed = graph.isDirected(e.attributes.id!);
      if (!directed) undirected++;
      expect(data?.text).toBe(String(directed));
    }
    expect(undirected).toBeGreaterThan(0);
  });

  it('keeps characters XML cannot carry inside lists (JSON escapes) and drops them elsewhere', () => {
    const g = makeFixtureGraph();
    g.setNodeAttribute('country:QA', 'aliases', ['bell\u0001', 'a, b; "c" <d> & e', 'line\r\nend']);
    g.setNodeAttribute('country:QA', 'label', 'قطر\u0001 "الدوحة"\r\n<&>');
    const back = parseGraphML(toGraphML(g));
    expect(back.getNodeAttribute('country:QA', 'aliases')).toEqual([
      'bell\u0001',
      'a, b; "c" <d> & e',
      'line\r\nend',
    ]);
    expect(back.getNodeAttribute('country:QA', 'label')).toBe('قطر "الدوحة"\r\n<&>');
  });

  it('reads GraphML from other tools: key defaults, for="all", missing ids, CDATA, comments', () => {
    const other = `<?xml version="1.0"?>
<!-- written by hand -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="weight" attr.type="float"><default>1.5</default></key>
  <key id="d1" for="all" attr.name="note" attr.type="string"/>
  <key id="d2" for="edge" attr.name="ok" attr.type="boolean"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d1"><![CDATA[<ليس> & وسم]]></data></node>
    <node id="b"><data key="d0">2</data></node>
    <edge source="a" target="b"><data key="d2">1</data></edge>
    <edge source="b" target="a" directed="false"/>
  </graph>
</graphml>`;
    const g = parseGraphML(other);
    expect(g.getNodeAttributes('a')).toEqual({ weight: 1.5, note: '<ليس> & وسم' });
    expect(g.getNodeAttributes('b')).toEqual({ weight: 2 });
    expect(g.directedSize).toBe(1);
    expect(g.undirectedSize).toBe(1);
    expect(g.getEdgeAttributes(g.directedEdges()[0]!)).toEqual({ ok: true });
  });

  it('reports malformed input with the module prefix', () => {
    expect(() => parseGraphML('<graphml><graph></graphml>')).toThrow(/^export: /);
    expect(() => parseGraphML('<gexf/>')).toThrow(/^export: not a GraphML document/);
    expect(() =>
      parseGraphML(
        '<graphml><key id="k" for="node" attr.name="n" attr.type="int"/><graph><node id="a"><data key="k">1.5</data></node></graph></graphml>',
      ),
    ).toThrow(/^export: graphml node a key n is not an integer/);
  });

  it('is byte-identical whatever the insertion order', () => {
    expect(toGraphML(makeFixtureGraph('reversed'))).toBe(text);
    expect(toGraphML(makeFixtureGraph())).toBe(text);
  });

  it.runIf(networkx.run)('networkx reads it: same node and edge counts as graph.json', () => {
    const json = JSON.parse(toJSON(graph)) as SerializedGraph;
    const nx = readWithNetworkx('graphml', path, 'plain');
    expect(nx.node_count).toBe(json.nodes.length);
    expect(nx.edge_count).toBe(json.edges.length);
    expect(nx.directed).toBe(true);
    const lavrov = nx.nodes['person:sergey-lavrov']!;
    expect(lavrov.values).toMatchObject({
      label: 'Sergey Lavrov',
      labels_ar: 'سيرغي لافروف',
      labels_fa: 'سرگئی لاوروف',
      pagerank: 0.163,
      candidate: false,
      mentions: 8,
    });
    expect(JSON.parse(String(lavrov.values.aliases))).toEqual(
      graph.getNodeAttribute('person:sergey-lavrov', 'aliases'),
    );
    expect(lavrov.types).toMatchObject({ pagerank: 'float', mentions: 'int', candidate: 'bool' });
    expect(nx.graph).toMatchObject({ name: 'diplograph fixture corpus', article_count: 5 });
  });

  it.runIf(networkx.run)('a single-direction graph reads with plain nx.read_graphml', () => {
    const p = join(dir, 'undirected.graphml');
    const g = makeUndirectedFixtureGraph();
    writeFileSync(p, toGraphML(g));
    const nx = readWithNetworkx('graphml', p, 'plain');
    expect([nx.node_count, nx.edge_count, nx.directed]).toEqual([g.order, g.size, false]);
  });
});
