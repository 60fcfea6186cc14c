import { useState } from 'react';
import type { SeverityScale } from '../../../../shared/domain/severity';
import {
  DEFAULT_ALERTMANAGER_URL,
  SOURCE_KINDS,
  sourceDefaults,
  type SourceKind,
} from '../../../../shared/domain/source';
import type { SettingsView as SettingsViewData } from '../../../../shared/ipc/contract';
import { useApp, useAppState } from '../../../app/app-context';
import { BridgeError, errorMessage } from '../../../bridge/bridge-error';
import { ChangedElsewhere } from '../changed-elsewhere';
import { FormErrorList } from '../form-error-list';
import { SaveActions, type SectionStatus } from '../save-actions';
import { SourceCard } from './source-card';
import {
  draftOf,
  errorsFromIssues,
  newDraft,
  sourcesRequest,
  takesToken,
  type FormErrors,
  type SourceDraft,
} from './source-draft';
import { kindForm } from './source-kind-forms';
import { SeverityWordsEditor, type SeverityWordRow } from './severity-words-editor';

const SCALES: ReadonlyArray<{ value: SeverityScale; label: string }> = [
  { value: 'sev1-4', label: 'SEV1 – SEV4' },
  { value: 'p0-p3', label: 'P0 – P3' },
  { value: 'p1-p4', label: 'P1 – P4' },
];

const NO_ERRORS: FormErrors = { fields: {}, other: [] };
const FIX_FIELDS = 'Not saved: fix the fields marked in red.';

type Saved = SettingsViewData['settings'];

const teamWords = (settings: Saved): SeverityWordRow[] =>
  Object.entries(settings.severityWords).map(([word, severity]) => ({ word, severity }));

/**
 * Alert sources and severity names: add, edit, remove, switch off and test each source; the
 * team's severity scale and the words it adds. One Save for all of it.
 */
export function SourcesSection(props: { view: SettingsViewData }) {
  const { bridge } = useApp();
  const statuses = useAppState((s) => s.sources);
  const saved = props.view.settings;
  const [drafts, setDrafts] = useState<SourceDraft[]>(() => saved.sources.map(draftOf));
  const [scale, setScale] = useState<SeverityScale>(saved.severityScale);
  const [words, setWords] = useState<SeverityWordRow[]>(() => teamWords(saved));
  const [dirty, setDirty] = useState(false);
  const [savedFrom, setSavedFrom] = useState(saved);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const [savedAt, setSavedAt] = useState<string | undefined>();
  const [nextKey, setNextKey] = useState(1);
  const [addKind, setAddKind] = useState<SourceKind>(SOURCE_KINDS[0] ?? 'alertmanager');

  const reset = (settings: Saved): void => {
    setDrafts(settings.sources.map(draftOf));
    setScale(settings.severityScale);
    setWords(teamWords(settings));
    setSavedFrom(settings);
  };
  // New settings arrived (saved here, or the file changed): follow them unless the user is
  // editing, in which case say so instead of throwing their edits away.
  const changedElsewhere = savedFrom !== saved && dirty;
  if (savedFrom !== saved && !dirty) reset(saved);

  const touched = (): void => {
    setDirty(true);
    setStatus(undefined);
    setSavedAt(undefined);
  };
  const edit = (index: number, patch: Partial<SourceDraft>): void => {
    setDrafts((current) => current.map((d, i) => (i === index ? { ...d, ...patch } : d)));
    touched();
  };
  const add = (): void => {
    setDrafts((current) => [
      ...current,
      newDraft(`new:${nextKey}`, addKind, sourceDefaults(addKind)),
    ]);
    setNextKey((k) => k + 1);
    touched();
  };
  const remove = (index: number): void => {
    setDrafts((current) => current.filter((_, i) => i !== index));
    // Errors are keyed by position; they no longer line up.
    setErrors(NO_ERRORS);
    touched();
  };
  const discard = (): void => {
    reset(saved);
    setErrors(NO_ERRORS);
    setDirty(false);
    setStatus(undefined);
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    const { sources, errors: local } = sourcesRequest(drafts);
    if (Object.keys(local.fields).length > 0) {
      setErrors(local);
      setStatus({ kind: 'error', text: FIX_FIELDS });
      return;
    }
    const severityWords = Object.fromEntries(
      words.filter((row) => row.word.trim() !== '').map((row) => [row.word.trim(), row.severity]),
    );
    setErrors(NO_ERRORS);
    setStatus({ kind: 'saving', text: 'Saving…' });
    // The app polls a changed source at once, often before this answer arrives: any attempt
    // from the click on tells whether the saved settings work.
    const clickedAt = new Date().toISOString();
    // Tokens typed here go to the secret store once their sources are saved, never the file.
    const tokens = drafts.flatMap((draft, index) => {
      const token = draft.token.trim();
      const source = sources[index];
      return takesToken(draft) && token !== '' && source ? [{ source, token }] : [];
    });
    bridge.invoke('settings:update', { sources, severityScale: scale, severityWords }).then(
      async (view) => {
        const stored = await Promise.allSettled(
          tokens.map(({ source, token }) =>
            bridge.invoke('source:setCredential', { sourceId: source.id, credential: token }),
          ),
        );
        const failed = stored.flatMap((result, i) =>
          result.status === 'rejected'
            ? [
                `the token of ${tokens[i]?.source.name ?? 'a source'} was not stored: ${errorMessage(result.reason)}`,
              ]
            : [],
        );
        setDirty(false);
        reset(view.settings);
        setSavedAt(clickedAt);
        setStatus(
          failed.length === 0
            ? { kind: 'saved', text: 'Saved.' }
            : { kind: 'error', text: `Saved, but ${failed.join('; ')}.` },
        );
      },
      (error: unknown) => {
        if (error instanceof BridgeError && error.issues.length > 0) {
          const placed = errorsFromIssues(error.issues, drafts);
          setErrors(placed);
          setStatus({
            kind: 'error',
            text:
              Object.keys(placed.fields).length > 0 ? FIX_FIELDS : `Not saved: ${error.message}`,
          });
        } else {
          setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` });
        }
      },
    );
  };

  // Saved is not the same as working: once the saved sources have been polled, say which do
  // not answer, next to "Saved".
  const failingSinceSave =
    savedAt === undefined
      ? []
      : statuses.filter(
          (s) =>
            s.health === 'failing' && s.lastAttemptAt !== undefined && s.lastAttemptAt >= savedAt,
        );
  const shownStatus: SectionStatus | undefined =
    status?.kind === 'saved' && failingSinceSave.length > 0
      ? {
          kind: 'error',
          text: `Saved, but ${failingSinceSave
            .map((s) => `${s.name} is not answering (${s.reason ?? 'no reason given'})`)
            .join('; ')}.`,
        }
      : status;

  return (
    <form
      className="settings__section"
      onSubmit={save}
      noValidate
      aria-labelledby="sources-heading"
    >
      <h2 className="settings__heading" id="sources-heading">
        Alert sources
      </h2>
      {changedElsewhere ? <ChangedElsewhere what="The settings" onLoad={discard} /> : null}
      {drafts.length === 0 ? (
        <p className="muted">
          None configured: the app watches Alertmanager&apos;s default address{' '}
          {DEFAULT_ALERTMANAGER_URL}.
        </p>
      ) : (
        <div className="source-cards">
          {drafts.map((draft, index) => (
            <SourceCard
              key={draft.key}
              draft={draft}
              index={index}
              scale={scale}
              errors={errors.fields}
              status={
                draft.id === undefined ? undefined : statuses.find((s) => s.sourceId === draft.id)
              }
              onChange={(patch) => edit(index, patch)}
              onRemove={() => remove(index)}
            />
          ))}
        </div>
      )}
      <div className="source-add">
        <label className="visually-hidden" htmlFor="source-add-kind">
          Kind of source to add
        </label>
        <select
          id="source-add-kind"
          className="field__input field__input--select"
          value={addKind}
          onChange={(e) => setAddKind(e.target.value as SourceKind)}
        >
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindForm(kind).label}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={add}>
          + Add source
        </button>
      </div>

      <h2 className="settings__heading">Severity names</h2>
      <label className="field field--inline">
        <span className="field__label">Your team says</span>
        <select
          className="field__input field__input--select"
          value={scale}
          onChange={(event) => {
            setScale(event.target.value as SeverityScale);
            touched();
          }}
        >
          {SCALES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <p className="muted settings__hint">
        Words your alerts use that the app does not know (an alert shows them as “unmapped”):
      </p>
      <SeverityWordsEditor
        idPrefix="team-words"
        rows={words}
        scale={scale}
        onChange={(rows) => {
          setWords(rows);
          touched();
        }}
      />

      <FormErrorList issues={errors.other} />
      <SaveActions canSave={dirty} status={shownStatus}>
        <button type="button" className="btn" onClick={discard} disabled={!dirty}>
          Discard changes
        </button>
      </SaveActions>
    </form>
  );
}
