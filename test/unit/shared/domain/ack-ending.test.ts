import { describe, expect, it } from 'vitest';
import { ackEndingSoon, ackMsLeft } from '../../../../src/shared/domain/ack-ending';
import type { Alert } from '../../../../src/shared/domain/alert';

const now = new Date('2026-03-01T02:00:00.000Z');
const ack = {
  id: 'ack-1',
  createdBy: 'Ada',
  comment: 'ACK! …',
  startsAt: '2026-03-01T01:00:00.000Z',
};

function acked(until: string | undefined, extra: Partial<Alert> = {}): Alert {
  return {
    id: 'prod:a1',
    sourceId: 'prod',
    fingerprint: 'a1',
    status: 'suppressed',
    severity: 'sev2',
    title: 'DiskAlmostFull',
    labels: {},
    annotations: {},
    startsAt: '2026-03-01T00:00:00.000Z',
    ack: { by: 'Ada', at: ack.startsAt, via: 'source', ref: 'ack-1', ...(until && { until }) },
    ...(until && { silences: [{ ...ack, endsAt: until }] }),
    ...extra,
  };
}

describe('ackEndingSoon', () => {
  it('is true from ten minutes before the acknowledgement lapses while the alert still fires', () => {
    expect(ackEndingSoon(acked('2026-03-01T02:10:00.000Z'), now)).toBe(true);
    expect(ackEndingSoon(acked('2026-03-01T02:00:01.000Z'), now)).toBe(true);
    expect(ackMsLeft(acked('2026-03-01T02:09:00.000Z'), now)).toBe(9 * 60_000);
  });

  it('is false earlier, after the lapse, without an end, and for a resolved alert', () => {
    expect(ackEndingSoon(acked('2026-03-01T02:10:01.000Z'), now)).toBe(false);
    expect(ackEndingSoon(acked('2026-03-01T02:00:00.000Z'), now)).toBe(false);
    expect(ackEndingSoon(acked(undefined), now)).toBe(false);
    expect(ackEndingSoon(acked('2026-03-01T02:05:00.000Z', { status: 'resolved' }), now)).toBe(
      false,
    );
  });

  it('is false when another silence keeps the alert quiet for longer', () => {
    const alert = acked('2026-03-01T02:05:00.000Z');
    const maintenance = {
      ...ack,
      id: 'maint',
      comment: 'maintenance',
      endsAt: '2026-03-01T04:00:00.000Z',
    };
    expect(
      ackEndingSoon({ ...alert, silences: [...(alert.silences ?? []), maintenance] }, now),
    ).toBe(false);
  });
});
