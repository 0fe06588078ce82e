import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BuildReport,
  generateJsonSchemas,
  JSON_SCHEMA_FILES,
  SerializedGraph,
} from '../graph-schema/index.ts';
import { toJSON } from '../src/export/index.ts';
import { makeFixtureGraph } from './fixtures/graphs/fixture-graph.ts';

const committed = (file: string) =>
  readFileSync(new URL(`../graph-schema/${file}`, import.meta.url), 'utf8');

describe('graph-schema: generated JSON Schema files', () => {
  const generated = generateJsonSchemas();

  it('covers graph.json, evidence.jsonl, articles.jsonl and report.json', () => {
    expect(Object.keys(generated).sort()).toEqual([
      'article.schema.json',
      'evidence.schema.json',
      'graph.schema.json',
      'report.schema.json',
    ]);
  });

  for (const file of Object.keys(JSON_SCHEMA_FILES)) {
    it(`${file} is up to date (run \`npm run schema\` after changing graph-schema/schema.ts)`, () => {
      expect(committed(file)).toBe(generated[file]);
    });
  }

  it('says what the zod schemas say: strict objects, required keys, patterns', () => {
    const graph = JSON.parse(generated['graph.schema.json']!) as {
      $schema: string;
      title: string;
      additionalProperties: boolean;
      required: string[];
      properties: {
        nodes: {
          items: {
            properties: {
              attributes: {
                required: string[];
                additionalProperties: boolean;
                properties: Record<string, { pattern?: string; enum?: string[] }>;
              };
            };
          };
        };
      };
    };
    expect(graph.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(graph.title).toBe('diplograph graph.json');
    expect(graph.additionalProperties).toBe(false);
    expect(graph.required).toEqual(['attributes', 'options', 'nodes', 'edges']);
    const node = graph.properties.nodes.items.properties.attributes;
    expect(node.additionalProperties).toBe(false);
    expect(node.required).toEqual(expect.arrayContaining(['kind', 'label', 'aliases', 'articles']));
    expect(node.required).not.toContain('wikidata');
    expect(node.properties.kind?.enum).toEqual([
      'person',
      'country',
      'organization',
      'conflict',
      'place',
    ]);
    expect(node.properties.first_seen?.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
  });
});

describe('graph-schema: the fixture graph satisfies the contract', () => {
  it('graph.json of the fixture parses, and a broken one does not', () => {
    const json = JSON.parse(toJSON(makeFixtureGraph())) as SerializedGraph;
    expect(SerializedGraph.safeParse(json).success).toBe(true);
    const broken = structuredClone(json);
    (broken.nodes[0]!.attributes as Record<string, unknown>).type = 'circle';
    expect(SerializedGraph.safeParse(broken).success).toBe(false);
    const badColor = structuredClone(json);
    badColor.nodes[0]!.attributes.color = 'red';
    expect(SerializedGraph.safeParse(badColor).success).toBe(false);
  });

  it('BuildReport rejects unknown count fields', () => {
    const report = {
      generator: 'diplograph 0.1.0',
      version: '0.1.0',
      node: 'v20',
      inputs: [],
      options: {},
      counts: {
        files: 0,
        articles_read: 0,
        articles_skipped: 0,
        duplicates: 0,
        entities: 0,
        candidates: 0,
        edges: 0,
        edges_by_kind: {},
        mentions: 0,
        teaser_only_entities: 0,
      },
      skipped: [],
      duplicates: [],
      timings: {},
      merges: [],
      outputs: { 'graph.json': 10 },
    };
    expect(BuildReport.safeParse(report).success).toBe(true);
    expect(
      BuildReport.safeParse({ ...report, counts: { ...report.counts, extra: 1 } }).success,
    ).toBe(false);
  });
});

const pythonJsonschema = spawnSync('python3', ['-c', 'import jsonschema']).status === 0;
if (!pythonJsonschema) {
  console.warn('\n⚠ schema tests: python3 jsonschema missing, JSON Schema cross-check SKIPPED.\n');
}

describe('graph-schema: JSON Schema files work in other tools', () => {
  const validate = (schemaFile: string, instance: unknown) => {
    const script = [
      'import json, sys, jsonschema',
      'schema = json.load(open(sys.argv[1], encoding="utf-8"))',
      'instance = json.load(sys.stdin)',
      'jsonschema.Draft202012Validator.check_schema(schema)',
      'errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(instance)]',
      'print(json.dumps(errors, ensure_ascii=False))',
    ].join('\n');
    const path = new URL(`../graph-schema/${schemaFile}`, import.meta.url).pathname;
    const r = spawnSync('python3', ['-c', script, path], {
      input: JSON.stringify(instance),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as string[];
  };

  it.runIf(pythonJsonschema)(
    'python jsonschema accepts the fixture graph.json, rejects a bad one',
    () => {
      const json = JSON.parse(toJSON(makeFixtureGraph())) as SerializedGraph;
      expect(validate('graph.schema.json', json)).toEqual([]);
      const broken = structuredClone(json);
      broken.edges[0]!.attributes.kind = 'friendship' as 'role';
      expect(validate('graph.schema.json', broken).length).toBeGreaterThan(0);
    },
  );
});
