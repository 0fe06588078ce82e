/**
 * pipeline — the `build` job end to end: streaming ingest, per-article stages on worker
 * threads, the corpus graph, exports; incremental updates from a saved state.
 *
 * ```ts
 * const { report } = await runBuild(parseBuildOptions({ inputs: ['corpus/'], out: 'exports' }));
 * ```
 */
export {
  type ArticleContext,
  type ArticleOutcome,
  type ArticleSettings,
  createArticleContext,
  processOne,
} from './article.ts';
export { betweennessFits, layoutIterationsFor, readUpdateBase, runBuild } from './build.ts';
export { edgeKey, remapEvidenceLine } from './evidence.ts';
export { estimateInputBytes } from './inputs.ts';
export { extractionFingerprint, readState, readStateHeader, STATE_FILE } from './state.ts';
export type { BuildControl, BuildOptions, BuildProgress, BuildResult } from './types.ts';
export { type ArticleRunner, createRunner, resolveWorkers } from './workers.ts';
