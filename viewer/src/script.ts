/**
 * viewer/script — which way a string runs and which language its script suggests, from its first
 * strong letter, so labels and evidence are laid out right-to-left where they should be.
 */

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/u;
/** Letters Persian writes and Arabic does not (پ چ ژ گ ک ی and the Persian yeh/keheh forms). */
const PERSIAN_LETTER = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/u;

/** True when the first strong letter of `text` is right-to-left (Arabic, Persian, Hebrew…). */
export function isRtl(text: string): boolean {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return true;
    if (LTR_LETTER.test(ch)) return false;
  }
  return false;
}

/** 'rtl' or 'ltr' for a piece of text. */
export function textDirection(text: string): 'rtl' | 'ltr' {
  return isRtl(text) ? 'rtl' : 'ltr';
}

/** A BCP 47 language tag guessed from the script: fa, ar, or undefined (leave it to the page). */
export function guessLang(text: string): 'ar' | 'fa' | undefined {
  if (!isRtl(text)) return undefined;
  return PERSIAN_LETTER.test(text) ? 'fa' : 'ar';
}
