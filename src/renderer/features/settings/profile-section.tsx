import { useMemo, useState } from 'react';
import type { SettingsView } from '../../../shared/ipc/contract';
import { useApp } from '../../app/app-context';
import { FormErrorList } from './form-error-list';
import { MAX_NAME, profileDraft, type ProfileDraft, type ProfileErrors } from './profile-form';
import { SaveActions, type SectionStatus } from './save-actions';
import { saveProfile } from './section-save';

/** This machine's zone: what typed times are read in when none is chosen. */
function machineTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every IANA name the browser knows, offered while typing (any other valid spec still works). */
function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/**
 * Settings → You: the name written on timeline entries, ticks and assignments, and the time
 * zone typed times are read in. Saved on its own, as the `profile` block.
 */
export function ProfileSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const saved = props.view.settings.profile;
  // Compared by value: any other section's save sends a new settings object.
  const savedKey = JSON.stringify(saved);
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraft(saved));
  const [savedFrom, setSavedFrom] = useState(savedKey);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const machineZone = useMemo(() => machineTimeZone(), []);
  const zones = useMemo(() => knownTimeZones(), []);

  // Follow a profile saved elsewhere (the file, another window) unless the user is typing.
  if (savedFrom !== savedKey && !dirty) {
    setSavedFrom(savedKey);
    setDraft(profileDraft(saved));
  }

  const edit = (patch: Partial<ProfileDraft>): void => {
    setDraft((current) => ({ ...current, ...patch }));
    setDirty(true);
    setStatus(undefined);
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    setStatus({ kind: 'saving', text: 'Saving…' });
    void saveProfile(bridge, draft, zones).then((outcome) => {
      setErrors(outcome.ok ? {} : outcome.errors.fields);
      setOther(outcome.ok ? [] : outcome.errors.other);
      setStatus(outcome.status);
      if (!outcome.ok) return;
      setDirty(false);
      setSavedFrom(JSON.stringify(outcome.view.settings.profile));
      setDraft(profileDraft(outcome.view.settings.profile));
    });
  };

  return (
    <form
      className="settings__section"
      aria-labelledby="profile-heading"
      noValidate
      onSubmit={save}
    >
      <h2 className="settings__heading" id="profile-heading">
        You
      </h2>
      <div className="profile-fields">
        <div className="field">
          <label className="field__label" htmlFor="profile-name">
            Your name
          </label>
          <input
            id="profile-name"
            className="field__input"
            value={draft.name}
            placeholder="Empty: your operating system user name"
            autoComplete="name"
            maxLength={MAX_NAME}
            onChange={(event) => edit({ name: event.target.value })}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={
              errors.name ? 'profile-name-error profile-name-help' : 'profile-name-help'
            }
          />
          {errors.name ? (
            <span className="field__error" id="profile-name-error">
              {errors.name}
            </span>
          ) : null}
          <span className="field__help" id="profile-name-help">
            Written on the timeline entries, ticks and role assignments you make, as teammates know
            you.
          </span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="profile-time-zone">
            Time zone
          </label>
          <input
            id="profile-time-zone"
            className="field__input"
            value={draft.timeZone}
            placeholder={machineZone ? `${machineZone} (this machine’s)` : 'This machine’s'}
            list="profile-time-zones"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => edit({ timeZone: event.target.value })}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={
              errors.timeZone
                ? 'profile-time-zone-error profile-time-zone-help'
                : 'profile-time-zone-help'
            }
          />
          <datalist id="profile-time-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {errors.timeZone ? (
            <span className="field__error" id="profile-time-zone-error">
              {errors.timeZone}
            </span>
          ) : null}
          <span className="field__help" id="profile-time-zone-help">
            Times you type on the timeline, such as <code>14:23</code>, are read in this zone. An
            IANA name (<code>Europe/Berlin</code>), <code>UTC</code> or an offset (
            <code>+02:00</code>); empty for this machine’s.
          </span>
        </div>
      </div>
      <FormErrorList issues={other} />
      <SaveActions canSave={dirty} status={status} />
    </form>
  );
}
