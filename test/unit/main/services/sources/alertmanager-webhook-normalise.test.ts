import { describe, expect, it } from 'vitest';
import { normaliseAlertmanagerAlerts } from '../../../../../src/main/services/sources/alertmanager-normalise';
import { normaliseWebhookAlerts } from '../../../../../src/main/services/sources/alertmanager-webhook-normalise';
import { alertmanagerFixture } from './fixtures';

const now = new Date('2026-12-04T17:12:00Z');
const options = { sourceId: 'prod', now, severityScale: 'p1-p4' as const, severityWords: {} };
// Captured from Alertmanager 0.25 (Debian) posting to a webhook receiver.
const firing = JSON.parse(alertmanagerFixture('webhook-firing-0.25.json')) as Record<
  string,
  unknown
>;
const resolved = JSON.parse(alertmanagerFixture('webhook-resolved-0.25.json')) as Record<
  string,
  unknown
>;

const read = (json: unknown) => normaliseWebhookAlerts(json, options);
const error = (json: unknown) => {
  const reading = read(json);
  if (reading.ok) throw new Error('expected the payload to be refused');
  return reading.error;
};

describe('normaliseWebhookAlerts', () => {
  it('maps a pushed firing alert exactly as a poll maps the same alert', () => {
    const reading = read(firing);
    expect(reading.ok && reading.alerts).toEqual([
      {
        id: 'prod:458067777dec4203',
        sourceId: 'prod',
        fingerprint: '458067777dec4203',
        status: 'firing',
        severity: 'sev1',
        severityLabel: 'critical',
        title: 'DiskAlmostFull',
        summary: 'Disk /var/lib/postgresql is 97% full on db-1',
        labels: {
          alertname: 'DiskAlmostFull',
          instance: 'db-1:9100',
          service: 'postgres',
          severity: 'critical',
        },
        annotations: { summary: 'Disk /var/lib/postgresql is 97% full on db-1' },
        // Alertmanager pushes nanoseconds; its API answers milliseconds. One alert, one time.
        startsAt: '2026-12-04T17:11:30.380Z',
        url: 'http://prometheus.example.com:9090/graph?g0.expr=disk_free_ratio+%3C+0.03',
      },
    ]);
    const [alert] = (firing as { alerts: Record<string, unknown>[] }).alerts;
    const polled = normaliseAlertmanagerAlerts(
      [
        {
          ...alert,
          startsAt: '2026-12-04T17:11:30.380Z',
          updatedAt: '2026-12-04T17:11:30.380Z',
          endsAt: '2026-12-04T17:16:30.380Z',
          status: { state: 'active', silencedBy: [], inhibitedBy: [] },
        },
      ],
      options,
    );
    const { updatedAt: _updatedAt, ...polledWithoutUpdate } = polled[0] ?? {};
    expect(reading.ok && reading.alerts[0]).toEqual(polledWithoutUpdate);
  });

  it('resolves a pushed resolved alert at its end time, whatever the local clock says', () => {
    const early = normaliseWebhookAlerts(resolved, {
      ...options,
      now: new Date('2026-12-04T17:00:00Z'),
    });
    expect(early.ok && early.alerts.map((a) => [a.status, a.endsAt])).toEqual([
      ['resolved', '2026-12-04T17:11:31.387Z'],
    ]);
  });

  it('says what is wrong with a payload that is not version 4', () => {
    expect(error({ ...firing, version: '3' })).toBe(
      'not an Alertmanager webhook payload (version 4): version: expected one of "4", got "3"',
    );
    expect(error([])).toBe(
      'not an Alertmanager webhook payload (version 4): the body: expected object, got array',
    );
  });

  it('names the field of an alert that is missing or of the wrong type', () => {
    const alerts = (firing as { alerts: Record<string, unknown>[] }).alerts;
    const withoutFingerprint = { ...alerts[0], fingerprint: undefined };
    expect(error({ ...firing, alerts: [withoutFingerprint] })).toBe(
      'not an Alertmanager webhook payload (version 4): alerts[0].fingerprint: missing (expected string)',
    );
    expect(error({ ...firing, alerts: [{ ...alerts[0], status: 'pending', labels: 'x' }] })).toBe(
      'not an Alertmanager webhook payload (version 4): alerts[0].status: expected one of "firing", "resolved", got "pending"; alerts[0].labels: expected object, got string',
    );
  });
});
