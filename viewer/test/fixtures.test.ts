import { describe, expect, it } from 'vitest';
import {
  BuildReport,
  EvidenceRecord,
  EDGE_KINDS as SCHEMA_EDGE_KINDS,
  ENTITY_KINDS as SCHEMA_ENTITY_KINDS,
  SerializedGraph,
} from '../../graph-schema/schema.ts';
import { EDGE_KINDS, ENTITY_KINDS } from '../src/types.ts';
import { makeBigGraph } from './fixtures/make-big.ts';
import { HOSTILE_ARTICLE, HOSTILE_SCRIPT, makeFixture } from './fixtures/make-fixture.ts';

describe('viewer kinds', () => {
  it('match graph-schema', () => {
    expect(ENTITY_KINDS).toEqual(SCHEMA_ENTITY_KINDS);
    expect(EDGE_KINDS).toEqual(SCHEMA_EDGE_KINDS);
  });
});

describe('fixture output folder', () => {
  const fx = makeFixture();

  it('is schema-valid (graph, every evidence line, report)', () => {
    SerializedGraph.parse(fx.graph);
    for (const r of fx.evidence) EvidenceRecord.parse(r);
    BuildReport.parse(fx.report);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(makeFixture())).toBe(JSON.stringify(fx));
  });

  it('has Arabic, Persian and English actors, a hostile article and a capped edge', () => {
    const lavrov = fx.graph.nodes.find((n) => n.key === 'person:sergey-lavrov')!.attributes;
    expect(lavrov.labels).toEqual({ en: 'Sergey Lavrov', ar: 'سيرغي لافروف', fa: 'سرگئی لاوروف' });
    const texts = fx.evidence.map((r) => r.text).join('\n');
    expect(texts).toContain(HOSTILE_SCRIPT);
    expect(texts).toContain(HOSTILE_ARTICLE);
    expect(fx.evidence.some((r) => r.article === HOSTILE_ARTICLE)).toBe(true);
    expect(
      fx.graph.edges.some((e) => e.attributes.evidence.length < e.attributes.evidence_total),
    ).toBe(true);
    for (const e of fx.graph.edges) {
      expect(fx.evidence.filter((r) => r.edge === e.key)).toHaveLength(e.attributes.evidence_total);
      expect(e.attributes.weight).toBe(e.attributes.article_count);
    }
  });

  it('cuts evidence from the articles at the recorded offsets', () => {
    for (const r of fx.evidence) expect(r.end - r.start).toBe(r.text.length);
  });
});

describe('synthetic big graph', () => {
  it('is schema-valid, seeded and of the requested size', () => {
    const a = makeBigGraph({ nodes: 300, edges: 1200, seed: 3 });
    SerializedGraph.parse(a.graph);
    expect(a.graph.nodes).toHaveLength(300);
    expect(a.graph.edges).toHaveLength(1200);
    expect(a.evidence).toHaveLength(1200);
    expect(JSON.stringify(makeBigGraph({ nodes: 300, edges: 1200, seed: 3 }))).toBe(
      JSON.stringify(a),
    );
    expect(JSON.stringify(makeBigGraph({ nodes: 300, edges: 1200, seed: 4 }).graph)).not.toBe(
      JSON.stringify(a.graph),
    );
    const scripts = a.graph.nodes.map((n) => n.attributes.labels.fa ?? '');
    expect(scripts.every((s) => /[\u0600-\u06ff]/.test(s))).toBe(true);
  });
});
