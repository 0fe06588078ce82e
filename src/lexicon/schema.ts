/**
 * lexicon/schema — zod schemas for the lexicon data files (data/lexicon/*.yaml and
 * user files given with `--lexicon`). The lexicon is data, not code: every entry is
 * validated here, and a bad entry is reported with its file and index.
 */
import { z } from 'zod';

export const ENTITY_KINDS = ['person', 'country', 'organization', 'conflict', 'place'] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

/** Entity ids carry their kind: person:sergey-lavrov, country:RU, org:arab-league, conflict:…, place:…. */
export const EntityId = z
  .string()
  .regex(
    /^(person|country|org|conflict|place):[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'ids look like person:sergey-lavrov, country:RU, org:arab-league, conflict:gaza-war, place:gaza-strip',
  );

const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');

/** Names per language: every surface form a writer in that language may use. */
export const Names = z
  .object({
    en: z.array(z.string().min(1)).default([]),
    ar: z.array(z.string().min(1)).default([]),
    fa: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Names = z.infer<typeof Names>;

/**
 * Office keys used across the project. Lexicon offices and text cues map onto these.
 */
export const OFFICES = [
  'head_of_state',
  'president',
  'vice_president',
  'king',
  'emir',
  'crown_prince',
  'supreme_leader',
  'head_of_government',
  'prime_minister',
  'foreign_minister',
  'deputy_foreign_minister',
  'defense_minister',
  'spokesperson',
  'ambassador',
  'envoy',
  'secretary_general',
  'high_representative',
  'chair',
  'national_security_adviser',
  'minister',
  'leader',
] as const;
export const Office = z.enum(OFFICES);
export type Office = z.infer<typeof Office>;

/** A dated office: `office` of `of` (a country or organisation id), from/to inclusive, `to` absent = still in office. */
export const OfficeTerm = z
  .object({
    office: Office,
    of: EntityId,
    from: IsoDate,
    to: IsoDate.optional(),
    /** Acting / caretaker holder. */
    acting: z.boolean().optional(),
  })
  .strict();
export type OfficeTerm = z.infer<typeof OfficeTerm>;

const EntityBase = {
  id: EntityId,
  label: z.string().min(1),
  names: Names,
  /** Short references that only count after the full name appeared in the same article (surnames). */
  short: Names.optional(),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  note: z.string().optional(),
};

export const PersonEntry = z
  .object({
    ...EntityBase,
    kind: z.literal('person'),
    gender: z.enum(['m', 'f']).optional(),
    offices: z.array(OfficeTerm).default([]),
  })
  .strict();

export const OrganizationEntry = z
  .object({
    ...EntityBase,
    kind: z.literal('organization'),
    /** Country the organisation belongs to (ministries, agencies, parties), if any. */
    country: EntityId.optional(),
    /** acronym-like names that must match case-sensitively in English (UN, EU, NATO). */
    acronyms: z.array(z.string()).default([]),
  })
  .strict();

export const ConflictEntry = z
  .object({
    ...EntityBase,
    kind: z.literal('conflict'),
    /** Countries or organisations that are parties. */
    parties: z.array(EntityId).default([]),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .strict();

export const PlaceEntry = z
  .object({
    ...EntityBase,
    kind: z.literal('place'),
    country: EntityId.optional(),
    /** Capital / seat of government of `country` (metonymy: «موسكو» may stand for Russia). */
    capital: z.boolean().optional(),
  })
  .strict();

/** Supplement to the country names that come from i18n-iso-countries. */
export const CountryEntry = z
  .object({
    id: EntityId,
    kind: z.literal('country'),
    label: z.string().optional(),
    /** Extra names: short and common forms (أمريكا، الولايات المتحدة، آمریکا). */
    names: Names.default({ en: [], ar: [], fa: [] }),
    /**
     * Demonyms / nisba adjectives in all genders and numbers (الروسي، الروسية، الروس، روسی، Russian).
     * They mark the country in office phrases («وزير الخارجية الروسي») and count as a mention of it.
     */
    demonyms: Names.default({ en: [], ar: [], fa: [] }),
    note: z.string().optional(),
  })
  .strict();

export const LexiconEntry = z.discriminatedUnion('kind', [
  PersonEntry,
  OrganizationEntry,
  ConflictEntry,
  PlaceEntry,
  CountryEntry,
]);
export type LexiconEntry = z.infer<typeof LexiconEntry>;
export type PersonEntry = z.infer<typeof PersonEntry>;
export type OrganizationEntry = z.infer<typeof OrganizationEntry>;
export type ConflictEntry = z.infer<typeof ConflictEntry>;
export type PlaceEntry = z.infer<typeof PlaceEntry>;
export type CountryEntry = z.infer<typeof CountryEntry>;

/**
 * Office phrasings: how each language writes an office title. Used for cue discovery
 * («وزير الخارجية X») and for resolving an office without a name to its holder.
 */
export const OfficePhrases = z
  .object({
    office: Office,
    /** Phrases per language, e.g. ar: [وزير الخارجية, وزير خارجية], fa: [وزیر امور خارجه]. */
    names: Names,
    /** Which kind of body the office belongs to. */
    of: z.enum(['country', 'organization']).default('country'),
  })
  .strict();
export type OfficePhrases = z.infer<typeof OfficePhrases>;

/** A lexicon file: a YAML/JSON document with any of these lists. */
export const LexiconFile = z
  .object({
    entities: z.array(z.unknown()).default([]),
    offices: z.array(z.unknown()).default([]),
    /**
     * Names to drop from an entity (e.g. a country name from i18n-iso-countries that is also a
     * common word: «مالي» "financial" for Mali). Applied after every file is read.
     */
    remove: z.array(z.unknown()).default([]),
  })
  .strict();

export const RemoveNames = z
  .object({ id: EntityId, names: Names, note: z.string().optional() })
  .strict();
export type RemoveNames = z.infer<typeof RemoveNames>;
