import type { Alert } from '../../../src/shared/domain/alert';
import type { SourceStatus } from '../../../src/shared/domain/source';

/** A firing alert of source `prod`; `extra` overrides any field. */
export function alert(name: string, extra: Partial<Alert> = {}): Alert {
  return {
    id: `prod:${name}`,
    sourceId: 'prod',
    fingerprint: name,
    status: 'firing',
    severity: 'sev2',
    title: name,
    summary: `${name} summary`,
    labels: { alertname: name },
    annotations: {},
    startsAt: '2025-03-04T05:00:00.000Z',
    ...extra,
  };
}

/** An ok source status; `extra` overrides any field. */
export function source(sourceId: string, extra: Partial<SourceStatus> = {}): SourceStatus {
  return {
    sourceId,
    name: sourceId,
    kind: 'alertmanager',
    url: `http://${sourceId}.example:9093`,
    isDefault: false,
    health: 'ok',
    failures: 0,
    activeAlerts: 0,
    ...extra,
  };
}
