/**
 * text/types — normalised text, languages, segments, sentences and dates of one article.
 */
import type { RawArticle } from '../ingest/types.ts';

export type Lang = 'ar' | 'fa' | 'en' | 'other';

/**
 * Text normalised for matching (same script-insensitive form for Arabic and Persian),
 * with `map[i]` = offset in the original text of normalised char i (map has length text.length + 1).
 */
export interface NormalizedText {
  text: string;
  map: Int32Array;
}

export type SegmentKind =
  | 'headline'
  | 'lead'
  | 'body'
  | 'teaser'
  | 'tags'
  | 'source'
  | 'dateline'
  | 'footer';

/** A contiguous span of lines of the original text, [start, end) offsets. */
export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
  lang: Lang;
  langConfidence: number;
  /** The marker or rule that classified it (for `inspect`), e.g. «إقرأ أيضاً» or `short-title-run`. */
  reason?: string;
}

/** Segments whose text is the article's own (mentions here count; elsewhere they do not). */
export const MAIN_SEGMENTS: ReadonlySet<SegmentKind> = new Set(['headline', 'lead', 'body']);

export interface Sentence {
  /** [start, end) offsets into the original text, trimmed. */
  start: number;
  end: number;
  /** Index into `segments`. */
  segment: number;
}

export type Calendar = 'gregorian' | 'jalali';

/** A date expression found in the text; resolution may be partial. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  calendar: Calendar;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday, when a weekday is named with (or instead of) the date. */
  weekday?: number;
  /** 'explicit' = full date written; 'partial' = day+month without year; 'weekday' = weekday word only; 'relative' = today/yesterday/tonight. */
  form: 'explicit' | 'partial' | 'weekday' | 'relative';
  /** Resolved Gregorian ISO date, when known for certain. */
  iso?: string;
  /** Why it is unresolved (when `iso` is absent). */
  unresolved?: string;
  /** True when the mention is a publication date line (e.g. «تاريخ النشر»). */
  publication?: boolean;
  /** Index into `segments` of the segment holding the mention. */
  segment?: number;
  /**
   * True when the mention sits outside the article's own text and date line (a teaser, tag,
   * source or footer segment): weekdays, relative words and day+month without a year there
   * belong to another article's dates and are not resolved against this one's.
   */
  foreign?: boolean;
  /** Relative words: days from the publication date (today/tonight 0, yesterday −1, tomorrow 1). */
  offset?: number;
  /** «المقبل / next / آینده» (`next`) or «الماضي / last / گذشته» (`past`) beside a weekday or date. */
  direction?: 'past' | 'next';
  /** «سال‌جاری / الجاري / this year» beside a day and month: the year of publication. */
  sameYear?: boolean;
}

/** Everything the text stage knows about one article. */
export interface ProcessedArticle {
  article: RawArticle;
  lang: Lang;
  langConfidence: number;
  norm: NormalizedText;
  segments: Segment[];
  sentences: Sentence[];
  dates: DateMention[];
  /** Publication date: given metadata wins, then a date line in the text; undefined when unknown. */
  published?: string;
}
