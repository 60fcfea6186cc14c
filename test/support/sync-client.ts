import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeSyncCredential } from '../../src/shared/sync/sync-credential';
import { TEST_SYNC_TOKEN } from './sync-server';

/** A bare Hocuspocus client on one document, as a plain provider sees the server. */
export interface RawSyncClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves once the server acknowledged every change made so far (the provider's count is 0). */
  saved(): Promise<void>;
  /** Why the server refused it, once it did. */
  refused(): Promise<string>;
  destroy(): void;
}

/**
 * Open `name` on a sync server as a bare provider (Node 20 has no global WebSocket: `ws`).
 * @param url - the server
 * @param name - the document name
 * @param options - token and member name; a doc to use
 */
export function rawSyncClient(
  url: string,
  name: string,
  options: { token?: string; member?: string; doc?: Y.Doc } = {},
): RawSyncClient {
  const doc = options.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    maxDelay: 500,
  });
  let refusal: ((reason: string) => void) | undefined;
  const refused = new Promise<string>((resolve) => (refusal = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: encodeSyncCredential({
      token: options.token ?? TEST_SYNC_TOKEN,
      name: options.member ?? 'tester',
    }),
    onAuthenticationFailed: ({ reason }) => refusal?.(reason),
  });
  provider.attach();
  return {
    doc,
    provider,
    saved: () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (provider.isSynced && provider.unsyncedChanges === 0) {
            provider.off('unsyncedChanges', check);
            provider.off('synced', check);
            resolve();
          }
        };
        provider.on('unsyncedChanges', check);
        provider.on('synced', check);
        check();
      }),
    refused: () => refused,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/**
 * Wait until `check` holds, polling; fails with `what` after `timeoutMs`.
 * @param check - the condition
 * @param what - said on timeout
 * @param refresh - run before each look (e.g. ask the app again)
 */
export async function until(
  check: () => boolean,
  what: string,
  timeoutMs = 20_000,
  refresh?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await refresh?.();
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
