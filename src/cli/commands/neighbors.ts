/** cli/commands/neighbors — the `neighbors` command (being written; see the issue tracker). */
import type { Command } from 'commander';

/** Register `neighbors` on the program. */
export function registerNeighbors(program: Command): void {
  program
    .command('neighbors')
    .description('(not yet available)')
    .action(() => {
      throw new Error('neighbors: not available yet in this version');
    });
}
