/** cli/commands/build — the `build` command (being written; see the issue tracker). */
import type { Command } from 'commander';

/** Register `build` on the program. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('(not yet available)')
    .action(() => {
      throw new Error('build: not available yet in this version');
    });
}
