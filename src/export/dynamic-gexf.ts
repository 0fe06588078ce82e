/**
 * export/dynamic-gexf — the corpus graph as a dynamic GEXF 1.3 file (`mode="dynamic"`,
 * `timeformat="date"`) for Gephi's timeline: the same nodes, edges and columns as graph.gexf,
 * plus `<spells>` saying on which days each actor and link appears.
 *
 * Days come from the publication dates of an element's `articles` (looked up in
 * `articleDates`) and, for interactions, from their resolved event `dates`; a node's days also
 * include the event dates of its edges, so the timeline never shows an edge without its ends.
 * Consecutive days merge into one spell; spells are closed intervals (start and end included).
 * A node or edge with no known day gets no `<spells>`, which GEXF reads as "present at all
 * times": undated material stays visible instead of vanishing from the timeline.
 */
import { compareKeys } from './fields.ts';
import { type GexfDynamics, type Spell, writeGexf } from './gexf.ts';
import { type CorpusGraph, DynamicGexfOptions, isoDayNumber } from './types.ts';

/**
 * Merges ISO days into closed spells: sorted, duplicates dropped, runs of consecutive days
 * joined (`2023-11-01, 2023-11-02, 2023-11-05` → `[11-01, 11-02]`, `[11-05, 11-05]`).
 * Strings that are not calendar days are ignored.
 */
export function daysToSpells(days: Iterable<string>): Spell[] {
  const numbered = new Map<string, number>();
  for (const day of days) {
    if (numbered.has(day)) continue;
    const n = isoDayNumber(day);
    if (n !== undefined) numbered.set(day, n);
  }
  const sorted = [...numbered.keys()].sort(compareKeys);
  const spells: Spell[] = [];
  let start: string | undefined;
  let end: string | undefined;
  let last = Number.NaN;
  for (const day of sorted) {
    const n = numbered.get(day)!;
    if (start !== undefined && n === last + 1) {
      end = day;
    } else {
      if (start !== undefined && end !== undefined) spells.push([start, end]);
      start = day;
      end = day;
    }
    last = n;
  }
  if (start !== undefined && end !== undefined) spells.push([start, end]);
  return spells;
}

/**
 * Serialises the corpus graph as dynamic GEXF 1.3 with spells from article publication dates
 * and interaction event dates (see the module header). `articleDates` maps article id → ISO day;
 * articles missing from it simply contribute no day.
 */
export function toDynamicGEXF(graph: CorpusGraph, options: DynamicGexfOptions): string {
  const parsed = DynamicGexfOptions.safeParse(options);
  if (!parsed.success) {
    throw new Error(`export: invalid toDynamicGEXF options: ${parsed.error.message}`);
  }
  const { articleDates } = parsed.data;

  const nodeDays = new Map<string, Set<string>>();
  const edgeDays = new Map<string, Set<string>>();
  const addArticles = (target: Set<string>, articles: readonly string[] | undefined) => {
    for (const article of articles ?? []) {
      const day = articleDates.get(article);
      if (day !== undefined) target.add(day);
    }
  };

  graph.forEachNode((key, a) => {
    const days = new Set<string>();
    addArticles(days, a.articles);
    nodeDays.set(key, days);
  });
  graph.forEachEdge((key, a, source, target) => {
    const days = new Set<string>();
    addArticles(days, a.articles);
    for (const day of a.dates ?? []) {
      days.add(day);
      nodeDays.get(source)?.add(day);
      nodeDays.get(target)?.add(day);
    }
    edgeDays.set(key, days);
  });

  const nodeSpells = new Map<string, Spell[]>();
  for (const [key, days] of nodeDays) nodeSpells.set(key, daysToSpells(days));
  const edgeSpells = new Map<string, Spell[]>();
  for (const [key, days] of edgeDays) edgeSpells.set(key, daysToSpells(days));
  const dynamics: GexfDynamics = {
    nodeSpells: (key) => nodeSpells.get(key) ?? [],
    edgeSpells: (key) => edgeSpells.get(key) ?? [],
  };
  return writeGexf(graph, dynamics);
}
