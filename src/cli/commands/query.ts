/**
 * cli/commands/query — `diplograph query "<cypher>"` or `diplograph query --name <question>`:
 * runs Cypher against Neo4j in a read transaction (`--write` allows writes), with values only as
 * parameters (`--param name=value`, JSON when it looks like JSON), and prints an aligned table
 * (Arabic and Persian kept as they are), JSON or CSV. `--list` shows the named questions.
 */
import type { Command } from 'commander';
import {
  completeParams,
  findQuery,
  formatCsv,
  formatJson,
  formatTable,
  listQueries,
  openConnection,
  parseOptions,
  parseParams,
  QueryOptionsSchema,
  resolveConnection,
  runQuery,
} from '../../neo4j/index.ts';

interface QueryFlags {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  name?: string;
  param: string[];
  format?: string;
  write?: boolean;
  list?: boolean;
  maxWidth?: string;
}

function listText(): string {
  const lines: string[] = [];
  for (const q of listQueries()) {
    lines.push(`${q.name} — ${q.title}`);
    for (const p of q.params) {
      const def =
        p.default !== undefined
          ? ` = ${JSON.stringify(p.default)}`
          : p.optional
            ? ' (optional)'
            : '';
      lines.push(`    --param ${p.name}=<${p.type}>${def}  ${p.description}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function runQueryCommand(cypherArg: string | undefined, flags: QueryFlags): Promise<void> {
  if (flags.list) {
    process.stdout.write(listText());
    return;
  }
  const options = parseOptions(QueryOptionsSchema, {
    write: flags.write === true,
    ...(flags.format !== undefined ? { format: flags.format } : {}),
    ...(flags.maxWidth !== undefined ? { maxCellWidth: Number(flags.maxWidth) } : {}),
  });
  let cypher: string;
  let params: Record<string, unknown>;
  if (flags.name) {
    if (cypherArg) throw new Error('query: give either Cypher text or --name, not both');
    const q = findQuery(flags.name);
    cypher = q.cypher;
    params = completeParams(q, parseParams(flags.param, q.params));
  } else {
    if (!cypherArg || cypherArg.trim() === '') {
      throw new Error('query: give Cypher text, or --name <question> (see --list)');
    }
    cypher = cypherArg;
    params = parseParams(flags.param);
  }
  const conn = await openConnection(resolveConnection(flags), options);
  try {
    const result = await runQuery(conn, cypher, params, { write: options.write });
    const text =
      options.format === 'json'
        ? formatJson(result.columns, result.rows)
        : options.format === 'csv'
          ? formatCsv(result.columns, result.rows)
          : formatTable(result.columns, result.rows, options.maxCellWidth);
    process.stdout.write(text);
  } finally {
    await conn.close();
  }
}

/** Register `query` on the program. */
export function registerQuery(program: Command): void {
  program
    .command('query')
    .description(
      'Run Cypher against Neo4j (read-only unless --write), or a named question from queries/ (--name, --list)',
    )
    .argument('[cypher]', 'Cypher text; values go in $parameters, never into the text')
    .option('--name <question>', 'run a named question from queries/ (or a path to a .cypher file)')
    .option(
      '--param <name=value>',
      'a parameter (repeatable); JSON when it looks like JSON, else a string',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--max-width <n>', 'widest table cell before wrapping (0: no limit)')
    .option('--write', 'run in a write transaction (allow writes)')
    .option('--list', 'list the named questions and their parameters')
    .option('--uri <uri>', 'Bolt URI (default: $NEO4J_URI or neo4j://localhost:7687)')
    .option('--user <name>', 'user name (default: $NEO4J_USERNAME or neo4j)')
    .option('--password <password>', 'password (default: $NEO4J_PASSWORD)')
    .option('--database <name>', 'database (default: $NEO4J_DATABASE or the server default)')
    .action(async (cypher: string | undefined, flags: QueryFlags) => {
      try {
        await runQueryCommand(cypher, flags);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        process.stderr.write(`${/^(neo4j|query):/.test(msg) ? msg : `neo4j: ${msg}`}\n`);
        process.exitCode = 1;
      }
    });
}
