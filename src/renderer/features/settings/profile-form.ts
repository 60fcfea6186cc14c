import type { ProfileSettings } from '../../../shared/domain/settings';
import { profileSettingsSchema } from '../../../shared/domain/settings';
import { resolveTimeZone } from '../../../shared/incident/event-time';

// The name's cap, read from the schema the app validates with, so the two cannot drift.
export const MAX_NAME = profileSettingsSchema.shape.name.unwrap().maxLength ?? 200;

/** The "You" section as edited. */
export interface ProfileDraft {
  name: string;
  timeZone: string;
}

/** Field errors of the "You" section, keyed by field. */
export type ProfileErrors = Partial<Record<keyof ProfileDraft, string>>;

/**
 * The draft for the saved profile (left-out fields are empty).
 * @param profile - `settings.profile`
 */
export function profileDraft(profile: ProfileSettings): ProfileDraft {
  return { name: profile.name ?? '', timeZone: profile.timeZone ?? '' };
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/**
 * The known zone a mistyped one most likely meant (`Europe/Berlinn`, `europe/paris`, `Berlin`),
 * if one is close enough to say "did you mean".
 * @param typed - what was typed
 * @param known - the IANA names to choose from (`Intl.supportedValuesOf('timeZone')`)
 */
export function suggestTimeZone(typed: string, known: readonly string[]): string | undefined {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (wanted === '') return undefined;
  let best: { zone: string; distance: number } | undefined;
  for (const zone of known) {
    const name = zone.toLowerCase();
    // A city alone ("berlin") names the zone it ends with.
    const city = name.slice(name.lastIndexOf('/') + 1);
    const distance = Math.min(editDistance(wanted, name), editDistance(wanted, city));
    if (best === undefined || distance < best.distance) best = { zone, distance };
  }
  // Two slips at most, fewer for short names, so a guess is never far-fetched.
  const allowed = Math.min(2, Math.floor(wanted.length / 4));
  return best && best.distance <= allowed ? best.zone : undefined;
}

/**
 * Check the draft and turn it into the `profile` of a settings:update request. An empty field is
 * left out, which means the OS user name and the machine's time zone. The time zone is checked
 * with the very function that reads typed times in it, so whatever is accepted here works there.
 * @param draft - the form's state
 * @param knownZones - IANA names to suggest from when the zone is unknown
 */
export function profileRequest(
  draft: ProfileDraft,
  knownZones: readonly string[] = [],
): {
  profile: ProfileSettings;
  errors: ProfileErrors;
} {
  const errors: ProfileErrors = {};
  const name = draft.name.trim();
  const timeZone = draft.timeZone.trim();
  if (name.length > MAX_NAME) errors.name = `Keep it to ${MAX_NAME} characters.`;
  if (timeZone !== '' && resolveTimeZone(timeZone) === undefined) {
    const suggestion = suggestTimeZone(timeZone, knownZones);
    errors.timeZone = suggestion
      ? `“${timeZone}” is not a time zone. Did you mean ${suggestion}?`
      : `“${timeZone}” is not a time zone. Use an IANA name such as Europe/Berlin, UTC, or an offset such as +02:00.`;
  }
  return {
    profile: { ...(name ? { name } : {}), ...(timeZone ? { timeZone } : {}) },
    errors,
  };
}

/**
 * Place the app's `profile.<field>: message` issues of a refused settings:update at their
 * fields; the rest come back as they are.
 * @param issues - the BridgeError's issues
 */
export function profileErrorsFromIssues(issues: readonly string[]): {
  fields: ProfileErrors;
  other: string[];
} {
  const fields: ProfileErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const match = /^profile\.(name|timeZone):\s*(.*)$/s.exec(issue);
    const field = match?.[1] as keyof ProfileDraft | undefined;
    if (field && match?.[2] !== undefined) fields[field] ??= match[2];
    else other.push(issue);
  }
  return { fields, other };
}
