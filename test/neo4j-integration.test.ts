/**
 * Neo4j integration: a real Neo4j 5 (the in-process test server of test/neo4j, or NEO4J_URI when
 * set) loaded with the fixture builds: schema, load, load again, incremental and revised loads,
 * loaders in parallel, every named query, the CLI, and the error messages.
 *
 * Without Java or Maven the suite is skipped with a visible warning, except on CI (CI set) where
 * Java is present: there it must run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/neo4j/format.ts';
import {
  articleRows,
  buildRows,
  type Connection,
  completeParams,
  displayUri,
  ensureSchema,
  findQuery,
  listQueries,
  loadBuild,
  openConnection,
  parseParams,
  readBuildOutput,
  relationshipKey,
  runQuery,
} from '../src/neo4j/index.ts';
import type { BuildOutput } from '../src/neo4j/types.ts';
import { countsByLabel, countsByType, snapshot, wipe } from './neo4j/db.ts';
import { fixtureArticles, writeFixtureBuild } from './neo4j/fixtures/generate.ts';
import { freePort, startTestNeo4j, type TestNeo4j, toolsAvailable } from './neo4j/launch.ts';

const ENV_URI = process.env.NEO4J_URI;
const tools = ENV_URI ? undefined : toolsAvailable();
const missing = tools
  ? !tools.java
    ? 'java'
    : !tools.mvn && !tools.built
      ? 'mvn (Maven)'
      : null
  : null;
const mustRun = Boolean(process.env.CI) && tools?.java === true;
const skip = missing !== null && !mustRun;
if (skip) {
  console.warn(
    `\n⚠⚠ neo4j-integration: SKIPPED — ${missing} is not installed, so the test Neo4j cannot start. ` +
      'Install a JDK 17+ and Maven, or set NEO4J_URI to an empty Neo4j 5 database.\n',
  );
}

const OPTS = { maxRetryTimeMs: 120_000, connectionTimeoutMs: 10_000 };
const LAVROV = 'person:sergey-lavrov';
const ABDOLLAHIAN = 'person:hossein-amir-abdollahian';
const FAISAL = 'person:faisal-bin-farhan';
const SHOUKRY = 'person:sameh-shoukry';

describe.skipIf(skip)('neo4j integration (real server)', () => {
  let server: TestNeo4j | undefined;
  let uri = '';
  let user = 'neo4j';
  let password: string | undefined;
  let database: string | undefined;
  let conn: Connection;
  let tmp = '';
  const builds: Record<'first' | 'later' | 'revised', BuildOutput> = {} as never;
  const fixtureIds = fixtureArticles('later').map((a) => a.id);

  const connect = () => openConnection({ uri, user, password, database }, OPTS);

  beforeAll(async () => {
    if (ENV_URI) {
      uri = ENV_URI;
      user = process.env.NEO4J_USERNAME ?? 'neo4j';
      password = process.env.NEO4J_PASSWORD;
      database = process.env.NEO4J_DATABASE;
    } else {
      server = await startTestNeo4j({ log: (s) => console.log(s) });
      uri = server.uri;
      user = server.user;
      password = server.password;
      if (server.buildSeconds)
        console.log(`neo4j-integration: Maven build took ${server.buildSeconds} s`);
      console.log(`neo4j-integration: server started in ${server.startSeconds} s`);
    }
    tmp = mkdtempSync(join(tmpdir(), 'diplograph-neo4j-test-'));
    for (const v of ['first', 'later', 'revised'] as const) {
      builds[v] = await readBuildOutput(writeFixtureBuild(join(tmp, v), v));
    }
    conn = await connect();
    await wipe(conn, fixtureIds);
  }, 900_000);

  afterAll(async () => {
    await conn?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 120_000);

  /** Every edge of a build has its relationship, with the build's weight (and dates, topics). */
  async function expectWeightsOf(out: BuildOutput): Promise<void> {
    const r = await runQuery(
      conn,
      'MATCH ()-[r:CO_MENTIONED|HOLDS_OFFICE|INTERACTED_WITH]->() RETURN r.key AS key, r.weight AS w, r.dates AS dates, r.topics AS topics',
      {},
    );
    const inDb = new Map(r.rows.map(([k, w, d, t]) => [k as string, { w, d, t }]));
    const expected = new Map<string, { w: number; d?: string[]; t?: string[] }>();
    for (const e of out.graph.edges) {
      const a = e.attributes;
      const directed = a.kind === 'interaction' && a.directed === true && e.undirected !== true;
      const { key } = relationshipKey(a.kind, e.source, e.target, {
        office: a.office,
        action: a.action,
        directed,
      });
      expected.set(key, { w: a.weight, d: a.dates, t: a.topics });
    }
    for (const [key, x] of expected) {
      expect(inDb.get(key)?.w, key).toBe(x.w);
      if (x.d) expect(inDb.get(key)?.d, key).toEqual(x.d);
      if (x.t) expect(inDb.get(key)?.t, key).toEqual(x.t);
    }
    // Relationships not in the build may only be lexicon offices without articles.
    for (const [key, v] of inDb) {
      if (!expected.has(key)) {
        expect(key.startsWith('role|'), key).toBe(true);
        expect(v.w, key).toBe(0);
      }
    }
  }

  it('creates the constraints and indexes, and doing it again is harmless', async () => {
    await ensureSchema(conn);
    await ensureSchema(conn);
    const c = await runQuery(conn, 'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name', {});
    const names = c.rows.map((r) => r[0]);
    for (const n of ['entity_id', 'article_id', 'evidence_id', 'interaction_id'])
      expect(names).toContain(n);
    if (conn.relationshipConstraints) {
      for (const n of ['co_mentioned_key', 'holds_office_key', 'interacted_with_key'])
        expect(names).toContain(n);
    }
    const i = await runQuery(conn, 'SHOW INDEXES YIELD name, state RETURN name, state', {});
    const idx = new Map(i.rows.map(([n, s]) => [n, s]));
    for (const n of ['article_hash', 'evidence_rel', 'interaction_rel', 'entity_names']) {
      expect(idx.get(n), n).toBe('ONLINE');
    }
  });

  it('loads the first build: every node, relationship and weight as graph.json says', async () => {
    const out = builds.first;
    const s = await loadBuild(conn, out, { batchSize: 7 });
    const arts = articleRows(out, buildRows(out), () => true);
    expect(s.articles).toMatchObject({ new: 4, loaded: 0, changed: 0 });
    const labels = await countsByLabel(conn);
    const kinds = (k: string) => out.graph.nodes.filter((n) => n.attributes.kind === k).length;
    expect(labels['Entity:Person']).toBe(kinds('person'));
    expect(labels['Country:Entity']).toBe(kinds('country'));
    expect(labels['Entity:Place']).toBe(kinds('place'));
    expect(labels.Article).toBe(4);
    expect(labels.Evidence).toBe(arts.evidence.length);
    expect(labels.Interaction).toBe(arts.interactions.length);
    expect(s.nodesCreated).toBe(Object.values(labels).reduce((a, b) => a + b, 0));
    const types = await countsByType(conn);
    expect(types.CO_MENTIONED).toBe(
      out.graph.edges.filter((e) => e.attributes.kind === 'co_mention').length,
    );
    expect(types.MENTIONS).toBe(
      out.articles.reduce((n, a) => n + Object.keys(a.mentions).length, 0),
    );
    expect(types.EVIDENCED_BY).toBe(arts.interactionEvidence.length);
    await expectWeightsOf(out);
    // Entity aggregates come from the articles loaded, and agree with graph.json.
    const e = await runQuery(
      conn,
      'MATCH (e:Entity) RETURN e.id, e.article_count, e.mentions, toString(e.first_seen)',
      {},
    );
    const byId = new Map(out.graph.nodes.map((n) => [n.key, n.attributes]));
    for (const [id, count, mentions, first] of e.rows) {
      const a = byId.get(id as string)!;
      expect([count, mentions, first]).toEqual([a.article_count, a.mentions, a.first_seen]);
    }
    // Teaser-only actors are never linked: Aboul Gheit is only in a teaser of the first build.
    const teaser = await runQuery(
      conn,
      "MATCH (e:Entity {id: 'person:ahmed-aboul-gheit'}) RETURN count(e)",
      {},
    );
    expect(teaser.rows[0]![0]).toBe(0);
  });

  it('loading the same build again changes no count and no weight', async () => {
    const before = await snapshot(conn);
    const s = await loadBuild(conn, builds.first, { batchSize: 3 });
    expect(s.articles).toMatchObject({ new: 0, loaded: 4, changed: 0 });
    expect([s.nodesCreated, s.nodesUpdated, s.nodesDeleted]).toEqual([0, 0, 0]);
    expect([s.relationshipsCreated, s.relationshipsUpdated, s.relationshipsDeleted]).toEqual([
      0, 0, 0,
    ]);
    expect(await snapshot(conn)).toEqual(before);
  });

  it('a later build adds only the new articles, and equals a fresh load of it', async () => {
    const s = await loadBuild(conn, builds.later, { batchSize: 50 });
    expect(s.articles).toMatchObject({ new: 2, loaded: 4, changed: 0 });
    await expectWeightsOf(builds.later);
    const incremental = await snapshot(conn);
    await wipe(conn, fixtureIds);
    await loadBuild(conn, builds.later);
    expect(incremental).toEqual(await snapshot(conn));
    // The Lavrov–Shoukry phone call is directed (Lavrov called) and new in the later build.
    const call = await runQuery(
      conn,
      "MATCH (a:Person)-[r:INTERACTED_WITH {action: 'phone_call'}]->(b:Person) WHERE r.directed RETURN a.id, b.id, r.weight",
      {},
    );
    expect(call.rows).toEqual([[LAVROV, SHOUKRY, 1]]);
  });

  it('an article whose content changed replaces its old contribution', async () => {
    const meeting = relationshipKey('interaction', ABDOLLAHIAN, FAISAL, { action: 'meeting' }).key;
    const count = async () =>
      (
        await runQuery(conn, 'MATCH ()-[r:INTERACTED_WITH {key: $k}]->() RETURN count(r)', {
          k: meeting,
        })
      ).rows[0]![0];
    expect(await count()).toBe(1);
    const s = await loadBuild(conn, builds.revised);
    expect(s.articles).toMatchObject({ changed: 1, loaded: 5, new: 0 });
    expect(s.relationshipsDeleted).toBeGreaterThan(0);
    expect(await count()).toBe(0);
    await expectWeightsOf(builds.revised);
    const replaced = await snapshot(conn);
    await wipe(conn, fixtureIds);
    await loadBuild(conn, builds.revised);
    expect(replaced).toEqual(await snapshot(conn));
  });

  it('loaders running at once on overlapping data create no duplicates', async () => {
    await wipe(conn, fixtureIds);
    await loadBuild(conn, builds.later);
    const fresh = await snapshot(conn);
    const freshStructure = await snapshot(conn, true);

    // Same build, three loaders at once, small batches to interleave their transactions.
    await wipe(conn, fixtureIds);
    const conns = await Promise.all([connect(), connect(), connect()]);
    try {
      await Promise.all(conns.map((c, i) => loadBuild(c, builds.later, { batchSize: 2 + i })));
    } finally {
      await Promise.all(conns.map((c) => c.close()));
    }
    expect(await snapshot(conn)).toEqual(fresh);

    // Overlapping builds (first ⊂ later) at once: same data, whichever metrics land last.
    await wipe(conn, fixtureIds);
    const two = await Promise.all([connect(), connect()]);
    try {
      await Promise.all([
        loadBuild(two[0]!, builds.later, { batchSize: 3 }),
        loadBuild(two[1]!, builds.first, { batchSize: 2 }),
      ]);
    } finally {
      await Promise.all(two.map((c) => c.close()));
    }
    expect(await snapshot(conn, true)).toEqual(freshStructure);
    const dupes = await runQuery(
      conn,
      [
        'MATCH (n) WITH labels(n) AS l, n.id AS id, count(*) AS c WHERE c > 1 RETURN l, id, c',
        'UNION ALL',
        'MATCH ()-[r]->() WHERE r.key IS NOT NULL WITH type(r) AS l, r.key AS id, count(*) AS c WHERE c > 1 RETURN l, id, c',
      ].join('\n'),
      {},
    );
    expect(dupes.rows).toEqual([]);
    // Leave the later build loaded, with its own metrics, for the queries.
    await wipe(conn, fixtureIds);
    await loadBuild(conn, builds.later);
  });

  const PARAMS: Record<string, string[]> = {
    'actor-calls': [`actor=${LAVROV}`, 'from=2023-11-01', 'to=2023-11-30'],
    'actor-offices': [`actor=${ABDOLLAHIAN}`],
    'community-members': [`member=${LAVROV}`],
    'country-co-mentions': ['country=country:IR'],
    'find-entity': ['name=لافروف'],
    'met-about-conflict': ['conflict=conflict:israel-hamas-war'],
    'shortest-path': ['from=person:antony-blinken', `to=${ABDOLLAHIAN}`],
  };

  async function named(name: string, pairs: string[]) {
    const q = findQuery(name);
    return runQuery(conn, q.cypher, completeParams(q, parseParams(pairs, q.params)));
  }
  const col = (r: { columns: string[]; rows: unknown[][] }, c: string) =>
    r.rows.map((row) => row[r.columns.indexOf(c)]);

  it('every query in queries/ has a test here', () => {
    expect(listQueries().map((q) => q.name)).toEqual(Object.keys(PARAMS).sort());
  });

  it('actor-calls: whom Lavrov called in November 2023, with the sentences', async () => {
    const r = await named('actor-calls', PARAMS['actor-calls']!);
    expect(col(r, 'other_id')).toEqual([ABDOLLAHIAN, ABDOLLAHIAN, SHOUKRY]);
    expect(col(r, 'lang')).toEqual(['ar', 'fa', 'ar']);
    expect(col(r, 'how')).toEqual(['with', 'with', 'called']);
    expect(String(col(r, 'evidence')[0])).toContain('سيرغي لافروف');
    expect(String(col(r, 'evidence')[1])).toContain('سرگئی لاوروف');
    const gaza = await named('actor-calls', [...PARAMS['actor-calls']!, 'topic=place:gaza-strip']);
    expect(gaza.rows.length).toBe(3);
    const war = await named('actor-calls', [
      ...PARAMS['actor-calls']!,
      'topic=conflict:israel-hamas-war',
    ]);
    expect(war.rows.length).toBe(0);
    const meetings = await named('actor-calls', [...PARAMS['actor-calls']!, 'action=meeting']);
    expect(col(meetings, 'other_id')).toEqual([FAISAL]);
  });

  it('country-co-mentions, met-about-conflict, shortest-path, community, offices, find', async () => {
    const co = await named('country-co-mentions', PARAMS['country-co-mentions']!);
    expect(co.rows.length).toBe(4);
    expect(col(co, 'articles').slice(0, 3)).toEqual([2, 2, 2]);
    expect(col(co, 'id')).toContain(LAVROV);

    const met = await named('met-about-conflict', PARAMS['met-about-conflict']!);
    expect(met.rows.map((r) => [r[0], r[3]])).toEqual([
      ['2023-11-12', 'meeting'],
      ['2023-11-21', 'meeting'],
      ['2023-12-03', 'meeting'],
    ]);
    expect(col(met, 'lang')).toEqual(['fa', 'en', 'fa']);

    const path = await named('shortest-path', PARAMS['shortest-path']!);
    expect(col(path, 'hops')).toEqual([2]);
    expect((col(path, 'path')[0] as string[])[0]).toBe('Antony Blinken');

    const community = await named('community-members', PARAMS['community-members']!);
    expect(col(community, 'id')).toContain(LAVROV);
    expect(new Set(col(community, 'community')).size).toBe(1);

    const offices = await named('actor-offices', PARAMS['actor-offices']!);
    expect(offices.rows.map((r) => r.slice(0, 7))).toEqual([
      ['foreign_minister', 'Iran', 'country:IR', '2021-08-25', '2024-05-19', true, 2],
    ]);

    const found = await named('find-entity', PARAMS['find-entity']!);
    expect(col(found, 'id')[0]).toBe(LAVROV);
    const fa = await named('find-entity', ['name=امیرعبداللهیان']);
    expect(col(fa, 'id')[0]).toBe(ABDOLLAHIAN);
    // Persian «سرگئی» typed with the Arabic ي: found through the folded names.
    const folded = await named('find-entity', ['name=سرگئي']);
    expect(col(folded, 'id')[0]).toBe(LAVROV);
  });

  const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USERNAME: user,
        NEO4J_PASSWORD: password ?? '',
        ...(database ? { NEO4J_DATABASE: database } : {}),
        ...env,
      },
      timeout: 120_000,
    });

  it('CLI query prints an aligned table with Arabic and Persian as they are', () => {
    const r = cli([
      'query',
      '--name',
      'actor-calls',
      ...PARAMS['actor-calls']!.flatMap((p) => ['--param', p]),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('(3 rows)');
    expect(r.stdout).toContain('سيرغي لافروف');
    expect(r.stdout).toContain('گفت‌وگو'); // the zero-width non-joiner is kept
    // Every separator sits at the same display column on every line.
    const cols = (l: string) => {
      const out: number[] = [];
      let w = 0;
      for (const ch of l) {
        if (ch === '│' || ch === '┼') out.push(w);
        w += displayWidth(ch);
      }
      return out;
    };
    const ref = cols(lines[0]!);
    for (const l of lines.slice(1, -1)) expect(cols(l).slice(0, ref.length)).toEqual(ref);
  });

  it('CLI query: JSON and CSV output, values only through parameters, reads unless --write', () => {
    const j = cli([
      'query',
      'MATCH (a:Article {lang: $lang}) RETURN a.title AS title ORDER BY title',
      '--param',
      'lang=fa',
      '--format',
      'json',
    ]);
    expect(j.status).toBe(0);
    const rows = JSON.parse(j.stdout) as { title: string }[];
    expect(rows.map((x) => x.title)).toContain('دیدار امیرعبداللهیان و ابوالغیط در قاهره');
    const c = cli([
      'query',
      'RETURN $n + 1 AS n, $s AS s',
      '--param',
      'n=41',
      '--param',
      's=قطاع غزة, "x"',
      '--format',
      'csv',
    ]);
    expect(c.stdout).toBe('n,s\r\n42,"قطاع غزة, ""x"""\r\n');
    const w = cli(['query', "CREATE (:Scratch {id: 'x'})"]);
    expect(w.status).toBe(1);
    expect(w.stderr.trim()).toBe(
      'neo4j: the query writes, but queries run read-only; add --write to allow writes',
    );
  });

  it('CLI load prints a summary, and loading again creates nothing', () => {
    const r = cli(['load', join(tmp, 'later')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('articles: 0 new, 6 already loaded (skipped)');
    expect(r.stdout).toContain('nodes: 0 created, 0 updated, 0 deleted');
    expect(r.stdout).toContain('relationships: 0 created, 0 updated, 0 deleted');
    expect(r.stderr).toMatch(/^load: /m); // plain progress lines when not on a terminal
  });

  it.skipIf(!!ENV_URI && !process.env.NEO4J_PASSWORD)(
    'wrong credentials: one clear line, no password',
    async () => {
      const bad = 'not-the-password-42';
      await expect(openConnection({ uri, user, password: bad, database }, OPTS)).rejects.toThrow(
        new RegExp(
          `^neo4j: ${displayUri(uri).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} rejected the credentials of user "${user}"`,
        ),
      );
      const r = cli(['load', join(tmp, 'first'), '--password', bad]);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^neo4j: .*rejected the credentials/);
      expect(r.stderr).not.toContain(bad);
    },
  );

  it('unreachable server and unknown database: one clear line each', async () => {
    const port = await freePort();
    const closed = `bolt://127.0.0.1:${port}`;
    await expect(openConnection({ uri: closed, user, password }, OPTS)).rejects.toThrow(
      `neo4j: cannot reach ${closed} (connection refused)`,
    );
    const r = cli(['query', 'RETURN 1', '--uri', closed]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `neo4j: cannot reach ${closed} (connection refused); is Neo4j running and listening there?`,
    ]);
    await expect(
      openConnection({ uri, user, password, database: 'nosuchdb' }, OPTS),
    ).rejects.toThrow(/^neo4j: .* has no database "nosuchdb"/);
  });
});
