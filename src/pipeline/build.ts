/**
 * pipeline/build — the `build` job: inputs → ingest → text → extract → resolve → relate →
 * corpus graph → exports, for a handful of articles or a million.
 *
 * - Streaming: ingest yields articles one by one; they travel in bounded batches (a few batches
 *   per thread in flight), so memory holds the graph (entities, edges, capped evidence), never
 *   the corpus. Evidence and article lines stream to disk with backpressure.
 * - Parallel: the per-article stages (pipeline/article.ts) run on worker threads, one lexicon
 *   per thread; batches are consumed in the order they were read, so the output is
 *   byte-identical whatever the number of workers.
 * - Incremental: `incremental` keeps the accumulator in state.jsonl.gz; `update` reads it back,
 *   skips articles already in the build (by content hash) and adds the new ones: the graph is
 *   the one a full build of old + new inputs gives (see pipeline/state.ts).
 * - Atomic: every output is written to a temporary file and renamed into place at the very end;
 *   an error or an abort (Ctrl-C) removes the temporary files and leaves the folder as it was.
 *
 * One bad article never stops the run: it becomes a `skipped` entry.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildReport } from '../../graph-schema/schema.ts';
import { DEFAULTS } from '../config/defaults.ts';
import { GENERATOR, VERSION } from '../config/version.ts';
import {
  type AtomicWriteStream,
  atomicWriteFile,
  createAtomicWriteStream,
  type StagedExports,
  stageGraphExports,
} from '../export/index.ts';
import { CorpusAccumulator } from '../graph/accumulate.ts';
import { mergeCandidates, toGraph } from '../graph/finalize.ts';
import { readInputs } from '../ingest/index.ts';
import type { IngestItem, RawArticle } from '../ingest/types.ts';
import { loadLexicon } from '../lexicon/index.ts';
import type { ArticleSettings, StageSeconds } from './article.ts';
import { appendFile, remapEvidenceLine } from './evidence.ts';
import { estimateInputBytes } from './inputs.ts';
import {
  extractionFingerprint,
  readState,
  readStateHeader,
  STATE_FILE,
  type StateHeader,
  type StateSettings,
  writeState,
} from './state.ts';
import type { BuildControl, BuildOptions, BuildProgress, BuildResult } from './types.ts';
import { type BatchResult, createRunner, resolveWorkers } from './workers.ts';

const now = () => performance.now() / 1000;

/**
 * ForceAtlas2 iterations for a graph of `nodes` and `edges`: finalize's default by size
 * (500, or 100 above 5000 nodes), cut so the layout's work fits `DEFAULTS.layout.budget`.
 */
export function layoutIterationsFor(nodes: number, edges: number): number {
  const L = DEFAULTS.layout;
  const byDefault = nodes > L.largeGraphNodes ? L.iterationsLarge : L.iterationsSmall;
  const pairs =
    nodes > L.barnesHutNodes ? 50 * nodes * Math.log2(Math.max(2, nodes)) : (nodes * nodes) / 2;
  const perIteration = Math.max(1, pairs + edges);
  return Math.max(L.iterationsMin, Math.min(byDefault, Math.floor(L.budget / perIteration)));
}

/** Whether betweenness (O(V·E)) fits its budget for a graph of this size. */
export function betweennessFits(nodes: number, edges: number): boolean {
  return nodes * edges <= DEFAULTS.build.betweennessBudget;
}

/** The options an update inherits from the build in `dir` (read from its state header). */
export async function readUpdateBase(dir: string): Promise<Partial<BuildOptions>> {
  const path = join(dir, STATE_FILE);
  if (!existsSync(path)) {
    throw new Error(
      `build: --update ${dir}: no ${STATE_FILE} there; build it once with --incremental`,
    );
  }
  const h = await readStateHeader(path);
  return {
    ...h.settings,
    seed: h.build.seed,
    betweennessMaxNodes: h.build.betweennessMaxNodes,
    maxBytes: h.build.maxBytes,
    ...(h.build.layoutIterations !== undefined
      ? { layoutIterations: h.build.layoutIterations }
      : {}),
  };
}

function stateSettings(o: BuildOptions): StateSettings {
  return {
    window: o.window,
    evidenceCap: o.evidenceCap,
    evidenceMaxChars: o.evidenceMaxChars,
    lexicon: o.lexicon,
    ...(o.since ? { since: o.since } : {}),
    ...(o.until ? { until: o.until } : {}),
  };
}

/** Throws when an update asks for settings other than those of the build it extends. */
function checkUpdateSettings(dir: string, old: StateSettings, given: StateSettings): void {
  const keys = ['window', 'evidenceCap', 'evidenceMaxChars', 'lexicon', 'since', 'until'] as const;
  for (const k of keys) {
    const a = JSON.stringify(old[k] ?? null);
    const b = JSON.stringify(given[k] ?? null);
    if (a !== b) {
      throw new Error(
        `build: --update ${dir}: ${k} is ${b} but the build there used ${a}; an update keeps the options of the build it extends (rebuild in full to change them)`,
      );
    }
  }
}

/** A list that keeps its first `max` entries and counts the rest. */
class CappedList<T> {
  readonly items: T[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  push(x: T): void {
    this.count++;
    if (this.items.length < this.max) this.items.push(x);
  }
}

interface Pending {
  items: IngestItem[];
  result?: Promise<BatchResult>;
}

/**
 * Run a build. `onProgress` is called after every batch of articles and at each phase (the CLI
 * draws the bar); `control.signal` stops it cleanly.
 */
export async function runBuild(
  options: BuildOptions,
  onProgress: (p: BuildProgress) => void = () => {},
  onWarning: (line: string) => void = () => {},
  control: BuildControl = {},
): Promise<BuildResult> {
  const { signal } = control;
  const timings: Record<string, number> = {};
  const t0 = now();
  const out = options.out;
  const update = options.update === true;
  const keepState = update || options.incremental === true;
  let threads = resolveWorkers(options.workers);
  if (!options.workers && threads > 1) {
    // Auto: worker threads only for inputs big enough to repay their start.
    const min = DEFAULTS.pipeline.autoWorkersMinBytes;
    const size = await estimateInputBytes(options.inputs, { stopAt: min });
    if (size !== undefined && size < min) threads = 1;
  }
  const settings: ArticleSettings = {
    window: options.window,
    evidenceMaxChars: options.evidenceMaxChars,
    lexicon: options.lexicon,
    strict: options.strict,
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
  };
  const statePath = join(out, STATE_FILE);
  if (update && !existsSync(statePath)) {
    throw new Error(
      `build: --update ${out}: no ${STATE_FILE} there; build it once with --incremental`,
    );
  }
  signal?.throwIfAborted();
  await mkdir(out, { recursive: true });

  // Everything written goes through these and is renamed into place only at the end.
  const staged: AtomicWriteStream[] = [];
  const stage = (name: string) => {
    const s = createAtomicWriteStream(join(out, name));
    staged.push(s);
    return s;
  };
  let exports: StagedExports | undefined;
  const runner = createRunner(threads, settings);
  const discard = async () => {
    await runner.close().catch(() => {});
    for (const s of staged) await s.abort();
    await exports?.abort();
  };

  try {
    // Workers load their lexicons while this thread loads its own (or shares the in-process one).
    let t = now();
    const lexicon = runner.context?.lexicon ?? loadLexicon({ extra: options.lexicon });
    const fingerprint = keepState ? extractionFingerprint(lexicon) : '';
    let acc: CorpusAccumulator;
    let previous: StateHeader | undefined;
    if (update) {
      const loaded = await readState(statePath, lexicon, signal);
      previous = loaded.header;
      acc = loaded.acc;
      checkUpdateSettings(out, previous.settings, stateSettings(options));
      if (previous.fingerprint !== fingerprint) {
        onWarning(
          `${out} was built by another lexicon or extractor version: its ${acc.articleCount} articles keep their old extraction; rebuild in full for a graph equal to a fresh build`,
        );
      }
      timings.state_read = now() - t;
    } else {
      acc = new CorpusAccumulator(lexicon, options.evidenceCap, { hashes: keepState });
    }
    timings.lexicon = Math.max(now() - t, await runner.ready);

    // Content already in the build (update): same text is a duplicate; same id, other text, is
    // renamed the way ingest renames repeated ids.
    const oldHashes = new Map<string, string>();
    if (update && acc.articles.hashes) {
      const { ids, hashes } = acc.articles;
      for (let i = 0; i < ids.length; i++) oldHashes.set(hashes[i]!, ids[i]!);
    }
    const oldArticles = acc.articleCount;
    const renamed = new Set<string>();

    const evidenceStream = stage('evidence.jsonl');
    const articlesStream = stage('articles.jsonl');
    const max = DEFAULTS.pipeline.reportListMax;
    const skipped = new CappedList<BuildReport['skipped'][number]>(max);
    const duplicates = new CappedList<BuildReport['duplicates'][number]>(max);
    let files = 0;
    let bytes = 0;
    let lastSource = '';
    const seconds: StageSeconds = { text: 0, extract: 0, relate: 0 };
    let graphSeconds = 0;
    let writeSeconds = 0;

    const consume = async (p: Pending) => {
      const r = p.result ? await p.result : undefined;
      signal?.throwIfAborted();
      const tg = now();
      let k = 0;
      let evidence = '';
      let records = '';
      for (const item of p.items) {
        if (item.type === 'skip') {
          skipped.push(item.skip);
          onWarning(
            `skipped ${item.skip.source}${item.skip.line ? `:${item.skip.line}` : ''}: ${item.skip.reason}`,
          );
          continue;
        }
        if (item.type === 'duplicate') {
          duplicates.push({
            source: item.source,
            ...(item.line ? { line: item.line } : {}),
            same_as: item.sameAs,
          });
          continue;
        }
        const o = r!.outcomes[k++]!;
        files++;
        bytes += item.article.bytes;
        lastSource = item.article.source;
        if (o.type === 'skip') {
          skipped.push(o.skip);
          if (o.warn) onWarning(`skipped ${o.skip.source}: ${o.skip.reason}`);
          continue;
        }
        acc.addArticle(o.id, o.date, o.x, o.edges, o.hash);
        evidence += o.evidence;
        records += o.record;
      }
      if (r) {
        seconds.text += r.seconds.text;
        seconds.extract += r.seconds.extract;
        seconds.relate += r.seconds.relate;
      }
      const tw = now();
      graphSeconds += tw - tg;
      await evidenceStream.put(evidence);
      await articlesStream.put(records);
      writeSeconds += now() - tw;
      onProgress({
        phase: 'read',
        articles: acc.articleCount,
        skipped: skipped.count,
        bytes,
        source: lastSource,
      });
    };

    // Read → batches → runner; batches are consumed strictly in the order they were formed.
    t = now();
    const inputs = [...options.inputs].sort();
    const P = DEFAULTS.pipeline;
    const maxInFlight = Math.max(2, runner.threads * P.inFlightPerThread);
    const queue: Pending[] = [];
    let items: IngestItem[] = [];
    let articles: RawArticle[] = [];
    let batchBytes = 0;
    const submit = () => {
      if (items.length === 0) return;
      queue.push({ items, ...(articles.length ? { result: runner.run(articles) } : {}) });
      items = [];
      articles = [];
      batchBytes = 0;
    };
    for await (let item of readInputs(inputs, {
      strict: options.strict,
      maxBytes: options.maxBytes,
    })) {
      signal?.throwIfAborted();
      if (item.type === 'article' && update) {
        const a = item.article;
        const sameAs = oldHashes.get(a.hash);
        if (sameAs !== undefined) {
          item = {
            type: 'duplicate',
            source: a.source,
            ...(a.line ? { line: a.line } : {}),
            sameAs,
          };
        } else if (acc.articles.indexOf(a.id) !== undefined || renamed.has(a.id)) {
          let id = a.id;
          for (let n = 2; acc.articles.indexOf(id) !== undefined || renamed.has(id); n++) {
            id = `${a.id}~${n}`;
          }
          renamed.add(id);
          item = { type: 'article', article: { ...a, id } };
        }
      }
      items.push(item);
      if (item.type === 'article') {
        articles.push(item.article);
        batchBytes += item.article.bytes;
      }
      if (articles.length >= P.batchArticles || batchBytes >= P.batchBytes) {
        submit();
        while (queue.length >= maxInFlight) await consume(queue.shift()!);
      }
    }
    submit();
    while (queue.length > 0) await consume(queue.shift()!);
    await runner.close();
    await evidenceStream.finish();
    await articlesStream.finish();
    timings.read = now() - t;
    Object.assign(timings, seconds);
    timings.graph = graphSeconds;
    timings.write = writeSeconds;

    // The state is the accumulator before candidate merges (an update may merge differently).
    let stateStream: AtomicWriteStream | undefined;
    if (keepState) {
      t = now();
      stateStream = stage(STATE_FILE);
      await writeState(
        stateStream,
        acc,
        {
          generator: GENERATOR,
          fingerprint: previous?.fingerprint === fingerprint || !previous ? fingerprint : 'mixed',
          settings: stateSettings(options),
          build: {
            seed: options.seed,
            betweennessMaxNodes: options.betweennessMaxNodes,
            maxBytes: options.maxBytes,
            ...(options.layoutIterations !== undefined
              ? { layoutIterations: options.layoutIterations }
              : {}),
          },
        },
        signal,
      );
      timings.state_write = now() - t;
    }

    onProgress({
      phase: 'finalize',
      articles: acc.articleCount,
      skipped: skipped.count,
      bytes,
      source: '',
    });
    signal?.throwIfAborted();
    t = now();
    const articleCount = acc.articleCount;
    const mentions = acc.mentionCount;
    const teaserOnly = acc.teaserOnly;
    const articleDates = acc.articleDates;
    const nodes = acc.nodes.size;
    const edgeCount = acc.edges.size;
    const layoutIterations = options.layoutIterations ?? layoutIterationsFor(nodes, edgeCount);
    const betweenness = betweennessFits(nodes, edgeCount) ? options.betweennessMaxNodes : 0;
    const merges = mergeCandidates(acc);
    const graph = toGraph(acc, lexicon, {
      seed: options.seed,
      name: 'diplograph',
      layoutIterations,
      betweennessMaxNodes: betweenness,
    });
    // From here on the graph holds all that is needed; let the accumulator go.
    acc = undefined as unknown as CorpusAccumulator;
    timings.finalize = now() - t;
    signal?.throwIfAborted();

    // evidence.jsonl: merged candidate ids re-keyed, old lines first on an update.
    onProgress({
      phase: 'export',
      articles: articleCount,
      skipped: skipped.count,
      bytes,
      source: '',
    });
    t = now();
    const remap = new Map<string, string>();
    for (const m of merges) for (const f of m.from) remap.set(f, m.into);
    let evidenceFinal = evidenceStream;
    let articlesFinal = articlesStream;
    if (update || remap.size > 0) {
      const map = remap.size > 0 ? (l: string) => remapEvidenceLine(l, remap) : undefined;
      evidenceFinal = stage('evidence.jsonl');
      if (update) await appendFile(evidenceFinal, join(out, 'evidence.jsonl'), map, signal);
      await appendFile(evidenceFinal, evidenceStream.tempPath, map, signal);
      await evidenceFinal.finish();
      await evidenceStream.abort();
    }
    if (update) {
      articlesFinal = stage('articles.jsonl');
      await appendFile(articlesFinal, join(out, 'articles.jsonl'), undefined, signal);
      await appendFile(articlesFinal, articlesStream.tempPath, undefined, signal);
      await articlesFinal.finish();
      await articlesStream.abort();
    }
    timings.evidence = now() - t;

    t = now();
    const fileSeconds: Record<string, number> = {};
    exports = await stageGraphExports(out, graph, {
      articleDates,
      ...(options.formats ? { formats: options.formats } : {}),
      signal,
      onFile: (name, s) => {
        fileSeconds[name] = s;
      },
    });
    timings.export = now() - t;
    for (const [name, s] of Object.entries(fileSeconds)) timings[`export:${name}`] = s;

    // Commit: rename everything into place (not interruptible: it takes milliseconds).
    onProgress({
      phase: 'commit',
      articles: articleCount,
      skipped: skipped.count,
      bytes,
      source: '',
    });
    const outputs: Record<string, number> = { ...exports.sizes };
    await exports.commit();
    outputs['evidence.jsonl'] = await evidenceFinal.commit();
    outputs['articles.jsonl'] = await articlesFinal.commit();
    if (stateStream) outputs[STATE_FILE] = await stateStream.commit();
    timings.total = now() - t0;

    const edgesByKind: Record<string, number> = {};
    graph.forEachEdge((_e, attrs) => {
      edgesByKind[attrs.kind] = (edgesByKind[attrs.kind] ?? 0) + 1;
    });
    let candidates = 0;
    graph.forEachNode((_n, attrs) => {
      if (attrs.candidate) candidates++;
    });
    const report: BuildReport = {
      generator: GENERATOR,
      version: VERSION,
      node: process.version,
      inputs,
      options: {
        window: options.window,
        evidenceCap: options.evidenceCap,
        seed: options.seed,
        lexicon: options.lexicon,
        ...(options.since ? { since: options.since } : {}),
        ...(options.until ? { until: options.until } : {}),
        workers: threads,
        formats: options.formats ?? [...DEFAULTS.export.formats],
        layoutIterations,
        betweenness: betweenness > 0 ? 'computed' : 'skipped (graph too large)',
        ...(keepState ? { incremental: true } : {}),
        ...(update
          ? { update: { articles_before: oldArticles, articles_added: articleCount - oldArticles } }
          : {}),
        ...(skipped.count > skipped.items.length || duplicates.count > duplicates.items.length
          ? { listed: `first ${max} skipped/duplicate entries listed` }
          : {}),
      },
      counts: {
        files,
        articles_read: articleCount,
        articles_skipped: skipped.count,
        duplicates: duplicates.count,
        entities: graph.order,
        candidates,
        edges: graph.size,
        edges_by_kind: edgesByKind,
        mentions,
        teaser_only_entities: teaserOnly,
      },
      skipped: skipped.items,
      duplicates: duplicates.items,
      timings: Object.fromEntries(
        Object.entries(timings).map(([k, v]) => [k, Math.round(v * 1000) / 1000]),
      ),
      merges,
      outputs: {},
    };
    const reportText = `${JSON.stringify(report, null, 2)}\n`;
    report.outputs = { ...outputs, 'report.json': Buffer.byteLength(reportText) };
    await atomicWriteFile(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    return { report, graph, outputs: report.outputs };
  } catch (err) {
    await discard();
    throw err;
  }
}
