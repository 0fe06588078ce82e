/**
 * bench/child — one measurement in its own process, so that memory and JIT state never carry
 * over from one to the next: `node --import tsx bench/child.ts <task> <json-args>` prints one
 * JSON object (with the process's own wall time, CPU seconds and peak RSS).
 *
 * Tasks:
 * - `floor`   read + decode (ingest) + normalise + tokenise every article: what any tool must do.
 * - `stages`  text, extract+resolve, relate on the first `limit` articles, in one thread, after
 *             an untimed warm-up pass over the first 500.
 * - `lexicon` load the lexicon and build the matcher (what every worker pays once).
 * - `build`   runBuild with the given options (workers, out, …).
 */
import { cpus } from 'node:os';
import { parseBuildOptions } from '../src/config/options.ts';
import { extractArticle } from '../src/extract/index.ts';
import { readInputs } from '../src/ingest/index.ts';
import type { RawArticle } from '../src/ingest/types.ts';
import { createArticleContext, processOne } from '../src/pipeline/article.ts';
import { runBuild } from '../src/pipeline/build.ts';
import { relateArticle } from '../src/relate/index.ts';
import { pinDates } from '../src/resolve/index.ts';
import { processArticle } from '../src/text/index.ts';
import { normalize } from '../src/text/normalize.ts';
import { tokenize } from '../src/text/tokenize.ts';

const [task, raw] = process.argv.slice(2);
const args = JSON.parse(raw ?? '{}') as Record<string, unknown>;
const wall0 = performance.now();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function floor(path: string) {
  let articles = 0;
  let bytes = 0;
  let tokens = 0;
  for await (const item of readInputs([path])) {
    if (item.type !== 'article') continue;
    articles++;
    bytes += item.article.bytes;
    tokens += tokenize(normalize(item.article.text).text).length;
  }
  return { articles, bytes, tokens };
}

async function stages(path: string, limit: number) {
  const ctx = createArticleContext({
    window: 'sentence',
    evidenceMaxChars: 600,
    lexicon: [],
    strict: false,
  });
  const arts: RawArticle[] = [];
  for await (const item of readInputs([path])) {
    if (item.type !== 'article') continue;
    arts.push(item.article);
    if (arts.length >= limit) break;
  }
  const out: Record<string, { cpu_seconds: number; articles_per_s_per_core: number }> = {};
  const rate = (name: string, c0: number) => {
    const s = cpu() - c0;
    out[name] = {
      cpu_seconds: Math.round(s * 1000) / 1000,
      articles_per_s_per_core: Math.round(arts.length / s),
    };
  };
  // Warm the JIT first (a long build runs warm): the build's own per-article path, untimed,
  // over the first articles.
  for (const a of arts.slice(0, Math.min(500, arts.length))) {
    processOne(a, ctx, { text: 0, extract: 0, relate: 0 });
  }
  const relateOptions = {
    window: ctx.settings.window,
    evidenceMaxChars: ctx.settings.evidenceMaxChars,
  };
  let c = cpu();
  const processed = arts.map((a) => processArticle(a));
  rate('text', c);
  c = cpu();
  const extracted = processed.map((p) => {
    const x = extractArticle(p, ctx.matcher);
    p.dates = pinDates(p, x, ctx.matcher.lexicon);
    return x;
  });
  rate('extract', c);
  c = cpu();
  let edges = 0;
  processed.forEach((p, i) => {
    edges += relateArticle(p, extracted[i]!, ctx.matcher, ctx.cues, relateOptions).length;
  });
  rate('relate', c);
  const total = out.text!.cpu_seconds + out.extract!.cpu_seconds + out.relate!.cpu_seconds;
  return {
    articles: arts.length,
    edges,
    ...out,
    all: { cpu_seconds: total, articles_per_s_per_core: Math.round(arts.length / total) },
  };
}

function lexicon() {
  const c = cpu();
  const t = performance.now();
  const ctx = createArticleContext({
    window: 'sentence',
    evidenceMaxChars: 600,
    lexicon: [],
    strict: false,
  });
  return {
    seconds: (performance.now() - t) / 1000,
    cpu_seconds: cpu() - c,
    entities: ctx.lexicon.entities.size,
  };
}

async function build() {
  const { report } = await runBuild(parseBuildOptions(args.options));
  return { report };
}

let result: unknown;
if (task === 'floor') result = await floor(String(args.path));
else if (task === 'stages') result = await stages(String(args.path), Number(args.limit ?? 5000));
else if (task === 'lexicon') result = lexicon();
else if (task === 'build') result = await build();
else throw new Error(`bench: unknown task ${task}`);

const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    task,
    result,
    wall_seconds: (performance.now() - wall0) / 1000,
    cpu_seconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peak_rss_mb: Math.round(usage.maxRSS / 1024),
    cores: cpus().length,
  })}\n`,
);
