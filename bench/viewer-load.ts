/**
 * bench/viewer-load — how fast the viewer paints a big graph in headless Chromium.
 *
 * `node --import tsx bench/viewer-load.ts [--nodes 10000 --edges 50000 --seed 1 --runs 5]`
 * writes a seeded synthetic output folder (viewer/test/fixtures/make-big), serves it with
 * startServer, and loads the viewer `runs` times in fresh pages. For each run it reads, from the
 * viewer's debug hook, milliseconds since navigation to: graph.json parsed, graph built, the
 * first sigma frame with every node (afterRender, drawn in sigma's constructor), the next
 * animation frame (on screen), panels ready, labels redrawn in the bundled font; plus a search over
 * all actors. Prints one JSON report (median and every run) and sets exit code 1 when the median
 * first paint (firstPaint) is over the budget (2 s by default).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../src/serve/index.ts';
import { makeBigGraph } from '../viewer/test/fixtures/make-big.ts';
import { writeOutputDir } from '../viewer/test/fixtures/make-fixture.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '10000' },
    edges: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    budget: { type: 'string', default: '2000' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const nodes = Number(values.nodes);
const edges = Number(values.edges);
const runs = Math.max(1, Number(values.runs));
const budget = Number(values.budget);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

const load0 = loadavg()[0] ?? 0;
const dir = mkdtempSync(join(tmpdir(), 'diplograph-viewer-bench-'));
const t0 = performance.now();
writeOutputDir(dir, makeBigGraph({ nodes, edges, seed: Number(values.seed) }));
const generateMs = performance.now() - t0;
const server = await startServer({ dir, port: 0 });
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

interface Run {
  fetched: number;
  dataLoaded: number;
  graphBuilt: number;
  sigmaStart: number;
  firstRender: number;
  firstPaint: number;
  appReady: number;
  fontsReady: number;
  firstRenderNodes: number;
  searchMs: number;
}
const results: Run[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(
      () => window.__diplograph?.ready || window.__diplograph?.error,
      null,
      {
        timeout: 120_000,
      },
    );
    const error = await page.evaluate(() => window.__diplograph!.error);
    if (error) throw new Error(`viewer-load: ${error}`);
    await page.waitForFunction(() => window.__diplograph!.fontsReady, null, { timeout: 60_000 });
    const t = await page.evaluate(() => ({
      ...window.__diplograph!.timings,
      firstRenderNodes: window.__diplograph!.firstRenderNodes,
    }));
    // A search over every actor, from keystroke to suggestions in the DOM.
    const searchMs = await page.evaluate(async () => {
      const input = document.getElementById('search-input') as HTMLInputElement;
      const start = performance.now();
      input.value = 'kari';
      input.dispatchEvent(new Event('input'));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    });
    results.push({
      fetched: t.fetched ?? Number.NaN,
      dataLoaded: t.dataLoaded ?? Number.NaN,
      graphBuilt: t.graphBuilt ?? Number.NaN,
      sigmaStart: t.sigmaStart ?? Number.NaN,
      firstRender: t.firstRender ?? Number.NaN,
      firstPaint: t.firstPaint ?? Number.NaN,
      appReady: t.appReady ?? Number.NaN,
      fontsReady: t.fontsReady ?? Number.NaN,
      firstRenderNodes: t.firstRenderNodes ?? 0,
      searchMs,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const med = (k: keyof Run) => round(median(results.map((r) => r[k])));
const report = {
  bench: 'viewer-load',
  chromium: browser.version(),
  graph: {
    nodes,
    edges,
    seed: Number(values.seed),
    graphJsonBytes: statSync(join(dir, 'graph.json')).size,
    evidenceJsonlBytes: statSync(join(dir, 'evidence.jsonl')).size,
    generateMs: round(generateMs),
  },
  runs: results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
  median: {
    fetchedMs: med('fetched'),
    dataLoadedMs: med('dataLoaded'),
    graphBuiltMs: med('graphBuilt'),
    sigmaStartMs: med('sigmaStart'),
    firstRenderMs: med('firstRender'),
    firstPaintMs: med('firstPaint'),
    appReadyMs: med('appReady'),
    fontsReadyMs: med('fontsReady'),
    searchMs: med('searchMs'),
  },
  /** 1-minute load average before and after (the machine may be shared). */
  loadAverage: [round(load0), round(loadavg()[0] ?? 0)],
  cpus: cpus().length,
  allNodesInFirstFrame: results.every((r) => r.firstRenderNodes === nodes),
  budgetMs: budget,
  pass: median(results.map((r) => r.firstPaint)) <= budget,
};
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
if (!report.pass) process.exitCode = 1;
