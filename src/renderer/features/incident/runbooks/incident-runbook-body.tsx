// Imported lazily by incident-runbooks-panel.tsx: it pulls in the Markdown renderer, which stays
// out of the start-up bundle until a runbook is opened on an incident.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { RunbookStep } from '../../../../shared/domain/runbook';
import type { IncidentSnapshot } from '../../../../shared/incident/schema';
import { errorMessage } from '../../../bridge/bridge-error';
import { anchorId } from '../../runbooks/markdown-headings';
import { RunbookMarkdown, type StepDecoration } from '../../runbooks/runbook-markdown';
import { useRunbook } from '../../runbooks/use-runbook';
import { useRunbookLinks } from '../../runbooks/use-runbook-links';
import type { ApplyIncidentOp } from '../panel-props';
import { stepsByLine, stepTicks } from './runbook-steps';
import { formatZonedFull, formatZonedShort } from '../zoned-time';

/** The op's limits on the texts that only word the timeline entry. */
const STEP_TEXT_MAX = 1000;
const TITLE_MAX = 200;

/**
 * One runbook of the incident, rendered as the runbook page renders it (no raw HTML, links
 * through the guard, Copy on code blocks), with a checkbox on each step that ticks it on this
 * incident and says who ticked it and when.
 */
export function IncidentRunbookBody(props: {
  runbookId: string;
  incident: Pick<IncidentSnapshot, 'runbookSteps' | 'status'>;
  apply: ApplyIncidentOp;
  now: number;
  zone: string;
}) {
  const { runbookId: id, incident, apply, zone } = props;
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [stepError, setStepError] = useState<{ stepId: string; message: string } | undefined>();
  const containerRef = useRef<HTMLDivElement>(null);
  const readOnly = incident.status === 'closed';
  // Tick times only change wording at minute boundaries; re-rendering the Markdown once a second
  // with the view's clock would re-parse it for nothing.
  const minute = Math.floor(props.now / 60_000) * 60_000;

  const current = useRunbook(id);
  const runbook = current !== undefined && 'runbook' in current ? current.runbook : undefined;
  const ticks = useMemo(() => stepTicks(incident.runbookSteps, id), [incident.runbookSteps, id]);
  const byLine = useMemo(() => stepsByLine(runbook?.steps ?? []), [runbook]);

  // Within this runbook only: the page may show others, and the runbook page's own ids.
  const scrollTo = useCallback((fragment: string): void => {
    const target = containerRef.current?.querySelector<HTMLElement>(
      `#${CSS.escape(anchorId(fragment))}`,
    );
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, []);
  const { actions, linkError, runbookIds } = useRunbookLinks(scrollTo);

  const tick = useCallback(
    async (step: RunbookStep, next: boolean, title: string): Promise<void> => {
      setPending((before) => new Map(before).set(step.id, next));
      setStepError(undefined);
      const stepText = step.text.trim().slice(0, STEP_TEXT_MAX).trim();
      const runbookTitle = title.trim().slice(0, TITLE_MAX).trim();
      try {
        await apply({
          type: next ? 'runbook-step.tick' : 'runbook-step.untick',
          args: {
            runbookId: id,
            stepId: step.id,
            ...(stepText === '' ? {} : { stepText }),
            ...(runbookTitle === '' ? {} : { runbookTitle }),
          },
        });
      } catch (error) {
        setStepError({ stepId: step.id, message: errorMessage(error) });
      } finally {
        setPending((before) => {
          const after = new Map(before);
          after.delete(step.id);
          return after;
        });
      }
    },
    [apply, id],
  );

  const title = runbook?.title ?? id;
  const decorateStep = useCallback<StepDecoration>(
    (line) => {
      const step = byLine.get(line);
      if (step === undefined) return undefined;
      const done = ticks.get(step.id);
      const checked = pending.get(step.id) ?? done !== undefined;
      const label = step.text.length > 120 ? `${step.text.slice(0, 120)}…` : step.text;
      return {
        start: (
          <input
            type="checkbox"
            className="md-step__box"
            checked={checked}
            // Not `disabled` while saving: a disabled box drops the keyboard focus.
            disabled={readOnly}
            aria-busy={pending.has(step.id) || undefined}
            aria-label={`Step done: ${label}`}
            onChange={(event) => {
              if (!pending.has(step.id)) void tick(step, event.target.checked, title);
            }}
          />
        ),
        end: (
          <>
            {done !== undefined ? (
              <span className="md-step__by" title={formatZonedFull(done.at, zone)}>
                {done.by}, {formatZonedShort(done.at, zone, minute)}
              </span>
            ) : step.checkedInFile ? (
              <span className="md-step__by">ticked in the file</span>
            ) : null}
            {stepError?.stepId === step.id ? (
              <span className="op-error md-step__error" role="alert">
                {stepError.message}
              </span>
            ) : null}
          </>
        ),
      };
    },
    [byLine, ticks, pending, readOnly, tick, title, zone, minute, stepError],
  );

  // The view's clock re-renders this every second; the Markdown only when what it shows changes.
  const markdown = useMemo(
    () =>
      runbook === undefined || runbook.body.trim() === '' ? undefined : (
        <RunbookMarkdown
          markdown={runbook.body}
          title={runbook.title}
          runbookId={runbook.id}
          runbookIds={runbookIds}
          actions={actions}
          decorateStep={decorateStep}
        />
      ),
    [runbook, runbookIds, actions, decorateStep],
  );

  if (current === undefined) return <p className="muted">Loading the runbook…</p>;
  if ('error' in current) {
    return (
      <p className="op-error" role="alert">
        This runbook could not be loaded: {current.error}
      </p>
    );
  }
  const loadedRunbook = current.runbook;
  return (
    <div className="incident-runbook__body" ref={containerRef}>
      {loadedRunbook.error !== undefined ? (
        <p className="notice notice--warn">
          This runbook file has a problem: {loadedRunbook.error}. What could be read is shown.
        </p>
      ) : null}
      {linkError ? (
        <p className="op-error" role="alert">
          {linkError}
        </p>
      ) : null}
      {loadedRunbook.steps.length > 0 ? (
        <p className="incident-runbook__progress muted">
          {readOnly
            ? 'Steps as they were ticked on this incident.'
            : 'Tick each step as it is done on this incident; the team sees who ticked it.'}
        </p>
      ) : null}
      {markdown ?? <p className="muted">This runbook file has no text.</p>}
    </div>
  );
}
