/**
 * relate/cues — loads the interaction cue data (data/cues/interactions.yaml), validates it with
 * zod and builds the phrase tries the relation stage walks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Names } from '../lexicon/schema.ts';
import { PhraseTrie } from '../lexicon/trie.ts';
import { nameTokens } from '../lexicon/variants.ts';

export const ACTIONS = [
  'phone_call',
  'visit',
  'meeting',
  'talks',
  'message',
  'joint_statement',
] as const;
export type Action = (typeof ACTIONS)[number];

const CueFile = z
  .object({
    actions: z.array(
      z
        .object({
          action: z.enum(ACTIONS),
          cameo: z.string().regex(/^\d{3,4}$/),
          strength: z.enum(['strong', 'weak']),
          names: Names,
        })
        .strict(),
    ),
    call_context: Names,
    not_happened: Names,
    requested: Names,
    initiator: Names,
    receiver: Names,
    host: Names,
  })
  .strict();

export const BUILTIN_CUES = fileURLToPath(
  new URL('../../data/cues/interactions.yaml', import.meta.url),
);

export interface ActionCue {
  action: Action;
  cameo: string;
  strong: boolean;
}

export interface Cues {
  actions: PhraseTrie<ActionCue>;
  callContext: PhraseTrie<true>;
  notHappened: PhraseTrie<true>;
  /** Requests and proposals: a sentence that asks for a meeting does not report one. */
  requested: PhraseTrie<true>;
  initiator: PhraseTrie<true>;
  receiver: PhraseTrie<true>;
  /** A meeting led by a host («استقبل», "received", «به حضور پذیرفت»): host → guest. */
  host: PhraseTrie<true>;
  cameo: Record<string, string>;
}

function trieOf(names: z.infer<typeof Names>): PhraseTrie<true> {
  const t = new PhraseTrie<true>();
  for (const lang of ['en', 'ar', 'fa'] as const)
    for (const n of names[lang]) t.add(nameTokens(n), true);
  return t;
}

/** Load and index the cue file (throws `relate: <file>: …` on invalid data). */
export function loadCues(file = BUILTIN_CUES): Cues {
  const parsed = CueFile.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`relate: ${file}: ${i.path.join('.')}: ${i.message}`);
  }
  const actions = new PhraseTrie<ActionCue>();
  const cameo: Record<string, string> = {};
  for (const a of parsed.data.actions) {
    cameo[a.action] = a.cameo;
    for (const lang of ['en', 'ar', 'fa'] as const) {
      for (const n of a.names[lang]) {
        actions.add(nameTokens(n), {
          action: a.action,
          cameo: a.cameo,
          strong: a.strength === 'strong',
        });
      }
    }
  }
  return {
    actions,
    callContext: trieOf(parsed.data.call_context),
    notHappened: trieOf(parsed.data.not_happened),
    requested: trieOf(parsed.data.requested),
    initiator: trieOf(parsed.data.initiator),
    receiver: trieOf(parsed.data.receiver),
    host: trieOf(parsed.data.host),
    cameo,
  };
}
