import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../src/shared/domain/alert';
import { ackEndingSoon, alertState } from '../../../../src/shared/domain/alert-state';

const base: Alert = {
  id: 'am:1',
  sourceId: 'am',
  fingerprint: '1',
  status: 'firing',
  severity: 'sev2',
  title: 'HighLatency',
  labels: {},
  annotations: {},
  startsAt: '2026-01-01T10:00:00Z',
};
const silence = {
  id: 's1',
  createdBy: 'alice',
  comment: 'deploy',
  startsAt: '2026-01-01T10:00:00Z',
  endsAt: '2026-01-01T12:00:00Z',
};
const ack = { by: 'bob', at: '2026-01-01T10:05:00Z', via: 'source' as const };

describe('alertState', () => {
  it('tells firing, acknowledged, silenced, inhibited and resolved apart', () => {
    expect(alertState(base)).toBe('firing');
    expect(alertState({ ...base, status: 'resolved', ack })).toBe('resolved');
    // An Alertmanager acknowledgement is a silence: it still reads as acknowledged.
    expect(alertState({ ...base, status: 'suppressed', ack, silences: [silence] })).toBe(
      'acknowledged',
    );
    expect(alertState({ ...base, status: 'suppressed', silences: [silence] })).toBe('silenced');
    expect(alertState({ ...base, status: 'suppressed', inhibitedBy: ['fp9'] })).toBe('inhibited');
  });
});

describe('ackEndingSoon', () => {
  const now = Date.parse('2026-01-01T11:00:00Z');
  it('is true within ten minutes of the end while the alert has not resolved', () => {
    const until = (iso: string): Alert => ({ ...base, ack: { ...ack, until: iso } });
    expect(ackEndingSoon(until('2026-01-01T11:09:59Z'), now)).toBe(true);
    expect(ackEndingSoon(until('2026-01-01T10:59:00Z'), now)).toBe(true);
    expect(ackEndingSoon(until('2026-01-01T11:10:01Z'), now)).toBe(false);
    expect(ackEndingSoon({ ...until('2026-01-01T11:05:00Z'), status: 'resolved' }, now)).toBe(
      false,
    );
    expect(ackEndingSoon({ ...base, ack }, now)).toBe(false);
  });
});
