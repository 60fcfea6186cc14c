import { useMemo, useState, type Ref } from 'react';
import { compareTimelineEntries } from '../../../shared/incident/read-incident';
import type { TimelineEntry } from '../../../shared/incident/schema';
import type { ApplyIncidentOp } from '../incident/panel-props';
import { TimelineComposer } from './timeline-composer';
import { TimelineEntryRow } from './timeline-entry';
import { filterTimeline, TIMELINE_FILTERS, type TimelineFilter } from './timeline-filter';

/**
 * The timeline, in event-time order, and the scribe's composer under it. The entries scroll in
 * their own box that follows the newest one, so the line just written is always right above the
 * composer (unless the reader scrolled up to read, then it stays where they are).
 */
export function Timeline(props: {
  entries: readonly TimelineEntry[];
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  readOnly: boolean;
  composerRef?: Ref<HTMLInputElement>;
}) {
  // The snapshot comes sorted; sorting again costs little and keeps the order right whatever
  // sent it.
  const sorted = useMemo(() => [...props.entries].sort(compareTimelineEntries), [props.entries]);
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const entries = useMemo(() => filterTimeline(sorted, filter), [sorted, filter]);
  // Rows only need to know the day changed (for "24 Nov 14:23"); a minute keeps them still.
  const minute = Math.floor(props.now / 60_000) * 60_000;
  return (
    <section className="incident-section timeline" aria-labelledby="timeline-title">
      <div className="incident-section__head">
        <h2 id="timeline-title" className="incident-section__title">
          Timeline
        </h2>
        <span className="muted incident-section__hint">
          times in {props.zone}
          {filter === 'all' ? null : ` · ${entries.length} of ${sorted.length} shown`}
        </span>
        {sorted.length === 0 ? null : (
          <div className="segmented timeline__filter" role="group" aria-label="Show">
            {TIMELINE_FILTERS.map(({ id, label }) => (
              <button
                key={id}
                type="button"
                className="segmented__item"
                aria-pressed={filter === id}
                onClick={() => setFilter(id)}
              >
                {label}
              </button>
            ))}
          </div>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted">
          {sorted.length === 0 ? 'Nothing recorded yet.' : 'No entries of this kind yet.'}
        </p>
      ) : (
        // Reversed flex column: the box opens scrolled to its end and stays there as entries
        // arrive, unless the reader scrolled up (see .entries-scroll).
        <div className="entries-scroll">
          <ol className="entries" aria-label="Timeline entries">
            {entries.map((entry) => (
              <TimelineEntryRow
                key={entry.id}
                entry={entry}
                apply={props.apply}
                zone={props.zone}
                now={minute}
                readOnly={props.readOnly}
              />
            ))}
          </ol>
        </div>
      )}
      {props.readOnly ? (
        <p className="muted timeline__closed">The incident is closed; its timeline is read-only.</p>
      ) : (
        <TimelineComposer
          inputRef={props.composerRef}
          apply={props.apply}
          now={props.now}
          zone={props.zone}
        />
      )}
    </section>
  );
}
