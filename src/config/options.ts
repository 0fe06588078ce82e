/**
 * config/options — zod schemas for command options, with defaults from config/defaults.ts.
 */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/types.ts';
import { DEFAULTS } from './defaults.ts';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const BuildOptionsSchema = z
  .object({
    inputs: z.array(z.string().min(1)).min(1, 'give at least one input file or folder'),
    out: z.string().min(1).default(DEFAULTS.build.out),
    window: z.enum(['sentence', 'paragraph', 'article']).default(DEFAULTS.build.window),
    evidenceCap: z.coerce.number().int().min(0).max(1000).default(DEFAULTS.build.evidenceCap),
    evidenceMaxChars: z.coerce.number().int().min(40).default(DEFAULTS.build.evidenceMaxChars),
    seed: z.coerce.number().int().default(DEFAULTS.build.seed),
    lexicon: z.array(z.string()).default([]),
    since: IsoDay.optional(),
    until: IsoDay.optional(),
    strict: z.boolean().default(false),
    maxBytes: z.coerce.number().int().positive().default(DEFAULTS.ingest.maxBytes),
    layoutIterations: z.coerce.number().int().min(0).optional(),
    betweennessMaxNodes: z.coerce.number().int().min(0).default(DEFAULTS.build.betweennessMaxNodes),
    workers: z.coerce.number().int().min(0).max(256).default(DEFAULTS.build.workers),
    incremental: z.boolean().default(false),
    update: z.boolean().default(false),
    formats: z
      .array(z.enum(EXPORT_FORMATS))
      .min(1)
      .default([...DEFAULTS.export.formats])
      .refine(
        (f) => f.includes('json'),
        'must include json (the viewer, neighbors, load and --update read graph.json)',
      ),
  })
  .strict()
  .refine((o) => !o.since || !o.until || o.since <= o.until, '--since must not be after --until');

/** Validate build options; throws `build: invalid options: …`. */
export function parseBuildOptions(raw: unknown): z.infer<typeof BuildOptionsSchema> {
  const r = BuildOptionsSchema.safeParse(raw);
  if (!r.success) {
    const msg = r.error.issues
      .map((i) => `${i.path.join('.') || 'options'}: ${i.message}`)
      .join('; ');
    throw new Error(`build: invalid options: ${msg}`);
  }
  return r.data;
}
