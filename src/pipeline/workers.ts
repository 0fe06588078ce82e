/**
 * pipeline/workers — where the per-article stages run: in this thread (`--workers 1`) or on a
 * pool of worker threads, each with its own lexicon and matcher. Both take batches of articles
 * and resolve with their outcomes in batch order; the build consumes batches in the order it
 * sent them, so the output does not depend on which worker ran what.
 *
 * Workers are TypeScript files. Node 20 passes `--import tsx` on to a worker, but tsx's loader
 * hooks do not reach it, so a worker starts from a small bootstrap that registers tsx's ESM API
 * and then imports worker.ts (under plain compiled JavaScript it imports the file directly).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawArticle } from '../ingest/types.ts';
import {
  type ArticleContext,
  type ArticleOutcome,
  type ArticleSettings,
  createArticleContext,
  processOne,
  type StageSeconds,
} from './article.ts';

/** Messages to a worker. */
export type ToWorker = { type: 'batch'; seq: number; articles: RawArticle[] };

/** Messages from a worker. */
export type FromWorker =
  | { type: 'ready'; seconds: number }
  | { type: 'done'; seq: number; outcomes: ArticleOutcome[]; seconds: StageSeconds }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'error'; message: string };

export interface BatchResult {
  outcomes: ArticleOutcome[];
  seconds: StageSeconds;
}

/** Runs batches of articles through the per-article stages. */
export interface ArticleRunner {
  /** Threads doing the work. */
  readonly threads: number;
  /** Resolves once every thread has its lexicon, with the slowest thread's setup seconds. */
  readonly ready: Promise<number>;
  /** The lexicon context, when the work runs in this thread (reused by the build). */
  readonly context?: ArticleContext;
  run(articles: RawArticle[]): Promise<BatchResult>;
  /** Stops every thread (pending batches reject). */
  close(): Promise<void>;
}

/** The number of worker threads `workers` asks for (0 = one per core). */
export function resolveWorkers(workers: number | undefined): number {
  const n = workers ?? 0;
  if (!Number.isInteger(n) || n < 0) throw new Error(`pipeline: workers must be ≥ 0, got ${n}`);
  return n === 0 ? Math.max(1, availableParallelism()) : n;
}

/** The per-article stages in this thread. */
export function inProcessRunner(settings: ArticleSettings): ArticleRunner {
  const t0 = performance.now();
  const context = createArticleContext(settings);
  const setup = (performance.now() - t0) / 1000;
  return {
    threads: 1,
    ready: Promise.resolve(setup),
    context,
    async run(articles) {
      const seconds: StageSeconds = { text: 0, extract: 0, relate: 0 };
      const outcomes = articles.map((a) => processOne(a, context, seconds));
      return { outcomes, seconds };
    },
    async close() {},
  };
}

/** Bootstrap source of a worker: register tsx when the worker is a .ts file, then import it. */
function bootstrap(target: URL): string {
  const load = `import(${JSON.stringify(target.href)})`;
  if (!target.pathname.endsWith('.ts')) return `${load};`;
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch (err) {
    throw new Error(`pipeline: workers need tsx to run TypeScript: ${(err as Error).message}`);
  }
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return ${load}; });`;
}

/** Command-line options a worker may inherit: not the loader (the bootstrap registers it). */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (
      (a === '--import' || a === '--require' || a === '--loader') &&
      /tsx/.test(argv[i + 1] ?? '')
    ) {
      i++;
      continue;
    }
    if (/^--(import|require|loader|experimental-loader)=.*tsx/.test(a)) continue;
    // Process-wide V8 flags a worker refuses (ERR_WORKER_INVALID_EXEC_ARGV).
    if (/^--(expose-gc|expose_gc|max-old-space-size|max-semi-space-size)\b/.test(a)) continue;
    out.push(a);
  }
  return out;
}

interface Job {
  seq: number;
  articles: RawArticle[];
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

/**
 * A pool of `n` worker threads. Each builds its lexicon once (in parallel); batches go to the
 * first idle thread. A thread that dies fails the build with its error.
 */
export function workerRunner(n: number, settings: ArticleSettings): ArticleRunner {
  const code = bootstrap(new URL('./worker.ts', import.meta.url));
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let failure: Error | undefined;
  let closed = false;
  let seq = 0;
  const threads: Worker[] = [];

  const fail = (err: Error) => {
    if (!failure) failure = err;
    for (const job of queue.splice(0)) job.reject(failure);
    for (const [, job] of busy) job.reject(failure);
    busy.clear();
  };
  const pump = () => {
    while (!failure && idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      busy.set(w, job);
      w.postMessage({ type: 'batch', seq: job.seq, articles: job.articles } satisfies ToWorker);
    }
  };

  const ready = Promise.all(
    Array.from({ length: n }, (_, i) => {
      const w = new Worker(code, {
        eval: true,
        workerData: { settings },
        execArgv: workerExecArgv(),
        name: `diplograph-${i + 1}`,
        // A larger young generation, as the main process's --max-semi-space-size=64: articles
        // make many short-lived strings (−7 % read time on 100k articles).
        resourceLimits: { maxYoungGenerationSizeMb: 192 },
      });
      threads.push(w);
      return new Promise<number>((resolve, reject) => {
        let started = false;
        w.on('message', (m: FromWorker) => {
          if (m.type === 'ready') {
            started = true;
            idle.push(w);
            pump();
            resolve(m.seconds);
          } else if (m.type === 'error') {
            const err = new Error(`pipeline: worker ${i + 1} could not start: ${m.message}`);
            fail(err);
            reject(err);
          } else {
            const job = busy.get(w);
            busy.delete(w);
            if (m.type === 'done') job?.resolve({ outcomes: m.outcomes, seconds: m.seconds });
            else {
              const err = new Error(m.message);
              job?.reject(err);
              fail(err);
            }
            idle.push(w);
            pump();
          }
        });
        w.on('error', (err) => {
          const e = new Error(`pipeline: worker ${i + 1} failed: ${err.message}`, { cause: err });
          fail(e);
          if (!started) reject(e);
        });
        w.on('exit', (code) => {
          if (closed) return;
          const e = new Error(`pipeline: worker ${i + 1} stopped (exit code ${code})`);
          fail(e);
          if (!started) reject(e);
        });
      });
    }),
  ).then((s) => Math.max(...s));
  ready.catch(() => {});

  return {
    threads: n,
    ready,
    run(articles) {
      const p = failure
        ? Promise.reject(failure)
        : new Promise<BatchResult>((resolve, reject) => {
            queue.push({ seq: seq++, articles, resolve, reject });
            pump();
          });
      // The build awaits batches in order; one it never reaches (after a failure) must not
      // count as an unhandled rejection.
      p.catch(() => {});
      return p;
    },
    async close() {
      closed = true;
      fail(new Error('pipeline: workers closed'));
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}

/** The runner a build asks for: in this thread for 1, a pool of threads otherwise. */
export function createRunner(workers: number, settings: ArticleSettings): ArticleRunner {
  return workers <= 1 ? inProcessRunner(settings) : workerRunner(workers, settings);
}
