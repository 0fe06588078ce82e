/**
 * lexicon — the actors diplograph knows: loading and validating data files, generating
 * spelling variants, and the matcher index built once per run.
 */
export { BUILTIN_LEXICON_DIR, loadLexicon } from './load.ts';
export type { CounterpartHit, EntityHit, Matcher, OfficeHit } from './matcher.ts';
export { buildMatcher } from './matcher.ts';
export * from './schema.ts';
export type { TrieMatch } from './trie.ts';
export { PhraseTrie, procliticOffsets } from './trie.ts';
export type { LexEntity, Lexicon } from './types.ts';
export { LexiconError } from './types.ts';
export { gVariants, nameTokens, nameVariants } from './variants.ts';
