/**
 * bench/profile — where the time goes, from V8 CPU profiles (`node --cpu-prof`): self time per
 * source file and per function, summed over every thread's profile (the main thread and each
 * worker write their own). Line numbers are those of tsx's output, not of the sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  profiles: number;
  total_seconds: number;
  by_file: { file: string; seconds: number; share: number }[];
  by_function: { fn: string; seconds: number; share: number }[];
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*?\/(src|bench|node_modules)\//, '$1/')
    .replace(/\?.*$/, '');

/** Summarise every `.cpuprofile` in `dir`: the `top` heaviest files and functions by self time. */
export function summariseProfiles(dir: string, top = 25): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const byFile = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < p.samples.length; i++) {
      const dt = p.timeDeltas[i] ?? 0;
      const n = nodes.get(p.samples[i]!);
      if (!n) continue;
      const name = n.callFrame.functionName || '(anonymous)';
      if (name === '(idle)' || name === '(program)') continue;
      total += dt;
      const file = shortUrl(n.callFrame.url) || name;
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
      const key = `${name} ${file}`;
      byFn.set(key, (byFn.get(key) ?? 0) + dt);
    }
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({
        k,
        seconds: Math.round(us / 1e4) / 100,
        share: Math.round((1000 * us) / Math.max(1, total)) / 10,
      }));
  return {
    profiles: files.length,
    total_seconds: Math.round(total / 1e4) / 100,
    by_file: rank(byFile).map(({ k, ...r }) => ({ file: k, ...r })),
    by_function: rank(byFn).map(({ k, ...r }) => ({ fn: k, ...r })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir)
    throw new Error('bench: usage: node --import tsx bench/profile.ts <dir-of-cpuprofiles>');
  process.stdout.write(
    `${JSON.stringify(summariseProfiles(dir, Number(process.argv[3] ?? 25)), null, 2)}\n`,
  );
}
