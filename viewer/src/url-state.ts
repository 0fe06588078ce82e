/**
 * viewer/url-state — the shareable part of the view (selected actor, open edge, filters, date
 * range, colour mode, label language) to and from the URL fragment. Only values that differ from
 * the defaults are written; anything unknown or malformed in a URL is dropped, never trusted.
 */
import {
  type ColorMode,
  DEFAULT_VIEW_STATE,
  EDGE_KINDS,
  type EdgeKind,
  ENTITY_KINDS,
  type EntityKind,
  LABEL_LANGS,
  type LabelLang,
  type ViewState,
} from './types.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest node/edge key accepted from a URL. */
const MAX_KEY = 512;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/** Encode a view state as a URL fragment (without '#'); '' for the default view. */
export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_VIEW_STATE;
  if (state.selected) p.set('actor', state.selected);
  for (const e of state.edges) p.append('edge', e);
  if (!sameSet(state.kinds, d.kinds)) {
    p.set('kinds', ENTITY_KINDS.filter((k) => state.kinds.includes(k)).join(',') || '-');
  }
  if (!sameSet(state.edgeKinds, d.edgeKinds)) {
    p.set('links', EDGE_KINDS.filter((k) => state.edgeKinds.includes(k)).join(',') || '-');
  }
  if (state.hiddenActions.length > 0) p.set('hide', [...state.hiddenActions].sort().join(','));
  if (state.minWeight !== d.minWeight) p.set('minw', String(state.minWeight));
  if (state.hideIsolated) p.set('isolated', 'hide');
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.color !== d.color) p.set('color', state.color);
  if (state.lang !== d.lang) p.set('lang', state.lang);
  return p.toString();
}

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] | null {
  if (raw === null) return null;
  if (raw === '-') return [];
  const want = new Set(raw.split(','));
  return allowed.filter((k) => want.has(k));
}

function keyOf(raw: string | null): string | null {
  return raw && raw.length <= MAX_KEY ? raw : null;
}

/**
 * Decode a URL fragment ('#…' or '…') into a view state, starting from the defaults. Values are
 * checked against what the viewer knows; node/edge keys are checked by the caller against the graph.
 */
export function decodeViewState(fragment: string): ViewState {
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  const d = DEFAULT_VIEW_STATE;
  const minw = Number(p.get('minw'));
  const from = p.get('from');
  const to = p.get('to');
  const color = p.get('color');
  const lang = p.get('lang');
  const hide = p.get('hide');
  return {
    selected: keyOf(p.get('actor')),
    edges: p
      .getAll('edge')
      .map(keyOf)
      .filter((e): e is string => e !== null)
      .slice(0, 64),
    kinds: listOf<EntityKind>(p.get('kinds'), ENTITY_KINDS) ?? [...d.kinds],
    edgeKinds: listOf<EdgeKind>(p.get('links'), EDGE_KINDS) ?? [...d.edgeKinds],
    hiddenActions: hide
      ? hide
          .split(',')
          .filter((a) => /^[\w-]{1,64}$/.test(a))
          .sort()
      : [],
    minWeight: p.has('minw') && Number.isFinite(minw) && minw >= 0 ? minw : d.minWeight,
    hideIsolated: p.get('isolated') === 'hide',
    from: from && ISO_DAY.test(from) ? from : null,
    to: to && ISO_DAY.test(to) ? to : null,
    color: color === 'community' || color === 'kind' ? (color as ColorMode) : d.color,
    lang: LABEL_LANGS.includes(lang as LabelLang) ? (lang as LabelLang) : d.lang,
  };
}
