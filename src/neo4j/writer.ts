/**
 * neo4j/writer — loads a build output into Neo4j, idempotently and incrementally.
 *
 * Order: schema → probe which articles are already in (by content hash) → purge the old
 * contribution of articles whose content changed → upsert entities, offices and relationships →
 * the new articles' mentions, evidence and interaction events → recompute the aggregates they
 * touch (weights = distinct supporting articles) → mark the articles finished. Every write is a
 * batched `UNWIND $rows` statement in a managed transaction (`executeWrite`), which the driver
 * retries on transient errors such as deadlocks between concurrent loaders.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { type Connection, describeNeo4jError } from './connect.ts';
import { ENTITY_KINDS } from './model.ts';
import { type LoadOptions, LoadOptionsSchema, parseOptions } from './options.ts';
import { type ArticleRows, articleRows, type BuildRows, buildRows } from './rows.ts';
import {
  ARTICLES,
  COMPONENTS,
  ENTITY_COUNTRY,
  EVIDENCE,
  entityStatement,
  FINISH_ARTICLES,
  INTERACTION_EVIDENCE,
  INTERACTION_PARTICIPANTS,
  INTERACTION_TOPICS,
  INTERACTIONS,
  MENTIONS,
  OFFICES,
  PROBE_ARTICLES,
  PURGE_ARTICLES,
  RECOMPUTE_ENTITIES,
  RECOMPUTE_INTERACTION,
  recomputeEvidenceStatement,
  relationshipStatement,
  type Statement,
  schemaStatements,
} from './statements.ts';
import type {
  ArticleState,
  BuildOutput,
  LoadSummary,
  PlannedStatement,
  ProgressFn,
  Row,
} from './types.ts';

/** One step of a load: a statement, its rows, and what its `updated` column counts. */
export interface Step {
  statement: Statement;
  rows: Row[];
  /** Parameter name of the rows (`rows` or `ids`). */
  param: 'rows' | 'ids';
  updates: 'nodes' | 'relationships' | null;
}

/** A statement with no parameters, sent once. */
export const AWAIT_INDEXES: Statement = {
  name: 'await-indexes',
  mode: 'schema',
  params: [],
  cypher: 'CALL db.awaitIndexes(300)',
};

function recomputeRows(keys: Set<string>, keep: Set<string>): Row[] {
  return [...keys].sort().map((key) => ({ key, keep: keep.has(key) }));
}

/** The write steps after the probe and purge, in order. */
export function writeSteps(
  build: BuildRows,
  arts: ArticleRows,
  extraTouched?: { rels: Iterable<string>; entities: Iterable<string> },
): Step[] {
  const touched = {
    co_mention: new Set(arts.touched.co_mention),
    role: new Set(arts.touched.role),
    interaction: new Set(arts.touched.interaction),
    entities: new Set(arts.touched.entities),
  };
  for (const key of extraTouched?.rels ?? []) {
    const kind = key.slice(0, key.indexOf('|')) as keyof typeof touched;
    if (kind === 'co_mention' || kind === 'role' || kind === 'interaction') touched[kind].add(key);
  }
  for (const id of extraTouched?.entities ?? []) touched.entities.add(id);
  const s = (statement: Statement, rows: Row[], updates: Step['updates'] = null): Step => ({
    statement,
    rows,
    param: 'rows',
    updates,
  });
  return [
    ...ENTITY_KINDS.map((k) => s(entityStatement(k), build.entities[k], 'nodes')),
    s(ENTITY_COUNTRY, build.entityCountry),
    s(ARTICLES, arts.articles),
    s(MENTIONS, arts.mentions),
    s(relationshipStatement('co_mention'), build.relationships.co_mention, 'relationships'),
    s(relationshipStatement('role'), build.relationships.role, 'relationships'),
    s(relationshipStatement('interaction'), build.relationships.interaction, 'relationships'),
    s(OFFICES, build.offices, 'relationships'),
    s(EVIDENCE, arts.evidence),
    s(INTERACTIONS, arts.interactions),
    s(INTERACTION_PARTICIPANTS, arts.participants),
    s(INTERACTION_TOPICS, arts.topics),
    s(INTERACTION_EVIDENCE, arts.interactionEvidence),
    s(
      recomputeEvidenceStatement('co_mention'),
      recomputeRows(touched.co_mention, build.edgeKeys),
      'relationships',
    ),
    s(
      recomputeEvidenceStatement('role'),
      recomputeRows(touched.role, build.edgeKeys),
      'relationships',
    ),
    s(RECOMPUTE_INTERACTION, recomputeRows(touched.interaction, build.edgeKeys), 'relationships'),
    s(
      RECOMPUTE_ENTITIES,
      [...touched.entities].sort().map((id) => ({ id, keep: build.nodeIds.has(id) })),
      'nodes',
    ),
    s(FINISH_ARTICLES, arts.finish),
  ];
}

const batchesOf = (rows: number, size: number) => Math.ceil(rows / size);

/**
 * What `load --dry-run` prints: every distinct statement a load of `out` into an empty database
 * would send, with its number of batches and rows. Connects to nothing.
 */
export function planLoad(out: BuildOutput, options: Partial<LoadOptions> = {}): PlannedStatement[] {
  const o = parseOptions(LoadOptionsSchema, options);
  const build = buildRows(out);
  const arts = articleRows(out, build, () => true);
  const plan: PlannedStatement[] = [];
  const once = (st: Statement) =>
    plan.push({ name: st.name, cypher: st.cypher, batches: 1, rows: 0 });
  once(COMPONENTS);
  for (const st of schemaStatements(true)) once(st);
  once(AWAIT_INDEXES);
  if (out.articles.length) {
    plan.push({
      name: PROBE_ARTICLES.name,
      cypher: PROBE_ARTICLES.cypher,
      rows: out.articles.length,
      batches: batchesOf(out.articles.length, o.batchSize),
    });
  }
  for (const step of writeSteps(build, arts)) {
    if (!step.rows.length) continue;
    plan.push({
      name: step.statement.name,
      cypher: step.statement.cypher,
      rows: step.rows.length,
      batches: batchesOf(step.rows.length, o.batchSize),
    });
  }
  return plan;
}

function emptySummary(conn: Connection): LoadSummary {
  return {
    uri: conn.uri,
    database: conn.database ?? null,
    server: `${conn.server.agent} (${conn.server.edition})`,
    articles: { new: 0, resume: 0, changed: 0, loaded: 0, duplicate: 0 },
    nodesCreated: 0,
    nodesDeleted: 0,
    nodesUpdated: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    relationshipsUpdated: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    statements: 0,
    transactions: 0,
    rows: 0,
    seconds: 0,
    timings: {},
    warnings: [],
  };
}

/** Run one statement with no rows in its own transaction (schema commands). */
async function runOnce(conn: Connection, st: Statement, summary: LoadSummary): Promise<void> {
  const session = conn.session('WRITE');
  try {
    await session.executeWrite((tx) => tx.run(st.cypher));
    summary.transactions++;
  } finally {
    await session.close();
  }
}

/** Create diplograph's constraints and indexes (IF NOT EXISTS) and wait until they are online. */
export async function ensureSchema(conn: Connection, summary?: LoadSummary): Promise<void> {
  const s = summary ?? emptySummary(conn);
  for (const st of schemaStatements(conn.relationshipConstraints)) {
    try {
      await runOnce(conn, st, s);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (/SyntaxError|Unsupported|NotSupported/i.test(code)) {
        throw new Error(
          `neo4j: ${conn.uri} (${conn.server.agent}) does not support this schema statement: ${st.cypher.split('\n')[0]}`,
        );
      }
      throw err;
    }
  }
  await runOnce(conn, AWAIT_INDEXES, s);
  s.statements += schemaStatements(conn.relationshipConstraints).length + 1;
}

/** Name the statement and batch an error happened in (memory errors: suggest smaller batches). */
function withStep(err: unknown, name: string, rows: number): Error {
  const e = err as { code?: string; message?: string };
  const memory = /MemoryPool|memory pool|OutOfMemory/i.test(`${e.code ?? ''} ${e.message ?? ''}`);
  const hint = memory ? '; try a smaller --batch-size' : '';
  const first = (e.message ?? String(err)).split('\n')[0];
  const wrapped = new Error(`${first} (in "${name}", a batch of ${rows} rows${hint})`);
  (wrapped as { code?: string }).code = e.code;
  return wrapped;
}

/** Run one step in batches; counters and `updated` go into the summary. */
async function runStep(
  conn: Connection,
  step: Step,
  batchSize: number,
  summary: LoadSummary,
  progress: (n: number) => void,
  collect?: (records: Record<string, unknown>[]) => void,
): Promise<void> {
  if (!step.rows.length) return;
  summary.statements++;
  const t0 = performance.now();
  const session = conn.session(step.statement.mode === 'read' ? 'READ' : 'WRITE');
  try {
    for (let i = 0; i < step.rows.length; i += batchSize) {
      const batch = step.rows.slice(i, i + batchSize);
      const work = (tx: ManagedTransaction) =>
        tx.run(step.statement.cypher, { [step.param]: batch });
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result =
          step.statement.mode === 'read'
            ? await session.executeRead(work)
            : await session.executeWrite(work);
      } catch (err) {
        throw withStep(err, step.statement.name, batch.length);
      }
      summary.transactions++;
      summary.rows += batch.length;
      const c = result.summary.counters.updates();
      summary.nodesCreated += c.nodesCreated;
      summary.nodesDeleted += c.nodesDeleted;
      summary.relationshipsCreated += c.relationshipsCreated;
      summary.relationshipsDeleted += c.relationshipsDeleted;
      summary.propertiesSet += c.propertiesSet;
      summary.labelsAdded += c.labelsAdded;
      if (step.updates) {
        let n = 0;
        for (const r of result.records) {
          if (r.has('updated')) n += Number(r.get('updated') ?? 0);
        }
        if (step.updates === 'nodes') summary.nodesUpdated += n;
        else summary.relationshipsUpdated += n;
      }
      collect?.(result.records.map((r) => r.toObject()));
      progress(batch.length);
    }
  } finally {
    await session.close();
    const name = step.statement.name;
    const secs = (performance.now() - t0) / 1000;
    summary.timings[name] = Math.round(((summary.timings[name] ?? 0) + secs) * 1000) / 1000;
  }
}

/** Decide, from the probe's answer, what to do with one article. */
export function articleState(
  hash: string,
  probe: { present: boolean; hash: string | null; pending: string | null; duplicates: string[] },
): ArticleState {
  if (probe.present && probe.hash === hash) return 'loaded';
  if (probe.duplicates.length > 0) return 'duplicate';
  if (!probe.present) return 'new';
  const old = probe.hash ?? probe.pending;
  if (old !== null && old !== hash) return 'changed';
  return 'resume';
}

/**
 * Load a build output into Neo4j through an open connection. Loading the same output again
 * changes nothing; a later build adds only the contribution of articles not loaded yet.
 */
export async function loadBuild(
  conn: Connection,
  out: BuildOutput,
  options: Partial<LoadOptions> = {},
  onProgress?: ProgressFn,
): Promise<LoadSummary> {
  const o = parseOptions(LoadOptionsSchema, options);
  const started = performance.now();
  const summary = emptySummary(conn);
  const ctx = { uri: conn.uri, user: conn.user, database: conn.database };
  try {
    await ensureSchema(conn, summary);
    const build = buildRows(out);
    summary.warnings.push(...build.warnings);

    // Probe: which articles are in already, finished or not, and with which content.
    const states = new Map<string, ArticleState>();
    const probeRows = out.articles.map((a) => ({ id: a.id, hash: a.hash }));
    const hashOf = new Map(out.articles.map((a) => [a.id, a.hash]));
    let overallTotal = probeRows.length;
    let overallDone = 0;
    const tick = (name: string, total: number) => {
      let done = 0;
      return (n: number) => {
        done += n;
        overallDone += n;
        onProgress?.({ statement: name, done, total, overallDone, overallTotal });
      };
    };
    await runStep(
      conn,
      { statement: PROBE_ARTICLES, rows: probeRows, param: 'rows', updates: null },
      o.batchSize,
      summary,
      tick(PROBE_ARTICLES.name, probeRows.length),
      (records) => {
        for (const r of records) {
          const id = r.id as string;
          const state = articleState(hashOf.get(id) ?? '', {
            present: r.present as boolean,
            hash: (r.hash as string | null) ?? null,
            pending: (r.pending as string | null) ?? null,
            duplicates: (r.duplicates as string[]) ?? [],
          });
          states.set(id, state);
        }
      },
    );
    for (const s of states.values()) summary.articles[s]++;

    // Purge the old contribution of articles whose content changed.
    const changed = [...states]
      .filter(([, s]) => s === 'changed')
      .map(([id]) => id)
      .sort();
    const purged = { rels: new Set<string>(), entities: new Set<string>() };
    const load = (id: string) => {
      const s = states.get(id);
      return s === 'new' || s === 'resume' || s === 'changed';
    };
    const arts = articleRows(out, build, load);
    summary.warnings.push(...arts.warnings);
    const steps = writeSteps(build, arts);
    overallTotal += changed.length + steps.reduce((n, s) => n + s.rows.length, 0);
    await runStep(
      conn,
      { statement: PURGE_ARTICLES, rows: changed as unknown as Row[], param: 'ids', updates: null },
      o.batchSize,
      summary,
      tick(PURGE_ARTICLES.name, changed.length),
      (records) => {
        for (const r of records) {
          for (const k of (r.rels as string[]) ?? []) purged.rels.add(k);
          for (const e of (r.entities as string[]) ?? []) purged.entities.add(e);
        }
      },
    );
    const finalSteps =
      purged.rels.size || purged.entities.size ? writeSteps(build, arts, purged) : steps;
    overallTotal +=
      finalSteps.reduce((n, s) => n + s.rows.length, 0) -
      steps.reduce((n, s) => n + s.rows.length, 0);
    for (const step of finalSteps) {
      await runStep(conn, step, o.batchSize, summary, tick(step.statement.name, step.rows.length));
    }
  } catch (err) {
    throw new Error(describeNeo4jError(err, ctx));
  }
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}
