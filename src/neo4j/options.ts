/**
 * neo4j/options — zod schemas of the loader's and query runner's options, with defaults from
 * config/defaults.ts, and the resolution of connection settings (flags, then NEO4J_* variables,
 * then defaults).
 */
import { z } from 'zod';
import { DEFAULTS } from '../config/defaults.ts';
import type { ConnectionOptions } from './types.ts';

const D = DEFAULTS.neo4j;

export const ConnectionSchema = z
  .object({
    uri: z.string().min(1).default(D.uri),
    user: z.string().min(1).default(D.user),
    password: z.string().optional(),
    database: z.string().min(1).optional(),
  })
  .strict();

export const LoadOptionsSchema = z
  .object({
    batchSize: z.number().int().min(1).max(100_000).default(D.batchSize),
    maxRetryTimeMs: z.number().int().min(0).default(D.maxRetryTimeMs),
    connectionTimeoutMs: z.number().int().min(100).default(D.connectionTimeoutMs),
  })
  .strict();
export type LoadOptions = z.infer<typeof LoadOptionsSchema>;

export const QueryOptionsSchema = z
  .object({
    write: z.boolean().default(false),
    format: z.enum(['table', 'json', 'csv']).default(D.queryFormat),
    maxCellWidth: z.number().int().min(0).default(D.maxCellWidth),
    maxRetryTimeMs: z.number().int().min(0).default(D.maxRetryTimeMs),
    connectionTimeoutMs: z.number().int().min(100).default(D.connectionTimeoutMs),
  })
  .strict();
export type QueryOptions = z.infer<typeof QueryOptionsSchema>;

/** Parse options with a zod schema; problems become one `neo4j:` error line. */
export function parseOptions<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
    throw new Error(`neo4j: invalid options (${msg.join('; ')})`);
  }
  return r.data;
}

/** Connection settings from flags, then the NEO4J_* environment variables, then defaults. */
export function resolveConnection(
  flags: { uri?: string; user?: string; password?: string; database?: string },
  env: NodeJS.ProcessEnv = process.env,
): ConnectionOptions {
  const pick = (a: string | undefined, b: string | undefined) =>
    a !== undefined && a !== '' ? a : b !== undefined && b !== '' ? b : undefined;
  return parseOptions(ConnectionSchema, {
    uri: pick(flags.uri, env.NEO4J_URI),
    user: pick(flags.user, env.NEO4J_USERNAME ?? env.NEO4J_USER),
    password: pick(flags.password, env.NEO4J_PASSWORD),
    database: pick(flags.database, env.NEO4J_DATABASE),
  });
}

/** The URI as it may be shown: without any user or password written into it. */
export function displayUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
