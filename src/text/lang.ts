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

/**
 * Detect the language of a text. Arabic-script text is Arabic or Persian, Latin-script text with
 * English function words is English; anything else (other scripts, French, digits only) is
 * `other`. Confidence 0 means no evidence at all.
 */
export function detectLanguage(text: string): LangGuess {
  let arabicScript = 0;
  let latin = 0;
  let otherLetters = 0;
  let faLetters = 0; // پ چ ژ گ
  let faForms = 0; // ک ی (Persian code points)
  let arLetters = 0; // ة ى
  let arForms = 0; // ي ك (Arabic code points)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
      continue;
    }
    if (c >= 0x0620 && c <= 0x06ff) {
      if (c >= 0x064b && c <= 0x065f) continue; // tashkeel
      if (c >= 0x0660 && c <= 0x0669) continue; // digits
      if (c >= 0x06f0 && c <= 0x06f9) continue;
      if (c === 0x0640) continue;
      arabicScript++;
      if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af) faLetters++;
      else if (c === 0x06a9 || c === 0x06cc) faForms++;
      else if (c === 0x0629 || c === 0x0649) arLetters++;
      else if (c === 0x064a || c === 0x0643) arForms++;
    } else if ((c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) arabicScript++;
    else if (c >= 0xc0 && c < 0x250) latin++;
    else if (/\p{L}/u.test(text[i]!)) otherLetters++;
  }
  const letters = arabicScript + latin + otherLetters;
  if (letters === 0) return { lang: 'other', confidence: 0 };

  if (arabicScript >= latin && arabicScript >= otherLetters) {
    let faWords = 0;
    let arWords = 0;
    let alPrefix = 0;
    let tokens = 0;
    for (const m of text.matchAll(TOKEN)) {
      const t = m[0].replace(/[\u064b-\u065f\u0640]/g, '');
      tokens++;
      const bare = t.replace(/\u200c/g, '');
      if (
        FA_WORDS.has(bare) ||
        t.startsWith('می\u200c') ||
        t.startsWith('نمی\u200c') ||
        /\u200cها(ی)?$/.test(t)
      ) {
        faWords++;
      }
      if (AR_WORDS.has(bare)) arWords++;
      if (bare.length > 3 && /^(ال|وال|بال|فال|لل)/.test(bare)) alPrefix++;
    }
    const fa = 3 * faWords + 1.5 * faLetters + 0.5 * faForms;
    const ar = 3 * arWords + 1.5 * arLetters + 0.3 * arForms + 1.5 * alPrefix;
    const script = arabicScript / letters;
    if (fa + ar === 0) return { lang: 'ar', confidence: r2(0.2 * script * saturate(tokens, 3)) };
    const margin = Math.abs(fa - ar) / (fa + ar);
    const confidence = r2(margin * saturate(fa + ar, 4) * script);
    return { lang: fa > ar ? 'fa' : 'ar', confidence };
  }

  if (latin >= otherLetters) {
    let tokens = 0;
    let en = 0;
    for (const m of text.matchAll(/[A-Za-z]+/g)) {
      tokens++;
      if (EN_WORDS.has(m[0].toLowerCase())) en++;
    }
    const rate = tokens === 0 ? 0 : en / tokens;
    const script = latin / letters;
    if (rate >= 0.08) {
      return { lang: 'en', confidence: r2(Math.min(1, rate * 5) * saturate(tokens, 6) * script) };
    }
    return { lang: 'other', confidence: r2((1 - rate * 5) * saturate(tokens, 12) * script) };
  }
  return { lang: 'other', confidence: r2(otherLetters / letters) };
}
