/**
 * neo4j/types — shapes shared by the Neo4j loader, planner and query runner.
 */
import type { ArticleRecord, EvidenceRecord, SerializedGraph } from '../../graph-schema/schema.ts';

/** A build output folder, read and validated. */
export interface BuildOutput {
  dir: string;
  graph: SerializedGraph;
  articles: ArticleRecord[];
  evidence: EvidenceRecord[];
}

/** Where and how to connect. The password is never printed. */
export interface ConnectionOptions {
  uri: string;
  user: string;
  password?: string | undefined;
  database?: string | undefined;
}

/** A plain row sent as one element of `$rows`. */
export type Row = Record<string, unknown>;

/** What one statement will send: rows split into batches. */
export interface PlannedStatement {
  name: string;
  cypher: string;
  rows: number;
  batches: number;
}

/** Article-level decision of a load, from the probe of what the database already holds. */
export type ArticleState = 'new' | 'resume' | 'changed' | 'loaded' | 'duplicate';

/** Numbers a load reports (created/deleted from the server's counters). */
export interface LoadSummary {
  uri: string;
  database: string | null;
  server: string;
  articles: Record<ArticleState, number>;
  nodesCreated: number;
  nodesDeleted: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  relationshipsUpdated: number;
  propertiesSet: number;
  labelsAdded: number;
  statements: number;
  transactions: number;
  rows: number;
  seconds: number;
  /** Seconds spent in each statement (by statement name). */
  timings: Record<string, number>;
  warnings: string[];
}

/** Progress callback: a statement name with rows done / total, and the overall totals. */
export type ProgressFn = (event: {
  statement: string;
  done: number;
  total: number;
  overallDone: number;
  overallTotal: number;
}) => void;
