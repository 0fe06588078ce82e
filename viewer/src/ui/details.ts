/**
 * viewer/ui/details — the "Details" region: an actor's names in English, Arabic and Persian
 * (right-to-left where they are), kind, offices, metrics, articles and relations (one button per
 * neighbour and kind/action), and the "Evidence" list of the open relation or edge. Every string
 * from the data goes in as text.
 */
import type { EdgeEvidence } from '../evidence.ts';
import { describeRelation, type Relation } from '../relations.ts';
import { guessLang, textDirection } from '../script.ts';
import type { DiploGraph, LabelLang } from '../types.ts';
import { h, on, replace } from './dom.ts';

const LANG_NAMES: Record<LabelLang, string> = { en: 'English', ar: 'العربية', fa: 'فارسی' };
const MAX_ARTICLES = 30;

function labelOf(graph: DiploGraph, key: string): string {
  return graph.hasNode(key) ? graph.getNodeAttribute(key, 'label') : key;
}

function nice(s: string): string {
  return s.replace(/_/g, ' ');
}

function row(term: string, ...value: (Node | string)[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

export interface ActorView {
  graph: DiploGraph;
  node: string;
  relations: Relation[];
  activeRelation: string | null;
  hiddenByFilters: boolean;
  onRelation: (rel: Relation) => void;
  onNeighbor: (node: string) => void;
}

/** Render an actor's details into `host` (or a hint when none is selected). */
export function renderActor(host: HTMLElement, view: ActorView | null): void {
  if (!view?.graph.hasNode(view.node)) {
    replace(
      host,
      h('p', { class: 'hint' }, 'Search for an actor or click a node to see its details.'),
    );
    return;
  }
  const { graph, node } = view;
  const a = graph.getNodeAttributes(node);
  const names = h('dl', { class: 'names' });
  for (const lang of ['en', 'ar', 'fa'] as const) {
    const name = a.labels[lang];
    if (!name) continue;
    const rtl = lang !== 'en';
    names.append(
      h('dt', {}, LANG_NAMES[lang]),
      h('dd', { lang, dir: rtl ? 'rtl' : 'ltr', class: `name-${lang}` }, name),
    );
  }
  const offices = a.offices.length
    ? h(
        'ul',
        { class: 'offices' },
        ...a.offices.map((o) =>
          h(
            'li',
            {},
            `${nice(o.office)} of ${labelOf(graph, o.of)}`,
            o.from || o.to ? ` (${o.from ?? '…'} – ${o.to ?? ''})` : '',
            o.source === 'text' ? h('span', { class: 'badge' }, 'from text') : null,
          ),
        ),
      )
    : h('p', { class: 'muted' }, 'No office recorded.');
  const metrics = h(
    'dl',
    { class: 'metrics' },
    ...row('Degree', String(a.degree)),
    ...row('Weighted degree', String(a.weighted_degree)),
    ...row('PageRank', a.pagerank.toFixed(4)),
    ...row('Community', String(a.community)),
    ...row('Betweenness', a.betweenness.toFixed(4)),
    ...row('Mentions', String(a.mentions)),
    ...(a.first_seen ? row('Seen', `${a.first_seen} – ${a.last_seen ?? a.first_seen}`) : []),
  );
  const shown = a.articles.slice(0, MAX_ARTICLES);
  const articles = h(
    'ul',
    { class: 'articles', 'aria-label': 'Articles' },
    ...shown.map((id) => h('li', {}, h('bdi', { dir: 'auto' }, id))),
  );
  const more =
    a.article_count > shown.length
      ? h('p', { class: 'muted' }, `… and ${a.article_count - shown.length} more`)
      : null;
  const relations = h('ul', { class: 'relations', 'aria-label': 'Relations' });
  for (const rel of view.relations) {
    const arrow = rel.direction === 'out' ? '→ ' : rel.direction === 'in' ? '← ' : '';
    const btn = h(
      'button',
      {
        type: 'button',
        class: `relation kind-${rel.kind}`,
        'aria-pressed': rel.id === view.activeRelation ? 'true' : 'false',
        'data-neighbor': rel.neighbor,
      },
      h('span', { class: 'rel-name', dir: 'auto' }, `${arrow}${rel.neighborLabel}`),
      h('span', { class: 'rel-kind' }, describeRelation(rel.kind, rel.action)),
      h('span', { class: 'rel-weight' }, `weight ${rel.weight}`),
    );
    on(btn, 'click', () => view.onRelation(rel));
    relations.append(h('li', {}, btn));
  }
  const title = h('h2', { id: 'details-title', dir: 'auto' }, a.label);
  replace(
    host,
    title,
    h(
      'p',
      { class: 'kind-line' },
      h('span', { class: `kind-chip kind-${a.kind}` }, a.kind),
      a.candidate ? h('span', { class: 'badge' }, 'candidate') : null,
      h('code', { class: 'node-key' }, node),
    ),
    view.hiddenByFilters
      ? h('p', { class: 'warn', role: 'note' }, 'Hidden in the graph by the current filters.')
      : null,
    names,
    h('h3', {}, 'Offices'),
    offices,
    h('h3', {}, 'Metrics'),
    metrics,
    h('h3', {}, `Relations (${view.relations.length})`),
    view.relations.length ? relations : h('p', { class: 'muted' }, 'No visible relations.'),
    h('h3', {}, `Articles (${a.article_count})`),
    articles,
    more,
  );
}

export interface EvidenceView {
  title: string;
  evidence: EdgeEvidence;
  loading: boolean;
  onClose: () => void;
}

/** Render the evidence list into `host` (hidden when `view` is null). */
export function renderEvidence(host: HTMLElement, view: EvidenceView | null): void {
  if (!view) {
    host.hidden = true;
    replace(host);
    return;
  }
  host.hidden = false;
  const { evidence } = view;
  const close = h(
    'button',
    { type: 'button', class: 'close', 'aria-label': 'Close evidence' },
    '×',
  );
  on(close, 'click', view.onClose);
  const note = view.loading
    ? 'loading the full evidence…'
    : evidence.complete
      ? evidence.fromIndex
        ? 'complete (evidence.jsonl)'
        : 'complete'
      : 'sample from graph.json (evidence.jsonl not available)';
  const list = h('ol', { class: 'evidence', 'aria-label': 'Evidence' });
  for (const ev of evidence.items) {
    const dir = textDirection(ev.text);
    const lang = guessLang(ev.text);
    list.append(
      h(
        'li',
        {},
        h(
          'blockquote',
          { class: 'ev-text', dir: dir === 'rtl' ? 'rtl' : 'auto', lang: lang ?? null },
          ev.text,
        ),
        h(
          'p',
          { class: 'ev-meta' },
          h('bdi', { class: 'ev-article', dir: 'auto' }, ev.article),
          ev.date ? ' · ' : '',
          ev.date ? h('time', { datetime: ev.date }, ev.date) : null,
        ),
      ),
    );
  }
  replace(
    host,
    h(
      'div',
      { class: 'ev-head' },
      h('h3', { id: 'evidence-title', dir: 'auto' }, view.title),
      close,
    ),
    h(
      'p',
      { class: 'muted ev-count', 'aria-live': 'polite' },
      `${evidence.items.length} of ${evidence.total} sentence${evidence.total === 1 ? '' : 's'} — ${note}`,
    ),
    list,
  );
}
