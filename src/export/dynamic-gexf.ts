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
import { compareKeys, type ExportOrder, exportOrder, joinChunks } from './fields.ts';
import { type GexfDynamics, gexfChunks, type Spell } from './gexf.ts';
import {
  articleDatesProblem,
  type CorpusGraph,
  type DynamicGexfOptions,
  isoDayNumber,
} from './types.ts';

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
  return joinChunks(dynamicGexfChunks(graph, options));
}

/** `toDynamicGEXF` in pieces (see `gexfChunks`), for graphs too big for one string. */
export function* dynamicGexfChunks(
  graph: CorpusGraph,
  options: DynamicGexfOptions,
  order: ExportOrder = exportOrder(graph),
): Generator<string> {
  const extra =
    options && typeof options === 'object'
      ? Object.keys(options).filter((k) => k !== 'articleDates')
      : [];
  const problem =
    !options || typeof options !== 'object'
      ? 'expected an object'
      : extra.length > 0
        ? `unknown option(s): ${extra.join(', ')}`
        : articleDatesProblem(options.articleDates);
  if (problem) throw new Error(`export: invalid toDynamicGEXF options: ${problem}`);
  const { articleDates } = options;

  // Only elements with at least one day get a set (and spells): most edges of a big graph
  // have none when articles carry no dates.
  const nodeDays = new Map<string, Set<string>>();
  const edgeDays = new Map<string, Set<string>>();
  const daysOf = (map: Map<string, Set<string>>, key: string): Set<string> => {
    let days = map.get(key);
    if (!days) {
      days = new Set();
      map.set(key, days);
    }
    return days;
  };
  const addArticles = (
    map: Map<string, Set<string>>,
    key: string,
    articles?: readonly string[],
  ) => {
    if (articleDates.size === 0 || !articles) return;
    for (const article of articles) {
      const day = articleDates.get(article);
      if (day !== undefined) daysOf(map, key).add(day);
    }
  };

  graph.forEachNode((key, a) => addArticles(nodeDays, key, a.articles));
  graph.forEachEdge((key, a, source, target) => {
    addArticles(edgeDays, key, a.articles);
    for (const day of a.dates ?? []) {
      daysOf(edgeDays, key).add(day);
      daysOf(nodeDays, source).add(day);
      daysOf(nodeDays, target).add(day);
    }
  });

  const nodeSpells = new Map<string, Spell[]>();
  for (const [key, days] of nodeDays) nodeSpells.set(key, daysToSpells(days));
  nodeDays.clear();
  const edgeSpells = new Map<string, Spell[]>();
  for (const [key, days] of edgeDays) edgeSpells.set(key, daysToSpells(days));
  edgeDays.clear();
  const dynamics: GexfDynamics = {
    nodeSpells: (key) => nodeSpells.get(key) ?? [],
    edgeSpells: (key) => edgeSpells.get(key) ?? [],
  };
  yield* gexfChunks(graph, dynamics, order);
}
