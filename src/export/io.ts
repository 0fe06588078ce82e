/**
 * export/io — writing exports so that an interrupted run (Ctrl-C, crash, full disk) never
 * leaves a half-written file under its final name: data goes to a hidden temporary file in the
 * same folder, is fsync'ed, then renamed over the target (atomic on POSIX file systems). If the
 * process dies before the rename, the old file (if any) is untouched and a stray
 * `.<name>.<pid>.<n>.tmp` may remain; it is never read. Temporary files still open are listed
 * (`pendingTempFiles`) and removed by `removePendingTempFilesSync` — what a Ctrl-C handler calls
 * before it exits.
 *
 * Every export is written in pieces (the serialisers are generators), through a write stream
 * that respects backpressure, so no file ever has to exist as one string in memory.
 */
import { once } from 'node:events';
import { unlinkSync } from 'node:fs';
import { type FileHandle, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { edgesCSVChunks, nodesCSVChunks } from './csv.ts';
import { dynamicGexfChunks } from './dynamic-gexf.ts';
import { type ExportOrder, exportOrder } from './fields.ts';
import { gexfChunks } from './gexf.ts';
import { graphmlChunks } from './graphml.ts';
import { jsonChunks } from './json.ts';
import {
  articleDatesProblem,
  type CorpusGraph,
  EXPORT_FILES,
  type ExportFormat,
  WriteGraphExportsOptions,
} from './types.ts';

let tempCounter = 0;
const pending = new Set<string>();

/** Hidden temporary name beside `path`, unique within this process and across processes. */
function tempPathFor(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
}

/** Temporary files of this process not yet renamed or removed. */
export function pendingTempFiles(): string[] {
  return [...pending];
}

/**
 * Removes every temporary file still pending, synchronously (safe in a signal handler or an
 * `exit` listener). Final files are never touched.
 */
export function removePendingTempFilesSync(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  pending.clear();
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
  pending.add(temp);
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
  } finally {
    pending.delete(temp);
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
  private finished = false;

  constructor(path: string) {
    super({ decodeStrings: true, autoDestroy: false, highWaterMark: 1 << 20 });
    this.path = path;
    this.tempPath = tempPathFor(path);
    pending.add(this.tempPath);
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
    this.writeAll(chunk).then(() => callback(), callback);
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ): void {
    this.writeAll(Buffer.concat(chunks.map((c) => c.chunk))).then(() => callback(), callback);
  }

  /** Writes the whole buffer (a write to a file may be partial). */
  private async writeAll(buffer: Buffer): Promise<void> {
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await this.handle!.write(buffer, offset, buffer.length - offset);
      if (bytesWritten <= 0) throw new Error(`export: could not write to ${this.tempPath}`);
      offset += bytesWritten;
      this.bytesWritten += bytesWritten;
    }
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

  /**
   * Ends the stream and flushes it to disk (fsync) without renaming it: the data is complete
   * under `tempPath`, ready to be read back or committed. Resolves with the byte count.
   */
  async finish(): Promise<number> {
    if (this.finished) return this.bytesWritten;
    try {
      if (!this.writableFinished) {
        const finished = once(this, 'finish');
        this.end();
        await finished;
      }
      const handle = this.handle;
      this.handle = undefined;
      await handle?.close();
    } catch (error) {
      this.settled = true;
      this.destroy();
      await unlink(this.tempPath).catch(() => {});
      pending.delete(this.tempPath);
      throw new Error(`export: cannot write ${this.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.finished = true;
    return this.bytesWritten;
  }

  /** Ends the stream, flushes it to disk and renames it over `path`. Resolves with the byte count. */
  async commit(): Promise<number> {
    if (this.settled) throw new Error(`export: ${this.path} was already committed or aborted`);
    await this.finish();
    this.settled = true;
    try {
      await rename(this.tempPath, this.path);
    } catch (error) {
      this.destroy();
      await unlink(this.tempPath).catch(() => {});
      throw new Error(`export: cannot write ${this.path}: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      pending.delete(this.tempPath);
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
    pending.delete(this.tempPath);
  }

  /** Writes `chunk`, waiting for the stream to drain when its buffer is full. */
  async put(chunk: string): Promise<void> {
    if (chunk.length === 0) return;
    if (!this.write(chunk)) await waitForDrain(this);
  }
}

/** Resolves on 'drain'; rejects if the stream fails or closes first. */
function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (error: Error) => done(error);
    const onClose = () => done(new Error('export: stream closed before it drained'));
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

/** Opens an `AtomicWriteStream` to `path` (see there). */
export function createAtomicWriteStream(path: string): AtomicWriteStream {
  return new AtomicWriteStream(path);
}

type Serialiser = (
  graph: CorpusGraph,
  articleDates: Map<string, string>,
  order: ExportOrder,
) => [string, Iterable<string>][];

const SERIALISERS: Record<ExportFormat, Serialiser> = {
  json: (g, _d, o) => [['graph.json', jsonChunks(g, {}, o)]],
  gexf: (g, _d, o) => [['graph.gexf', gexfChunks(g, undefined, o)]],
  'dynamic-gexf': (g, articleDates, o) => [
    ['graph.dynamic.gexf', dynamicGexfChunks(g, { articleDates }, o)],
  ],
  graphml: (g, _d, o) => [['graph.graphml', graphmlChunks(g, o)]],
  csv: (g, _d, o) => [
    ['nodes.csv', nodesCSVChunks(g, o)],
    ['edges.csv', edgesCSVChunks(g, o)],
  ],
};

/** Options of `stageGraphExports`: those of `writeGraphExports`, plus a way to stop. */
export interface StageGraphExportsOptions {
  articleDates: Map<string, string>;
  formats?: readonly ExportFormat[];
  /** Checked between pieces: an aborted signal discards every file staged so far. */
  signal?: AbortSignal;
  /** Called after each file is written, with its name and the seconds it took. */
  onFile?: (name: string, seconds: number) => void;
}

/** Exports written to temporary files, to be renamed into place together (or discarded). */
export interface StagedExports {
  /** Bytes per file name. */
  sizes: Record<string, number>;
  /** Renames every file over its final name. */
  commit(): Promise<void>;
  /** Removes every temporary file; the final names are untouched. */
  abort(): Promise<void>;
}

/** Streams `chunks` into `stream` with backpressure; aborts the stream on any error. */
export async function writeChunks(
  stream: AtomicWriteStream,
  chunks: Iterable<string>,
  signal?: AbortSignal,
): Promise<number> {
  try {
    for (const chunk of chunks) {
      signal?.throwIfAborted();
      await stream.put(chunk);
    }
    return await stream.finish();
  } catch (error) {
    await stream.abort();
    throw error;
  }
}

function parseExportOptions(options: StageGraphExportsOptions) {
  const { signal, onFile, articleDates, ...rest } = options;
  const parsed = WriteGraphExportsOptions.safeParse({ ...rest, articleDates: new Map() });
  const problem = parsed.success ? articleDatesProblem(articleDates) : parsed.error.message;
  if (problem || !parsed.success) {
    throw new Error(`export: invalid writeGraphExports options: ${problem}`);
  }
  return { formats: parsed.data.formats, articleDates, signal, onFile };
}

/**
 * Writes the exports of `writeGraphExports` into temporary files in `dir` (created if needed)
 * without touching the final names; `commit()` renames them all, `abort()` removes them. A
 * build stages everything, then commits: an interrupted run leaves the previous files whole.
 */
export async function stageGraphExports(
  dir: string,
  graph: CorpusGraph,
  options: StageGraphExportsOptions,
): Promise<StagedExports> {
  const { formats, articleDates, signal, onFile } = parseExportOptions(options);
  await mkdir(dir, { recursive: true });
  const order = exportOrder(graph);
  const sizes: Record<string, number> = {};
  const staged: AtomicWriteStream[] = [];
  const abort = async () => {
    for (const s of staged) await s.abort();
  };
  try {
    for (const format of [...new Set(formats)]) {
      for (const [name, chunks] of SERIALISERS[format](graph, articleDates, order)) {
        if (!EXPORT_FILES[format].includes(name)) {
          throw new Error(`export: ${format} wrote unexpected file ${name}`);
        }
        const t = performance.now();
        const stream = createAtomicWriteStream(join(dir, name));
        staged.push(stream);
        sizes[name] = await writeChunks(stream, chunks, signal);
        onFile?.(name, (performance.now() - t) / 1000);
      }
    }
  } catch (error) {
    await abort();
    throw error;
  }
  return {
    sizes,
    async commit() {
      for (const s of staged) await s.commit();
    },
    abort,
  };
}

/**
 * Writes graph.json, graph.gexf, graph.dynamic.gexf, graph.graphml, nodes.csv and edges.csv
 * (or the `formats` chosen) into `dir`, creating it, each file atomically and in pieces (any
 * graph size). Resolves with the bytes written per file name.
 */
export async function writeGraphExports(
  dir: string,
  graph: CorpusGraph,
  options: WriteGraphExportsOptions & { signal?: AbortSignal },
): Promise<Record<string, number>> {
  const staged = await stageGraphExports(dir, graph, options as StageGraphExportsOptions);
  try {
    await staged.commit();
  } catch (error) {
    await staged.abort();
    throw error;
  }
  return staged.sizes;
}
