/** cli/commands/inspect — the `inspect` command (being written; see the issue tracker). */
import type { Command } from 'commander';

/** Register `inspect` on the program. */
export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('(not yet available)')
    .action(() => {
      throw new Error('inspect: not available yet in this version');
    });
}
