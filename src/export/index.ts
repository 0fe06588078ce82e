/**
 * export — the file sinks of diplograph: graph.json (graphology), GEXF 1.3 static and dynamic,
 * GraphML, neo4j-admin CSV, and atomic file writing for every output of a build.
 */
export {
  CSV_ARRAY_DELIMITER,
  CSV_DELIMITER_SUBSTITUTE,
  parseCSV,
  toEdgesCSV,
  toNodesCSV,
} from './csv.ts';
export { daysToSpells, toDynamicGEXF } from './dynamic-gexf.ts';
export { formatOffice } from './fields.ts';
export { type Spell, toGEXF } from './gexf.ts';
export { parseGraphML, toGraphML } from './graphml.ts';
export {
  AtomicWriteStream,
  atomicWriteFile,
  createAtomicWriteStream,
  pendingTempFiles,
  removePendingTempFilesSync,
  type StagedExports,
  type StageGraphExportsOptions,
  stageGraphExports,
  writeChunks,
  writeGraphExports,
} from './io.ts';
export { sortObjectKeys, type ToJSONOptions, toJSON } from './json.ts';
export {
  ArticleDates,
  type CorpusGraph,
  DynamicGexfOptions,
  EXPORT_FILES,
  EXPORT_FORMATS,
  type ExportFormat,
  type GraphAttributes,
  WriteGraphExportsOptions,
} from './types.ts';
