/**
 * export/csv — nodes.csv and edges.csv in neo4j-admin import format, one row per node / edge:
 *
 *   neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv \
 *     --multiline-fields=true neo4j
 *
 * Headers carry neo4j types (`id:ID`, `:LABEL`, `aliases:string[]`, `article_count:int`,
 * `pagerank:float`, `candidate:boolean`, `first_seen:date`, `dates:date[]`, `:START_ID`,
 * `:END_ID`, `:TYPE`). `:LABEL` is `Entity;Person` (Country, Organization, Conflict, Place);
 * `:TYPE` is CO_MENTION, ROLE or INTERACTION; `key` holds the graph's edge key and `directed`
 * says whether the edge is directed in the graph, for every edge (neo4j relationships always
 * have a direction; undirected edges keep the graph's source → target).
 *
 * Quoting follows RFC 4180 (fields with `,`, `"`, CR or LF are double-quoted, `"` doubled);
 * an absent value is an empty unquoted field (no property in neo4j), an empty string is `""`.
 * Arrays are joined with `;`, neo4j-admin's default array delimiter, which has no escape: a `;`
 * inside an array item is written as `；` (U+FF1B FULLWIDTH SEMICOLON). Evidence is too big for
 * a cell: `evidence_sample` holds the first sentence (which may contain newlines, hence
 * `--multiline-fields=true`), evidence.jsonl all of it.
 */
import type { EdgeAttributes, NodeAttributes } from '../../graph-schema/schema.ts';
import {
  CHUNK_CHARS,
  EDGE_EVIDENCE_SAMPLE_FIELD,
  EDGE_FIELDS,
  type ExportOrder,
  edgeFieldValue,
  exportOrder,
  type Field,
  type FieldType,
  formatScalar,
  isPresent,
  joinChunks,
  NODE_FIELDS,
  NODE_OFFICES_FIELD,
} from './fields.ts';
import type { CorpusGraph } from './types.ts';

/** neo4j-admin's default array delimiter. */
export const CSV_ARRAY_DELIMITER = ';';
/** What a `;` inside an array item becomes (neo4j-admin cannot escape the delimiter). */
export const CSV_DELIMITER_SUBSTITUTE = '\uFF1B';

const NEO4J_TYPES: Record<FieldType, string> = {
  string: '',
  date: ':date',
  integer: ':int',
  double: ':float',
  boolean: ':boolean',
  liststring: ':string[]',
  listdate: ':date[]',
};

const NODE_LABELS: Record<NodeAttributes['kind'], string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  conflict: 'Conflict',
  place: 'Place',
};

const EDGE_TYPES: Record<EdgeAttributes['kind'], string> = {
  co_mention: 'CO_MENTION',
  role: 'ROLE',
  interaction: 'INTERACTION',
};

const CSV_NODE_FIELDS: readonly Field<NodeAttributes>[] = [
  { name: 'label', type: 'string', get: (a) => a.label },
  ...NODE_FIELDS,
  NODE_OFFICES_FIELD,
  { name: 'x', type: 'double', get: (a) => a.x },
  { name: 'y', type: 'double', get: (a) => a.y },
  { name: 'size', type: 'double', get: (a) => a.size },
  { name: 'color', type: 'string', get: (a) => a.color },
];

const EDGE_FIELD = new Map(EDGE_FIELDS.map((f) => [f.name, f]));
const edgeField = (name: string): Field<EdgeAttributes> => {
  const field = EDGE_FIELD.get(name);
  if (!field) throw new Error(`export: no edge field ${name}`);
  return field;
};

/** Edge columns; `directed` is the edge's direction in the graph (see toEdgesCSV). */
const CSV_EDGE_FIELDS: readonly Field<EdgeAttributes>[] = [
  edgeField('kind'),
  { name: 'weight', type: 'double', get: (a) => a.weight },
  ...['articles', 'action', 'office', 'cameo', 'directed', 'article_count'].map(edgeField),
  ...['first_seen', 'last_seen', 'dates', 'topics', 'evidence_total'].map(edgeField),
  EDGE_EVIDENCE_SAMPLE_FIELD,
  ...['sentence_count', 'paragraph_count', 'npmi'].map(edgeField),
  { name: 'color', type: 'string', get: (a) => a.color },
  { name: 'size', type: 'double', get: (a) => a.size },
];

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field, RFC 4180 quoted when needed. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell<A>(field: Field<A>, value: unknown): string {
  if (!isPresent(value)) return '';
  if (field.type === 'liststring' || field.type === 'listdate') {
    if (!Array.isArray(value)) {
      throw new Error(`export: csv column ${field.name} expects a list, got ${typeof value}`);
    }
    if (value.length === 0) return '';
    return csvField(
      value
        .map((v) => String(v).replaceAll(CSV_ARRAY_DELIMITER, CSV_DELIMITER_SUBSTITUTE))
        .join(CSV_ARRAY_DELIMITER),
    );
  }
  return csvField(formatScalar(value));
}

function header<A>(first: readonly string[], fields: readonly Field<A>[]): string {
  return [...first, ...fields.map((f) => f.name + NEO4J_TYPES[f.type])].map(csvField).join(',');
}

/** nodes.csv: one row per entity, neo4j-admin header (see the module header). */
export function toNodesCSV(graph: CorpusGraph): string {
  return joinChunks(nodesCSVChunks(graph));
}

/** edges.csv: one row per edge, neo4j-admin header (see the module header). */
export function toEdgesCSV(graph: CorpusGraph): string {
  return joinChunks(edgesCSVChunks(graph));
}

/** Rows joined by LF with a final LF, handed over in pieces of about `CHUNK_CHARS`. */
function* rowChunks(rows: Iterable<string>): Generator<string> {
  let out = '';
  for (const row of rows) {
    out += `${row}\n`;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  yield out;
}

/** `toNodesCSV` in pieces, for graphs too big for one string. */
export function* nodesCSVChunks(
  graph: CorpusGraph,
  order: ExportOrder = exportOrder(graph),
): Generator<string> {
  yield* rowChunks(
    (function* () {
      yield header(['id:ID', ':LABEL'], CSV_NODE_FIELDS);
      for (const key of order.nodes) {
        const a = graph.getNodeAttributes(key);
        const label = NODE_LABELS[a.kind];
        if (label === undefined) throw new Error(`export: node ${key} has unknown kind ${a.kind}`);
        const row = [csvField(key), `Entity;${label}`];
        for (const field of CSV_NODE_FIELDS) row.push(cell(field, field.get(a)));
        yield row.join(',');
      }
    })(),
  );
}

/** `toEdgesCSV` in pieces, for graphs too big for one string. */
export function* edgesCSVChunks(
  graph: CorpusGraph,
  order: ExportOrder = exportOrder(graph),
): Generator<string> {
  yield* rowChunks(
    (function* () {
      yield header([':START_ID', ':END_ID', ':TYPE', 'key'], CSV_EDGE_FIELDS);
      for (const key of order.edges) {
        const a = graph.getEdgeAttributes(key);
        const type = EDGE_TYPES[a.kind];
        if (type === undefined) throw new Error(`export: edge ${key} has unknown kind ${a.kind}`);
        const row = [csvField(graph.source(key)), csvField(graph.target(key)), type, csvField(key)];
        for (const field of CSV_EDGE_FIELDS) {
          row.push(cell(field, edgeFieldValue(graph, key, field, a)));
        }
        yield row.join(',');
      }
    })(),
  );
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CR/LF or LF rows, newlines inside quotes)
 * into rows of fields. A final line break does not make an extra row.
 */
export function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error('export: CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
