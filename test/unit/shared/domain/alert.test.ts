import { describe, expect, it } from 'vitest';
import { alertId, alertSchema, isoTimeSchema } from '../../../../src/shared/domain/alert';
import { makeAlert } from '../make-alert';

describe('alertSchema', () => {
  it('accepts a normalised alert, acknowledged or not', () => {
    expect(alertSchema.safeParse(makeAlert('disk')).success).toBe(true);
    const acked = makeAlert('disk', {
      ack: { by: 'ana', at: '2025-03-04T05:01:00.000Z', via: 'source' },
    });
    expect(alertSchema.safeParse(acked).success).toBe(true);
  });

  it.each([
    ['an unknown status', { status: 'pending' }],
    ['a severity off the internal scale', { severity: 'P1' }],
    ['an empty id', { id: '' }],
    ['a start time that is not an ISO instant', { startsAt: 'yesterday' }],
    ['a label value that is not text', { labels: { replicas: 3 } }],
    ['an ack from nowhere', { ack: { by: 'ana', at: '2025-03-04T05:01:00Z', via: 'email' } }],
  ])('refuses %s', (_what, change) => {
    expect(alertSchema.safeParse({ ...makeAlert('disk'), ...change }).success).toBe(false);
  });
});

describe('isoTimeSchema', () => {
  it.each(['2025-03-04T05:00:00Z', '2025-03-04T05:00:00.123Z', '2025-03-04T07:00:00+02:00'])(
    'accepts %s',
    (time) => {
      expect(isoTimeSchema.safeParse(time).success).toBe(true);
    },
  );

  it.each(['2025-03-04', '2025-03-04 05:00:00', 'Tue, 04 Mar 2025 05:00:00 GMT', ''])(
    'refuses %j',
    (time) => {
      expect(isoTimeSchema.safeParse(time).success).toBe(false);
    },
  );
});

describe('alertId', () => {
  it('joins source id and fingerprint so alerts of two sources never collide', () => {
    expect(alertId('prod', 'abc123')).toBe('prod:abc123');
    expect(alertId('prod', 'abc')).not.toBe(alertId('staging', 'abc'));
  });
});
