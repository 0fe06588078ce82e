/**
 * neo4j — diplograph's Neo4j sink: an idempotent, incremental loader for build outputs, the
 * statements it sends, a query runner for Cypher and the named questions in `queries/`, and the
 * bulk-import command line. The graph model is described in MODEL.md beside this file.
 */
export { adminImportCommand } from './admin-import.ts';
export {
  type Connection,
  checkServerVersion,
  describeNeo4jError,
  openConnection,
  parseServerVersion,
} from './connect.ts';
export { formatCsv, formatJson, formatTable, toPlain } from './format.ts';
export {
  EDGE_KINDS,
  ENTITY_KINDS,
  KIND_LABELS,
  LABELS,
  REL_TYPES,
  relationshipKey,
} from './model.ts';
export {
  displayUri,
  type LoadOptions,
  LoadOptionsSchema,
  parseOptions,
  type QueryOptions,
  QueryOptionsSchema,
  resolveConnection,
} from './options.ts';
export {
  completeParams,
  defaultQueriesDir,
  findQuery,
  listQueries,
  type NamedQuery,
  parseParams,
  parseQueryFile,
  type QueryResult,
  runQuery,
} from './query.ts';
export { articleRows, buildRows, readBuildOutput } from './rows.ts';
export { loaderStatements, type Statement, schemaStatements } from './statements.ts';
export type * from './types.ts';
export { AWAIT_INDEXES, ensureSchema, loadBuild, planLoad } from './writer.ts';
