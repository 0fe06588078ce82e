/**
 * evaluate — quality measurement against hand-made gold.
 */

export type { EvalResult, Prf } from './evaluate.ts';
export { evaluate, GoldArticle, readGold } from './evaluate.ts';
