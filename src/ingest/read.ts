/**
 * ingest/read — files, folders, JSONL (plain or gzip) and stdin → a deterministic stream of
 * articles, skips and duplicates. Nothing stops the run and nothing is dropped silently: every
 * input that is not read becomes a `skip` with its reason (and line, for JSONL records).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { cleanText, decodeBytes } from './decode.ts';
import { declaredCharset, extractHtml, isoDay } from './html.ts';
import { type IngestOptions, parseIngestOptions } from './options.ts';
import type { ArticleMeta, IngestItem, RawArticle } from './types.ts';

/** Code-unit order: the same on every machine and locale. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `.jsonl.gz` counts as one extension; otherwise the last one, lower-cased (`''` when none). */
export function extensionOf(path: string): string {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.jsonl.gz')) return '.jsonl.gz';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** An article id from a file name: the name without its extension. */
export function idFromPath(path: string): string {
  const name = basename(path);
  const ext = extensionOf(path);
  return ext ? name.slice(0, name.length - ext.length) : name;
}

/** `6.2 MB (6 500 000 bytes)` */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${bytes} bytes` : `${v.toFixed(1)} ${units[u]} (${bytes} bytes)`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function errnoReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)';
  return `not readable (${code ?? (err instanceof Error ? err.message : String(err))})`;
}

/** Does the text look like an HTML document or fragment? */
function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>])/i.test(text);
}

/** Per-run state: content hashes seen (duplicates) and ids given (made unique). */
class Registry {
  private readonly hashes = new Map<string, string>();
  private readonly ids = new Set<string>();

  /** An article item, a duplicate of an earlier one, with its id made unique when taken. */
  admit(a: Omit<RawArticle, 'hash'>): IngestItem {
    const hash = sha256(a.text);
    const first = this.hashes.get(hash);
    if (first !== undefined) {
      return a.line === undefined
        ? { type: 'duplicate', source: a.source, sameAs: first }
        : { type: 'duplicate', source: a.source, line: a.line, sameAs: first };
    }
    let id = a.id;
    for (let n = 2; this.ids.has(id); n++) id = `${a.id}~${n}`;
    this.ids.add(id);
    this.hashes.set(hash, id);
    return { type: 'article', article: { ...a, id, hash } };
  }
}

class Reader {
  private readonly registry = new Registry();
  private readonly seenDirs = new Set<string>();

  constructor(private readonly opts: IngestOptions) {}

  skip(source: string, reason: string, line?: number): IngestItem {
    if (this.opts.strict) {
      throw new Error(`ingest: ${source}${line === undefined ? '' : `:${line}`}: ${reason}`);
    }
    return {
      type: 'skip',
      skip: line === undefined ? { source, reason } : { source, line, reason },
    };
  }

  async *input(input: string): AsyncGenerator<IngestItem> {
    if (input === '-') {
      yield* this.stdin();
      return;
    }
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(input);
    } catch (err) {
      yield this.skip(input, errnoReason(err));
      return;
    }
    if (st.isDirectory()) yield* this.folder(input);
    else yield* this.file(input, true, st.size, st.isFile());
  }

  async *folder(dir: string): AsyncGenerator<IngestItem> {
    let real: string;
    let entries: string[];
    try {
      real = await realpath(dir);
      entries = (await readdir(dir)).sort(byCodeUnit);
    } catch (err) {
      yield this.skip(dir, errnoReason(err));
      return;
    }
    if (this.seenDirs.has(real)) return; // the same folder reached twice (symlink loop, repeated input)
    this.seenDirs.add(real);
    for (const name of entries) {
      const path = join(dir, name);
      let st: Awaited<ReturnType<typeof stat>>;
      try {
        st = await stat(path);
      } catch (err) {
        yield this.skip(path, errnoReason(err));
        continue;
      }
      if (name.startsWith('.')) {
        yield this.skip(
          path,
          st.isDirectory() ? 'hidden folder (not read)' : 'hidden file (not read)',
        );
        continue;
      }
      if (st.isDirectory()) yield* this.folder(path);
      else yield* this.file(path, false, st.size, st.isFile());
    }
  }

  async *file(
    path: string,
    explicit: boolean,
    size: number,
    regular: boolean,
  ): AsyncGenerator<IngestItem> {
    if (!regular) {
      yield this.skip(path, 'not a regular file');
      return;
    }
    const ext = extensionOf(path);
    if (!this.opts.extensions.includes(ext)) {
      const what = ext ? `unsupported file type (${ext})` : 'unsupported file type (no extension)';
      yield this.skip(path, explicit ? what : `${what}; not read from the folder`);
      return;
    }
    if (ext === '.jsonl' || ext === '.jsonl.gz') {
      yield* this.jsonl(path, ext === '.jsonl.gz');
      return;
    }
    if (size > this.opts.maxBytes) {
      yield this.skip(
        path,
        `too large: ${formatSize(size)}, limit ${formatSize(this.opts.maxBytes)}`,
      );
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      yield this.skip(path, errnoReason(err));
      return;
    }
    yield this.document(path, idFromPath(path), bytes, ext === '.html' || ext === '.htm');
  }

  /** One whole document (text or HTML) from its bytes. */
  document(source: string, id: string, bytes: Uint8Array, html: boolean): IngestItem {
    if (bytes.length === 0) return this.skip(source, 'empty file');
    const decoded = decodeBytes(bytes, html ? declaredCharset(bytes) : undefined);
    if (!decoded.ok) return this.skip(source, decoded.reason);
    let text = decoded.text.replace(/^\uFEFF/, '');
    let meta: ArticleMeta = {};
    if (text.trim() === '') return this.skip(source, 'empty file (whitespace only)');
    if (html) {
      const x = extractHtml(text);
      text = x.text;
      meta = x.meta;
      if (text.trim() === '') return this.skip(source, 'no text in the HTML page');
    }
    return this.registry.admit({
      id,
      source,
      text,
      meta,
      bytes: bytes.length,
      encoding: decoded.encoding,
    });
  }

  async *jsonl(path: string, gz: boolean): AsyncGenerator<IngestItem> {
    const base = idFromPath(path);
    let stream: AsyncIterable<Buffer>;
    try {
      const file = createReadStream(path);
      await new Promise<void>((resolve, reject) => {
        file.once('open', () => resolve());
        file.once('error', reject);
      });
      if (gz) {
        const gunzip = createGunzip();
        file.once('error', (e) => gunzip.destroy(e));
        stream = file.pipe(gunzip);
      } else stream = file;
    } catch (err) {
      yield this.skip(path, errnoReason(err));
      return;
    }
    yield* this.records(path, base, stream, gz);
  }

  /** JSONL records from a byte stream; each line is parsed on its own. */
  async *records(
    source: string,
    base: string,
    chunks: AsyncIterable<Uint8Array | string>,
    gz = false,
  ): AsyncGenerator<IngestItem> {
    let lineNo = 0;
    let any = false;
    try {
      for await (const line of splitLines(chunks, this.opts.maxBytes)) {
        lineNo++;
        if (line.oversize !== undefined) {
          any = true;
          yield this.skip(
            source,
            `record too large: ${formatSize(line.oversize)}, limit ${formatSize(this.opts.maxBytes)}`,
            lineNo,
          );
          continue;
        }
        const item = this.record(source, base, lineNo, line.bytes!);
        if (item) {
          any = true;
          yield item;
        }
      }
    } catch (err) {
      if (this.opts.strict && err instanceof Error && err.message.startsWith('ingest:')) throw err;
      const msg = err instanceof Error ? err.message : String(err);
      yield this.skip(
        source,
        `${gz ? 'corrupt gzip data' : 'read error'} after ${lineNo} line(s): ${msg}`,
      );
      return;
    }
    if (!any) yield this.skip(source, 'empty file (no JSONL records)');
  }

  /** One JSONL line → an article, a skip or nothing (blank line). */
  record(source: string, base: string, line: number, bytes: Uint8Array): IngestItem | undefined {
    let raw: string;
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return this.skip(source, 'undecodable bytes (JSONL must be UTF-8)', line);
    }
    raw = raw.replace(/^\uFEFF/, '');
    if (raw.trim() === '') return undefined;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      return this.skip(source, `invalid JSON: ${msg}`, line);
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      return this.skip(source, 'record is not a JSON object', line);
    }
    const r = rec as Record<string, unknown>;
    let id: string;
    if (r.id === undefined || r.id === null) id = `${base}-l${line}`;
    else if (typeof r.id !== 'string') {
      return this.skip(
        source,
        `record id is not a string (${typeof r.id}: ${JSON.stringify(r.id)})`,
        line,
      );
    } else if (r.id.trim() === '') return this.skip(source, 'record id is empty', line);
    else id = r.id.trim();

    const meta: ArticleMeta = {};
    let text: string | undefined;
    if (typeof r.text === 'string' && r.text.trim() !== '') text = cleanText(r.text);
    else if (typeof r.html === 'string' && r.html.trim() !== '') {
      const x = extractHtml(r.html);
      text = x.text;
      Object.assign(meta, x.meta);
    }
    if (text === undefined || text.trim() === '') {
      return this.skip(
        source,
        `record "${id}" has no text (neither "text" nor "html" is a non-empty string)`,
        line,
      );
    }
    const date = typeof r.date === 'string' ? isoDay(r.date) : undefined;
    if (date) meta.date = date;
    for (const key of ['url', 'outlet', 'lang', 'title'] as const) {
      const v = r[key];
      if (typeof v === 'string' && v.trim() !== '')
        meta[key] = key === 'lang' ? v.trim().toLowerCase() : v.trim();
    }
    return this.registry.admit({
      id,
      source,
      line,
      text,
      meta,
      bytes: bytes.length,
      encoding: 'jsonl',
    });
  }

  async *stdin(): AsyncGenerator<IngestItem> {
    const input = this.opts.stdin ?? process.stdin;
    const parts: Buffer[] = [];
    let total = 0;
    try {
      for await (const c of input) {
        const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
        parts.push(b);
        total += b.length;
      }
    } catch (err) {
      yield this.skip('-', errnoReason(err));
      return;
    }
    const bytes = Buffer.concat(parts, total);
    const head = bytes
      .subarray(0, 4096)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    if (/^\s*\{/.test(head)) {
      yield* this.records(
        '-',
        'stdin',
        (async function* () {
          yield bytes;
        })(),
      );
      return;
    }
    if (total > this.opts.maxBytes) {
      yield this.skip(
        '-',
        `too large: ${formatSize(total)}, limit ${formatSize(this.opts.maxBytes)}`,
      );
      return;
    }
    yield this.document('-', 'stdin', bytes, looksLikeHtml(head));
  }
}

/** A line of bytes (without `\n` / `\r\n`), or the size of a line over the limit. */
interface Line {
  bytes?: Uint8Array;
  oversize?: number;
}

/** Split a byte stream into lines without holding more than `max` bytes of one line. */
async function* splitLines(
  chunks: AsyncIterable<Uint8Array | string>,
  max: number,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let len = 0;
  let over = 0; // bytes of the current line once it went over the limit
  const end = (): Line => {
    let out: Line;
    if (over > 0) out = { oversize: over };
    else {
      let b = Buffer.concat(parts, len);
      if (b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
      out = { bytes: b };
    }
    parts = [];
    len = 0;
    over = 0;
    return out;
  };
  const add = (b: Buffer) => {
    if (over > 0) over += b.length;
    else if (len + b.length > max) {
      over = len + b.length;
      parts = [];
      len = 0;
    } else {
      parts.push(b);
      len += b.length;
    }
  };
  let sawAny = false;
  for await (const c of chunks) {
    const buf =
      typeof c === 'string'
        ? Buffer.from(c, 'utf8')
        : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
      add(buf.subarray(from, nl));
      yield end();
      sawAny = false;
      from = nl + 1;
    }
    if (from < buf.length) {
      add(buf.subarray(from));
      sawAny = true;
    }
  }
  if (sawAny || len > 0 || over > 0) yield end();
}

/**
 * Read inputs (files, folders walked recursively, `-` for stdin) into articles, skips and
 * duplicates. The input list is de-duplicated and sorted, folders are walked in sorted order,
 * so the same inputs always give the same stream. Throws only for invalid options, or on the
 * first problem when `strict` is set.
 */
export async function* readInputs(
  inputs: string[],
  options: Partial<IngestOptions> = {},
): AsyncGenerator<IngestItem> {
  const opts = parseIngestOptions(options);
  const reader = new Reader(opts);
  const sorted = [...new Set(inputs)].sort(byCodeUnit);
  for (const input of sorted) yield* reader.input(input);
}

/** Everything one file (or `-`) yields: one article for a text/HTML file, many for JSONL. */
export async function readArticleFile(
  path: string,
  options: Partial<IngestOptions> = {},
): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs([path], options)) items.push(item);
  return items;
}
