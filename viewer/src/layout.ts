/**
 * viewer/layout — ForceAtlas2 in its web worker (graphology-layout-forceatlas2/worker), started
 * and stopped from the toolbar. The worker writes node x/y: the only change the viewer ever makes
 * to the graph (positions, not data).
 */
import fa2Module from 'graphology-layout-forceatlas2';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import { cjs } from './cjs.ts';
import type { DiploGraph } from './types.ts';

const forceAtlas2 = cjs(fa2Module);
const FA2Layout = cjs(FA2LayoutModule);

export class LayoutControl {
  private fa2: InstanceType<typeof FA2Layout> | null = null;

  constructor(private readonly graph: DiploGraph) {}

  get running(): boolean {
    return this.fa2?.isRunning() ?? false;
  }

  start(): void {
    if (!this.fa2) {
      const settings = forceAtlas2.inferSettings(this.graph);
      this.fa2 = new FA2Layout(this.graph, {
        settings: { ...settings, barnesHutOptimize: this.graph.order > 500 },
        getEdgeWeight: 'weight',
      });
    }
    this.fa2.start();
  }

  stop(): void {
    this.fa2?.stop();
  }

  kill(): void {
    this.fa2?.kill();
    this.fa2 = null;
  }
}
