/**
 * evaluate — measures the extractor against hand-made gold: precision / recall / F1 of the
 * actors attributed to each article (per kind), teaser leaks, actors split in two, and
 * interactions by action. Used by `npm run eval` and by the quality tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { extractArticle, kindOf } from '../extract/index.ts';
import { readArticleFile } from '../ingest/index.ts';
import type { Matcher } from '../lexicon/matcher.ts';
import type { Cues } from '../relate/cues.ts';
import { relateArticle } from '../relate/index.ts';
import { pinDates } from '../resolve/index.ts';
import { processArticle } from '../text/index.ts';
import { normalizeString } from '../text/normalize.ts';

export const GoldInteraction = z.object({
  a: z.string(),
  b: z.string(),
  action: z.string(),
  date: z.string().nullable().optional(),
  directed: z.boolean().optional(),
});

export const GoldArticle = z.object({
  article: z.string(),
  lang: z.string(),
  split: z.enum(['dev', 'test']).default('test'),
  published: z.union([z.string(), z.date()]).nullable().optional(),
  entities: z.array(z.string()).default([]),
  teaser_only: z.array(z.string()).nullable().default([]),
  candidates: z
    .array(
      z.object({
        name: z.string(),
        office: z.string().optional(),
        of: z.string().optional(),
        /** The id the gold's interactions use for this actor. */
        id: z.string().optional(),
      }),
    )
    .nullable()
    .default([]),
  interactions: z.array(GoldInteraction).nullable().default([]),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

export interface EvalResult {
  articles: number;
  entities: Record<string, Prf>;
  core: Prf;
  teaserLeaks: { article: string; entity: string }[];
  interactions: Record<string, Prf>;
  interactionsAll: Prf;
  /** New actors (not in the lexicon): found ones match gold by normalised name and body. */
  candidates: Prf & { gold: number; found: number };
  errors: {
    article: string;
    missing: string[];
    extra: string[];
    missingInteractions: string[];
    extraInteractions: string[];
  }[];
}

/** Read gold.yaml (validated). */
export function readGold(dir: string): GoldArticle[] {
  const raw = parseYaml(readFileSync(join(dir, 'gold.yaml'), 'utf8')) as unknown[];
  return raw.map((r, i) => {
    const p = GoldArticle.safeParse(r);
    if (!p.success)
      throw new Error(
        `evaluate: ${dir}/gold.yaml entry ${i}: ${p.error.issues[0]?.path.join('.')}: ${p.error.issues[0]?.message}`,
      );
    return p.data;
  });
}

const pairKey = (a: string, b: string, action: string) =>
  `${action}:${a < b ? `${a}|${b}` : `${b}|${a}`}`;

/**
 * Evaluate on gold articles. `articlePath(id)` gives the file of an article.
 */
export async function evaluate(
  gold: GoldArticle[],
  articlePath: (id: string) => string,
  matcher: Matcher,
  cues: Cues,
): Promise<EvalResult> {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const inter: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (m: typeof counts, k: string, f: 'tp' | 'fp' | 'fn') => {
    m[k] ??= { tp: 0, fp: 0, fn: 0 };
    m[k][f]++;
  };
  const teaserLeaks: EvalResult['teaserLeaks'] = [];
  const errors: EvalResult['errors'] = [];
  let candFound = 0;
  let candGold = 0;
  let candTp = 0;
  for (const g of gold) {
    const items = await readArticleFile(articlePath(g.article));
    const raw = items.find((i) => i.type === 'article');
    if (raw?.type !== 'article') throw new Error(`evaluate: cannot read article ${g.article}`);
    const p = processArticle({ ...raw.article, id: g.article });
    const x = extractArticle(p, matcher);
    p.dates = pinDates(p, x, matcher.lexicon);
    // Lexicon actors attributed to the article's own text; candidates are counted apart.
    const found = new Set(
      x.mentions
        .filter((m) => m.main && matcher.lexicon.entities.has(m.entity))
        .map((m) => m.entity),
    );
    const want = new Set(g.entities);
    for (const e of found) bump(counts, kindOf(e), want.has(e) ? 'tp' : 'fp');
    for (const e of want) if (!found.has(e)) bump(counts, kindOf(e), 'fn');
    for (const t of g.teaser_only ?? [])
      if (found.has(t) && !want.has(t)) teaserLeaks.push({ article: g.article, entity: t });
    // A found candidate is a gold one when their names agree (normalised, one inside the other)
    // and so does the body; the gold's id then stands for it in interactions.
    const goldCands = g.candidates ?? [];
    const alias = new Map<string, string>();
    const matchedGold = new Set<number>();
    for (const c of x.candidates) {
      const name = normalizeString(c.name);
      const k = goldCands.findIndex((gc, i) => {
        if (matchedGold.has(i) || (gc.of && c.of && gc.of !== c.of)) return false;
        const want = normalizeString(gc.name);
        return name.includes(want) || want.includes(name);
      });
      if (k < 0) continue;
      matchedGold.add(k);
      candTp++;
      const id = goldCands[k]!.id;
      if (id) alias.set(c.id, id);
    }
    candGold += goldCands.length;
    candFound += x.candidates.length;
    const rel = relateArticle(p, x, matcher, cues, { window: 'sentence', evidenceMaxChars: 600 });
    const as = (id: string) => alias.get(id) ?? id;
    const gotI = new Set(
      rel
        .filter((r) => r.kind === 'interaction')
        .map((r) => pairKey(as(r.source), as(r.target), r.action!)),
    );
    const wantI = new Set((g.interactions ?? []).map((i) => pairKey(i.a, i.b, i.action)));
    for (const k of gotI) bump(inter, k.split(':')[0]!, wantI.has(k) ? 'tp' : 'fp');
    for (const k of wantI) if (!gotI.has(k)) bump(inter, k.split(':')[0]!, 'fn');
    const missing = [...want].filter((e) => !found.has(e));
    const extra = [...found].filter((e) => !want.has(e));
    const missingInteractions = [...wantI].filter((k) => !gotI.has(k));
    const extraInteractions = [...gotI].filter((k) => !wantI.has(k));
    if (missing.length || extra.length || missingInteractions.length || extraInteractions.length) {
      errors.push({ article: g.article, missing, extra, missingInteractions, extraInteractions });
    }
  }
  const sum = (m: typeof counts, keys: string[]) =>
    keys.reduce(
      (s, k) => ({
        tp: s.tp + (m[k]?.tp ?? 0),
        fp: s.fp + (m[k]?.fp ?? 0),
        fn: s.fn + (m[k]?.fn ?? 0),
      }),
      { tp: 0, fp: 0, fn: 0 },
    );
  const entities = Object.fromEntries(
    Object.entries(counts)
      .sort()
      .map(([k, v]) => [k, prf(v.tp, v.fp, v.fn)]),
  );
  const core = sum(counts, ['person', 'country', 'conflict']);
  const all = sum(inter, Object.keys(inter));
  return {
    articles: gold.length,
    entities,
    core: prf(core.tp, core.fp, core.fn),
    teaserLeaks,
    interactions: Object.fromEntries(
      Object.entries(inter)
        .sort()
        .map(([k, v]) => [k, prf(v.tp, v.fp, v.fn)]),
    ),
    interactionsAll: prf(all.tp, all.fp, all.fn),
    candidates: {
      gold: candGold,
      found: candFound,
      ...prf(candTp, candFound - candTp, candGold - candTp),
    },
    errors,
  };
}
