import os from 'node:os';
import type { Settings } from '../../../shared/domain/settings';
import type { OpContext } from '../../../shared/incident/op-context';

/**
 * Who changes an incident from this app, and in which time zone: the profile in settings,
 * else the operating system's user name and the machine's time zone, so every entry says who
 * wrote it even before anyone fills in their profile.
 * @param settings - the current settings
 * @param now - the moment of the change (from the Clock)
 */
export function incidentOpContext(settings: Settings, now: Date): OpContext {
  return {
    now,
    actor: incidentActor(settings),
    timeZone: settings.profile.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    severityScale: settings.severityScale,
  };
}

/**
 * Who the user of this app is in an incident: the profile's name, else the system user's. Not
 * through {@link incidentOpContext} where only this is needed: its system time zone starts ICU
 * (≈ 10 ms and its memory at start, for the escalation's first look at the incidents).
 * @param settings - the current settings
 */
export function incidentActor(settings: Settings): string {
  return settings.profile.name ?? systemUserName();
}

function systemUserName(): string {
  try {
    const name = os.userInfo().username.trim();
    if (name !== '') return name;
  } catch {
    // userInfo() throws when the uid has no passwd entry (some containers).
  }
  return 'unknown user';
}
