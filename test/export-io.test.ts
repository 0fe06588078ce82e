import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { SerializedGraph } from '../graph-schema/schema.ts';
import {
  atomicWriteFile,
  createAtomicWriteStream,
  toEdgesCSV,
  toGEXF,
  toJSON,
  writeGraphExports,
} from '../src/export/index.ts';
import { FIXTURE_ARTICLE_DATES, makeFixtureGraph } from './fixtures/graphs/fixture-graph.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'diplograph-io-'));
const ARABIC = 'وزير الخارجية الروسي سيرغي لافروف\n';

describe('export/io: atomicWriteFile', () => {
  it('writes the bytes, returns their count and leaves no temporary file', async () => {
    const dir = fresh();
    const path = join(dir, 'report.json');
    const bytes = await atomicWriteFile(path, ARABIC);
    expect(bytes).toBe(Buffer.byteLength(ARABIC));
    expect(readFileSync(path, 'utf8')).toBe(ARABIC);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('replaces an existing file in one step; a failed write leaves it untouched', async () => {
    const dir = fresh();
    const path = join(dir, 'graph.json');
    writeFileSync(path, 'old');
    await atomicWriteFile(path, new Uint8Array([110, 101, 119]));
    expect(readFileSync(path, 'utf8')).toBe('new');
    await expect(atomicWriteFile(join(dir, 'missing', 'x.json'), 'data')).rejects.toThrow(
      /^export: cannot write /,
    );
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });
});

describe('export/io: createAtomicWriteStream', () => {
  it('is invisible under its name until commit()', async () => {
    const dir = fresh();
    const path = join(dir, 'evidence.jsonl');
    const stream = createAtomicWriteStream(path);
    stream.write(`${JSON.stringify({ text: ARABIC })}\n`);
    stream.write(Buffer.from('{"text":"گفت\u200cوگو"}\n'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(readdirSync(dir)).not.toContain('evidence.jsonl');
    const bytes = await stream.commit();
    const text = readFileSync(path, 'utf8');
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).text),
    ).toEqual([ARABIC, 'گفت\u200cوگو']);
    expect(readdirSync(dir)).toEqual(['evidence.jsonl']);
    await expect(stream.commit()).rejects.toThrow(/already committed/);
  });

  it('abort() removes the temporary file and keeps the previous version', async () => {
    const dir = fresh();
    const path = join(dir, 'articles.jsonl');
    writeFileSync(path, 'previous\n');
    const stream = createAtomicWriteStream(path);
    stream.write('half a line');
    await stream.abort();
    expect(readFileSync(path, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['articles.jsonl']);
  });

  it('works as a pipeline destination', async () => {
    const dir = fresh();
    const path = join(dir, 'lines.txt');
    const stream = createAtomicWriteStream(path);
    const lines = Array.from({ length: 1000 }, (_, i) => `${i} ${ARABIC}`);
    await pipeline(Readable.from(lines), stream);
    await stream.commit();
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
  });
});

describe('export/io: writeGraphExports', () => {
  const articleDates = new Map(FIXTURE_ARTICLE_DATES);

  it('writes the six files, returns their sizes, and graph.json passes the schema', async () => {
    const dir = join(fresh(), 'exports', 'nested');
    const graph = makeFixtureGraph();
    const sizes = await writeGraphExports(dir, graph, { articleDates });
    const files = [
      'edges.csv',
      'graph.dynamic.gexf',
      'graph.gexf',
      'graph.graphml',
      'graph.json',
      'nodes.csv',
    ];
    expect(Object.keys(sizes).sort()).toEqual(files);
    expect(readdirSync(dir).sort()).toEqual(files);
    for (const file of files) expect(statSync(join(dir, file)).size).toBe(sizes[file]);
    expect(readFileSync(join(dir, 'graph.json'), 'utf8')).toBe(toJSON(graph));
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe(toGEXF(graph));
    expect(readFileSync(join(dir, 'edges.csv'), 'utf8')).toBe(toEdgesCSV(graph));
    const parsed = SerializedGraph.safeParse(
      JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')),
    );
    expect(parsed.success, parsed.error?.message).toBe(true);
  });

  it('writing twice, from graphs built in different orders, gives the same bytes', async () => {
    const a = fresh();
    const b = fresh();
    await writeGraphExports(a, makeFixtureGraph('sorted'), { articleDates });
    await writeGraphExports(b, makeFixtureGraph('reversed'), { articleDates });
    await writeGraphExports(b, makeFixtureGraph('sorted'), { articleDates });
    for (const file of readdirSync(a)) {
      expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), file).toBe(true);
    }
    expect(readdirSync(b).sort()).toEqual(readdirSync(a).sort());
  });

  it('writes only the chosen formats and validates its options', async () => {
    const dir = fresh();
    const sizes = await writeGraphExports(dir, makeFixtureGraph(), {
      articleDates,
      formats: ['csv'],
    });
    expect(Object.keys(sizes).sort()).toEqual(['edges.csv', 'nodes.csv']);
    await expect(
      writeGraphExports(dir, makeFixtureGraph(), {
        articleDates: new Map([['x', '5 Nov 2023']]),
      }),
    ).rejects.toThrow(/^export: invalid writeGraphExports options/);
    await expect(
      // @ts-expect-error: an unknown format is rejected at run time too
      writeGraphExports(dir, makeFixtureGraph(), { articleDates, formats: ['pdf'] }),
    ).rejects.toThrow(/^export: invalid writeGraphExports options/);
  });
});
