/**
 * pipeline/types — options, progress and results of a build.
 */
import type { BuildReport } from '../../graph-schema/schema.ts';
import type { ExportFormat } from '../export/types.ts';
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
  /** Worker threads for the per-article stages; 0 = one per core, 1 = in this thread. */
  workers?: number;
  /** Keep the accumulator state in `<out>/state.jsonl.gz`, so `update` can extend the build. */
  incremental?: boolean;
  /** Add the inputs to the build already in `out` (which must have been built `incremental`). */
  update?: boolean;
  /** Exports to write (`--formats`; graph.json always); default: all of them. */
  formats?: ExportFormat[];
}

/** What a build is doing, for a progress bar. */
export interface BuildProgress {
  phase: 'read' | 'finalize' | 'export' | 'commit';
  /** Articles in the graph so far (with an update: old ones included). */
  articles: number;
  skipped: number;
  /** Bytes of input read in this run. */
  bytes: number;
  source: string;
}

/** Hooks of a run besides progress and warnings. */
export interface BuildControl {
  /** Aborting stops the build: workers end, temporary files are removed, no output changes. */
  signal?: AbortSignal;
}

export interface BuildResult {
  report: BuildReport;
  graph: CorpusGraph;
  outputs: Record<string, number>;
}
