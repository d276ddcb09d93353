import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Explicit entries: the product's layout is main/, preload/, renderer/ at the
// top level, not electron-vite's default src/*.
// SPYGLASS_OUT_DIR lets parallel builds (e.g. two e2e runs) keep apart.
const outRoot = resolve(__dirname, process.env.SPYGLASS_OUT_DIR ?? 'out');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outRoot, 'main'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          // The session cache runs SQLite in a worker thread: its own entry file.
          cacheWorker: resolve(__dirname, 'main/cache/worker/cacheWorker.ts'),
        },
        // Native and CommonJS-heavy packages stay as runtime requires.
        external: ['electron', 'better-sqlite3-multiple-ciphers', 'jssip', 'ws', 'pdfkit', 'werift'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle zod and the contract in.
      externalizeDeps: false,
      outDir: resolve(outRoot, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        // A sandboxed preload must be one CommonJS file with the contract inlined.
        output: { format: 'cjs', entryFileNames: '[name].js' },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(outRoot, 'renderer'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          // Electron's hidden window that hosts call audio (survives UI reloads).
          media: resolve(__dirname, 'renderer/media.html'),
        },
      },
    },
    plugins: [react()],
  },
});
