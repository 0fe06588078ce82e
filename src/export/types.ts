/**
 * export/types — the graph the sinks read and the options they take (zod-validated).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { z } from 'zod';
import type {
  EdgeAttributes,
  GraphAttributes as GraphAttributesSchema,
  NodeAttributes,
} from '../../graph-schema/schema.ts';
import { DEFAULTS } from '../config/defaults.ts';

export type GraphAttributes = z.infer<typeof GraphAttributesSchema>;

/**
 * The corpus graph as graph-schema describes it: a mixed multigraph keyed by entity id. Graph
 * attributes are left open (GraphAttributes says what the sinks read from them).
 */
export type CorpusGraph = AbstractGraph<NodeAttributes, EdgeAttributes, Attributes>;

/** Days since 1970-01-01 of an ISO day `YYYY-MM-DD`, or undefined if it is not a real calendar day. */
export function isoDayNumber(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return t / 86_400_000;
}

const IsoDay = z
  .string()
  .refine((d) => isoDayNumber(d) !== undefined, 'expected a calendar date YYYY-MM-DD');

/** Publication date of each article, by article id. */
export const ArticleDates = z.map(z.string(), IsoDay);
export type ArticleDates = Map<string, string>;

/**
 * Checks an `articleDates` map the way `ArticleDates` does, without copying it (a build of a
 * million articles hands over a million entries). Returns the first problem, or undefined.
 */
export function articleDatesProblem(value: unknown): string | undefined {
  if (!(value instanceof Map)) return 'articleDates: expected a Map';
  for (const [id, day] of value) {
    if (typeof id !== 'string') return 'articleDates: keys must be article ids (strings)';
    if (typeof day !== 'string' || isoDayNumber(day) === undefined) {
      return `articleDates: ${JSON.stringify(id)}: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(day)}`;
    }
  }
  return undefined;
}

export const DynamicGexfOptions = z.object({ articleDates: ArticleDates }).strict();
export type DynamicGexfOptions = z.infer<typeof DynamicGexfOptions>;

export const EXPORT_FORMATS = ['json', 'gexf', 'dynamic-gexf', 'graphml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File names written by each format. */
export const EXPORT_FILES: Readonly<Record<ExportFormat, readonly string[]>> = {
  json: ['graph.json'],
  gexf: ['graph.gexf'],
  'dynamic-gexf': ['graph.dynamic.gexf'],
  graphml: ['graph.graphml'],
  csv: ['nodes.csv', 'edges.csv'],
};

export const WriteGraphExportsOptions = z
  .object({
    articleDates: ArticleDates,
    formats: z
      .array(z.enum(EXPORT_FORMATS))
      .min(1)
      .default([...DEFAULTS.export.formats]),
  })
  .strict();
export type WriteGraphExportsOptions = z.input<typeof WriteGraphExportsOptions>;
