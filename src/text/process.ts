/**
 * text/process — the text stage for one article: normalise, segment, detect languages, split
 * sentences, find and resolve dates, and fix the publication date (stated metadata wins, then a
 * date line in the text).
 */
import { z } from 'zod';
import type { RawArticle } from '../ingest/types.ts';
import { BoilerplateIndex, outletKey } from './boilerplate.ts';
import { findDates, resolveDates } from './dates.ts';
import { normalize } from './normalize.ts';
import { segmentWithLanguage } from './segment.ts';
import type { ProcessedArticle, Sentence } from './types.ts';

export const ProcessOptionsSchema = z.object({
  /** Lines repeated across the corpus (see BoilerplateIndex). */
  boilerplate: z.instanceof(BoilerplateIndex).optional(),
});

export type ProcessOptions = z.infer<typeof ProcessOptionsSchema>;

/**
 * Process one article. Pure: the same article (and boilerplate index) gives the same result.
 * Dates are resolved against the publication date only; the extraction stage may call
 * resolveDates again with the terms of office of the people it found.
 */
export function processArticle(
  article: RawArticle,
  options: ProcessOptions = {},
): ProcessedArticle {
  const parsed = ProcessOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`text: invalid options: ${parsed.error.issues[0]?.message}`);
  const { boilerplate } = parsed.data;
  const text = article.text;
  const norm = normalize(text);
  const seg = segmentWithLanguage(
    text,
    boilerplate ? { boilerplate, outlet: outletKey(article) } : {},
    article.meta.lang,
    norm,
  );
  const sentences: Sentence[] = [];
  seg.sentences.forEach((spans, i) => {
    for (const sp of spans) sentences.push({ start: sp.start, end: sp.end, segment: i });
  });
  const found = findDates(text, norm, seg.segments, seg.lang);
  const stated = article.meta.date;
  const fromLine = resolveDates(found, {}).find((d) => d.publication && d.iso)?.iso;
  const published = stated ?? fromLine;
  const dates = resolveDates(found, published ? { published } : {});
  const out: ProcessedArticle = {
    article,
    lang: seg.lang,
    langConfidence: seg.langConfidence,
    norm,
    segments: seg.segments,
    sentences,
    dates,
  };
  if (published) out.published = published;
  return out;
}
