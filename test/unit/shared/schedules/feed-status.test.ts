import { describe, expect, it } from 'vitest';
import { feedStatusText, type FeedStatus } from '../../../../src/shared/schedules/feed-status';

// Tuesday 20 October 2026, 14:05 in Berlin.
const NOW = Date.parse('2026-10-20T12:05:00Z');
const base: FeedStatus = {
  shown: 'https://acme.pagerduty.com/…',
  pending: false,
  ok: true,
  shiftCount: 3,
  warnings: [],
};

describe('feedStatusText', () => {
  it('says when a good feed was read and how many shifts it has, in the reader’s zone', () => {
    const status = { ...base, fetchedAt: Date.parse('2026-10-20T12:02:00Z') };
    expect(feedStatusText(status, NOW, 'Europe/Berlin')).toBe('OK: read at 14:02, 3 shifts');
    expect(feedStatusText({ ...status, shiftCount: 1 }, NOW, 'UTC')).toBe(
      'OK: read at 12:02, 1 shift',
    );
  });

  it('names the day of a copy from another day, and the reason a read failed', () => {
    const status: FeedStatus = {
      ...base,
      ok: false,
      error: 'https://acme.pagerduty.com/… answered 503',
      fetchedAt: Date.parse('2026-10-19T11:00:00Z'),
      usingLastGoodSince: Date.parse('2026-10-19T11:00:00Z'),
    };
    expect(feedStatusText(status, NOW, 'Europe/Berlin')).toBe(
      'Could not be read: https://acme.pagerduty.com/… answered 503 — using the copy from Mon 13:00, 3 shifts',
    );
  });

  it('says nobody is on call from a feed never read, and that a first read is under way', () => {
    const never: FeedStatus = { ...base, ok: false, shiftCount: 0, error: 'connection refused' };
    expect(feedStatusText(never, NOW, 'UTC')).toBe(
      'Could not be read: connection refused — no copy to use yet, so nobody is on call from this feed',
    );
    expect(feedStatusText({ ...base, pending: true, shiftCount: 0 }, NOW, 'UTC')).toBe(
      'Reading the feed…',
    );
  });

  it('passes on what could not be read from the copy', () => {
    const status = { ...base, fetchedAt: NOW, warnings: ['2 events name nobody'] };
    expect(feedStatusText(status, NOW, 'UTC')).toBe(
      'OK: read at 12:05, 3 shifts (2 events name nobody)',
    );
  });
});
