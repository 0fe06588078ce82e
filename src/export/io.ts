/**
 * export/io — writing exports so that an interrupted run (Ctrl-C, crash, full disk) never
 * leaves a half-written file under its final name: data goes to a hidden temporary file in the
 * same folder, is fsync'ed, then renamed over the target (atomic on POSIX file systems). If the
 * process dies before the rename, the old file (if any) is untouched and a stray
 * `.<name>.<pid>.<n>.tmp` may remain; it is never read.
 */
import { once } from 'node:events';
import { type FileHandle, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { toEdgesCSV, toNodesCSV } from './csv.ts';
import { toDynamicGEXF } from './dynamic-gexf.ts';
import { toGEXF } from './gexf.ts';
import { toGraphML } from './graphml.ts';
import { toJSON } from './json.ts';
import {
  type CorpusGraph,
  EXPORT_FILES,
  type ExportFormat,
  WriteGraphExportsOptions,
} from './types.ts';

let tempCounter = 0;

/** Hidden temporary name beside `path`, unique within this process and across processes. */
function tempPathFor(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
}

/** fsync a folder so the rename itself survives a power cut; not supported everywhere. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems cannot open or fsync a folder; the rename still happened.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * Writes `data` to `path` atomically: temporary file in the same folder, fsync, rename.
 * Resolves with the number of bytes written.
 */
export async function atomicWriteFile(path: string, data: string | Uint8Array): Promise<number> {
  const temp = tempPathFor(path);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o644);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw new Error(`export: cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
  await syncDirectory(dirname(path));
  return bytes.byteLength;
}

/**
 * A writable stream into a temporary file that becomes `path` only on `commit()`;
 * `abort()` (or an error) removes it. For large outputs written piece by piece
 * (evidence.jsonl, articles.jsonl).
 */
export class AtomicWriteStream extends Writable {
  /** Final path, written by `commit()`. */
  readonly path: string;
  /** Temporary file receiving the data until then. */
  readonly tempPath: string;
  /** Bytes written so far. */
  bytesWritten = 0;
  private handle: FileHandle | undefined;
  private settled = false;

  constructor(path: string) {
    super({ decodeStrings: true, autoDestroy: false });
    this.path = path;
    this.tempPath = tempPathFor(path);
  }

  override _construct(callback: (error?: Error | null) => void): void {
    open(this.tempPath, 'wx', 0o644).then(
      (handle) => {
        this.handle = handle;
        callback();
      },
      (error: Error) =>
        callback(new Error(`export: cannot create ${this.tempPath}: ${error.message}`)),
    );
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.handle!.write(chunk).then(({ bytesWritten }) => {
      this.bytesWritten += bytesWritten;
      callback();
    }, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.handle!.sync().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const handle = this.handle;
    this.handle = undefined;
    const done = () => callback(error);
    if (handle) handle.close().then(done, done);
    else done();
  }

  /** Ends the stream, flushes it to disk and renames it over `path`. Resolves with the byte count. */
  async commit(): Promise<number> {
    if (this.settled) throw new Error(`export: ${this.path} was already committed or aborted`);
    this.settled = true;
    try {
      if (!this.writableFinished) {
        const finished = once(this, 'finish');
        this.end();
        await finished;
      }
      const handle = this.handle;
      this.handle = undefined;
      await handle?.close();
      await rename(this.tempPath, this.path);
    } catch (error) {
      this.destroy();
      await unlink(this.tempPath).catch(() => {});
      throw new Error(`export: cannot write ${this.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.destroy();
    await syncDirectory(dirname(this.path));
    return this.bytesWritten;
  }

  /** Discards everything written: closes and removes the temporary file. `path` is untouched. */
  async abort(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    if (!this.destroyed) {
      const closed = once(this, 'close').catch(() => {});
      this.destroy();
      await closed;
    }
    await unlink(this.tempPath).catch(() => {});
  }
}

/** Opens an `AtomicWriteStream` to `path` (see there). */
export function createAtomicWriteStream(path: string): AtomicWriteStream {
  return new AtomicWriteStream(path);
}

const SERIALISERS: Record<
  ExportFormat,
  (graph: CorpusGraph, articleDates: Map<string, string>) => [string, string][]
> = {
  json: (g) => [['graph.json', toJSON(g)]],
  gexf: (g) => [['graph.gexf', toGEXF(g)]],
  'dynamic-gexf': (g, articleDates) => [['graph.dynamic.gexf', toDynamicGEXF(g, { articleDates })]],
  graphml: (g) => [['graph.graphml', toGraphML(g)]],
  csv: (g) => [
    ['nodes.csv', toNodesCSV(g)],
    ['edges.csv', toEdgesCSV(g)],
  ],
};

/**
 * Writes graph.json, graph.gexf, graph.dynamic.gexf, graph.graphml, nodes.csv and edges.csv
 * (or the `formats` chosen) into `dir`, creating it, each file atomically. Resolves with the
 * bytes written per file name.
 */
export async function writeGraphExports(
  dir: string,
  graph: CorpusGraph,
  options: WriteGraphExportsOptions,
): Promise<Record<string, number>> {
  const parsed = WriteGraphExportsOptions.safeParse(options);
  if (!parsed.success) {
    throw new Error(`export: invalid writeGraphExports options: ${parsed.error.message}`);
  }
  const { articleDates, formats } = parsed.data;
  await mkdir(dir, { recursive: true });
  const sizes: Record<string, number> = {};
  for (const format of [...new Set(formats)]) {
    for (const [name, text] of SERIALISERS[format](graph, articleDates)) {
      if (!EXPORT_FILES[format].includes(name)) {
        throw new Error(`export: ${format} wrote unexpected file ${name}`);
      }
      sizes[name] = await atomicWriteFile(join(dir, name), text);
    }
  }
  return sizes;
}
