/**
 * viewer/vite.config — builds the Sigma.js viewer into viewer/dist as a static, relocatable app
 * (relative asset URLs), so `diplograph serve` can serve it from any folder. The viewer imports
 * the extractor's pure normaliser from src/text, which lives outside this root.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { fs: { allow: [repo] } },
});
