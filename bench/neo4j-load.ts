/**
 * bench/neo4j-load — how fast the Neo4j loader writes, on a seeded synthetic build output of
 * ~100k articles' worth of rows, against a real Neo4j (the test server of test/neo4j, started
 * here, or NEO4J_URI with NEO4J_IMPORT_DIR = that server's import folder).
 *
 * 1. MENTIONS (article → entity) relationships, the loader's own statement and rows, sent as
 *    batched `UNWIND $rows … MERGE` transactions, by batch size; then the same rows written to a
 *    CSV file and loaded with `LOAD CSV … CALL { … } IN TRANSACTIONS OF <batch> ROWS`; the ratio
 *    of the two rates per batch size.
 * 2. A full `loadBuild` (every statement: entities, articles, mentions, relationships, evidence,
 *    interaction events, recomputes) of the first `--full` articles, then the same again
 *    (everything skipped).
 *
 * Prints one JSON object. Usage:
 *   node --import tsx bench/neo4j-load.ts [--articles 100000] [--batches 500,2000,10000]
 *                                         [--full 10000] [--seed 42]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ArticleRecord, EvidenceRecord, SerializedGraph } from '../graph-schema/schema.ts';
import {
  articleRows,
  buildRows,
  type Connection,
  ensureSchema,
  loadBuild,
  openConnection,
} from '../src/neo4j/index.ts';
import { ARTICLES, entityStatement, MENTIONS } from '../src/neo4j/statements.ts';
import type { BuildOutput, Row } from '../src/neo4j/types.ts';
import { startTestNeo4j, type TestNeo4j } from '../test/neo4j/launch.ts';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
}

/** mulberry32: a small seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  ['person', 1200],
  ['country', 200],
  ['organization', 300],
  ['conflict', 60],
  ['place', 240],
] as const;
const WORDS_AR = [
  'وزير',
  'الخارجية',
  'بحث',
  'اتصالا',
  'هاتفيا',
  'مع',
  'نظيره',
  'الوضع',
  'في',
  'المنطقة',
];
const WORDS_FA = ['وزیر', 'امور', 'خارجه', 'در', 'تماس', 'تلفنی', 'با', 'همتای', 'خود', 'گفت‌وگو'];

type EdgeAcc = {
  kind: 'co_mention' | 'role' | 'interaction';
  s: string;
  t: string;
  action?: string;
  office?: string;
  articles: Set<string>;
  topics: Set<string>;
};

/** A seeded, schema-shaped synthetic build output (co-mentions per sentence, calls, roles). */
export function syntheticBuild(articles: number, seed: number): BuildOutput {
  const rand = rng(seed);
  const entities: { id: string; kind: (typeof KINDS)[number][0] }[] = [];
  for (const [kind, n] of KINDS)
    for (let i = 0; i < n; i++) entities.push({ id: `${kind}:s${i}`, kind });
  // Zipf-like popularity: a few actors are in many articles.
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < entities.length; i++) {
    total += 1 / (i + 1) ** 0.8;
    cum.push(total);
  }
  const pick = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return entities[lo]!;
  };
  const order = entities.map((e, i) => ({ e, r: rand(), i })).sort((a, b) => a.r - b.r);
  entities.splice(0, entities.length, ...order.map((x) => x.e));

  const arts: ArticleRecord[] = [];
  const evidence: EvidenceRecord[] = [];
  const edges = new Map<string, EdgeAcc>();
  const edgeFor = (key: string, init: () => EdgeAcc) => {
    const found = edges.get(key);
    if (found) return found;
    const created = init();
    edges.set(key, created);
    return created;
  };
  const seen = new Map<string, Set<string>>();
  const day0 = Date.UTC(2023, 0, 1);
  for (let i = 0; i < articles; i++) {
    const id = `syn-${i}`;
    const hash = `h${seed}-${i}`;
    const date = new Date(day0 + Math.floor((i / articles) * 365) * 86400000)
      .toISOString()
      .slice(0, 10);
    const lang = rand() < 0.5 ? 'ar' : rand() < 0.7 ? 'fa' : 'en';
    const k = 4 + Math.floor(rand() * 6);
    const mine = new Map<string, (typeof entities)[number]>();
    while (mine.size < k) {
      const e = pick();
      mine.set(e.id, e);
    }
    const list = [...mine.values()];
    const mentions: Record<string, number> = {};
    for (const e of list) {
      mentions[e.id] = 1 + Math.floor(rand() * 3);
      const s = seen.get(e.id) ?? new Set<string>();
      seen.set(e.id, s);
      s.add(id);
    }
    let offset = 0;
    for (let w = 0; w < 3; w++) {
      const words = lang === 'fa' ? WORDS_FA : WORDS_AR;
      const text = Array.from({ length: 12 }, () => words[Math.floor(rand() * words.length)]).join(
        ' ',
      );
      const inWin = list.filter(() => rand() < 0.5).slice(0, 4);
      const start = offset;
      const end = start + text.length;
      offset = end + 1;
      inWin.sort((a, b) => (a.id < b.id ? -1 : 1));
      for (let x = 0; x < inWin.length; x++) {
        for (let y = x + 1; y < inWin.length; y++) {
          const s = inWin[x]!.id;
          const t = inWin[y]!.id;
          const key = `c|${s}|${t}`;
          const ed = edgeFor(key, () => ({
            kind: 'co_mention',
            s,
            t,
            articles: new Set(),
            topics: new Set(),
          }));
          ed.articles.add(id);
          evidence.push({
            edge: key,
            kind: 'co_mention',
            source: s,
            target: t,
            article: id,
            hash,
            text,
            date,
            start,
            end,
          });
        }
      }
      const persons = inWin.filter((e) => e.kind === 'person');
      if (persons.length >= 2 && rand() < 0.4) {
        const action = ['phone_call', 'meeting', 'visit'][Math.floor(rand() * 3)]!;
        const [s, t] = [persons[0]!.id, persons[1]!.id];
        const key = `i|${s}|${t}|${action}`;
        const ed = edgeFor(key, () => ({
          kind: 'interaction',
          s,
          t,
          action,
          articles: new Set(),
          topics: new Set(),
        }));
        ed.articles.add(id);
        for (const e of inWin) if (e.kind === 'conflict' || e.kind === 'place') ed.topics.add(e.id);
        evidence.push({
          edge: key,
          kind: 'interaction',
          source: s,
          target: t,
          action,
          article: id,
          hash,
          text,
          date,
          start,
          end,
        });
      }
      const country = inWin.find((e) => e.kind === 'country');
      if (persons.length && country && rand() < 0.3) {
        const [s, t] = [persons[0]!.id, country.id];
        const key = `r|${s}|${t}`;
        const ed = edgeFor(key, () => ({
          kind: 'role',
          s,
          t,
          office: 'foreign_minister',
          articles: new Set(),
          topics: new Set(),
        }));
        ed.articles.add(id);
        evidence.push({
          edge: key,
          kind: 'role',
          source: s,
          target: t,
          office: 'foreign_minister',
          article: id,
          hash,
          text,
          date,
          start,
          end,
        });
      }
    }
    arts.push({ id, hash, source: `synthetic/${id}.txt`, date, lang, mentions, excluded: [] });
  }
  const nodes: SerializedGraph['nodes'] = [...seen.keys()].sort().map((id) => {
    const kind = id.slice(0, id.indexOf(':')) as (typeof KINDS)[number][0];
    const a = [...seen.get(id)!];
    return {
      key: id,
      attributes: {
        kind,
        label: id,
        labels: { en: id },
        aliases: [id],
        articles: [],
        mentions: a.length,
        article_count: a.length,
        candidate: false,
        offices: [],
        degree: 0,
        weighted_degree: 0,
        pagerank: 0,
        betweenness: 0,
        community: 0,
        x: 0,
        y: 0,
        size: 1,
        color: '#888888',
      },
    };
  });
  const graphEdges: SerializedGraph['edges'] = [...edges].map(([key, e]) => ({
    key,
    source: e.s,
    target: e.t,
    ...(e.kind !== 'role' ? { undirected: true } : {}),
    attributes: {
      kind: e.kind,
      weight: e.articles.size,
      articles: [...e.articles],
      article_count: e.articles.size,
      evidence: [],
      evidence_total: 0,
      ...(e.action ? { action: e.action, topics: [...e.topics].sort(), directed: false } : {}),
      ...(e.office ? { office: e.office } : {}),
    },
  }));
  return {
    dir: '(synthetic)',
    graph: {
      attributes: { name: 'synthetic', generator: 'bench/neo4j-load', article_count: articles },
      options: { type: 'mixed', multi: true, allowSelfLoops: false },
      nodes,
      edges: graphEdges,
    },
    articles: arts,
    evidence,
  };
}

/** The first n articles of a build, with only their evidence and the edges and nodes they use. */
function firstArticles(out: BuildOutput, n: number): BuildOutput {
  const keep = new Set(out.articles.slice(0, n).map((a) => a.id));
  const evidence = out.evidence.filter((e) => keep.has(e.article));
  const edgeKeys = new Set(evidence.map((e) => e.edge));
  const edges = out.graph.edges
    .filter((e) => edgeKeys.has(e.key))
    .map((e) => {
      const arts = e.attributes.articles.filter((a) => keep.has(a));
      return {
        ...e,
        attributes: {
          ...e.attributes,
          articles: arts,
          weight: arts.length,
          article_count: arts.length,
        },
      };
    });
  const used = new Set<string>();
  for (const a of out.articles.slice(0, n)) for (const id of Object.keys(a.mentions)) used.add(id);
  return {
    ...out,
    articles: out.articles.slice(0, n),
    evidence,
    graph: { ...out.graph, nodes: out.graph.nodes.filter((x) => used.has(x.key)), edges },
  };
}

async function write(
  conn: Connection,
  cypher: string,
  rows: Row[],
  batch: number,
): Promise<number> {
  const session = conn.session('WRITE');
  let created = 0;
  try {
    for (let i = 0; i < rows.length; i += batch) {
      const r = await session.executeWrite((tx) =>
        tx.run(cypher, { rows: rows.slice(i, i + batch) }),
      );
      created += r.summary.counters.updates().relationshipsCreated;
    }
  } finally {
    await session.close();
  }
  return created;
}

async function auto(conn: Connection, cypher: string, params: Record<string, unknown> = {}) {
  const session = conn.session('WRITE');
  try {
    return await session.run(cypher, params);
  } finally {
    await session.close();
  }
}

/** Empty the database in small transactions (relationships first: entities have huge degrees). */
async function wipe(conn: Connection): Promise<void> {
  await auto(conn, 'MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 20000 ROWS');
  await auto(conn, 'MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 20000 ROWS');
}

const LOAD_CSV = (batch: number) =>
  [
    'LOAD CSV WITH HEADERS FROM $url AS row',
    'CALL {',
    '  WITH row',
    '  MATCH (a:Article {id: row.article})',
    '  MATCH (e:Entity {id: row.entity})',
    '  MERGE (a)-[m:MENTIONS]->(e)',
    '  SET m.count = toInteger(row.count)',
    `} IN TRANSACTIONS OF ${batch} ROWS`,
  ].join('\n');

async function main(): Promise<void> {
  const articles = Number(arg('articles', '100000'));
  const batches = arg('batches', '500,2000,10000').split(',').map(Number);
  const full = Number(arg('full', '10000'));
  const seed = Number(arg('seed', '42'));
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const importDir = process.env.NEO4J_URI
    ? process.env.NEO4J_IMPORT_DIR
    : mkdtempSync(join(tmpdir(), 'diplograph-bench-import-'));
  if (process.env.NEO4J_URI && !importDir)
    throw new Error('bench: with NEO4J_URI, set NEO4J_IMPORT_DIR to its import folder');
  let server: TestNeo4j | undefined;
  let uri = process.env.NEO4J_URI ?? '';
  let password = process.env.NEO4J_PASSWORD;
  if (!uri) {
    server = await startTestNeo4j({ importDir, heap: '2g', pagecache: '1g', log });
    uri = server.uri;
    password = server.password;
  }
  const conn = await openConnection(
    {
      uri,
      user: process.env.NEO4J_USERNAME ?? 'neo4j',
      password,
      database: process.env.NEO4J_DATABASE,
    },
    { maxRetryTimeMs: 300_000, connectionTimeoutMs: 10_000 },
  );
  const result: Record<string, unknown> = {
    bench: 'neo4j-load',
    server: `${conn.server.agent} (${conn.server.edition})`,
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    seed,
  };
  try {
    let t = performance.now();
    const out = syntheticBuild(articles, seed);
    const build = buildRows(out);
    const rows = articleRows(out, build, () => true);
    result.synthetic = {
      articles,
      entities: out.graph.nodes.length,
      edges: out.graph.edges.length,
      evidence: out.evidence.length,
      mentions: rows.mentions.length,
      generateSeconds: +((performance.now() - t) / 1000).toFixed(1),
    };
    log(`bench: synthetic build ${JSON.stringify(result.synthetic)}`);

    await wipe(conn);
    await ensureSchema(conn);
    t = performance.now();
    for (const k of Object.keys(build.entities) as (keyof typeof build.entities)[]) {
      await write(conn, entityStatement(k).cypher, build.entities[k], 5000);
    }
    await write(conn, ARTICLES.cypher, rows.articles, 5000);
    result.setupSeconds = +((performance.now() - t) / 1000).toFixed(1);

    // The same mention rows as CSV, for LOAD CSV.
    const csv = ['article,entity,count'];
    for (const m of rows.mentions) csv.push(`${m.article},${m.entity},${String(m.count)}`);
    writeFileSync(join(importDir!, 'mentions.csv'), `${csv.join('\n')}\n`);

    const clear = () =>
      auto(
        conn,
        'MATCH ()-[m:MENTIONS]->() CALL { WITH m DELETE m } IN TRANSACTIONS OF 50000 ROWS',
      );
    const runs: Record<string, unknown>[] = [];
    for (const b of batches) {
      await clear();
      t = performance.now();
      const created = await write(conn, MENTIONS.cypher, rows.mentions, b);
      const unwindS = (performance.now() - t) / 1000;
      await clear();
      t = performance.now();
      const r = await auto(conn, LOAD_CSV(b), { url: 'file:///mentions.csv' });
      const csvS = (performance.now() - t) / 1000;
      const csvCreated = r.summary.counters.updates().relationshipsCreated;
      const run = {
        batchSize: b,
        relationships: created,
        unwind: { seconds: +unwindS.toFixed(2), relsPerSecond: Math.round(created / unwindS) },
        loadCsv: {
          seconds: +csvS.toFixed(2),
          relsPerSecond: Math.round(csvCreated / csvS),
          relationships: csvCreated,
        },
        unwindToLoadCsv: +(created / unwindS / (csvCreated / csvS)).toFixed(2),
      };
      runs.push(run);
      log(`bench: ${JSON.stringify(run)}`);
    }
    result.mentions = runs;

    // The whole loader on the first `full` articles, then again (idempotent: all skipped).
    if (full > 0) {
      await wipe(conn);
      const part = firstArticles(out, Math.min(full, articles));
      const s1 = await loadBuild(conn, part, { batchSize: 1000 });
      const s2 = await loadBuild(conn, part, { batchSize: 1000 });
      result.fullLoad = {
        articles: part.articles.length,
        evidence: part.evidence.length,
        batchSize: 1000,
        seconds: s1.seconds,
        nodesCreated: s1.nodesCreated,
        relationshipsCreated: s1.relationshipsCreated,
        relsPerSecond: Math.round(s1.relationshipsCreated / s1.seconds),
        rowsPerSecond: Math.round(s1.rows / s1.seconds),
        articlesPerSecond: Math.round(part.articles.length / s1.seconds),
        reloadSeconds: s2.seconds,
        reloadCreated: s2.nodesCreated + s2.relationshipsCreated,
      };
      log(`bench: ${JSON.stringify(result.fullLoad)}`);
    }
  } finally {
    await conn.close();
    await server?.stop();
    if (!process.env.NEO4J_URI && importDir) rmSync(importDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
