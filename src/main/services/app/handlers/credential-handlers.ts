import type { Settings } from '../../../../shared/domain/settings';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import { maskSecret, sourceSecretKey, type SecretStore } from '../../secrets/secret-store';
import { adapterFor } from '../../sources/adapters/source-adapters';
import type { SourceManager } from '../../sources/source-manager';

/** The calls that keep sources' credentials. */
export type CredentialHandlers = Pick<InvokeHandlers, 'source:setCredential'>;

/** What the credential calls need. */
export interface CredentialHandlerDeps {
  secrets: SecretStore;
  sources: Pick<SourceManager, 'credentialChanged'>;
  settings: () => Settings;
}

/**
 * `source:setCredential`: the token goes to the secret store and nowhere else; the answer and
 * every message carry it masked at most.
 * @param deps - the secret store, the source manager and the settings
 */
export function credentialHandlers({
  secrets,
  sources,
  settings,
}: CredentialHandlerDeps): CredentialHandlers {
  return {
    'source:setCredential': async ({ sourceId, credential }) => {
      const source = settings().sources.find((s) => s.id === sourceId);
      if (!source) {
        throw new IpcFailure(
          'not-found',
          `No saved source has the id "${sourceId}". Save the source first, then its token.`,
        );
      }
      if (credential !== null && !adapterFor(source).usesCredential(source)) {
        throw new IpcFailure(
          'bad-request',
          `${source.name} takes no token with its current settings; nothing was stored.`,
        );
      }
      const key = sourceSecretKey(sourceId);
      try {
        if (credential === null) await secrets.delete(key);
        else await secrets.set(key, credential);
      } catch (error) {
        throw new IpcFailure(
          'unavailable',
          `The token of ${source.name} was not ${credential === null ? 'removed' : 'stored'}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
      await sources.credentialChanged(sourceId);
      return credential === null ? { set: false } : { set: true, hint: maskSecret(credential) };
    },
  };
}
