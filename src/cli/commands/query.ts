/** cli/commands/query — the `query` command (being written; see the issue tracker). */
import type { Command } from 'commander';

/** Register `query` on the program. */
export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('(not yet available)')
    .action(() => {
      throw new Error('query: not available yet in this version');
    });
}
