// Browser mode's main: .vite/browser/cli.mjs (ESM) and the worker threads next to it
// (runbook-parse-worker.cjs, ics-parse-worker.cjs, as in the shell's build). `npm run browser` builds it when its
// sources are newer, and runs it with plain node rather than through the tsx loader, because it
// runs all shift: idle, the JS heap holds ≈ 12 MB instead of ≈ 22 MB, and V8's clean-up after
// start (a few full GCs, a cost that grows with the heap) takes a fraction of the CPU.
// `npm run bench -- idle` shows the figures.
//
// Like the shell's bundle (vite.main.config.ts) it holds the packages too, except node-notifier,
// which finds its vendor binaries next to its own files; Node's builtins stay imports.
import path from 'node:path';
import { defineConfig } from 'vite';
import { bundleWorkers } from './vite.main.config.ts';

const ENTRY = 'src/main/browser/cli.ts';

export default defineConfig({
  build: {
    outDir: '.vite/browser',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'node20',
    // Readable stack traces in the log; the heap savings come from what follows, not from names.
    minify: false,
    // Files only: node maps traces through them with --enable-source-maps.
    sourcemap: true,
    ssr: ENTRY,
    rollupOptions: {
      output: {
        format: 'es',
        codeSplitting: false,
        entryFileNames: 'cli.mjs',
        // V8 keeps every script's source in the heap, two bytes a character as soon as one
        // character is not Latin-1 (our messages say "—" and "…"): escaped, and without the
        // doc comments, the bundle's source takes a quarter of the space.
        charset: 'ascii',
        comments: false,
      },
    },
  },
  ssr: { target: 'node', noExternal: true, external: ['node-notifier'] },
  resolve: {
    conditions: ['node'],
    alias: {
      // rxjs's "node" export is its whole CommonJS build (every operator, ≈ 1 MB of heap); its
      // ES2015 build is the same code, and only the operators the poller uses get bundled.
      rxjs: path.resolve(import.meta.dirname, 'node_modules/rxjs/dist/esm/index.js'),
    },
  },
  plugins: [bundleWorkers(false)],
  clearScreen: false,
});
