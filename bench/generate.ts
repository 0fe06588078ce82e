/**
 * bench/generate — a seeded synthetic corpus for benchmarks: articles assembled from the
 * lexicon (foreign ministers and their countries, conflicts, places) and sentence templates in
 * ar / fa / en, shaped like scraped pages (headline, body, teaser block, tag line, footer, noise).
 * Same seed → same corpus.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../src/graph/rng.ts';
import type { LexEntity, Lexicon } from '../src/lexicon/types.ts';

type Lang = 'ar' | 'fa' | 'en';

interface Actor {
  person: LexEntity;
  country: LexEntity;
}

const TEMPLATES: Record<
  Lang,
  { head: string[]; body: string[]; teaser: string; tags: string; footer: string[] }
> = {
  ar: {
    head: ['{A} و{B} يبحثان هاتفيا {T}', '{A} يلتقي نظيره {DB} في {P}', 'اتصال هاتفي بين {A} و{B}'],
    body: [
      'بحث وزير الخارجية {DA} {A} ونظيره {DB} {B} اليوم هاتفيا الوضع في {T}.',
      'وأكد الجانبان ضرورة وقف فوري لإطلاق النار وإيصال المساعدات الإنسانية إلى {P}.',
      'والتقى {A} مع {B} في {P} لبحث العلاقات الثنائية والقضايا الإقليمية.',
      'وقالت الوزارة في بيان إن الوزيرين ناقشا أيضا جدول الاتصالات المقبلة.',
      'وأشار {A} إلى أهمية تنسيق المواقف بشأن {T} في مجلس الأمن.',
    ],
    teaser: 'إقرأ أيضاً:',
    tags: 'كلمات دلالية: {A} {T} {P}',
    footer: ['المصدر: وكالات', 'مقالات مشابهة'],
  },
  fa: {
    head: ['رایزنی تلفنی {A} و {B} درباره {T}', 'دیدار {A} با همتای {DB} خود در {P}'],
    body: [
      '{A} وزیر امور خارجه {CA} امروز با {B} وزیر خارجه {CB} تلفنی گفتگو کرد.',
      'آخرین تحولات مربوط به {T} و برخی موضوعات دوجانبه از جمله مباحث مورد گفتگو بود.',
      '{A} در دیدار با {B} در {P} بر ضرورت توقف جنگ تأکید کرد.',
      'دو طرف همچنین درباره همکاری‌های اقتصادی و منطقه‌ای تبادل نظر کردند.',
    ],
    teaser: 'بیشتر بخوانید',
    tags: 'برچسب‌ها: {A}، {T}',
    footer: ['کد خبر: ۱۲۳۴۵۶', 'ارسال نظرات', 'نیازمندی ها'],
  },
  en: {
    head: ['{A} and {B} discuss {T} by phone', '{A} meets {B} in {P}'],
    body: [
      '{A}, the foreign minister of {CA}, spoke by phone with {B} of {CB} on the situation in {T}.',
      'Both sides called for an immediate ceasefire and humanitarian access to {P}.',
      '{A} met {B} in {P} to discuss bilateral relations and regional issues.',
      'The ministry said the two ministers also discussed the schedule of upcoming contacts.',
    ],
    teaser: 'Read more',
    tags: 'Tags: {A}, {T}',
    footer: ['Source: agencies', 'Related coverage'],
  },
};

const NOISE = ['', '', 'شارك', 'Share this article', 'اشترك في النشرة', 'newsQrCode'];

export interface GenerateOptions {
  count: number;
  seed: number;
}

/** Pick helper over a seeded RNG. */
function picker(rng: () => number) {
  return <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
}

/** Lexicon actors usable in templates: persons holding a country office with names in all three languages. */
export function templateActors(lex: Lexicon): Actor[] {
  const out: Actor[] = [];
  for (const e of lex.entities.values()) {
    if (e.kind !== 'person' || !e.names.ar[0] || !e.names.fa[0] || !e.names.en[0]) continue;
    const t = e.offices.find((o) => o.of.startsWith('country:'));
    const c = t && lex.entities.get(t.of);
    if (c?.names.ar[0] && c.names.fa[0] && c.demonyms.ar[0] && c.demonyms.fa[0])
      out.push({ person: e, country: c });
  }
  return out.sort((a, b) => (a.person.id < b.person.id ? -1 : 1));
}

/** Generate articles as JSONL records `{id, text, lang}`. */
export function* generateArticles(
  lex: Lexicon,
  opts: GenerateOptions,
): Generator<{ id: string; text: string; lang: Lang }> {
  const rng = seededRandom(opts.seed);
  const pick = picker(rng);
  const actors = templateActors(lex);
  if (actors.length < 2) throw new Error('bench: the lexicon has fewer than two usable actors');
  const topics = [...lex.entities.values()].filter(
    (e) => e.kind === 'conflict' && e.names.ar[0] && e.names.fa[0] && e.names.en[0],
  );
  const places = [...lex.entities.values()].filter(
    (e) => e.kind === 'place' && e.names.ar[0] && e.names.fa[0] && e.names.en[0],
  );
  for (let i = 0; i < opts.count; i++) {
    const lang: Lang = pick(['ar', 'ar', 'fa', 'fa', 'en'] as const);
    const T = TEMPLATES[lang];
    const a = pick(actors);
    let b = pick(actors);
    if (b.person.id === a.person.id) b = actors[(actors.indexOf(a) + 1) % actors.length]!;
    const topic = topics.length ? pick(topics).names[lang][0]! : '';
    const place = places.length ? pick(places).names[lang][0]! : '';
    const fill = (s: string, x = a, y = b) =>
      s
        .replaceAll('{A}', x.person.names[lang][0]!)
        .replaceAll('{B}', y.person.names[lang][0]!)
        .replaceAll('{CA}', x.country.names[lang][0]!)
        .replaceAll('{CB}', y.country.names[lang][0]!)
        .replaceAll('{DA}', x.country.demonyms[lang][0] ?? x.country.names[lang][0]!)
        .replaceAll('{DB}', y.country.demonyms[lang][0] ?? y.country.names[lang][0]!)
        .replaceAll('{T}', topic)
        .replaceAll('{P}', place);
    const lines = [fill(pick(T.head))];
    const n = 2 + Math.floor(rng() * 5);
    for (let k = 0; k < n; k++) lines.push(fill(pick(T.body)));
    lines.push(fill(T.tags));
    lines.push(T.footer[0]!);
    lines.push(T.teaser);
    const c = pick(actors);
    const d = pick(actors);
    lines.push(fill(pick(T.head), c, d));
    lines.push(fill(pick(T.body), c, d));
    for (const f of T.footer.slice(1)) lines.push(f);
    lines.push(pick(NOISE));
    yield { id: `syn-${opts.seed}-${String(i).padStart(7, '0')}`, text: lines.join('\n\n'), lang };
  }
}

/** Write a generated corpus to a JSONL file; returns its size in bytes. */
export async function writeCorpus(
  path: string,
  lex: Lexicon,
  opts: GenerateOptions,
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const rec of generateArticles(lex, opts)) {
    const line = `${JSON.stringify(rec)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
