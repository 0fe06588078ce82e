/**
 * cli/commands/serve — `diplograph serve <dir> [--port N] [--host H]`: build the viewer if needed,
 * serve it with the folder's graph.json / evidence.jsonl / report.json, print the URL and run
 * until Ctrl-C.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../../config/defaults.ts';
import { buildViewer, startServer } from '../../serve/index.ts';

interface ServeCliOptions {
  port?: string;
  host?: string;
}

/** Register `serve` on the program. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the Sigma.js viewer for a build output folder (graph.json, evidence.jsonl)')
    .argument('<dir>', 'output folder of `diplograph build` (holds graph.json)')
    .option('-p, --port <n>', `port (default: PORT env, else ${DEFAULTS.serve.port})`)
    .option(
      '--host <host>',
      `interface to listen on (default ${DEFAULTS.serve.host}; anything else exposes the viewer to your network)`,
    )
    .action(async (dir: string, opts: ServeCliOptions) => {
      if (opts.port !== undefined && !/^\d+$/.test(opts.port)) {
        throw new Error(`serve: --port ${JSON.stringify(opts.port)} is not a port number`);
      }
      await buildViewer({ log: (msg) => process.stderr.write(`${msg}\n`) });
      const server = await startServer({
        dir,
        port: opts.port === undefined ? undefined : Number(opts.port),
        host: opts.host ?? DEFAULTS.serve.host,
      });
      if (opts.host && !['127.0.0.1', '::1', 'localhost'].includes(opts.host)) {
        process.stderr.write(
          `serve: listening on ${opts.host} — anyone who can reach this machine can read the graph\n`,
        );
      }
      process.stdout.write(`diplograph viewer: ${server.url}\n(Ctrl-C to stop)\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().finally(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
