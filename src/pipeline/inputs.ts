/**
 * pipeline/inputs — how much there is to read, before reading it: for the progress bar's ETA
 * and to decide whether worker threads are worth starting (they cost a lexicon each).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULTS } from '../config/defaults.ts';

/**
 * Bytes the inputs hold, for an ETA: undefined when unknown (stdin, gzip, or a folder too big
 * to walk cheaply). Counts what ingest reads (extensions, no hidden files). With `stopAt`, the
 * walk ends as soon as that many bytes are found (the answer is then "at least that").
 */
export async function estimateInputBytes(
  inputs: readonly string[],
  options: { maxFiles?: number; stopAt?: number } = {},
): Promise<number | undefined> {
  const maxFiles = options.maxFiles ?? 200_000;
  const stopAt = options.stopAt ?? Number.POSITIVE_INFINITY;
  const exts = DEFAULTS.ingest.extensions;
  let total = 0;
  let files = 0;
  const visit = async (path: string, top: boolean): Promise<boolean> => {
    if (path === '-') return false;
    const name = path.split(/[\\/]/).pop() ?? '';
    if (!top && name.startsWith('.')) return true;
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(path);
    } catch {
      return true; // ingest reports it
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(path);
      } catch {
        return true;
      }
      for (const n of names) if (!(await visit(join(path, n), false))) return false;
      return true;
    }
    const lower = name.toLowerCase();
    if (lower.endsWith('.gz')) return false;
    if (!exts.some((e) => lower.endsWith(e))) return true;
    if (++files > maxFiles) return false;
    total += st.size;
    return total < stopAt;
  };
  for (const input of inputs) {
    if (!(await visit(input, true))) return total >= stopAt ? total : undefined;
  }
  return total;
}
