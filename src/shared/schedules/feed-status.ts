import { z } from 'zod';
import { sameDay, wallClockText } from './zone';

/**
 * What an iCalendar feed layer's feed is doing, as Settings shows it: read or not, when, how many
 * shifts, and when the last read failed, why and since when the last good copy serves. `shown`
 * is the feed's scheme and host only: the rest of a private feed's URL is its password.
 */
export const feedStatusSchema = z.object({
  shown: z.string(),
  /** True until the first read of this run ends (a copy from disk may already serve). */
  pending: z.boolean(),
  /** The last read fetched and read the feed. */
  ok: z.boolean(),
  /** When the copy in use was fetched, epoch ms; absent when there is none. */
  fetchedAt: z.number().optional(),
  /** When the last read ended, epoch ms. */
  checkedAt: z.number().optional(),
  /** Why the last read failed. */
  error: z.string().optional(),
  /** The last read failed but an older copy serves: when that copy was fetched, epoch ms. */
  usingLastGoodSince: z.number().optional(),
  shiftCount: z.number(),
  /** What could not be read from the copy in use. */
  warnings: z.array(z.string()),
});

/** What a feed layer's feed is doing. */
export type FeedStatus = z.infer<typeof feedStatusSchema>;

/**
 * A feed's status in words: "Read at 14:02, 3 shifts", "Could not be read: <why> — using the
 * copy from 13:00", "Reading the feed…".
 * @param status - the feed's status
 * @param nowMs - now, so a time of another day says its day
 * @param zone - the zone the reader reads times in
 */
export function feedStatusText(status: FeedStatus, nowMs: number, zone: string): string {
  const at = (ms: number) => wallClockText(ms, zone, !sameDay(ms, nowMs, zone));
  const shifts = `${status.shiftCount} shift${status.shiftCount === 1 ? '' : 's'}`;
  const warned = status.warnings.length > 0 ? ` (${status.warnings.join('; ')})` : '';
  if (status.pending) {
    return status.fetchedAt === undefined
      ? 'Reading the feed…'
      : `Reading the feed… using the copy from ${at(status.fetchedAt)} meanwhile, ${shifts}`;
  }
  if (status.ok) return `OK: read at ${at(status.fetchedAt ?? nowMs)}, ${shifts}${warned}`;
  const why = `Could not be read: ${status.error ?? 'no reason given'}`;
  return status.usingLastGoodSince === undefined
    ? `${why} — no copy to use yet, so nobody is on call from this feed`
    : `${why} — using the copy from ${at(status.usingLastGoodSince)}, ${shifts}`;
}
