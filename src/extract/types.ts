/**
 * extract/types — mentions of actors and office phrases found in one article.
 */
import type { EntityKind } from '../lexicon/schema.ts';

/** How a mention was recognised. */
export type MentionVia =
  | 'name'
  | 'short'
  | 'demonym'
  | 'acronym'
  | 'office'
  | 'counterpart'
  | 'cue'
  | 'coref'
  /** «العاصمة العراقية», «پایتخت ایران»: a country's capital named by description. */
  | 'capital';

/** One mention of an actor, with offsets into the original article text. */
export interface Mention {
  entity: string;
  kind: EntityKind;
  start: number;
  end: number;
  /** Original text of the mention (proclitics trimmed where they could be). */
  surface: string;
  sentence: number;
  segment: number;
  paragraph: number;
  /** In the article's own text (headline, lead, body) — not teasers, tags, source lines, footers. */
  main: boolean;
  via: MentionVia;
  /** Token span in the normalised text (internal; used for adjacency). */
  tFirst: number;
  tLast: number;
}

/** An office phrase («وزير الخارجية الروسي», «وزیر امور خارجه», "foreign minister"). */
export interface OfficeMention {
  office: string;
  /** Country or organisation the phrase names (demonym or name next to it). */
  of?: string;
  /** Person the phrase refers to: the name next to it, or the holder on the article's date. */
  person?: string;
  /** How `person` was found. */
  personVia?: 'adjacent' | 'holder' | 'counterpart' | 'candidate' | 'coref';
  start: number;
  end: number;
  sentence: number;
  segment: number;
  main: boolean;
  plural: boolean;
  counterpart: boolean;
  tFirst: number;
  tLast: number;
}

/** A person discovered from a cue phrase, not in the lexicon. */
export interface Candidate {
  id: string;
  name: string;
  /** Normalised name (for merging). */
  key: string;
  /** Latin consonant skeleton (for cross-script merging). */
  skeleton: string;
  office: string;
  of?: string;
  lang: string;
}

export interface ArticleExtraction {
  mentions: Mention[];
  offices: OfficeMention[];
  candidates: Candidate[];
  /** Office terms of the persons named in the main text (pin dates without a year). */
  terms: { from: string; to?: string }[];
}
