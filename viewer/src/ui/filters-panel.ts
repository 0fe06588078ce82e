/**
 * viewer/ui/filters-panel — the "Filters" panel: entity kinds, edge kinds and actions, minimum
 * weight, hide isolated, a date range (two sliders over the dates present in the graph), colour
 * by kind or community, label language, and the legend for the current colouring.
 */
import { COMMUNITY_COLORS, communityColor, EDGE_COLORS, KIND_COLORS } from '../colors.ts';
import type { FilterDomain } from '../filters.ts';
import { describeRelation } from '../relations.ts';
import {
  type ColorMode,
  EDGE_KINDS,
  ENTITY_KINDS,
  LABEL_LANGS,
  type LabelLang,
  type ViewState,
} from '../types.ts';
import { h, on, replace } from './dom.ts';

export interface FiltersPanel {
  /** Reflect a (possibly restored) state in the controls. */
  sync(state: ViewState): void;
  /** Redraw the legend from counts of visible nodes per kind and per community. */
  legend(mode: ColorMode, byKind: Map<string, number>, byCommunity: Map<number, number>): void;
}

const LANG_LABEL: Record<LabelLang, string> = {
  en: 'English',
  ar: 'Arabic (العربية)',
  fa: 'Persian (فارسی)',
};

function swatch(color: string): HTMLElement {
  return h('span', { class: 'swatch', 'aria-hidden': 'true', 'data-color': color });
}

/** Swatches get their colour via CSSOM (allowed by the CSP, unlike style attributes). */
function paintSwatches(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('.swatch[data-color]').forEach((el) => {
    el.style.background = el.dataset.color ?? '';
  });
}

/** Mount the filter controls; `onChange` receives the changed part of the state. */
export function mountFilters(
  host: HTMLElement,
  domain: FilterDomain,
  onChange: (patch: Partial<ViewState>) => void,
): FiltersPanel {
  let state: ViewState | null = null;
  const kindBoxes = new Map<string, HTMLInputElement>();
  const edgeBoxes = new Map<string, HTMLInputElement>();
  const actionBoxes = new Map<string, HTMLInputElement>();

  const check = (name: string, label: string, color?: string) => {
    const input = h('input', { type: 'checkbox', name, value: label, checked: true });
    const lab = h('label', {}, input, color ? swatch(color) : null, ` ${label}`);
    return { input, lab };
  };

  const kinds = h('fieldset', {}, h('legend', {}, 'Actors'));
  for (const k of ENTITY_KINDS) {
    const { input, lab } = check('kind', k, KIND_COLORS[k]);
    kindBoxes.set(k, input);
    kinds.append(lab);
    on(input, 'change', () => {
      onChange({ kinds: ENTITY_KINDS.filter((x) => kindBoxes.get(x)!.checked) });
    });
  }
  const edges = h('fieldset', {}, h('legend', {}, 'Links'));
  for (const k of EDGE_KINDS) {
    const { input, lab } = check('edge-kind', describeRelation(k), EDGE_COLORS[k]);
    input.value = k;
    input.setAttribute('data-kind', k);
    edgeBoxes.set(k, input);
    edges.append(lab);
    on(input, 'change', () => {
      onChange({ edgeKinds: EDGE_KINDS.filter((x) => edgeBoxes.get(x)!.checked) });
    });
  }
  const actions = h('fieldset', { class: 'actions' }, h('legend', {}, 'Interactions'));
  for (const a of domain.actions) {
    const { input, lab } = check('action', a.replace(/_/g, ' '));
    input.value = a;
    actionBoxes.set(a, input);
    actions.append(lab);
    on(input, 'change', () => {
      onChange({ hiddenActions: domain.actions.filter((x) => !actionBoxes.get(x)!.checked) });
    });
  }
  if (domain.actions.length === 0) actions.hidden = true;

  const minW = h('input', {
    type: 'range',
    id: 'min-weight',
    min: 1,
    max: Math.max(1, Math.ceil(domain.maxWeight)),
    step: 1,
    value: 1,
  });
  const minWOut = h('output', { for: 'min-weight' }, '1');
  on(minW, 'input', () => {
    minWOut.textContent = minW.value;
    onChange({ minWeight: Number(minW.value) });
  });
  const isolated = h('input', { type: 'checkbox', id: 'hide-isolated' });
  on(isolated, 'change', () => onChange({ hideIsolated: isolated.checked }));

  const days = domain.days;
  const last = Math.max(0, days.length - 1);
  const from = h('input', { type: 'range', id: 'date-from', min: 0, max: last, step: 1, value: 0 });
  const to = h('input', { type: 'range', id: 'date-to', min: 0, max: last, step: 1, value: last });
  const fromOut = h('output', { for: 'date-from' }, days[0] ?? '');
  const toOut = h('output', { for: 'date-to' }, days[last] ?? '');
  const emitDates = (moved: 'from' | 'to') => {
    let f = Number(from.value);
    let t = Number(to.value);
    if (f > t) {
      if (moved === 'from') t = f;
      else f = t;
      from.value = String(f);
      to.value = String(t);
    }
    fromOut.textContent = days[f] ?? '';
    toOut.textContent = days[t] ?? '';
    onChange({ from: f <= 0 ? null : days[f]!, to: t >= last ? null : days[t]! });
  };
  on(from, 'input', () => emitDates('from'));
  on(to, 'input', () => emitDates('to'));
  const dates = h(
    'fieldset',
    { class: 'dates' },
    h('legend', {}, 'Dates'),
    h('label', { for: 'date-from' }, 'From '),
    fromOut,
    from,
    h('label', { for: 'date-to' }, 'To '),
    toOut,
    to,
  );
  if (days.length < 2) dates.hidden = true;

  const colorRadios = new Map<ColorMode, HTMLInputElement>();
  const colorSet = h('fieldset', {}, h('legend', {}, 'Colour by'));
  for (const [mode, text] of [
    ['kind', 'Kind'],
    ['community', 'Community'],
  ] as const) {
    const r = h('input', { type: 'radio', name: 'color', value: mode });
    colorRadios.set(mode, r);
    colorSet.append(h('label', {}, r, ` ${text}`));
    on(r, 'change', () => r.checked && onChange({ color: mode }));
  }
  const lang = h('select', { id: 'label-lang' });
  for (const l of LABEL_LANGS) lang.append(h('option', { value: l }, LANG_LABEL[l]));
  on(lang, 'change', () => onChange({ lang: lang.value as LabelLang }));

  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' });

  replace(
    host,
    h('h2', {}, 'Filters'),
    kinds,
    edges,
    actions,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Strength'),
      h('label', { for: 'min-weight' }, 'Minimum weight '),
      minWOut,
      minW,
      h('label', {}, isolated, ' Hide isolated actors'),
    ),
    dates,
    colorSet,
    h('label', { for: 'label-lang', class: 'block' }, 'Label language'),
    lang,
    h('h3', {}, 'Legend'),
    legend,
  );
  paintSwatches(host);

  return {
    sync(s) {
      state = s;
      for (const [k, box] of kindBoxes) box.checked = s.kinds.includes(k as never);
      for (const [k, box] of edgeBoxes) box.checked = s.edgeKinds.includes(k as never);
      for (const [a, box] of actionBoxes) {
        box.checked = !s.hiddenActions.includes(a);
        box.disabled = !s.edgeKinds.includes('interaction');
      }
      minW.value = String(s.minWeight);
      minWOut.textContent = String(s.minWeight);
      isolated.checked = s.hideIsolated;
      const f = s.from
        ? Math.max(
            0,
            days.findIndex((d) => d >= s.from!),
          )
        : 0;
      let t = last;
      if (s.to) {
        const i = days.findIndex((d) => d > s.to!);
        t = i < 0 ? last : Math.max(0, i - 1);
      }
      from.value = String(f);
      to.value = String(t);
      fromOut.textContent = s.from ?? days[0] ?? '';
      toOut.textContent = s.to ?? days[last] ?? '';
      for (const [m, r] of colorRadios) r.checked = m === s.color;
      lang.value = s.lang;
    },
    legend(mode, byKind, byCommunity) {
      const items: HTMLElement[] = [];
      if (mode === 'kind') {
        for (const k of ENTITY_KINDS) {
          items.push(h('li', {}, swatch(KIND_COLORS[k]), ` ${k} (${byKind.get(k) ?? 0})`));
        }
      } else {
        const top = [...byCommunity.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        for (const [c, n] of top.slice(0, COMMUNITY_COLORS)) {
          items.push(h('li', {}, swatch(communityColor(c)), ` community ${c} (${n})`));
        }
        if (top.length > COMMUNITY_COLORS) {
          const rest = top.slice(COMMUNITY_COLORS).reduce((s, [, n]) => s + n, 0);
          items.push(
            h(
              'li',
              { class: 'muted' },
              `${top.length - COMMUNITY_COLORS} more communities (${rest}), colours repeat`,
            ),
          );
        }
      }
      for (const k of EDGE_KINDS) {
        if (state && !state.edgeKinds.includes(k)) continue;
        items.push(
          h(
            'li',
            {},
            h('span', { class: 'edge-swatch', 'data-color': EDGE_COLORS[k] }),
            ` ${describeRelation(k)}`,
          ),
        );
      }
      replace(legend, ...items);
      legend.querySelectorAll<HTMLElement>('[data-color]').forEach((el) => {
        el.style.background = el.dataset.color ?? '';
      });
    },
  };
}
