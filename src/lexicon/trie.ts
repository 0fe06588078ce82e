/**
 * lexicon/trie — a character trie over concatenated normalised tokens, walked from each token
 * of a text. Keys drop the spaces between tokens, so joined and spaced compounds
 * (امیرعبداللهیان / أمير عبد اللهيان, عبدالله / عبد الله) meet in one key. A walk may start after
 * Arabic proclitics (و ف ب ل ك ال وال بال لل …) and end before Persian suffixes (ها های ی ای …),
 * and the longest match wins.
 */
import type { Token } from '../text/tokenize.ts';

interface Node<T> {
  /** Children by UTF-16 code unit (numbers hash faster than one-char strings). */
  next: Map<number, Node<T>>;
  values?: T[];
  /** A token of some indexed phrase ends here (a space in the phrase). */
  boundary?: boolean;
}

/** Shortest text token that may be joined to its neighbour inside one phrase token (compounds). */
const MIN_JOIN_CHARS = 3;

/** A match of a phrase over tokens [first, last] (inclusive). */
export interface TrieMatch<T> {
  first: number;
  last: number;
  /** Normalised chars stripped at the start of the first token (a proclitic). */
  prefix: number;
  /** Normalised chars left over at the end of the last token (a suffix). */
  suffix: number;
  values: T[];
}

/** Arabic proclitic sequences that may stand before a name, longest first. */
export const PROCLITICS = [
  'وبال',
  'فبال',
  'وال',
  'فال',
  'بال',
  'كال',
  'ولل',
  'فلل',
  'ال',
  'لل',
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
];

/** Suffixes that may follow a name inside its last token (Persian plural/ezafe/object, nisba). */
export const SUFFIXES = new Set(['ها', 'هاي', 'ي', 'اي', 'را', 'يها', 'يان', 'هايش', 'اش', 'يش']);

/** First letters of the proclitics: most tokens start with none of them. */
const PROCLITIC_FIRST = new Set(PROCLITICS.map((p) => p.charCodeAt(0)));
/** The walk from the token's start only (shared, never mutated). */
const ONLY_ZERO: readonly number[] = Object.freeze([0]);

/** Proclitic offsets at which a walk may start inside a token (always includes 0). */
export function procliticOffsets(token: string): readonly number[] {
  // A proclitic leaves at least two letters: tokens under three letters have none.
  if (token.length < 3 || !PROCLITIC_FIRST.has(token.charCodeAt(0))) return ONLY_ZERO;
  const out = [0];
  for (const p of PROCLITICS) {
    if (token.length - p.length >= 2 && token.startsWith(p)) out.push(p.length);
  }
  return out;
}

/** Concatenate normalised tokens into a trie key. */
export function keyOf(tokens: string[]): string {
  return tokens.join('');
}

/** Is a match ending at token `last` with `stripped` chars of affixes better than `best`? */
function isBetter<T>(best: TrieMatch<T> | undefined, last: number, stripped: number): boolean {
  return !best || last > best.last || (last === best.last && stripped < best.prefix + best.suffix);
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  /** Longest phrase, in tokens, ever added (bounds the walk). */
  maxTokens = 1;
  size = 0;

  /** Add a phrase given as normalised tokens. */
  add(tokens: string[], value: T): void {
    if (tokens.length === 0) return;
    const key = keyOf(tokens);
    if (key.length === 0) return;
    this.maxTokens = Math.max(this.maxTokens, tokens.length + 2);
    let node = this.root;
    for (let ti = 0; ti < tokens.length; ti++) {
      const tok = tokens[ti]!;
      for (let k = 0; k < tok.length; k++) {
        const ch = tok.charCodeAt(k);
        let n = node.next.get(ch);
        if (!n) {
          n = { next: new Map() };
          node.next.set(ch, n);
        }
        node = n;
      }
      if (ti < tokens.length - 1) node.boundary = true;
    }
    if (!node.values) {
      node.values = [];
      this.size++;
    }
    node.values.push(value);
  }

  /**
   * Longest match starting at token `i` (after any proclitic when `clitics` is set), or undefined.
   * Among equally long matches, one without prefix/suffix stripping wins.
   */
  matchAt(tokens: Token[], i: number, clitics = true): TrieMatch<T> | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    // Most tokens start no indexed phrase, with or without a proclitic: leave at once.
    const offsets = clitics ? procliticOffsets(first.text) : ONLY_ZERO;
    let best: TrieMatch<T> | undefined;
    for (const p of offsets) {
      let node: Node<T> | undefined = this.root;
      for (let t = i; t < tokens.length && t < i + this.maxTokens && node; t++) {
        const tok = tokens[t]!.text;
        const from = t === i ? p : 0;
        for (let k = from; k < tok.length && node; k++) {
          node = node.next.get(tok.charCodeAt(k));
          if (node?.values && k + 1 < tok.length && clitics && SUFFIXES.has(tok.slice(k + 1))) {
            const suffix = tok.length - k - 1;
            if (isBetter(best, t, p + suffix)) {
              best = { first: i, last: t, prefix: p, suffix, values: node.values };
            }
          }
        }
        if (node?.values && isBetter(best, t, p)) {
          best = { first: i, last: t, prefix: p, suffix: 0, values: node.values };
        }
        // Crossing into the next text token in the middle of a phrase token joins a compound
        // («امیر عبداللهیان» for «امیرعبداللهیان»): only between words of 3+ letters, so that
        // «الروسي في» never reads as «روسيف».
        const next = tokens[t + 1];
        if (
          node &&
          !node.boundary &&
          next &&
          (tok.length - from < MIN_JOIN_CHARS || next.text.length < MIN_JOIN_CHARS)
        ) {
          break;
        }
      }
    }
    return best;
  }

  /** Greedy left-to-right longest matches over all tokens. */
  matchAll(tokens: Token[], clitics = true): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.matchAt(tokens, i, clitics);
      if (m) {
        out.push(m);
        i = m.last + 1;
      } else i++;
    }
    return out;
  }
}
