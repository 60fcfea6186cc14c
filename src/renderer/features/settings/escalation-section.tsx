import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { EscalationSettings } from '../../../shared/escalation/policy-settings';
import type { SettingsView } from '../../../shared/ipc/contract';
import type { ChannelSecretState, OutboundRecordEntry } from '../../../shared/ipc/outbound-schemas';
import { useApp } from '../../app/app-context';
import { BridgeError, errorMessage } from '../../bridge/bridge-error';
import { formatTimestamp } from '../../components/time-format';
import { CHANNEL_KIND_NAME } from './escalation/channel-draft';
import { ChannelRow } from './escalation/channel-row';
import { ChannelsEditor } from './escalation/channels-editor';
import { knownScheduleIds } from './escalation/known-schedule-ids';
import {
  checkPolicyForm,
  placeIssues,
  type PolicyFormErrors,
} from './escalation/policy-form-check';
import {
  draftFromSettings,
  policyFormReducer,
  type PolicyFormAction,
} from './escalation/policy-form-draft';
import {
  PolicyEditor,
  SCHEDULE_LIST_ID,
  type FocusFinder,
  type PolicyEditorContext,
} from './escalation/policy-editor';
import { PeopleEditor } from './escalation/people-editor';
import { RulesEditor } from './escalation/rules-editor';
import {
  MAX_ESCALATION_TEXT,
  checkEscalationText,
  escalationText,
  outboundEntryText,
} from './escalation-draft';
import { FormErrorList } from './form-error-list';
import { SaveActions, type SectionStatus } from './save-actions';

/** How many of the newest outbound pages the section lists. */
const RECORD_SHOWN = 10;

const NO_ERRORS: PolicyFormErrors = { fields: {}, other: [] };
const FIX_FIELDS: SectionStatus = {
  kind: 'error',
  text: 'Not saved: fix the fields marked above.',
};

function fieldsFromBridge(
  error: unknown,
  draft: Parameters<typeof placeIssues>[1],
): PolicyFormErrors {
  // Main answers with "path: reason" lines; the path is inside the escalation block.
  const issues = (error instanceof BridgeError ? error.issues : []).map((line) => {
    const match = /^escalation\.([^:]+): (.*)$/s.exec(line);
    return match
      ? {
          path: (match[1] ?? '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          message: match[2] ?? '',
        }
      : { path: [], message: line };
  });
  return placeIssues(issues, draft);
}

/**
 * Settings → Escalation: the policies as a form (levels, delays, targets, repeats, with what
 * each will do in words beside it), the rules choosing a policy per alert, and "Edit as JSON"
 * for the whole block; each refusal with its reason at its field. Then each outbound channel's
 * secret (stored in the secret store, shown masked) with "Send test page", and the newest
 * outbound pages.
 */
export function EscalationSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const { settings } = props.view;
  const saved = settings.escalation;
  const savedText = escalationText(saved);
  const loaded = useMemo(
    () => draftFromSettings(JSON.parse(savedText) as EscalationSettings),
    [savedText],
  );
  const scheduleIds = knownScheduleIds(settings);
  const [draft, dispatch] = useReducer(policyFormReducer, loaded);
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [text, setText] = useState(savedText);
  const [savedFrom, setSavedFrom] = useState(savedText);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<PolicyFormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const [secrets, setSecrets] = useState<readonly ChannelSecretState[]>([]);
  const [record, setRecord] = useState<readonly OutboundRecordEntry[]>([]);
  const container = useRef<HTMLFormElement>(null);
  const pendingFocus = useRef<FocusFinder | undefined>(undefined);

  // Follow a block saved elsewhere (the file, another window) unless the user is editing.
  if (savedFrom !== savedText && !dirty) {
    setSavedFrom(savedText);
    setText(savedText);
    dispatch({ type: 'load', draft: loaded });
  }

  useEffect(() => {
    const finder = pendingFocus.current;
    if (!finder || !container.current) return;
    pendingFocus.current = undefined;
    finder(container.current)?.focus();
  });

  const channelKey = saved.channels.map((c) => c.id).join('\n');
  useEffect(() => {
    let live = true;
    bridge.invoke('channels:secrets', {}).then(
      (answer) => live && setSecrets(answer.channels),
      () => live && setSecrets([]),
    );
    return () => {
      live = false;
    };
  }, [bridge, channelKey]);

  useEffect(() => {
    let live = true;
    const load = () =>
      bridge.invoke('outbound:list', {}).then(
        (answer) => live && setRecord(answer.entries.slice(0, RECORD_SHOWN)),
        () => {},
      );
    void load();
    const off = bridge.on('outbound:recorded', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [bridge]);

  const act = (action: PolicyFormAction, focus?: FocusFinder): void => {
    pendingFocus.current = focus;
    dispatch(action);
    setDirty(true);
    setStatus(undefined);
    // A reason stays by its field while it is being fixed; after a move or removal the indexes
    // it was placed by no longer point at the same field.
    if (
      !/^(policy|level|target|rule|channel)-(field|delay|set|severity|policy|kind)$|^default-policy$/.test(
        action.type,
      )
    ) {
      setErrors(NO_ERRORS);
    }
  };

  const discard = (): void => {
    dispatch({ type: 'load', draft: loaded });
    setText(savedText);
    setSavedFrom(savedText);
    setDirty(false);
    setErrors(NO_ERRORS);
    setStatus(undefined);
  };

  const send = (escalation: EscalationSettings): void => {
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { escalation }).then(
      (view) => {
        const next = escalationText(view.settings.escalation);
        setErrors(NO_ERRORS);
        setDirty(false);
        setSavedFrom(next);
        setText(next);
        dispatch({ type: 'load', draft: draftFromSettings(view.settings.escalation) });
        setStatus({ kind: 'saved', text: 'Saved.' });
      },
      (error: unknown) => {
        setErrors(
          mode === 'form'
            ? fieldsFromBridge(error, draft)
            : { fields: {}, other: error instanceof BridgeError ? [...error.issues] : [] },
        );
        setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` });
      },
    );
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    if (mode === 'json') {
      const checked = checkEscalationText(text);
      if (!checked.ok) {
        setErrors({ fields: {}, other: checked.issues });
        setStatus({ kind: 'error', text: 'Not saved: see the problems below.' });
        return;
      }
      send(checked.escalation);
      return;
    }
    const checked = checkPolicyForm(draft, scheduleIds);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus(
        Object.keys(checked.errors.fields).length > 0
          ? FIX_FIELDS
          : { kind: 'error', text: 'Not saved: see the problems below.' },
      );
      // Take the keyboard to the first field that needs fixing.
      pendingFocus.current = (root) => root.querySelector<HTMLElement>('[aria-invalid="true"]');
      return;
    }
    send(checked.escalation);
  };

  const switchMode = (): void => {
    if (mode === 'form') {
      // The JSON shows the form as it is, so nothing typed is lost by switching.
      const checked = checkPolicyForm(draft, undefined);
      if (!checked.ok) {
        setErrors(checked.errors);
        setStatus({ kind: 'error', text: 'Fix the fields marked above before editing as JSON.' });
        return;
      }
      setText(escalationText(checked.escalation));
      setMode('json');
    } else {
      const checked = checkEscalationText(text);
      if (!checked.ok) {
        setErrors({ fields: {}, other: checked.issues });
        setStatus({ kind: 'error', text: 'Fix the JSON before going back to the form.' });
        return;
      }
      // A channel added before switching is still not saved: its id stays editable.
      dispatch({
        type: 'load',
        draft: draftFromSettings(
          checked.escalation,
          saved.channels.map((c) => c.id),
        ),
      });
      setMode('form');
    }
    setErrors(NO_ERRORS);
    setStatus(undefined);
  };

  const ctx: PolicyEditorContext = { draft, errors: errors.fields, act };
  // Added in the form and not saved: no secret can be stored under an id main does not know yet.
  const unsaved = mode === 'form' ? draft.channels.filter((c) => !c.saved) : [];
  return (
    <form
      className="settings__section escalation-settings"
      aria-labelledby="escalation-heading"
      noValidate
      onSubmit={save}
      ref={container}
    >
      <div className="escalation-settings__head">
        <h2 className="settings__heading" id="escalation-heading">
          Escalation
        </h2>
        <button type="button" className="btn btn--small" onClick={switchMode}>
          {mode === 'form' ? 'Edit as JSON' : 'Back to the form'}
        </button>
      </div>
      {mode === 'form' ? (
        <>
          <h3 className="escalation__subheading">Policies</h3>
          <p className="field__help">
            A policy pages its levels in order until the alert is acknowledged: you, a person,
            whoever is on call in a schedule, or an outbound channel (added under Channels below).
          </p>
          <ul className="policy-cards" aria-label="Policies">
            {draft.policies.map((policy, index) => (
              <PolicyEditor key={policy.key} ctx={ctx} policy={policy} index={index} />
            ))}
          </ul>
          <button
            type="button"
            className="btn btn--small"
            data-add-policy
            disabled={draft.policies.length >= 50}
            onClick={() =>
              act({ type: 'policy-add' }, (root) =>
                root.querySelector<HTMLElement>('.policy-card:last-child input'),
              )
            }
          >
            + Add policy
          </button>
          <datalist id={SCHEDULE_LIST_ID}>
            {(scheduleIds ?? []).map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
          <h3 className="escalation__subheading">Channels</h3>
          <p className="field__help">
            Where pages go outside this app; levels and people refer to a channel by its id. Once
            saved, a channel keeps its id: its secret (URL or routing key) is stored under it,
            below, never in the settings file.
          </p>
          <ChannelsEditor ctx={ctx} saved={saved.channels} />
          <h3 className="escalation__subheading">People</h3>
          <PeopleEditor ctx={ctx} />
          <h3 className="escalation__subheading">Which policy an alert gets</h3>
          <p className="field__help">Rules are tried in order; the first that matches decides.</p>
          <RulesEditor ctx={ctx} scale={settings.severityScale} />
        </>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor="escalation-json">
            People, channels, policies and rules (JSON, as in the settings file)
          </label>
          <textarea
            id="escalation-json"
            className="field__input escalation__json"
            value={text}
            rows={18}
            spellCheck={false}
            maxLength={MAX_ESCALATION_TEXT}
            aria-invalid={errors.other.length > 0 ? true : undefined}
            aria-describedby="escalation-json-help"
            onChange={(event) => {
              setText(event.target.value);
              setDirty(true);
              setStatus(undefined);
            }}
          />
          <span className="field__help" id="escalation-json-help">
            Targets: <code>{'{ "kind": "me" }'}</code>, a person, a schedule or a channel by{' '}
            <code>id</code>. <code>delayMinutes</code> is how long a level has before the next;
            docs/settings.md describes every field.
          </span>
        </div>
      )}
      <FormErrorList issues={errors.other} />
      <SaveActions canSave={dirty} status={status}>
        {dirty ? (
          <button type="button" className="btn" onClick={discard}>
            Discard changes
          </button>
        ) : null}
      </SaveActions>
      <h3 className="escalation__subheading">Channel secrets and test pages</h3>
      {saved.channels.length === 0 && unsaved.length === 0 ? (
        <p className="muted">No channels: add one under Channels above and save it.</p>
      ) : null}
      {saved.channels.map((channel) => (
        <ChannelRow
          key={channel.id}
          channel={channel}
          secret={secrets.find((s) => s.channelId === channel.id)}
          onSecret={(state) =>
            setSecrets((all) => [...all.filter((s) => s.channelId !== channel.id), state])
          }
        />
      ))}
      {unsaved.map((channel) => (
        <div className="escalation__channel" key={channel.key}>
          <p className="escalation__channel-name">
            <strong>{channel.name.trim() || channel.id}</strong>{' '}
            <span className="muted">
              ({CHANNEL_KIND_NAME[channel.kind]}, id {channel.id})
            </span>{' '}
            — not saved yet. Save to store its secret.
          </p>
        </div>
      ))}
      <h3 className="escalation__subheading">Recent pages</h3>
      {record.length === 0 ? (
        <p className="muted">Nothing paged yet.</p>
      ) : (
        <ul className="escalation__record">
          {record.map((entry) => (
            <li
              key={entry.id}
              className={entry.result === 'failed' ? 'escalation__record--failed' : undefined}
            >
              {outboundEntryText(entry, (iso) => formatTimestamp(new Date(iso)))}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
