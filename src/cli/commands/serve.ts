/** cli/commands/serve — the `serve` command (being written; see the issue tracker). */
import type { Command } from 'commander';

/** Register `serve` on the program. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('(not yet available)')
    .action(() => {
      throw new Error('serve: not available yet in this version');
    });
}
