/**
 * pipeline/types — options and results of a build.
 */
import type { BuildReport } from '../../graph-schema/schema.ts';
import type { CorpusGraph } from '../graph/finalize.ts';

export interface BuildOptions {
  inputs: string[];
  out: string;
  window: 'sentence' | 'paragraph' | 'article';
  evidenceCap: number;
  evidenceMaxChars: number;
  seed: number;
  /** Extra lexicon files or folders (`--lexicon`). */
  lexicon: string[];
  since?: string;
  until?: string;
  strict: boolean;
  maxBytes: number;
  layoutIterations?: number;
  betweennessMaxNodes: number;
}

export interface BuildProgress {
  articles: number;
  skipped: number;
  bytes: number;
  source: string;
}

export interface BuildResult {
  report: BuildReport;
  graph: CorpusGraph;
  outputs: Record<string, number>;
}
