/**
 * graph-schema/generate — JSON Schema (draft 2020-12) files for diplograph's outputs, generated
 * from the zod schemas with zod 4's `z.toJSONSchema`, for tools outside TypeScript (Python's
 * jsonschema, ajv, editors). `npm run schema` rewrites the committed files; a test regenerates
 * them in memory and fails when they differ.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ArticleRecord, BuildReport, EvidenceRecord, SerializedGraph } from './schema.ts';

/** Output file name → schema, title and description. */
export const JSON_SCHEMA_FILES = {
  'graph.schema.json': {
    schema: SerializedGraph,
    title: 'diplograph graph.json',
    description:
      "graphology serialisation (graph.export()) of diplograph's corpus graph: a mixed multigraph of entities linked by co-mentions, roles and interactions.",
  },
  'evidence.schema.json': {
    schema: EvidenceRecord,
    title: 'diplograph evidence.jsonl record',
    description: 'One line of evidence.jsonl: one sentence supporting one edge.',
  },
  'article.schema.json': {
    schema: ArticleRecord,
    title: 'diplograph articles.jsonl record',
    description: 'One line of articles.jsonl: one ingested article and the entities it mentions.',
  },
  'report.schema.json': {
    schema: BuildReport,
    title: 'diplograph report.json',
    description: 'What a build read, skipped, merged and wrote, with timings.',
  },
} as const;

/** Generates every JSON Schema file's text (2-space JSON, final newline), by file name. */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title, description }] of Object.entries(JSON_SCHEMA_FILES)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
    out[file] = `${JSON.stringify({ ...json, title, description }, null, 2)}\n`;
  }
  return out;
}

/** Writes the generated files beside this module; returns their paths. */
export async function writeJsonSchemas(): Promise<string[]> {
  const written: string[] = [];
  for (const [file, text] of Object.entries(generateJsonSchemas())) {
    const path = fileURLToPath(new URL(file, import.meta.url));
    await writeFile(path, text, 'utf8');
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeJsonSchemas().then(
    (paths) => {
      for (const path of paths) console.log(`graph-schema: wrote ${path}`);
    },
    (error: unknown) => {
      console.error(`graph-schema: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
