/**
 * extract/candidates — names of actors not in the lexicon, read from the tokens next to an
 * office cue («وزير الخارجية الجيبوتي محمود علي يوسف», "Foreign Minister Jane Doe of X"),
 * and the keys that let candidates from different articles and scripts merge.
 */
import { normalizeString } from '../text/normalize.ts';
import type { Token } from '../text/tokenize.ts';

/** Words that end (or cannot start) a name after a cue, in ar / fa / en (normalised forms). */
const STOP = new Set(
  (
    'في الى من عن مع بشان حول ان الذي التي الذين اليوم امس غدا خلال قال قالت اكد اكدت اعلن اعلنت بحث بحثت التقي التقى استقبل اجري اجرى يبحث يلتقي يجري تلقي تلقى وصل زار دعا دعت كما وقد قد لدى عبر بعد قبل منذ ضمن اثناء هاتفيا هاتفي ' +
    'رئيس وزير وزيره سفير الرئيس الوزير السفير نائب مساعد المتحدث باسم الخارجيه الخارجية الدوله جمهوريه جمهورية المملكه ' +
    'در با به از که را و این آن اين ان امروز دیروز ديروز امشب روز گفت کرد كرد کرده كرده است اعلام تاکید تاكيد گفتگو گفتگوي دیدار ديدار طي طی ضمن برای براي سفر وزير وزیر رييس رئيس سخنگوي نماينده نماینده همتاي جمهوري اسلامي ' +
    'نظيره نظيرته نظيريه المنتهيه ولايته انذاك السابق الاسبق الحالي الجديد المكلف بالوكاله الموقت المؤقت العام الخاص الدائم لشوون بشوون شوون الشوون امور الاحتلال ' +
    'همتاي همتايش سابق پيشين فعلي جديد كشور كشورهاي دولت ' +
    'the of and in on at to with for said says told met held spoke during after before by from his her their its as who which that has have had will would was is'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => normalizeString(w)),
);

/** Function words whose original spelling ends in ى, which folds onto names («على» vs «علي»). */
const RAW_STOP = new Set(['على', 'إلى', 'الى', 'لدى', 'حتى', 'متى', 'وعلى', 'وإلى']);

/** Honorifics that stand before a name and are not part of it. */
const TITLES = new Set(
  [
    'الشيخ',
    'الامير',
    'السيد',
    'السيده',
    'الدكتور',
    'د',
    'اللواء',
    'الفريق',
    'العقيد',
    'المشير',
    'اقاي',
    'خانم',
    'دكتر',
    'سردار',
    'ايتالله',
    'حجتالاسلام',
    'mr',
    'mrs',
    'ms',
    'dr',
    'sheikh',
    'prince',
  ].map((w) => normalizeString(w)),
);

const LATIN = /^[a-z]/;

/**
 * Read a name of 2–4 tokens starting at token `i` (direction +1) or ending at token `i`
 * (direction −1). Stops at punctuation between tokens, stop words and known entities.
 * Returns the token span or undefined.
 */
export function readName(
  tokens: Token[],
  i: number,
  direction: 1 | -1,
  normText: string,
  origText: string,
  map: Int32Array,
  isTaken: (t: number) => boolean,
): [number, number] | undefined {
  const span: number[] = [];
  while (i >= 0 && i < tokens.length && TITLES.has(tokens[i]!.text)) i += direction;
  for (let t = i; t >= 0 && t < tokens.length && span.length < 4; t += direction) {
    const tok = tokens[t]!;
    const bare = tok.text.startsWith('و') ? tok.text.slice(1) : tok.text;
    // «على» (on) and «علي» (Ali) fold to one form: the original spelling tells them apart.
    const raw = origText.slice(map[tok.start]!, map[tok.end - 1]! + 1);
    if (RAW_STOP.has(raw)) break;
    if (
      isTaken(t) ||
      STOP.has(tok.text) ||
      STOP.has(bare) ||
      /^\d/.test(tok.text) ||
      tok.text.length < 2
    )
      break;
    // «وتسلمه», «ويبحث»: a conjunction + imperfect verb ends the name; so does «والوفد».
    if (/^[وف][يتن]/.test(tok.text)) break;
    if (span.length > 0 && /^(وال|فال|وبال)/.test(tok.text)) break;
    if (span.length > 0) {
      const prev = tokens[t - direction]!;
      const [a, b] = direction === 1 ? [prev.end, tok.start] : [tok.end, prev.start];
      if (/[^\s-]/.test(normText.slice(a, b))) break;
    }
    // Latin names must be capitalised in the original text.
    if (LATIN.test(tok.text)) {
      const ch = origText[map[tok.start]!] ?? '';
      if (ch === ch.toLowerCase()) break;
    }
    span.push(t);
  }
  if (span.length < 2) return undefined;
  const ordered = direction === 1 ? span : [...span].reverse();
  const first = tokens[ordered[0]!]!.text;
  // An Arabic given name does not start with the article or a conjunction + article.
  if (/^(ال|وال|فال|بال|لل|و?رييس|و?وزير)/.test(first)) return undefined;
  // Plural nouns and verb forms are not names.
  if (
    ordered.some(
      (t) =>
        /^(ي|ت)\S{3,}(ون|ان|ين)$/.test(tokens[t]!.text) || /(ات|هاي|ها)$/.test(tokens[t]!.text),
    )
  )
    return undefined;
  return direction === 1 ? [span[0]!, span[span.length - 1]!] : [span[span.length - 1]!, span[0]!];
}

/** Arabic/Persian letters → Latin consonant classes (vowel letters dropped). */
const SKELETON: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  ث: 's',
  س: 's',
  ص: 's',
  ش: 'sh',
  ج: 'g',
  غ: 'g',
  گ: 'g',
  ق: 'k',
  ك: 'k',
  خ: 'k',
  ح: 'h',
  ه: 'h',
  د: 'd',
  ض: 'd',
  ذ: 'z',
  ز: 'z',
  ظ: 'z',
  ژ: 'z',
  ر: 'r',
  ف: 'f',
  ل: 'l',
  م: 'm',
  ن: 'n',
  چ: 'ch',
};

/**
 * Consonant skeleton of a normalised name, comparable across scripts:
 * «محمود علي يوسف» and "Mahmoud Ali Youssouf" → "mhmd l sf"-like keys.
 */
export function skeleton(norm: string): string {
  const words = norm.split(/\s+/).filter(Boolean);
  return words
    .map((w) => {
      let out = '';
      if (/^[a-z]/.test(w)) {
        out = w
          .replace(/kh/g, 'k')
          .replace(/gh/g, 'g')
          .replace(/[jq]/g, (c) => (c === 'j' ? 'g' : 'k'))
          .replace(/c/g, 'k')
          .replace(/[aeiouyw']/g, '')
          .replace(/v/g, 'f')
          .replace(/p/g, 'b');
      } else {
        for (const ch of w) out += SKELETON[ch] ?? '';
      }
      return out.replace(/(.)\1+/g, '$1');
    })
    .filter(Boolean)
    .join(' ');
}

/** ASCII slug of a name (transliterated by skeleton letters when not Latin). */
export function slugify(name: string): string {
  const latin = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return latin;
}
