import { describe, expect, it } from 'vitest';
import { attachOutcome } from '../../../../../src/renderer/features/incident/declare/attach-outcome';
import {
  incidentAlertRows,
  incidentAlertsSummary,
  rowLabels,
} from '../../../../../src/renderer/features/incident/alerts/incident-alerts';
import type { SourceAlertSnapshot } from '../../../../../src/shared/incident/schema';
import { alert } from '../../fixtures';

const kept = (name: string, extra: Partial<SourceAlertSnapshot> = {}): SourceAlertSnapshot => ({
  id: `prod:${name}`,
  title: name,
  severity: 'sev2',
  labels: { alertname: name },
  startsAt: '2025-03-04T05:00:00.000Z',
  ...extra,
});

describe("the incident's alerts", () => {
  it('takes each state from the alert list, and "gone" once the source no longer lists it', () => {
    const rows = incidentAlertRows(
      [kept('Firing'), kept('Silenced'), kept('Resolved'), kept('Gone')],
      [
        alert('Firing', { ack: { by: 'Priya', at: '2025-03-04T05:10:00.000Z', via: 'local' } }),
        alert('Silenced', { status: 'suppressed' }),
        alert('Resolved', { status: 'resolved', endsAt: '2025-03-04T05:30:00.000Z' }),
      ],
    );
    expect(rows.map((row) => [row.alert.title, row.state, row.endedAt, row.ackBy])).toEqual([
      ['Firing', 'firing', undefined, 'Priya'],
      ['Silenced', 'silenced', undefined, undefined],
      ['Resolved', 'resolved', '2025-03-04T05:30:00.000Z', undefined],
      ['Gone', 'gone', undefined, undefined],
    ]);
  });

  it('still says resolved, with its end, once the source no longer lists an alert the incident saw resolve', () => {
    const recorded = { state: 'resolved' as const, at: '2025-03-04T05:40:00.000Z' };
    for (const current of [[], undefined]) {
      const [row] = incidentAlertRows([kept('Done', { recorded })], current);
      expect([row?.state, row?.endedAt]).toEqual(['resolved', '2025-03-04T05:40:00.000Z']);
    }
  });

  it('says "unknown" rather than "gone" before the alert list has loaded', () => {
    const rows = incidentAlertRows([kept('A')], undefined);
    expect(rows[0]?.state).toBe('unknown');
  });

  it('puts what still fires first, then the worst, then the earliest', () => {
    const rows = incidentAlertRows(
      [
        kept('Resolved sev1', { severity: 'sev1' }),
        kept('Late sev3', { severity: 'sev3', startsAt: '2025-03-04T06:00:00.000Z' }),
        kept('Early sev3', { severity: 'sev3', startsAt: '2025-03-04T04:00:00.000Z' }),
        kept('Firing sev2'),
      ],
      [
        alert('Resolved sev1', { status: 'resolved' }),
        alert('Late sev3'),
        alert('Early sev3'),
        alert('Firing sev2'),
      ],
    );
    expect(rows.map((row) => row.alert.title)).toEqual([
      'Firing sev2',
      'Early sev3',
      'Late sev3',
      'Resolved sev1',
    ]);
  });

  it('shows alertname, service and instance, leaving out an alertname that is the title', () => {
    expect(
      rowLabels(
        kept('CheckoutLatencyHigh', {
          labels: {
            alertname: 'CheckoutLatencyHigh',
            instance: 'checkout-1:9100',
            service: 'checkout',
            team: 'payments',
          },
        }),
      ),
    ).toEqual([
      { name: 'service', value: 'checkout' },
      { name: 'instance', value: 'checkout-1:9100' },
    ]);
    expect(
      rowLabels(kept('Checkout p99 above 2 s', { labels: { alertname: 'Latency', service: ' ' } })),
    ).toEqual([{ name: 'alertname', value: 'Latency' }]);
  });

  it('sums the states up in the order of the rows', () => {
    const rows = incidentAlertRows(
      [kept('A'), kept('B'), kept('C')],
      [alert('A', { status: 'resolved' }), alert('B'), alert('C')],
    );
    expect(incidentAlertsSummary(rows)).toBe('2 firing · 1 resolved');
    expect(incidentAlertsSummary(incidentAlertRows([kept('A')], []))).toBe('1 no longer reported');
    expect(incidentAlertsSummary([])).toBe('none');
  });
});

describe('what adding alerts did', () => {
  it('says plainly when the alerts were all on the incident already', () => {
    expect(attachOutcome(1, 0)).toBe('Nothing added: this alert is already on this incident.');
    expect(attachOutcome(3, 0)).toBe('Nothing added: all 3 alerts are already on this incident.');
  });

  it('counts what was added, and what was skipped', () => {
    expect(attachOutcome(1, 1)).toBe('Added 1 alert to this incident.');
    expect(attachOutcome(2, 2)).toBe('Added 2 alerts to this incident.');
    expect(attachOutcome(3, 2)).toBe('Added 2 alerts; the other one was already on this incident.');
    expect(attachOutcome(5, 2)).toBe('Added 2 alerts; the other 3 were already on this incident.');
  });
});
