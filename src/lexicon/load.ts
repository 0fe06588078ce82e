/**
 * lexicon/load — reads the lexicon data files (YAML or JSON), validates every entry with the
 * zod schemas, adds country names in ar/fa/en from i18n-iso-countries, and merges user files
 * (`--lexicon`) over the built-in data: a later entry with the same id replaces fields it gives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { LexiconEntry, LexiconFile, OfficePhrases, RemoveNames } from './schema.ts';
import { type LexEntity, type Lexicon, LexiconError, type Names } from './types.ts';

const require = createRequire(import.meta.url);

/** The built-in data folder (data/lexicon at the repository root). */
export const BUILTIN_LEXICON_DIR = fileURLToPath(new URL('../../data/lexicon/', import.meta.url));

const emptyNames = (): Names => ({ en: [], ar: [], fa: [] });

function uniq(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter((x) => x.length > 0))];
}

function mergeNames(a: Names, b: Names | undefined): Names {
  if (!b) return a;
  return {
    en: uniq([...a.en, ...b.en]),
    ar: uniq([...a.ar, ...b.ar]),
    fa: uniq([...a.fa, ...b.fa]),
  };
}

/** Country entities for every ISO 3166-1 code, with official names in en/ar/fa. */
function isoCountries(): LexEntity[] {
  const countries = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(lang: string, o: { select: 'all' | 'official' }): Record<string, string[]>;
  };
  for (const lang of ['en', 'ar', 'fa']) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  }
  const en = countries.getNames('en', { select: 'all' });
  const ar = countries.getNames('ar', { select: 'all' });
  const fa = countries.getNames('fa', { select: 'all' });
  return Object.keys(en)
    .sort()
    .map((code) => {
      // Upper-case short English names (US, UK, UAE) match only as written, like acronyms:
      // "us" and "Us" are pronouns.
      const allEn = uniq(en[code] ?? []);
      const acronyms = allEn.filter((n) => SHOUTED.test(n));
      const names: Names = {
        en: allEn.filter((n) => !acronyms.includes(n)),
        ar: uniq(ar[code] ?? []),
        fa: uniq(fa[code] ?? []),
      };
      return {
        id: `country:${code}`,
        kind: 'country' as const,
        label: names.en[0] ?? code,
        labels: { en: names.en[0], ar: names.ar[0], fa: names.fa[0] },
        names,
        short: emptyNames(),
        demonyms: emptyNames(),
        acronyms,
        offices: [],
        file: 'i18n-iso-countries',
      };
    });
}

function listFiles(path: string): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (['.yaml', '.yml', '.json'].includes(extname(name).toLowerCase())) out.push(p);
  }
  return out;
}

function parseFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new LexiconError(file, `cannot parse: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Upper-case short English names (US, U.S., UK, UAE) match only as written, like acronyms. */
const SHOUTED = /^[A-Z.]{2,5}$/;

function toEntity(entry: LexiconEntry, file: string): LexEntity {
  const names = mergeNames(emptyNames(), entry.names);
  const shouted = names.en.filter((n) => SHOUTED.test(n));
  names.en = names.en.filter((n) => !SHOUTED.test(n));
  const base: LexEntity = {
    id: entry.id,
    kind: entry.kind,
    label: entry.label ?? entry.id,
    labels: { en: names.en[0], ar: names.ar[0], fa: names.fa[0] },
    names,
    short: emptyNames(),
    demonyms: emptyNames(),
    acronyms: shouted,
    offices: [],
    file,
  };
  switch (entry.kind) {
    case 'person':
      base.short = mergeNames(emptyNames(), entry.short);
      base.offices = entry.offices;
      if (entry.wikidata) base.wikidata = entry.wikidata;
      break;
    case 'organization':
      base.short = mergeNames(emptyNames(), entry.short);
      base.acronyms = uniq([...shouted, ...entry.acronyms]);
      if (entry.country) base.country = entry.country;
      if (entry.wikidata) base.wikidata = entry.wikidata;
      break;
    case 'conflict':
      base.short = mergeNames(emptyNames(), entry.short);
      break;
    case 'place':
      base.short = mergeNames(emptyNames(), entry.short);
      if (entry.country) base.country = entry.country;
      if (entry.capital) base.capital = true;
      break;
    case 'country':
      base.demonyms = mergeNames(emptyNames(), entry.demonyms);
      break;
  }
  return base;
}

/** Merge a later entry over an earlier one with the same id. */
function overlay(prev: LexEntity, next: LexEntity): LexEntity {
  return {
    ...prev,
    ...next,
    label: next.kind === 'country' && next.label === next.id ? prev.label : next.label,
    labels: {
      en: prev.kind === 'country' ? prev.labels.en : next.labels.en,
      ar: prev.kind === 'country' ? prev.labels.ar : next.labels.ar,
      fa: prev.kind === 'country' ? prev.labels.fa : next.labels.fa,
    },
    names: mergeNames(prev.names, next.names),
    short: mergeNames(prev.short, next.short),
    demonyms: mergeNames(prev.demonyms, next.demonyms),
    acronyms: uniq([...prev.acronyms, ...next.acronyms]),
    offices: next.offices.length > 0 ? next.offices : prev.offices,
  };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Load the lexicon: i18n-iso-countries, then the built-in data folder, then user files or
 * folders in the order given. Throws a LexiconError naming the file and entry on the first
 * invalid entry.
 */
export function loadLexicon(options: { dirs?: string[]; extra?: string[] } = {}): Lexicon {
  const entities = new Map<string, LexEntity>();
  for (const c of isoCountries()) entities.set(c.id, c);
  const offices: OfficePhrases[] = [];
  const files: string[] = [];
  const removals: (RemoveNames & { file: string })[] = [];
  const roots = [...(options.dirs ?? [BUILTIN_LEXICON_DIR]), ...(options.extra ?? [])];
  for (const root of roots) {
    let paths: string[];
    try {
      paths = listFiles(resolve(root));
    } catch {
      throw new LexiconError(root, 'no such file or folder');
    }
    for (const file of paths) {
      const shown = relative(process.cwd(), file) || file;
      files.push(shown);
      const doc = LexiconFile.safeParse(parseFile(file) ?? {});
      if (!doc.success) {
        throw new LexiconError(
          shown,
          `expected a document with 'entities' and/or 'offices' lists (${describeIssue(doc.error.issues[0]!)})`,
        );
      }
      doc.data.entities.forEach((raw, i) => {
        const r = LexiconEntry.safeParse(raw);
        const id = (raw as { id?: unknown } | null)?.id;
        if (!r.success) {
          throw new LexiconError(
            shown,
            `entities[${i}]${typeof id === 'string' ? ` (${id})` : ''}: ${describeIssue(r.error.issues[0]!)}`,
          );
        }
        if (
          r.data.kind !== 'country' &&
          !r.data.id.startsWith(r.data.kind === 'organization' ? 'org:' : `${r.data.kind}:`)
        ) {
          throw new LexiconError(
            shown,
            `entities[${i}] (${r.data.id}): id prefix does not match kind '${r.data.kind}'`,
          );
        }
        const e = toEntity(r.data, shown);
        const prev = entities.get(e.id);
        entities.set(e.id, prev ? overlay(prev, e) : e);
      });
      doc.data.remove.forEach((raw, i) => {
        const r = RemoveNames.safeParse(raw);
        if (!r.success)
          throw new LexiconError(shown, `remove[${i}]: ${describeIssue(r.error.issues[0]!)}`);
        removals.push({ ...r.data, file: shown });
      });
      doc.data.offices.forEach((raw, i) => {
        const r = OfficePhrases.safeParse(raw);
        if (!r.success)
          throw new LexiconError(shown, `offices[${i}]: ${describeIssue(r.error.issues[0]!)}`);
        offices.push(r.data);
      });
    }
  }
  for (const r of removals) {
    const e = entities.get(r.id);
    if (!e) throw new LexiconError(r.file, `remove: unknown entity '${r.id}'`);
    for (const lang of ['en', 'ar', 'fa'] as const) {
      const drop = new Set(r.names[lang]);
      e.names[lang] = e.names[lang].filter((n) => !drop.has(n));
      e.short[lang] = e.short[lang].filter((n) => !drop.has(n));
    }
  }
  // Office terms must point at known bodies.
  for (const e of entities.values()) {
    for (const t of e.offices) {
      if (!entities.has(t.of))
        throw new LexiconError(e.file, `${e.id}: office ${t.office} of unknown entity '${t.of}'`);
    }
  }
  return { entities, offices, files };
}
