import { useEffect, useRef, useState } from 'react';
import { MAX_TEXT_LENGTH, type IncidentSnapshot } from '../../../../shared/incident/schema';
import {
  STATUS_MESSAGE_PLACEHOLDER,
  phaseLabel,
  STATUS_TEMPLATE_KINDS,
  type StatusPhase,
  type StatusTemplateKind,
} from '../../../../shared/templates/status-update';
import { errorMessage } from '../../../bridge/bridge-error';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import {
  fillDraft,
  firstDraft,
  isEdited,
  isStale,
  phaseForTemplate,
  STATUS_PHASES,
  switchPhase,
  TEMPLATE_WORDS,
  type DraftContext,
  type StatusDraft,
} from './status-update-draft';
import { useOp } from '../use-op';
import { formatZonedShort } from '../zoned-time';

/** How long "Copied" stays before the button reads "Copy" again (as the runbook copy buttons). */
const CONFIRM_MS = 2000;

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; reason: string };

/**
 * The update being written: template and phase fill the text from the incident, the text is the
 * user's from then on (a change to the incident never rewrites it: the panel offers a refill; a
 * phase switch changes only the phase's own lines), Copy puts it on the clipboard and "Mark as
 * posted" records it, which restarts the countdown; a text still holding the placeholder for the
 * news is refused, saying why.
 */
export function StatusDraftEditor(props: {
  incident: IncidentSnapshot;
  apply: ApplyIncidentOp;
  now: number;
  severityLabel: string;
  zone: string;
  readOnly: boolean;
}) {
  const { incident, now, severityLabel, zone, readOnly } = props;
  const ctx = (nowMs: number): DraftContext => ({ severityLabel, nowMs, timeZone: zone });
  const [draft, setDraft] = useState<StatusDraft>(() => firstDraft(incident, ctx(now)));
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const [posted, setPosted] = useState<{ text: string; at: string } | undefined>();
  // Why "Mark as posted" did not record the text, when the editor itself refused it.
  const [refused, setRefused] = useState<string | undefined>();
  const post = useOp(props.apply);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (copy.kind !== 'copied') return;
    const timer = setTimeout(() => setCopy({ kind: 'idle' }), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const refill = (kind: StatusTemplateKind, phase: StatusPhase): void => {
    const at = ctx(Date.now());
    setDraft((before) => fillDraft(incident, kind, phase, at, before));
    setCopy({ kind: 'idle' });
    setRefused(undefined);
    post.clearError();
  };

  const pickPhase = (phase: StatusPhase): void => {
    // The clock as last rendered (the panel ticks every second): an untouched draft is filled
    // again with it.
    setDraft((before) => switchPhase(before, phase, incident, ctx(now)));
    setCopy({ kind: 'idle' });
    post.clearError();
  };

  const copyText = async (): Promise<void> => {
    const fail = (reason: string): void => {
      setCopy({ kind: 'failed', reason });
      // Selected, so Ctrl+C right away copies what the button could not.
      textRef.current?.focus();
      textRef.current?.select();
    };
    // Absent outside a secure context (plain http on another host than loopback).
    if (navigator.clipboard === undefined) {
      fail('this window has no clipboard access');
      return;
    }
    try {
      await navigator.clipboard.writeText(draft.text);
      setCopy({ kind: 'copied' });
    } catch (error) {
      fail(errorMessage(error));
    }
  };

  const markPosted = async (): Promise<void> => {
    const text = draft.text.trim();
    if (text === '') return;
    const placeholder = draft.text.indexOf(STATUS_MESSAGE_PLACEHOLDER);
    if (placeholder >= 0) {
      // The app refuses it too; saying so here also puts the cursor where the news goes.
      setRefused(
        `Not posted: the text still says “${STATUS_MESSAGE_PLACEHOLDER}”. Write what changed in its place, then mark it as posted.`,
      );
      textRef.current?.focus();
      textRef.current?.setSelectionRange(
        placeholder,
        placeholder + STATUS_MESSAGE_PLACEHOLDER.length,
      );
      return;
    }
    setRefused(undefined);
    const done = await post.run({
      type: 'status-update.post',
      args: { text, audience: draft.kind, phase: draft.phase },
    });
    if (!done) return;
    setPosted({ text: draft.text, at: new Date().toISOString() });
    setCopy({ kind: 'idle' });
  };

  const empty = draft.text.trim() === '';
  const alreadyPosted = posted !== undefined && posted.text === draft.text;
  const stale = isStale(draft, incident, severityLabel);

  return (
    <div className="status-draft">
      <div className="status-draft__pickers">
        <label className="field status-draft__template">
          <span className="field__label">Template</span>
          <select
            className="field__input field__input--select"
            value={draft.kind}
            onChange={(event) => {
              const kind = event.target.value as StatusTemplateKind;
              refill(kind, phaseForTemplate(draft, kind));
            }}
          >
            {STATUS_TEMPLATE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {TEMPLATE_WORDS[kind]}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span className="field__label" id="status-phase-label">
            Phase
          </span>
          <div className="segmented" role="group" aria-labelledby="status-phase-label">
            {STATUS_PHASES.map((phase) => (
              <button
                key={phase}
                type="button"
                className="segmented__item"
                aria-pressed={draft.phase === phase}
                onClick={() => pickPhase(phase)}
              >
                {phaseLabel(phase)}
              </button>
            ))}
          </div>
        </div>
      </div>
      <label className="visually-hidden" htmlFor="status-draft-text">
        Status update text
      </label>
      <textarea
        id="status-draft-text"
        ref={textRef}
        className="field__input status-draft__text"
        rows={10}
        maxLength={MAX_TEXT_LENGTH}
        spellCheck
        value={draft.text}
        onChange={(event) => {
          const text = event.target.value;
          setDraft((before) => ({ ...before, text }));
          setCopy({ kind: 'idle' });
          setRefused(undefined);
        }}
      />
      <div className="status-draft__notes">
        {draft.text.includes(STATUS_MESSAGE_PLACEHOLDER) ? (
          <p className="status-draft__placeholder" role="note">
            Still says “{STATUS_MESSAGE_PLACEHOLDER}”: write what changed before you send it.
          </p>
        ) : null}
        {draft.unplacedPhaseLines !== undefined && isEdited(draft) ? (
          <p className="status-draft__stale" role="note">
            Switched to {phaseLabel(draft.phase)}, keeping your text: check the lines you reworded
            still say where the response stands.
          </p>
        ) : null}
        {stale ? (
          <p className="status-draft__stale">
            The incident changed since this text was filled.{' '}
            <button
              type="button"
              className="btn btn--link"
              onClick={() => refill(draft.kind, draft.phase)}
            >
              Refill from the incident
            </button>
            {isEdited(draft) ? ' (replaces your edits; you can undo)' : null}
          </p>
        ) : null}
        {draft.replaced !== undefined && !isEdited(draft) ? (
          <p className="muted">
            Your edits were replaced.{' '}
            <button
              type="button"
              className="btn btn--link"
              onClick={() =>
                setDraft(({ replaced, ...rest }) => ({ ...rest, text: replaced ?? rest.text }))
              }
            >
              Undo
            </button>
          </p>
        ) : null}
      </div>
      <div className="status-draft__actions">
        <button
          type="button"
          className="btn copy__button"
          disabled={empty}
          onClick={() => void copyText()}
          title={copy.kind === 'failed' ? `Not copied: ${copy.reason}` : 'Copy the text'}
        >
          {copy.kind === 'copied' ? 'Copied' : copy.kind === 'failed' ? 'Not copied' : 'Copy'}
        </button>
        {readOnly ? null : (
          <button
            type="button"
            className="btn btn--primary"
            disabled={empty || post.busy || alreadyPosted}
            onClick={() => void markPosted()}
          >
            {alreadyPosted ? 'Posted' : post.busy ? 'Recording…' : 'Mark as posted'}
          </button>
        )}
        {stale ? null : (
          <button
            type="button"
            className="btn btn--small btn--link"
            onClick={() => refill(draft.kind, draft.phase)}
          >
            Refill
          </button>
        )}
      </div>
      <p className="status-draft__feedback" role="status">
        {copy.kind === 'copied'
          ? 'Copied to the clipboard.'
          : copy.kind === 'failed'
            ? `Not copied: ${copy.reason}. The text is selected: press Ctrl+C (⌘C) to copy it.`
            : alreadyPosted
              ? `Marked as posted at ${formatZonedShort(posted.at, zone, now)}; the countdown restarted.`
              : ''}
      </p>
      <OpError error={refused ?? post.error} />
    </div>
  );
}
