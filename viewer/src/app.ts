/**
 * viewer/app — wires the viewer together: loads graph.json, builds the sigma renderer with the
 * pure reducers and the RTL-aware label renderers, mounts search, filters and details, keeps the
 * view state in the URL, and exposes the read-only debug hook. The graph is never written here;
 * only the layout worker moves nodes.
 */
import Sigma from 'sigma';
import { prepareGraph } from './data.ts';
import { type DiplographDebug, graphDigest } from './debug.ts';
import { type EdgeEvidence, evidenceForEdges, loadEvidenceIndex } from './evidence.ts';
import { viewToGexf } from './export-gexf.ts';
import { viewToPng } from './export-png.ts';
import { computeVisibility, type FilterDomain, filterDomain } from './filters.ts';
import { drawNodeHover, drawNodeLabel, labelStats, resetLabelStats } from './labels.ts';
import { LayoutControl } from './layout.ts';
import { neighbourhood, type ReducerContext, reduceEdge, reduceNode } from './reducers.ts';
import { describeRelation, type Relation, relationsOf } from './relations.ts';
import { buildSearchIndex, type SearchEntry, searchActors } from './search.ts';
import type { DiploGraph, Evidence, ViewState, Visibility } from './types.ts';
import { renderActor, renderEvidence } from './ui/details.ts';
import { download, h, on, replace } from './ui/dom.ts';
import { type FiltersPanel, mountFilters } from './ui/filters-panel.ts';
import { mountSearchBox } from './ui/search-box.ts';
import { decodeViewState, encodeViewState } from './url-state.ts';

const FILTER_KEYS: (keyof ViewState)[] = [
  'kinds',
  'edgeKinds',
  'hiddenActions',
  'minWeight',
  'hideIsolated',
  'from',
  'to',
];

function el<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`viewer: #${id} missing from index.html`);
  return found as T;
}

/** Keep only the parts of a decoded state that make sense for this graph. */
function sanitizeState(s: ViewState, graph: DiploGraph): ViewState {
  return {
    ...s,
    selected: s.selected && graph.hasNode(s.selected) ? s.selected : null,
    edges: s.edges.filter((e) => graph.hasEdge(e)),
  };
}

class App {
  readonly graph: DiploGraph;
  /** Actions, weights and dates the filters offer (computed after the first frame). */
  domain!: FilterDomain;
  state: ViewState;
  visibility: Visibility;
  readonly ctx: ReducerContext;
  readonly renderer: Sigma;
  readonly layout: LayoutControl;
  private searchIndex: SearchEntry[] | null = null;
  private evidenceIndex: Promise<Map<string, Evidence[]> | null> | null = null;
  private evidenceLoaded: Map<string, Evidence[]> | null | undefined = undefined;
  private activeRelation: string | null = null;
  /** Edge keys of the evidence last rendered (to scroll a newly opened list into view). */
  private shownEvidence = '';
  private filters!: FiltersPanel;

  constructor(
    graph: DiploGraph,
    private readonly debug: DiplographDebug,
  ) {
    this.graph = graph;
    this.state = sanitizeState(decodeViewState(location.hash), graph);
    this.visibility = computeVisibility(graph, this.state);
    this.ctx = {
      visibility: this.visibility,
      selected: this.state.selected,
      hovered: null,
      focus: null,
      focusEdges: null,
      activeEdges: new Set(this.state.edges),
      color: this.state.color,
      lang: this.state.lang,
    };
    this.updateFocus();
    const container = el('graph');
    container.setAttribute('dir', 'ltr');
    debug.timings.sigmaStart = performance.now();
    this.renderer = new Sigma(graph, container, {
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      zIndex: true,
      labelFont: 'Vazirmatn, "Noto Sans Arabic", system-ui, sans-serif',
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1f2937' },
      labelRenderedSizeThreshold: 6,
      stagePadding: 60,
      labelDensity: 0.35,
      defaultDrawNodeLabel: drawNodeLabel,
      defaultDrawNodeHover: drawNodeHover,
      hideEdgesOnMove: graph.size > 20_000,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      nodeReducer: (node, data) => reduceNode(this.ctx, node, data) as never,
      edgeReducer: (edge, data) => reduceEdge(this.ctx, edge, data) as never,
    });
    // sigma's constructor has drawn the first frame, with every node, synchronously.
    debug.timings.firstRender = performance.now();
    debug.firstRenderNodes = graph.order;
    requestAnimationFrame(() => {
      debug.timings.firstPaint = performance.now();
    });
    this.domain = filterDomain(graph);
    this.layout = new LayoutControl(graph);
    this.bindRenderer();
    this.mountUi();
    this.refreshAll(false, false);
    if (this.state.selected) {
      const sel = this.state.selected;
      requestAnimationFrame(() => this.centerOn(sel, 0));
    }
  }

  // ---- state -------------------------------------------------------------------------------

  /** Apply a change of view state: recompute what it affects, redraw, write the URL. */
  update(patch: Partial<ViewState>): void {
    const prev = this.state;
    this.state = { ...prev, ...patch };
    if (FILTER_KEYS.some((k) => k in patch && patch[k] !== prev[k])) {
      this.visibility = computeVisibility(this.graph, this.state);
      this.ctx.visibility = this.visibility;
    }
    this.refreshAll(true);
  }

  private refreshAll(writeUrl: boolean, redraw = true): void {
    const s = this.state;
    this.ctx.selected = s.selected;
    this.ctx.color = s.color;
    this.ctx.lang = s.lang;
    this.ctx.activeEdges = new Set(s.edges);
    this.updateFocus();
    if (redraw) this.renderer.refresh({ schedule: true });
    this.filters.sync(s);
    this.renderLegend();
    this.renderStatus();
    this.renderDetails();
    this.renderEvidencePanel();
    if (writeUrl) {
      const frag = encodeViewState(s);
      const url = `${location.pathname}${location.search}${frag ? `#${frag}` : ''}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) {
        history.replaceState(null, '', url);
      }
    }
  }

  private updateFocus(): void {
    const n = neighbourhood(this.graph, this.ctx.hovered ?? this.ctx.selected, this.visibility);
    this.ctx.focus = n.focus;
    this.ctx.focusEdges = n.focusEdges;
  }

  // ---- actions -----------------------------------------------------------------------------

  select(node: string | null, center = true): void {
    this.activeRelation = null;
    this.update({ selected: node, edges: [] });
    if (node && center) this.centerOn(node);
  }

  centerOn(node: string, duration = 450): void {
    if (!this.graph.hasNode(node)) return;
    const d = this.framedPosition(node);
    const camera = this.renderer.getCamera();
    // Small graphs fit on screen: pan only. Large ones: zoom in enough to find the actor.
    const ratio = this.graph.order > 300 ? Math.min(camera.ratio, 0.25) : camera.ratio;
    const target = { x: d.x, y: d.y, ratio };
    if (duration > 0) camera.animate(target, { duration });
    else camera.setState(target);
  }

  /**
   * A node's position in framed-graph coordinates (the camera's system). sigma's display data
   * hold them only once processed, and a refresh may be pending; its normalisation function
   * converts the graph position directly (fallback: a synchronous refresh).
   */
  private framedPosition(node: string): { x: number; y: number } {
    const { x, y } = this.graph.getNodeAttributes(node);
    const norm = (this.renderer as unknown as { normalizationFunction?: unknown })
      .normalizationFunction;
    if (typeof norm === 'function')
      return (norm as (p: { x: number; y: number }) => { x: number; y: number })({ x, y });
    this.renderer.refresh();
    const d = this.renderer.getNodeDisplayData(node);
    return d ? { x: d.x, y: d.y } : { x: 0.5, y: 0.5 };
  }

  openRelation(rel: Relation): void {
    this.activeRelation = rel.id;
    this.update({ edges: rel.edges });
  }

  openEdge(edge: string): void {
    this.activeRelation = null;
    this.update({ edges: [edge] });
  }

  private evidenceTitle(edges: string[]): string {
    const first = edges[0];
    if (!first || !this.graph.hasEdge(first)) return 'Evidence';
    const a = this.graph.getEdgeAttributes(first);
    const label = (n: string) => this.graph.getNodeAttribute(n, 'label');
    const [s, t] = this.graph.extremities(first);
    const what = describeRelation(a.kind, a.kind === 'interaction' ? a.action : a.office);
    return `${label(s)} — ${label(t)} · ${what}`;
  }

  private ensureEvidenceIndex(): void {
    if (this.evidenceIndex) return;
    this.evidenceIndex = loadEvidenceIndex('data/evidence.jsonl');
    void this.evidenceIndex.then((idx) => {
      this.evidenceLoaded = idx;
      this.renderEvidencePanel();
    });
  }

  // ---- rendering of the panels --------------------------------------------------------------

  private renderDetails(): void {
    const node = this.state.selected;
    if (!node) {
      renderActor(el('actor'), null);
      return;
    }
    const relations = relationsOf(this.graph, node, this.visibility.edges);
    if (!this.activeRelation && this.state.edges.length) {
      const key = [...this.state.edges].sort().join('\u0000');
      this.activeRelation = relations.find((r) => r.edges.join('\u0000') === key)?.id ?? null;
    }
    renderActor(el('actor'), {
      graph: this.graph,
      node,
      relations,
      activeRelation: this.activeRelation,
      hiddenByFilters: !this.visibility.nodes.has(node),
      onRelation: (rel) => this.openRelation(rel),
      onNeighbor: (n) => this.select(n),
    });
  }

  private renderEvidencePanel(): void {
    const host = el('evidence-panel');
    const edges = this.state.edges;
    const key = edges.join('\u0000');
    const opened = key !== this.shownEvidence;
    this.shownEvidence = key;
    if (edges.length === 0) {
      renderEvidence(host, null);
      return;
    }
    this.ensureEvidenceIndex();
    const loading = this.evidenceLoaded === undefined;
    const evidence: EdgeEvidence = evidenceForEdges(this.graph, edges, this.evidenceLoaded ?? null);
    renderEvidence(host, {
      title: this.evidenceTitle(edges),
      evidence,
      loading,
      onClose: () => {
        this.activeRelation = null;
        this.update({ edges: [] });
      },
    });
    if (opened) host.scrollIntoView({ block: 'start' });
  }

  private renderStatus(): void {
    const s = el('status');
    s.textContent =
      `Showing ${this.visibility.nodes.size} of ${this.graph.order} actors · ` +
      `${this.visibility.edges.size} of ${this.graph.size} links`;
  }

  private renderLegend(): void {
    const byKind = new Map<string, number>();
    const byCommunity = new Map<number, number>();
    for (const n of this.visibility.nodes) {
      const a = this.graph.getNodeAttributes(n);
      byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
      byCommunity.set(a.community, (byCommunity.get(a.community) ?? 0) + 1);
    }
    this.filters.legend(this.state.color, byKind, byCommunity);
  }

  // ---- wiring ------------------------------------------------------------------------------

  private bindRenderer(): void {
    const r = this.renderer;
    const container = r.getContainer();
    r.on('beforeRender', () => resetLabelStats());
    r.on('afterRender', () => {
      this.debug.renders++;
      lastLabels = { ...labelStats };
    });
    r.on('enterNode', ({ node }) => {
      this.ctx.hovered = node;
      this.updateFocus();
      container.classList.add('pointer');
      r.refresh({ schedule: true });
    });
    r.on('leaveNode', () => {
      this.ctx.hovered = null;
      this.updateFocus();
      container.classList.remove('pointer');
      r.refresh({ schedule: true });
    });
    r.on('enterEdge', () => container.classList.add('pointer'));
    r.on('leaveEdge', () => container.classList.remove('pointer'));
    r.on('clickNode', ({ node }) => this.select(node, false));
    r.on('clickEdge', ({ edge }) => this.openEdge(edge));
    r.on('clickStage', () => {
      if (this.state.selected || this.state.edges.length) this.select(null);
    });
  }

  private mountUi(): void {
    mountSearchBox(el('search'), {
      search: (q) => {
        this.searchIndex ??= buildSearchIndex(
          this.graph.mapNodes((key, attributes) => ({ key, attributes })),
        );
        return searchActors(this.searchIndex, q, 12);
      },
      onPick: (hit) => this.select(hit.key),
    });
    this.filters = mountFilters(el('filters'), this.domain, (patch) => this.update(patch));

    const start = h('button', { type: 'button', id: 'layout-start' }, 'Start layout');
    const stop = h('button', { type: 'button', id: 'layout-stop', disabled: true }, 'Stop layout');
    const syncLayout = () => {
      start.disabled = this.layout.running;
      stop.disabled = !this.layout.running;
    };
    on(start, 'click', () => {
      this.layout.start();
      syncLayout();
    });
    on(stop, 'click', () => {
      this.layout.stop();
      syncLayout();
    });
    const png = h('button', { type: 'button', id: 'export-png' }, 'Export PNG');
    on(png, 'click', () => {
      void viewToPng(this.renderer).then((blob) => download(blob, 'diplograph-view.png'));
    });
    const gexf = h('button', { type: 'button', id: 'export-gexf' }, 'Export GEXF');
    on(gexf, 'click', () => {
      const xml = viewToGexf(this.graph, this.visibility, this.state);
      download(new Blob([xml], { type: 'application/gexf+xml' }), 'diplograph-view.gexf');
    });
    const reset = h('button', { type: 'button', id: 'reset-camera' }, 'Fit view');
    on(reset, 'click', () => {
      void this.renderer.getCamera().animatedReset({ duration: 300 });
    });
    replace(el('toolbar'), start, stop, reset, png, gexf);

    window.addEventListener('hashchange', () => {
      const next = sanitizeState(decodeViewState(location.hash), this.graph);
      if (encodeViewState(next) === encodeViewState(this.state)) return;
      this.activeRelation = null;
      this.visibility = computeVisibility(this.graph, next);
      this.ctx.visibility = this.visibility;
      this.state = next;
      this.refreshAll(false);
      if (next.selected) this.centerOn(next.selected);
    });
  }

  drawn(): { nodes: number; edges: number } {
    let nodes = 0;
    let edges = 0;
    this.graph.forEachNode((n) => {
      if (this.renderer.getNodeDisplayData(n)?.hidden === false) nodes++;
    });
    this.graph.forEachEdge((e) => {
      if (this.renderer.getEdgeDisplayData(e)?.hidden === false) edges++;
    });
    return { nodes, edges };
  }

  evidenceStatus(): { loaded: boolean; records: number } {
    const idx = this.evidenceLoaded;
    let records = 0;
    if (idx) for (const list of idx.values()) records += list.length;
    return { loaded: idx !== undefined && idx !== null, records };
  }
}

let lastLabels = { drawn: 0, rtl: 0, rtlBeside: 0 };

function createDebugHook(): DiplographDebug {
  const none = () => {
    throw new Error('viewer: not ready');
  };
  const hook: DiplographDebug = {
    ready: false,
    error: null,
    timings: {},
    firstRenderNodes: null,
    renders: 0,
    fontsReady: false,
    counts: none,
    state: none,
    digest: none,
    labels: () => ({ ...lastLabels }),
    evidence: () => ({ loaded: false, records: 0 }),
    layoutRunning: () => false,
    viewportOf: () => null,
    edgeViewportOf: () => null,
    distanceFromCenter: () => null,
  };
  window.__diplograph = hook;
  return hook;
}

/** Load the data and start the viewer. */
export async function startApp(): Promise<void> {
  const debug = createDebugHook();
  // Start loading the label font (Arabic and Latin subsets) while graph.json downloads.
  const fonts = Promise.all([
    document.fonts.load('500 13px Vazirmatn', 'لافروف لاوروف'),
    document.fonts.load('500 13px Vazirmatn', 'Lavrov'),
  ])
    .catch(() => undefined)
    .then(() => document.fonts.ready);
  try {
    const res = await fetch('data/graph.json');
    if (!res.ok) throw new Error(`viewer: could not load data/graph.json (HTTP ${res.status})`);
    debug.timings.fetched = performance.now();
    const raw: unknown = await res.json();
    debug.timings.dataLoaded = performance.now();
    const { graph } = prepareGraph(raw);
    debug.timings.graphBuilt = performance.now();
    const app = new App(graph, debug);
    const r = app.renderer;
    // From graph coordinates (what the layout writes), valid even while a refresh is pending.
    const toViewport = (x: number, y: number) => r.graphToViewport({ x, y });
    debug.counts = () => {
      const drawn = app.drawn();
      return {
        nodes: graph.order,
        edges: graph.size,
        visibleNodes: app.visibility.nodes.size,
        visibleEdges: app.visibility.edges.size,
        drawnNodes: drawn.nodes,
        drawnEdges: drawn.edges,
      };
    };
    debug.state = () => structuredClone(app.state);
    debug.digest = () => graphDigest(graph);
    debug.evidence = () => app.evidenceStatus();
    debug.layoutRunning = () => app.layout.running;
    debug.viewportOf = (node) => {
      if (!graph.hasNode(node)) return null;
      const a = graph.getNodeAttributes(node);
      return toViewport(a.x, a.y);
    };
    debug.edgeViewportOf = (edge) => {
      if (!graph.hasEdge(edge)) return null;
      const [s, t] = graph.extremities(edge).map((n) => graph.getNodeAttributes(n));
      return toViewport((s!.x + t!.x) / 2, (s!.y + t!.y) / 2);
    };
    debug.distanceFromCenter = (node) => {
      const p = debug.viewportOf(node);
      if (!p) return null;
      const { width, height } = r.getDimensions();
      return Math.hypot(p.x - width / 2, p.y - height / 2);
    };
    // Shape Arabic/Persian labels with the bundled font once it is loaded, then redraw.
    void fonts.then(() => {
      // Labels are drawn at render time: a render (no re-indexing) reshapes them.
      r.scheduleRender();
      r.once('afterRender', () => {
        debug.fontsReady = true;
        debug.timings.fontsReady = performance.now();
      });
    });
    debug.ready = true;
    debug.timings.appReady = performance.now();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    debug.error = msg;
    replace(el('status'), h('span', { class: 'error', role: 'alert' }, msg));
    throw err;
  }
}
