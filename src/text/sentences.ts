/**
 * text/sentences — sentence spans inside a stretch of the original text. Ends: . ! ? ؟ ؛ and line
 * breaks, taking closing quotes and brackets along. Not ends: decimals and dotted numbers
 * («3.5», «1.4.2024»), list numbers at the start of a line («1.»), abbreviations (Mr., U.S.,
 * Jan., single initials, Arabic «د.» «م.»), dot runs («..» — Arabic headline separators — and
 * «...»), dots inside Latin words (example.com).
 */

/** A sentence: [start, end) offsets into the original text, trimmed. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm gov sen rep pres amb no nos vs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est fig approx mt ' +
    'u.s u.k u.n e.u u.s.a a.m p.m e.g i.e al'
  ).split(' '),
);

const CLOSERS = new Set(['"', "'", '»', '”', '’', ')', ']', '}', '›']);
const SPACE = /[\s\u00a0\u200c-\u200f\ufeff]/;
const WORDCHAR = /[\p{L}\p{N}\p{M}]/u;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

/** The word (letters, digits and inner dots) just before index `i`. */
function wordBefore(text: string, i: number, from: number): string {
  let j = i;
  while (j > from && (WORDCHAR.test(text[j - 1]!) || text[j - 1] === '.')) j--;
  return text.slice(j, i);
}

/** Is the dot at `i` the end of a sentence? */
function dotEnds(text: string, i: number, from: number, lineStart: number): boolean {
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  // «..» before «و» + a new clause in an Arabic headline («يلتقي زيلينسكي.. والسيسي يجتمع
  // بالأسد») ends the first clause, at its second dot; «روسيا والصين.. تحالف جديد» (a pause),
  // «...» (an ellipsis) and a lone first dot do not.
  if (prev === '.' && next !== '.' && text[i - 2] !== '.' && /\s/.test(next)) {
    return /[\u0600-\u06ff]/.test(text[i - 2] ?? '') && /^\s+و\S/.test(text.slice(i + 1, i + 4));
  }
  if (next === '.' || prev === '.') return false; // «...», the first dot of «..»
  if (DIGIT.test(prev) && DIGIT.test(next)) return false; // 3.5, 1.4.2024
  const word = wordBefore(text, i, from);
  const bare = word.replace(/^\.+/, '');
  if (DIGIT.test(prev)) {
    // «1.» at the start of a line is a list number, not a sentence end.
    const before = text.slice(lineStart, i - bare.length);
    if (/^[\s•·\-–—*]*$/.test(before) && bare.length <= 3) return false;
  }
  if (LATIN.test(prev)) {
    if (ABBREVIATIONS.has(bare.toLowerCase())) return false;
    if (/^[A-Z]$/.test(bare)) return false; // initial: «J. Smith»
    if (/^([A-Za-z]\.)+[A-Za-z]$/.test(bare)) return false; // U.S, e.g
    if (LATIN.test(next)) return false; // example.com
  } else if (/^[\u0600-\u06ff]$/.test(bare) && !WORDCHAR.test(next)) {
    return false; // Arabic single-letter abbreviation: «د.» «م.» «ق.»
  }
  return true;
}

/**
 * Split `text[from, to)` into sentences. Every returned span is trimmed and contains at least one
 * letter or digit; spans never cross a line break.
 */
export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = from;
  let lineStart = from;
  const push = (a: number, b: number) => {
    while (a < b && SPACE.test(text[a]!)) a++;
    while (b > a && SPACE.test(text[b - 1]!)) b--;
    if (b > a && /[\p{L}\p{N}]/u.test(text.slice(a, b))) out.push({ start: a, end: b });
  };
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    let ends = false;
    if (ch === '\n') {
      push(start, i);
      start = i + 1;
      lineStart = i + 1;
      continue;
    }
    if (ch === '.') ends = dotEnds(text, i, from, lineStart);
    else if (ch === '!' || ch === '?' || ch === '؟' || ch === '؛') ends = true;
    if (!ends) continue;
    let j = i + 1;
    while (j < to && (text[j] === '!' || text[j] === '?' || text[j] === '؟' || text[j] === '.'))
      j++;
    while (j < to && CLOSERS.has(text[j]!)) j++;
    // A quote closed after the stop belongs to this sentence only when no word follows it directly.
    if (j < to && !SPACE.test(text[j]!) && WORDCHAR.test(text[j]!) && LATIN.test(text[j]!))
      continue;
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, to);
  return out;
}
