import { useCallback, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { TimelineEntry } from '../../../shared/incident/schema';
import type { ApplyIncidentOp } from '../incident/panel-props';
import { TimelineComposer } from './timeline-composer';
import {
  EVERY_ENTRY,
  queriesNothing,
  queryTimeline,
  timelineAuthors,
  type TimelineQuery,
} from './timeline-filter';
import { TimelineList } from './timeline-list';
import { TimelineTools } from './timeline-tools';
import { TypingLine } from '../sync/typing-line';
import { useTypingPresence } from '../sync/use-presence';

/**
 * The entry Up in an empty composer edits: the hand-written entry written last (not the one
 * dated last: a line dated 14:05 typed a minute ago is still the one just written), not struck.
 */
function lastWritten(entries: readonly TimelineEntry[]): TimelineEntry | undefined {
  let last: TimelineEntry | undefined;
  for (const entry of entries) {
    if (entry.auto || entry.struck) continue;
    if (last === undefined || Date.parse(entry.createdAt) >= Date.parse(last.createdAt)) {
      last = entry;
    }
  }
  return last;
}

/**
 * The timeline, in event-time order, and the scribe's composer under it: search and filters
 * above, the entries in a virtualised box that follows the newest one, the composer below.
 * Entries come sorted from the store (which merges each change in place), so nothing here sorts
 * or copies a long timeline again for a keystroke.
 */
export function Timeline(props: {
  entries: readonly TimelineEntry[];
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  readOnly: boolean;
  composerRef?: Ref<HTMLInputElement>;
  /** The incident, to tell teammates who is typing in it and to show who else is. */
  incidentId: string;
}) {
  const [query, setQuery] = useState<TimelineQuery>(EVERY_ENTRY);
  const onType = useTypingPresence(props.incidentId);
  const entries = useMemo(() => queryTimeline(props.entries, query), [props.entries, query]);
  const authors = useMemo(() => timelineAuthors(props.entries), [props.entries]);
  const [editingId, setEditingId] = useState<string | undefined>();
  const editFromComposer = useRef(false);
  const composer = useRef<HTMLInputElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useImperativeHandle(props.composerRef, () => composer.current as HTMLInputElement, []);
  // Rows only need to know the day changed (for "24 Nov 14:23"); a minute keeps them still.
  const minute = Math.floor(props.now / 60_000) * 60_000;

  const onEdit = useCallback((id: string | undefined) => {
    // Back to the composer when the edit started there (Up), so the scribe types on.
    if (id === undefined && editFromComposer.current) composer.current?.focus();
    editFromComposer.current = false;
    setEditingId(id);
  }, []);

  const editLast = useCallback((): boolean => {
    const last = lastWritten(props.entries);
    if (last === undefined) return false;
    // An entry hidden by the search or a filter is shown again to be edited.
    if (!entries.some((entry) => entry.id === last.id)) setQuery(EVERY_ENTRY);
    editFromComposer.current = true;
    setEditingId(last.id);
    return true;
  }, [props.entries, entries]);

  const narrowed = !queriesNothing(query);
  return (
    <section className="incident-section timeline" aria-labelledby="timeline-title">
      <div className="incident-section__head">
        <h2 id="timeline-title" className="incident-section__title">
          Timeline
        </h2>
        <span className="muted incident-section__hint" aria-live="polite">
          times in {props.zone}
          {narrowed ? ` · ${entries.length} of ${props.entries.length} shown` : null}
        </span>
      </div>
      {props.entries.length === 0 ? null : (
        <TimelineTools query={query} onQuery={setQuery} authors={authors} searchRef={search} />
      )}
      {entries.length === 0 ? (
        <p className="muted">
          {props.entries.length === 0 ? 'Nothing recorded yet.' : 'No entries match.'}
        </p>
      ) : (
        <TimelineList
          entries={entries}
          editingId={editingId}
          onEdit={onEdit}
          apply={props.apply}
          zone={props.zone}
          now={minute}
          readOnly={props.readOnly}
        />
      )}
      <TypingLine incidentId={props.incidentId} />
      {props.readOnly ? (
        <p className="muted timeline__closed">The incident is closed; its timeline is read-only.</p>
      ) : (
        <TimelineComposer
          inputRef={composer}
          onType={onType}
          apply={props.apply}
          now={props.now}
          zone={props.zone}
          onEditLast={editLast}
        />
      )}
    </section>
  );
}
