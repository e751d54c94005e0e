import { defineConfig } from 'vite';

/** The renderer is built to dist/renderer and loaded by relative URLs, so it works on app:// and http://. */
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
