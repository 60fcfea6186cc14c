import type { ManualTimelineKind } from '../../../shared/incident/schema';

/** A line the scribe sent that is not on disk yet, or that the app could not write. */
export interface QueuedLine {
  key: number;
  /** The line as typed, to put back in the input for editing. */
  line: string;
  kind: ManualTimelineKind;
  /** The event time the preview showed when Enter was pressed (ISO), if a time was typed. */
  at?: string;
  /** Why writing it failed; absent while it is being written. */
  error?: string;
}

/** Lines waiting to be written or that failed, oldest first. */
export type LineQueue = readonly QueuedLine[];

/**
 * Add a sent line at the end of the queue.
 * @param queue - the queue
 * @param line - the new line
 */
export function enqueueLine(queue: LineQueue, line: QueuedLine): LineQueue {
  return [...queue, line];
}

/**
 * Forget a line: written, or discarded by the scribe.
 * @param queue - the queue
 * @param key - the line's key
 */
export function dropLine(queue: LineQueue, key: number): LineQueue {
  return queue.filter((queued) => queued.key !== key);
}

/**
 * Mark a line as failed, with the reason, or as being written again (`error` undefined).
 * @param queue - the queue
 * @param key - the line's key
 * @param error - why it failed
 */
export function markLine(queue: LineQueue, key: number, error: string | undefined): LineQueue {
  return queue.map((queued) => {
    if (queued.key !== key) return queued;
    const next: QueuedLine = { ...queued };
    if (error === undefined) delete next.error;
    else next.error = error;
    return next;
  });
}

/**
 * What the composer says about the queue under the input, or nothing when it is empty.
 * @param queue - the queue
 */
export function queueStatus(queue: LineQueue): string | undefined {
  const failed = queue.filter((queued) => queued.error !== undefined).length;
  const saving = queue.length - failed;
  const parts = [
    saving > 0 ? `Saving ${saving === 1 ? '1 line' : `${saving} lines`}…` : undefined,
    failed > 0
      ? `${failed === 1 ? '1 line was' : `${failed} lines were`} not saved: retry, edit or discard below.`
      : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}
