/**
 * viewer/export-png — the current view as a PNG: sigma's canvas layers (WebGL edges and nodes,
 * 2D labels and hovers) composited in stacking order onto a white canvas.
 */
import type Sigma from 'sigma';

/**
 * Render now and composite every layer. The render and the copy happen in the same task, so the
 * WebGL layers' drawing buffers are still valid without `preserveDrawingBuffer`.
 */
export function viewToPng(renderer: Sigma): Promise<Blob> {
  renderer.refresh();
  const layers = [...renderer.getContainer().querySelectorAll('canvas')];
  const width = Math.max(1, ...layers.map((c) => c.width));
  const height = Math.max(1, ...layers.map((c) => c.height));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('viewer: no 2D canvas context for the PNG export'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  for (const layer of layers) {
    if (layer.width > 0 && layer.height > 0) ctx.drawImage(layer, 0, 0, width, height);
  }
  return new Promise((resolve, reject) => {
    out.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('viewer: PNG encoding failed'))),
      'image/png',
    );
  });
}
