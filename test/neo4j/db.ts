/**
 * test/neo4j/db — helpers for the Neo4j integration tests: a whole-database snapshot (sorted,
 * stable text lines) to compare loads, a guarded wipe, and counts.
 */

import type { Plain } from '../../src/neo4j/format.ts';
import type { Connection } from '../../src/neo4j/index.ts';
import { runQuery } from '../../src/neo4j/index.ts';

/** Properties that describe one build (metrics, layout, per-build statistics), not the data. */
const BUILD_LEVEL = new Set([
  'degree',
  'weighted_degree',
  'pagerank',
  'betweenness',
  'community',
  'x',
  'y',
  'size',
  'color',
  'aliases',
  'names',
  'npmi',
  'sentence_count',
  'paragraph_count',
  'candidate',
]);

function stable(v: Plain): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, Plain>)[k]!)}`)
    .join(',')}}`;
}

function filtered(props: Plain, structural: boolean): Plain {
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(props as Record<string, Plain>)) {
    if (k.startsWith('_')) continue;
    if (structural && BUILD_LEVEL.has(k)) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Every node and relationship as one sorted text line. `structural` leaves out build-level
 * properties (metrics, layout, aliases) that the last build to write an entity decides.
 */
export async function snapshot(conn: Connection, structural = false): Promise<string[]> {
  const nodes = await runQuery(
    conn,
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
  );
  const rels = await runQuery(
    conn,
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props',
    {},
  );
  const lines: string[] = [];
  for (const [labels, props] of nodes.rows) {
    lines.push(
      `N ${[...(labels as string[])].sort().join(':')} ${stable(filtered(props!, structural))}`,
    );
  }
  for (const [type, a, b, props] of rels.rows) {
    lines.push(`R ${type} ${a}->${b} ${stable(filtered(props!, structural))}`);
  }
  return lines.sort();
}

/** Node counts by label combination, e.g. { 'Entity:Person': 6, Article: 4 }. */
export async function countsByLabel(conn: Connection): Promise<Record<string, number>> {
  const r = await runQuery(conn, 'MATCH (n) WITH labels(n) AS l RETURN l, count(*) AS c', {});
  const out: Record<string, number> = {};
  for (const [l, c] of r.rows) out[[...(l as string[])].sort().join(':')] = c as number;
  return out;
}

/** Relationship counts by type. */
export async function countsByType(conn: Connection): Promise<Record<string, number>> {
  const r = await runQuery(conn, 'MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c', {});
  return Object.fromEntries(r.rows.map(([t, c]) => [t as string, c as number]));
}

/**
 * Delete all data. Refuses when the database holds anything that is not diplograph data about
 * the given fixture articles, so pointing the tests at a real database (NEO4J_URI) cannot
 * destroy it.
 */
export async function wipe(conn: Connection, fixtureArticleIds: string[]): Promise<void> {
  const foreign = await runQuery(
    conn,
    [
      'MATCH (n)',
      'WHERE NOT (n:Entity OR n:Article OR n:Evidence OR n:Interaction)',
      '  OR (n:Article AND NOT n.id IN $ids)',
      'RETURN count(n) AS n',
    ].join('\n'),
    { ids: fixtureArticleIds },
  );
  const n = foreign.rows[0]?.[0] as number;
  if (n > 0) {
    throw new Error(
      `neo4j-tests: refusing to wipe ${conn.uri}: it holds ${n} nodes that are not this test's data; use an empty database`,
    );
  }
  await runQuery(conn, 'MATCH (n) DETACH DELETE n', {}, { write: true });
}
