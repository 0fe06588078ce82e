/**
 * text/tokenize — word tokens over normalised text (letters, marks and digits), with offsets.
 */

/** A token: [start, end) offsets in the normalised text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Split normalised text into word tokens (punctuation and spaces separate tokens). */
export function tokenize(normText: string, from = 0, to = normText.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(normText); m !== null && m.index < to; m = WORD.exec(normText)) {
    const end = Math.min(m.index + m[0].length, to);
    tokens.push({ text: normText.slice(m.index, end), start: m.index, end });
  }
  return tokens;
}
