/**
 * viewer/shims — types for a deep import: graphology-gexf's writer alone, without its browser
 * parser (which needs the browser XML parser at load time, and the viewer never reads GEXF).
 */
declare module 'graphology-gexf/browser/writer.js' {
  import type { write } from 'graphology-gexf/browser/index.js';

  const writer: typeof write;
  export default writer;
}
