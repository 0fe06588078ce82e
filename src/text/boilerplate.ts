/**
 * text/boilerplate — a corpus-level count of lines repeated across articles. Scraped pages of
 * one outlet repeat their related-article boxes, banners and footers; a line seen in several
 * different articles is boilerplate, not story. Build it over the corpus (a first pass), then
 * hand it to processArticle/segmentArticle. Deterministic: counts only, no order dependence.
 *
 * ```ts
 * const index = new BoilerplateIndex();
 * for (const a of articles) index.add(a);
 * processArticle(a, { boilerplate: index });
 * ```
 */
import { DEFAULTS } from '../config/defaults.ts';
import { normalizeString } from './normalize.ts';

/** The comparison key of a line: normalised, digits as 0, punctuation and spaces collapsed. */
export function lineKey(line: string): string {
  return keyOfNorm(normalizeString(line));
}

/** lineKey of a line already in normalizeString form. */
export function keyOfNorm(norm: string): string {
  return norm
    .replace(/[0-9]+/g, '0')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What add() needs of an article. */
export interface BoilerplateSource {
  text: string;
  meta?: { outlet?: string; url?: string };
  hash?: string;
}

/** The outlet key of an article: stated outlet, else the URL host, else '' (unknown). */
export function outletKey(a: BoilerplateSource): string {
  if (a.meta?.outlet) return normalizeString(a.meta.outlet);
  if (a.meta?.url) {
    try {
      return new URL(a.meta.url).hostname.replace(/^www\./, '');
    } catch {
      // not a URL
    }
  }
  return '';
}

export class BoilerplateIndex {
  /** Minimum number of distinct articles a line must appear in to count as boilerplate. */
  readonly minArticles: number;
  private readonly all = new Map<string, number>();
  private readonly byOutlet = new Map<string, Map<string, number>>();
  private readonly seen = new Set<string>();
  private articles = 0;

  constructor(options: { minArticles?: number } = {}) {
    const min = options.minArticles ?? DEFAULTS.text.boilerplateMinArticles;
    if (!Number.isInteger(min) || min < 2) {
      throw new Error(`text: BoilerplateIndex minArticles must be an integer ≥ 2, got ${min}`);
    }
    this.minArticles = min;
  }

  /** Count the distinct lines of one article (an article with a hash already added is ignored). */
  add(article: BoilerplateSource): void {
    if (article.hash) {
      if (this.seen.has(article.hash)) return;
      this.seen.add(article.hash);
    }
    this.articles++;
    const outlet = outletKey(article);
    let per = this.byOutlet.get(outlet);
    if (!per) {
      per = new Map();
      this.byOutlet.set(outlet, per);
    }
    const keys = new Set<string>();
    for (const line of article.text.split('\n')) {
      const k = lineKey(line);
      if (k.length >= 3) keys.add(k);
    }
    for (const k of keys) {
      this.all.set(k, (this.all.get(k) ?? 0) + 1);
      per.set(k, (per.get(k) ?? 0) + 1);
    }
  }

  /** Articles added. */
  get size(): number {
    return this.articles;
  }

  /** In how many articles a line appears: overall, and within one outlet ('' = outlet unknown). */
  count(line: string, outlet = ''): { all: number; outlet: number } {
    return this.countKey(lineKey(line), outlet);
  }

  /** count() for a line key (lineKey). */
  countKey(key: string, outlet = ''): { all: number; outlet: number } {
    return { all: this.all.get(key) ?? 0, outlet: this.byOutlet.get(outlet)?.get(key) ?? 0 };
  }

  /** Build an index over many articles. */
  static from(
    articles: Iterable<BoilerplateSource>,
    options?: { minArticles?: number },
  ): BoilerplateIndex {
    const index = new BoilerplateIndex(options);
    for (const a of articles) index.add(a);
    return index;
  }
}
