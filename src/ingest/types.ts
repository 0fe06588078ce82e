/**
 * ingest/types — what the reading stage hands to the rest of the pipeline.
 */

/** Metadata given with an article (JSONL fields, HTML <title>/<meta>), never guessed. */
export interface ArticleMeta {
  title?: string;
  /** ISO date (YYYY-MM-DD) given by the source (JSONL `date`, HTML meta). Wins over dates found in the text. */
  date?: string;
  url?: string;
  outlet?: string;
  /** Language given by the source (`ar`, `fa`, `en`, …). */
  lang?: string;
}

/** One decoded article, as read from a file, a JSONL record or stdin. */
export interface RawArticle {
  /** File name without extension, or the `id` field of a JSONL record. */
  id: string;
  /** Path of the file it came from (`-` for stdin). */
  source: string;
  /** 1-based line number for JSONL records. */
  line?: number;
  /**
   * Decoded text with line ends normalised to `\n` (HTML already reduced to its main text).
   * Every offset in later stages points into this string.
   */
  text: string;
  meta: ArticleMeta;
  /** sha256 (hex) of `text` — identical content is read once. */
  hash: string;
  /** Size of the original bytes. */
  bytes: number;
  /**
   * How the bytes were decoded: utf-8, utf-8-bom, utf-16le, utf-16be (with BOM, or detected by
   * their NUL pattern), windows-1256 (detected, never assumed); `jsonl` for JSONL records.
   */
  encoding: string;
}

/** Something that was not read, and why. Ends up in report.json `skipped`. */
export interface SkipEntry {
  source: string;
  line?: number;
  reason: string;
}

/** The ingest stream yields articles and skip entries in a deterministic order. */
export type IngestItem =
  | { type: 'article'; article: RawArticle }
  | { type: 'skip'; skip: SkipEntry }
  /** Content identical (same `hash`) to an article already yielded; `sameAs` is that article's id. */
  | { type: 'duplicate'; source: string; line?: number; sameAs: string };
