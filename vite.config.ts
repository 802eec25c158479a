import { defineConfig } from 'vite';

// The workbench (web/) is served and built by Vite; the engine runs unchanged in its Web Workers.
export default defineConfig({
  root: 'web',
  base: './',
  // Observable Plot and its d3 parts are one library the charts need at once; splitting them would not
  // make the first screen faster, so the default 500 kB warning is raised rather than silenced per chunk.
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
});
