/**
 * test/neo4j/launch — a throwaway Neo4j (5.26 LTS community, in-process through Neo4j's test
 * harness) for tests, benchmarks and CI, with no Docker: the Maven project beside this file is
 * built on first use (`mvn -q package`, runtime class path copied into target/lib, git-ignored),
 * then one JVM serves Bolt on 127.0.0.1 only.
 *
 * Auth is on: user `neo4j`, password `diplograph-test` (override with --password, or --no-auth).
 *
 *   npm run neo4j -- --port 7687          prints bolt://127.0.0.1:7687 once it accepts connections,
 *                                         runs until SIGTERM / SIGINT, then stops cleanly
 *   npm run neo4j -- --port 0             picks a free port
 *
 * From code: `startTestNeo4j({ port })` → `{ uri, user, password, stop() }`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const TEST_USER = 'neo4j';
export const TEST_PASSWORD = 'diplograph-test';
const TARGET = join(HERE, 'target');
const CLASSES = join(TARGET, 'classes');
const LIB = join(TARGET, 'lib');
const MAIN_CLASS = 'diplograph.neo4j.TestServer';
const SOURCE = join(HERE, 'src/main/java/diplograph/neo4j/TestServer.java');

/** Which of the tools the launcher needs are on this machine. */
export function toolsAvailable(): { java: boolean; mvn: boolean; built: boolean } {
  const ok = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 30_000 });
    return r.status === 0;
  };
  return { java: ok('java', ['-version']), mvn: ok('mvn', ['-v']), built: isBuilt() };
}

function mtime(p: string): number {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

/** Built, and newer than the pom and the Java source. */
export function isBuilt(): boolean {
  const cls = join(CLASSES, 'diplograph/neo4j/TestServer.class');
  if (!existsSync(cls) || !existsSync(LIB) || readdirSync(LIB).length < 10) return false;
  return mtime(cls) >= mtime(SOURCE) && mtime(LIB) >= mtime(join(HERE, 'pom.xml')) - 1;
}

/** Wait for another process's build (a lock folder), or take the lock. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(TARGET, { recursive: true });
  const lock = join(TARGET, '.build-lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - mtime(lock) > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error('neo4j-launch: timed out waiting for another build');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Build the launcher with Maven unless it is built already. The first build downloads Neo4j
 * and its dependencies (about 180 MB) into ~/.m2.
 */
export async function ensureBuilt(
  log: (s: string) => void = () => {},
): Promise<{ built: boolean; seconds: number }> {
  if (isBuilt()) return { built: false, seconds: 0 };
  return withBuildLock(async () => {
    if (isBuilt()) return { built: false, seconds: 0 };
    const t0 = performance.now();
    log('neo4j-launch: building the test server with Maven (the first build downloads Neo4j)…');
    const mvn = spawn('mvn', ['-B', '-q', 'package', '-DskipTests'], {
      cwd: HERE,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    mvn.stdout?.on('data', (d) => {
      output += d;
    });
    mvn.stderr?.on('data', (d) => {
      output += d;
    });
    const code = await new Promise<number | null>((res, rej) => {
      mvn.on('error', (e) =>
        rej(new Error(`neo4j-launch: cannot run mvn (${e.message}); install Maven`)),
      );
      mvn.on('exit', res);
    });
    if (code !== 0) {
      const tail = output.trim().split('\n').slice(-15).join('\n');
      throw new Error(`neo4j-launch: mvn package failed (exit ${code}):\n${tail}`);
    }
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`neo4j-launch: built in ${seconds} s`);
    return { built: true, seconds };
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface TestNeo4j {
  uri: string;
  user: string;
  /** Undefined when auth is off. */
  password: string | undefined;
  /** Seconds from spawning the JVM to the first accepted Bolt session. */
  startSeconds: number;
  /** Maven build time when this call built the launcher, else 0. */
  buildSeconds: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  password?: string | null;
  importDir?: string;
  heap?: string;
  pagecache?: string;
  timeoutMs?: number;
  log?: (s: string) => void;
}

async function waitForBolt(
  uri: string,
  password: string | undefined,
  until: number,
): Promise<void> {
  const auth =
    password === undefined
      ? neo4j.auth.basic(TEST_USER, '')
      : neo4j.auth.basic(TEST_USER, password);
  let last: unknown;
  while (Date.now() < until) {
    const driver = neo4j.driver(uri, auth, { connectionTimeout: 2000 });
    try {
      const s = driver.session();
      try {
        await s.run('RETURN 1');
        return;
      } finally {
        await s.close();
      }
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await driver.close();
    }
  }
  throw new Error(
    `neo4j-launch: ${uri} did not accept connections in time (${(last as Error)?.message ?? ''})`,
  );
}

/** Build if needed, start the server, and resolve once it accepts Bolt sessions. */
export async function startTestNeo4j(opts: StartOptions = {}): Promise<TestNeo4j> {
  const log = opts.log ?? (() => {});
  const { seconds: buildSeconds } = await ensureBuilt(log);
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const password = opts.password === null ? undefined : (opts.password ?? TEST_PASSWORD);
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '-XX:+UseParallelGC',
    '-cp',
    `${CLASSES}:${LIB}/*`,
    MAIN_CLASS,
    '--port',
    String(port),
    '--pagecache',
    opts.pagecache ?? '256m',
  ];
  if (password === undefined) args.push('--no-auth');
  else args.push('--password', password);
  if (opts.importDir) args.push('--import-dir', opts.importDir);
  const t0 = performance.now();
  const child: ChildProcess = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  const ready = new Promise<void>((res, rej) => {
    child.on('error', (e) => rej(new Error(`neo4j-launch: cannot run java (${e.message})`)));
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      if (line.startsWith('ready ')) res();
    });
    void exited.then((code) =>
      rej(
        new Error(
          `neo4j-launch: the server exited (code ${code}) before it was ready:\n${stderr.trim()}`,
        ),
      ),
    );
  });
  const uri = `bolt://127.0.0.1:${port}`;
  const timeout = opts.timeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await Promise.race([
      ready,
      new Promise<never>((_, rej) => {
        timer = setTimeout(
          () => rej(new Error(`neo4j-launch: no "ready" within ${timeout / 1000} s`)),
          timeout,
        );
      }),
    ]);
    await waitForBolt(uri, password, Date.now() + 60_000);
  } catch (e) {
    await stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  const startSeconds = Math.round((performance.now() - t0) / 100) / 10;
  log(`neo4j-launch: ${uri} up in ${startSeconds} s`);
  return { uri, user: TEST_USER, password, startSeconds, buildSeconds, stop };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      'usage: npm run neo4j -- [--port 7687|0] [--password P | --no-auth] [--import-dir DIR] [--heap 1g]\n',
    );
    return;
  }
  const port = Number(argValue(args, '--port') ?? 7687);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('neo4j-launch: bad --port');
  const tools = toolsAvailable();
  if (!tools.java)
    throw new Error('neo4j-launch: java is not installed (Neo4j 5 needs Java 17 or 21)');
  if (!tools.built && !tools.mvn)
    throw new Error('neo4j-launch: mvn is not installed (needed for the first build)');
  const server = await startTestNeo4j({
    port,
    password: args.includes('--no-auth') ? null : (argValue(args, '--password') ?? TEST_PASSWORD),
    importDir: argValue(args, '--import-dir'),
    heap: argValue(args, '--heap'),
    log: (s) => process.stderr.write(`${s}\n`),
  });
  process.stdout.write(`${server.uri}\n`);
  let stopping = false;
  const shutdown = async (sig: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`neo4j-launch: ${sig}, stopping\n`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  setInterval(() => {}, 1 << 30);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
