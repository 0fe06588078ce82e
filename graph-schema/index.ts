/**
 * graph-schema — zod schemas of diplograph's outputs (graph.json, evidence.jsonl,
 * articles.jsonl, report.json) and the list of JSON Schema files generated from them.
 */
export { generateJsonSchemas, JSON_SCHEMA_FILES } from './generate.ts';
export * from './schema.ts';
