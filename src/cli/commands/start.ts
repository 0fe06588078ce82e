/** cli/commands/start — the `start` command (being written; see the issue tracker). */
import type { Command } from 'commander';

/** Register `start` on the program. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('(not yet available)')
    .action(() => {
      throw new Error('start: not available yet in this version');
    });
}
