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
import { PhraseTrie } from '../lexicon/trie.ts';
import { nameTokens } from '../lexicon/variants.ts';
import { tokenize } from '../text/tokenize.ts';
import { MAIN_SEGMENTS, type ProcessedArticle, type Sentence } from '../text/types.ts';
import type { ActionCue, Cues } from './cues.ts';
import type { EdgeContribution, RelateOptions } from './types.ts';

const ACTION_PRIORITY = ['phone_call', 'meeting', 'visit', 'message', 'joint_statement', 'talks'];
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
  // One evidence object per sentence (pair): a sentence with ten actors makes 45 co-mentions.
  const evidenceCache = new Map<string, Evidence>();
  const evidenceOf = (s: number, s2 = s): Evidence => {
    const k = `${s}|${s2}`;
    let ev = evidenceCache.get(k);
    if (!ev) {
      ev = makeEvidence(s, s2);
      evidenceCache.set(k, ev);
    }
    return ev;
  };
  const makeEvidence = (s: number, s2: number): Evidence => {
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
      e = { ...c, dates: [], topics: [], sentenceCount: 0, paragraphCount: 0, evidence: [ev] };
      out.set(c.key, e);
    } else if (!e.evidence.some((v) => v.start === ev.start)) e.evidence.push(ev);
    for (const d of extra.dates ?? []) if (!e.dates.includes(d)) e.dates.push(d);
    for (const t of extra.topics ?? []) if (!e.topics.includes(t)) e.topics.push(t);
    e.sentenceCount += extra.sentenceCount ?? 0;
    e.paragraphCount += extra.paragraphCount ?? 0;
  };

  const bySentence = new Map<number, Mention[]>();
  for (const m of main) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
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
  // The country of an office phrase («وزير الخارجية الروسي», "Iraqi Prime Minister") qualifies
  // the person: that mention is neither a partner nor a destination. Another mention of the same
  // country in the sentence («… في أول زيارة إلى العراق») still is.
  const officeSpans = new Map<string, { from: number; to: number }[]>();
  for (const o of x.offices) {
    if (!o.of) continue;
    const k = `${o.sentence}|${o.of}`;
    const span = { from: o.tFirst - 3, to: o.tLast };
    const list = officeSpans.get(k);
    if (list) list.push(span);
    else officeSpans.set(k, [span]);
  }
  /** Where a person's mention starts, counting an office phrase just before it. */
  const titledStart = (m: Mention) => {
    const o = x.offices.find(
      (q) =>
        q.person === m.entity &&
        q.sentence === m.sentence &&
        q.tLast < m.tFirst &&
        q.tLast >= m.tFirst - 2,
    );
    return o ? Math.min(o.start, m.start) : m.start;
  };
  const isQualifier = (m: Mention) =>
    (officeSpans.get(`${m.sentence}|${m.entity}`) ?? []).some(
      (r) => m.tFirst >= r.from && m.tLast <= r.to,
    );
  /** Is `id` one of `countries`, or a place in one of them? */
  const inCountries = (countries: Set<string>, id: string): boolean => {
    const country = matcher.lexicon.entities.get(id)?.country;
    return countries.has(id) || (!!country && countries.has(country));
  };
  const ownCountry = (person: string): Set<string> => {
    const e = matcher.lexicon.entities.get(person);
    const s = new Set<string>();
    for (const t of e?.offices ?? []) if (!date || inTerm(date, t.from, t.to)) s.add(t.of);
    for (const o of x.offices) if (o.person === person && o.of) s.add(o.of);
    return s;
  };
  // Every sentence of the article's own text: «وبحث الجانبان …» names nobody and still counts.
  const mainSegments = new Set(
    p.segments.flatMap((seg, i) => (MAIN_SEGMENTS.has(seg.kind) ? [i] : [])),
  );
  const sentences = p.sentences.flatMap((sent, i) => (mainSegments.has(sent.segment) ? [i] : []));
  // Tokens of each main sentence, once.
  const tokenCache = new Map<number, ReturnType<typeof tokensOf>>();
  const sentenceTokens = (i: number) => {
    let t = tokenCache.get(i);
    if (!t) {
      t = tokensOf(p, p.sentences[i]!);
      tokenCache.set(i, t);
    }
    return t;
  };
  // Does sentence k speak of "the call"? Asked only when a weak cue needs it.
  const mainSentence = new Set(sentences);
  const callContextCache = new Map<number, boolean>();
  const callContextAt = (k: number): boolean => {
    if (!mainSentence.has(k)) return false;
    let v = callContextCache.get(k);
    if (v === undefined) {
      v = has(cues.callContext, sentenceTokens(k));
      callContextCache.set(k, v);
    }
    return v;
  };
  const previousSubject = (s: number): string | undefined => {
    for (let k = s - 1; k >= s - 2; k--) {
      const first = bySentence.get(k)?.find((m) => m.kind === 'person');
      if (first && p.sentences[k]?.segment === p.sentences[s]?.segment) return first.entity;
      if (first) return undefined;
    }
    return undefined;
  };
  const paired = new Set<string>();
  for (const s of sentences) {
    const ms = bySentence.get(s) ?? [];
    const sent = p.sentences[s];
    if (!sent) continue;
    const toks = sentenceTokens(s);
    // Most sentences name no event: leave before looking for modals and requests.
    const allCues = cues.actions.matchAll(toks);
    if (allCues.length === 0) continue;
    const negations = cues.notHappened.matchAll(toks);
    // A request or proposal governs a long stretch after it («طالب … بعقد لقاء», "urged … to meet").
    const requests = cues.requested.matchAll(toks);
    // A cue counts unless a modal, plan or request governs it («من المقرر أن يلتقي», "will meet",
    // «دیدار خواهد کرد»), or a demonstrative makes it refer back («این دیدار», «هذا اللقاء»).
    const actionMatches = allCues.filter((m) => {
      const before = negations.some((n) => n.last < m.first && n.last >= m.first - 12);
      const reach = p.lang === 'fa' ? 4 : 2; // «زيارة مرتقبة», «دیدار خواهد کرد»
      const after = negations.some((n) => n.first > m.last && n.first <= m.last + reach);
      const back =
        (m.first > 0 && DEMONSTRATIVES.has(toks[m.first - 1]!.text)) ||
        LIKE_THIS.has(toks[m.last + 1]?.text ?? '');
      const asked =
        m.values.every((v) => v.action !== 'joint_statement' && v.action !== 'message') &&
        requests.some((r) => r.last < m.first && r.last >= m.first - 20);
      return !before && !after && !back && !asked;
    });
    if (actionMatches.length === 0) continue;
    // Arabic future verbs of a cue («سيلتقيان», «ستزور»): the whole sentence is about a plan.
    if (toks.some((t) => isFutureCue(cues, t.text))) continue;
    const cueAt = (m: (typeof actionMatches)[number]) => p.norm.map[toks[m.first]!.start]!;
    const topics = uniq(ms.filter((m) => TOPIC_KINDS.has(m.kind)).map((m) => m.entity));
    const dates = sentenceDates.get(s) ?? [];
    let persons = uniq(ms.filter((m) => m.kind === 'person').map((m) => m.entity));
    // Arabic and Persian drop the subject («وبحث مع نظيره …», «وصل إلى دمشق»): it is the person
    // the previous sentence was about.
    const dropped = previousSubject(s);
    const onlyPartner =
      persons.length === 1 &&
      ms.some((m) => m.entity === persons[0] && afterWith(p, sent.start, m.start));
    if (dropped && dropped !== persons[0] && (persons.length === 0 || onlyPartner)) {
      persons = [dropped, ...persons];
    }
    const emit = (
      action: string,
      subject: string,
      partner: string,
      dir: 'none' | 'forward' | 'backward',
    ) => {
      if (partner === subject) return;
      const [a, b] = pair(subject, partner);
      paired.add(`${action}|${a}|${b}`);
      const [source, target] =
        dir === 'forward' ? [subject, partner] : dir === 'backward' ? [partner, subject] : [a, b];
      add(
        {
          key: `interaction:${action}:${a}|${b}`,
          kind: 'interaction',
          source,
          target,
          directed: dir !== 'none',
          action,
          cameo: cues.cameo[action] ?? '040',
        },
        evidenceOf(s),
        { dates, topics: topics.filter((t) => t !== partner) },
      );
    };

    // A visit goes from the visitor to the places or countries it names as destinations: the
    // first one after the cue and any other introduced by «إلى / به / to»; for «… وارد دوحه شد»
    // ("entered Doha") the one just before the cue. Never one introduced by «من / از / from».
    const visit = actionMatches.find((m) => m.values.some((v) => v.action === 'visit'));
    if (visit && persons.length > 0) {
      // The visitor: the person a relative clause hangs on («… الملك عبد الله الذي وصل إلى …»,
      // "… Sánchez, who arrived in …»), the person right after a verb-first cue («وصل الرئيس
      // السيسي إلى …»), else the sentence's first person.
      const at0 = cueAt(visit);
      const personsIn = ms.filter((m) => m.kind === 'person');
      // «لدى وصوله», «خلال زيارتها»: a cue with a possessive pronoun is the visit of the person
      // just before it, like a relative clause.
      const relative =
        (visit.first > 0 && RELATIVES.has(toks[visit.first - 1]!.text)) ||
        POSSESSIVE_VISIT.test(toks[visit.first]!.text);
      const nearBefore = personsIn.filter((m) => m.end <= at0).at(-1);
      const rightAfter = personsIn.find((m) => m.start > at0 && m.start - at0 < 40);
      // «زيارة يقوم بها فيدان», "a visit by Fidan": the person after the agent words.
      const byAgent = AGENT_WORDS.has(toks[visit.last + 1]?.text ?? '');
      const visitor =
        (relative && nearBefore?.entity) ||
        (byAgent && rightAfter?.entity) ||
        (p.lang !== 'fa' && visit.first === firstWordIndex(toks, visit) && rightAfter?.entity) ||
        persons[0]!;
      const mine = ownCountry(visitor);
      const at = cueAt(visit);
      const where = ms.filter(
        (m) =>
          (m.kind === 'place' || m.kind === 'country') &&
          m.via !== 'demonym' &&
          !inCountries(mine, m.entity) &&
          !isQualifier(m) &&
          !afterWord(p, sent.start, m.start, FROM_WORDS),
      );
      const entered = ENTERED.has(toks[visit.first]!.text);
      const after = where.filter((m) => m.start > at);
      const before = where.filter((m) => m.end <= at);
      // Persian puts the destination before the verb: «به تهران سفر کرد», «وارد دوحه شد».
      const faBefore = entered
        ? before.slice(-1)
        : before.filter((m) => afterWord(p, sent.start, m.start, TO_WORDS, 2)).slice(-1);
      const targets: Mention[] = [];
      // «وصل إلى الدوحة … في ختام جولة زار خلالها بغداد ودمشق»: each later visit cue of the
      // sentence names its own first destination.
      const laterCues = actionMatches
        .filter((m) => m !== visit && m.values.some((v) => v.action === 'visit'))
        .map((m) => cueAt(m))
        .filter((c) => c > at);
      const firstAfterCue = new Set(
        laterCues.map((c) => after.find((m) => m.start > c)).filter((m) => m !== undefined),
      );
      if (p.lang === 'fa' && faBefore.length > 0) targets.push(...faBefore);
      else {
        for (const m of after) {
          const prev = targets.at(-1);
          // «زار خلالها بغداد ودمشق»: destinations joined by «و» / commas.
          const joined = prev !== undefined && JOINED.test(p.article.text.slice(prev.end, m.start));
          if (
            targets.length === 0 ||
            joined ||
            firstAfterCue.has(m) ||
            afterWord(p, sent.start, m.start, TO_WORDS, 2)
          )
            targets.push(m);
        }
      }
      // A city names its country's visit already: «إلى دمشق … زيارة … إلى سوريا» is one visit.
      const cityOf = new Set(targets.map((t) => matcher.lexicon.entities.get(t.entity)?.country));
      // «پوتین و اردوغان وارد تهران شدند», "Sisi and Abdullah arrived": persons joined to the
      // visitor by «و» / "and" / a comma visit too.
      const first = personsIn.find((m) => m.entity === visitor);
      const visitors = uniq([
        visitor,
        ...(first ? joinedChain(p, first, personsIn) : []).map((m) => m.entity),
      ]);
      // «تمهيدا لزيارة مرتقبة للرئيس أردوغان»: a person named after a visit that did not happen
      // is that visit's, not this one's.
      const plannedAt = allCues
        .filter((m) => !actionMatches.includes(m) && m.values.some((v) => v.action === 'visit'))
        .map((m) => cueAt(m));
      const startOf = (id: string) => personsIn.find((m) => m.entity === id)?.start ?? 0;
      const real = visitors.filter(
        (v) => !plannedAt.some((c) => c < startOf(v) && (c > at || startOf(v) > at)),
      );
      for (const t of targets) {
        if (t.kind === 'country' && cityOf.has(t.entity)) continue;
        for (const v of real) {
          if (!inCountries(ownCountry(v), t.entity)) emit('visit', v, t.entity, 'forward');
        }
      }
    }

    // A message is read apart: a meeting sentence often also hands one over.
    const messageCue = actionMatches.find((m) => m.values.some((v) => v.action === 'message'));
    if (messageCue) {
      const cueStart = cueAt(messageCue);
      // «پیام A … به B», «رسالة من A إلى B», "a letter from A to B": sender → recipient.
      // «استقبل A B الذي سلّمه رسالة من C»: C wrote to A (the host); B only carried it.
      const personsIn = ms.filter((m) => m.kind === 'person');
      const inOrder = personsIn.filter((m) => m.start > cueStart);
      const from = inOrder.find((m) => afterWord(p, sent.start, m.start, FROM_WORDS, 4));
      let recipient = inOrder.find(
        (m) => m !== from && afterWord(p, sent.start, m.start, TO_WORDS, 3),
      );
      const sender =
        from ??
        inOrder.find(
          (m) => m !== recipient && m.start < (recipient?.start ?? Number.POSITIVE_INFINITY),
        ) ??
        personsIn.find((m) => m.end <= cueStart);
      if (!recipient && from) {
        const before = personsIn.filter((m) => m.end <= cueStart);
        recipient = has(cues.host, toks)
          ? before[0]
          : before.length >= 2
            ? before.at(-1)
            : before[0];
      }
      // A message needs a recipient: «در پیامی در شبکه ایکس نوشت» (a post) is not one.
      if (sender && recipient && sender.entity !== recipient.entity) {
        emit('message', sender.entity, recipient.entity, 'forward');
        // "letters to Putin and Zelenskyy", «رسالتين إلى A وB»: every recipient joined by «و».
        for (const r of joinedChain(p, recipient, inOrder)) {
          if (r.entity !== sender.entity) emit('message', sender.entity, r.entity, 'forward');
        }
      }
    }

    const others = actionMatches.filter((m) =>
      m.values.some((v) => v.action !== 'visit' && v.action !== 'message'),
    );
    if (others.length === 0) continue;
    const best = pickAction(
      others.flatMap((m) => m.values).filter((v) => v.action !== 'visit' && v.action !== 'message'),
    );
    const cueStart = cueAt(others[0]!);
    let actors = persons;
    if (persons.length === 1) {
      // One person and an organisation they met, called or wrote to: one that the text puts
      // after «مع/با/with», or (verb-first Arabic, English) after the verb.
      const mine = ownCountry(persons[0]!);
      const bodies = uniq(
        ms
          .filter((m) => m.kind === 'organization' && !isQualifier(m) && !mine.has(m.entity))
          .filter(
            (m) =>
              afterWith(p, sent.start, m.start, 8) ||
              (best.strong && p.lang !== 'fa' && m.start > cueStart && m.start - cueStart < 60),
          )
          .map((m) => m.entity),
      );
      actors = [...persons, ...bodies];
    }
    // «بحث الجانبان», «القادة الثلاثة», «دو طرف», "the two ministers": the persons the
    // paragraph has named so far, all of them together.
    // The largest group the sentence names: «بحضور الزعيمين، وبحث القادة الثلاثة» is three.
    const group = GROUP_WORDS.matchAll(toks).sort((x, y) => y.values[0]! - x.values[0]!)[0];
    let together = best.action === 'joint_statement' || TOGETHER_WORDS.matchAll(toks).length > 0;
    let viaGroup = false;
    if (group && persons.length < 2) {
      // The last persons the story named, as many as the group word says.
      const size = group.values[0]!;
      const before = main
        .filter((m) => m.kind === 'person' && m.sentence <= s)
        .sort((a, b) => b.start - a.start);
      const named = uniq(before.map((m) => m.entity)).slice(0, size);
      if (named.length >= 2) {
        actors = named;
        together = true;
        viaGroup = true;
      }
    }
    if (actors.length < 2 && best.action === 'joint_statement') {
      // «أصدرت مصر والأردن بيانا مشتركا»: countries and organisations named (not demonyms).
      actors = uniq(
        ms
          .filter((m) => (m.kind === 'country' || m.kind === 'organization') && m.via !== 'demonym')
          .filter((m) => !isQualifier(m))
          .map((m) => m.entity),
      );
    }
    if (actors.length < 2) continue;
    // "… hosted A and B, where the three leaders signed a joint declaration": a joint statement
    // told beside another event is an event of its own, between all of them.
    if (
      best.action !== 'joint_statement' &&
      others.some((m) => m.values.some((v) => v.action === 'joint_statement'))
    ) {
      for (let i = 0; i < actors.length; i++) {
        for (let j = i + 1; j < actors.length; j++) {
          emit('joint_statement', actors[i]!, actors[j]!, 'none');
        }
      }
    }
    let action = best.action;
    if (!best.strong && action === 'talks') {
      // "talks" between officials that the article then calls "the call".
      for (let k = s; k <= s + 3; k++) if (callContextAt(k)) action = 'phone_call';
    }
    const receiver = has(cues.receiver, toks);
    const initiator =
      !receiver &&
      ((has(cues.initiator, toks) && action === 'phone_call') ||
        (action === 'meeting' && has(cues.host, toks)));
    // The partner is whoever the text says the subject acted *with* («مع», «با», "with"),
    // else everyone else in the sentence.
    // "with Crown Prince and Prime Minister Mohammed bin Salman": «مع» before the person's
    // office counts; so do persons joined by «و» / "and" to a partner ("with Sisi and Abbas").
    const withs = new Set(
      ms
        .filter((m) => actors.includes(m.entity) && afterWith(p, sent.start, titledStart(m)))
        .map((m) => m.entity),
    );
    const actorPersons = ms.filter((n) => n.kind === 'person' && actors.includes(n.entity));
    for (const m of actorPersons) {
      if (!withs.has(m.entity)) continue;
      // «و», "and", and at most one word (a demonym: "and Palestinian President Abbas").
      const next = nextJoined(p, m.end, actorPersons, titledStart, JOINED_BY_AND_ONE_WORD);
      if (next) withs.add(next.entity);
    }
    if (together) {
      // A joint statement or a group («the three leaders») binds every pair.
      for (let i = 0; i < actors.length; i++) {
        for (let j = i + 1; j < actors.length; j++) {
          // «وبحث الجانبان …» after the meeting sentence tells of the same event; a joint
          // statement after a meeting is an event of its own.
          const [a, b] = pair(actors[i]!, actors[j]!);
          const met = SAME_EVENT.some((x) => paired.has(`${x}|${a}|${b}`));
          if (viaGroup && action !== 'joint_statement' && met) continue;
          emit(action, actors[i]!, actors[j]!, 'none');
        }
      }
      continue;
    }
    const subject = actors.find((a) => !withs.has(a)) ?? actors[0]!;
    const partners = withs.size > 0 ? [...withs] : actors.filter((a) => a !== subject);
    for (const partner of partners) {
      emit(action, subject, partner, receiver ? 'backward' : initiator ? 'forward' : 'none');
    }
  }

  // Co-mentions per window.
  const windowOf = (m: Mention) =>
    options.window === 'sentence' ? m.sentence : options.window === 'paragraph' ? m.paragraph : 0;
  const groups = new Map<number, Mention[]>();
  for (const m of main) {
    const list = groups.get(windowOf(m));
    if (list) list.push(m);
    else groups.set(windowOf(m), [m]);
  }
  for (const ms of groups.values()) {
    const firstOf = new Map<string, Mention>();
    for (const m of ms) if (!firstOf.has(m.entity)) firstOf.set(m.entity, m);
    const ids = [...firstOf.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const ma = firstOf.get(ids[i]!)!;
        const mb = firstOf.get(ids[j]!)!;
        const sameSentence = ma.sentence === mb.sentence;
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

/** Actions a group word after them («وبحث الجانبان») tells again rather than anew. */
const SAME_EVENT = ['meeting', 'talks', 'phone_call', 'visit'];

/** Words that stand for the actors already named: «الجانبان», «القادة الثلاثة», «دو طرف». */
const GROUP_WORDS = (() => {
  const t = new PhraseTrie<number>();
  const add = (n: number, ws: string[]) => {
    for (const w of ws) t.add(nameTokens(w), n);
  };
  add(2, [
    'الجانبان',
    'الجانبين',
    'الطرفان',
    'الطرفين',
    'الوزيران',
    'الوزيرين',
    'الزعيمان',
    'الزعيمين',
    'الرئيسان',
    'الرئيسين',
  ]);
  add(2, [
    'دو طرف',
    'طرفین',
    'دو وزیر',
    'دو رئیس',
    'both sides',
    'the two sides',
    'the two ministers',
    'the two leaders',
  ]);
  add(3, [
    'القادة الثلاثة',
    'الزعماء الثلاثة',
    'الوزراء الثلاثة',
    'سه رهبر',
    'سه رئیس',
    'the three leaders',
    'the three ministers',
  ]);
  return t;
})();

/** Words that bring several actors together in one event: «اجتماع يجمع A وB وC», "trilateral". */
const TOGETHER_WORDS = (() => {
  const t = new PhraseTrie<true>();
  for (const w of [
    'يجمع',
    'جمع',
    'جمعت',
    'تجمع',
    'ثلاثي',
    'الثلاثي',
    'الثلاثية',
    'سه‌جانبه',
    'trilateral',
    'three-way',
  ]) {
    t.add(nameTokens(w), true);
  }
  return t;
})();

const WITH_WORDS = new Set(['مع', 'با', 'with', 'بين']);
const FROM_WORDS = new Set(['من', 'از', 'from']);
const RELATIVES = new Set(['الذي', 'التي', 'who', 'كه', 'وهو', 'وهي']);

/** Words after a visit noun that introduce who makes it: «زيارة يقوم بها X», "a visit by X". */
const AGENT_WORDS = new Set(['يقوم', 'تقوم', 'يجريها', 'يجريه', 'تجريها', 'by']);

/** «زيارته», «لوصولها» (normalised): a visit noun with the visitor as a possessive pronoun. */
const POSSESSIVE_VISIT = /^[وفبل]?(زيارت|وصول)(ه|ها)$/;

/** Is the cue the first word of its clause (verb-first: «وصل …», "Arrived …")? */
function firstWordIndex(toks: ReturnType<typeof tokenize>, m: { first: number }): number {
  return m.first === 0 || /^[و]?(وصل|زار|يزور|تصل|يصل|وصلت)$/.test(toks[m.first]!.text)
    ? m.first
    : -1;
}
const TO_WORDS = new Set(['الي', 'به', 'to', 'لي']);
/** «وارد … شد» ("entered"): the destination stands before the verb. */
const ENTERED = new Set(['وارد']);
/** «لقاء كهذا» ("a meeting like this"), "such a meeting": a kind of event, not one that happened. */
const LIKE_THIS = new Set(['كهذا', 'كهذه', 'مماثل', 'مماثله', 'چنین', 'like']);
const DEMONSTRATIVES = new Set(['اين', 'همين', 'هذا', 'هذه', 'ذلك', 'تلك', 'this', 'that']);

/** «سيلتقيان», «ستبحث», «سنزور»: the future prefix س on an imperfect form of a cue verb. */
function isFutureCue(cues: Cues, token: string): boolean {
  if (token.length < 5 || token[0] !== 'س' || !'يتن'.includes(token[1]!)) return false;
  const stem = token.slice(1);
  for (const v of [stem, stem.replace(/(ان|ون|ين)$/, '')]) {
    if (v.length >= 4 && cues.actions.matchAt([{ text: v, start: 0, end: v.length }], 0, false))
      return true;
  }
  return false;
}

/** Is the mention at `off` preceded by one of `words` within `within` words (titles between)? */
function afterWord(
  p: ProcessedArticle,
  sentenceStart: number,
  off: number,
  words: Set<string>,
  within = 1,
): boolean {
  const a = normIndex(p.norm.map, Math.max(sentenceStart, off - 60));
  const b = normIndex(p.norm.map, off);
  return tokenize(p.norm.text, a, b)
    .slice(-within)
    .some((t) => words.has(t.text));
}

/** Is the mention at `off` preceded, within three words, by «مع» / «با» / "with"? */
function afterWith(p: ProcessedArticle, sentenceStart: number, off: number, within = 4): boolean {
  const a = normIndex(p.norm.map, Math.max(sentenceStart, off - 200));
  const b = normIndex(p.norm.map, off);
  return tokenize(p.norm.text, a, b)
    .slice(-within)
    .some((t) => WITH_WORDS.has(t.text));
}

/** Text between two mentions that joins them: «و», "and", a comma. */
const JOINED = /^[\s,،]*(و|and)?\s*$/;
/** «و» or "and", and at most one word ("and Palestinian President Abbas"). */
const JOINED_BY_AND_ONE_WORD = /^[\s,،]*(و|and)\s*(\S+\s+)?$/;

/**
 * The first of `candidates` starting (by `startOf`) at or after offset `end`, with only text
 * `gap` accepts between: «پوتین و اردوغان», "Putin and Zelenskyy".
 */
function nextJoined(
  p: ProcessedArticle,
  end: number,
  candidates: readonly Mention[],
  startOf: (m: Mention) => number = (m) => m.start,
  gap: RegExp = JOINED,
): Mention | undefined {
  return candidates.find((m) => {
    const start = startOf(m);
    return start >= end && gap.test(p.article.text.slice(end, start));
  });
}

/** The mentions joined one after another to `first` («A و B و C» → B, C). */
function joinedChain(
  p: ProcessedArticle,
  first: Mention,
  candidates: readonly Mention[],
): Mention[] {
  const out: Mention[] = [];
  for (let m = nextJoined(p, first.end, candidates); m; m = nextJoined(p, m.end, candidates)) {
    out.push(m);
  }
  return out;
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
