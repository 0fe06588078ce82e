/**
 * Neo4j sink, without a server: build-output reading and rows, relationship keys, the dry-run
 * plan (and the CLI's --dry-run, which must connect to nothing), article decisions, parameter
 * parsing, named query headers, table/CSV/JSON output with Arabic and Persian, error lines,
 * version checks and the neo4j-admin command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth, wrap } from '../src/neo4j/format.ts';
import {
  adminImportCommand,
  articleRows,
  buildRows,
  checkServerVersion,
  completeParams,
  describeNeo4jError,
  displayUri,
  formatCsv,
  formatJson,
  formatTable,
  loaderStatements,
  parseParams,
  parseQueryFile,
  parseServerVersion,
  planLoad,
  readBuildOutput,
  relationshipKey,
  resolveConnection,
  schemaStatements,
} from '../src/neo4j/index.ts';
import { parseParamValue } from '../src/neo4j/query.ts';
import type { BuildOutput } from '../src/neo4j/types.ts';
import { articleState } from '../src/neo4j/writer.ts';
import { fixtureBuild, writeFixtureBuild } from './neo4j/fixtures/generate.ts';
import { freePort } from './neo4j/launch.ts';

let tmp = '';
let first: BuildOutput;
let later: BuildOutput;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'diplograph-neo4j-unit-'));
  first = await readBuildOutput(writeFixtureBuild(join(tmp, 'first'), 'first'));
  later = await readBuildOutput(writeFixtureBuild(join(tmp, 'later'), 'later'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('fixture builds', () => {
  it('are schema-valid (readBuildOutput validates) and deterministic', () => {
    expect(first.articles.map((a) => a.lang)).toEqual(['ar', 'fa', 'en', 'ar']);
    expect(later.articles).toHaveLength(6);
    expect(JSON.stringify(fixtureBuild('later'))).toBe(JSON.stringify(fixtureBuild('later')));
  });
  it('keep content hashes across builds, and the revised build changes one', () => {
    const h = (b: ReturnType<typeof fixtureBuild>) =>
      Object.fromEntries(b.articles.map((a) => [a.id, a.hash]));
    const [f, l, r] = [
      h(fixtureBuild('first')),
      h(fixtureBuild('later')),
      h(fixtureBuild('revised')),
    ];
    for (const id of Object.keys(f)) expect(l[id]).toBe(f[id]);
    expect(Object.keys(l).filter((id) => l[id] !== r[id])).toEqual([
      'fa-2023-11-12-amirabdollahian-call',
    ]);
  });
  it('name edges differently in each build (the loader must not rely on edge keys)', () => {
    const k1 = new Set(first.graph.edges.map((e) => e.key));
    expect(later.graph.edges.some((e) => k1.has(e.key))).toBe(false);
  });
});

describe('relationship keys', () => {
  it('sort co-mention endpoints and undirected interactions, keep directed ones', () => {
    expect(relationshipKey('co_mention', 'country:RU', 'country:IR', {}).key).toBe(
      'co_mention|country:IR|country:RU',
    );
    const u = relationshipKey('interaction', 'person:x', 'person:a', { action: 'meeting' });
    expect([u.key, u.source]).toEqual(['interaction|person:a|person:x|meeting', 'person:a']);
    const d = relationshipKey('interaction', 'person:x', 'person:a', {
      action: 'phone_call',
      directed: true,
    });
    expect(d.key).toBe('interaction|person:x|person:a|phone_call');
    expect(relationshipKey('role', 'person:x', 'country:RU', { office: 'president' }).key).toBe(
      'role|person:x|country:RU|president',
    );
  });
});

describe('rows', () => {
  it('carry every entity, relationship and evidence line once, in a stable order', () => {
    const b = buildRows(later);
    const total = Object.values(b.entities).reduce((n, r) => n + r.length, 0);
    expect(total).toBe(later.graph.nodes.length);
    expect(b.relationships.co_mention.length).toBe(
      later.graph.edges.filter((e) => e.attributes.kind === 'co_mention').length,
    );
    const a = articleRows(later, b, () => true);
    expect(a.evidence.length).toBe(later.evidence.length);
    expect(a.articles.map((x) => x.id)).toEqual(later.articles.map((x) => x.id));
    const again = articleRows(later, buildRows(later), () => true);
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
    // Integers travel as Neo4j integers (not floats).
    const ev = a.evidence[0]!;
    expect(typeof ev.start).toBe('object');
  });
  it('group interaction evidence into one event per (article, relationship), with topics', () => {
    const a = articleRows(later, buildRows(later), () => true);
    const calls = a.interactions.filter((i) => i.action === 'phone_call');
    expect(calls.map((c) => [c.article, c.directed])).toEqual(
      expect.arrayContaining([
        ['ar-2023-11-02-lavrov-call', false],
        ['fa-2023-11-12-amirabdollahian-call', false],
        ['ar-2023-11-28-shoukry-lavrov', true],
      ]),
    );
    const topicsOf = (article: string, action: string) => {
      const ids = a.interactions
        .filter((i) => i.article === article && i.action === action)
        .map((i) => i.id);
      return a.topics.filter((t) => ids.includes(t.interaction)).map((t) => t.entity);
    };
    // Two articles support the Lavrov–Amir-Abdollahian call: each event keeps the topics its
    // own sentence names (قطاع غزة / نوار غزه both fold to aliases of the Gaza Strip).
    expect(topicsOf('ar-2023-11-02-lavrov-call', 'phone_call')).toEqual(['place:gaza-strip']);
    expect(topicsOf('fa-2023-11-12-amirabdollahian-call', 'phone_call')).toEqual([
      'place:gaza-strip',
    ]);
    expect(topicsOf('en-2023-11-21-lavrov-faisal', 'meeting')).toEqual([
      'conflict:israel-hamas-war',
    ]);
    const lavrovCaller = a.participants.filter(
      (p) => p.role === 'source' && p.entity === 'person:sergey-lavrov',
    );
    expect(lavrovCaller).toHaveLength(1);
  });
  it('leave out the contribution of articles not being loaded', () => {
    const known = new Set(first.articles.map((x) => x.id));
    const a = articleRows(later, buildRows(later), (id) => !known.has(id));
    expect(a.articles.map((x) => x.id)).toEqual([
      'ar-2023-11-28-shoukry-lavrov',
      'fa-2023-12-03-amirabdollahian-aboulgheit',
    ]);
    expect(a.evidence.every((e) => !known.has(e.article as string))).toBe(true);
    expect(a.touched.entities.has('person:ahmed-aboul-gheit')).toBe(true);
    expect(a.touched.entities.has('person:antony-blinken')).toBe(false);
  });
  it('turn lexicon offices into one HOLDS_OFFICE row per person, office and country', () => {
    const b = buildRows(later);
    const aa = b.offices.find((o) => o.person === 'person:hossein-amir-abdollahian');
    expect(aa).toMatchObject({
      office: 'foreign_minister',
      of: 'country:IR',
      from: '2021-08-25',
      to: '2024-05-19',
      lexicon: true,
    });
  });
  it('report a build folder that is not one, naming the file', async () => {
    const bad = join(tmp, 'bad');
    writeFixtureBuild(bad, 'first');
    writeFileSync(join(bad, 'evidence.jsonl'), '{"edge": 1}\n');
    await expect(readBuildOutput(bad)).rejects.toThrow(
      /^neo4j: .*evidence\.jsonl:1: not EvidenceRecord lines/,
    );
    await expect(readBuildOutput(join(tmp, 'nothing'))).rejects.toThrow(
      /^neo4j: .*graph\.json is missing/,
    );
  });
});

describe('dry run', () => {
  it('plans every statement with batches and rows', () => {
    const plan = planLoad(later, { batchSize: 10 });
    const known = new Set(loaderStatements(true).map((s) => s.cypher));
    for (const p of plan) {
      expect(known.has(p.cypher) || p.cypher === 'CALL db.awaitIndexes(300)').toBe(true);
      expect(p.batches).toBe(p.rows === 0 ? 1 : Math.ceil(p.rows / 10));
    }
    const ev = plan.find((p) => p.name === 'evidence')!;
    expect(ev.rows).toBe(later.evidence.length);
    expect(new Set(plan.map((p) => p.cypher)).size).toBe(plan.length);
  });

  it('the CLI prints the plan as JSON and connects to nothing', async () => {
    const port = await freePort(); // nothing listens there: a connection attempt would fail
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'load',
        join(tmp, 'later'),
        '--dry-run',
        '--batch-size',
        '25',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}` },
        timeout: 60_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/neo4j:|rror/);
    const out = JSON.parse(r.stdout) as {
      statements: { cypher: string; batches: number; rows: number }[];
    };
    expect(Object.keys(out)).toEqual(['statements']);
    for (const s of out.statements) expect(Object.keys(s)).toEqual(['cypher', 'batches', 'rows']);
    const mentions = out.statements.find((s) => s.cypher.includes('MERGE (a)-[m:MENTIONS]->(e)'))!;
    const expected = later.articles.reduce((n, a) => n + Object.keys(a.mentions).length, 0);
    expect(mentions).toMatchObject({ rows: expected, batches: Math.ceil(expected / 25) });
  });
});

describe('article decisions', () => {
  const p = (o: Partial<Parameters<typeof articleState>[1]>) => ({
    present: true,
    hash: null,
    pending: null,
    duplicates: [],
    ...o,
  });
  it('skip loaded and duplicate content, replace changed, resume unfinished', () => {
    expect(articleState('h1', p({ present: false }))).toBe('new');
    expect(articleState('h1', p({ hash: 'h1' }))).toBe('loaded');
    expect(articleState('h1', p({ present: false, duplicates: ['other'] }))).toBe('duplicate');
    expect(articleState('h2', p({ hash: 'h1' }))).toBe('changed');
    expect(articleState('h2', p({ pending: 'h1' }))).toBe('changed');
    expect(articleState('h1', p({ pending: 'h1' }))).toBe('resume');
  });
});

describe('parameters and named queries', () => {
  it('parse values as JSON when they look like JSON, else as strings', () => {
    expect(parseParamValue('42')).toBe(42);
    expect(parseParamValue('[1, "a"]')).toEqual([1, 'a']);
    expect(parseParamValue('{"a": true}')).toEqual({ a: true });
    expect(parseParamValue('2023-11-01')).toBe('2023-11-01');
    expect(parseParamValue('person:sergey-lavrov')).toBe('person:sergey-lavrov');
    expect(parseParamValue('لافروف')).toBe('لافروف');
    expect(parseParamValue('[not json')).toBe('[not json');
    expect(parseParams(['a=1', 'b=x=y', 'c=null'])).toEqual({ a: 1, b: 'x=y', c: null });
    // A `name` parameter goes as written and folded (ی → ي, ZWNJ dropped).
    const nameParam = [{ name: 'n', type: 'name' as const, optional: false, description: '' }];
    expect(parseParams(['n=سرگئی لاوروف'], nameParam)).toEqual({
      n: 'سرگئی لاوروف سرگيي لاوروف',
    });
    expect(parseParams(['n=Lavrov'], nameParam)).toEqual({ n: 'Lavrov lavrov' });
    expect(() => parseParams(['novalue'])).toThrow(/^query: --param needs name=value/);
  });

  const q = parseQueryFile(
    [
      '// calls — calls of an actor.',
      '// @param actor string  the id',
      '// @param from date  first day',
      '// @param topic string?  optional',
      '// @param limit int = 10  rows',
      'MATCH (n {id: $actor}) RETURN n LIMIT $limit',
    ].join('\n'),
    '/x/calls.cypher',
  );
  it('read the header comment', () => {
    expect(q.name).toBe('calls');
    expect(q.title).toBe('calls of an actor.');
    expect(q.params.map((p) => [p.name, p.type, p.optional, p.default])).toEqual([
      ['actor', 'string', false, undefined],
      ['from', 'date', false, undefined],
      ['topic', 'string', true, undefined],
      ['limit', 'int', true, 10],
    ]);
  });
  it('use declared types, fill defaults, name what is missing or unknown', () => {
    expect(parseParams(['actor=123', 'from=2023-11-01', 'limit=5'], q.params)).toEqual({
      actor: '123',
      from: '2023-11-01',
      limit: 5,
    });
    expect(() => parseParams(['from=1 Nov'], q.params)).toThrow(/YYYY-MM-DD/);
    expect(() => parseParams(['limit=ten'], q.params)).toThrow(/integer/);
    expect(completeParams(q, { actor: 'a', from: '2023-11-01' })).toEqual({
      actor: 'a',
      from: '2023-11-01',
      topic: null,
      limit: 10,
    });
    expect(() => completeParams(q, { actor: 'a' })).toThrow('query: calls needs --param from=…');
    expect(() => completeParams(q, { actor: 'a', from: '2023-11-01', nope: 1 })).toThrow(
      /has no parameter \$nope/,
    );
  });
});

describe('output', () => {
  it('measures what a terminal shows: tashkeel and ZWNJ take no column', () => {
    expect(displayWidth('گفت‌وگو')).toBe(6);
    expect(displayWidth('مُحَمَّد')).toBe(4);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
  });
  it('aligns an Arabic/Persian table and wraps long cells at spaces', () => {
    const t = formatTable(
      ['name', 'text'],
      [
        ['لافروف', 'أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا'],
        ['امیرعبداللهیان', 'گفت‌وگو'],
      ],
      20,
    );
    const lines = t.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('(2 rows)');
    expect(t).toContain('سيرغي لافروف');
    expect(t).toContain('گفت‌وگو');
    const bar = (l: string) => displayWidth(l.slice(0, l.indexOf('│')));
    const widths = lines
      .slice(0, -1)
      .filter((l) => l.includes('│'))
      .map(bar);
    expect(new Set(widths).size).toBe(1);
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
  it('writes CSV with quoting and JSON with column order', () => {
    expect(formatCsv(['a', 'b'], [['قطاع غزة, "x"', [1, 2]]])).toBe(
      'a,b\r\n"قطاع غزة, ""x""","[1,2]"\r\n',
    );
    expect(JSON.parse(formatJson(['b', 'a'], [[1, 'ن']]))).toEqual([{ b: 1, a: 'ن' }]);
  });
});

describe('connection settings and errors', () => {
  it('take flags over NEO4J_* variables over defaults', () => {
    const env = {
      NEO4J_URI: 'bolt://env:7687',
      NEO4J_USERNAME: 'envuser',
      NEO4J_PASSWORD: 'envpw',
    };
    expect(resolveConnection({}, env)).toEqual({
      uri: 'bolt://env:7687',
      user: 'envuser',
      password: 'envpw',
    });
    expect(resolveConnection({ uri: 'bolt://flag:1', password: 'p' }, env)).toMatchObject({
      uri: 'bolt://flag:1',
      password: 'p',
    });
    expect(resolveConnection({}, {})).toEqual({ uri: 'neo4j://localhost:7687', user: 'neo4j' });
  });
  it('never show credentials written into the URI', () => {
    expect(displayUri('neo4j+s://alice:s3cret@db.example.org:7687')).toBe(
      'neo4j+s://db.example.org:7687',
    );
  });
  const ctx = {
    uri: 'bolt://u:pw@127.0.0.1:7999',
    user: 'neo4j',
    password: 'hunter22',
    database: 'graph',
  };
  it('say what went wrong in one neo4j: line naming the URI', () => {
    const e = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(
      describeNeo4jError(e('ServiceUnavailable', 'connect ECONNREFUSED 127.0.0.1:7999'), ctx),
    ).toBe(
      'neo4j: cannot reach bolt://127.0.0.1:7999 (connection refused); is Neo4j running and listening there?',
    );
    expect(describeNeo4jError(e('Neo.ClientError.Security.Unauthorized', 'bad'), ctx)).toBe(
      'neo4j: bolt://127.0.0.1:7999 rejected the credentials of user "neo4j" (wrong user name or password)',
    );
    expect(describeNeo4jError(e('Neo.ClientError.Database.DatabaseNotFound', 'x'), ctx)).toMatch(
      /^neo4j: bolt:\/\/127\.0\.0\.1:7999 has no database "graph"/,
    );
    const leak = describeNeo4jError(
      e('Neo.ClientError.General.Unknown', 'password hunter22 was wrong\nmore'),
      ctx,
    );
    expect(leak).not.toContain('hunter22');
    expect(leak.split('\n')).toHaveLength(1);
  });
  it('refuse servers older than Neo4j 5, and index relationship keys before 5.7', () => {
    expect(parseServerVersion('Neo4j/5.26.30')).toEqual([5, 26, 30]);
    expect(parseServerVersion('Neo4j/5.27-aura')).toEqual([5, 27, 0]);
    expect(() => checkServerVersion([4, 4, 12], 'bolt://old:7687')).toThrow(
      /^neo4j: bolt:\/\/old:7687 runs Neo4j 4\.4\.12, which lacks .* use Neo4j 5 or later$/,
    );
    expect(() => checkServerVersion([5, 1, 0], 'bolt://x')).not.toThrow();
    const old = schemaStatements(false)
      .map((s) => s.cypher)
      .join('\n');
    expect(old).toContain(
      'CREATE INDEX co_mentioned_key IF NOT EXISTS FOR ()-[r:CO_MENTIONED]-() ON (r.key)',
    );
    expect(old).not.toContain('REQUIRE r.key');
  });
});

describe('neo4j-admin bulk import', () => {
  it('prints an import command for the build CSVs', () => {
    const dir = join(tmp, 'later');
    const { command, notes } = adminImportCommand(dir, 'news');
    expect(notes).toEqual([]);
    expect(command).toBe(
      `neo4j-admin database import full --nodes=${dir}/nodes.csv --relationships=${dir}/edges.csv --id-type=string '--array-delimiter=;' --multiline-fields=true --skip-bad-relationships=true --overwrite-destination=true news`,
    );
  });
  it('labels nodes itself when nodes.csv has no :LABEL, and notes missing files', () => {
    const dir = join(tmp, 'with space');
    writeFixtureBuild(dir, 'first');
    writeFileSync(join(dir, 'nodes.csv'), 'id:ID,label\nx,X\n');
    rmSync(join(dir, 'edges.csv'));
    const { command, notes } = adminImportCommand(dir);
    expect(command).toContain(`'--nodes=Entity=${dir}/nodes.csv'`);
    expect(notes).toEqual([`${dir}/edges.csv is missing (a build writes it)`]);
  });
});
