import { defineConfig } from 'vite';

// The workbench (web/) is served and built by Vite; the engine runs unchanged in its Web Workers.
export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist/web', emptyOutDir: true },
  worker: { format: 'es' },
});
