import type { SettingsView } from '../../../shared/ipc/contract';
import type { Bridge } from '../../bridge/bridge';
import { BridgeError, errorMessage } from '../../bridge/bridge-error';
import { incidentsRequest, type IncidentsDraft, type IncidentsErrors } from './incidents-draft';
import {
  profileErrorsFromIssues,
  profileRequest,
  type ProfileDraft,
  type ProfileErrors,
} from './profile-form';

/** What a section says next to its Save button. */
export interface SaveStatus {
  kind: 'saved' | 'error';
  text: string;
}

/** The outcome of saving one section: the new settings, or what to show instead. */
export type SaveOutcome<Errors> =
  | { ok: true; view: SettingsView; status: SaveStatus }
  | { ok: false; errors: Errors; status: SaveStatus };

const SAVED: SaveStatus = { kind: 'saved', text: 'Saved.' };
const FIX_FIELDS: SaveStatus = { kind: 'error', text: 'Not saved: fix the fields marked above.' };

/**
 * Save the "You" section: checked here first, then sent as the whole `profile` block; a refusal
 * is placed at its fields.
 * @param bridge - the app
 * @param draft - the section's fields
 * @param knownZones - IANA names to suggest from when the zone is unknown
 */
export async function saveProfile(
  bridge: Pick<Bridge, 'invoke'>,
  draft: ProfileDraft,
  knownZones: readonly string[] = [],
): Promise<SaveOutcome<{ fields: ProfileErrors; other: string[] }>> {
  const { profile, errors } = profileRequest(draft, knownZones);
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors: { fields: errors, other: [] }, status: FIX_FIELDS };
  }
  try {
    const view = await bridge.invoke('settings:update', { profile });
    return { ok: true, view, status: SAVED };
  } catch (error) {
    const placed = profileErrorsFromIssues(error instanceof BridgeError ? error.issues : []);
    const status =
      Object.keys(placed.fields).length > 0
        ? FIX_FIELDS
        : { kind: 'error' as const, text: `Not saved: ${errorMessage(error)}` };
    return { ok: false, errors: placed, status };
  }
}

/**
 * Save the "Incidents" section: checked here first (nothing the app would refuse is sent), then
 * sent as the minimal override, the whole `incidents` block.
 * @param bridge - the app
 * @param draft - the section's state
 */
export async function saveIncidents(
  bridge: Pick<Bridge, 'invoke'>,
  draft: IncidentsDraft,
): Promise<SaveOutcome<IncidentsErrors>> {
  const checked = incidentsRequest(draft);
  if (!checked.ok) {
    const status =
      Object.keys(checked.errors.fields).length > 0
        ? FIX_FIELDS
        : { kind: 'error' as const, text: 'Not saved: see the problems below.' };
    return { ok: false, errors: checked.errors, status };
  }
  try {
    const view = await bridge.invoke('settings:update', { incidents: checked.override });
    return { ok: true, view, status: SAVED };
  } catch (error) {
    const issues = error instanceof BridgeError ? [...error.issues] : [];
    return {
      ok: false,
      errors: { fields: {}, other: issues },
      status: { kind: 'error', text: `Not saved: ${errorMessage(error)}` },
    };
  }
}
