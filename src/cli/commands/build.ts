/**
 * cli/commands/build — `diplograph build <inputs...> --out <dir>`: articles → graph + exports,
 * with a progress bar (rate, MB/s, ETA when the input size is known), worker threads, and
 * `--update <dir>` to add articles to an earlier `--incremental` build. Ctrl-C stops cleanly:
 * workers end, temporary files are removed and the output folder is left as it was.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../../config/defaults.ts';
import { parseBuildOptions } from '../../config/options.ts';
import { removePendingTempFilesSync } from '../../export/index.ts';
import { readUpdateBase, runBuild } from '../../pipeline/build.ts';
import { estimateInputBytes } from '../../pipeline/inputs.ts';
import { createBuildProgress } from '../progress.ts';

const collect = (v: string, prev: string[] = []) => [...prev, v];

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
    .option('-o, --out <dir>', `output folder (default: ${DEFAULTS.build.out})`)
    .option(
      '--update <dir>',
      'add the inputs to the --incremental build in <dir> (skips articles already there)',
    )
    .option(
      '--incremental',
      'also keep <out>/state.jsonl.gz so that --update can extend this build later',
    )
    .option('--workers <n>', 'worker threads for extraction (0 = one per core, 1 = none)')
    .option(
      '--window <window>',
      'co-mention window: sentence | paragraph | article (default: sentence)',
    )
    .option(
      '--evidence-cap <n>',
      'evidence sentences kept per edge in graph.json (all go to evidence.jsonl)',
    )
    .option('--lexicon <file>', 'extra lexicon file or folder (YAML/JSON), may repeat', collect)
    .option('--since <date>', 'only articles published on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only articles published on or before this date (YYYY-MM-DD)')
    .option('--seed <n>', 'seed for layout and communities')
    .option('--max-bytes <n>', 'largest file or record read, in bytes')
    .option('--layout-iterations <n>', 'ForceAtlas2 iterations (default: by graph size)')
    .option(
      '--formats <list>',
      'exports to write, comma-separated: json,gexf,dynamic-gexf,graphml,csv (default: all; json is required)',
    )
    .option('--strict', 'stop at the first bad input instead of skipping it')
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      // Flags given on the command line; everything else comes from the defaults or, for an
      // update, from the build being extended.
      const given = {
        ...(o.window !== undefined ? { window: o.window } : {}),
        ...(o.lexicon !== undefined ? { lexicon: o.lexicon } : {}),
        ...(o.evidenceCap !== undefined ? { evidenceCap: o.evidenceCap } : {}),
        ...(o.since ? { since: o.since } : {}),
        ...(o.until ? { until: o.until } : {}),
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
        ...(o.layoutIterations !== undefined ? { layoutIterations: o.layoutIterations } : {}),
        ...(o.workers !== undefined ? { workers: o.workers } : {}),
        ...(typeof o.formats === 'string'
          ? {
              formats: o.formats
                .split(',')
                .map((f) => f.trim())
                .filter(Boolean),
            }
          : {}),
      };
      let base: Record<string, unknown> = {};
      let out = o.out as string | undefined;
      if (typeof o.update === 'string') {
        if (out !== undefined && out !== o.update) {
          throw new Error(`build: --update ${o.update} writes to ${o.update}; drop --out ${out}`);
        }
        out = o.update;
        base = await readUpdateBase(out);
      }
      const options = parseBuildOptions({
        ...base,
        ...given,
        inputs,
        ...(out !== undefined ? { out } : {}),
        strict: !!o.strict,
        incremental: !!o.incremental || typeof o.update === 'string',
        update: typeof o.update === 'string',
      });
      const totalBytes = await estimateInputBytes(inputs);
      const progress = createBuildProgress(totalBytes);
      const controller = new AbortController();
      const onSignal = () => {
        if (controller.signal.aborted) {
          removePendingTempFilesSync();
          process.exit(130);
        }
        progress.log('build: stopping — removing temporary files (Ctrl-C again to quit at once)');
        const reason = new Error('build: interrupted');
        reason.name = 'AbortError';
        controller.abort(reason);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      process.once('exit', removePendingTempFilesSync);
      let report: Awaited<ReturnType<typeof runBuild>>['report'];
      try {
        ({ report } = await runBuild(
          options,
          (p) => progress.update(p),
          (line) => progress.log(`warning: ${line}`),
          { signal: controller.signal },
        ));
      } catch (err) {
        progress.stop();
        if (controller.signal.aborted) {
          process.stderr.write(
            `build: interrupted — ${options.out} is unchanged, temporary files removed\n`,
          );
          process.exitCode = 130;
          return;
        }
        throw err;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      progress.stop();
      const c = report.counts;
      const kinds = Object.entries(c.edges_by_kind)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      const t = report.timings;
      const added = (report.options.update as { articles_added?: number } | undefined)
        ?.articles_added;
      process.stdout.write(
        `${[
          `build: ${c.articles_read} articles read, ${c.articles_skipped} skipped, ${c.duplicates} duplicates${added !== undefined ? ` (${added} added by this update)` : ''}`,
          `build: ${c.entities} entities (${c.candidates} candidates), ${c.edges} edges (${kinds || 'none'})`,
          `build: wrote ${Object.keys(report.outputs).length} files to ${options.out} in ${t.total?.toFixed(2)} s (read ${t.read?.toFixed(1)} s on ${report.options.workers} thread(s), finalize ${t.finalize?.toFixed(1)} s, export ${((t.export ?? 0) + (t.evidence ?? 0)).toFixed(1)} s)`,
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
