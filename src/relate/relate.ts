/**
 * relate/relate — the relations one article supports, each with the sentences behind it:
 * roles (person holds office of a country or organisation, from the text's office phrases and
 * the lexicon's dated offices), interactions read from cue words (call, meeting, visit, talks,
 * message, joint statement — never from two names merely sharing a sentence), and co-mentions
 * per window. Only the article's own text counts: teasers never make edges.
 */
import type { Evidence } from '../../graph-schema/schema.ts';
import { inTerm } from '../extract/extract.ts';
import type { ArticleExtraction, Mention } from '../extract/types.ts';
import type { Matcher } from '../lexicon/matcher.ts';
import type { PhraseTrie } from '../lexicon/trie.ts';
import { tokenize } from '../text/tokenize.ts';
import type { ProcessedArticle, Sentence } from '../text/types.ts';
import type { ActionCue, Cues } from './cues.ts';
import type { EdgeContribution, RelateOptions } from './types.ts';

const ACTION_PRIORITY = ['phone_call', 'meeting', 'visit', 'message', 'joint_statement', 'talks'];
const ACTOR_KINDS = new Set(['person', 'country', 'organization']);
const TOPIC_KINDS = new Set(['conflict', 'place']);

/** Key of an undirected pair, ordered. */
function pair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** First normalised index whose original offset is ≥ off. */
function normIndex(map: Int32Array, off: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function has<T>(trie: PhraseTrie<T>, tokens: ReturnType<typeof tokenize>): boolean {
  return trie.matchAll(tokens).length > 0;
}

/**
 * The edges one article supports.
 */
export function relateArticle(
  p: ProcessedArticle,
  x: ArticleExtraction,
  matcher: Matcher,
  cues: Cues,
  options: RelateOptions,
): EdgeContribution[] {
  const text = p.article.text;
  const id = p.article.id;
  const main = x.mentions.filter((m) => m.main && m.sentence >= 0);
  if (main.length === 0) return [];
  const out = new Map<string, EdgeContribution>();
  const sentenceDates = new Map<number, string[]>();
  for (const d of p.dates) {
    if (!d.iso || d.publication) continue;
    const s = main.length ? sentenceOfOffset(p.sentences, d.start) : -1;
    if (s >= 0) sentenceDates.set(s, [...(sentenceDates.get(s) ?? []), d.iso]);
  }
  const evidenceOf = (s: number, s2 = s): Evidence => {
    const a = p.sentences[Math.min(s, s2)]!;
    const b = p.sentences[Math.max(s, s2)]!;
    let end = b.end;
    if (end - a.start > options.evidenceMaxChars) end = a.start + options.evidenceMaxChars;
    return {
      article: id,
      text: text.slice(a.start, end),
      ...(sentenceDates.get(s)?.[0]
        ? { date: sentenceDates.get(s)![0]! }
        : p.published
          ? { date: p.published }
          : {}),
      start: a.start,
      end,
    };
  };
  const add = (
    c: Omit<EdgeContribution, 'evidence' | 'dates' | 'topics' | 'sentenceCount' | 'paragraphCount'>,
    ev: Evidence,
    extra: Partial<EdgeContribution> = {},
  ) => {
    let e = out.get(c.key);
    if (!e) {
      e = { ...c, dates: [], topics: [], sentenceCount: 0, paragraphCount: 0, evidence: [] };
      out.set(c.key, e);
    }
    if (!e.evidence.some((v) => v.start === ev.start)) e.evidence.push(ev);
    for (const d of extra.dates ?? []) if (!e.dates.includes(d)) e.dates.push(d);
    for (const t of extra.topics ?? []) if (!e.topics.includes(t)) e.topics.push(t);
    e.sentenceCount += extra.sentenceCount ?? 0;
    e.paragraphCount += extra.paragraphCount ?? 0;
  };

  const bySentence = new Map<number, Mention[]>();
  for (const m of main) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const mentioned = new Set(main.map((m) => m.entity));

  // Roles from office phrases next to a name, and from the lexicon's dated offices.
  for (const o of x.offices) {
    if (!o.main || !o.person || !o.of || o.personVia !== 'adjacent') continue;
    if (!mentioned.has(o.person) || o.person === o.of) continue;
    add(
      {
        key: `role:${o.office}:${o.person}->${o.of}`,
        kind: 'role',
        source: o.person,
        target: o.of,
        directed: true,
        office: o.office,
        officeSource: 'text',
      },
      evidenceOf(o.sentence),
    );
  }
  const date = p.published;
  if (date) {
    for (const personId of mentioned) {
      const e = matcher.lexicon.entities.get(personId);
      if (e?.kind !== 'person') continue;
      for (const t of e.offices) {
        if (!mentioned.has(t.of) || !inTerm(date, t.from, t.to)) continue;
        const first = main.find((m) => m.entity === personId)!;
        add(
          {
            key: `role:${t.office}:${personId}->${t.of}`,
            kind: 'role',
            source: personId,
            target: t.of,
            directed: true,
            office: t.office,
            officeSource: 'lexicon',
          },
          evidenceOf(first.sentence),
        );
      }
    }
  }

  // Interactions, sentence by sentence.
  const qualifiers = new Set<string>(); // "country of an office phrase" mentions: not partners
  for (const o of x.offices) if (o.of) qualifiers.add(`${o.sentence}|${o.of}`);
  const ownCountry = (person: string): Set<string> => {
    const e = matcher.lexicon.entities.get(person);
    const s = new Set<string>();
    for (const t of e?.offices ?? []) if (!date || inTerm(date, t.from, t.to)) s.add(t.of);
    for (const o of x.offices) if (o.person === person && o.of) s.add(o.of);
    return s;
  };
  const sentences = [...bySentence.keys()].sort((a, b) => a - b);
  const callContextAt = new Set<number>();
  p.sentences.forEach((s, i) => {
    const toks = tokensOf(p, s);
    if (has(cues.callContext, toks)) callContextAt.add(i);
  });
  for (const s of sentences) {
    const ms = bySentence.get(s)!;
    const sent = p.sentences[s];
    if (!sent) continue;
    const toks = tokensOf(p, sent);
    const actionMatches = cues.actions.matchAll(toks);
    const actionHits = actionMatches.flatMap((m) => m.values);
    if (actionHits.length === 0) continue;
    const cueStart = p.norm.map[toks[actionMatches[0]!.first]!.start]!;
    if (has(cues.notHappened, toks)) continue;
    const persons = uniq(ms.filter((m) => m.kind === 'person').map((m) => m.entity));
    const best = pickAction(actionHits);
    let actors = persons;
    if (persons.length === 1) {
      // One person and an organisation they met or called (or a country they visited).
      const mine = ownCountry(persons[0]!);
      const bodies = uniq(
        ms
          .filter(
            (m) =>
              m.via !== 'demonym' && !qualifiers.has(`${s}|${m.entity}`) && !mine.has(m.entity),
          )
          .filter(
            (m) => m.kind === 'organization' || (m.kind === 'country' && best.action === 'visit'),
          )
          .map((m) => m.entity),
      );
      actors = [...persons, ...bodies];
    }
    if (actors.length < 2) continue;
    let action = best.action;
    if (!best.strong && action === 'talks') {
      // "talks" between officials that the article then calls "the call".
      for (let k = s; k <= s + 3; k++) if (callContextAt.has(k)) action = 'phone_call';
    }
    const cameo = cues.cameo[action] ?? '040';
    const topics = uniq(ms.filter((m) => TOPIC_KINDS.has(m.kind)).map((m) => m.entity));
    const dates = sentenceDates.get(s) ?? [];
    const receiver = has(cues.receiver, toks);
    const initiator =
      !receiver && has(cues.initiator, toks) && (action === 'phone_call' || action === 'message');
    // The partner is whoever the text says the subject acted *with* («مع», «با», "with"),
    // else everyone else in the sentence.
    const withs = new Set(
      ms
        .filter((m) => actors.includes(m.entity) && afterWith(p, sent.start, m.start))
        .map((m) => m.entity),
    );
    const subject = actors.find((a) => !withs.has(a)) ?? actors[0]!;
    const partners = withs.size > 0 ? [...withs] : actors.filter((a) => a !== subject);
    for (const partner of partners) {
      if (partner === subject) continue;
      let source: string;
      let target: string;
      let directed = false;
      if (receiver) [source, target, directed] = [partner, subject, true];
      else if (initiator) [source, target, directed] = [subject, partner, true];
      else [source, target] = pair(subject, partner);
      const [a, b] = pair(subject, partner);
      add(
        {
          key: `interaction:${action}:${a}|${b}`,
          kind: 'interaction',
          source,
          target,
          directed,
          action,
          cameo,
        },
        evidenceOf(s),
        { dates, topics },
      );
    }
  }

  // Co-mentions per window.
  const windowOf = (m: Mention) =>
    options.window === 'sentence' ? m.sentence : options.window === 'paragraph' ? m.paragraph : 0;
  const groups = new Map<number, Mention[]>();
  for (const m of main) groups.set(windowOf(m), [...(groups.get(windowOf(m)) ?? []), m]);
  for (const ms of groups.values()) {
    const firstOf = new Map<string, Mention>();
    for (const m of ms) if (!firstOf.has(m.entity)) firstOf.set(m.entity, m);
    const ids = [...firstOf.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const ma = firstOf.get(ids[i]!)!;
        const mb = firstOf.get(ids[j]!)!;
        const sameSentence = ms.some((m) => m.entity === ids[i]) && ma.sentence === mb.sentence;
        add(
          {
            key: `co_mention:${ids[i]}|${ids[j]}`,
            kind: 'co_mention',
            source: ids[i]!,
            target: ids[j]!,
            directed: false,
          },
          evidenceOf(ma.sentence, mb.sentence),
          {
            sentenceCount: sameSentence ? 1 : 0,
            paragraphCount: ma.paragraph === mb.paragraph ? 1 : 0,
          },
        );
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const WITH_WORDS = new Set(['مع', 'با', 'with', 'بين']);

/** Is the mention at `off` preceded, within three words, by «مع» / «با» / "with"? */
function afterWith(p: ProcessedArticle, sentenceStart: number, off: number, within = 4): boolean {
  const a = normIndex(p.norm.map, Math.max(sentenceStart, off - 200));
  const b = normIndex(p.norm.map, off);
  return tokenize(p.norm.text, a, b)
    .slice(-within)
    .some((t) => WITH_WORDS.has(t.text));
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function pickAction(hits: ActionCue[]): ActionCue {
  return [...hits].sort(
    (a, b) =>
      Number(b.strong) - Number(a.strong) ||
      ACTION_PRIORITY.indexOf(a.action) - ACTION_PRIORITY.indexOf(b.action),
  )[0]!;
}

function tokensOf(p: ProcessedArticle, s: Sentence) {
  const a = normIndex(p.norm.map, s.start);
  const b = normIndex(p.norm.map, s.end);
  return tokenize(p.norm.text, a, b);
}

function sentenceOfOffset(sentences: Sentence[], off: number): number {
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (off >= s.start && off < s.end) return i;
  }
  return -1;
}
