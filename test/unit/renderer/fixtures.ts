import type { Alert } from '../../../src/shared/domain/alert';
import type { RunbookSummary } from '../../../src/shared/domain/runbook';
import type { RunbookList } from '../../../src/shared/ipc/contract';
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
    actions: [],
    ...extra,
  };
}

/** A usable runbook summary matching `alertname=<its name without .md>`. */
export function summary(id: string, extra: Partial<RunbookSummary> = {}): RunbookSummary {
  const name = id.replace(/\.md$/, '');
  return { id, title: name, match: { alertname: name }, tags: [], stepCount: 1, ...extra };
}

/** A runbook list of folder `dir` (none when undefined) holding usable runbooks `ids`. */
export function runbookList(dir: string | undefined, ...ids: string[]): RunbookList {
  const runbooks = ids.map((id) => summary(id));
  return dir === undefined ? { runbooks, errors: [] } : { dir, runbooks, errors: [] };
}
