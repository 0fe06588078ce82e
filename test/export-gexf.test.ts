import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, NodeAttributes } from '../graph-schema/schema.ts';
import { daysToSpells, formatOffice, toDynamicGEXF, toGEXF, toJSON } from '../src/export/index.ts';
import { childElements, parseXml, type XmlElement } from '../src/export/xml.ts';
import {
  FIXTURE_ARTICLE_DATES,
  makeFixtureGraph,
  makeUndirectedFixtureGraph,
} from './fixtures/graphs/fixture-graph.ts';
import { networkx, readWithNetworkx, validateGexf, xmllint } from './fixtures/graphs/tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'diplograph-gexf-'));
const graph = makeFixtureGraph();
const articleDates = new Map(FIXTURE_ARTICLE_DATES);
const staticText = toGEXF(graph);
const dynamicText = toDynamicGEXF(graph, { articleDates });
const staticPath = join(dir, 'graph.gexf');
const dynamicPath = join(dir, 'graph.dynamic.gexf');
writeFileSync(staticPath, staticText);
writeFileSync(dynamicPath, dynamicText);
const serialized = JSON.parse(toJSON(graph)) as {
  nodes: { key: string }[];
  edges: { key: string; undirected?: boolean }[];
};

const hex = (rgb: unknown) => {
  const m = /^rgb\((\d+),(\d+),(\d+)\)$/.exec(String(rgb));
  if (!m) return String(rgb);
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
};

/** A graph whose strings hold everything XML makes hard. */
function hostileGraph() {
  const g = makeFixtureGraph();
  g.mergeNodeAttributes('country:QA', {
    label: 'قطر "الدوحة" \'x\' <b> & \u0001bell\ttab',
    aliases: [
      'a, b',
      'c; d',
      'quote " and \' both',
      'back\\slash',
      'line\nbreak',
      '\uFFFFbad\uD800',
    ],
  });
  return g;
}

describe('export/gexf: GEXF 1.3 grammar (xmllint)', () => {
  it.runIf(xmllint.run)('static graph.gexf validates', () => {
    const r = validateGexf(staticPath);
    expect(r.ok, r.output).toBe(true);
  });

  it.runIf(xmllint.run)('dynamic graph.dynamic.gexf validates', () => {
    const r = validateGexf(dynamicPath);
    expect(r.ok, r.output).toBe(true);
  });

  it.runIf(xmllint.run)('strings with quotes, <, &, control characters still validate', () => {
    const path = join(dir, 'hostile.gexf');
    writeFileSync(path, toGEXF(hostileGraph()));
    const r = validateGexf(path);
    expect(r.ok, r.output).toBe(true);
  });

  it.runIf(xmllint.run)(
    'the check can fail: graph attributes as <meta> children are rejected',
    () => {
      const path = join(dir, 'broken.gexf');
      writeFileSync(path, staticText.replace('<meta>', '<meta>\n    <name>x</name>'));
      expect(validateGexf(path).ok).toBe(false);
    },
  );
});

describe('export/gexf: read back by graphology-gexf', () => {
  for (const [name, text] of [
    ['static', staticText],
    ['dynamic', dynamicText],
  ] as const) {
    it(`${name}: same nodes, edges, directions, labels, colours, positions, sizes`, () => {
      const back = gexf.parse(MultiGraph, text);
      expect(back.type).toBe('directed');
      expect(back.order).toBe(graph.order);
      expect(back.size).toBe(graph.size);
      graph.forEachNode((key, a) => {
        const b = back.getNodeAttributes(key);
        expect(b.label).toBe(a.label);
        expect(hex(b.color)).toBe(a.color);
        expect([b.x, b.y, b.size]).toEqual([a.x, a.y, a.size]);
        expect(b.kind).toBe(a.kind);
        expect(b.labels_ar).toBe(a.labels.ar);
        expect(b.labels_fa).toBe(a.labels.fa);
        expect(b.aliases).toEqual(a.aliases);
        expect(b.articles).toEqual(a.articles);
        expect(b.offices).toEqual(a.offices.map(formatOffice));
        expect(b.candidate).toBe(a.candidate);
        expect([b.pagerank, b.betweenness, b.community]).toEqual([
          a.pagerank,
          a.betweenness,
          a.community,
        ]);
      });
      graph.forEachEdge((key, a, source, target) => {
        expect(back.source(key)).toBe(source);
        expect(back.target(key)).toBe(target);
        // One direction per file (networkx reads no mixed graphs): the edge's is a column.
        expect(back.getEdgeAttribute(key, 'directed')).toBe(graph.isDirected(key));
        const b = back.getEdgeAttributes(key);
        expect(b.kind).toBe(a.kind);
        expect(b.weight).toBe(a.weight);
        expect(b.articles).toEqual(a.articles);
        expect(b.dates).toEqual(a.dates);
        expect(b.topics).toEqual(a.topics);
        expect(b.evidence_sample).toBe(a.evidence[0]?.text);
      });
    });
  }

  it('keeps Arabic and Persian labels and the multi-line evidence sample', () => {
    const back = gexf.parse(MultiGraph, staticText);
    expect(back.getNodeAttribute('person:cand-أبو-علي-الحسن', 'label')).toBe('أبو علي الحسن');
    expect(back.getNodeAttribute('person:hossein-amir-abdollahian', 'labels_fa')).toBe(
      'حسین امیرعبداللهیان',
    );
    const call = 'interaction:phone_call:person:hossein-amir-abdollahian|person:sergey-lavrov';
    expect(back.getEdgeAttribute(call, 'evidence_sample')).toContain('لافروف،\nتناول');
  });

  it('hostile strings: lists with commas and quotes come back item by item; invalid chars dropped', () => {
    const back = gexf.parse(MultiGraph, toGEXF(hostileGraph()));
    const qa = back.getNodeAttributes('country:QA');
    expect(qa.label).toBe('قطر "الدوحة" \'x\' <b> & bell\ttab');
    expect(qa.aliases).toEqual([
      'a, b',
      'c; d',
      'quote " and \' both',
      'back\\slash',
      'line\nbreak',
      'bad',
    ]);
  });
});

function elementsById(root: XmlElement, container: string, tag: string): Map<string, XmlElement> {
  const graphElement = childElements(root, 'graph')[0]!;
  const out = new Map<string, XmlElement>();
  for (const el of childElements(childElements(graphElement, container)[0]!, tag)) {
    out.set(el.attributes.id!, el);
  }
  return out;
}

/** [start, end] of each spell of an element (none when it has no <spells>). */
function spellsOf(el: XmlElement | undefined): (string | undefined)[][] {
  const spells = childElements(el!, 'spells')[0];
  if (!spells) return [];
  return childElements(spells, 'spell').map((s) => [s.attributes.start, s.attributes.end]);
}

describe('export/gexf: directions', () => {
  it('declares one direction for the file and gives each edge its own in the directed column', () => {
    const root = parseXml(staticText);
    expect(childElements(root, 'graph')[0]!.attributes.defaultedgetype).toBe('directed');
    const edges = elementsById(root, 'edges', 'edge');
    expect(serialized.edges.some((e) => e.undirected)).toBe(true);
    for (const e of serialized.edges) {
      const el = edges.get(e.key)!;
      expect(el.attributes.type).toBeUndefined();
      const values = childElements(childElements(el, 'attvalues')[0]!, 'attvalue');
      const directed = values.find((v) => v.attributes.for === 'directed')?.attributes.value;
      expect(directed).toBe(String(!e.undirected));
    }
  });

  it('an all-undirected graph is declared undirected', () => {
    const g = makeFixtureGraph();
    for (const key of g.directedEdges()) g.dropEdge(key);
    const root = parseXml(toGEXF(g));
    expect(childElements(root, 'graph')[0]!.attributes.defaultedgetype).toBe('undirected');
  });

  it('an all-directed graph is declared directed with no per-edge type', () => {
    const g = makeFixtureGraph();
    for (const key of g.undirectedEdges()) g.dropEdge(key);
    const root = parseXml(toGEXF(g));
    expect(childElements(root, 'graph')[0]!.attributes.defaultedgetype).toBe('directed');
    expect([...elementsById(root, 'edges', 'edge').values()].every((e) => !e.attributes.type)).toBe(
      true,
    );
  });

  it('parallel edges keep distinct Gephi kinds (role:<office>, interaction:<action>)', () => {
    const edges = elementsById(parseXml(staticText), 'edges', 'edge');
    const kinds = [...edges.values()].map((e) => e.attributes.kind);
    expect(kinds).toContain('interaction:phone_call');
    expect(kinds).toContain('interaction:meeting');
    expect(kinds).toContain('role:foreign_minister');
    expect(kinds).toContain('co_mention');
  });
});

describe('export/dynamic-gexf: spells', () => {
  const root = parseXml(dynamicText);
  const nodes = elementsById(root, 'nodes', 'node');
  const edges = elementsById(root, 'edges', 'edge');

  it('declares a dynamic graph with date time format and the covered span', () => {
    const g = childElements(root, 'graph')[0]!.attributes;
    expect(g).toMatchObject({
      mode: 'dynamic',
      timeformat: 'date',
      start: '2023-11-04',
      end: '2023-11-09',
    });
  });

  it('merges consecutive days; node spells include their interactions’ event dates', () => {
    // Lavrov: articles on 11-05, 11-05, 11-06; call dated 11-04 and 11-05; meeting on 11-08.
    expect(spellsOf(nodes.get('person:sergey-lavrov'))).toEqual([
      ['2023-11-04', '2023-11-06'],
      ['2023-11-08', '2023-11-08'],
    ]);
    expect(spellsOf(nodes.get('country:IR'))).toEqual([
      ['2023-11-05', '2023-11-05'],
      ['2023-11-09', '2023-11-09'],
    ]);
    const call = 'interaction:phone_call:person:hossein-amir-abdollahian|person:sergey-lavrov';
    expect(spellsOf(edges.get(call))).toEqual([['2023-11-04', '2023-11-05']]);
    const meeting = 'interaction:meeting:person:hossein-amir-abdollahian|person:sergey-lavrov';
    expect(spellsOf(edges.get(meeting))).toEqual([
      ['2023-11-06', '2023-11-06'],
      ['2023-11-08', '2023-11-08'],
    ]);
  });

  it('undated nodes and edges get no spells (present at all times)', () => {
    for (const key of ['org:arab-league', 'person:cand-أبو-علي-الحسن', 'place:rafah-crossing']) {
      expect(childElements(nodes.get(key)!, 'spells')).toHaveLength(0);
    }
    const undated = 'co_mention:person:cand-أبو-علي-الحسن|place:rafah-crossing';
    expect(childElements(edges.get(undated)!, 'spells')).toHaveLength(0);
  });

  it('without article dates only event dates give spells; with none, no time bounds', () => {
    const g = makeUndirectedFixtureGraph();
    const only = parseXml(toDynamicGEXF(g, { articleDates: new Map() }));
    expect(childElements(only, 'graph')[0]!.attributes).toMatchObject({
      start: '2023-11-08',
      end: '2023-11-08',
    });
    const onlyNodes = elementsById(only, 'nodes', 'node');
    expect(spellsOf(onlyNodes.get('person:sergey-lavrov'))).toEqual([['2023-11-08', '2023-11-08']]);
    expect(spellsOf(onlyNodes.get('country:IR'))).toEqual([]);

    g.forEachEdge((key) => g.removeEdgeAttribute(key, 'dates'));
    const none = childElements(
      parseXml(toDynamicGEXF(g, { articleDates: new Map() })),
      'graph',
    )[0]!;
    expect(none.attributes.start).toBeUndefined();
    expect(none.attributes.mode).toBe('dynamic');
  });

  it('rejects article dates that are not calendar days', () => {
    expect(() =>
      toDynamicGEXF(graph, { articleDates: new Map([['ar-2023-11-05-call', '2023-02-30']]) }),
    ).toThrow(/^export: invalid toDynamicGEXF options/);
  });

  it('daysToSpells: sorted, deduplicated, merged across month and leap-day boundaries', () => {
    expect(
      daysToSpells([
        '2024-03-01',
        '2023-12-01',
        '2023-11-30',
        '2024-02-29',
        '2023-11-30',
        '2024-02-28',
        '2023-12-03',
        'not-a-day',
        '2023-02-29',
      ]),
    ).toEqual([
      ['2023-11-30', '2023-12-01'],
      ['2023-12-03', '2023-12-03'],
      ['2024-02-28', '2024-03-01'],
    ]);
    expect(daysToSpells([])).toEqual([]);
  });
});

describe('export/gexf: determinism', () => {
  it('same bytes for the same content, whatever the insertion order', () => {
    const reversed = makeFixtureGraph('reversed');
    expect(toGEXF(reversed)).toBe(staticText);
    expect(toDynamicGEXF(reversed, { articleDates })).toBe(dynamicText);
    expect(toGEXF(makeFixtureGraph())).toBe(staticText);
  });
});

describe('export/gexf: networkx reads it', () => {
  it.runIf(networkx.run)('plain nx.read_gexf: same node and edge counts as graph.json', () => {
    for (const path of [staticPath, dynamicPath]) {
      const nx = readWithNetworkx('gexf', path, 'plain');
      expect(nx.node_count).toBe(serialized.nodes.length);
      expect(nx.edge_count).toBe(serialized.edges.length);
      expect(nx.multigraph).toBe(true);
      expect(nx.directed).toBe(true);
    }
  });

  it.runIf(networkx.run)('labels, typed columns and viz as networkx sees them', () => {
    const nx = readWithNetworkx('gexf', staticPath, 'plain');
    graph.forEachNode((key, a: NodeAttributes) => {
      const n = nx.nodes[key]!;
      expect(n.label).toBe(a.label);
      expect(n.types).toMatchObject({
        pagerank: 'float',
        betweenness: 'float',
        article_count: 'int',
        candidate: 'bool',
        aliases: 'str',
      });
      expect(n.values.pagerank).toBe(a.pagerank);
      const c = Number.parseInt(a.color.slice(1), 16);
      expect(n.viz?.color).toMatchObject({ r: c >> 16, g: (c >> 8) & 255, b: c & 255 });
      expect(n.viz?.position).toMatchObject({ x: a.x, y: a.y });
    });
    const byKey = new Map(nx.edges.map((e) => [e.key, e]));
    graph.forEachEdge((key, a: EdgeAttributes) => {
      expect(byKey.get(key)?.values.weight).toBe(a.weight);
      expect(byKey.get(key)?.values.kind).toBe(a.kind);
    });
  });

  it.runIf(networkx.run)('a single-direction graph reads with plain nx.read_gexf', () => {
    const path = join(dir, 'undirected.gexf');
    const g = makeUndirectedFixtureGraph();
    writeFileSync(path, toGEXF(g));
    const nx = readWithNetworkx('gexf', path, 'plain');
    expect([nx.node_count, nx.edge_count, nx.directed]).toEqual([g.order, g.size, false]);
  });
});
