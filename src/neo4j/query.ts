/**
 * neo4j/query — runs Cypher against Neo4j with values passed only as parameters, and the named
 * questions of the `queries/` folder: `.cypher` files whose header comment gives a title and
 * the parameters (`// @param actor string  …`, `// @param limit int = 20 …`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { DEFAULTS } from '../config/defaults.ts';
import { normalizeString } from '../text/normalize.ts';
import { type Connection, describeNeo4jError } from './connect.ts';
import { type Plain, toPlain } from './format.ts';

/** A declared parameter of a named query. */
export interface QueryParam {
  name: string;
  /** `name`: a name in any script, sent as written and folded like the extractor's matching. */
  type: 'string' | 'name' | 'date' | 'int' | 'float' | 'bool' | 'list' | 'any';
  optional: boolean;
  default?: unknown;
  description: string;
}

/** A named query file. */
export interface NamedQuery {
  name: string;
  path: string;
  title: string;
  params: QueryParam[];
  cypher: string;
}

/** The queries folder shipped with diplograph (beside src/). */
export function defaultQueriesDir(): string {
  return fileURLToPath(new URL(`../../${DEFAULTS.neo4j.queriesDir}/`, import.meta.url));
}

const TYPES = new Set(['string', 'name', 'date', 'int', 'float', 'bool', 'list', 'any']);

/** Parse the header comment of a `.cypher` file. */
export function parseQueryFile(text: string, path: string): NamedQuery {
  const name = basename(path).replace(/\.cypher$/, '');
  const lines = text.split(/\r?\n/);
  const header: string[] = [];
  for (const l of lines) {
    if (!l.trim().startsWith('//')) break;
    header.push(l.trim().replace(/^\/\/\s?/, ''));
  }
  const params: QueryParam[] = [];
  const titleLines: string[] = [];
  for (const h of header) {
    const m = /^@param\s+(\w+)\s+(\w+)(\?)?(?:\s*=\s*(\S+))?\s*(.*)$/.exec(h);
    if (m) {
      const type = m[2]!;
      if (!TYPES.has(type))
        throw new Error(`query: ${path}: unknown parameter type "${type}" of $${m[1]}`);
      const p: QueryParam = {
        name: m[1]!,
        type: type as QueryParam['type'],
        optional: m[3] === '?' || m[4] !== undefined,
        description: m[5]!.trim(),
      };
      if (m[4] !== undefined) p.default = JSON.parse(m[4]);
      params.push(p);
    } else if (!h.startsWith('@') && params.length === 0) {
      titleLines.push(h);
    }
  }
  const title = titleLines
    .join(' ')
    .replace(/^[\w-]+\s+[—-]\s+/, '')
    .trim();
  if (!title)
    throw new Error(
      `query: ${path}: the header comment needs a first line "// ${name} — what it answers"`,
    );
  return { name, path, title, params, cypher: text };
}

/** All named queries of a folder, sorted by name. */
export function listQueries(dir = defaultQueriesDir()): NamedQuery[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseQueryFile(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

/** Find a named query by name (or by path to a `.cypher` file). */
export function findQuery(nameOrPath: string, dir = defaultQueriesDir()): NamedQuery {
  if (nameOrPath.endsWith('.cypher') || nameOrPath.includes('/')) {
    const p = isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath);
    if (!existsSync(p)) throw new Error(`query: no such file ${p}`);
    return parseQueryFile(readFileSync(p, 'utf8'), p);
  }
  const all = listQueries(dir);
  const q = all.find((x) => x.name === nameOrPath);
  if (!q) {
    throw new Error(
      `query: no query named "${nameOrPath}" in ${dir} (there are: ${all.map((x) => x.name).join(', ')})`,
    );
  }
  return q;
}

/** Integers travel as Neo4j integers (so `LIMIT $n` and integer equality work). */
export function toParam(v: unknown): unknown {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(toParam);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toParam(x)]),
    );
  }
  return v;
}

const JSONISH = /^(?:[{["]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$|true$|false$|null$)/;

/** A `--param` value: JSON when it looks like JSON, else the string as given. */
export function parseParamValue(raw: string): unknown {
  if (JSONISH.test(raw.trim())) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

/** Split `name=value` pairs into a parameter map (declared types win over JSON guessing). */
export function parseParams(pairs: string[], declared: QueryParam[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`query: --param needs name=value, got "${pair}"`);
    const name = pair.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new Error(`query: bad parameter name "${name}"`);
    const raw = pair.slice(eq + 1);
    const d = declared.find((p) => p.name === name);
    let value: unknown;
    if (d && (d.type === 'string' || d.type === 'date')) {
      const v = parseParamValue(raw);
      value = typeof v === 'string' ? v : raw;
      if (d.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
        throw new Error(`query: --param ${name} needs a date as YYYY-MM-DD, got "${raw}"`);
      }
    } else if (d && d.type === 'name') {
      // «سرگئي» finds «سرگئی», «عبداللہیان» finds «عبداللهيان»: both spellings go to the index,
      // which holds every name as written and folded (see neo4j/rows).
      const folded = normalizeString(raw);
      value = folded && folded !== raw.trim() ? `${raw.trim()} ${folded}` : raw.trim();
    } else if (d && d.type === 'int') {
      if (!/^-?\d+$/.test(raw.trim()))
        throw new Error(`query: --param ${name} needs an integer, got "${raw}"`);
      value = Number(raw.trim());
    } else if (d && d.type === 'float') {
      value = Number(raw.trim());
      if (!Number.isFinite(value))
        throw new Error(`query: --param ${name} needs a number, got "${raw}"`);
    } else if (d && d.type === 'bool') {
      if (raw !== 'true' && raw !== 'false')
        throw new Error(`query: --param ${name} needs true or false`);
      value = raw === 'true';
    } else {
      value = parseParamValue(raw);
    }
    out[name] = value;
  }
  return out;
}

/** Check and complete the parameters of a named query (defaults; missing ones named). */
export function completeParams(
  q: NamedQuery,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...given };
  const missing: string[] = [];
  for (const p of q.params) {
    if (out[p.name] !== undefined) continue;
    if (p.default !== undefined) out[p.name] = p.default;
    else if (p.optional) out[p.name] = null;
    else missing.push(p.name);
  }
  if (missing.length) {
    const hint = missing.map((m) => `--param ${m}=…`).join(' ');
    throw new Error(`query: ${q.name} needs ${hint}`);
  }
  const unknown = Object.keys(given).filter((k) => !q.params.some((p) => p.name === k));
  if (unknown.length) {
    throw new Error(
      `query: ${q.name} has no parameter ${unknown.map((u) => `$${u}`).join(', ')} (it takes ${q.params.map((p) => `$${p.name}`).join(', ')})`,
    );
  }
  return out;
}

/** Columns and plain rows of a query result. */
export interface QueryResult {
  columns: string[];
  rows: Plain[][];
}

/**
 * Run Cypher in a read transaction (or a write one with `write`), with parameters only.
 * Errors come back as one `neo4j:` line.
 */
export async function runQuery(
  conn: Connection,
  cypher: string,
  params: Record<string, unknown>,
  options: { write?: boolean } = {},
): Promise<QueryResult> {
  const session = conn.session(options.write ? 'WRITE' : 'READ');
  const p = toParam(params) as Record<string, unknown>;
  try {
    const work = async (tx: ManagedTransaction) => {
      const res = tx.run(cypher, p);
      const keys = (await res.keys()) as string[];
      const { records } = await res;
      return { columns: keys, rows: records.map((r) => keys.map((c) => toPlain(r.get(c)))) };
    };
    return options.write ? await session.executeWrite(work) : await session.executeRead(work);
  } catch (err) {
    throw new Error(
      describeNeo4jError(err, { uri: conn.uri, user: conn.user, database: conn.database }),
    );
  } finally {
    await session.close();
  }
}
