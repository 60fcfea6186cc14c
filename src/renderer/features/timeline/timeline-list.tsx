import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '../../../shared/incident/schema';
import type { ApplyIncidentOp } from '../incident/panel-props';
import { TimelineEntryRow } from './timeline-entry';

// Within this many pixels of the end counts as reading the newest entry (rounding, borders).
const AT_END_SLACK = 24;
// Up to this many entries every row is rendered: cheap (rows are memoised), and the browser's own
// find-in-page and a screen reader's list navigation then see the whole of a usual incident.
const RENDER_ALL_UP_TO = 200;

/**
 * The entries, oldest first, in a box that scrolls by itself and renders only the rows in view
 * (a 10,000-entry incident stays as quick as an empty one). It follows the newest entry, so the
 * line just written is right above the composer, unless the reader scrolled up to read: then it
 * stays where they are and offers "Jump to now". The box is a focusable list, so arrow keys,
 * Page Up/Down, Home and End scroll it, and each row tells its place ("3 of 120").
 */
export function TimelineList(props: {
  entries: readonly TimelineEntry[];
  editingId: string | undefined;
  onEdit: (id: string | undefined) => void;
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  readOnly: boolean;
}) {
  const { entries, editingId } = props;
  const box = useRef<HTMLOListElement>(null);
  const [atEnd, setAtEnd] = useState(true);
  const following = useRef(true);
  // The virtualizer is a mutable object by design; this component opts out of the compiler's
  // memoisation (the rows below are memoised by hand instead).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => box.current,
    estimateSize: () => 52,
    overscan: entries.length <= RENDER_ALL_UP_TO ? RENDER_ALL_UP_TO : 12,
    getItemKey: (index) => entries[index]?.id ?? index,
  });

  const jumpToNow = useCallback(() => {
    following.current = true;
    setAtEnd(true);
    const el = box.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, []);

  // A new entry, a filter, or rows measured taller or shorter than estimated, while following:
  // show the end, before the browser paints. (scrollToIndex lands short while rows are still
  // being measured; the end of the box is exact.)
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const el = box.current;
    if (following.current && el !== null) el.scrollTop = el.scrollHeight;
  }, [entries, totalSize]);

  // The entry being edited (Up in the composer may open one far above) is brought into view.
  useEffect(() => {
    if (editingId === undefined) return;
    const index = entries.findIndex((entry) => entry.id === editingId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [editingId, entries, virtualizer]);

  const onScroll = (): void => {
    const el = box.current;
    if (el === null) return;
    const end = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_SLACK;
    following.current = end;
    if (end !== atEnd) setAtEnd(end);
  };

  return (
    <div className="timeline__entries">
      <ol
        ref={box}
        className="entries"
        aria-label="Timeline entries"
        // Focusable so the keyboard scrolls it (and axe's scrollable-region rule holds).
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={(event) => {
          if (event.key === 'End' && event.target === event.currentTarget) {
            event.preventDefault();
            jumpToNow();
          }
        }}
        style={{ ['--timeline-height' as string]: `${totalSize}px` }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          if (entry === undefined) return null;
          return (
            <TimelineEntryRow
              key={entry.id}
              entry={entry}
              index={item.index}
              setSize={entries.length}
              start={item.start}
              measure={virtualizer.measureElement}
              editing={entry.id === editingId}
              onEdit={props.onEdit}
              apply={props.apply}
              zone={props.zone}
              now={props.now}
              readOnly={props.readOnly}
            />
          );
        })}
      </ol>
      {atEnd ? null : (
        <button
          type="button"
          className="btn btn--small btn--primary timeline__now"
          onClick={jumpToNow}
        >
          Jump to now ↓
        </button>
      )}
    </div>
  );
}
