/**
 * viewer/search — find actors by any name in any script. Names and queries go through the
 * extractor's own normaliser (src/text/normalize.ts: hamza/yeh/kaf/teh-marbuta folding, no
 * tashkeel, no ZWNJ, Latin lower-cased), so لافروف, لاوروف, Lavrov and سرگئی لاوروف meet on the
 * same forms. Matches are ranked by how exact they are, then by PageRank.
 */
import { normalizeString } from '../../src/text/normalize.ts';
import type { EntityKind, NodeAttributes } from './types.ts';

/** Match tiers, best first. */
export const TIER = {
  exact: 0,
  prefix: 1,
  wordPrefix: 2,
  substring: 3,
  fuzzy: 4,
} as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

interface Form {
  /** The name as written in the graph. */
  original: string;
  norm: string;
  /** norm without spaces (Persian often writes compounds joined: امیرعبداللهیان). */
  compact: string;
  tokens: string[];
}

export interface SearchEntry {
  key: string;
  label: string;
  kind: EntityKind;
  pagerank: number;
  forms: Form[];
}

export interface SearchHit {
  key: string;
  label: string;
  kind: EntityKind;
  pagerank: number;
  tier: Tier;
  /** The name that matched, as written in the graph. */
  matched: string;
}

/** The searchable names of an actor: display label, labels per language, every alias. */
export function namesOf(attrs: Pick<NodeAttributes, 'label' | 'labels' | 'aliases'>): string[] {
  const names = [attrs.label, attrs.labels?.en, attrs.labels?.ar, attrs.labels?.fa];
  for (const a of attrs.aliases ?? []) names.push(a);
  return names.filter((n): n is string => typeof n === 'string' && n.trim() !== '');
}

/** Normalise a query or a name for matching: the extractor's normaliser, punctuation to spaces. */
export function normalizeName(s: string): string {
  return normalizeString(s)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Build the search entries for a list of actors (key + attributes). */
export function buildSearchIndex(
  actors: Iterable<{ key: string; attributes: NodeAttributes }>,
): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const { key, attributes } of actors) {
    const seen = new Set<string>();
    const forms: Form[] = [];
    for (const original of namesOf(attributes)) {
      const norm = normalizeName(original);
      if (!norm || seen.has(norm)) continue;
      seen.add(norm);
      forms.push({ original, norm, compact: norm.replace(/ /g, ''), tokens: norm.split(' ') });
    }
    out.push({
      key,
      label: attributes.label,
      kind: attributes.kind,
      pagerank: Number.isFinite(attributes.pagerank) ? attributes.pagerank : 0,
      forms,
    });
  }
  return out;
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Edits a token of this length may differ by and still match fuzzily. */
function fuzzBudget(len: number): number {
  if (len >= 8) return 2;
  if (len >= 4) return 1;
  return 0;
}

/** The best tier at which a normalised query (and its tokens) matches one form, or null. */
export function matchForm(q: string, qTokens: string[], form: Form): Tier | null {
  const qc = q.replace(/ /g, '');
  if (form.norm === q || form.compact === qc) return TIER.exact;
  if (form.norm.startsWith(q) || form.compact.startsWith(qc)) return TIER.prefix;
  // Every query token starts a distinct word of the name (any order).
  const used = new Set<number>();
  const allWordPrefix = qTokens.every((t) => {
    const i = form.tokens.findIndex((w, k) => !used.has(k) && w.startsWith(t));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
  if (allWordPrefix) return TIER.wordPrefix;
  if (form.norm.includes(q) || form.compact.includes(qc)) return TIER.substring;
  // Fuzzy: every query token is within a small edit distance of some word (or word prefix).
  const fuzzy = qTokens.every((t) => {
    const budget = fuzzBudget(t.length);
    if (budget === 0) return form.tokens.some((w) => w.startsWith(t));
    return form.tokens.some(
      (w) =>
        editDistance(t, w, budget) <= budget ||
        (w.length > t.length && editDistance(t, w.slice(0, t.length), budget) <= budget),
    );
  });
  return fuzzy ? TIER.fuzzy : null;
}

/**
 * Search actors. Returns up to `limit` hits, best first: by tier (exact, prefix, word prefix,
 * substring, fuzzy), then PageRank (descending), then label and key (for a stable order).
 */
export function searchActors(
  index: readonly SearchEntry[],
  query: string,
  limit = 10,
): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const qTokens = q.split(' ');
  const hits: SearchHit[] = [];
  for (const e of index) {
    let best: Tier | null = null;
    let matched = '';
    for (const f of e.forms) {
      const t = matchForm(q, qTokens, f);
      if (t !== null && (best === null || t < best)) {
        best = t;
        matched = f.original;
        if (t === TIER.exact) break;
      }
    }
    if (best !== null) {
      hits.push({
        key: e.key,
        label: e.label,
        kind: e.kind,
        pagerank: e.pagerank,
        tier: best,
        matched,
      });
    }
  }
  hits.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.pagerank - a.pagerank ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return hits.slice(0, limit);
}
