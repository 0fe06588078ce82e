/**
 * pipeline: worker threads, incremental updates and clean interruption, on the seed articles
 * (Arabic, Persian, English) and the article fixtures, plus a few unlisted foreign ministers
 * that the extractor discovers as candidates and merges across articles.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../bench/generate.ts';
import { BuildReport } from '../graph-schema/schema.ts';
import { parseBuildOptions } from '../src/config/options.ts';
import { loadLexicon } from '../src/lexicon/index.ts';
import {
  layoutIterationsFor,
  readUpdateBase,
  remapEvidenceLine,
  runBuild,
  STATE_FILE,
} from '../src/pipeline/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/articles/', import.meta.url));
const GRAPH_FILES = [
  'graph.json',
  'graph.gexf',
  'graph.dynamic.gexf',
  'graph.graphml',
  'nodes.csv',
  'edges.csv',
];
const DETERMINISTIC = [...GRAPH_FILES, 'evidence.jsonl', 'articles.jsonl'];

/** Foreign ministers missing from the lexicon: discovered from the cue «Foreign Minister X». */
const HOUSSEIN =
  'Djibouti and China discuss Red Sea shipping\n\nDjiboutian Foreign Minister Abdoulkader Houssein Omar met Chinese Foreign Minister Wang Yi in Beijing on Monday, the ministry said.\n\nThe two ministers discussed port investment and security in the region.\n';
const HUSSEIN =
  'Djibouti and Jordan talk trade\n\nDjiboutian Foreign Minister Abdoulkader Hussein Omar met Jordanian Foreign Minister Ayman Safadi in Amman on Tuesday.\n\nThe two ministers discussed trade and the situation in Gaza.\n';
const AR_OMAR =
  'جيبوتي والأردن يبحثان التعاون\n\nالتقى وزير الخارجية الجيبوتي عبد القادر حسين عمر في عمّان مع وزير الخارجية الأردني أيمن الصفدي.\n\nوبحث الجانبان سبل تعزيز التعاون الثنائي.\n';

const seeds = readdirSync(SEEDS).sort();
let work: string;
let partA: string;
let partB: string;

const fresh = (name: string) => mkdtempSync(join(work, `${name}-`));
const build = (inputs: string[], out: string, extra: Record<string, unknown> = {}) =>
  runBuild(parseBuildOptions({ inputs, out, workers: 1, ...extra }));
const bytes = (dir: string, f: string) => readFileSync(join(dir, f));
const lines = (dir: string, f: string) =>
  readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).sort();
const listing = (dir: string) => readdirSync(dir).sort();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dg-pipeline-'));
  // Part A sorts before part B, as a nightly folder would.
  partA = join(work, 'a-2023-11');
  partB = join(work, 'b-2023-12');
  mkdirSync(partA);
  mkdirSync(partB);
  for (const f of seeds.slice(0, 3)) copyFileSync(join(SEEDS, f), join(partA, f));
  for (const f of seeds.slice(3)) copyFileSync(join(SEEDS, f), join(partB, f));
  for (const f of ['ar-jordan-china-call.txt', 'fa-turkey-china-meeting.txt'])
    copyFileSync(join(FIXTURES, f), join(partA, f));
  copyFileSync(join(FIXTURES, 'en-received-call.txt'), join(partB, 'en-received-call.txt'));
  writeFileSync(join(partA, 'en-djibouti-houssein.txt'), HOUSSEIN);
  writeFileSync(join(partB, 'en-djibouti-hussein.txt'), HUSSEIN);
  writeFileSync(join(partB, 'ar-djibouti-omar.txt'), AR_OMAR);
  // The same text again (a duplicate) and another text under an id part A already has.
  copyFileSync(join(SEEDS, seeds[0]!), join(partB, 'copy-of-first-seed.txt'));
  copyFileSync(join(FIXTURES, 'ar-jordan-2015.txt'), join(partB, seeds[1]!));
});

describe('pipeline: worker threads', () => {
  it('gives byte-identical outputs on 1 and 3 workers', async () => {
    const one = fresh('w1');
    const three = fresh('w3');
    const r1 = await build([partA, partB], one, { workers: 1 });
    const r3 = await build([partA, partB], three, { workers: 3 });
    expect(r3.report.options.workers).toBe(3);
    expect(r1.report.counts).toEqual(r3.report.counts);
    expect(r1.report.skipped).toEqual(r3.report.skipped);
    expect(r1.report.duplicates).toEqual(r3.report.duplicates);
    for (const f of DETERMINISTIC) expect(bytes(three, f).equals(bytes(one, f)), f).toBe(true);
    // The unlisted minister's two spellings became one node.
    expect(r1.report.merges).toEqual([
      expect.objectContaining({
        into: 'person:abdoulkader-hussein-omar',
        from: ['person:abdoulkader-houssein-omar'],
      }),
    ]);
  }, 180_000);

  it('runs many small batches through the workers in input order', async () => {
    const dir = fresh('syn');
    const lex = loadLexicon();
    const records = [...generateArticles(lex, { count: 300, seed: 11 })];
    writeFileSync(join(dir, 'corpus.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
    const one = fresh('syn1');
    const two = fresh('syn2');
    await build([join(dir, 'corpus.jsonl')], one, { workers: 1 });
    const r = await build([join(dir, 'corpus.jsonl')], two, { workers: 2 });
    expect(r.report.counts.articles_read).toBe(300);
    for (const f of DETERMINISTIC) expect(bytes(two, f).equals(bytes(one, f)), f).toBe(true);
    const ids = lines(two, 'articles.jsonl').map((l) => (JSON.parse(l) as { id: string }).id);
    const written = readFileSync(join(two, 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(written).toEqual(records.map((x) => x.id));
    expect(new Set(ids).size).toBe(300);
  }, 180_000);
});

describe('pipeline: incremental builds', () => {
  let full: string;
  let inc: string;
  let fullReport: BuildReport;
  let updateReport: BuildReport;

  beforeAll(async () => {
    full = fresh('full');
    inc = fresh('inc');
    fullReport = (await build([partA, partB], full)).report;
    await build([partA], inc, { incremental: true });
    expect(listing(inc)).toContain(STATE_FILE);
    const base = await readUpdateBase(inc);
    updateReport = (await build([partB], inc, { ...base, update: true })).report;
  }, 240_000);

  it('update(A then B) equals build(A ∪ B), byte for byte', () => {
    for (const f of DETERMINISTIC) expect(bytes(inc, f).equals(bytes(full, f)), f).toBe(true);
    // Graph counts are the graph's; files, skips and duplicates count this run's inputs.
    const graphCounts = ({ files, articles_skipped, duplicates, ...c }: BuildReport['counts']) => c;
    expect(graphCounts(updateReport.counts)).toEqual(graphCounts(fullReport.counts));
    expect(updateReport.merges).toEqual(fullReport.merges);
    expect(BuildReport.safeParse(updateReport).success).toBe(true);
  });

  it('skips content already in the build and renames a reused id the way a full build does', () => {
    expect(updateReport.duplicates).toEqual([
      {
        source: join(partB, 'copy-of-first-seed.txt'),
        same_as: seeds[0]!.replace(/\.txt$/, ''),
      },
    ]);
    const ids = lines(inc, 'articles.jsonl').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toContain(`${seeds[1]!.replace(/\.txt$/, '')}~2`);
    expect(updateReport.options.update).toEqual({
      articles_before: 6,
      articles_added: fullReport.counts.articles_read - 6,
    });
  });

  it('re-keys old evidence when the update merges a candidate from the first build', () => {
    const text = readFileSync(join(inc, 'evidence.jsonl'), 'utf8');
    expect(text).not.toContain('person:abdoulkader-houssein-omar');
    expect(text).toContain('person:abdoulkader-hussein-omar');
  });

  it('changes nothing when the same inputs come again', async () => {
    const before = Object.fromEntries(DETERMINISTIC.map((f) => [f, bytes(inc, f)]));
    const { report } = await build([partA, partB], inc, {
      ...(await readUpdateBase(inc)),
      update: true,
    });
    expect(report.counts.duplicates).toBe(fullReport.counts.articles_read + 1);
    for (const f of DETERMINISTIC) expect(bytes(inc, f).equals(before[f]!), f).toBe(true);
  }, 120_000);

  it('gives the same graph when the parts come in the other order', async () => {
    // Without the repeated text and the reused id: the first one read keeps its id either way.
    const b2 = fresh('b-only');
    for (const f of readdirSync(partB)) {
      if (f !== seeds[1] && f !== 'copy-of-first-seed.txt')
        copyFileSync(join(partB, f), join(b2, f));
    }
    const all = fresh('all');
    await build([partA, b2], all);
    const rev = fresh('rev');
    await build([b2], rev, { incremental: true });
    await build([partA], rev, { ...(await readUpdateBase(rev)), update: true });
    for (const f of GRAPH_FILES) expect(bytes(rev, f).equals(bytes(all, f)), f).toBe(true);
    for (const f of ['evidence.jsonl', 'articles.jsonl'])
      expect(lines(rev, f)).toEqual(lines(all, f));
  }, 240_000);

  it('refuses an update without state, or with other options', async () => {
    const plain = fresh('plain');
    await build([partA], plain);
    await expect(build([partB], plain, { update: true })).rejects.toThrow(/--incremental/);
    await expect(
      build([partB], inc, { ...(await readUpdateBase(inc)), window: 'article', update: true }),
    ).rejects.toThrow(/window/);
  }, 120_000);
});

describe('pipeline: stopping', () => {
  const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('an abort while reading or exporting leaves the folder as it was, without temp files', async () => {
    const out = fresh('abort');
    await build([partA], out);
    const before = Object.fromEntries(listing(out).map((f) => [f, bytes(out, f)]));
    for (const phase of ['read', 'export'] as const) {
      const controller = new AbortController();
      await expect(
        runBuild(
          parseBuildOptions({ inputs: [partA, partB], out, workers: 2 }),
          (p) => {
            if (p.phase === phase) controller.abort(new Error(`stop at ${phase}`));
          },
          () => {},
          { signal: controller.signal },
        ),
      ).rejects.toThrow(`stop at ${phase}`);
      expect(tmpFiles(out)).toEqual([]);
      expect(listing(out)).toEqual(Object.keys(before).sort());
      for (const [f, b] of Object.entries(before)) expect(bytes(out, f).equals(b), f).toBe(true);
    }
  }, 180_000);

  it('Ctrl-C on the command line exits 130, writes nothing and removes its temp files', async () => {
    const dir = fresh('sigint');
    const lex = loadLexicon();
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(
      corpus,
      [...generateArticles(lex, { count: 4000, seed: 5 })].map((r) => JSON.stringify(r)).join('\n'),
    );
    const out = join(dir, 'out');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        'build',
        corpus,
        '--out',
        out,
        '--workers',
        '1',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    // Interrupt once the build is writing (its temporary files exist).
    for (let i = 0; i < 600 && !(existsSync(out) && tmpFiles(out).length > 0); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(tmpFiles(out).length).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(listing(out)).toEqual([]);
  }, 120_000);
});

describe('pipeline: pieces', () => {
  it('re-keys an evidence line that names a merged candidate, leaves others untouched', () => {
    const remap = new Map([['person:b-long', 'person:b']]);
    const line = JSON.stringify({
      edge: 'co_mention:person:b-long|person:z',
      kind: 'co_mention',
      source: 'person:b-long',
      target: 'person:z',
      hash: 'h',
      article: 'x',
      text: 'وزير الخارجية',
      start: 0,
      end: 13,
    });
    const r = JSON.parse(remapEvidenceLine(line, remap));
    expect(r).toMatchObject({ edge: 'co_mention:person:b|person:z', source: 'person:b' });
    const other = line.replaceAll('b-long', 'c');
    expect(remapEvidenceLine(other, remap)).toBe(other);
    const role = JSON.stringify({
      edge: 'role:foreign_minister:person:b-long->country:DJ',
      kind: 'role',
      source: 'person:b-long',
      target: 'country:DJ',
      office: 'foreign_minister',
      hash: 'h',
      article: 'x',
      text: 't',
      start: 0,
      end: 1,
    });
    expect(JSON.parse(remapEvidenceLine(role, remap)).edge).toBe(
      'role:foreign_minister:person:b->country:DJ',
    );
  });

  it('cuts layout iterations as the graph grows, within bounds', () => {
    expect(layoutIterationsFor(50, 200)).toBe(500);
    const mid = layoutIterationsFor(1400, 18_000);
    expect(mid).toBeLessThan(500);
    expect(mid).toBeGreaterThan(100);
    expect(layoutIterationsFor(1900, 1_500_000)).toBeLessThan(mid);
    expect(layoutIterationsFor(100_000, 5_000_000)).toBe(20);
  });
});
