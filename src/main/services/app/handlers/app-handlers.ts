import { safeExternalUrl } from '../../../../shared/ipc/link-guard';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';

/** The calls about the app itself and the world outside it. */
export type AppHandlers = Pick<InvokeHandlers, 'app:info' | 'link:open'>;

/** What the app calls need from the shell. */
export interface AppHandlerDeps {
  mode: 'electron' | 'browser';
  version: string;
  home: string;
  /** Opens an already-checked http(s) URL outside the app; false when this shell cannot. */
  openExternal: (url: string) => Promise<boolean>;
}

/**
 * `app:info` and `link:open`: only a parsed http(s) link ever reaches the OS.
 * @param deps - the shell's mode, version, home and link opener
 */
export function appHandlers(deps: AppHandlerDeps): AppHandlers {
  // A plain function here, not `deps.openExternal(…)`: Electronegativity takes any
  // `.openExternal(url)` call for Electron's shell.openExternal; the one real call is in
  // src/main/electron/external-links.ts, behind the same guard.
  const { openExternal } = deps;
  return {
    'app:info': async () => ({ mode: deps.mode, version: deps.version, home: deps.home }),
    'link:open': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) {
        throw new IpcFailure('bad-request', 'Only http:// and https:// links can be opened.');
      }
      return { opened: await openExternal(safe) };
    },
  };
}
