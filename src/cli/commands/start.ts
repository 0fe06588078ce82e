/**
 * cli/commands/start — what `npm start` runs: build the sample corpus into exports/ and serve
 * the viewer on 127.0.0.1 (PORT env honoured, default 5050).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parseBuildOptions } from '../../config/options.ts';
import { runBuild } from '../../pipeline/build.ts';
import { createProgress } from '../progress.ts';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));

/** Register `start` on the program. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'build the sample corpus (samples/) into exports/ and open the viewer on 127.0.0.1',
    )
    .option('-o, --out <dir>', 'output folder', 'exports')
    .option('-p, --port <port>', 'port (default: PORT env or 5050)')
    .option('--no-serve', 'only build, do not serve')
    .action(async (o: { out: string; port?: string; serve: boolean }) => {
      if (!existsSync(SAMPLES)) throw new Error(`start: the sample folder ${SAMPLES} is missing`);
      const options = parseBuildOptions({ inputs: [SAMPLES], out: o.out });
      const progress = createProgress('samples');
      const { report } = await runBuild(
        options,
        (p) => progress.update(p.articles, p.source),
        (l) => progress.log(`warning: ${l}`),
      );
      progress.stop();
      const c = report.counts;
      process.stdout.write(
        `start: built ${c.articles_read} sample articles → ${c.entities} entities, ${c.edges} edges in ${o.out}/ (graph.json, graph.gexf, graph.graphml, nodes.csv, edges.csv, evidence.jsonl, report.json)\n`,
      );
      if (!o.serve) return;
      const serve = (await import('../../serve/index.ts')) as typeof import('../../serve/index.ts');
      const port = o.port ? Number(o.port) : undefined;
      const server = await serve.startServer({ dir: o.out, ...(port ? { port } : {}) });
      process.stdout.write(`start: viewer at ${server.url}  (Ctrl-C to stop)\n`);
    });
}
