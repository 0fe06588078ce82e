import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('viewer source', () => {
  it('never parses strings as HTML (data always goes in as text)', () => {
    const offenders = files(SRC).filter((f) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function\(/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(files(SRC).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('never sets or reads a node attribute named type (sigma reserves it)', () => {
    for (const f of files(SRC)) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(
        /getNodeAttribute\([^)]*'type'|attributes\.type\b|\btype:\s*(kind|attrs\.kind|a\.kind|data\.kind)/,
      );
    }
  });
});
