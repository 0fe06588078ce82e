/**
 * relate — roles, interactions and co-mentions of one article, each with evidence.
 */

export type { Action, Cues } from './cues.ts';
export { ACTIONS, BUILTIN_CUES, loadCues } from './cues.ts';
export { relateArticle } from './relate.ts';
export type * from './types.ts';
