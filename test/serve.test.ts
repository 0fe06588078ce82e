import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentType,
  DATA_FILES,
  type RunningServer,
  resolvePort,
  safeSegments,
  startServer,
  VIEWER_DIR,
  viewerNeedsBuild,
} from '../src/serve/index.ts';
import { writeFixture } from '../viewer/test/fixtures/make-fixture.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path goes out exactly as written (no URL normalisation). */
function get(
  base: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const u = new URL(base);
  return new Promise((ok, fail) => {
    const req = request(
      { host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'diplograph-serve-'));
const dataDir = writeFixture(join(tmp, 'out'));
writeFileSync(join(dataDir, 'secret.txt'), 'not for the web');
writeFileSync(join(tmp, 'outside.json'), '{"leak":true}');
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ dir: dataDir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on 127.0.0.1 by default and returns its URL', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the built viewer with a strict CSP', async () => {
    const r = await get(server.url, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body).toContain('id="graph"');
    const assets = [...r.body.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const a of assets) {
      const res = await get(server.url, `/${a}`, { method: 'HEAD' });
      expect(res.status, a).toBe(200);
      expect(res.headers['content-type']).toBe(contentType(a));
      expect(res.headers['cache-control']).toContain('immutable');
    }
  });

  it("serves the folder's graph.json, evidence.jsonl and report.json under /data/", async () => {
    const g = await get(server.url, '/data/graph.json');
    expect(g.status).toBe(200);
    expect(g.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(g.body).toBe(readFileSync(join(dataDir, 'graph.json'), 'utf8'));
    const ev = await get(server.url, '/data/evidence.jsonl?x=1');
    expect(ev.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(ev.body.split('\n').filter(Boolean).length).toBeGreaterThan(10);
    const rep = await get(server.url, '/data/report.json');
    expect(JSON.parse(rep.body).counts.entities).toBe(14);
  });

  it('answers HEAD without a body and revalidates with ETag', async () => {
    const head = await get(server.url, '/data/graph.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    const again = await get(server.url, '/data/graph.json', {
      headers: { 'If-None-Match': String(head.headers.etag) },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    '/data/../package.json',
    '/data/%2e%2e/package.json',
    '/data/%2E%2E/%2e%2e/etc/passwd',
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/package.json',
    '/data/..%2fsecret.txt',
    '/data/%2fetc%2fpasswd',
    '//etc/passwd',
    '/data//etc/passwd',
    '/assets/..%5c..%5cpackage.json',
    '/data/C:%5Cwindows%5Cwin.ini',
    '/data/graph.json%00.png',
  ])('refuses %s', async (path) => {
    const r = await get(server.url, path);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain('"name": "diplograph"');
    expect(r.body).not.toContain('root:');
  });

  it('hands out only the known output files of the folder', async () => {
    expect((await get(server.url, '/data/secret.txt')).status).toBe(404);
    expect((await get(server.url, '/data/')).status).toBe(404);
    expect((await get(server.url, '/data/nested/graph.json')).status).toBe(404);
    expect(DATA_FILES.has('graph.json')).toBe(true);
  });

  it('refuses symlinks that lead out of the folder', async () => {
    const dir = join(tmp, 'linked');
    mkdirSync(dir);
    symlinkSync(join(dataDir, 'graph.json'), join(dir, 'graph.json'));
    symlinkSync(join(tmp, 'outside.json'), join(dir, 'report.json'));
    const s = await startServer({ dir, port: 0 });
    try {
      expect((await get(s.url, '/data/report.json')).status).toBe(403);
      expect((await get(s.url, '/data/graph.json')).status).toBe(403);
    } finally {
      await s.close();
    }
  });

  it('refuses other methods and foreign Host headers (DNS rebinding)', async () => {
    const post = await get(server.url, '/data/graph.json', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const foreign = await get(server.url, '/data/graph.json', {
      headers: { Host: 'evil.example' },
    });
    expect(foreign.status).toBe(403);
    const local = await get(server.url, '/', { headers: { Host: `localhost:${server.port}` } });
    expect(local.status).toBe(200);
  });

  it('fails clearly without graph.json, on a bad port and on a taken port', async () => {
    await expect(startServer({ dir: tmp, port: 0 })).rejects.toThrow(/^serve: no graph.json in /);
    await expect(startServer({ dir: dataDir, port: 70000 })).rejects.toThrow(
      /^serve: port must be/,
    );
    await expect(startServer({ dir: dataDir, port: server.port })).rejects.toThrow(
      /already in use/,
    );
  });
});

describe('resolvePort', () => {
  it('takes --port, else PORT, else 5050', () => {
    expect(resolvePort(8080, { PORT: '9000' })).toBe(8080);
    expect(resolvePort(undefined, { PORT: '9000' })).toBe(9000);
    expect(resolvePort(undefined, {})).toBe(5050);
    expect(() => resolvePort(undefined, { PORT: 'eighty' })).toThrow(/^serve: PORT=/);
  });
});

describe('safeSegments', () => {
  it('decodes segments and refuses dot segments, separators and NUL', () => {
    expect(safeSegments('/')).toEqual([]);
    expect(safeSegments('/assets/index-1.js')).toEqual(['assets', 'index-1.js']);
    expect(safeSegments('/data/%D8%BA%D8%B2%D8%A9.json')).toEqual(['data', 'غزة.json']);
    expect(safeSegments('/data/../x')).toBe(403);
    expect(safeSegments('/data/%2e%2e/x')).toBe(403);
    expect(safeSegments('/a/%2F/b')).toBe(403);
    expect(safeSegments('/a/%00')).toBe(403);
    expect(safeSegments('/a/%E0%A4%A')).toBe(400);
  });
});

describe('viewerNeedsBuild', () => {
  it('is true when dist is missing or older than a source, false otherwise', async () => {
    const v = join(tmp, 'viewer');
    mkdirSync(join(v, 'src'), { recursive: true });
    writeFileSync(join(v, 'index.html'), '<!doctype html>');
    writeFileSync(join(v, 'src', 'main.ts'), 'export {};');
    expect(await viewerNeedsBuild(v)).toBe(true);
    mkdirSync(join(v, 'dist'));
    writeFileSync(join(v, 'dist', 'index.html'), 'built');
    const old = new Date(Date.now() - 60_000);
    for (const f of ['index.html', 'src/main.ts', 'src']) utimesSync(join(v, f), old, old);
    expect(await viewerNeedsBuild(v)).toBe(false);
    utimesSync(join(v, 'src', 'main.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(await viewerNeedsBuild(v)).toBe(true);
  });

  it('reports the repository viewer as built once a server has started', async () => {
    expect(await viewerNeedsBuild(VIEWER_DIR)).toBe(false);
  });
});

describe('diplograph serve (CLI)', () => {
  it('prints the URL, serves, and stops on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', dataDir],
      {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const url = await new Promise<string>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`no URL printed; stderr: ${err}`)), 45_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) {
          clearTimeout(t);
          ok(m[0]);
        }
      });
      child.on('exit', (code) => fail(new Error(`exited ${code}: ${err}`)));
    });
    expect((await get(url, '/data/report.json')).status).toBe(200);
    const code = await new Promise<number | null>((ok) => {
      child.on('exit', (c) => ok(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  });
});
