/**
 * pipeline/article — one article through text → extract → resolve → relate, as a pure
 * function of the article and the lexicon. The in-process build and every worker thread call
 * this same function, which is what makes a run on N workers byte-identical to a run on one.
 *
 * The outcome is small and cloneable (it crosses the thread boundary): the parts of the
 * extraction the corpus accumulator reads, the edge contributions, and the article's lines of
 * evidence.jsonl and articles.jsonl, already serialised.
 */
import type { ArticleRecord, EvidenceRecord } from '../../graph-schema/schema.ts';
import { extractArticle } from '../extract/index.ts';
import type { ExtractionContribution } from '../graph/accumulate.ts';
import type { RawArticle, SkipEntry } from '../ingest/types.ts';
import { buildMatcher, type Lexicon, loadLexicon, type Matcher } from '../lexicon/index.ts';
import { type Cues, type EdgeContribution, loadCues, relateArticle } from '../relate/index.ts';
import { pinDates } from '../resolve/index.ts';
import { processArticle } from '../text/index.ts';

/** What the per-article stages need besides the article (plain data: sent to workers as is). */
export interface ArticleSettings {
  window: 'sentence' | 'paragraph' | 'article';
  evidenceMaxChars: number;
  /** Extra lexicon files or folders. */
  lexicon: string[];
  since?: string;
  until?: string;
  /** Rethrow a failing article instead of reporting it as skipped. */
  strict: boolean;
}

/** Lexicon, matcher and cues, built once per thread. */
export interface ArticleContext {
  lexicon: Lexicon;
  matcher: Matcher;
  cues: Cues;
  settings: ArticleSettings;
}

/** An article that made it into the graph. */
export interface ArticleResult {
  type: 'article';
  id: string;
  hash: string;
  date?: string;
  x: ExtractionContribution;
  edges: EdgeContribution[];
  /** Main-text mentions. */
  mentions: number;
  /** Its lines of evidence.jsonl (candidate ids not yet merged). */
  evidence: string;
  /** Its line of articles.jsonl. */
  record: string;
}

/** An article left out: outside --since/--until, or failed (then `warn`). */
export interface ArticleSkip {
  type: 'skip';
  skip: SkipEntry;
  warn: boolean;
}

export type ArticleOutcome = ArticleResult | ArticleSkip;

/** Seconds spent per stage, summed over articles. */
export interface StageSeconds {
  text: number;
  extract: number;
  relate: number;
}

/** Load the lexicon, build the matcher and the cues (about a second; once per thread). */
export function createArticleContext(settings: ArticleSettings): ArticleContext {
  const lexicon = loadLexicon({ extra: settings.lexicon });
  return { lexicon, matcher: buildMatcher(lexicon), cues: loadCues(), settings };
}

const now = () => performance.now() / 1000;
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Run one article through the per-article stages. Never throws for a bad article unless
 * `settings.strict`: the failure becomes a skip with its reason.
 */
export function processOne(
  a: RawArticle,
  ctx: ArticleContext,
  seconds: StageSeconds,
): ArticleOutcome {
  const { settings, matcher, cues } = ctx;
  const where = { source: a.source, ...(a.line ? { line: a.line } : {}) };
  try {
    let t = now();
    // No boilerplate index: the build has no corpus-wide line counts (see the report).
    const p = processArticle(a);
    seconds.text += now() - t;
    t = now();
    const x = extractArticle(p, matcher);
    p.dates = pinDates(p, x, matcher.lexicon);
    seconds.extract += now() - t;
    const date = p.published;
    if (
      (settings.since || settings.until) &&
      (!date ||
        (settings.since && date < settings.since) ||
        (settings.until && date > settings.until))
    ) {
      return {
        type: 'skip',
        warn: false,
        skip: {
          ...where,
          reason: date
            ? `outside --since/--until (${date})`
            : 'no publication date (needed for --since/--until)',
        },
      };
    }
    t = now();
    const edges = relateArticle(p, x, matcher, cues, {
      window: settings.window,
      evidenceMaxChars: settings.evidenceMaxChars,
    });
    seconds.relate += now() - t;

    let evidence = '';
    for (const e of edges) {
      for (const ev of e.evidence) {
        const rec: EvidenceRecord = {
          edge: e.key,
          kind: e.kind,
          source: e.source,
          target: e.target,
          ...(e.action ? { action: e.action } : {}),
          ...(e.office ? { office: e.office } : {}),
          hash: a.hash,
          ...ev,
        };
        evidence += `${JSON.stringify(rec)}\n`;
      }
    }
    const counts: Record<string, number> = {};
    const excluded = new Set<string>();
    let mentions = 0;
    for (const m of x.mentions) {
      if (m.main) {
        counts[m.entity] = (counts[m.entity] ?? 0) + 1;
        mentions++;
      } else excluded.add(m.entity);
    }
    for (const id of Object.keys(counts)) excluded.delete(id);
    const rec: ArticleRecord = {
      id: a.id,
      hash: a.hash,
      source: a.source,
      ...(date ? { date } : {}),
      lang: p.lang,
      ...(a.meta.outlet ? { outlet: a.meta.outlet } : {}),
      ...(a.meta.url ? { url: a.meta.url } : {}),
      ...(a.meta.title ? { title: a.meta.title } : {}),
      mentions: Object.fromEntries(Object.entries(counts).sort(([k1], [k2]) => byKey(k1, k2))),
      excluded: [...excluded].sort(),
    };
    return {
      type: 'article',
      id: a.id,
      hash: a.hash,
      ...(date ? { date } : {}),
      // Only what the accumulator reads: less to clone between threads.
      x: {
        mentions: x.mentions.map((m) => ({
          entity: m.entity,
          main: m.main,
          via: m.via,
          surface: m.surface,
        })),
        offices: x.offices
          .filter((o) => o.main && o.person && o.of)
          .map((o) => ({
            office: o.office,
            main: o.main,
            ...(o.of ? { of: o.of } : {}),
            ...(o.person ? { person: o.person } : {}),
            ...(o.personVia ? { personVia: o.personVia } : {}),
          })),
        candidates: x.candidates,
      },
      edges,
      mentions,
      evidence,
      record: `${JSON.stringify(rec)}\n`,
    };
  } catch (err) {
    if (settings.strict) throw err;
    return {
      type: 'skip',
      warn: true,
      skip: { ...where, reason: `failed: ${(err as Error).message}` },
    };
  }
}
