/**
 * graph/accumulate — the corpus graph's data, accumulated article by article. Memory grows with
 * the number of entities and edges (and the capped evidence kept per edge), never with the text
 * of the corpus: article ids are interned once in an `ArticleTable` and every node and edge keeps
 * the articles that support it as a list of small integers (`ArticleSet`).
 *
 * The result does not depend on the order articles arrive in, so a build can be split across
 * workers, resumed (`build --update`) or run in any input order and give the same graph: lists
 * are sets, counters are sums, evidence keeps the smallest (article, offset, …) sample under a
 * total order, a candidate's name comes from the smallest article id that names it, and
 * `toGraph` inserts in sorted key order.
 */
import type { Evidence } from '../../graph-schema/schema.ts';
import type { Candidate, Mention, OfficeMention } from '../extract/types.ts';
import type { LexEntity, Lexicon } from '../lexicon/types.ts';
import type { EdgeContribution } from '../relate/types.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mentions whose surface is a name of the actor, and so an alias: not descriptions that point
 * at it («وزير الخارجية الروسي», «نظيره», «همتایان», «العاصمة العراقية»).
 */
const ALIAS_VIAS: ReadonlySet<Mention['via']> = new Set([
  'name',
  'short',
  'demonym',
  'acronym',
  'cue',
]);

/**
 * A copy of `s` that holds no reference to a larger string. V8 keeps substrings as slices of
 * their parent: an evidence sentence or alias kept for the whole build would otherwise keep its
 * entire article alive.
 */
export function detachString(s: string): string {
  return s.length === 0 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * The articles of a build: id, publication date and (optionally) content hash per article, each
 * article known by its position. Ids are unique (ingest makes them so).
 */
export class ArticleTable {
  readonly ids: string[] = [];
  readonly dates: (string | undefined)[] = [];
  /** Content hashes, when the table tracks them (incremental builds). */
  readonly hashes: string[] | undefined;
  private index: Map<string, number> | undefined;
  private readonly dayPool = new Map<string, string>();
  private order: { ranks: Int32Array; byRank: Int32Array; identity: boolean } | undefined;

  constructor(options: { hashes?: boolean } = {}) {
    this.hashes = options.hashes ? [] : undefined;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Add an article; returns its position. Throws on an id already in the table. */
  add(id: string, date?: string, hash?: string): number {
    if (this.index?.has(id)) throw new Error(`graph: article ${id} was added twice`);
    const i = this.ids.length;
    this.ids.push(id);
    let day = date;
    if (day !== undefined) {
      const pooled = this.dayPool.get(day);
      if (pooled === undefined) this.dayPool.set(day, day);
      else day = pooled;
    }
    this.dates.push(day);
    if (this.hashes) this.hashes.push(hash ?? '');
    this.index?.set(id, i);
    this.order = undefined;
    return i;
  }

  /** Position of an article id, or undefined. (Builds the id index on first use.) */
  indexOf(id: string): number | undefined {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.ids.length; i++) this.index.set(this.ids[i]!, i);
    }
    return this.index.get(id);
  }

  /** Code-unit order of the ids: rank per position and position per rank. */
  sortOrder(): { ranks: Int32Array; byRank: Int32Array; identity: boolean } {
    if (this.order) return this.order;
    const n = this.ids.length;
    let identity = true;
    for (let i = 1; i < n && identity; i++) if (this.ids[i - 1]! > this.ids[i]!) identity = false;
    const byRank = new Int32Array(n);
    for (let i = 0; i < n; i++) byRank[i] = i;
    if (!identity) {
      const ids = this.ids;
      const sorted = Array.from(byRank).sort((a, b) => cmp(ids[a]!, ids[b]!));
      byRank.set(sorted);
    }
    const ranks = new Int32Array(n);
    for (let r = 0; r < n; r++) ranks[byRank[r]!] = r;
    this.order = { ranks, byRank, identity };
    return this.order;
  }

  /** Publication dates by article id (dated articles only). */
  dateMap(): Map<string, string> {
    const out = new Map<string, string>();
    for (let i = 0; i < this.ids.length; i++) {
      const d = this.dates[i];
      if (d !== undefined) out.set(this.ids[i]!, d);
    }
    return out;
  }
}

/** The shared empty buffer every ArticleSet starts with (never written: growth replaces it). */
const NO_POSITIONS = new Int32Array(0);

/**
 * A set of articles (of one `ArticleTable`) as a growing buffer of positions: 4 bytes an
 * entry (an `Int32Array`, grown by half) instead of a string per entry in a `Set` or 8 in a JS
 * array — with a million articles these lists are most of a build's memory. Iterates ids in
 * code-unit order, so sorting what it yields costs nothing. Articles normally arrive in
 * increasing positions; anything else (candidate merges) is sorted and deduplicated on the next
 * read.
 */
export class ArticleSet implements Iterable<string> {
  private buf: Int32Array = NO_POSITIONS;
  private length = 0;
  private clean = true;

  constructor(readonly table: ArticleTable) {}

  /** A set holding `positions` (as saved by `positions()`). */
  static fromPositions(table: ArticleTable, positions: readonly number[]): ArticleSet {
    const s = new ArticleSet(table);
    for (const i of positions) {
      if (!Number.isInteger(i) || i < 0 || i >= table.size) {
        throw new Error(`graph: article position ${i} is outside the table (${table.size})`);
      }
      s.addIndex(i);
    }
    return s;
  }

  /** Add an article by position. */
  addIndex(i: number): this {
    const n = this.length;
    const last = n > 0 ? this.buf[n - 1]! : -1;
    if (i === last) return this;
    if (i < last) this.clean = false;
    if (n === this.buf.length) {
      const grown = new Int32Array(n < 4 ? 4 : n + (n >> 1));
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[n] = i;
    this.length = n + 1;
    return this;
  }

  /** Add an article by id (it must be in the table). */
  add(id: string): this {
    const i = this.table.indexOf(id);
    if (i === undefined) throw new Error(`graph: unknown article ${id}`);
    return this.addIndex(i);
  }

  has(id: string): boolean {
    const i = this.table.indexOf(id);
    return i !== undefined && this.view().includes(i);
  }

  get size(): number {
    return this.view().length;
  }

  /** Positions, increasing and unique, as a view (valid until the next `addIndex`). */
  private view(): Int32Array {
    if (!this.clean) {
      const sorted = this.buf.slice(0, this.length).sort();
      let n = 0;
      for (let k = 0; k < sorted.length; k++) {
        if (n === 0 || sorted[n - 1] !== sorted[k]) sorted[n++] = sorted[k]!;
      }
      this.buf = sorted;
      this.length = n;
      this.clean = true;
    }
    return this.buf.subarray(0, this.length);
  }

  /** Positions, increasing and unique (a copy). */
  positions(): number[] {
    return Array.from(this.view());
  }

  /** Ids in code-unit order. */
  sortedIds(): string[] {
    const pos = this.view();
    const { ranks, byRank, identity } = this.table.sortOrder();
    const ids = this.table.ids;
    const out = new Array<string>(pos.length);
    if (identity) {
      for (let k = 0; k < pos.length; k++) out[k] = ids[pos[k]!]!;
      return out;
    }
    const r = new Int32Array(pos.length);
    for (let k = 0; k < pos.length; k++) r[k] = ranks[pos[k]!]!;
    r.sort();
    for (let k = 0; k < r.length; k++) out[k] = ids[byRank[r[k]!]!]!;
    return out;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.sortedIds()[Symbol.iterator]();
  }
}

const EMPTY: ReadonlySet<string> = new Set<string>();

/** A set of strings that allocates nothing until its first element (most edges get no dates). */
export class LazySet implements Iterable<string> {
  private set: Set<string> | undefined;

  /** A set of `items` (none allocated when empty). */
  static of(items: Iterable<string>): LazySet {
    const s = new LazySet();
    for (const x of items) s.add(x);
    return s;
  }

  add(x: string): this {
    if (!this.set) this.set = new Set();
    this.set.add(x);
    return this;
  }

  has(x: string): boolean {
    return this.set?.has(x) ?? false;
  }

  get size(): number {
    return this.set?.size ?? 0;
  }

  [Symbol.iterator](): Iterator<string> {
    return (this.set ?? EMPTY).values();
  }
}

export interface NodeData {
  id: string;
  kind: string;
  label: string;
  labels: { en?: string; ar?: string; fa?: string };
  aliases: Set<string>;
  articles: ArticleSet;
  mentions: number;
  candidate: boolean;
  textOffices: Map<string, { office: string; of: string }>;
  candidateInfo?: Candidate;
  /** Position of the article `candidateInfo` comes from (the smallest id naming the candidate). */
  candidateArticle?: number;
  dates: { first?: string; last?: string };
}

export interface EdgeData {
  key: string;
  kind: EdgeContribution['kind'];
  source: string;
  target: string;
  /** Directions seen: 'a>b' (source → target as keyed), 'b>a', or undirected. */
  forward: number;
  backward: number;
  undirectedVotes: number;
  office?: string;
  action?: string;
  cameo?: string;
  articles: ArticleSet;
  dates: LazySet;
  topics: LazySet;
  evidence: Evidence[];
  evidenceTotal: number;
  sentenceCount: number;
  paragraphCount: number;
  seen: { first?: string; last?: string };
}

/** What `addArticle` reads of an article's extraction (ArticleExtraction has all of it). */
export interface ExtractionContribution {
  mentions: readonly Pick<Mention, 'entity' | 'main' | 'via' | 'surface'>[];
  offices: readonly Pick<OfficeMention, 'office' | 'of' | 'person' | 'personVia' | 'main'>[];
  candidates: readonly Candidate[];
}

function widen(r: { first?: string; last?: string }, d: string | undefined): void {
  if (!d) return;
  if (!r.first || d < r.first) r.first = d;
  if (!r.last || d > r.last) r.last = d;
}

/** Total order of evidence: article, start, end, text, date. */
export function evidenceOrder(a: Evidence, b: Evidence): number {
  return (
    cmp(a.article, b.article) ||
    a.start - b.start ||
    a.end - b.end ||
    cmp(a.text, b.text) ||
    cmp(a.date ?? '', b.date ?? '')
  );
}

/** Insert `ev` into the sorted, capped `list` if it is among the `cap` smallest. */
function insertCapped(
  list: Evidence[],
  ev: Evidence,
  cap: number,
  copy: (e: Evidence) => Evidence,
) {
  if (cap <= 0) return;
  const n = list.length;
  if (n >= cap && evidenceOrder(ev, list[n - 1]!) >= 0) return;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (evidenceOrder(list[mid]!, ev) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, copy(ev));
  if (list.length > cap) list.length = cap;
}

export class CorpusAccumulator {
  readonly nodes = new Map<string, NodeData>();
  readonly edges = new Map<string, EdgeData>();
  readonly articles: ArticleTable;
  readonly range: { first?: string; last?: string } = {};
  /** Entities found only outside the main text, per article (reported, not graphed). */
  teaserOnly = 0;
  /** Main-text mentions counted over all articles. */
  mentionCount = 0;

  constructor(
    private readonly lexicon: Lexicon,
    readonly evidenceCap: number,
    options: { hashes?: boolean; articles?: ArticleTable } = {},
  ) {
    this.articles = options.articles ?? new ArticleTable(options);
  }

  /** Articles added. */
  get articleCount(): number {
    return this.articles.size;
  }

  /** Publication date of each dated article, by id. */
  get articleDates(): Map<string, string> {
    return this.articles.dateMap();
  }

  private node(id: string): NodeData {
    let n = this.nodes.get(id);
    if (!n) {
      const e: LexEntity | undefined = this.lexicon.entities.get(id);
      n = {
        id,
        kind: e?.kind ?? 'person',
        label: e?.label ?? id,
        labels: e ? { ...e.labels } : {},
        aliases: new Set(),
        articles: new ArticleSet(this.articles),
        mentions: 0,
        candidate: !e,
        textOffices: new Map(),
        dates: {},
      };
      this.nodes.set(id, n);
    }
    return n;
  }

  /** Name a candidate node after `cand`, if `article` is the smallest id naming it so far. */
  private nameCandidate(n: NodeData, cand: Candidate, article: number): void {
    if (!n.candidate) return;
    if (n.candidateArticle !== undefined) {
      const ids = this.articles.ids;
      const prev = ids[n.candidateArticle]!;
      const here = ids[article]!;
      if (here > prev || (here === prev && article >= n.candidateArticle)) return;
    }
    const info: Candidate = {
      ...cand,
      name: detachString(cand.name),
      key: detachString(cand.key),
      skeleton: detachString(cand.skeleton),
    };
    n.candidateInfo = info;
    n.candidateArticle = article;
    n.label = info.name;
    n.labels = {};
    if (info.lang === 'ar' || info.lang === 'fa' || info.lang === 'en')
      n.labels[info.lang] = info.name;
  }

  /** Add one article's extraction and relations. */
  addArticle(
    articleId: string,
    date: string | undefined,
    x: ExtractionContribution,
    edges: readonly EdgeContribution[],
    hash?: string,
  ): void {
    const article = this.articles.add(articleId, date, hash);
    const day = this.articles.dates[article];
    widen(this.range, day);
    const cands = new Map(x.candidates.map((c) => [c.id, c]));
    const mainIds = new Set<string>();
    const otherIds = new Set<string>();
    for (const m of x.mentions) {
      if (!m.main) {
        otherIds.add(m.entity);
        continue;
      }
      mainIds.add(m.entity);
      this.mentionCount++;
      const n = this.node(m.entity);
      const cand = cands.get(m.entity);
      if (cand && n.candidate) this.nameCandidate(n, cand, article);
      n.mentions++;
      n.articles.addIndex(article);
      if (ALIAS_VIAS.has(m.via)) {
        const alias = m.surface.replace(/\s+/g, ' ').trim();
        if (!n.aliases.has(alias)) n.aliases.add(detachString(alias));
      }
      widen(n.dates, day);
    }
    for (const id of otherIds) if (!mainIds.has(id)) this.teaserOnly++;
    for (const o of x.offices) {
      if (o.main && o.person && o.of && mainIds.has(o.person) && o.personVia === 'adjacent') {
        const k = `${o.office}|${o.of}`;
        const n = this.node(o.person);
        if (!n.textOffices.has(k)) n.textOffices.set(k, { office: o.office, of: o.of });
      }
    }
    // Evidence texts of one article are shared between its edges (one sentence, many pairs).
    const texts = new Map<string, string>();
    const copy = (ev: Evidence): Evidence => {
      let text = texts.get(ev.text);
      if (text === undefined) {
        text = detachString(ev.text);
        texts.set(ev.text, text);
      }
      return { ...ev, article: ev.article === articleId ? articleId : ev.article, text };
    };
    for (const c of edges) {
      let e = this.edges.get(c.key);
      if (!e) {
        const forward = c.source < c.target || c.kind === 'role';
        e = {
          key: c.key,
          kind: c.kind,
          source: forward ? c.source : c.target,
          target: forward ? c.target : c.source,
          forward: 0,
          backward: 0,
          undirectedVotes: 0,
          ...(c.office ? { office: c.office } : {}),
          ...(c.action ? { action: c.action } : {}),
          ...(c.cameo ? { cameo: c.cameo } : {}),
          articles: new ArticleSet(this.articles),
          dates: new LazySet(),
          topics: new LazySet(),
          evidence: [],
          evidenceTotal: 0,
          sentenceCount: 0,
          paragraphCount: 0,
          seen: {},
        };
        this.edges.set(c.key, e);
      }
      if (!c.directed) e.undirectedVotes++;
      else if (c.source === e.source) e.forward++;
      else e.backward++;
      e.articles.addIndex(article);
      for (const d of c.dates) {
        e.dates.add(d);
        widen(e.seen, d);
      }
      widen(e.seen, day);
      for (const t of c.topics) e.topics.add(t);
      e.sentenceCount += c.sentenceCount;
      e.paragraphCount += c.paragraphCount;
      e.evidenceTotal += c.evidence.length;
      for (const ev of c.evidence) insertCapped(e.evidence, ev, this.evidenceCap, copy);
    }
  }
}
