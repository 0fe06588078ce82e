/**
 * neo4j/rows — reads a build output folder (graph.json, articles.jsonl, evidence.jsonl),
 * validates it against graph-schema, and turns it into the parameter rows of the loader's
 * statements. Pure apart from reading the files: the same folder always gives the same rows in
 * the same order.
 *
 * Per-article rows (articles, mentions, evidence, interaction events) are produced only for the
 * articles the caller decides to load; entity and relationship rows describe the whole build and
 * are upserted with fingerprints, so unchanged ones cost a read and no write.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import type { z } from 'zod';
import {
  ArticleRecord,
  type EdgeAttributes,
  EvidenceRecord,
  type NodeAttributes,
  SerializedGraph,
} from '../../graph-schema/schema.ts';
import { normalizeString } from '../text/normalize.ts';
import {
  EDGE_KINDS,
  type EdgeKind,
  ENTITY_KINDS,
  type EntityKind,
  relationshipKey,
  stableId,
} from './model.ts';
import type { BuildOutput, Row } from './types.ts';

/** An integer parameter (JS numbers would reach Neo4j as floats). */
const int = (n: number) => neo4j.int(Math.trunc(n));

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

async function readJsonl<T>(
  path: string,
  schema: z.ZodType<T>,
  what: string,
  optional = false,
): Promise<T[]> {
  if (!existsSync(path)) {
    if (optional) return [];
    throw new Error(`neo4j: ${path} is missing (a build writes ${what})`);
  }
  const out: T[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`neo4j: ${path}:${n}: not JSON`);
    }
    const r = schema.safeParse(value);
    if (!r.success) throw new Error(`neo4j: ${path}:${n}: not ${what} (${issuesText(r.error)})`);
    out.push(r.data);
  }
  return out;
}

/** Read and validate `<dir>/graph.json`, `articles.jsonl` and `evidence.jsonl`. */
export async function readBuildOutput(dir: string): Promise<BuildOutput> {
  const graphPath = join(dir, 'graph.json');
  if (!existsSync(graphPath))
    throw new Error(`neo4j: ${graphPath} is missing (is ${dir} a build output folder?)`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(graphPath, 'utf8'));
  } catch (e) {
    throw new Error(`neo4j: ${graphPath} is not JSON (${(e as Error).message})`);
  }
  const g = SerializedGraph.safeParse(raw);
  if (!g.success) {
    throw new Error(`neo4j: ${graphPath} is not a diplograph graph (${issuesText(g.error)})`);
  }
  const articles = await readJsonl(
    join(dir, 'articles.jsonl'),
    ArticleRecord,
    'ArticleRecord lines',
  );
  const evidence = await readJsonl(
    join(dir, 'evidence.jsonl'),
    EvidenceRecord,
    'EvidenceRecord lines',
  );
  return { dir, graph: g.data, articles, evidence };
}

/** What a graph edge is in Neo4j terms. */
interface EdgeInfo {
  key: string;
  kind: EdgeKind;
  source: string;
  target: string;
  directed: boolean;
  attrs: EdgeAttributes;
}

/** Rows that describe the whole build (loaded every time; unchanged rows are not rewritten). */
export interface BuildRows {
  entities: Record<EntityKind, Row[]>;
  entityCountry: Row[];
  offices: Row[];
  relationships: Record<EdgeKind, Row[]>;
  /** Relationship keys of this build's edges (never deleted by a recompute). */
  edgeKeys: Set<string>;
  /** Entity ids of this build's nodes (never deleted by a recompute). */
  nodeIds: Set<string>;
  /** graph.json edge key → its relationship. */
  edges: Map<string, EdgeInfo>;
  warnings: string[];
}

/** Rows that carry the contribution of the articles being loaded. */
export interface ArticleRows {
  articles: Row[];
  mentions: Row[];
  evidence: Row[];
  interactions: Row[];
  participants: Row[];
  topics: Row[];
  interactionEvidence: Row[];
  finish: Row[];
  /** Aggregates to recompute after these rows are in. */
  touched: {
    co_mention: Set<string>;
    role: Set<string>;
    interaction: Set<string>;
    entities: Set<string>;
  };
  warnings: string[];
}

const ISO_PARTIAL = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isoOrNull = (s: string | undefined) => (s && ISO_PARTIAL.test(s) ? s : null);

/** Every name of a node as written: label, labels in each language, aliases seen. */
const writtenNames = (a: NodeAttributes): string[] => [
  a.label,
  ...Object.values(a.labels),
  ...a.aliases,
];

function entityProps(attrs: NodeAttributes): Record<string, unknown> {
  const written = writtenNames(attrs);
  // As written and folded like the extractor's matching (ي/ی, ك/ک, hamza, ZWNJ…), so a
  // full-text search in either spelling finds the name.
  const names = new Set<string>([...written, ...written.map(normalizeString)]);
  return {
    kind: attrs.kind,
    label: attrs.label,
    label_en: attrs.labels.en ?? null,
    label_ar: attrs.labels.ar ?? null,
    label_fa: attrs.labels.fa ?? null,
    aliases: attrs.aliases,
    names: [...names].join(' | '),
    candidate: attrs.candidate,
    country: attrs.country ?? null,
    wikidata: attrs.wikidata ?? null,
    degree: attrs.degree,
    weighted_degree: attrs.weighted_degree,
    pagerank: attrs.pagerank,
    betweenness: attrs.betweenness,
    community: attrs.community,
    x: attrs.x,
    y: attrs.y,
    size: attrs.size,
    color: attrs.color,
  };
}

function edgeProps(kind: EdgeKind, a: EdgeAttributes): Record<string, unknown> {
  if (kind === 'co_mention') {
    return {
      kind,
      sentence_count: a.sentence_count ?? null,
      paragraph_count: a.paragraph_count ?? null,
      npmi: a.npmi ?? null,
    };
  }
  if (kind === 'role') return { kind, office: a.office ?? null };
  return {
    kind,
    action: a.action ?? null,
    cameo: a.cameo ?? null,
    directed: a.directed ?? false,
  };
}

/** Turn numbers that must be integers in Neo4j into Integer parameters. */
function withInts(
  props: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const out = { ...props };
  for (const k of keys) {
    const v = out[k];
    if (typeof v === 'number') out[k] = int(v);
  }
  return out;
}

/** Rows for entities, offices and aggregated relationships of the whole build. */
export function buildRows(out: BuildOutput): BuildRows {
  const warnings: string[] = [];
  const entities = Object.fromEntries(ENTITY_KINDS.map((k) => [k, [] as Row[]])) as Record<
    EntityKind,
    Row[]
  >;
  const nodeIds = new Set<string>();
  const entityCountry: Row[] = [];
  const officeMap = new Map<
    string,
    {
      person: string;
      of: string;
      office: string;
      terms: string[];
      from: string[];
      to: (string | null)[];
      lexicon: boolean;
    }
  >();
  for (const node of out.graph.nodes) {
    const a = node.attributes;
    nodeIds.add(node.key);
    const props = entityProps(a);
    entities[a.kind].push({
      id: node.key,
      fp: fingerprint(props),
      props: withInts(props, ['degree', 'community']),
    });
    if (a.country && a.country !== node.key)
      entityCountry.push({ id: node.key, country: a.country });
    for (const o of a.offices) {
      const { key } = relationshipKey('role', node.key, o.of, { office: o.office });
      let m = officeMap.get(key);
      if (!m) {
        m = {
          person: node.key,
          of: o.of,
          office: o.office,
          terms: [],
          from: [],
          to: [],
          lexicon: false,
        };
        officeMap.set(key, m);
      }
      m.terms.push(`${o.from ?? ''}/${o.to ?? ''}`);
      const from = isoOrNull(o.from);
      if (from) m.from.push(from);
      m.to.push(isoOrNull(o.to));
      if (o.source === 'lexicon') m.lexicon = true;
    }
  }
  const offices: Row[] = [];
  for (const [key, m] of [...officeMap].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const terms = [...new Set(m.terms)].sort();
    const from = m.from.length ? m.from.sort()[0]! : null;
    const to = m.to.some((t) => t === null)
      ? null
      : ([...(m.to as string[])].sort().at(-1) ?? null);
    const row = {
      key,
      person: m.person,
      of: m.of,
      office: m.office,
      terms,
      from,
      to,
      lexicon: m.lexicon,
    };
    offices.push({ ...row, fp: fingerprint(row) });
  }

  const relationships = Object.fromEntries(EDGE_KINDS.map((k) => [k, [] as Row[]])) as Record<
    EdgeKind,
    Row[]
  >;
  const edges = new Map<string, EdgeInfo>();
  const edgeKeys = new Set<string>();
  let missingEnds = 0;
  for (const e of out.graph.edges) {
    const a = e.attributes;
    const directed = a.kind === 'interaction' && a.directed === true && e.undirected !== true;
    const rk = relationshipKey(a.kind, e.source, e.target, {
      office: a.office,
      action: a.action,
      directed,
    });
    edges.set(e.key, { ...rk, kind: a.kind, directed, attrs: a });
    if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) missingEnds++;
    if (edgeKeys.has(rk.key)) continue; // the same relationship twice (e.g. A→B and B→A undirected)
    edgeKeys.add(rk.key);
    const props = edgeProps(a.kind, a);
    relationships[a.kind].push({
      key: rk.key,
      source: rk.source,
      target: rk.target,
      weight: int(a.weight),
      fp: fingerprint(props),
      props: withInts(props, ['sentence_count', 'paragraph_count']),
    });
  }
  if (missingEnds) warnings.push(`${missingEnds} edges name an endpoint that is not a node`);
  for (const k of EDGE_KINDS)
    relationships[k].sort((x, y) => ((x.key as string) < (y.key as string) ? -1 : 1));
  for (const k of ENTITY_KINDS)
    entities[k].sort((x, y) => ((x.id as string) < (y.id as string) ? -1 : 1));
  entityCountry.sort((x, y) => ((x.id as string) < (y.id as string) ? -1 : 1));
  return { entities, entityCountry, offices, relationships, edgeKeys, nodeIds, edges, warnings };
}

/** Does one of an entity's names occur in a (normalised) sentence? */
function mentionedIn(names: string[], normText: string): boolean {
  return names.some((n) => n.length > 1 && normText.includes(n));
}

/**
 * Rows for the contribution of the articles `load` accepts. Interaction events group the
 * interaction evidence of one article and one relationship; an event's topics are the edge's
 * topics that its evidence sentences name (all of them when one article supports the edge).
 */
export function articleRows(
  out: BuildOutput,
  build: BuildRows,
  load: (articleId: string) => boolean,
): ArticleRows {
  const warnings: string[] = [];
  const nodeNames = new Map<string, string[]>();
  for (const n of out.graph.nodes) {
    const a = n.attributes;
    const names = writtenNames(a).map(normalizeString);
    nodeNames.set(
      n.key,
      [...new Set(names)].filter((s) => s.length > 1),
    );
  }
  const nodeIds = new Set(nodeNames.keys());
  const touched = {
    co_mention: new Set<string>(),
    role: new Set<string>(),
    interaction: new Set<string>(),
    entities: new Set<string>(),
  };

  const articles: Row[] = [];
  const mentions: Row[] = [];
  const finish: Row[] = [];
  const articleDate = new Map<string, string | undefined>();
  let unknownMentions = 0;
  for (const a of out.articles) {
    articleDate.set(a.id, a.date);
    if (!load(a.id)) continue;
    articles.push({
      id: a.id,
      hash: a.hash,
      date: a.date ?? null,
      lang: a.lang,
      outlet: a.outlet ?? null,
      url: a.url ?? null,
      title: a.title ?? null,
      source: a.source,
      excluded: [...a.excluded].sort(),
    });
    finish.push({ id: a.id, hash: a.hash });
    for (const [entity, count] of Object.entries(a.mentions).sort((x, y) =>
      x[0] < y[0] ? -1 : 1,
    )) {
      if (!nodeIds.has(entity)) {
        unknownMentions++;
        continue;
      }
      mentions.push({ article: a.id, entity, count: int(count) });
      touched.entities.add(entity);
    }
  }
  if (unknownMentions)
    warnings.push(`${unknownMentions} mentions name an entity that is not a node`);

  const evidence: Row[] = [];
  const seenEvidence = new Set<string>();
  const events = new Map<
    string,
    {
      article: string;
      info: EdgeInfo | undefined;
      rel: string;
      source: string;
      target: string;
      action: string;
      directed: boolean;
      dates: string[];
      evidence: string[];
      texts: string[];
    }
  >();
  let unknownEdges = 0;
  for (const r of out.evidence) {
    if (!load(r.article)) continue;
    const info = build.edges.get(r.edge);
    if (!info) unknownEdges++;
    const rk = info ?? {
      ...relationshipKey(r.kind, r.source, r.target, { office: r.office, action: r.action }),
      directed: false,
    };
    const id = stableId('ev', rk.key, r.article, r.start, r.end);
    if (!seenEvidence.has(id)) {
      seenEvidence.add(id);
      evidence.push({
        id,
        rel: rk.key,
        kind: r.kind,
        article: r.article,
        text: r.text,
        start: int(r.start),
        end: int(r.end),
        date: r.date ?? articleDate.get(r.article) ?? null,
        office: r.office ?? null,
        action: r.action ?? null,
      });
    }
    touched[r.kind].add(rk.key);
    if (r.kind !== 'interaction') continue;
    const eventId = stableId('ix', r.article, rk.key);
    let ev = events.get(eventId);
    if (!ev) {
      ev = {
        article: r.article,
        info,
        rel: rk.key,
        source: rk.source,
        target: rk.target,
        action: r.action ?? info?.attrs.action ?? 'interaction',
        directed: rk.directed,
        dates: [],
        evidence: [],
        texts: [],
      };
      events.set(eventId, ev);
    }
    if (r.date) ev.dates.push(r.date);
    if (!ev.evidence.includes(id)) ev.evidence.push(id);
    ev.texts.push(normalizeString(r.text));
  }
  if (unknownEdges)
    warnings.push(`${unknownEdges} evidence lines name an edge that is not in graph.json`);

  const interactions: Row[] = [];
  const participants: Row[] = [];
  const topics: Row[] = [];
  const interactionEvidence: Row[] = [];
  for (const [id, ev] of [...events].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const date = ev.dates.length ? ev.dates.sort()[0]! : (articleDate.get(ev.article) ?? null);
    interactions.push({
      id,
      rel: ev.rel,
      article: ev.article,
      action: ev.action,
      date,
      cameo: ev.info?.attrs.cameo ?? null,
      directed: ev.directed,
    });
    const roles = ev.directed ? ['source', 'target'] : ['party', 'party'];
    participants.push({ interaction: id, entity: ev.source, role: roles[0] });
    if (ev.target !== ev.source)
      participants.push({ interaction: id, entity: ev.target, role: roles[1] });
    const edgeTopics = ev.info?.attrs.topics ?? [];
    const single = (ev.info?.attrs.articles.length ?? 0) <= 1;
    for (const t of [...edgeTopics].sort()) {
      if (!nodeIds.has(t)) continue;
      if (single || ev.texts.some((tx) => mentionedIn(nodeNames.get(t) ?? [], tx))) {
        topics.push({ interaction: id, entity: t });
      }
    }
    for (const e of ev.evidence) interactionEvidence.push({ interaction: id, evidence: e });
    touched.interaction.add(ev.rel);
  }
  return {
    articles,
    mentions,
    evidence,
    interactions,
    participants,
    topics,
    interactionEvidence,
    finish,
    touched,
    warnings,
  };
}
