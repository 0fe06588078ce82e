/**
 * text — the text stage: normalisation (with an offset map), language, segments (headline, lead,
 * body, teasers, tags, source, date line, footer), sentences and dates of one article.
 *
 * ```ts
 * const p = processArticle(raw);                  // segments, sentences, dates, published
 * const own = p.segments.filter((s) => MAIN_SEGMENTS.has(s.kind));
 * const dates = resolveDates(p.dates, { published: p.published, terms }); // with terms of office
 * ```
 */
export { BoilerplateIndex, type BoilerplateSource, lineKey, outletKey } from './boilerplate.ts';
export { type DateContext, findDates, PARTIAL_WINDOW_DAYS, resolveDates, toIso } from './dates.ts';
export { detectLanguage, type LangGuess } from './lang.ts';
export { MARKERS, type Marker, matchMarker } from './markers.ts';
export { normalize, normalizeString, toOriginal } from './normalize.ts';
export { type ProcessOptions, ProcessOptionsSchema, processArticle } from './process.ts';
export {
  isDateOnlyLine,
  type Segmentation,
  type SegmentOptions,
  segmentArticle,
  segmentWithLanguage,
} from './segment.ts';
export { type SentenceSpan, splitSentences } from './sentences.ts';
export { type Token, tokenize } from './tokenize.ts';
export * from './types.ts';
