import type { Session, WebContents } from 'electron';
import { headerContentSecurityPolicy, inlineScriptHashes } from '../services/shell/csp';
import { isPermissionGranted } from '../services/shell/web-preferences';
import type { AppLog } from '../services/app/app-log';
import { describeError } from './log';

/** What the hardening needs to know. */
export interface SecurityOptions {
  isAppPage: (url: string) => boolean;
  /** The guarded opener for http(s) links a page tries to open in a new window. */
  openExternal: (url: string) => Promise<boolean>;
  log: AppLog;
}

/**
 * Session-wide defaults: the CSP response header on everything the session loads, and every
 * permission denied except clipboard writes from the app page (see isPermissionGranted).
 * @param devServerUrl - Vite's dev server during `electron-forge start`, else undefined
 */
export async function secureSession(
  session: Session,
  devServerUrl: string | undefined,
  options: SecurityOptions,
): Promise<void> {
  const { isAppPage, log } = options;
  const policy = headerContentSecurityPolicy(
    devServerUrl === undefined
      ? undefined
      : {
          devServerOrigin: new URL(devServerUrl).origin,
          inlineScriptHashes: await devInlineScripts(devServerUrl, log),
        },
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Drop any policy the server sent, whatever its casing, so ours is the one that applies.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl, isAppPage);
    if (!granted) log('warn', `Denied the permission "${permission}" to ${details.requestingUrl}.`);
    callback(granted);
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? contents?.getURL(), isAppPage),
  );
}

/**
 * The inline scripts Vite's dev server puts in the page (React Fast Refresh's preamble), as CSP
 * hashes, so the development policy can stay free of `'unsafe-inline'` scripts.
 */
async function devInlineScripts(devServerUrl: string, log: AppLog): Promise<string[]> {
  try {
    const response = await fetch(devServerUrl);
    return inlineScriptHashes(await response.text());
  } catch (error) {
    log(
      'warn',
      `Could not read ${devServerUrl} to allow its inline scripts; the page may not start: ${describeError(error)}`,
    );
    return [];
  }
}

/**
 * Applied to every WebContents the app ever creates (`web-contents-created`): no new windows
 * (http(s) links go to the browser through the guard), no navigation or redirect away from the
 * app page, no `<webview>`.
 */
export function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
  const { isAppPage, openExternal, log } = options;

  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });

  const blockUnlessAppPage = (
    event: { preventDefault(): void },
    url: string,
    what: string,
  ): void => {
    if (isAppPage(url)) return;
    event.preventDefault();
    log('warn', `Blocked a ${what} to ${url.slice(0, 200)}.`);
  };
  contents.on('will-navigate', (event) => blockUnlessAppPage(event, event.url, 'navigation'));
  // Subframes too (the CSP allows none, but a policy mistake must not open a hole here).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) blockUnlessAppPage(event, event.url, 'frame navigation');
  });
  contents.on('will-redirect', (event) => blockUnlessAppPage(event, event.url, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('warn', 'Blocked a <webview>.');
  });
}
