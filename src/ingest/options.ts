/**
 * ingest/options — the options of the reading stage, validated with zod; defaults live in
 * config/defaults.ts (`DEFAULTS.ingest`).
 */
import { z } from 'zod';
import { DEFAULTS } from '../config/defaults.ts';

const isAsyncIterable = (v: unknown): v is AsyncIterable<Uint8Array | string> =>
  v != null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

export const IngestOptionsSchema = z.object({
  /** Largest file, stdin text or JSONL record read, in bytes. */
  maxBytes: z.number().int().positive().default(DEFAULTS.ingest.maxBytes),
  /** Throw on the first problem (`ingest: <source>[:<line>]: <reason>`) instead of yielding a skip. */
  strict: z.boolean().default(DEFAULTS.ingest.strict),
  /** File types read (`.txt`, `txt` and `TXT` are the same); `.jsonl.gz` is one type. */
  extensions: z
    .array(
      z
        .string()
        .regex(/^\.?[a-z0-9]+(\.[a-z0-9]+)*$/i, 'an extension such as .txt or .jsonl.gz')
        .transform((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()),
    )
    .default([...DEFAULTS.ingest.extensions]),
  /** What `-` reads (default: process.stdin); a byte stream or any async iterable of chunks. */
  stdin: z
    .custom<AsyncIterable<Uint8Array | string>>(isAsyncIterable, 'an async iterable of chunks')
    .optional(),
});

export type IngestOptions = z.infer<typeof IngestOptionsSchema>;

/** Validate options, filling defaults. Throws `ingest: invalid options: …` on bad input. */
export function parseIngestOptions(options: Partial<IngestOptions> = {}): IngestOptions {
  const r = IngestOptionsSchema.safeParse(options);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`ingest: invalid options: ${detail.join('; ')}`);
  }
  return r.data;
}
