/**
 * ingest — the reading stage: files, folders, JSONL (plain or gzip), HTML and stdin → RawArticle,
 * with every input that could not be read reported as a skip and repeated content as a duplicate.
 *
 * ```ts
 * for await (const item of readInputs(['corpus/', 'extra.jsonl.gz'])) {
 *   if (item.type === 'article') use(item.article);
 * }
 * ```
 */
export { cleanText, type Decoded, decodeBytes } from './decode.ts';
export { extractHtml, type HtmlExtract, isoDay } from './html.ts';
export { type IngestOptions, IngestOptionsSchema, parseIngestOptions } from './options.ts';
export { extensionOf, formatSize, idFromPath, readArticleFile, readInputs } from './read.ts';
export type { ArticleMeta, IngestItem, RawArticle, SkipEntry } from './types.ts';
