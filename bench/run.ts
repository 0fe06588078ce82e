/**
 * bench/run — `npm run bench [-- --sizes 1000,10000 --seed 7]`: generates seeded synthetic
 * corpora, measures the floor (read + decode + normalise + tokenise) and the pipeline on the
 * same corpus in the same run, and prints one JSON report: articles/s, MB/s, ratios to the
 * floor, per-stage rates, peak RSS, graph size and bytes per export. It reports; it never fails
 * on a number.
 */
import { createReadStream, mkdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseBuildOptions } from '../src/config/options.ts';
import { extractArticle } from '../src/extract/index.ts';
import type { RawArticle } from '../src/ingest/types.ts';
import { buildMatcher, loadLexicon } from '../src/lexicon/index.ts';
import { runBuild } from '../src/pipeline/build.ts';
import { loadCues, relateArticle } from '../src/relate/index.ts';
import { pinDates } from '../src/resolve/index.ts';
import { processArticle } from '../src/text/index.ts';
import { normalize } from '../src/text/normalize.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { writeCorpus } from './generate.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'bench/out' },
  },
});
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const seed = Number(values.seed);
mkdirSync(values.out, { recursive: true });

const sec = () => performance.now() / 1000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function* lines(path: string): AsyncGenerator<string> {
  const rl = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const l of rl) if (l) yield l;
}

/** The floor: what any tool must do to look at the text at all. */
async function floor(path: string) {
  const t = sec();
  let n = 0;
  let tokens = 0;
  for await (const l of lines(path)) {
    const rec = JSON.parse(l) as { text: string };
    tokens += tokenize(normalize(rec.text).text).length;
    n++;
  }
  const s = sec() - t;
  return {
    seconds: round(s, 3),
    articles_per_s: round(n / s),
    mb_per_s: round(statSync(path).size / 1e6 / s, 2),
    tokens,
  };
}

async function stages(path: string, limit: number) {
  const lex = loadLexicon();
  const matcher = buildMatcher(lex);
  const cues = loadCues();
  const arts: RawArticle[] = [];
  for await (const l of lines(path)) {
    const r = JSON.parse(l) as { id: string; text: string };
    arts.push({
      id: r.id,
      source: path,
      text: r.text,
      meta: {},
      hash: r.id,
      bytes: Buffer.byteLength(r.text),
      encoding: 'utf-8',
    });
    if (arts.length >= limit) break;
  }
  const out: Record<string, { seconds: number; articles_per_s: number }> = {};
  let t = sec();
  const processed = arts.map((a) => processArticle(a));
  out.text = { seconds: round(sec() - t, 3), articles_per_s: round(arts.length / (sec() - t)) };
  t = sec();
  const extracted = processed.map((p) => {
    const x = extractArticle(p, matcher);
    p.dates = pinDates(p, x, matcher.lexicon);
    return x;
  });
  out.extract = { seconds: round(sec() - t, 3), articles_per_s: round(arts.length / (sec() - t)) };
  t = sec();
  let edges = 0;
  processed.forEach((p, i) => {
    edges += relateArticle(p, extracted[i]!, matcher, cues, {
      window: 'sentence',
      evidenceMaxChars: 600,
    }).length;
  });
  void edges;
  out.relate = { seconds: round(sec() - t, 3), articles_per_s: round(arts.length / (sec() - t)) };
  return out;
}

const report: Record<string, unknown> = {
  generator: 'diplograph bench',
  date: new Date().toISOString().slice(0, 10),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
  },
  seed,
  corpora: [] as unknown[],
};
const lex = loadLexicon();
for (const size of sizes) {
  const path = join(values.out, `corpus-${size}.jsonl`);
  let t = sec();
  const bytes = await writeCorpus(path, lex, { count: size, seed });
  const genSeconds = sec() - t;
  const f = await floor(path);
  const st = await stages(path, Math.min(size, 5000));
  t = sec();
  const outDir = join(values.out, `build-${size}`);
  const { report: r } = await runBuild(parseBuildOptions({ inputs: [path], out: outDir }));
  const s = sec() - t;
  const pipeline = {
    seconds: round(s, 2),
    articles_per_s: round(size / s),
    mb_per_s: round(bytes / 1e6 / s, 2),
  };
  (report.corpora as unknown[]).push({
    articles: size,
    mb: round(bytes / 1e6, 2),
    generate_seconds: round(genSeconds, 2),
    floor: f,
    stages_on_first_5000: st,
    pipeline,
    ratio_to_floor: { articles_per_s: round(pipeline.articles_per_s / f.articles_per_s, 3) },
    timings: r.timings,
    graph: { nodes: r.counts.entities, edges: r.counts.edges, by_kind: r.counts.edges_by_kind },
    export_bytes: r.outputs,
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 1),
  });
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
