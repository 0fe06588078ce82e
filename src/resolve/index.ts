/**
 * resolve — what one article's mentions mean together: dates pinned by the terms of office of
 * the actors beside them. (Coreference and office-by-date live in extract; cross-article
 * candidate merging in graph.)
 */
export { pinDates } from './dates.ts';
