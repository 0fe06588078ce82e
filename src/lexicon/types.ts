/**
 * lexicon/types — the loaded, validated lexicon that the matcher and resolver use.
 */
import type { EntityKind, Names, OfficePhrases, OfficeTerm } from './schema.ts';

export type { EntityKind, Names, OfficePhrases, OfficeTerm };

/** One actor of the lexicon, whatever file (or package) it came from. */
export interface LexEntity {
  id: string;
  kind: EntityKind;
  label: string;
  labels: { en?: string; ar?: string; fa?: string };
  names: Names;
  /** Surnames / short references. */
  short: Names;
  /** Demonyms / nisba adjectives (countries only). */
  demonyms: Names;
  /** Latin acronyms matched case-sensitively. */
  acronyms: string[];
  offices: OfficeTerm[];
  /** Country of an organisation or place. */
  country?: string;
  capital?: boolean;
  wikidata?: string;
  /** File the entry came from (last one wins). */
  file: string;
}

export interface Lexicon {
  entities: Map<string, LexEntity>;
  offices: OfficePhrases[];
  /** Files read, in order. */
  files: string[];
}

/** A validation problem in a lexicon file. */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`lexicon: ${file}: ${message}`);
    this.name = 'LexiconError';
  }
}
