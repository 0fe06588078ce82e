/**
 * End to end: the real lexicon, the seed articles in ../shared/seeds, every output file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ArticleRecord,
  BuildReport,
  EvidenceRecord,
  SerializedGraph,
} from '../graph-schema/schema.ts';
import { parseBuildOptions } from '../src/config/options.ts';
import { runBuild } from '../src/pipeline/build.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const OUTPUTS = [
  'graph.json',
  'graph.gexf',
  'graph.dynamic.gexf',
  'graph.graphml',
  'nodes.csv',
  'edges.csv',
  'evidence.jsonl',
  'articles.jsonl',
  'report.json',
];
const DETERMINISTIC = OUTPUTS.filter((f) => f !== 'report.json');

const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);

let out: string;
let graph: SerializedGraph;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'dg-build-'));
  await runBuild(parseBuildOptions({ inputs: [SEEDS], out }));
  graph = SerializedGraph.parse(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')));
}, 120_000);

describe('build on the seed articles', () => {
  it('writes every output, each valid against its schema', () => {
    expect(readdirSync(out).sort()).toEqual([...OUTPUTS].sort());
    const report = BuildReport.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(report.counts.articles_read).toBe(5);
    expect(report.counts.entities).toBe(graph.nodes.length);
    expect(report.counts.edges).toBe(graph.edges.length);
    for (const r of jsonl(join(out, 'evidence.jsonl'))) EvidenceRecord.parse(r);
    for (const r of jsonl(join(out, 'articles.jsonl'))) ArticleRecord.parse(r);
  });

  it('makes one node each for Lavrov, Amir-Abdollahian, Russia and Iran, attributed to the right articles', () => {
    const node = (k: string) => graph.nodes.find((n) => n.key === k)?.attributes;
    const ids = readdirSync(SEEDS)
      .map((f) => f.replace(/\.txt$/, ''))
      .sort();
    expect(node('person:sergey-lavrov')?.articles).toEqual(ids);
    expect(node('person:hossein-amir-abdollahian')?.articles).toEqual([ids[0], ids[2]]);
    expect(node('country:RU')?.articles).toEqual(ids);
    expect(node('country:IR')?.articles).toEqual(expect.arrayContaining([ids[0], ids[2]]));
    // No second node for any spelling of the same person.
    const lavrovish = graph.nodes.filter((n) =>
      /lavrov|لافروف|لاوروف/i.test(
        `${n.key} ${n.attributes.label} ${n.attributes.aliases.join(' ')}`,
      ),
    );
    expect(lavrovish.map((n) => n.key)).toEqual(['person:sergey-lavrov']);
    expect(node('person:sergey-lavrov')?.aliases).toEqual(
      expect.arrayContaining(['سيرجي لافروف', 'سيرغي لافروف', 'سرگئی لاوروف', 'لافروف', 'لاوروف']),
    );
  });

  it('finds the gold phone calls, the Persian one dated 2023-11-03', () => {
    const edge = (k: string) => graph.edges.find((e) => e.key === k)?.attributes;
    const aa = edge('interaction:phone_call:person:hossein-amir-abdollahian|person:sergey-lavrov');
    expect(aa?.articles).toHaveLength(2);
    expect(aa?.dates).toContain('2023-11-03');
    expect(
      edge('interaction:phone_call:person:sameh-shoukry|person:sergey-lavrov')?.articles,
    ).toHaveLength(1);
    expect(
      edge('interaction:phone_call:person:marco-rubio|person:sergey-lavrov')?.articles,
    ).toHaveLength(1);
  });

  it('never links actors that only a teaser names', () => {
    const mentioned = new Map(
      (jsonl(join(out, 'articles.jsonl')) as ArticleRecord[]).map((a) => [a.id, a.mentions]),
    );
    for (const e of graph.edges) {
      for (const a of e.attributes.articles) {
        expect(mentioned.get(a)?.[e.source], `${e.key} in ${a}`).toBeGreaterThan(0);
        expect(mentioned.get(a)?.[e.target], `${e.key} in ${a}`).toBeGreaterThan(0);
      }
    }
    // Erdoğan is only in a teaser of seed 000 — and in no other seed.
    expect(graph.nodes.some((n) => n.key === 'person:recep-tayyip-erdogan')).toBe(false);
  });

  it('cuts every evidence sentence from the original text', () => {
    const texts = new Map(
      readdirSync(SEEDS).map((f) => [
        f.replace(/\.txt$/, ''),
        readFileSync(join(SEEDS, f), 'utf8').replace(/\r\n?/g, '\n'),
      ]),
    );
    for (const r of jsonl(join(out, 'evidence.jsonl')) as EvidenceRecord[]) {
      expect(texts.get(r.article)!.slice(r.start, r.end)).toBe(r.text);
    }
  });

  it('gives byte-identical outputs whatever order the inputs come in', async () => {
    const files = readdirSync(SEEDS).map((f) => join(SEEDS, f));
    const again = mkdtempSync(join(tmpdir(), 'dg-build-'));
    await runBuild(
      parseBuildOptions({
        inputs: [files[3]!, files[0]!, files[4]!, files[2]!, files[1]!],
        out: again,
      }),
    );
    for (const f of DETERMINISTIC)
      expect(readFileSync(join(again, f)), f).toEqual(readFileSync(join(out, f)));
  });
});

describe('diplograph CLI', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('builds from the command line and prints a summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-cli-'));
    const r = cli('build', SEEDS, '--out', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5 articles read, 0 skipped/);
    expect(r.stdout).toMatch(/entities/);
    const n = cli('neighbors', 'لاوروف', '--dir', dir, '--kind', 'interaction');
    expect(n.status, n.stderr).toBe(0);
    expect(n.stdout).toContain('person:hossein-amir-abdollahian');
    expect(n.stdout).toContain('phone_call');
  });

  it('--formats writes only the exports asked for (graph.json always), and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-cli-'));
    const r = cli('build', SEEDS, '--out', dir, '--formats', 'json,csv');
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'articles.jsonl',
      'edges.csv',
      'evidence.jsonl',
      'graph.json',
      'nodes.csv',
      'report.json',
    ]);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.options.formats).toEqual(['json', 'csv']);
    const bad = cli('build', SEEDS, '--out', dir, '--formats', 'gexf');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('must include json');
  });

  it('names a missing input and fails only when nothing could be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-cli-'));
    const r = cli('build', '/nonexistent/articles', '--out', dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toContain('/nonexistent/articles');
    const ok = cli(
      'build',
      '/nonexistent/articles',
      join(SEEDS, readdirSync(SEEDS)[0]!),
      '--out',
      dir,
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout + ok.stderr).toContain('/nonexistent/articles');
  });

  it('has --help for every command', () => {
    for (const c of ['build', 'inspect', 'neighbors', 'serve', 'load', 'query', 'start']) {
      const r = cli(c, '--help');
      expect(r.status, c).toBe(0);
      expect(r.stdout).toContain(`Usage: diplograph ${c}`);
    }
    void execFileSync;
  });
});
