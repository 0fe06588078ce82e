/**
 * relate/types — what one article contributes to the corpus graph: edges with evidence.
 */
import type { Evidence } from '../../graph-schema/schema.ts';

export type EdgeKind = 'co_mention' | 'role' | 'interaction';

/** One article's support for one edge. Aggregated over the corpus by `key`. */
export interface EdgeContribution {
  key: string;
  kind: EdgeKind;
  source: string;
  target: string;
  /** True when source → target is what the text says (roles; directed interactions). */
  directed: boolean;
  office?: string;
  officeSource?: 'lexicon' | 'text';
  action?: string;
  cameo?: string;
  dates: string[];
  topics: string[];
  sentenceCount: number;
  paragraphCount: number;
  evidence: Evidence[];
}

export interface RelateOptions {
  window: 'sentence' | 'paragraph' | 'article';
  evidenceMaxChars: number;
}
