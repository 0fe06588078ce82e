/**
 * graph-schema — the shapes of diplograph's outputs, as zod schemas.
 *
 * `graph.json` is graphology's serialisation (`graph.export()`) of a mixed multigraph whose
 * node and edge attributes are defined here. `evidence.jsonl` holds one EvidenceRecord a line,
 * `report.json` one BuildReport. JSON Schema files beside this one are generated from these
 * schemas (`npm run schema`) and a test keeps them in sync.
 */
import { z } from 'zod';

export const ENTITY_KINDS = ['person', 'country', 'organization', 'conflict', 'place'] as const;
export const EDGE_KINDS = ['co_mention', 'role', 'interaction'] as const;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Labels = z
  .object({ en: z.string().optional(), ar: z.string().optional(), fa: z.string().optional() })
  .strict();

export const NodeOffice = z
  .object({
    office: z.string(),
    of: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    /** 'lexicon' (dated office data) or 'text' (a cue in an article). */
    source: z.enum(['lexicon', 'text']),
  })
  .strict();

/** Attributes of an entity node. Never `type`: sigma reserves it for the WebGL program. */
export const NodeAttributes = z
  .object({
    kind: z.enum(ENTITY_KINDS),
    label: z.string().min(1),
    labels: Labels,
    /** Every surface form seen in the articles' own text, sorted. */
    aliases: z.array(z.string()),
    /** Ids of the articles whose own text (not teasers, tags, footers) mentions it, sorted. */
    articles: z.array(z.string()),
    /** Number of mentions in the articles' own text. */
    mentions: z.number().int().nonnegative(),
    /** Number of articles (= articles.length, kept for tools that cannot read lists). */
    article_count: z.number().int().nonnegative(),
    /** True for an actor discovered from a cue phrase, not in the lexicon. */
    candidate: z.boolean(),
    offices: z.array(NodeOffice),
    /** Country an organisation or place belongs to. */
    country: z.string().optional(),
    wikidata: z.string().optional(),
    first_seen: IsoDay.optional(),
    last_seen: IsoDay.optional(),
    degree: z.number().int().nonnegative(),
    weighted_degree: z.number().nonnegative(),
    pagerank: z.number().nonnegative(),
    betweenness: z.number().nonnegative(),
    community: z.number().int().nonnegative(),
    x: z.number().finite(),
    y: z.number().finite(),
    size: z.number().positive(),
    color: z.string().regex(/^#[0-9a-f]{6}$/),
  })
  .strict();
export type NodeAttributes = z.infer<typeof NodeAttributes>;

/** One sentence behind an edge, in the original script, with offsets into the original article text. */
export const Evidence = z
  .object({
    article: z.string(),
    text: z.string(),
    date: IsoDay.optional(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict();
export type Evidence = z.infer<typeof Evidence>;

export const EdgeAttributes = z
  .object({
    kind: z.enum(EDGE_KINDS),
    /**
     * Number of distinct articles that support the edge (for co_mention: articles in which the
     * pair shares a window of the configured size). Equal to article_count; recomputable from
     * evidence.jsonl, which is what makes incremental loads idempotent.
     */
    weight: z.number().positive(),
    articles: z.array(z.string()),
    article_count: z.number().int().positive(),
    first_seen: IsoDay.optional(),
    last_seen: IsoDay.optional(),
    /** Capped sample (see report `options.evidenceCap`); all of it is in evidence.jsonl. */
    evidence: z.array(Evidence),
    evidence_total: z.number().int().nonnegative(),
    /** role: office key (foreign_minister, president, …). */
    office: z.string().optional(),
    /** interaction: action (phone_call, meeting, visit, talks, message, joint_statement, …). */
    action: z.string().optional(),
    /** interaction: CAMEO event code. */
    cameo: z.string().optional(),
    /** interaction: true when the text gives who acted on whom (source → target). */
    directed: z.boolean().optional(),
    /** interaction: resolved event dates (ISO), sorted. */
    dates: z.array(IsoDay).optional(),
    /** interaction: ids of conflicts and places discussed in the same sentences. */
    topics: z.array(z.string()).optional(),
    /** co_mention: counts of shared windows. */
    sentence_count: z.number().int().nonnegative().optional(),
    paragraph_count: z.number().int().nonnegative().optional(),
    /** co_mention: normalised pointwise mutual information over the corpus (article level), in [-1, 1]. */
    npmi: z.number().min(-1).max(1).optional(),
    color: z.string().optional(),
    size: z.number().optional(),
  })
  .strict();
export type EdgeAttributes = z.infer<typeof EdgeAttributes>;

export const GraphAttributes = z
  .object({
    name: z.string(),
    generator: z.string(),
    /** ISO dates covered by the articles, when known. */
    first_seen: IsoDay.optional(),
    last_seen: IsoDay.optional(),
    article_count: z.number().int().nonnegative(),
  })
  .strict();

/** graphology serialisation of the corpus graph. */
export const SerializedGraph = z
  .object({
    attributes: GraphAttributes,
    options: z
      .object({ type: z.literal('mixed'), multi: z.literal(true), allowSelfLoops: z.boolean() })
      .strict(),
    nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributes }).strict()),
    edges: z.array(
      z
        .object({
          key: z.string(),
          source: z.string(),
          target: z.string(),
          undirected: z.boolean().optional(),
          attributes: EdgeAttributes,
        })
        .strict(),
    ),
  })
  .strict();
export type SerializedGraph = z.infer<typeof SerializedGraph>;

/** A line of evidence.jsonl: one piece of evidence of one edge. */
export const EvidenceRecord = Evidence.extend({
  edge: z.string(),
  kind: z.enum(EDGE_KINDS),
  source: z.string(),
  target: z.string(),
  action: z.string().optional(),
  office: z.string().optional(),
  /** content hash of the article (for idempotent loads). */
  hash: z.string(),
}).strict();
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;

export const SkipEntry = z
  .object({ source: z.string(), line: z.number().int().positive().optional(), reason: z.string() })
  .strict();

/** One line per article in articles.jsonl: what Neo4j and incremental builds need. */
export const ArticleRecord = z
  .object({
    id: z.string(),
    hash: z.string(),
    source: z.string(),
    date: IsoDay.optional(),
    lang: z.string(),
    outlet: z.string().optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    /** entity ids mentioned in the article's own text, with counts. */
    mentions: z.record(z.string(), z.number().int().positive()),
    /** entity ids found only in teasers, tags, footers (not attributed). */
    excluded: z.array(z.string()),
  })
  .strict();
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const BuildReport = z
  .object({
    generator: z.string(),
    version: z.string(),
    node: z.string(),
    inputs: z.array(z.string()),
    options: z.record(z.string(), z.unknown()),
    counts: z
      .object({
        files: z.number().int().nonnegative(),
        articles_read: z.number().int().nonnegative(),
        articles_skipped: z.number().int().nonnegative(),
        duplicates: z.number().int().nonnegative(),
        entities: z.number().int().nonnegative(),
        candidates: z.number().int().nonnegative(),
        edges: z.number().int().nonnegative(),
        edges_by_kind: z.record(z.string(), z.number().int().nonnegative()),
        mentions: z.number().int().nonnegative(),
        teaser_only_entities: z.number().int().nonnegative(),
      })
      .strict(),
    skipped: z.array(SkipEntry),
    duplicates: z.array(
      z.object({ source: z.string(), line: z.number().optional(), same_as: z.string() }).strict(),
    ),
    /** Seconds per stage. */
    timings: z.record(z.string(), z.number().nonnegative()),
    /** Candidate merges recorded by the resolver. */
    merges: z.array(
      z.object({ into: z.string(), from: z.array(z.string()), reason: z.string() }).strict(),
    ),
    outputs: z.record(z.string(), z.number().int().nonnegative()),
  })
  .strict();
export type BuildReport = z.infer<typeof BuildReport>;
