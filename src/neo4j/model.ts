/**
 * neo4j/model — the names of diplograph's Neo4j graph model (labels, relationship types) and the
 * content-derived keys that make loads idempotent: a relationship's key depends only on its kind,
 * its endpoints and its office or action, never on a build's edge keys, so two builds (or two
 * machines) always name the same relationship the same way. See MODEL.md beside this file.
 */
import { createHash } from 'node:crypto';

/** Entity kinds of graph-schema, in the order used everywhere. */
export const KIND_LABELS = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  conflict: 'Conflict',
  place: 'Place',
} as const;
export type EntityKind = keyof typeof KIND_LABELS;
export const ENTITY_KINDS = Object.keys(KIND_LABELS) as EntityKind[];

/** Relationship types of the aggregated actor graph, by graph-schema edge kind. */
export const REL_TYPES = {
  co_mention: 'CO_MENTIONED',
  role: 'HOLDS_OFFICE',
  interaction: 'INTERACTED_WITH',
} as const;
export type EdgeKind = keyof typeof REL_TYPES;
export const EDGE_KINDS = Object.keys(REL_TYPES) as EdgeKind[];

/** Node labels besides the entity kinds. */
export const LABELS = {
  entity: 'Entity',
  article: 'Article',
  evidence: 'Evidence',
  interaction: 'Interaction',
} as const;

/**
 * The key of an aggregated relationship. Co-mentions are undirected, so their endpoints are
 * sorted; interactions are sorted too unless the text gives who acted on whom.
 */
export function relationshipKey(
  kind: EdgeKind,
  source: string,
  target: string,
  detail: { office?: string | undefined; action?: string | undefined; directed?: boolean },
): { key: string; source: string; target: string } {
  let s = source;
  let t = target;
  const sorted = kind === 'co_mention' || (kind === 'interaction' && detail.directed !== true);
  if (sorted && t < s) [s, t] = [t, s];
  const parts: string[] = [kind, s, t];
  if (kind === 'role') parts.push(detail.office ?? '');
  if (kind === 'interaction') parts.push(detail.action ?? '');
  return { key: parts.join('|'), source: s, target: t };
}

/** The edge kind a relationship key starts with. */
export function kindOfKey(key: string): EdgeKind {
  const kind = key.slice(0, key.indexOf('|'));
  if (kind === 'co_mention' || kind === 'role' || kind === 'interaction') return kind;
  throw new Error(`neo4j: not a relationship key: ${key}`);
}

/** A short stable id: prefix + 24 hex characters of the SHA-256 of the parts. */
export function stableId(prefix: string, ...parts: (string | number)[]): string {
  const h = createHash('sha256');
  h.update(parts.join('\u001f'));
  return `${prefix}:${h.digest('hex').slice(0, 24)}`;
}
