/**
 * neo4j/connect — opens a checked connection to Neo4j (reachable, credentials accepted, database
 * present, server version new enough) and turns driver errors into one-line `neo4j:` messages
 * that name the URI and never the password.
 */
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { VERSION } from '../config/version.ts';
import { displayUri } from './options.ts';
import { COMPONENTS } from './statements.ts';
import type { ConnectionOptions } from './types.ts';

/** What the server says about itself. */
export interface ServerInfo {
  agent: string;
  version: [number, number, number];
  edition: string;
}

/** An open, checked connection. */
export interface Connection {
  driver: Driver;
  uri: string;
  user: string;
  database: string | undefined;
  server: ServerInfo;
  /** Relationship property uniqueness constraints exist from Neo4j 5.7 on. */
  relationshipConstraints: boolean;
  session(mode: 'READ' | 'WRITE'): Session;
  close(): Promise<void>;
}

const MIN_MAJOR = 5;

/** Parse `Neo4j/5.26.30` (or `5.26-aura`) into [major, minor, patch]. */
export function parseServerVersion(agentOrVersion: string): [number, number, number] {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(agentOrVersion);
  if (!m) return [0, 0, 0];
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

/** Throw a `neo4j:` error when the server is older than the loader's Cypher needs. */
export function checkServerVersion(version: [number, number, number], uri: string): void {
  if (version[0] < MIN_MAJOR) {
    throw new Error(
      `neo4j: ${displayUri(uri)} runs Neo4j ${version.join('.')}, which lacks what diplograph ` +
        `needs (Cypher 5: relationship key indexes and constraints, EXISTS subqueries); use Neo4j ${MIN_MAJOR} or later`,
    );
  }
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? s).trim();
}

function codeOf(err: unknown): string {
  const e = err as { code?: unknown; gqlStatus?: unknown };
  return typeof e?.code === 'string' ? e.code : '';
}

function fullMessage(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let i = 0; e && i < 5; i++) {
    const x = e as { message?: unknown; cause?: unknown };
    if (typeof x.message === 'string') parts.push(x.message);
    e = x.cause;
  }
  return parts.join(' | ') || String(err);
}

/** One line, prefixed `neo4j:`, for any error met while talking to Neo4j. */
export function describeNeo4jError(
  err: unknown,
  ctx: {
    uri: string;
    user?: string | undefined;
    database?: string | undefined;
    password?: string | undefined;
  },
): string {
  const uri = displayUri(ctx.uri);
  const code = codeOf(err);
  const msg = fullMessage(err);
  let line: string;
  if (msg.startsWith('neo4j:')) {
    line = firstLine(msg);
  } else if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH/.test(msg)
  ) {
    let reason = 'no answer';
    if (/ECONNREFUSED/.test(msg)) reason = 'connection refused';
    else if (/ENOTFOUND|EAI_AGAIN/.test(msg)) reason = 'host not found';
    else if (/ETIMEDOUT|timed? ?out/i.test(msg)) reason = 'timed out';
    else if (/EHOSTUNREACH|ENETUNREACH/.test(msg)) reason = 'host unreachable';
    else if (/certificate|SSL|TLS|EPROTO|wrong version number/i.test(msg))
      reason = 'TLS handshake failed (bolt:// vs bolt+s://?)';
    else if (/routing|discovery/i.test(msg))
      reason = 'no routing table (try bolt:// instead of neo4j://)';
    line = `neo4j: cannot reach ${uri} (${reason}); is Neo4j running and listening there?`;
  } else if (code === 'Neo.ClientError.Security.Unauthorized') {
    line = `neo4j: ${uri} rejected the credentials of user "${ctx.user ?? 'neo4j'}" (wrong user name or password)`;
  } else if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    line = `neo4j: ${uri} refuses logins for now after too many failed attempts (user "${ctx.user ?? 'neo4j'}")`;
  } else if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    line = `neo4j: the password of user "${ctx.user ?? 'neo4j'}" on ${uri} has expired; change it first (ALTER CURRENT USER)`;
  } else if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    line = `neo4j: ${uri} has no database "${ctx.database ?? '(default)'}" (SHOW DATABASES lists them; community edition has "neo4j")`;
  } else if (code === 'Neo.ClientError.Security.Forbidden') {
    line = `neo4j: user "${ctx.user ?? 'neo4j'}" may not do this on ${uri}: ${firstLine(msg)}`;
  } else if (code === 'Neo.ClientError.Statement.AccessMode' || /in read access mode/i.test(msg)) {
    line = 'neo4j: the query writes, but queries run read-only; add --write to allow writes';
  } else if (code === 'Neo.ClientError.Statement.SyntaxError') {
    line = `neo4j: Cypher syntax error: ${firstLine(msg)}`;
  } else if (code === 'Neo.ClientError.Statement.ParameterMissing') {
    line = `neo4j: ${firstLine(msg)} (give it with --param name=value)`;
  } else if (/Protocol|unsupported|not supported/i.test(code) || /not supported/i.test(msg)) {
    line = `neo4j: ${uri} does not support a feature diplograph uses: ${firstLine(msg)}`;
  } else if (/^Neo\./.test(code)) {
    line = `neo4j: ${uri}: ${firstLine(msg)} [${code}]`;
  } else {
    line = `neo4j: ${uri}: ${firstLine(msg)}`;
  }
  if (ctx.password && ctx.password.length > 0) line = line.split(ctx.password).join('***');
  return line;
}

/** Wrap any error of `fn` into a one-line `neo4j:` Error. */
export async function explained<T>(
  ctx: {
    uri: string;
    user?: string | undefined;
    database?: string | undefined;
    password?: string | undefined;
  },
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(describeNeo4jError(err, ctx));
  }
}

/**
 * Open a connection and check it: the server answers, accepts the credentials, has the database
 * and is Neo4j 5 or later. Every failure is one `neo4j:` line naming the URI.
 */
export async function openConnection(
  c: ConnectionOptions,
  o: { maxRetryTimeMs: number; connectionTimeoutMs: number },
): Promise<Connection> {
  const ctx = { uri: c.uri, user: c.user, database: c.database, password: c.password };
  let driver: Driver;
  try {
    driver = neo4j.driver(
      c.uri,
      c.password !== undefined
        ? neo4j.auth.basic(c.user, c.password)
        : neo4j.auth.basic(c.user, ''),
      {
        disableLosslessIntegers: true,
        maxTransactionRetryTime: o.maxRetryTimeMs,
        connectionTimeout: o.connectionTimeoutMs,
        connectionAcquisitionTimeout: o.connectionTimeoutMs * 2,
        userAgent: `diplograph/${VERSION}`,
      },
    );
  } catch (err) {
    throw new Error(
      `neo4j: cannot use the URI ${displayUri(c.uri)} (${firstLine(fullMessage(err))}); expected bolt://host:7687 or neo4j://host:7687`,
    );
  }
  const database = c.database;
  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(database ? { database } : {}),
    });
  try {
    const server = await explained(ctx, async () => {
      const info = await driver.getServerInfo(database ? { database } : {});
      const s = session('READ');
      try {
        const r = await s.executeRead((tx) => tx.run(COMPONENTS.cypher));
        const kernel = r.records.find((x) => x.get('name') === 'Neo4j Kernel') ?? r.records[0];
        const versions = (kernel?.get('versions') as string[] | undefined) ?? [];
        const edition = (kernel?.get('edition') as string | undefined) ?? 'unknown';
        const agent = info.agent ?? `Neo4j/${versions[0] ?? '?'}`;
        return { agent, version: parseServerVersion(versions[0] ?? agent), edition };
      } finally {
        await s.close();
      }
    });
    checkServerVersion(server.version, c.uri);
    const relationshipConstraints =
      server.version[0] > 5 || (server.version[0] === 5 && server.version[1] >= 7);
    return {
      driver,
      uri: c.uri,
      user: c.user,
      database,
      server,
      relationshipConstraints,
      session,
      close: () => driver.close(),
    };
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw err;
  }
}
