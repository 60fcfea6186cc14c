import { useState } from 'react';
import type { SettingsView } from '../../../shared/ipc/contract';
import { feedStatusText } from '../../../shared/schedules/feed-status';
import type { ScheduleLayerName } from '../../../shared/schedules/schedule-schema';
import { useApp, useAppState } from '../../app/app-context';
import { BridgeError, errorMessage } from '../../bridge/bridge-error';
import { FormErrorList } from '../settings/form-error-list';
import { SaveActions, type SectionStatus } from '../settings/save-actions';
import { OnCallLine, readerZone } from './on-call-line';
import { ScheduleField } from './schedule-field';
import { ScheduleLayerEditor } from './schedule-layer-editor';
import { ScheduleOverridesEditor } from './schedule-overrides-editor';
import { useOnCall } from './use-on-call';
import {
  checkSchedulesDraft,
  errorAt,
  newLayer,
  newSchedule,
  schedulesDraft,
  schedulesErrorsFromIssues,
  type ScheduleDraft,
  type SchedulesDraft,
  type SchedulesErrors,
} from './schedules-draft';

const machineZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
const today = (): string => new Date().toISOString().slice(0, 10);
const zones = (): readonly string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

/**
 * Settings → Schedules: who is on call now, and a form for the on-call schedules (each with a
 * primary and an optional secondary layer, a rotation or an iCalendar feed, and overrides) and
 * the reminder before my shift. Save checks the form as main does and puts each reason next
 * to its field; nothing is sent that main would refuse.
 */
export function SchedulesSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const saved = props.view.settings.schedules;
  const savedKey = JSON.stringify(saved);
  const [draft, setDraft] = useState<SchedulesDraft>(() => schedulesDraft(saved));
  const [savedFrom, setSavedFrom] = useState(savedKey);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<SchedulesErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const summary = useOnCall();
  const zone = readerZone(useAppState((s) => s.settings?.settings.profile.timeZone));
  // How a saved feed layer's feed is doing, pushed by main whenever it is read again.
  const feedText = (scheduleId: string, layer: ScheduleLayerName): string | undefined => {
    const feed = summary?.schedules
      .find((s) => s.id === scheduleId)
      ?.layers.find((l) => l.layer === layer)?.feed;
    return summary && feed ? feedStatusText(feed, summary.at, zone) : undefined;
  };

  // Follow schedules saved elsewhere (the file, another window) unless the user is editing.
  if (savedFrom !== savedKey && !dirty) {
    setSavedFrom(savedKey);
    setDraft(schedulesDraft(saved));
  }

  const edit = (next: SchedulesDraft) => {
    setDraft(next);
    setDirty(true);
    setStatus(undefined);
  };
  const editSchedule = (index: number, patch: Partial<ScheduleDraft>) =>
    edit({ ...draft, list: draft.list.map((s, i) => (i === index ? { ...s, ...patch } : s)) });

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    const checked = checkSchedulesDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setOther([]);
      setStatus({ kind: 'error', text: 'Not saved: fix the fields marked above.' });
      return;
    }
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { schedules: checked.schedules }).then(
      async (view) => {
        setErrors({});
        setOther([]);
        setDirty(false);
        setSavedFrom(JSON.stringify(view.settings.schedules));
        setDraft(schedulesDraft(view.settings.schedules));
        // The schedule is saved; now each typed feed URL goes to the secret store, never to
        // settings.json (as a channel's secret does after its channel).
        try {
          for (const { feed, url } of checked.feedUrls) {
            await bridge.invoke('schedules:setFeedUrl', { feed, url });
          }
          setStatus({ kind: 'saved', text: 'Saved.' });
        } catch (error) {
          setStatus({
            kind: 'error',
            text: `Saved, but a feed’s URL was not stored: ${errorMessage(error)}`,
          });
        }
      },
      (error: unknown) => {
        const issues = error instanceof BridgeError ? [...error.issues] : [];
        const placed = schedulesErrorsFromIssues(issues);
        setErrors(placed);
        setOther(Object.keys(placed).length > 0 ? [] : issues);
        setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` });
      },
    );
  };

  return (
    <form
      className="settings__section"
      aria-labelledby="schedules-heading"
      noValidate
      onSubmit={save}
    >
      <h2 className="settings__heading" id="schedules-heading">
        Schedules
      </h2>
      <OnCallLine />
      <p className="muted schedules__help">
        A policy level that pages <code>schedule:&lt;id&gt;</code> reaches whoever is on call in
        that schedule’s primary layer; <code>schedule:&lt;id&gt;-secondary</code> reaches its
        secondary. “Me” is your name under You.
      </p>
      <ScheduleField
        id="schedules-reminder"
        label="Remind me before my shift (minutes; 0 for never)"
        error={errorAt(errors, 'reminderMinutes')}
      >
        {(aria) => (
          <input
            {...aria}
            className="field__input schedule__number"
            inputMode="numeric"
            value={draft.reminderMinutes}
            onChange={(e) => edit({ ...draft, reminderMinutes: e.target.value })}
          />
        )}
      </ScheduleField>
      {draft.list.length === 0 ? <p className="muted">No schedules yet.</p> : null}
      <datalist id="schedule-time-zones">
        {zones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {draft.list.map((schedule, index) => {
        const idBase = `schedule-${index}`;
        const path = `list.${index}`;
        return (
          <fieldset key={index} className="schedule">
            <legend className="schedule__title">
              Schedule {index + 1}
              {schedule.name ? `: ${schedule.name}` : ''}
            </legend>
            <div className="schedule__row">
              <ScheduleField
                id={`${idBase}-name`}
                label="Name"
                error={errorAt(errors, `${path}.name`)}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="field__input"
                    value={schedule.name}
                    maxLength={100}
                    onChange={(e) => editSchedule(index, { name: e.target.value })}
                  />
                )}
              </ScheduleField>
              <ScheduleField
                id={`${idBase}-id`}
                label="Id (policies page schedule:<id>)"
                error={errorAt(errors, `${path}.id`)}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="field__input"
                    value={schedule.id}
                    spellCheck={false}
                    maxLength={64}
                    onChange={(e) => editSchedule(index, { id: e.target.value })}
                  />
                )}
              </ScheduleField>
              <ScheduleField
                id={`${idBase}-zone`}
                label="Time zone"
                error={errorAt(errors, `${path}.timeZone`)}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="field__input"
                    value={schedule.timeZone}
                    list="schedule-time-zones"
                    spellCheck={false}
                    autoComplete="off"
                    onChange={(e) => editSchedule(index, { timeZone: e.target.value })}
                  />
                )}
              </ScheduleField>
            </div>
            <ScheduleLayerEditor
              idBase={`${idBase}-primary`}
              path={`${path}.layers.primary`}
              title="Primary"
              layer={schedule.primary}
              feedStatus={feedText(schedule.id, 'primary')}
              errors={errors}
              onChange={(primary) => editSchedule(index, { primary })}
            />
            {schedule.secondary ? (
              <ScheduleLayerEditor
                idBase={`${idBase}-secondary`}
                path={`${path}.layers.secondary`}
                title="Secondary (the backup)"
                layer={schedule.secondary}
                feedStatus={feedText(schedule.id, 'secondary')}
                errors={errors}
                onChange={(secondary) => editSchedule(index, { secondary })}
              />
            ) : null}
            <ScheduleOverridesEditor
              idBase={idBase}
              path={path}
              zone={schedule.timeZone}
              overrides={schedule.overrides}
              errors={errors}
              onChange={(overrides) => editSchedule(index, { overrides })}
            />
            <div className="settings__actions">
              {schedule.secondary ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => {
                    const { secondary: _, ...rest } = schedule;
                    edit({ ...draft, list: draft.list.map((s, i) => (i === index ? rest : s)) });
                  }}
                >
                  Remove secondary layer
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => editSchedule(index, { secondary: newLayer(today()) })}
                >
                  Add secondary layer
                </button>
              )}
              <button
                type="button"
                className="btn btn--small"
                onClick={() => edit({ ...draft, list: draft.list.filter((_, i) => i !== index) })}
              >
                Remove schedule {schedule.name || index + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="settings__actions">
        <button
          type="button"
          className="btn"
          onClick={() =>
            edit({
              ...draft,
              list: [
                ...draft.list,
                newSchedule(
                  draft.list.map((s) => s.id),
                  machineZone(),
                  today(),
                ),
              ],
            })
          }
        >
          Add schedule
        </button>
      </div>
      <FormErrorList issues={other} />
      <SaveActions canSave={dirty} status={status}>
        {dirty ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDraft(schedulesDraft(saved));
              setDirty(false);
              setErrors({});
              setOther([]);
              setStatus(undefined);
            }}
          >
            Discard changes
          </button>
        ) : null}
      </SaveActions>
    </form>
  );
}
