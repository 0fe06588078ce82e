/**
 * cli/commands/load — `diplograph load <dir>`: load a build output folder into Neo4j
 * (idempotent, incremental), or show what would be sent (`--dry-run`), or print the
 * neo4j-admin bulk import command for the build's CSV files (`--print-admin-import`).
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  adminImportCommand,
  displayUri,
  LoadOptionsSchema,
  type LoadSummary,
  loadBuild,
  openConnection,
  parseOptions,
  planLoad,
  readBuildOutput,
  resolveConnection,
} from '../../neo4j/index.ts';

interface LoadFlags {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  batchSize?: string;
  dryRun?: boolean;
  printAdminImport?: boolean;
  json?: boolean;
  progress?: boolean;
}

/** Progress on stderr: a bar on a terminal, a plain line per finished statement otherwise. */
function progressReporter(enabled: boolean) {
  if (!enabled) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY && !process.env.CI) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'load [{bar}] {value}/{total} rows | {statement}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(e: { statement: string; overallDone: number; overallTotal: number }) {
        if (!started) {
          bar.start(e.overallTotal, 0, { statement: e.statement });
          started = true;
        }
        bar.setTotal(e.overallTotal);
        bar.update(e.overallDone, { statement: e.statement });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(e: {
      statement: string;
      done: number;
      total: number;
      overallDone: number;
      overallTotal: number;
    }) {
      const now = Date.now();
      if (e.done === e.total || now - last > 5000) {
        last = now;
        process.stderr.write(
          `load: ${e.statement} ${e.done}/${e.total} rows (${e.overallDone}/${e.overallTotal} in all)\n`,
        );
      }
    },
    stop: () => {},
  };
}

/** The human summary of a load. */
export function summaryText(dir: string, s: LoadSummary): string {
  const a = s.articles;
  return [
    `neo4j: loaded ${dir} into ${displayUri(s.uri)}${s.database ? ` (database ${s.database})` : ''}, ${s.server}, in ${s.seconds} s`,
    `articles: ${a.new} new, ${a.loaded} already loaded (skipped), ${a.changed} changed (replaced), ${a.resume} resumed, ${a.duplicate} duplicate content (skipped)`,
    `nodes: ${s.nodesCreated} created, ${s.nodesUpdated} updated, ${s.nodesDeleted} deleted`,
    `relationships: ${s.relationshipsCreated} created, ${s.relationshipsUpdated} updated, ${s.relationshipsDeleted} deleted`,
    `(${s.transactions} transactions, ${s.rows} rows, ${s.propertiesSet} properties set, ${s.labelsAdded} labels added)`,
    ...s.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

async function runLoad(dir: string, flags: LoadFlags): Promise<void> {
  if (flags.printAdminImport) {
    const { command, notes } = adminImportCommand(
      dir,
      flags.database ?? process.env.NEO4J_DATABASE ?? 'neo4j',
    );
    for (const n of notes) process.stderr.write(`note: ${n}\n`);
    process.stderr.write(
      '# stop the database first (or import into a new one); the import replaces its contents\n',
    );
    process.stdout.write(`${command}\n`);
    return;
  }
  const options = parseOptions(LoadOptionsSchema, {
    ...(flags.batchSize !== undefined ? { batchSize: Number(flags.batchSize) } : {}),
  });
  const out = await readBuildOutput(dir);
  if (flags.dryRun) {
    const statements = planLoad(out, options).map((p) => ({
      cypher: p.cypher,
      batches: p.batches,
      rows: p.rows,
    }));
    process.stdout.write(`${JSON.stringify({ statements }, null, 2)}\n`);
    return;
  }
  const conn = await openConnection(resolveConnection(flags), options);
  const progress = progressReporter(flags.progress !== false && !flags.json);
  try {
    const summary = await loadBuild(conn, out, options, (e) => progress.update(e));
    progress.stop();
    process.stdout.write(
      flags.json ? `${JSON.stringify(summary, null, 2)}\n` : `${summaryText(dir, summary)}\n`,
    );
  } finally {
    progress.stop();
    await conn.close();
  }
}

/** Register `load` on the program. */
export function registerLoad(program: Command): void {
  program
    .command('load')
    .description(
      'Load a build output folder (graph.json, articles.jsonl, evidence.jsonl) into Neo4j; loading again adds only new articles',
    )
    .argument('<dir>', 'build output folder')
    .option('--uri <uri>', 'Bolt URI (default: $NEO4J_URI or neo4j://localhost:7687)')
    .option('--user <name>', 'user name (default: $NEO4J_USERNAME or neo4j)')
    .option('--password <password>', 'password (default: $NEO4J_PASSWORD)')
    .option('--database <name>', 'database (default: $NEO4J_DATABASE or the server default)')
    .option('--batch-size <n>', 'rows per transaction (default 1000)')
    .option(
      '--dry-run',
      'print the statements that would be sent, with batches and rows; connect to nothing',
    )
    .option(
      '--print-admin-import',
      "print a neo4j-admin bulk import command for the build's nodes.csv and edges.csv",
    )
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress output on stderr')
    .action(async (dir: string, flags: LoadFlags) => {
      try {
        await runLoad(dir, flags);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        process.stderr.write(`${msg.startsWith('neo4j:') ? msg : `neo4j: ${msg}`}\n`);
        process.exitCode = 1;
      }
    });
}
