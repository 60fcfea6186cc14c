import type { SecretStore } from '../../src/main/services/secrets/secret-store';

/** A secret store kept in memory, for tests of what uses one (not of the store itself). */
export function memorySecretStore(): SecretStore & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
    delete: async (key) => {
      entries.delete(key);
    },
    keys: async () => [...entries.keys()],
    status: () => ({ usable: true, backend: 'memory (tests)' }),
  };
}
