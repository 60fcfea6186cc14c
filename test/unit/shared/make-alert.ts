import type { Alert } from '../../../src/shared/domain/alert';

/** A valid firing alert of source `prod`; `extra` overrides any field. */
export function makeAlert(name: string, extra: Partial<Alert> = {}): Alert {
  return {
    id: `prod:${name}`,
    sourceId: 'prod',
    fingerprint: name,
    status: 'firing',
    severity: 'sev2',
    title: `${name} is failing`,
    summary: `${name} summary`,
    labels: { alertname: name, severity: 'high' },
    annotations: { runbook: `https://runbooks.example/${name}` },
    startsAt: '2025-03-04T05:00:00.000Z',
    ...extra,
  };
}
