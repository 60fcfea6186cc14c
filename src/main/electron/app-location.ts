import path from 'node:path';
import { APP_PAGE_URL } from '../services/shell/app-protocol';

/**
 * Where the renderer page, the preload and the icons are, for the bundled main process
 * (`.vite/build/main.cjs`; `__dirname` is `.vite/build`).
 *
 * Forge's Vite plugin defines `MAIN_WINDOW_VITE_DEV_SERVER_URL` (a string during
 * `electron-forge start`, `undefined` in a packaged build) and `MAIN_WINDOW_VITE_NAME`
 * (`"main_window"`, the renderer entry's name in forge.config.ts); the renderer is built to
 * `.vite/renderer/main_window/`. The `typeof` guards keep a plain `vite build` without Forge
 * (no defines at all) from throwing a ReferenceError.
 */
export interface AppLocation {
  /** The URL the main window loads. */
  pageUrl: string;
  /** Vite's dev server, only during `electron-forge start`. */
  devServerUrl: string | undefined;
  /** The built renderer folder, served on the app's scheme, when not on the dev server. */
  rendererDir: string | undefined;
  preload: string;
  iconsDir: string;
}

/** The locations for this run. */
export function appLocation(): AppLocation {
  const devServerUrl =
    typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
      ? MAIN_WINDOW_VITE_DEV_SERVER_URL
      : undefined;
  const name = typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window';
  const rendererDir =
    devServerUrl === undefined ? path.join(__dirname, '..', 'renderer', name) : undefined;
  return {
    pageUrl: devServerUrl ?? APP_PAGE_URL,
    devServerUrl,
    rendererDir,
    preload: path.join(__dirname, 'preload.cjs'),
    iconsDir: path.join(__dirname, 'icons'),
  };
}
