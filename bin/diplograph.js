#!/usr/bin/env node
// Launcher for the installed `diplograph` bin: runs the TypeScript CLI through tsx.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  process.execPath,
  // tsx resolved from this package, so the bin works from any working directory.
  [
    // A larger young generation: a big build allocates many short-lived strings, and with the
    // default V8 promotes them and spends its time in full collections (−12 % time, −25 % peak
    // memory on 100k articles).
    '--max-semi-space-size=64',
    '--import',
    import.meta.resolve('tsx'),
    join(root, 'src/cli/main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: process.cwd() },
);
process.exit(r.status ?? 1);
