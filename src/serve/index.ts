/**
 * serve — a small node:http server for the viewer: the built app (viewer/dist, built with Vite
 * on first use) at `/`, and the output folder's files (graph.json, evidence.jsonl, report.json and
 * the other exports) at `/data/…`. Listens on 127.0.0.1 unless a host is given deliberately;
 * refuses paths that leave their folder; GET and HEAD only.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DEFAULTS } from '../config/defaults.ts';
import { buildViewer, VIEWER_DIR } from './build.ts';
import { contentType, lookup, safeSegments } from './static.ts';
import { type RunningServer, ServeOptions, type ServeOptionsInput } from './types.ts';

export { buildViewer, VIEWER_DIR, viewerNeedsBuild } from './build.ts';
export { contentType, lookup, safeSegments } from './static.ts';
export type { BuildViewerOptions, RunningServer, ServeOptionsInput } from './types.ts';
export { ServeOptions } from './types.ts';

/** Files of an output folder the server hands out under /data/. */
export const DATA_FILES: ReadonlySet<string> = new Set([
  'graph.json',
  'evidence.jsonl',
  'report.json',
  'articles.jsonl',
  'graph.gexf',
  'graph.dynamic.gexf',
  'graph.graphml',
  'nodes.csv',
  'edges.csv',
]);

/** Content-Security-Policy of every response: own scripts only, the layout worker from a blob. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Port to use: the given one, else PORT from `env`, else DEFAULTS.serve.port. */
export function resolvePort(
  port: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (port !== undefined) return port;
  const fromEnv = env.PORT?.trim();
  if (fromEnv) {
    const n = Number(fromEnv);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      throw new Error(`serve: PORT=${JSON.stringify(env.PORT)} is not a port number (0–65535)`);
    }
    return n;
  }
  return DEFAULTS.serve.port;
}

function hostnameOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  if (hostHeader.startsWith('[')) return hostHeader.slice(1, hostHeader.indexOf(']'));
  return hostHeader.replace(/:\d+$/, '').toLowerCase();
}

function send(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

const REASONS: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
};

interface Roots {
  dist: string;
  data: string;
  loopbackOnly: boolean;
}

async function handle(req: IncomingMessage, res: ServerResponse, roots: Roots): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', CSP);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, `${REASONS[405]}\n`, { Allow: 'GET, HEAD' });
    return;
  }
  // DNS-rebinding guard: a loopback server answers only to loopback host names.
  if (roots.loopbackOnly && !LOOPBACK.has(hostnameOf(req.headers.host))) {
    send(res, 403, 'Forbidden host\n');
    return;
  }
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (!rawPath.startsWith('/')) {
    send(res, 400, `${REASONS[400]}\n`);
    return;
  }
  const segs = safeSegments(rawPath);
  if (typeof segs === 'number') {
    send(res, segs, `${REASONS[segs]}\n`);
    return;
  }
  let root: string;
  let rel: string[];
  let immutable = false;
  if (segs[0] === 'data') {
    if (segs.length !== 2 || !DATA_FILES.has(segs[1]!)) {
      send(res, 404, `${REASONS[404]}\n`);
      return;
    }
    root = roots.data;
    rel = segs.slice(1);
  } else {
    root = roots.dist;
    rel = segs.length === 0 ? ['index.html'] : segs;
    immutable = segs[0] === 'assets';
  }
  const found = await lookup(root, rel);
  if (!found.ok) {
    send(res, found.status, `${REASONS[found.status]}\n`);
    return;
  }
  const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': contentType(found.file),
    'Content-Length': found.size,
    'Last-Modified': new Date(found.mtimeMs).toUTCString(),
    ETag: etag,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': headers['Cache-Control'] as string });
    res.end();
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.file, { highWaterMark: 1 << 20 });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Serve the viewer for an output folder. Resolves once listening, with the URL to open and a
 * `close()`; throws `serve: …` when the folder has no graph.json or the port is taken.
 */
export async function startServer(options: ServeOptionsInput): Promise<RunningServer> {
  const parsed = ServeOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      issue?.message.startsWith('serve:')
        ? issue.message
        : `serve: invalid option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  const opts = parsed.data;
  const data = resolve(opts.dir);
  if (!existsSync(join(data, 'graph.json'))) {
    throw new Error(
      `serve: no graph.json in ${data} — run \`diplograph build <inputs...> --out ${opts.dir}\` first`,
    );
  }
  const viewerDir = resolve(opts.viewerDir ?? VIEWER_DIR);
  const dist = opts.build ? (await buildViewer({ viewerDir })).dir : join(viewerDir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`serve: the viewer is not built (${dist}); run \`npm run viewer:build\``);
  }
  const port = resolvePort(opts.port);
  const host = opts.host;
  const roots: Roots = { dist, data, loopbackOnly: LOOPBACK.has(host) };
  const server = createServer((req, res) => {
    handle(req, res, roots).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
      process.stderr.write(`serve: ${err instanceof Error ? err.message : String(err)}\n`);
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      fail(
        new Error(
          err.code === 'EADDRINUSE'
            ? `serve: port ${port} on ${host} is already in use (try --port or PORT)`
            : `serve: cannot listen on ${host}:${port}: ${err.message}`,
        ),
      );
    });
    server.listen(port, host, () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const urlHost = shown.includes(':') ? `[${shown}]` : shown;
  return {
    url: `http://${urlHost}:${actual}/`,
    host,
    port: actual,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}
