import type { SyncSettings } from '../../../shared/domain/settings';
import { checkSyncUrl } from '../../../shared/sync/sync-url';

/** The Team sync section's fields as typed. */
export interface SyncDraft {
  url: string;
  name: string;
  allowInsecure: boolean;
}

/** What is wrong with the fields, by field. */
export interface SyncDraftErrors {
  url?: string;
  name?: string;
}

/**
 * The fields of saved sync settings.
 * @param sync - the settings' `sync` block
 */
export function syncDraftFrom(sync: SyncSettings): SyncDraft {
  return { url: sync.url ?? '', name: sync.name ?? '', allowInsecure: sync.allowInsecure };
}

/**
 * The `sync` block to save, or why not: an address the app would refuse (not ws:// or wss://,
 * or plain ws:// to another host without accepting the risk) is refused here with the same
 * reason, before anything is saved. An empty address turns sync off.
 * @param draft - the fields
 */
export function syncRequest(
  draft: SyncDraft,
): { ok: true; sync: SyncSettings } | { ok: false; errors: SyncDraftErrors } {
  const errors: SyncDraftErrors = {};
  const url = draft.url.trim();
  const name = draft.name.trim();
  const sync: SyncSettings = { allowInsecure: draft.allowInsecure };
  if (url !== '') {
    const checked = checkSyncUrl(url, draft.allowInsecure);
    if (checked.ok) sync.url = url;
    else errors.url = checked.reason;
  }
  if (name.length > 200) errors.name = `The name is ${name.length} characters; keep it to 200.`;
  else if (name !== '') sync.name = name;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, sync };
}
