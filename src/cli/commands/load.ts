/** cli/commands/load — the `load` command (being written; see the issue tracker). */
import type { Command } from 'commander';

/** Register `load` on the program. */
export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('(not yet available)')
    .action(() => {
      throw new Error('load: not available yet in this version');
    });
}
