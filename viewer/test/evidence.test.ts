import { describe, expect, it } from 'vitest';
import { EvidenceIndexBuilder, evidenceForEdges, loadEvidenceIndex } from '../src/evidence.ts';
import { fixtureGraph, HOSTILE_ARTICLE, makeFixture } from './fixtures/make-fixture.ts';

const fx = makeFixture();
const graph = fixtureGraph();
const jsonl = fx.evidence.map((r) => `${JSON.stringify(r)}\n`).join('');
const CALL = 'interaction:phone_call:person:sergey-lavrov--person:hossein-amir-abdollahian';
const MEETING = 'interaction:meeting:person:ayman-safadi->person:sergey-lavrov';

describe('EvidenceIndexBuilder', () => {
  it('indexes every record by edge whatever the chunking', () => {
    for (const size of [1, 7, 64, 1000, jsonl.length]) {
      const b = new EvidenceIndexBuilder();
      for (let i = 0; i < jsonl.length; i += size) b.push(jsonl.slice(i, i + size));
      const idx = b.end();
      expect(b.records).toBe(fx.evidence.length);
      expect(b.bad).toBe(0);
      expect(idx.get(CALL)).toHaveLength(4);
    }
  });

  it('skips blank and malformed lines and keeps going', () => {
    const b = new EvidenceIndexBuilder();
    b.push('\n{"edge":"e1","article":"a","text":"نص","start":0,"end":2}\nnot json\n{"edge":5}\n');
    b.push('{"edge":"e1","article":"b","text":"متن","date":"2023-11-02","start":3,"end":6}');
    const idx = b.end();
    expect(b.bad).toBe(2);
    expect(idx.get('e1')?.map((e) => e.text)).toEqual(['نص', 'متن']);
    expect(idx.get('e1')?.[1]?.date).toBe('2023-11-02');
  });
});

describe('loadEvidenceIndex', () => {
  it('streams the body, decoding UTF-8 split inside characters', async () => {
    const bytes = new TextEncoder().encode(jsonl);
    const fake = (async () =>
      new Response(
        new ReadableStream({
          start(c) {
            for (let i = 0; i < bytes.length; i += 5) c.enqueue(bytes.slice(i, i + 5));
            c.close();
          },
        }),
      )) as unknown as typeof fetch;
    const idx = await loadEvidenceIndex('data/evidence.jsonl', fake);
    expect(idx?.get(CALL)?.map((e) => e.text)).toEqual(
      fx.evidence.filter((r) => r.edge === CALL).map((r) => r.text),
    );
  });

  it('resolves null when the file is missing or the fetch fails', async () => {
    const missing = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    expect(await loadEvidenceIndex('x', missing)).toBeNull();
    const broken = (async () => {
      throw new Error('offline');
    }) as unknown as typeof fetch;
    expect(await loadEvidenceIndex('x', broken)).toBeNull();
  });
});

describe('evidenceForEdges', () => {
  const b = new EvidenceIndexBuilder();
  b.push(jsonl);
  const index = b.end();

  it('uses the complete evidence when the index has it', () => {
    const ev = evidenceForEdges(graph, [CALL], index);
    expect(graph.getEdgeAttribute(CALL, 'evidence')).toHaveLength(2); // the capped sample
    expect(ev.items).toHaveLength(4);
    expect(ev.total).toBe(4);
    expect(ev.complete).toBe(true);
    expect(ev.fromIndex).toBe(true);
    expect(ev.items.some((e) => /گفت‌وگو/.test(e.text))).toBe(true);
  });

  it('falls back to the capped sample and says it is incomplete', () => {
    const ev = evidenceForEdges(graph, [CALL], null);
    expect(ev.items).toHaveLength(2);
    expect(ev.complete).toBe(false);
    expect(ev.fromIndex).toBe(false);
  });

  it('merges parallel edges without duplicates, sorted by date, article, offset', () => {
    const co = 'co_mention:person:hossein-amir-abdollahian--person:sergey-lavrov';
    const ev = evidenceForEdges(graph, [CALL, co], index);
    expect(ev.total).toBe(6);
    expect(ev.items).toHaveLength(4); // the co-mention sentences are the call's sentences
    const keys = ev.items.map((e) => `${e.date}|${e.article}|${String(e.start).padStart(6, '0')}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('keeps hostile text as data', () => {
    const ev = evidenceForEdges(graph, [MEETING], index);
    expect(ev.items.map((e) => e.article)).toContain(HOSTILE_ARTICLE);
    expect(ev.items.some((e) => e.text.includes('<script>'))).toBe(true);
  });

  it('ignores unknown edges', () => {
    expect(evidenceForEdges(graph, ['nope'], index)).toEqual({
      items: [],
      total: 0,
      complete: true,
      fromIndex: false,
    });
  });
});
