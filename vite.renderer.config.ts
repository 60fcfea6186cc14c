// The renderer (React) bundle. Used three ways:
// * `npm run build:renderer` / scripts/browser.mjs → dist/renderer, served by browser mode;
// * Forge's Vite plugin as the `main_window` renderer (forge.config.ts). Forge 7.11 merges its
//   own config under this one (plugin-vite dist/config/vite.renderer.config.js: root = the
//   project, base './', build.outDir `.vite/renderer/main_window`, copyPublicDir, its
//   expose-renderer plugin), and this file's values win. So this file sets `build.outDir` only
//   when Forge does not (Forge's env carries `forgeConfigSelf`), and the layout plugin below
//   reads a relative outDir — Forge's or ours — against the project directory, not against
//   src/renderer (Vite resolves outDir against `root`, which this file moves to src/renderer).
// * Forge's dev server (`electron-forge start`): no CSP meta (see below), React Fast Refresh on.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ConfigEnv, type Plugin } from 'vite';
import { APP_CONTENT_SECURITY_POLICY } from './src/main/services/shell/csp.ts';

const projectDir = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(projectDir, 'src/renderer');

/**
 * Keeps the page at src/renderer/index.html whoever calls the build (scripts/browser.mjs passes
 * the project as `root`, Forge does too), and anchors a relative outDir at the project.
 */
function rendererLayout(): Plugin {
  return {
    name: 'oncall:renderer-layout',
    config(config) {
      const outDir = config.build?.outDir;
      return {
        root: rendererRoot,
        build:
          outDir && !path.isAbsolute(outDir) ? { outDir: path.resolve(projectDir, outDir) } : {},
      };
    },
  };
}

/**
 * Puts the CSP meta tag into the built page only. The built page is loaded from `file:` in
 * Electron (no response header exists there) and from browser mode, which also sends the same
 * policy as a header. On the dev server React Fast Refresh needs an inline preamble script and
 * Vite injects CSS as inline <style>; the Electron shell then sends a dev-only header policy
 * with the preamble's hash (src/main/services/shell/csp.ts). A meta tag would be enforced in
 * addition to that header and block both, so development pages carry none.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'oncall:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (/<script\b(?![^>]*\bsrc=)[^>]*>/i.test(html) || /<style\b/i.test(html)) {
          throw new Error(
            'The built index.html has an inline <script> or <style>; the CSP forbids both.',
          );
        }
        return [
          {
            tag: 'meta',
            attrs: {
              'http-equiv': 'Content-Security-Policy',
              content: APP_CONTENT_SECURITY_POLICY,
            },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig((env: ConfigEnv & { forgeConfigSelf?: unknown }) => {
  const underForge = env.forgeConfigSelf !== undefined;
  return {
    root: rendererRoot,
    base: './',
    build: {
      ...(underForge ? {} : { outDir: 'dist/renderer' }),
      emptyOutDir: true,
    },
    plugins: [react(), rendererLayout(), contentSecurityPolicyMeta()],
    clearScreen: false,
  };
});
