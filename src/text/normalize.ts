/**
 * text/normalize — one matching form for Arabic, Persian and English text, with an offset
 * map back to the original so that evidence is always cut from the original script.
 *
 * Folds: hamza/alef forms (أ إ آ ٱ → ا, ؤ → و, ئ → ي, ۀ → ه), ي/ی/ى → ي, ك/ک → ك, ة → ه,
 * removes tashkeel, tatweel, ZWNJ/ZWJ and bidi marks, maps Arabic-Indic and Persian digits
 * to ASCII, Arabic punctuation to ASCII and guillemets to quotes, and lower-cases Latin.
 */
import type { NormalizedText } from './types.ts';

const FOLD = new Map<number, string>();
const fold = (chars: string, to: string) => {
  for (const ch of chars) FOLD.set(ch.codePointAt(0)!, to);
};
fold('أإآٱٲٳ', 'ا');
fold('ؤ', 'و');
fold('ئ', 'ي');
fold('یىۍېے', 'ي');
fold('کڪ', 'ك');
fold('ةۀۃھ', 'ه');
fold('،', ',');
fold('؛', ';');
fold('؟', '?');
fold('«»“”„″', '"');
fold('‘’‚′', "'");
fold('٪', '%');
fold('–—−', '-');
fold('\u00a0\u2007\u202f\u2009\u200a\u2002\u2003', ' ');
for (let d = 0; d < 10; d++) {
  FOLD.set(0x0660 + d, String(d));
  FOLD.set(0x06f0 + d, String(d));
}

/** True for code points dropped from the matching form. */
function isDropped(cp: number): boolean {
  return (
    (cp >= 0x064b && cp <= 0x065f) || // tashkeel
    cp === 0x0670 || // superscript alef
    cp === 0x0640 || // tatweel
    (cp >= 0x06d6 && cp <= 0x06ed) || // Quranic marks
    cp === 0x200c || // ZWNJ
    cp === 0x200d || // ZWJ
    cp === 0x200b || // zero width space
    cp === 0x200e || // LRM
    cp === 0x200f || // RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff || // BOM
    cp === 0x00ad // soft hyphen
  );
}

/**
 * Normalise text for matching. `map[i]` is the offset in `text` of normalised char i;
 * `map[result.length]` is `text.length`. Characters only fold or drop, never expand
 * (astral characters keep both code units), so the map is monotone.
 */
export function normalize(text: string): NormalizedText {
  const out: string[] = [];
  const map = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (isDropped(cp)) continue;
    const f = FOLD.get(cp);
    let ch: string;
    if (f !== undefined) ch = f;
    else if (cp < 0x80) ch = cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : text[i]!;
    else if (cp >= 0xc0 && cp < 0x250) ch = text[i]!.toLowerCase().normalize('NFD')[0]!;
    else ch = text[i]!;
    out.push(ch);
    map[n++] = i;
  }
  map[n] = text.length;
  return { text: out.join(''), map: map.slice(0, n + 1) };
}

/** Normalise a short string (a name, a query) without keeping the map. */
export function normalizeString(s: string): string {
  return normalize(s).text.replace(/\s+/g, ' ').trim();
}

/** Original [start, end) span for a normalised [start, end) span. */
export function toOriginal(norm: NormalizedText, start: number, end: number): [number, number] {
  const s = norm.map[start] ?? norm.map[norm.map.length - 1]!;
  // end is exclusive: take the original offset of the last char + 1 (and its trailing dropped marks are excluded).
  const e = end > start ? norm.map[end - 1]! + 1 : s;
  return [s, e];
}
