/**
 * graph/accumulate — the corpus graph's data, accumulated article by article. Memory grows with
 * the number of entities and edges (and the capped evidence kept per edge), never with the
 * corpus. The result does not depend on the order articles arrive in: lists are sets, evidence
 * keeps the smallest (article, offset) sample, and `toGraph` inserts in sorted key order.
 */
import type { Evidence } from '../../graph-schema/schema.ts';
import type { ArticleExtraction, Candidate } from '../extract/types.ts';
import type { LexEntity, Lexicon } from '../lexicon/types.ts';
import type { EdgeContribution } from '../relate/types.ts';

export interface NodeData {
  id: string;
  kind: string;
  label: string;
  labels: { en?: string; ar?: string; fa?: string };
  aliases: Set<string>;
  articles: Set<string>;
  mentions: number;
  candidate: boolean;
  textOffices: Map<string, { office: string; of: string }>;
  candidateInfo?: Candidate;
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
  articles: Set<string>;
  dates: Set<string>;
  topics: Set<string>;
  evidence: Evidence[];
  evidenceTotal: number;
  sentenceCount: number;
  paragraphCount: number;
  seen: { first?: string; last?: string };
}

function widen(r: { first?: string; last?: string }, d: string | undefined): void {
  if (!d) return;
  if (!r.first || d < r.first) r.first = d;
  if (!r.last || d > r.last) r.last = d;
}

function evidenceOrder(a: Evidence, b: Evidence): number {
  return a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start;
}

export class CorpusAccumulator {
  readonly nodes = new Map<string, NodeData>();
  readonly edges = new Map<string, EdgeData>();
  articleCount = 0;
  /** Articles per entity across the corpus (for NPMI), kept in node.articles. */
  readonly articleDates = new Map<string, string>();
  readonly range: { first?: string; last?: string } = {};
  /** Entities found only outside the main text, per article (reported, not graphed). */
  teaserOnly = 0;

  constructor(
    private readonly lexicon: Lexicon,
    private readonly evidenceCap: number,
  ) {}

  private node(id: string, cand?: Candidate): NodeData {
    let n = this.nodes.get(id);
    if (!n) {
      const e: LexEntity | undefined = this.lexicon.entities.get(id);
      n = {
        id,
        kind: e?.kind ?? 'person',
        label: e?.label ?? cand?.name ?? id,
        labels: e ? { ...e.labels } : {},
        aliases: new Set(),
        articles: new Set(),
        mentions: 0,
        candidate: !e,
        textOffices: new Map(),
        dates: {},
        ...(cand ? { candidateInfo: cand } : {}),
      };
      if (cand && !e) {
        const lang =
          cand.lang === 'ar' || cand.lang === 'fa' || cand.lang === 'en' ? cand.lang : undefined;
        if (lang) n.labels[lang] = cand.name;
      }
      this.nodes.set(id, n);
    }
    return n;
  }

  /** Add one article's extraction and relations. */
  addArticle(
    articleId: string,
    date: string | undefined,
    x: ArticleExtraction,
    edges: EdgeContribution[],
  ): void {
    this.articleCount++;
    if (date) {
      this.articleDates.set(articleId, date);
      widen(this.range, date);
    }
    const cands = new Map(x.candidates.map((c) => [c.id, c]));
    const mainIds = new Set<string>();
    const otherIds = new Set<string>();
    for (const m of x.mentions) {
      if (!m.main) {
        otherIds.add(m.entity);
        continue;
      }
      mainIds.add(m.entity);
      const n = this.node(m.entity, cands.get(m.entity));
      n.mentions++;
      n.articles.add(articleId);
      if (m.via !== 'office' && m.via !== 'counterpart')
        n.aliases.add(m.surface.replace(/\s+/g, ' ').trim());
      widen(n.dates, date);
    }
    for (const id of otherIds) if (!mainIds.has(id)) this.teaserOnly++;
    for (const o of x.offices) {
      if (o.main && o.person && o.of && mainIds.has(o.person) && o.personVia === 'adjacent') {
        this.node(o.person).textOffices.set(`${o.office}|${o.of}`, { office: o.office, of: o.of });
      }
    }
    for (const c of edges) {
      let e = this.edges.get(c.key);
      if (!e) {
        e = {
          key: c.key,
          kind: c.kind,
          source: c.source < c.target || c.kind === 'role' ? c.source : c.target,
          target: c.source < c.target || c.kind === 'role' ? c.target : c.source,
          forward: 0,
          backward: 0,
          undirectedVotes: 0,
          ...(c.office ? { office: c.office } : {}),
          ...(c.action ? { action: c.action } : {}),
          ...(c.cameo ? { cameo: c.cameo } : {}),
          articles: new Set(),
          dates: new Set(),
          topics: new Set(),
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
      e.articles.add(articleId);
      for (const d of c.dates) {
        e.dates.add(d);
        widen(e.seen, d);
      }
      widen(e.seen, date);
      for (const t of c.topics) e.topics.add(t);
      e.sentenceCount += c.sentenceCount;
      e.paragraphCount += c.paragraphCount;
      e.evidenceTotal += c.evidence.length;
      for (const ev of c.evidence) {
        if (e.evidence.length < this.evidenceCap) {
          e.evidence.push(ev);
          e.evidence.sort(evidenceOrder);
        } else if (evidenceOrder(ev, e.evidence[e.evidence.length - 1]!) < 0) {
          e.evidence[e.evidence.length - 1] = ev;
          e.evidence.sort(evidenceOrder);
        }
      }
    }
  }
}
