/**
 * bench/memory — where the memory of a build goes: runs one build in this process with V8's
 * sampling heap profiler on, and at the start of each phase (finalize, export) prints the live
 * heap by allocation site (self size of sampled objects still alive, by function), plus
 * `process.memoryUsage()`. Usage:
 *   node --expose-gc --import tsx bench/memory.ts <corpus.jsonl> [--workers 1] [--top 25]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBuildOptions } from '../src/config/options.ts';
import { runBuild } from '../src/pipeline/build.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { workers: { type: 'string', default: '1' }, top: { type: 'string', default: '25' } },
});
if (!positionals[0]) throw new Error('bench/memory: give a corpus file');

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampleNode[];
}

const session = new Session();
session.connect();
/** Same-thread inspector calls answer synchronously: the profile is taken at the call. */
function post<T>(method: string, params?: object): T {
  let answer: { error: Error | null; result: T } | undefined;
  session.post(method, params, (error, result) => {
    answer = { error, result: result as T };
  });
  if (!answer) throw new Error(`bench/memory: ${method} did not answer synchronously`);
  if (answer.error) throw answer.error;
  return answer.result;
}
post('HeapProfiler.enable');
post('HeapProfiler.startSampling', { samplingInterval: 64 * 1024 });

const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*?\/(src|bench|node_modules)\//, '$1/')
    .replace(/\?.*$/, '');
const mb = (b: number) => Math.round(b / 1e6);

function snapshot(label: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const { profile } = post<{ profile: { head: SampleNode } }>('HeapProfiler.getSamplingProfile');
  const bySite = new Map<string, number>();
  const walk = (n: SampleNode, parent: string) => {
    const here = n.callFrame.url
      ? `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}`
      : parent;
    if (n.selfSize) bySite.set(here, (bySite.get(here) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c, here);
  };
  walk(profile.head, '(root)');
  const total = [...bySite.values()].reduce((a, b) => a + b, 0);
  const m = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      at: label,
      rss_mb: mb(m.rss),
      heap_used_mb: mb(m.heapUsed),
      external_mb: mb(m.external),
      array_buffers_mb: mb(m.arrayBuffers),
      sampled_live_mb: mb(total),
      by_site: [...bySite.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, Number(values.top))
        .map(([site, bytes]) => ({
          site,
          mb: mb(bytes),
          share: Math.round((bytes / total) * 1000) / 10,
        })),
    })}\n`,
  );
}

const out = mkdtempSync(join(tmpdir(), 'diplograph-memory-'));
const seen = new Set<string>();
await runBuild(
  parseBuildOptions({ inputs: [positionals[0]], out, workers: Number(values.workers) }),
  (p) => {
    if (p.phase !== 'read' && !seen.has(p.phase)) {
      seen.add(p.phase);
      snapshot(`start of ${p.phase}`);
    }
  },
);
snapshot('end');
rmSync(out, { recursive: true, force: true });
