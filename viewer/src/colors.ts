/**
 * viewer/colors — the palettes: one colour per entity kind, per edge kind, and per community
 * (a fixed 12-colour cycle, so the same community gets the same colour on every load).
 */
import type { EdgeKind, EntityKind } from './types.ts';

export const KIND_COLORS: Readonly<Record<EntityKind, string>> = {
  person: '#d1495b',
  country: '#2e86ab',
  organization: '#6a4c93',
  conflict: '#e09f3e',
  place: '#3c8d5a',
};

export const EDGE_COLORS: Readonly<Record<EdgeKind, string>> = {
  co_mention: '#c9ccd1',
  role: '#7fa7c9',
  interaction: '#e07a5f',
};

/** Colour of whatever is pushed to the background while something else is highlighted. */
export const FADED_NODE = '#e4e6ea';
export const HIGHLIGHT_EDGE = '#1f2937';

const COMMUNITY_PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#ad494a',
];

/** Colour of a community id (cycles after 12). */
export function communityColor(community: number): string {
  const i = Number.isInteger(community) && community >= 0 ? community : 0;
  return COMMUNITY_PALETTE[i % COMMUNITY_PALETTE.length]!;
}

/** Number of distinct community colours before they repeat. */
export const COMMUNITY_COLORS = COMMUNITY_PALETTE.length;
