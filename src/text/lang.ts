/**
 * text/lang — which language a text is in: Arabic, Persian, English or other, with a confidence
 * in [0, 1]. Script first (Arabic script vs Latin vs anything else); within the Arabic script,
 * Persian letters (پ چ ژ گ and the Persian ک ی), Persian function words (است، این، را، می‌…،
 * …‌های) against Arabic letters (ة ى), the rate of the ال- prefix and Arabic function words
 * (في، من، التي، الذي). The confidence grows with the margin and with the amount of evidence,
 * so a three-word headline is less certain than a paragraph.
 */
import type { Lang } from './types.ts';

export interface LangGuess {
  lang: Lang;
  confidence: number;
}

const FA_WORDS = new Set(
  'است این را که از با برای شد کرد بود آن یک وی هم نیز های ها می نمی خود شده کند کرده دارد باید بین پس هر اما تا ایران همچنین'.split(
    ' ',
  ),
);
const AR_WORDS = new Set(
  'في من التي الذي الذين على إلى الى أن ان عن مع هذا هذه كان قد لم لن ما بين وقال وأضاف حيث كما ذلك بعد منذ أيضا عام'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the of and to in is was for on with that said by at from as his her has have it an be are were this which not after'.split(
    ' ',
  ),
);

const TOKEN = /[\p{L}\p{M}\u200c]+/gu;

/** Round to 2 decimals (confidences are for people to read, and must be byte-stable). */
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Saturating evidence curve: 0 → 0, k → 0.63, 3k → 0.95. */
const saturate = (x: number, k: number) => 1 - Math.exp(-x / k);

/** Additive evidence counts of a text (so a whole article is the sum of its paragraphs). */
export interface LangStats {
  arabicScript: number;
  latin: number;
  otherLetters: number;
  faLetters: number;
  faForms: number;
  arLetters: number;
  arForms: number;
  faWords: number;
  arWords: number;
  alPrefix: number;
  arTokens: number;
  latinTokens: number;
  enWords: number;
}

const ZERO: LangStats = {
  arabicScript: 0,
  latin: 0,
  otherLetters: 0,
  faLetters: 0,
  faForms: 0,
  arLetters: 0,
  arForms: 0,
  faWords: 0,
  arWords: 0,
  alPrefix: 0,
  arTokens: 0,
  latinTokens: 0,
  enWords: 0,
};

/** Sum of stats. */
export function addLangStats(...all: LangStats[]): LangStats {
  const out = { ...ZERO };
  for (const st of all) for (const k of Object.keys(out) as (keyof LangStats)[]) out[k] += st[k];
  return out;
}

const TASHKEEL = /[\u064b-\u065f\u0640]/g;
const OTHER_LETTER = /\p{L}/u;

/** Count the evidence in a text. */
export function langStats(text: string): LangStats {
  const st = { ...ZERO };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) st.latin++;
      continue;
    }
    if (c >= 0x0620 && c <= 0x06ff) {
      if (c >= 0x064b && c <= 0x065f) continue; // tashkeel
      if (c >= 0x0660 && c <= 0x0669) continue; // digits
      if (c >= 0x06f0 && c <= 0x06f9) continue;
      if (c === 0x0640) continue;
      st.arabicScript++;
      if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af) st.faLetters++;
      else if (c === 0x06a9 || c === 0x06cc) st.faForms++;
      else if (c === 0x0629 || c === 0x0649) st.arLetters++;
      else if (c === 0x064a || c === 0x0643) st.arForms++;
    } else if ((c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) st.arabicScript++;
    else if (c >= 0xc0 && c < 0x250) st.latin++;
    else if (c !== 0x200c && c !== 0x200d && OTHER_LETTER.test(text[i]!)) st.otherLetters++;
  }
  if (st.arabicScript > 0) {
    for (const m of text.matchAll(TOKEN)) {
      let t = m[0];
      if (t.charCodeAt(0) < 0x0600) continue;
      if (TASHKEEL.test(t)) t = t.replace(TASHKEEL, '');
      TASHKEEL.lastIndex = 0;
      st.arTokens++;
      const bare = t.includes('\u200c') ? t.replace(/\u200c/g, '') : t;
      if (
        FA_WORDS.has(bare) ||
        t.startsWith('می\u200c') ||
        t.startsWith('نمی\u200c') ||
        t.endsWith('\u200cها') ||
        t.endsWith('\u200cهای')
      ) {
        st.faWords++;
      }
      if (AR_WORDS.has(bare)) st.arWords++;
      if (bare.length > 3 && /^(ال|وال|بال|فال|لل)/.test(bare)) st.alPrefix++;
    }
  }
  if (st.latin > 0) {
    for (const m of text.matchAll(/[A-Za-z]+/g)) {
      st.latinTokens++;
      if (EN_WORDS.has(m[0].toLowerCase())) st.enWords++;
    }
  }
  return st;
}

/** The language the counted evidence points to (see detectLanguage). */
export function guessLanguage(st: LangStats): LangGuess {
  const letters = st.arabicScript + st.latin + st.otherLetters;
  if (letters === 0) return { lang: 'other', confidence: 0 };
  if (st.arabicScript >= st.latin && st.arabicScript >= st.otherLetters) {
    const fa = 3 * st.faWords + 1.5 * st.faLetters + 0.5 * st.faForms;
    const ar = 3 * st.arWords + 1.5 * st.arLetters + 0.3 * st.arForms + 1.5 * st.alPrefix;
    const script = st.arabicScript / letters;
    if (fa + ar === 0)
      return { lang: 'ar', confidence: r2(0.2 * script * saturate(st.arTokens, 3)) };
    const margin = Math.abs(fa - ar) / (fa + ar);
    return { lang: fa > ar ? 'fa' : 'ar', confidence: r2(margin * saturate(fa + ar, 4) * script) };
  }
  if (st.latin >= st.otherLetters) {
    const rate = st.latinTokens === 0 ? 0 : st.enWords / st.latinTokens;
    const script = st.latin / letters;
    if (rate >= 0.08) {
      return {
        lang: 'en',
        confidence: r2(Math.min(1, rate * 5) * saturate(st.latinTokens, 6) * script),
      };
    }
    return {
      lang: 'other',
      confidence: r2((1 - rate * 5) * saturate(st.latinTokens, 12) * script),
    };
  }
  return { lang: 'other', confidence: r2(st.otherLetters / letters) };
}

/**
 * Detect the language of a text. Arabic-script text is Arabic or Persian, Latin-script text with
 * English function words is English; anything else (other scripts, French, digits only) is
 * `other`. Confidence 0 means no evidence at all.
 */
export function detectLanguage(text: string): LangGuess {
  return guessLanguage(langStats(text));
}
