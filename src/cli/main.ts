#!/usr/bin/env node
/**
 * cli/main — the `diplograph` command line. Each command lives in its own module under
 * cli/commands and registers itself on the commander program; the modules stay thin and
 * call the stage APIs.
 */
import { Command } from 'commander';
import { VERSION } from '../config/version.ts';
import { registerBuild } from './commands/build.ts';
import { registerInspect } from './commands/inspect.ts';
import { registerLoad } from './commands/load.ts';
import { registerNeighbors } from './commands/neighbors.ts';
import { registerQuery } from './commands/query.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';

const program = new Command();
program
  .name('diplograph')
  .description(
    'Diplomatic news (Arabic, Persian, English) → a cross-lingual knowledge graph of actors with evidence.',
  )
  .version(VERSION)
  .showHelpAfterError();

for (const register of [
  registerBuild,
  registerInspect,
  registerNeighbors,
  registerServe,
  registerLoad,
  registerQuery,
  registerStart,
]) {
  register(program);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`diplograph: ${msg}\n`);
  process.exitCode = process.exitCode || 1;
});
