/**
 * extract — mentions of actors in one article (matcher + cue patterns).
 */

export { readName, skeleton, slugify } from './candidates.ts';
export { extractArticle, inTerm, kindOf } from './extract.ts';
export type * from './types.ts';
