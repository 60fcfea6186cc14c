import { protocol } from 'electron';
import { APP_SCHEME, serveAppRequest } from '../services/shell/app-protocol';

/**
 * Declares the app's scheme before the app is ready (Electron's rule): standard (an origin, and
 * relative URLs resolve as on the web) and secure (a secure context, as https is). CORS and fetch
 * are enabled because Vite's build loads the page's scripts as `<script type="module"
 * crossorigin>` and its lazy chunks with `import()`, which Chromium fetches in CORS mode. It does
 * not bypass the CSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/**
 * Serves the built renderer on the app's scheme (once the app is ready).
 * @param rendererDir - the built renderer folder; nothing outside it is served
 */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
