/**
 * pipeline/build — the `build` job: inputs → ingest → text → extract → resolve → relate →
 * corpus graph → exports. Articles stream through one at a time; memory holds the graph
 * (entities, edges, capped evidence), never the corpus. Full evidence and per-article records
 * stream to disk. One bad article never stops the run: it becomes a `skipped` entry.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ArticleRecord, BuildReport, EvidenceRecord } from '../../graph-schema/schema.ts';
import { GENERATOR, VERSION } from '../config/version.ts';
import { atomicWriteFile, createAtomicWriteStream, writeGraphExports } from '../export/index.ts';
import { extractArticle } from '../extract/index.ts';
import { CorpusAccumulator } from '../graph/accumulate.ts';
import { mergeCandidates, toGraph } from '../graph/finalize.ts';
import { readInputs } from '../ingest/index.ts';
import { buildMatcher, loadLexicon } from '../lexicon/index.ts';
import { loadCues, relateArticle } from '../relate/index.ts';
import { pinDates } from '../resolve/index.ts';
import { BoilerplateIndex, processArticle } from '../text/index.ts';
import type { BuildOptions, BuildProgress, BuildResult } from './types.ts';

const now = () => performance.now() / 1000;

/**
 * Run a build. `onProgress` is called after every article (the CLI draws the bar).
 */
export async function runBuild(
  options: BuildOptions,
  onProgress: (p: BuildProgress) => void = () => {},
  onWarning: (line: string) => void = () => {},
): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const t0 = now();
  const lexicon = loadLexicon({ extra: options.lexicon });
  const matcher = buildMatcher(lexicon);
  const cues = loadCues();
  timings.lexicon = now() - t0;

  await mkdir(options.out, { recursive: true });
  const tmpEvidence = join(options.out, '.evidence.partial.jsonl');
  const evidenceStream = createAtomicWriteStream(tmpEvidence);
  const articlesStream = createAtomicWriteStream(join(options.out, 'articles.jsonl'));

  const acc = new CorpusAccumulator(lexicon, options.evidenceCap);
  const skipped: BuildReport['skipped'] = [];
  const duplicates: BuildReport['duplicates'] = [];
  const boilerplate = new BoilerplateIndex();
  let files = 0;
  let bytes = 0;
  let mentions = 0;
  const stage = { text: 0, extract: 0, relate: 0, graph: 0 };
  const inputs = [...options.inputs].sort();
  try {
    for await (const item of readInputs(inputs, {
      strict: options.strict,
      maxBytes: options.maxBytes,
    })) {
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
      const a = item.article;
      files++;
      bytes += a.bytes;
      try {
        let t = now();
        const p = processArticle(a, { boilerplate });
        stage.text += now() - t;
        t = now();
        const x = extractArticle(p, matcher);
        p.dates = pinDates(p, x, matcher.lexicon);
        stage.extract += now() - t;
        const date = p.published;
        if (
          (options.since || options.until) &&
          (!date ||
            (options.since && date < options.since) ||
            (options.until && date > options.until))
        ) {
          skipped.push({
            source: a.source,
            ...(a.line ? { line: a.line } : {}),
            reason: date
              ? `outside --since/--until (${date})`
              : 'no publication date (needed for --since/--until)',
          });
          continue;
        }
        t = now();
        const edges = relateArticle(p, x, matcher, cues, {
          window: options.window,
          evidenceMaxChars: options.evidenceMaxChars,
        });
        stage.relate += now() - t;
        t = now();
        acc.addArticle(a.id, date, x, edges);
        stage.graph += now() - t;
        for (const e of edges) {
          for (const ev of e.evidence) {
            const rec: EvidenceRecord = {
              edge: e.key,
              kind: e.kind,
              source: e.source,
              target: e.target,
              ...(e.action ? { action: e.action } : {}),
              ...(e.office ? { office: e.office } : {}),
              hash: a.hash,
              ...ev,
            };
            evidenceStream.write(`${JSON.stringify(rec)}\n`);
          }
        }
        const counts: Record<string, number> = {};
        const excluded = new Set<string>();
        for (const m of x.mentions) {
          if (m.main) {
            counts[m.entity] = (counts[m.entity] ?? 0) + 1;
            mentions++;
          } else excluded.add(m.entity);
        }
        for (const id of Object.keys(counts)) excluded.delete(id);
        const rec: ArticleRecord = {
          id: a.id,
          hash: a.hash,
          source: a.source,
          ...(date ? { date } : {}),
          lang: p.lang,
          ...(a.meta.outlet ? { outlet: a.meta.outlet } : {}),
          ...(a.meta.url ? { url: a.meta.url } : {}),
          ...(a.meta.title ? { title: a.meta.title } : {}),
          mentions: Object.fromEntries(
            Object.entries(counts).sort(([k1], [k2]) => (k1 < k2 ? -1 : 1)),
          ),
          excluded: [...excluded].sort(),
        };
        articlesStream.write(`${JSON.stringify(rec)}\n`);
      } catch (err) {
        if (options.strict) throw err;
        const reason = `failed: ${(err as Error).message}`;
        skipped.push({ source: a.source, ...(a.line ? { line: a.line } : {}), reason });
        onWarning(`skipped ${a.source}: ${reason}`);
      }
      onProgress({ articles: acc.articleCount, skipped: skipped.length, bytes, source: a.source });
    }
    await evidenceStream.commit();
    await articlesStream.commit();
  } catch (err) {
    await evidenceStream.abort();
    await articlesStream.abort();
    throw err;
  }
  Object.assign(timings, stage);

  let t = now();
  const merges = mergeCandidates(acc);
  const graph = toGraph(acc, lexicon, {
    seed: options.seed,
    name: 'diplograph',
    ...(options.layoutIterations !== undefined
      ? { layoutIterations: options.layoutIterations }
      : {}),
    betweennessMaxNodes: options.betweennessMaxNodes,
  });
  timings.finalize = now() - t;

  // Evidence with merged candidate ids re-keyed, in the order it was written.
  t = now();
  const remap = new Map<string, string>();
  for (const m of merges) for (const f of m.from) remap.set(f, m.into);
  const evidenceOut = createAtomicWriteStream(join(options.out, 'evidence.jsonl'));
  const lines = createInterface({
    input: createReadStream(tmpEvidence, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line) continue;
    if (remap.size === 0) {
      evidenceOut.write(`${line}\n`);
      continue;
    }
    const r = JSON.parse(line) as EvidenceRecord;
    const s = remap.get(r.source) ?? r.source;
    const tt = remap.get(r.target) ?? r.target;
    if (s !== r.source || tt !== r.target) {
      const [a, b] = r.kind === 'role' || s < tt ? [s, tt] : [tt, s];
      r.source = a;
      r.target = b;
      r.edge =
        r.kind === 'role'
          ? `role:${r.office}:${a}->${b}`
          : r.kind === 'interaction'
            ? `interaction:${r.action}:${a}|${b}`
            : `co_mention:${a}|${b}`;
    }
    evidenceOut.write(`${JSON.stringify(r)}\n`);
  }
  await evidenceOut.commit();
  await rm(tmpEvidence, { force: true });

  const outputs = await writeGraphExports(options.out, graph, { articleDates: acc.articleDates });
  timings.export = now() - t;
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
    },
    counts: {
      files,
      articles_read: acc.articleCount,
      articles_skipped: skipped.length,
      duplicates: duplicates.length,
      entities: graph.order,
      candidates,
      edges: graph.size,
      edges_by_kind: edgesByKind,
      mentions,
      teaser_only_entities: acc.teaserOnly,
    },
    skipped,
    duplicates,
    timings: Object.fromEntries(
      Object.entries(timings).map(([k, v]) => [k, Math.round(v * 1000) / 1000]),
    ),
    merges,
    outputs: {},
  };
  const reportText = `${JSON.stringify(report, null, 2)}\n`;
  report.outputs = { ...outputs, 'report.json': Buffer.byteLength(reportText) };
  await atomicWriteFile(join(options.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { report, graph, outputs };
}
