/**
 * cli/commands/inspect — `diplograph inspect <file>`: one article (or each record of a JSONL
 * file) with its segments (kind + reason), languages, sentences and dates marked, to see why
 * something was or was not linked. `--json` prints the same as JSON.
 */
import type { Command } from 'commander';
import { readArticleFile, readInputs } from '../../ingest/index.ts';
import { BoilerplateIndex, processArticle, resolveDates } from '../../text/index.ts';
import { formatInspect, inspectJson } from '../../text/inspect.ts';

const collect = (v: string, prev: string[]) => [...prev, v];

/** `2021-08-25..2024-05-19` or `2021-08-25..` → a term of office. */
function parseTerm(value: string): { from: string; to?: string } {
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\.\.(\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/.exec(value.trim());
  if (!m)
    throw new Error(`inspect: --term wants FROM..TO (ISO dates, TO optional), got "${value}"`);
  return m[2] ? { from: m[1]!, to: m[2] } : { from: m[1]! };
}

interface InspectCliOptions {
  json?: boolean;
  color?: boolean;
  id?: string;
  term: string[];
  published?: string;
  corpus: string[];
}

/** Register `inspect` on the program. */
export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description(
      'show how one article is read: segments (kind and why), languages, sentences and dates',
    )
    .argument('<file>', '.txt, .md, .html, .jsonl or .jsonl.gz file; - reads stdin')
    .option('--json', 'print the processed article as JSON instead')
    .option('--id <id>', 'only the record with this id (JSONL)')
    .option(
      '--term <from..to>',
      'term of office of a person named, to pin year-less dates (may repeat)',
      collect,
      [],
    )
    .option('--published <date>', 'publication date to resolve against (YYYY-MM-DD)')
    .option(
      '--corpus <path>',
      'files or folders of the same outlet, to recognise repeated lines (may repeat)',
      collect,
      [],
    )
    .option('--color', 'colour the output (default: when writing to a terminal)')
    .option('--no-color', 'never colour the output')
    .action(async (file: string, o: InspectCliOptions) => {
      const terms = o.term.map(parseTerm);
      if (o.published && !/^\d{4}-\d{2}-\d{2}$/.test(o.published)) {
        throw new Error(`inspect: --published wants YYYY-MM-DD, got "${o.published}"`);
      }
      let boilerplate: BoilerplateIndex | undefined;
      if (o.corpus.length > 0) {
        boilerplate = new BoilerplateIndex();
        for await (const item of readInputs(o.corpus)) {
          if (item.type === 'article') boilerplate.add(item.article);
        }
      }
      const items = await readArticleFile(file);
      for (const item of items) {
        if (item.type === 'skip') {
          const where = `${item.skip.source}${item.skip.line !== undefined ? `:${item.skip.line}` : ''}`;
          process.stderr.write(`inspect: skipped ${where}: ${item.skip.reason}\n`);
        } else if (item.type === 'duplicate') {
          process.stderr.write(
            `inspect: ${item.source}${item.line !== undefined ? `:${item.line}` : ''} repeats ${item.sameAs}\n`,
          );
        }
      }
      const articles = items.flatMap((i) => (i.type === 'article' ? [i.article] : []));
      const chosen = o.id === undefined ? articles : articles.filter((a) => a.id === o.id);
      if (chosen.length === 0) {
        process.exitCode = 1;
        throw new Error(
          o.id === undefined
            ? `inspect: no article could be read from ${file}`
            : `inspect: no article with id "${o.id}" in ${file}`,
        );
      }
      const color = o.color ?? (!!process.stdout.isTTY && !process.env.NO_COLOR);
      const processed = chosen.map((a) => {
        const p = processArticle(a, boilerplate ? { boilerplate } : {});
        const published = o.published ?? p.published;
        if (published) p.published = published;
        if (o.published || terms.length > 0) {
          p.dates = resolveDates(p.dates, { ...(published ? { published } : {}), terms });
        }
        return p;
      });
      if (o.json) {
        const dumps = processed.map(inspectJson);
        process.stdout.write(`${JSON.stringify(dumps.length === 1 ? dumps[0] : dumps, null, 2)}\n`);
        return;
      }
      process.stdout.write(processed.map((p) => formatInspect(p, { color })).join('\n'));
    });
}
