/**
 * bench/run — the yardstick: `npm run bench [-- --sizes 10000,100000,1000000 --workers 2
 * --scaling 1,2,4 --scaling-size 10000 --profile --results bench/RESULTS.md]`.
 *
 * On seeded synthetic corpora (bench/generate.ts) it measures, each in its own child process
 * (bench/child.ts) so that numbers never accumulate:
 * - the floor: read + decode + normalise + tokenise of the same corpus, in the same run;
 * - per-stage CPU rates (text, extract+resolve, relate) in one thread, per core;
 * - the lexicon + matcher set-up every worker pays once;
 * - full builds per corpus size: wall time, CPU time, peak RSS, articles/s and MB/s and their
 *   ratio to the floor, phase timings (read, finalize with metrics + layout, evidence, each
 *   export), ForceAtlas2 iterations used, graph size and bytes per export;
 * - scaling of the build with 1, 2, 4 … workers (ratio to 1 worker);
 * - with --profile, where the CPU time of one build goes (V8 profiles of every thread).
 *
 * It prints one JSON report (and writes a Markdown summary with --results). It reports; it
 * never fails on a number. Quick check: `npm run bench -- --sizes 10000 --scaling 1,2`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../src/lexicon/index.ts';
import { writeCorpus } from './generate.ts';
import { type ProfileSummary, summariseProfiles } from './profile.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'bench/out' },
    workers: { type: 'string', default: '0' },
    scaling: { type: 'string', default: '1,2,4' },
    'scaling-size': { type: 'string', default: '10000' },
    'stages-limit': { type: 'string', default: '5000' },
    profile: { type: 'boolean', default: false },
    results: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const list = (s: string) =>
  s
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);
const sizes = list(values.sizes).filter((n) => n > 0);
const scaling = list(values.scaling).filter((n) => n > 0);
const scalingSize = Number(values['scaling-size']);
const seed = Number(values.seed);
const workers = Number(values.workers);
const OUT = resolve(values.out);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
mkdirSync(OUT, { recursive: true });

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

interface ChildResult<T> {
  task: string;
  result: T;
  wall_seconds: number;
  cpu_seconds: number;
  peak_rss_mb: number;
  /** Wall time seen from outside (start-up included). */
  outer_seconds: number;
}

/** Run bench/child.ts in a fresh process; `nodeArgs` go before the script (e.g. --cpu-prof). */
function child<T>(task: string, args: unknown, nodeArgs: string[] = []): Promise<ChildResult<T>> {
  return new Promise((res, rej) => {
    const t = performance.now();
    const p = spawn(
      process.execPath,
      [
        // The product's own setting (package.json scripts, bin/diplograph.js).
        '--max-semi-space-size=64',
        ...nodeArgs,
        '--import',
        'tsx',
        join(ROOT, 'bench/child.ts'),
        task,
        JSON.stringify(args),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += String(d);
    });
    p.stderr.on('data', (d) => {
      err += String(d);
    });
    p.on('exit', (code) => {
      if (code !== 0) return rej(new Error(`bench: ${task} failed (${code}): ${err.slice(-2000)}`));
      const last = out.trim().split('\n').pop() ?? '{}';
      res({
        ...(JSON.parse(last) as ChildResult<T>),
        outer_seconds: (performance.now() - t) / 1000,
      });
    });
  });
}

type Report = Record<string, unknown> & {
  timings: Record<string, number>;
  counts: {
    entities: number;
    edges: number;
    edges_by_kind: Record<string, number>;
    articles_read: number;
  };
  outputs: Record<string, number>;
  options: Record<string, unknown>;
};

const lex = loadLexicon();
async function corpus(
  size: number,
): Promise<{ path: string; bytes: number; generate_seconds?: number }> {
  const path = join(OUT, `corpus-${seed}-${size}.jsonl`);
  if (existsSync(path)) return { path, bytes: statSync(path).size };
  log(`generating ${size} articles`);
  const t = performance.now();
  const bytes = await writeCorpus(`${path}.partial`, lex, { count: size, seed });
  renameSync(`${path}.partial`, path);
  return { path, bytes, generate_seconds: round((performance.now() - t) / 1000, 2) };
}

async function build(path: string, size: number, threads: number, nodeArgs: string[] = []) {
  const out = join(OUT, `build-${size}-w${threads}`);
  rmSync(out, { recursive: true, force: true });
  const r = await child<{ report: Report }>(
    'build',
    { options: { inputs: [path], out, workers: threads } },
    nodeArgs,
  );
  if (!values.keep) rmSync(out, { recursive: true, force: true });
  return r;
}

const started = new Date();
const report: Record<string, unknown> = {
  generator: 'diplograph bench',
  date: started.toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    free_memory_gb_at_start: round(freemem() / 2 ** 30, 1),
    node: process.version,
    load_average_at_start: loadavg().map((x) => round(x, 2)),
  },
  seed,
  note: 'Wall times are noisy on a shared machine; CPU seconds are per process (all threads).',
};

// Set-up cost every worker pays once.
log('lexicon set-up');
const lexiconCost = await child<{ seconds: number; cpu_seconds: number; entities: number }>(
  'lexicon',
  {},
);
report.lexicon_setup = {
  seconds: round(lexiconCost.result.seconds, 2),
  cpu_seconds: round(lexiconCost.result.cpu_seconds, 2),
  process_start_seconds: round(lexiconCost.outer_seconds - lexiconCost.wall_seconds, 2),
  entities: lexiconCost.result.entities,
};

// Per-stage rates, per core.
const first = await corpus(Math.min(...sizes, scalingSize));
log('stage rates');
const st = await child<Record<string, unknown>>('stages', {
  path: first.path,
  limit: Number(values['stages-limit']),
});
report.stages_one_thread = st.result;

const corpora: unknown[] = [];
report.corpora = corpora;
for (const size of sizes) {
  const c = await corpus(size);
  log(`floor ${size}`);
  const f = await child<{ articles: number; bytes: number; tokens: number }>('floor', {
    path: c.path,
  });
  const floorRate = f.result.articles / f.wall_seconds;
  log(`build ${size} (workers ${workers || 'auto'}), load ${loadavg()[0]?.toFixed(1)}`);
  const b = await build(c.path, size, workers);
  const r = b.result.report;
  const rate = size / b.outer_seconds;
  corpora.push({
    articles: size,
    mb: round(c.bytes / 1e6, 1),
    ...(c.generate_seconds !== undefined ? { generate_seconds: c.generate_seconds } : {}),
    floor: {
      seconds: round(f.wall_seconds, 2),
      cpu_seconds: round(f.cpu_seconds, 2),
      articles_per_s: round(floorRate),
      mb_per_s: round(c.bytes / 1e6 / f.wall_seconds, 2),
      tokens: f.result.tokens,
    },
    build: {
      workers: r.options.workers,
      seconds: round(b.outer_seconds, 1),
      cpu_seconds: round(b.cpu_seconds, 1),
      peak_rss_mb: b.peak_rss_mb,
      articles_per_s: round(rate),
      mb_per_s: round(c.bytes / 1e6 / b.outer_seconds, 2),
      ratio_to_floor: round(rate / floorRate, 3),
      read_articles_per_s: round(size / (r.timings.read ?? 1)),
      layout_iterations: r.options.layoutIterations,
      betweenness: r.options.betweenness,
      timings: r.timings,
    },
    graph: {
      nodes: r.counts.entities,
      edges: r.counts.edges,
      by_kind: r.counts.edges_by_kind,
    },
    export_bytes: r.outputs,
    load_average_after: loadavg().map((x) => round(x, 2)),
  });
  process.stderr.write(`${JSON.stringify(corpora[corpora.length - 1])}\n`);
}

// Scaling with the number of workers, on one corpus.
if (scaling.length > 0) {
  const c = await corpus(scalingSize);
  const runs: {
    workers: number;
    seconds: number;
    read_seconds: number;
    cpu_seconds: number;
    peak_rss_mb: number;
  }[] = [];
  for (const w of scaling) {
    log(`scaling: ${scalingSize} articles on ${w} worker(s), load ${loadavg()[0]?.toFixed(1)}`);
    const b = await build(c.path, scalingSize, w);
    runs.push({
      workers: w,
      seconds: round(b.outer_seconds, 2),
      read_seconds: round(b.result.report.timings.read ?? 0, 2),
      cpu_seconds: round(b.cpu_seconds, 1),
      peak_rss_mb: b.peak_rss_mb,
    });
  }
  const base = runs.find((x) => x.workers === 1) ?? runs[0]!;
  report.scaling = {
    articles: scalingSize,
    runs: runs.map((x) => ({
      ...x,
      speedup_total: round(base.seconds / x.seconds, 2),
      speedup_read: round(base.read_seconds / x.read_seconds, 2),
    })),
  };
}

// Where the time of one build goes.
if (values.profile) {
  const c = await corpus(scalingSize);
  const dir = join(OUT, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`profile: ${scalingSize} articles`);
  await build(c.path, scalingSize, workers, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  report.profile = summariseProfiles(dir, 30) satisfies ProfileSummary;
}

interface CorpusRow {
  articles: number;
  build: { ratio_to_floor: number; seconds: number; peak_rss_mb: number };
}
const stageRates = report.stages_one_thread as { extract?: { articles_per_s_per_core?: number } };
report.targets = {
  extraction_per_core_at_least_2000: (stageRates.extract?.articles_per_s_per_core ?? 0) >= 2000,
  per_corpus: (corpora as CorpusRow[]).map((c) => ({
    articles: c.articles,
    ratio_to_floor_at_least_0_30: c.build.ratio_to_floor >= 0.3,
    under_10_minutes: c.build.seconds < 600,
    peak_rss_under_2_gib: c.build.peak_rss_mb < 2048,
  })),
};
(report.machine as Record<string, unknown>).load_average_at_end = loadavg().map((x) => round(x, 2));
report.bench_seconds = round((Date.now() - started.getTime()) / 1000, 1);

const json = `${JSON.stringify(report, null, 2)}\n`;
process.stdout.write(json);
writeFileSync(join(OUT, `report-${started.toISOString().replace(/[:.]/g, '-')}.json`), json);
if (values.results) {
  const { renderResults } = await import('./results.ts');
  writeFileSync(values.results, renderResults(report));
  log(`wrote ${values.results}`);
}
