import { advanceSnapshot } from '../../../src/main/services/sources/alert-snapshot';
import { normaliseAlertmanagerAlerts } from '../../../src/main/services/sources/alertmanager-normalise';
import type { BenchCase } from '../bench-case';

const ALERTS = 10_000;
const CHANGED_EVERY = 100; // 1% of the alerts differ from the previous poll
const now = new Date('2026-03-01T02:00:00Z');
const options = { sourceId: 'prod', now, severityScale: 'sev1-4' as const, severityWords: {} };

/** A body like Alertmanager's, with labels and annotations the size real rules produce. */
function alertmanagerBody(poll: 'previous' | 'current'): string {
  const severities = ['critical', 'warning', 'info', 'high'];
  const alerts = Array.from({ length: ALERTS }, (_, i) => {
    const changed = poll === 'current' && i % CHANGED_EVERY === 0;
    return {
      annotations: {
        summary: `Disk ${i % 7 === 0 ? '/var/lib/postgresql' : '/data'} is ${changed ? 98 : 97}% full on host-${i}`,
        description: 'Less than 3% of the volume is free; writes will fail once it fills up.',
        runbook_url: `https://runbooks.example.com/disk-full#host-${i}`,
      },
      endsAt: '2026-03-01T02:04:00.000Z',
      fingerprint: i.toString(16).padStart(16, '0'),
      receivers: [{ name: 'pager' }],
      startsAt: '2026-03-01T01:42:00.000Z',
      status: {
        inhibitedBy: [],
        silencedBy: [],
        mutedBy: [],
        state: i % 10 === 0 ? 'suppressed' : 'active',
      },
      updatedAt: poll === 'current' ? '2026-03-01T01:59:30.000Z' : '2026-03-01T01:59:00.000Z',
      generatorURL: `http://prometheus.example.com:9090/graph?g0.expr=disk_free_ratio%7Binstance%3D%22host-${i}%22%7D`,
      labels: {
        alertname: 'DiskAlmostFull',
        severity: severities[i % severities.length] ?? 'warning',
        instance: `host-${i}:9100`,
        job: 'node',
        namespace: `team-${i % 40}`,
        service: `service-${i % 250}`,
      },
    };
  });
  return JSON.stringify(alerts);
}

/** One poll of a large Alertmanager, next to the JSON.parse it cannot avoid. */
export const benchCase: BenchCase = {
  figure: `poll of ${ALERTS.toLocaleString('en')} alerts: parse + validate + normalise + diff (1% changed)`,
  floor: 'JSON.parse of the same body',
  iterations: 30,
  setup() {
    const previous = new Map(
      normaliseAlertmanagerAlerts(alertmanagerBody('previous'), options).map((a) => [a.id, a]),
    );
    const body = alertmanagerBody('current');
    const check = advanceSnapshot(previous, normaliseAlertmanagerAlerts(body, options), now);
    if (check.diff.changed.length !== ALERTS / CHANGED_EVERY) {
      throw new Error(
        `expected ${ALERTS / CHANGED_EVERY} changed alerts, the diff found ${check.diff.changed.length}`,
      );
    }
    return {
      measured: () => advanceSnapshot(previous, normaliseAlertmanagerAlerts(body, options), now),
      floor: () => JSON.parse(body),
    };
  },
};
