/**
 * graph/search — find actors by name in any script and spelling, normalised like the
 * extractor: لاوروف, لافروف, Lavrov and سرگئی لاوروف all find person:sergey-lavrov.
 */
import { normalizeString } from '../text/normalize.ts';

export interface Searchable {
  key: string;
  label: string;
  labels?: { en?: string; ar?: string; fa?: string };
  aliases?: string[];
  pagerank?: number;
}

export interface SearchHit {
  key: string;
  score: number;
}

/** Matching key: normalised, no spaces or punctuation, the g-sound letters (ج غ گ ق) folded. */
const squash = (s: string) =>
  normalizeString(s)
    .replace(/[\s\-_'"]/g, '')
    .replace(/[غگق]/g, 'ج');

/** Rank actors for a query: exact name > name prefix > substring; ties by PageRank, then key. */
export function searchActors(items: Iterable<Searchable>, query: string, limit = 10): SearchHit[] {
  const q = squash(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const it of items) {
    const names = [
      it.key,
      it.label,
      it.labels?.en,
      it.labels?.ar,
      it.labels?.fa,
      ...(it.aliases ?? []),
    ].filter((n): n is string => !!n);
    let score = 0;
    for (const n of names) {
      const s = squash(n.includes(':') ? n.slice(n.indexOf(':') + 1) : n);
      if (!s) continue;
      if (s === q) score = Math.max(score, 3);
      else if (s.startsWith(q) || s.endsWith(q)) score = Math.max(score, 2);
      else if (s.includes(q)) score = Math.max(score, 1);
    }
    if (score > 0) hits.push({ key: it.key, score: score + Math.min(0.99, it.pagerank ?? 0) });
  }
  return hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, limit);
}
