/**
 * neo4j/admin-import — the bulk path: a `neo4j-admin database import full` command line for a
 * build's `nodes.csv` and `edges.csv` (written with neo4j-admin import headers). The offline
 * importer is the fastest way to create a new database from one big build; incremental loads
 * go through `diplograph load`.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';

/** Quote a word for a POSIX shell when it needs it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function firstLine(path: string): string | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** The command, plus notes about the files (missing, or headers without :LABEL / :TYPE). */
export function adminImportCommand(
  dir: string,
  database = 'neo4j',
): { command: string; notes: string[] } {
  const nodes = resolve(dir, 'nodes.csv');
  const edges = resolve(dir, 'edges.csv');
  const notes: string[] = [];
  const nodeHeader = firstLine(nodes);
  const edgeHeader = firstLine(edges);
  if (nodeHeader === null) notes.push(`${nodes} is missing (a build writes it)`);
  if (edgeHeader === null) notes.push(`${edges} is missing (a build writes it)`);
  const cols = (h: string | null) =>
    (h ?? '').split(',').map((c) => c.replace(/^"|"$/g, '').trim());
  const nodeCols = cols(nodeHeader);
  const edgeCols = cols(edgeHeader);
  if (nodeHeader !== null && !nodeCols.some((c) => /:ID(\(|$)/.test(c))) {
    notes.push(`${nodes} has no :ID column; neo4j-admin needs one`);
  }
  // Without a :LABEL column every node gets the Entity label from the command line.
  const nodeArg = nodeCols.includes(':LABEL') ? `--nodes=${nodes}` : `--nodes=Entity=${nodes}`;
  let relArg = `--relationships=${edges}`;
  if (edgeHeader !== null && !edgeCols.includes(':TYPE')) {
    relArg = `--relationships=RELATED=${edges}`;
    notes.push(`${edges} has no :TYPE column; relationships are typed RELATED`);
  }
  const args = [
    'neo4j-admin',
    'database',
    'import',
    'full',
    nodeArg,
    relArg,
    '--id-type=string',
    '--array-delimiter=;',
    '--multiline-fields=true',
    '--skip-bad-relationships=true',
    '--overwrite-destination=true',
    database,
  ];
  return { command: args.map(shellQuote).join(' '), notes };
}
