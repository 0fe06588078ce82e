import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CSV_DELIMITER_SUBSTITUTE,
  formatOffice,
  parseCSV,
  toEdgesCSV,
  toNodesCSV,
} from '../src/export/index.ts';
import { makeFixtureGraph } from './fixtures/graphs/fixture-graph.ts';
import { neo4jAdminImport, neo4jImport } from './fixtures/graphs/tools.ts';

const graph = makeFixtureGraph();
const nodesText = toNodesCSV(graph);
const edgesText = toEdgesCSV(graph);

/** Rows as records keyed by header name. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCSV(text);
  return rows.map((row) => {
    expect(row).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, row[i]!]));
  });
}

const split = (cell: string | undefined) => (cell ? cell.split(';') : []);

describe('export/csv: nodes.csv', () => {
  const rows = records(nodesText);

  it('has the neo4j-admin header with typed columns', () => {
    const header = parseCSV(nodesText)[0]!;
    expect(header.slice(0, 12)).toEqual([
      'id:ID',
      ':LABEL',
      'label',
      'kind',
      'labels_ar',
      'labels_fa',
      'labels_en',
      'aliases:string[]',
      'articles:string[]',
      'article_count:int',
      'mentions:int',
      'candidate:boolean',
    ]);
    expect(header).toEqual(
      expect.arrayContaining([
        'pagerank:float',
        'betweenness:float',
        'degree:int',
        'weighted_degree:float',
        'community:int',
        'offices:string[]',
        'first_seen:date',
        'last_seen:date',
        'x:float',
        'y:float',
        'size:float',
        'color',
      ]),
    );
  });

  it('has one row per node, in key order, with Entity;<Kind> labels', () => {
    expect(rows.map((r) => r['id:ID'])).toEqual(graph.nodes().sort());
    const label = Object.fromEntries(rows.map((r) => [r['id:ID'], r[':LABEL']]));
    expect(label['person:sergey-lavrov']).toBe('Entity;Person');
    expect(label['country:IR']).toBe('Entity;Country');
    expect(label['org:tass']).toBe('Entity;Organization');
    expect(label['conflict:israeli-palestinian-conflict']).toBe('Entity;Conflict');
    expect(label['place:gaza-strip']).toBe('Entity;Place');
  });

  it('splits arrays back on ";" (a ";" inside an item becomes a fullwidth one)', () => {
    for (const row of rows) {
      const a = graph.getNodeAttributes(row['id:ID']!);
      const expected = a.aliases.map((s) => s.replaceAll(';', CSV_DELIMITER_SUBSTITUTE));
      expect(split(row['aliases:string[]'])).toEqual(expected);
      expect(split(row['articles:string[]'])).toEqual(a.articles);
      expect(split(row['offices:string[]'])).toEqual(a.offices.map(formatOffice));
      expect(row.labels_ar).toBe(a.labels.ar ?? '');
      expect(row.labels_fa).toBe(a.labels.fa ?? '');
      expect(Number(row['pagerank:float'])).toBe(a.pagerank);
      expect(row['candidate:boolean']).toBe(String(a.candidate));
      expect(row['first_seen:date']).toBe(a.first_seen ?? '');
    }
    const qa = rows.find((r) => r['id:ID'] === 'country:QA')!;
    expect(split(qa['aliases:string[]'])).toEqual(['Qatar, State of', 'دولة قطر； الدوحة', 'قطر']);
  });

  it('quotes fields with commas and quotes (RFC 4180) and leaves absent values empty', () => {
    expect(nodesText).toContain('"Qatar, State of;');
    expect(nodesText).toContain('"""أبو علي"";');
    const candidate = rows.find((r) => r['id:ID'] === 'person:cand-أبو-علي-الحسن')!;
    expect(split(candidate['aliases:string[]'])).toEqual([
      '"أبو علي"',
      'أبو علي <الحسن>',
      'السفير أبو علي & الوفد',
    ]);
    expect(candidate['first_seen:date']).toBe('');
    expect(candidate.wikidata).toBe('');
    expect(nodesText).not.toMatch(/,""(,|\n)/);
  });
});

describe('export/csv: edges.csv', () => {
  const rows = records(edgesText);

  it('has the neo4j-admin header and one row per edge', () => {
    const header = parseCSV(edgesText)[0]!;
    expect(header.slice(0, 10)).toEqual([
      ':START_ID',
      ':END_ID',
      ':TYPE',
      'key',
      'kind',
      'weight:float',
      'articles:string[]',
      'action',
      'office',
      'cameo',
    ]);
    expect(header).toEqual(
      expect.arrayContaining([
        'directed:boolean',
        'dates:date[]',
        'topics:string[]',
        'evidence_sample',
        'evidence_total:int',
        'npmi:float',
      ]),
    );
    expect(rows.map((r) => r.key)).toEqual(graph.edges().sort());
  });

  it('types, ends and direction match the graph', () => {
    const types = { co_mention: 'CO_MENTION', role: 'ROLE', interaction: 'INTERACTION' };
    for (const row of rows) {
      const key = row.key!;
      const a = graph.getEdgeAttributes(key);
      expect(row[':TYPE']).toBe(types[a.kind]);
      expect(row[':START_ID']).toBe(graph.source(key));
      expect(row[':END_ID']).toBe(graph.target(key));
      expect(row['directed:boolean']).toBe(String(graph.isDirected(key)));
      expect(Number(row['weight:float'])).toBe(a.weight);
      expect(split(row['articles:string[]'])).toEqual(a.articles);
      expect(split(row['dates:date[]'])).toEqual(a.dates ?? []);
      expect(row.evidence_sample).toBe(a.evidence[0]?.text ?? '');
    }
  });

  it('keeps a multi-line, quoted Arabic evidence sentence intact in one field', () => {
    const call = rows.find((r) => r.key?.startsWith('interaction:phone_call'))!;
    expect(call.evidence_sample).toContain(
      'لافروف،\nتناول "التطورات الخطيرة" في قطاع غزة & معبر رفح.',
    );
    expect(edgesText).toContain('""التطورات الخطيرة""');
  });
});

describe('export/csv: parseCSV', () => {
  it('handles quotes, doubled quotes, CRLF and newlines inside quotes', () => {
    expect(parseCSV('a,"b,c","d""e"\r\n"x\ny",,z\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['x\ny', '', 'z'],
    ]);
    expect(parseCSV('')).toEqual([]);
    expect(() => parseCSV('"open')).toThrow(/^export: /);
  });

  it('is byte-identical whatever the insertion order', () => {
    const reversed = makeFixtureGraph('reversed');
    expect(toNodesCSV(reversed)).toBe(nodesText);
    expect(toEdgesCSV(reversed)).toBe(edgesText);
  });
});

describe('export/csv: neo4j-admin reads it', () => {
  it.runIf(neo4jImport.available)(
    'imports every row, and every non-empty cell as a typed property',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'diplograph-csv-'));
      writeFileSync(join(dir, 'nodes.csv'), nodesText);
      writeFileSync(join(dir, 'edges.csv'), edgesText);
      const r = neo4jAdminImport(join(dir, 'nodes.csv'), join(dir, 'edges.csv'));
      expect(r.ok, r.output).toBe(true);
      expect(r.nodes).toBe(graph.order);
      expect(r.relationships).toBe(graph.size);
      // :LABEL, :START_ID, :END_ID and :TYPE are not properties; every other filled cell is.
      const filled = (text: string, skip: string[]) => {
        const [header, ...rows] = parseCSV(text);
        return rows.flatMap((row) => row.filter((v, i) => v !== '' && !skip.includes(header![i]!)))
          .length;
      };
      const expected =
        filled(nodesText, [':LABEL']) + filled(edgesText, [':START_ID', ':END_ID', ':TYPE']);
      expect(r.properties).toBe(expected);
    },
    120_000,
  );
});
