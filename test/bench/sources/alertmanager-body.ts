// A large Alertmanager answer for the poll benchmarks, and the poll as the adapter runs it.
import type { Alert } from '../../../src/shared/domain/alert';
import { advanceSnapshot } from '../../../src/main/services/sources/alert-snapshot';
import {
  normaliseAlertmanagerAlerts,
  normaliseAlertmanagerAlertsInSlices,
} from '../../../src/main/services/sources/alertmanager-normalise';

/** Alerts in the body. */
export const ALERTS = 10_000;
/** 1% of the alerts differ from the previous poll. */
export const CHANGED_EVERY = 100;

const now = new Date('2026-03-01T02:00:00Z');
const options = { sourceId: 'prod', now, severityScale: 'sev1-4' as const, severityWords: {} };

/** A body like Alertmanager's, with labels and annotations the size real rules produce. */
export function alertmanagerBody(poll: 'previous' | 'current'): string {
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

/** The snapshot the previous poll left. */
export function previousSnapshot(): Map<string, Alert> {
  return new Map(
    normaliseAlertmanagerAlerts(alertmanagerBody('previous'), options).map((a) => [a.id, a]),
  );
}

/**
 * One poll as the Alertmanager adapter and the source manager run it on the main loop: the body
 * normalised in slices with the loop's turn between them, then folded into the snapshot.
 * @param body - the body, as text
 * @param previous - the snapshot before
 * @param pause - the loop's turn between slices
 */
export async function pollOnce(
  body: string,
  previous: ReadonlyMap<string, Alert>,
  pause: () => Promise<void>,
) {
  const alerts = await normaliseAlertmanagerAlertsInSlices(body, options, pause);
  return advanceSnapshot(previous, alerts, now);
}

/** The loop's turn, as the adapter takes it. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
