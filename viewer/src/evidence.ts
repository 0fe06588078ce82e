/**
 * viewer/evidence — the sentences behind an edge. graph.json keeps a capped sample per edge; the
 * complete set is in evidence.jsonl, which is streamed and parsed once, line by line, into an index
 * by edge key. When that file is missing or unreadable the viewer falls back to the sample.
 */
import type { DiploGraph, Evidence, EvidenceRecord } from './types.ts';

/** Incremental parser of evidence.jsonl text chunks into records grouped by edge key. */
export class EvidenceIndexBuilder {
  readonly byEdge = new Map<string, Evidence[]>();
  /** Lines that were not a JSON object with string `edge`, `article` and `text`. */
  bad = 0;
  records = 0;
  private rest = '';

  /** Feed a chunk of text (any split, including mid-line or mid-character-sequence). */
  push(chunk: string): void {
    const text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      this.line(text.slice(start, nl));
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  /** Flush the last line and return the index. */
  end(): Map<string, Evidence[]> {
    if (this.rest) this.line(this.rest);
    this.rest = '';
    return this.byEdge;
  }

  private line(raw: string): void {
    const line = raw.trim();
    if (!line) return;
    let rec: Partial<EvidenceRecord>;
    try {
      rec = JSON.parse(line) as Partial<EvidenceRecord>;
    } catch {
      this.bad++;
      return;
    }
    if (
      !rec ||
      typeof rec !== 'object' ||
      typeof rec.edge !== 'string' ||
      typeof rec.article !== 'string' ||
      typeof rec.text !== 'string'
    ) {
      this.bad++;
      return;
    }
    const ev: Evidence = {
      article: rec.article,
      text: rec.text,
      start: typeof rec.start === 'number' ? rec.start : 0,
      end: typeof rec.end === 'number' ? rec.end : 0,
    };
    if (typeof rec.date === 'string') ev.date = rec.date;
    const list = this.byEdge.get(rec.edge);
    if (list) list.push(ev);
    else this.byEdge.set(rec.edge, [ev]);
    this.records++;
  }
}

/**
 * Fetch and index evidence.jsonl, streaming the body. Resolves null when the file is absent
 * (404) or cannot be read, so callers fall back to the samples in graph.json.
 */
export async function loadEvidenceIndex(
  url: string,
  fetchFn: typeof fetch = fetch,
): Promise<Map<string, Evidence[]> | null> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const builder = new EvidenceIndexBuilder();
  const decoder = new TextDecoder('utf-8');
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      builder.push(decoder.decode(value, { stream: true }));
    }
    builder.push(decoder.decode());
  } else {
    builder.push(await res.text());
  }
  return builder.end();
}

/** Evidence for a set of edges, deduplicated and in a stable order. */
export interface EdgeEvidence {
  items: Evidence[];
  /** Sum of `evidence_total` over the edges (what the build counted). */
  total: number;
  /** False when some edge had more evidence than its capped sample and no full record. */
  complete: boolean;
  /** True when at least one edge's evidence came from evidence.jsonl. */
  fromIndex: boolean;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  if (a.article !== b.article) return a.article < b.article ? -1 : 1;
  return a.start - b.start || a.end - b.end;
}

/** Gather the evidence of `edges`: the full index when available, else each edge's sample. */
export function evidenceForEdges(
  graph: DiploGraph,
  edges: readonly string[],
  index: Map<string, Evidence[]> | null,
): EdgeEvidence {
  const seen = new Set<string>();
  const items: Evidence[] = [];
  let total = 0;
  let complete = true;
  let fromIndex = false;
  for (const e of edges) {
    if (!graph.hasEdge(e)) continue;
    const attrs = graph.getEdgeAttributes(e);
    total += attrs.evidence_total;
    const full = index?.get(e);
    let list: readonly Evidence[];
    if (full) {
      list = full;
      fromIndex = true;
    } else {
      list = attrs.evidence;
      if (attrs.evidence.length < attrs.evidence_total) complete = false;
    }
    for (const ev of list) {
      const id = `${ev.article}\u0000${ev.start}\u0000${ev.end}\u0000${ev.text}`;
      if (seen.has(id)) continue;
      seen.add(id);
      items.push(ev);
    }
  }
  items.sort(compareEvidence);
  return { items, total, complete, fromIndex };
}
