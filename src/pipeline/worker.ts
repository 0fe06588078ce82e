/**
 * pipeline/worker — the body of one worker thread: builds the lexicon and matcher once, then
 * runs batches of articles through `processOne` and posts the outcomes back, batch by batch.
 * Started by pipeline/workers.ts; never imported by the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RawArticle } from '../ingest/types.ts';
import {
  type ArticleSettings,
  createArticleContext,
  processOne,
  type StageSeconds,
} from './article.ts';
import type { FromWorker, ToWorker } from './workers.ts';

const port = parentPort;
if (!port) throw new Error('pipeline: worker.ts runs only as a worker thread');
const post = (m: FromWorker) => port.postMessage(m);

try {
  const t0 = performance.now();
  const ctx = createArticleContext((workerData as { settings: ArticleSettings }).settings);
  post({ type: 'ready', seconds: (performance.now() - t0) / 1000 });
  port.on('message', (m: ToWorker) => {
    if (m.type !== 'batch') return;
    const seconds: StageSeconds = { text: 0, extract: 0, relate: 0 };
    try {
      const outcomes = m.articles.map((a: RawArticle) => processOne(a, ctx, seconds));
      post({ type: 'done', seq: m.seq, outcomes, seconds });
    } catch (err) {
      post({ type: 'failed', seq: m.seq, message: (err as Error).message ?? String(err) });
    }
  });
} catch (err) {
  post({ type: 'error', message: (err as Error).message ?? String(err) });
}
