/**
 * neo4j/statements — every Cypher statement diplograph sends to Neo4j, as fixed text. Values only
 * ever travel as parameters (`$rows`, `$keys`, …); labels and relationship types are part of the
 * fixed text (one statement per label), never spliced from data. The unit tests lint each of
 * these with @neo4j-cypher/language-support.
 */
import { ENTITY_KINDS, type EntityKind, KIND_LABELS, REL_TYPES } from './model.ts';

export type StatementMode = 'schema' | 'read' | 'write';

/** One statement: a name (used in dry runs and progress), its text, its parameters. */
export interface Statement {
  readonly name: string;
  readonly cypher: string;
  readonly params: readonly string[];
  readonly mode: StatementMode;
}

function st(name: string, mode: StatementMode, params: string[], lines: string[]): Statement {
  return { name, mode, params, cypher: lines.join('\n') };
}

/** Server version and edition (read once on connect). */
export const COMPONENTS = st(
  'components',
  'read',
  [],
  ['CALL dbms.components() YIELD name, versions, edition', 'RETURN name, versions, edition'],
);

/** Constraints and indexes for Neo4j 5.7+ (relationship key uniqueness constraints). */
export function schemaStatements(relationshipConstraints = true): Statement[] {
  const out: Statement[] = [];
  const nodeKey = (name: string, label: string) =>
    out.push(
      st(
        `schema:${name}`,
        'schema',
        [],
        [`CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`],
      ),
    );
  const nodeIndex = (name: string, label: string, prop: string) =>
    out.push(
      st(
        `schema:${name}`,
        'schema',
        [],
        [`CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`],
      ),
    );
  nodeKey('entity_id', 'Entity');
  nodeKey('article_id', 'Article');
  nodeKey('evidence_id', 'Evidence');
  nodeKey('interaction_id', 'Interaction');
  nodeIndex('article_hash', 'Article', 'hash');
  nodeIndex('article_date', 'Article', 'date');
  nodeIndex('evidence_rel', 'Evidence', 'rel');
  nodeIndex('interaction_rel', 'Interaction', 'rel');
  nodeIndex('interaction_date', 'Interaction', 'date');
  nodeIndex('entity_label', 'Entity', 'label');
  nodeIndex('entity_community', 'Entity', 'community');
  for (const type of Object.values(REL_TYPES)) {
    const name = `${type.toLowerCase()}_key`;
    out.push(
      st(
        `schema:${name}`,
        'schema',
        [],
        [
          relationshipConstraints
            ? `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.key IS UNIQUE`
            : `CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.key)`,
        ],
      ),
    );
  }
  out.push(
    st(
      'schema:entity_names',
      'schema',
      [],
      [
        'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity)',
        'ON EACH [n.label, n.label_en, n.label_ar, n.label_fa, n.names]',
      ],
    ),
  );
  return out;
}

/**
 * Which of the given articles are already in the database: by id (with the content hash of a
 * finished load, or the pending hash of an unfinished one) and by content hash under another id.
 */
export const PROBE_ARTICLES = st(
  'probe-articles',
  'read',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'OPTIONAL MATCH (a:Article {id: row.id})',
    'OPTIONAL MATCH (b:Article {hash: row.hash})',
    'WITH row, a, collect(b.id) AS same',
    'RETURN row.id AS id, a IS NOT NULL AS present, a.hash AS hash,',
    '  a.pending_hash AS pending, [x IN same WHERE x <> row.id] AS duplicates',
  ],
);

/**
 * Remove what an article contributed (its mentions, evidence and interaction events) before its
 * changed content is loaded; returns the relationship keys and entities whose aggregates change.
 */
export const PURGE_ARTICLES = st(
  'purge-articles',
  'write',
  ['ids'],
  [
    'UNWIND $ids AS id',
    'MATCH (a:Article {id: id})',
    'REMOVE a.hash',
    'WITH a',
    'OPTIONAL MATCH (ev:Evidence)-[:IN_ARTICLE]->(a)',
    'WITH a, collect(DISTINCT ev.rel) AS evRels, collect(ev) AS evs',
    'FOREACH (x IN evs | DETACH DELETE x)',
    'WITH a, evRels',
    'OPTIONAL MATCH (i:Interaction)-[:REPORTED_IN]->(a)',
    'WITH a, evRels, collect(DISTINCT i.rel) AS ixRels, collect(i) AS ixs',
    'FOREACH (x IN ixs | DETACH DELETE x)',
    'WITH a, evRels, ixRels',
    'OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)',
    'WITH a, evRels, ixRels, collect(e.id) AS entities, collect(m) AS ms',
    'FOREACH (x IN ms | DELETE x)',
    'RETURN a.id AS id, evRels + ixRels AS rels, entities',
  ],
);

/** Upsert entities of one kind; only rows whose fingerprint changed are written. */
export function entityStatement(kind: EntityKind): Statement {
  const label = KIND_LABELS[kind];
  const others = ENTITY_KINDS.filter((k) => k !== kind)
    .map((k) => `:${KIND_LABELS[k]}`)
    .join('');
  return st(
    `entities:${kind}`,
    'write',
    ['rows'],
    [
      'UNWIND $rows AS row',
      'MERGE (e:Entity {id: row.id})',
      'WITH e, row, e._fp AS old',
      'WHERE old IS NULL OR old <> row.fp',
      `SET e:${label}, e += row.props, e._fp = row.fp`,
      `REMOVE e${others}`,
      'RETURN sum(CASE WHEN old IS NULL THEN 0 ELSE 1 END) AS updated',
    ],
  );
}

/** Organisations and places: the country they belong to. */
export const ENTITY_COUNTRY = st(
  'entity-country',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (e:Entity {id: row.id})',
    'MATCH (c:Entity {id: row.country})',
    'MERGE (e)-[:IN_COUNTRY]->(c)',
  ],
);

/** Offices from the node data (dated lexicon terms, or cues in text) as HOLDS_OFFICE. */
export const OFFICES = st(
  'offices',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (p:Entity {id: row.person})',
    'MATCH (o:Entity {id: row.of})',
    'MERGE (p)-[r:HOLDS_OFFICE {key: row.key}]->(o)',
    'ON CREATE SET r.office = row.office, r.weight = 0, r.article_count = 0',
    'WITH r, row, r._tfp AS old',
    'WHERE old IS NULL OR old <> row.fp',
    'SET r.lexicon = row.lexicon, r.terms = row.terms, r.from = date(row.from),',
    '  r.to = date(row.to), r._tfp = row.fp',
    'RETURN sum(CASE WHEN old IS NULL THEN 0 ELSE 1 END) AS updated',
  ],
);

/** Articles (their content hash is only set by FINISH_ARTICLES, once all their rows are in). */
export const ARTICLES = st(
  'articles',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MERGE (a:Article {id: row.id})',
    'SET a.pending_hash = row.hash, a.date = date(row.date), a.lang = row.lang,',
    '  a.outlet = row.outlet, a.url = row.url, a.title = row.title, a.source = row.source,',
    '  a.excluded = row.excluded',
  ],
);

/** Which entities an article's own text mentions, and how often. */
export const MENTIONS = st(
  'mentions',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (a:Article {id: row.article})',
    'MATCH (e:Entity {id: row.entity})',
    'MERGE (a)-[m:MENTIONS]->(e)',
    'SET m.count = row.count',
  ],
);

/** Aggregated relationships of one kind, with the build-level attributes of graph.json. */
export function relationshipStatement(kind: keyof typeof REL_TYPES): Statement {
  const type = REL_TYPES[kind];
  return st(
    `relationships:${kind}`,
    'write',
    ['rows'],
    [
      'UNWIND $rows AS row',
      'MATCH (s:Entity {id: row.source})',
      'MATCH (t:Entity {id: row.target})',
      `MERGE (s)-[r:${type} {key: row.key}]->(t)`,
      'ON CREATE SET r.weight = row.weight, r.article_count = row.weight',
      'WITH r, row, r._fp AS old',
      'WHERE old IS NULL OR old <> row.fp',
      'SET r += row.props, r._fp = row.fp',
      'RETURN sum(CASE WHEN old IS NULL THEN 0 ELSE 1 END) AS updated',
    ],
  );
}

/** Evidence sentences, each tied to its article and, by `rel`, to its relationship. */
export const EVIDENCE = st(
  'evidence',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (a:Article {id: row.article})',
    'MERGE (ev:Evidence {id: row.id})',
    'ON CREATE SET ev.rel = row.rel, ev.kind = row.kind, ev.article = row.article,',
    '  ev.text = row.text, ev.start = row.start, ev.end = row.end, ev.date = date(row.date),',
    '  ev.office = row.office, ev.action = row.action',
    'MERGE (ev)-[:IN_ARTICLE]->(a)',
  ],
);

/** Interaction events: one per (article, action, participants). */
export const INTERACTIONS = st(
  'interactions',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (a:Article {id: row.article})',
    'MERGE (i:Interaction {id: row.id})',
    'SET i.rel = row.rel, i.action = row.action, i.article = row.article,',
    '  i.date = date(row.date), i.cameo = row.cameo, i.directed = row.directed',
    'MERGE (i)-[:REPORTED_IN]->(a)',
  ],
);

export const INTERACTION_PARTICIPANTS = st(
  'interaction-participants',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (i:Interaction {id: row.interaction})',
    'MATCH (e:Entity {id: row.entity})',
    'MERGE (e)-[p:PARTICIPATED_IN]->(i)',
    'SET p.role = row.role',
  ],
);

export const INTERACTION_TOPICS = st(
  'interaction-topics',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (i:Interaction {id: row.interaction})',
    'MATCH (e:Entity {id: row.entity})',
    'MERGE (i)-[:ABOUT]->(e)',
  ],
);

export const INTERACTION_EVIDENCE = st(
  'interaction-evidence',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (i:Interaction {id: row.interaction})',
    'MATCH (ev:Evidence {id: row.evidence})',
    'MERGE (i)-[:EVIDENCED_BY]->(ev)',
  ],
);

/**
 * Recompute co-mention and role weights from the evidence now in the database: weight = number
 * of distinct articles. The relationship is locked (`SET r._lock`) before the evidence is read,
 * so two loaders recomputing the same relationship are serialised and the last one counts
 * everything. A relationship left with no evidence is deleted unless `keep` (lexicon offices,
 * or an edge the current build still has).
 */
export function recomputeEvidenceStatement(kind: 'co_mention' | 'role'): Statement {
  const type = REL_TYPES[kind];
  return st(
    `recompute:${kind}`,
    'write',
    ['rows'],
    [
      'UNWIND $rows AS row',
      `MATCH ()-[r:${type} {key: row.key}]->()`,
      'SET r._lock = true',
      'WITH r, row',
      'OPTIONAL MATCH (ev:Evidence {rel: row.key})-[:IN_ARTICLE]->(a:Article)',
      'WITH r, row, count(DISTINCT a) AS n, count(ev) AS sentences, min(a.date) AS first,',
      '  max(a.date) AS last',
      'REMOVE r._lock',
      'WITH r, row, n, sentences, first, last,',
      '  [r.weight, r.evidence_total, r.first_seen, r.last_seen] AS before',
      'SET r.weight = CASE WHEN n > 0 THEN n ELSE r.weight END,',
      '  r.article_count = CASE WHEN n > 0 THEN n ELSE r.article_count END,',
      '  r.evidence_total = sentences, r.first_seen = first, r.last_seen = last',
      'WITH r, row, n, before,',
      '  before <> [r.weight, r.evidence_total, r.first_seen, r.last_seen] AS changed',
      'FOREACH (_ IN CASE WHEN n = 0 AND NOT row.keep AND NOT coalesce(r.lexicon, false)',
      '  THEN [1] ELSE [] END | DELETE r)',
      'RETURN sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated',
    ],
  );
}

/**
 * Recompute interaction relationships from their events: weight = number of events (one per
 * article), event dates and topics sorted; same locking as recomputeEvidenceStatement.
 */
export const RECOMPUTE_INTERACTION = st(
  'recompute:interaction',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH ()-[r:INTERACTED_WITH {key: row.key}]->()',
    'SET r._lock = true',
    'WITH r, row',
    'OPTIONAL MATCH (i:Interaction {rel: row.key})',
    'WITH r, row, i ORDER BY i.date',
    'WITH r, row, count(i) AS n, collect(DISTINCT i.date) AS dates',
    'OPTIONAL MATCH (:Interaction {rel: row.key})-[:ABOUT]->(tp:Entity)',
    'WITH r, row, n, dates, tp ORDER BY tp.id',
    'WITH r, row, n, dates, collect(DISTINCT tp.id) AS topics',
    'OPTIONAL MATCH (ev:Evidence {rel: row.key})',
    'WITH r, row, n, dates, topics, count(ev) AS sentences',
    'REMOVE r._lock',
    'WITH r, row, n, dates, topics, sentences,',
    '  [r.weight, r.dates, r.topics, r.evidence_total] AS before',
    'SET r.weight = CASE WHEN n > 0 THEN n ELSE r.weight END,',
    '  r.article_count = CASE WHEN n > 0 THEN n ELSE r.article_count END,',
    '  r.dates = dates, r.topics = topics, r.evidence_total = sentences,',
    '  r.first_seen = dates[0], r.last_seen = dates[-1]',
    'WITH r, row, n, before, before <> [r.weight, r.dates, r.topics, r.evidence_total] AS changed',
    'FOREACH (_ IN CASE WHEN n = 0 AND NOT row.keep THEN [1] ELSE [] END | DELETE r)',
    'RETURN sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated',
  ],
);

/**
 * Entity aggregates from the articles that mention them (article_count, mentions, seen dates).
 * An entity no article mentions any more (its articles' content changed) is deleted, with its
 * relationships, unless `keep` (the current build still has it).
 */
export const RECOMPUTE_ENTITIES = st(
  'recompute:entities',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (e:Entity {id: row.id})',
    'SET e._lock = true',
    'WITH e, row',
    'OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(e)',
    'WITH e, row, count(a) AS n, coalesce(sum(m.count), 0) AS mentions, min(a.date) AS first,',
    '  max(a.date) AS last',
    'REMOVE e._lock',
    'WITH e, row, n, mentions, first, last,',
    '  [e.article_count, e.mentions, e.first_seen, e.last_seen] AS before',
    'SET e.article_count = n, e.mentions = mentions, e.first_seen = first, e.last_seen = last',
    'WITH e, row, n, before <> [n, mentions, first, last] AS changed',
    'FOREACH (_ IN CASE WHEN n = 0 AND NOT row.keep THEN [1] ELSE [] END | DETACH DELETE e)',
    'RETURN sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated',
  ],
);

/** Mark articles as completely loaded: from now on a load with the same hash skips them. */
export const FINISH_ARTICLES = st(
  'finish-articles',
  'write',
  ['rows'],
  [
    'UNWIND $rows AS row',
    'MATCH (a:Article {id: row.id})',
    'SET a.hash = row.hash',
    'REMOVE a.pending_hash',
  ],
);

/** All statements the loader can send, in the order it sends them (for dry runs and linting). */
export function loaderStatements(relationshipConstraints = true): Statement[] {
  return [
    COMPONENTS,
    ...schemaStatements(relationshipConstraints),
    PROBE_ARTICLES,
    PURGE_ARTICLES,
    ...ENTITY_KINDS.map(entityStatement),
    ENTITY_COUNTRY,
    ARTICLES,
    MENTIONS,
    relationshipStatement('co_mention'),
    relationshipStatement('role'),
    relationshipStatement('interaction'),
    OFFICES,
    EVIDENCE,
    INTERACTIONS,
    INTERACTION_PARTICIPANTS,
    INTERACTION_TOPICS,
    INTERACTION_EVIDENCE,
    recomputeEvidenceStatement('co_mention'),
    recomputeEvidenceStatement('role'),
    RECOMPUTE_INTERACTION,
    RECOMPUTE_ENTITIES,
    FINISH_ARTICLES,
  ];
}
