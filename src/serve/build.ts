/**
 * serve/build — build the viewer (viewer/ → viewer/dist) with Vite's JS API when dist is missing
 * or older than the viewer's sources. Builds are serialised within a process (one promise) and
 * across processes (an exclusive lock file in the OS temp folder), and re-checked under the lock,
 * so parallel test workers or servers build once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildViewerOptions } from './types.ts';

/** The repository's viewer/ folder. */
export const VIEWER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../viewer');

const LOCK_STALE_MS = 5 * 60_000;
const LOCK_WAIT_MS = 10 * 60_000;

async function newestMtime(path: string): Promise<number> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of await readdir(path)) {
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/** Files whose change makes viewer/dist stale. */
function sourcesOf(viewerDir: string): string[] {
  const repo = resolve(viewerDir, '..');
  return [
    join(viewerDir, 'index.html'),
    join(viewerDir, 'vite.config.ts'),
    join(viewerDir, 'src'),
    join(repo, 'src/text/normalize.ts'),
    join(repo, 'package-lock.json'),
  ];
}

/** True when `viewerDir/dist/index.html` is missing or older than a viewer source. */
export async function viewerNeedsBuild(viewerDir = VIEWER_DIR): Promise<boolean> {
  const built = await newestMtime(join(viewerDir, 'dist', 'index.html'));
  if (built === 0) return true;
  let newest = 0;
  for (const src of sourcesOf(viewerDir)) newest = Math.max(newest, await newestMtime(src));
  return newest > built;
}

async function acquireLock(path: string): Promise<() => Promise<void>> {
  const started = Date.now();
  for (;;) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const st = await stat(path).catch(() => null);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new Error(`serve: timed out waiting for another viewer build (lock ${path})`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function runViteBuild(viewerDir: string): Promise<void> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error(
      'serve: viewer/dist is missing or stale and Vite is not installed; run `npm ci` (with dev dependencies) or `npm run viewer:build`',
    );
  }
  await vite.build({
    configFile: join(viewerDir, 'vite.config.ts'),
    root: viewerDir,
    logLevel: 'warn',
    build: { outDir: join(viewerDir, 'dist'), emptyOutDir: true },
  });
}

let inFlight: Promise<{ dir: string; built: boolean }> | null = null;

/**
 * Make sure the viewer is built; returns its dist folder and whether a build ran. Safe to call
 * from several processes at once.
 */
export function buildViewer(
  opts: BuildViewerOptions = {},
): Promise<{ dir: string; built: boolean }> {
  if (inFlight) return inFlight;
  inFlight = (async () => {
    const viewerDir = resolve(opts.viewerDir ?? VIEWER_DIR);
    const dist = join(viewerDir, 'dist');
    if (!existsSync(join(viewerDir, 'index.html'))) {
      if (existsSync(join(dist, 'index.html'))) return { dir: dist, built: false };
      throw new Error(`serve: no viewer app in ${viewerDir} (index.html missing)`);
    }
    if (!opts.force && !(await viewerNeedsBuild(viewerDir))) return { dir: dist, built: false };
    const tag = createHash('sha1').update(viewerDir).digest('hex').slice(0, 12);
    const release = await acquireLock(join(tmpdir(), `diplograph-viewer-build-${tag}.lock`));
    try {
      if (!opts.force && !(await viewerNeedsBuild(viewerDir))) return { dir: dist, built: false };
      opts.log?.(`serve: building the viewer (${viewerDir} → dist)…`);
      await runViteBuild(viewerDir);
      return { dir: dist, built: true };
    } finally {
      await release();
    }
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
