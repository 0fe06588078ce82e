/**
 * Quality gate on the held-out set (test/heldout, written blind to the extractor): fails when
 * extraction regresses below the figures the project reports.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalResult, evaluate, readGold } from '../src/evaluate/index.ts';
import { buildMatcher, loadLexicon } from '../src/lexicon/index.ts';
import { loadCues } from '../src/relate/index.ts';

const DIR = fileURLToPath(new URL('./heldout/', import.meta.url));
let result: EvalResult;

beforeAll(async () => {
  const gold = readGold(DIR);
  result = await evaluate(
    gold,
    (id) => join(DIR, 'articles', `${id}.txt`),
    buildMatcher(loadLexicon()),
    loadCues(),
  );
}, 120_000);

describe('held-out quality', () => {
  it('attributes persons, countries and conflicts with F1 ≥ 0.95', () => {
    expect(result.articles).toBeGreaterThanOrEqual(40);
    expect(result.core.f1).toBeGreaterThanOrEqual(0.95);
  });
  it('leaks no teaser actor into an article', () => {
    expect(result.teaserLeaks).toEqual([]);
  });
  it('keeps every kind of actor above its floor', () => {
    for (const [kind, prf] of Object.entries(result.entities)) {
      expect(prf.f1, kind).toBeGreaterThanOrEqual(0.85);
    }
  });
  it('reads interactions from cue words, not co-occurrence', () => {
    expect(result.interactionsAll.precision).toBeGreaterThanOrEqual(0.65);
    expect(result.interactionsAll.recall).toBeGreaterThanOrEqual(0.55);
  });
});
