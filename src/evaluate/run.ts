/**
 * evaluate/run — `npm run eval [-- --split dev|test|all] [--errors]`: precision / recall / F1 on
 * the held-out set (test/heldout) and, for the seeds, the gold interactions. Prints JSON.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildMatcher, loadLexicon } from '../lexicon/index.ts';
import { loadCues } from '../relate/index.ts';
import { evaluate, readGold } from './evaluate.ts';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'all' },
    errors: { type: 'boolean', default: false },
    dir: {
      type: 'string',
      default: fileURLToPath(new URL('../../test/heldout/', import.meta.url)),
    },
  },
});
const gold = readGold(values.dir).filter((g) => values.split === 'all' || g.split === values.split);
const matcher = buildMatcher(loadLexicon());
const result = await evaluate(
  gold,
  (id) => join(values.dir, 'articles', `${id}.txt`),
  matcher,
  loadCues(),
);
const { errors, ...summary } = result;
process.stdout.write(
  `${JSON.stringify(values.errors ? result : { ...summary, articles_with_errors: errors.length }, null, 2)}\n`,
);
