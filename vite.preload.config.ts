// Preload bundle: .vite/build/preload.cjs, one CommonJS file. A sandboxed preload can `require`
// only `electron` (and a few polyfilled modules), so everything else — the contract, zod — is
// bundled in, and the build fails if anything but `electron` is left as a require.
//
// Forge 7.11 merges its base under this file (plugin-vite dist/config/vite.preload.config.js):
// `rollupOptions.input` = the entry from forge.config.ts, output format cjs, no chunks,
// entryFileNames `[name].js`. This file overrides the names to `.cjs` ("type": "module") and
// repeats the rest, so a plain `vite build -c vite.preload.config.ts` matches Forge's build.
import { defineConfig, type Plugin } from 'vite';

const ENTRY = 'src/main/electron/preload.ts';

function onlyElectronRequired(): Plugin {
  return {
    name: 'oncall:sandboxed-preload',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const others = chunk.imports.filter((id) => id !== 'electron');
        if (others.length > 0)
          this.error(`The sandboxed preload may only require electron, not: ${others.join(', ')}`);
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    copyPublicDir: false,
    minify: command === 'build',
    rollupOptions: {
      input: ENTRY,
      external: ['electron', /^electron\//],
      output: {
        format: 'cjs',
        // One file. (Forge's base also sets the deprecated alias `inlineDynamicImports`; rolldown
        // then notes it is ignored, which Forge's silent build log does not show.)
        codeSplitting: false,
        entryFileNames: '[name].cjs',
        chunkFileNames: '[name].cjs',
        assetFileNames: '[name].[ext]',
      },
    },
  },
  plugins: [onlyElectronRequired()],
  clearScreen: false,
}));
