/**
 * pipeline/state — the corpus accumulator saved to `<out>/state.jsonl.gz` so that
 * `build --update <out>` can add articles without reading the old ones again.
 *
 * Why the accumulator and not articles.jsonl + evidence.jsonl: what the graph needs of an
 * article is more than those files keep (the surface forms behind aliases, candidate names and
 * skeletons for cross-script merges, direction votes of interactions, office phrases read in
 * the text), and it is recorded before candidate merges, which an update may redo differently.
 * The state is the graph's own size (entities, edges, capped evidence, article positions), not
 * the corpus's: an update costs reading it back plus the new articles.
 *
 * Format: gzip'ed JSON lines — a header, then the article table in chunks (`a`), then nodes
 * (`n`) and edges (`e`) in the accumulator's insertion order, which `mergeCandidates` depends
 * on (restoring it keeps an update byte-identical to a full build).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import type { Evidence } from '../../graph-schema/schema.ts';
import { VERSION } from '../config/version.ts';
import type { AtomicWriteStream } from '../export/index.ts';
import type { Candidate } from '../extract/types.ts';
import {
  ArticleSet,
  ArticleTable,
  CorpusAccumulator,
  type EdgeData,
  LazySet,
  type NodeData,
} from '../graph/accumulate.ts';
import type { Lexicon } from '../lexicon/types.ts';
import { BUILTIN_CUES } from '../relate/index.ts';

/** File name of the state in the output folder. */
export const STATE_FILE = 'state.jsonl.gz';
const FORMAT = 'diplograph-state';
const FORMAT_VERSION = 1;
const ARTICLE_CHUNK = 10_000;

/** The options that decide what the accumulator holds: an update must keep them. */
export interface StateSettings {
  window: 'sentence' | 'paragraph' | 'article';
  evidenceCap: number;
  evidenceMaxChars: number;
  lexicon: string[];
  since?: string;
  until?: string;
}

/** Options of the build that made the state, besides `StateSettings` (inherited by updates). */
export interface StateBuildOptions {
  seed: number;
  layoutIterations?: number;
  betweennessMaxNodes: number;
  maxBytes: number;
}

export interface StateHeader {
  format: typeof FORMAT;
  version: number;
  generator: string;
  /** Hash of the lexicon, cues and per-article stage sources that extracted these articles. */
  fingerprint: string;
  settings: StateSettings;
  build: StateBuildOptions;
  articles: number;
  nodes: number;
  edges: number;
  teaserOnly: number;
  mentionCount: number;
  range: { first?: string; last?: string };
}

const STAGE_DIRS = ['ingest', 'text', 'lexicon', 'extract', 'resolve', 'relate'];

/**
 * A fingerprint of everything that decides one article's extraction: lexicon files, cue file,
 * the sources of the per-article stages and the package version. Old articles in a state with
 * another fingerprint were read by a different extractor.
 */
export function extractionFingerprint(lexicon: Lexicon): string {
  const h = createHash('sha256');
  h.update(`${VERSION}\n`);
  for (const f of lexicon.files) {
    h.update(`${f}\n`);
    h.update(readFileSync(resolve(f)));
  }
  h.update(readFileSync(BUILTIN_CUES));
  const src = fileURLToPath(new URL('..', import.meta.url));
  for (const dir of STAGE_DIRS) {
    const path = join(src, dir);
    if (!existsSync(path)) continue;
    for (const f of readdirSync(path).sort()) {
      if (!f.endsWith('.ts')) continue;
      h.update(`${dir}/${f}\n`);
      h.update(readFileSync(join(path, f)));
    }
  }
  return h.digest('hex').slice(0, 32);
}

function nodeRecord(n: NodeData): unknown {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    labels: n.labels,
    aliases: [...n.aliases],
    articles: n.articles.positions(),
    mentions: n.mentions,
    candidate: n.candidate,
    textOffices: [...n.textOffices.entries()].map(([k, v]) => [k, v.office, v.of]),
    ...(n.candidateInfo ? { candidateInfo: n.candidateInfo } : {}),
    ...(n.candidateArticle !== undefined ? { candidateArticle: n.candidateArticle } : {}),
    dates: n.dates,
  };
}

function edgeRecord(e: EdgeData): unknown {
  return {
    key: e.key,
    kind: e.kind,
    source: e.source,
    target: e.target,
    forward: e.forward,
    backward: e.backward,
    undirectedVotes: e.undirectedVotes,
    ...(e.office !== undefined ? { office: e.office } : {}),
    ...(e.action !== undefined ? { action: e.action } : {}),
    ...(e.cameo !== undefined ? { cameo: e.cameo } : {}),
    articles: e.articles.positions(),
    dates: [...e.dates],
    topics: [...e.topics],
    evidence: e.evidence,
    evidenceTotal: e.evidenceTotal,
    sentenceCount: e.sentenceCount,
    paragraphCount: e.paragraphCount,
    seen: e.seen,
  };
}

/**
 * Write the accumulator (before candidate merges) into `stream`, gzip'ed, and finish the
 * stream (not commit it). Resolves with the bytes written.
 */
export async function writeState(
  stream: AtomicWriteStream,
  acc: CorpusAccumulator,
  header: Omit<
    StateHeader,
    'format' | 'version' | 'articles' | 'nodes' | 'edges' | 'teaserOnly' | 'mentionCount' | 'range'
  >,
  signal?: AbortSignal,
): Promise<number> {
  const table = acc.articles;
  if (!table.hashes) throw new Error('pipeline: the accumulator was not built to keep its state');
  const gzip = createGzip({ level: 1 });
  gzip.pipe(stream, { end: false });
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const head: StateHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      ...header,
      articles: table.size,
      nodes: acc.nodes.size,
      edges: acc.edges.size,
      teaserOnly: acc.teaserOnly,
      mentionCount: acc.mentionCount,
      range: acc.range,
    };
    await write(head);
    for (let i = 0; i < table.size; i += ARTICLE_CHUNK) {
      signal?.throwIfAborted();
      const chunk: [string, string, string?][] = [];
      for (let k = i; k < Math.min(table.size, i + ARTICLE_CHUNK); k++) {
        const d = table.dates[k];
        chunk.push(
          d === undefined
            ? [table.ids[k]!, table.hashes[k]!]
            : [table.ids[k]!, table.hashes[k]!, d],
        );
      }
      await write({ a: chunk });
    }
    let k = 0;
    for (const n of acc.nodes.values()) {
      await write({ n: nodeRecord(n) });
      if (++k % 10_000 === 0) signal?.throwIfAborted();
    }
    for (const e of acc.edges.values()) {
      await write({ e: edgeRecord(e) });
      if (++k % 10_000 === 0) signal?.throwIfAborted();
    }
    const ended = once(gzip, 'end');
    gzip.end();
    await ended;
  } catch (err) {
    gzip.destroy();
    throw err;
  }
  return stream.finish();
}

/** Read only the header of a state file (cheap: the first line). */
export async function readStateHeader(path: string): Promise<StateHeader> {
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  try {
    for await (const line of lines) return checkHeader(JSON.parse(line), path);
  } catch (err) {
    throw new Error(`pipeline: cannot read ${path}: ${(err as Error).message}`, { cause: err });
  } finally {
    lines.close();
  }
  throw new Error(`pipeline: ${path} is empty`);
}

function checkHeader(h: unknown, path: string): StateHeader {
  const head = h as Partial<StateHeader> | null;
  if (head?.format !== FORMAT) throw new Error(`pipeline: ${path} is not a diplograph state file`);
  if (head.version !== FORMAT_VERSION) {
    throw new Error(
      `pipeline: ${path} has state format ${head.version}; this version reads ${FORMAT_VERSION} — rebuild in full`,
    );
  }
  return head as StateHeader;
}

/** Read a state file back into an accumulator (with hashes kept, ready for more articles). */
export async function readState(
  path: string,
  lexicon: Lexicon,
  signal?: AbortSignal,
): Promise<{ header: StateHeader; acc: CorpusAccumulator }> {
  const input = createReadStream(path);
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  let header: StateHeader | undefined;
  let acc: CorpusAccumulator | undefined;
  let table: ArticleTable | undefined;
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (!line) continue;
      const rec = JSON.parse(line) as Record<string, unknown>;
      if (!header || !acc || !table) {
        header = checkHeader(rec, path);
        table = new ArticleTable({ hashes: true });
        acc = new CorpusAccumulator(lexicon, header.settings.evidenceCap, { articles: table });
        continue;
      }
      if (lineNo % 10_000 === 0) signal?.throwIfAborted();
      if (rec.a) {
        for (const [id, hash, date] of rec.a as [string, string, string?][])
          table.add(id, date, hash);
      } else if (rec.n) {
        const r = rec.n as Omit<NodeData, 'aliases' | 'articles' | 'textOffices'> & {
          aliases: string[];
          articles: number[];
          textOffices: [string, string, string][];
        };
        const n: NodeData = {
          id: r.id,
          kind: r.kind,
          label: r.label,
          labels: r.labels,
          aliases: new Set(r.aliases),
          articles: ArticleSet.fromPositions(table, r.articles),
          mentions: r.mentions,
          candidate: r.candidate,
          textOffices: new Map(r.textOffices.map(([k, office, of]) => [k, { office, of }])),
          ...(r.candidateInfo ? { candidateInfo: r.candidateInfo as Candidate } : {}),
          ...(r.candidateArticle !== undefined ? { candidateArticle: r.candidateArticle } : {}),
          dates: r.dates,
        };
        acc.nodes.set(n.id, n);
      } else if (rec.e) {
        const r = rec.e as Omit<EdgeData, 'articles' | 'dates' | 'topics'> & {
          articles: number[];
          dates: string[];
          topics: string[];
          evidence: Evidence[];
        };
        const e: EdgeData = {
          ...r,
          articles: ArticleSet.fromPositions(table, r.articles),
          dates: LazySet.of(r.dates),
          topics: LazySet.of(r.topics),
        };
        acc.edges.set(e.key, e);
      } else throw new Error(`unknown record on line ${lineNo}`);
    }
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    throw new Error(`pipeline: cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  if (!header || !acc || !table) throw new Error(`pipeline: ${path} is empty`);
  if (
    table.size !== header.articles ||
    acc.nodes.size !== header.nodes ||
    acc.edges.size !== header.edges
  ) {
    throw new Error(
      `pipeline: ${path} is incomplete (${table.size}/${header.articles} articles, ${acc.nodes.size}/${header.nodes} nodes, ${acc.edges.size}/${header.edges} edges)`,
    );
  }
  acc.teaserOnly = header.teaserOnly;
  acc.mentionCount = header.mentionCount;
  Object.assign(acc.range, header.range);
  return { header, acc };
}
