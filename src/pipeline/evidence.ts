/**
 * pipeline/evidence — assembling evidence.jsonl and articles.jsonl once the corpus is read:
 * lines are copied from finished files (the old output of an update, then this run's lines)
 * into the final atomic stream, and evidence lines that name a merged candidate are re-keyed
 * to the candidate they were merged into. Files of any size: line by line, with backpressure.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EvidenceRecord } from '../../graph-schema/schema.ts';
import type { AtomicWriteStream } from '../export/index.ts';

/** The canonical key of an edge between `a` and `b`. */
export function edgeKey(
  kind: EvidenceRecord['kind'],
  a: string,
  b: string,
  office?: string,
  action?: string,
): string {
  return kind === 'role'
    ? `role:${office}:${a}->${b}`
    : kind === 'interaction'
      ? `interaction:${action}:${a}|${b}`
      : `co_mention:${a}|${b}`;
}

// Evidence lines are written by processOne with `edge, kind, source, target` first.
const ENDS = /"source":"((?:[^"\\]|\\.)*)","target":"((?:[^"\\]|\\.)*)"/;
const jsonString = (s: string) => (s.includes('\\') ? (JSON.parse(`"${s}"`) as string) : s);

/**
 * One evidence line with merged candidate ids replaced (and its edge re-keyed, ends re-sorted
 * as the merged edge is); the line itself when it names no merged candidate.
 */
export function remapEvidenceLine(line: string, remap: ReadonlyMap<string, string>): string {
  if (remap.size === 0) return line;
  const m = ENDS.exec(line);
  if (m && !remap.has(jsonString(m[1]!)) && !remap.has(jsonString(m[2]!))) return line;
  const r = JSON.parse(line) as EvidenceRecord;
  const s = remap.get(r.source) ?? r.source;
  const t = remap.get(r.target) ?? r.target;
  if (s === r.source && t === r.target) return line;
  const [a, b] = r.kind === 'role' || s < t ? [s, t] : [t, s];
  r.source = a;
  r.target = b;
  r.edge = edgeKey(r.kind, a, b, r.office, r.action);
  return JSON.stringify(r);
}

/**
 * Append the lines of the file at `path` to `out`, through `map` (raw bytes when there is
 * no map). Resolves with the number of lines (or bytes, for a raw copy).
 */
export async function appendFile(
  out: AtomicWriteStream,
  path: string,
  map?: (line: string) => string,
  signal?: AbortSignal,
): Promise<number> {
  if (!map) {
    let bytes = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      signal?.throwIfAborted();
      bytes += (chunk as Buffer).length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    return bytes;
  }
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  let buffer = '';
  for await (const line of lines) {
    if (!line) continue;
    buffer += `${map(line)}\n`;
    if (++n % 4096 === 0) {
      signal?.throwIfAborted();
      await out.put(buffer);
      buffer = '';
    }
  }
  await out.put(buffer);
  return n;
}
