/**
 * cli/commands/build — `diplograph build <inputs...> --out <dir>`: articles → graph + exports.
 */
import type { Command } from 'commander';
import { parseBuildOptions } from '../../config/options.ts';
import { runBuild } from '../../pipeline/build.ts';
import { createProgress } from '../progress.ts';

const collect = (v: string, prev: string[]) => [...prev, v];

/** Register `build` on the program. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(
      'read articles (files, folders, .jsonl, - for stdin) and write the graph and its exports',
    )
    .argument(
      '<inputs...>',
      'files or folders (recursive); .txt .md .html .jsonl .jsonl.gz; - reads stdin',
    )
    .option('-o, --out <dir>', 'output folder', 'exports')
    .option('--window <window>', 'co-mention window: sentence | paragraph | article', 'sentence')
    .option(
      '--evidence-cap <n>',
      'evidence sentences kept per edge in graph.json (all go to evidence.jsonl)',
    )
    .option('--lexicon <file>', 'extra lexicon file or folder (YAML/JSON), may repeat', collect, [])
    .option('--since <date>', 'only articles published on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only articles published on or before this date (YYYY-MM-DD)')
    .option('--seed <n>', 'seed for layout and communities')
    .option('--max-bytes <n>', 'largest file or record read, in bytes')
    .option('--layout-iterations <n>', 'ForceAtlas2 iterations (default: by graph size)')
    .option('--strict', 'stop at the first bad input instead of skipping it')
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      const options = parseBuildOptions({
        inputs,
        out: o.out,
        window: o.window,
        lexicon: o.lexicon,
        strict: !!o.strict,
        ...(o.evidenceCap !== undefined ? { evidenceCap: o.evidenceCap } : {}),
        ...(o.since ? { since: o.since } : {}),
        ...(o.until ? { until: o.until } : {}),
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
        ...(o.layoutIterations !== undefined ? { layoutIterations: o.layoutIterations } : {}),
      });
      const progress = createProgress('articles');
      let stopping = false;
      const onSigint = () => {
        if (stopping) process.exit(130);
        stopping = true;
        progress.log('build: interrupted — no export was written (temporary files removed)');
        process.exitCode = 130;
        process.exit(130);
      };
      process.once('SIGINT', onSigint);
      const { report } = await runBuild(
        options,
        (p) => progress.update(p.articles, p.source),
        (line) => progress.log(`warning: ${line}`),
      );
      progress.stop();
      process.off('SIGINT', onSigint);
      const c = report.counts;
      const kinds = Object.entries(c.edges_by_kind)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      process.stdout.write(
        `${[
          `build: ${c.articles_read} articles read, ${c.articles_skipped} skipped, ${c.duplicates} duplicates`,
          `build: ${c.entities} entities (${c.candidates} candidates), ${c.edges} edges (${kinds || 'none'})`,
          `build: wrote ${Object.keys(report.outputs).length} files to ${options.out} in ${report.timings.total?.toFixed(2)} s`,
          ...(report.skipped.length
            ? [
                `build: skipped (see ${options.out}/report.json):`,
                ...report.skipped
                  .slice(0, 20)
                  .map((s) => `  ${s.source}${s.line ? `:${s.line}` : ''} — ${s.reason}`),
              ]
            : []),
        ].join('\n')}\n`,
      );
      if (c.articles_read === 0) {
        process.stderr.write('build: nothing could be read\n');
        process.exitCode = 1;
      }
    });
}
