/**
 * serve/static — safe file lookup and typing for the viewer server. A request path is decoded
 * segment by segment and refused (403) when a segment is `..`/`.`, holds a slash, backslash or NUL
 * (this catches `%2e%2e`, `%2f` and absolute paths); the resolved file must stay inside its root
 * after symlinks are followed (403 otherwise), and must be a regular file (404 otherwise).
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.gexf': 'application/gexf+xml; charset=utf-8',
  '.graphml': 'application/graphml+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Content type of a file name (application/octet-stream when unknown). */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type Lookup =
  | { ok: true; file: string; size: number; mtimeMs: number }
  | { ok: false; status: 400 | 403 | 404 };

/**
 * Decode a URL path (already split from its query) relative to a mount point into safe segments,
 * or an HTTP status refusing it.
 */
export function safeSegments(rawPath: string): string[] | 400 | 403 {
  const parts = rawPath
    .split('/')
    .filter((p, i, all) => !(p === '' && (i === 0 || i === all.length - 1)));
  const out: string[] = [];
  for (const part of parts) {
    let seg: string;
    try {
      seg = decodeURIComponent(part);
    } catch {
      return 400;
    }
    if (seg === '' || seg === '.' || seg === '..') return 403;
    if (/[/\\\0]/.test(seg) || /^[a-zA-Z]:/.test(seg)) return 403;
    out.push(seg);
  }
  return out;
}

/** Find a regular file for `segments` inside `root`, refusing anything that leaves it. */
export async function lookup(root: string, segments: readonly string[]): Promise<Lookup> {
  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + sep)) return { ok: false, status: 403 };
  let real: string;
  let realBase: string;
  try {
    [real, realBase] = await Promise.all([realpath(file), realpath(base)]);
  } catch {
    return { ok: false, status: 404 };
  }
  if (real !== realBase && !real.startsWith(realBase + sep)) return { ok: false, status: 403 };
  try {
    const st = await stat(real);
    if (!st.isFile()) return { ok: false, status: 404 };
    return { ok: true, file: real, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return { ok: false, status: 404 };
  }
}
