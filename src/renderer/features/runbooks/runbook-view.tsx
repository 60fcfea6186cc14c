import { useCallback, useEffect, useRef, useState } from 'react';
import type { Runbook } from '../../../shared/domain/runbook';
import { useApp, useUi } from '../../app/app-context';
import { PartBoundary } from '../../components/part-boundary';
import type { View } from '../../stores/ui-store';
import { anchorId } from './markdown-headings';
import { matchExpressions, stepCountText } from './runbook-format';
import { RunbookMarkdown, type RunbookLinkActions } from './runbook-markdown';
import { useRunbook } from './use-runbook';
import { useRunbookLinks } from './use-runbook-links';

/**
 * One runbook, read in the app: title, what it matches, its problem if the file is broken, the
 * Markdown body (rendered safely by {@link RunbookMarkdown}) and its steps as a read-only list.
 * Esc or Back returns to where it was opened from.
 */
export function RunbookView() {
  const { uiStore } = useApp();
  const place = useUi((s) => s.runbookTrail.at(-1));
  const trailLength = useUi((s) => s.runbookTrail.length);
  const from = useUi((s) => s.runbookFrom);
  const [notice, setNotice] = useState<string | undefined>();
  const articleRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The place last focused, so a reload after a file change does not move the focus.
  const focusedPlace = useRef<unknown>(undefined);
  const id = place?.id;
  const current = useRunbook(id);

  const scrollTo = useCallback((fragment: string): boolean => {
    const target = document.getElementById(anchorId(fragment));
    if (target === null || !articleRef.current?.contains(target)) {
      setNotice(`This runbook has no section “${fragment}”; showing it from the top.`);
      return false;
    }
    setNotice(undefined);
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    return true;
  }, []);

  // Once per runbook opened: to the section asked for, else to the title, for keyboard and
  // screen-reader users alike.
  useEffect(() => {
    if (current === undefined || focusedPlace.current === place) return;
    focusedPlace.current = place;
    setNotice(undefined);
    if (place?.fragment !== undefined && 'runbook' in current && scrollTo(place.fragment)) return;
    articleRef.current?.closest('.main')?.scrollTo({ top: 0 });
    titleRef.current?.focus();
  }, [current, place, scrollTo]);

  const back = useCallback(() => uiStore.actions.closeRunbook(), [uiStore]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (uiStore.getState().shortcutsOpen) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('dialog, input, textarea, select')) return;
      event.preventDefault();
      back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [uiStore, back]);

  const { actions, linkError, runbookIds } = useRunbookLinks(scrollTo, id);

  const backLabel = trailLength > 1 ? '← Back to the previous runbook' : BACK_TO[from];

  return (
    <article className="runbook" ref={articleRef} aria-labelledby="runbook-title">
      <div className="runbook__bar">
        <button type="button" className="btn" onClick={back} title="Back (Esc)">
          {backLabel}
        </button>
        {id !== undefined ? <code className="runbook__id path">{id}</code> : null}
      </div>
      {current === undefined ? (
        <p className="muted">Loading the runbook…</p>
      ) : 'error' in current ? (
        <>
          <h1 id="runbook-title" className="runbook__title" tabIndex={-1} ref={titleRef}>
            Runbook not available
          </h1>
          <div className="banner banner--warn" role="alert">
            {current.error}
          </div>
        </>
      ) : (
        <RunbookContent
          runbook={current.runbook}
          runbookIds={runbookIds}
          actions={actions}
          titleRef={titleRef}
          notice={notice}
          linkError={linkError}
        />
      )}
    </article>
  );
}

function RunbookContent({
  runbook,
  runbookIds,
  actions,
  titleRef,
  notice,
  linkError,
}: {
  runbook: Runbook;
  runbookIds: readonly string[];
  actions: RunbookLinkActions;
  titleRef: React.RefObject<HTMLHeadingElement | null>;
  notice: string | undefined;
  linkError: string | undefined;
}) {
  const matches = matchExpressions(runbook.match);
  return (
    <>
      <header className="runbook__head">
        <h1 id="runbook-title" className="runbook__title" tabIndex={-1} ref={titleRef}>
          {runbook.title}
        </h1>
        <div className="runbook__meta">
          {runbook.owner ? <span>Owner: {runbook.owner}</span> : null}
          {runbook.severity ? <span>Written for: {runbook.severity}</span> : null}
          <span>{stepCountText(runbook.steps.length)}</span>
          {runbook.tags.map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
        </div>
        <div className="runbook__match">
          {matches.length > 0 ? (
            <>
              <span className="muted">Matches alerts with</span>
              {matches.map((expression) => (
                <span key={expression} className="chip">
                  {expression}
                </span>
              ))}
            </>
          ) : runbook.error === undefined ? (
            <span className="muted">Matches no alert by its labels; reached by link only.</span>
          ) : null}
        </div>
      </header>
      {runbook.error !== undefined ? (
        <div className="banner banner--warn" role="alert">
          <strong>This runbook file has a problem</strong>, so it is not matched to any alert until
          it is fixed: <span className="runbook__error">{runbook.error}</span>. What could be read
          is shown below. File: <code className="path">{runbook.file}</code>
        </div>
      ) : null}
      {notice ? (
        <p className="notice notice--warn" role="status">
          {notice}
        </p>
      ) : null}
      {linkError ? (
        <p className="details__error" role="alert">
          {linkError}
        </p>
      ) : null}
      <div className="runbook__layout">
        <section className="runbook__body" aria-label="Runbook text">
          {runbook.body.trim() === '' ? (
            <p className="muted">This runbook file has no text.</p>
          ) : (
            // Around the text alone, so Back, the title and the steps stay if it fails.
            <PartBoundary part="the runbook's text" resetKeys={[runbook.id, runbook.body]}>
              <RunbookMarkdown
                markdown={runbook.body}
                title={runbook.title}
                runbookId={runbook.id}
                runbookIds={runbookIds}
                actions={actions}
              />
            </PartBoundary>
          )}
        </section>
        <aside className="runbook__steps" aria-labelledby="runbook-steps-title">
          <h2 id="runbook-steps-title" className="runbook__steps-title">
            Steps <span className="muted tabular">({runbook.steps.length})</span>
          </h2>
          {runbook.steps.length === 0 ? (
            <p className="muted">No numbered or task-list items in this runbook.</p>
          ) : (
            <ol className="steps">
              {runbook.steps.map((step) => (
                <li key={step.id} className="steps__item">
                  <span className="steps__text">{step.text}</span>
                  {step.checkedInFile ? (
                    <span className="steps__tag">ticked in the file</span>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          <p className="steps__note muted">
            A read-only list of the file’s steps, as written in it.
          </p>
        </aside>
      </div>
    </>
  );
}

// What Back says, by the screen the first runbook was opened from.
const BACK_TO: Record<Exclude<View, 'runbook'>, string> = {
  alerts: '← Back to alerts',
  settings: '← Back to settings',
  incidents: '← Back to incidents',
  incident: '← Back to the incident',
};
