/**
 * lexicon/matcher — builds, once per lexicon, the tries the extractor walks: entity names
 * (with short forms, demonyms and acronyms), office phrases, and the counterpart words
 * («نظيره», «همتای», "counterpart").
 */
import { PhraseTrie, type TrieMatch } from './trie.ts';
import type { LexEntity, Lexicon } from './types.ts';
import { nameTokens, nameVariants } from './variants.ts';

/** What a matched entity phrase stands for. */
export interface EntityHit {
  id: string;
  via: 'name' | 'short' | 'demonym' | 'acronym';
  /** For acronyms: the exact case-sensitive form the original text must show. */
  exact?: string;
}

export interface OfficeHit {
  office: string;
  of: 'country' | 'organization';
  /** Plural/dual phrase naming several office holders («وزراء خارجية», «وزرای خارجه»). */
  plural: boolean;
}

export interface CounterpartHit {
  counterpart: true;
}

export interface Matcher {
  lexicon: Lexicon;
  entities: PhraseTrie<EntityHit>;
  offices: PhraseTrie<OfficeHit>;
  counterparts: PhraseTrie<CounterpartHit>;
  /** Office holders by `${office}|${of}`, for resolving an office to a person by date. */
  holders: Map<string, { person: string; from: string; to?: string }[]>;
  /** Bodies (countries, organisations) that have each office, sorted. */
  bodiesOf: Map<string, string[]>;
}

export type { TrieMatch };

/** Tokens too short or too common to be indexed alone as a short reference. */
const MIN_SHORT_CHARS = 4;

/** Plural and dual office words (normalised): «وزراء», «وزيرا», «رؤساء», «سفراء», «وزرای», «نخست‌وزیران», "ministers". */
const PLURAL_HINT =
  /^(ال)?(وزرا|وزيرا|وزيري|روسا|رييسا|سفرا|سفيرا|قاده|زعما|نواب|متحدثون)|^(وزراي|روساي|سفراي|نخستوزيران|وزيران|رهبران)|(ministers|presidents|leaders|ambassadors|envoys)$/;

const COUNTERPARTS = [
  'نظيره',
  'نظيرته',
  'نظيريه',
  'نظيرها',
  'نظرائه',
  'نظيرة',
  'همتاي',
  'همتايش',
  'همتايان',
  'counterpart',
  'counterparts',
];

function indexEntity(trie: PhraseTrie<EntityHit>, e: LexEntity): void {
  const personLike = e.kind === 'person';
  for (const lang of ['en', 'ar', 'fa'] as const) {
    const translit = personLike && lang !== 'en';
    for (const name of e.names[lang]) {
      for (const seq of nameVariants(name, translit)) trie.add(seq, { id: e.id, via: 'name' });
    }
    for (const name of e.short[lang]) {
      for (const seq of nameVariants(name, translit)) {
        // Latin surnames are matched only capitalised, so "Xi" and "Li" are safe; Arabic-script
        // ones need four letters.
        if (seq.join('').length >= (lang === 'en' ? 2 : MIN_SHORT_CHARS))
          trie.add(seq, { id: e.id, via: 'short' });
      }
    }
    for (const name of e.demonyms[lang]) {
      for (const seq of nameVariants(name, false)) trie.add(seq, { id: e.id, via: 'demonym' });
    }
  }
  for (const a of e.acronyms) {
    const seq = nameTokens(a);
    if (seq.length > 0) trie.add(seq, { id: e.id, via: 'acronym', exact: a });
  }
}

/** Build the matcher for a lexicon (done once; the tries are read-only afterwards). */
export function buildMatcher(lexicon: Lexicon): Matcher {
  const entities = new PhraseTrie<EntityHit>();
  for (const e of [...lexicon.entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    indexEntity(entities, e);
  }
  const offices = new PhraseTrie<OfficeHit>();
  for (const o of lexicon.offices) {
    for (const lang of ['en', 'ar', 'fa'] as const) {
      for (const phrase of o.names[lang]) {
        const seq = nameTokens(phrase);
        if (seq.length === 0) continue;
        offices.add(seq, { office: o.office, of: o.of, plural: PLURAL_HINT.test(seq.join(' ')) });
        if (seq[0]!.startsWith('ال') && seq[0]!.length >= 5) {
          offices.add([seq[0]!.slice(2), ...seq.slice(1)], {
            office: o.office,
            of: o.of,
            plural: PLURAL_HINT.test(seq.join(' ')),
          });
        }
      }
    }
  }
  const counterparts = new PhraseTrie<CounterpartHit>();
  for (const c of COUNTERPARTS) counterparts.add(nameTokens(c), { counterpart: true });
  const holders = new Map<string, { person: string; from: string; to?: string }[]>();
  for (const e of lexicon.entities.values()) {
    for (const t of e.offices) {
      const key = `${t.office}|${t.of}`;
      const list = holders.get(key) ?? [];
      list.push({ person: e.id, from: t.from, ...(t.to ? { to: t.to } : {}) });
      holders.set(key, list);
    }
  }
  for (const list of holders.values())
    list.sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : a.person < b.person ? -1 : 1,
    );
  const bodiesOf = new Map<string, string[]>();
  for (const key of holders.keys()) {
    const [office, of] = key.split('|') as [string, string];
    bodiesOf.set(office, [...(bodiesOf.get(office) ?? []), of].sort());
  }
  return { lexicon, entities, offices, counterparts, holders, bodiesOf };
}
