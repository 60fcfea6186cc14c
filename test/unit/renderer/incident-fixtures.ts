import * as Y from 'yjs';
import {
  createIncident,
  type CreateIncidentArgs,
} from '../../../src/shared/incident/create-incident';
import { readIncident } from '../../../src/shared/incident/read-incident';
import type { IncidentSummary, IncidentView } from '../../../src/shared/ipc/incident-schemas';

/** The moment incidents in these tests are declared: 2025-03-04 14:30 UTC. */
export const DECLARED = '2025-03-04T14:30:00.000Z';

/**
 * An incident as `incident:get` answers it, made by the real shared code.
 * @param args - overrides of the creation arguments (id `inc-1`, "Checkout errors", sev2)
 */
export function incidentView(args: Partial<CreateIncidentArgs> = {}): IncidentView {
  const doc = new Y.Doc();
  createIncident(
    doc,
    { id: 'inc-1', title: 'Checkout errors', severity: 'sev2', ...args } as CreateIncidentArgs,
    { now: DECLARED, actor: 'alice' },
  );
  return { incident: readIncident(doc) };
}

/** An incident summary for the list; `extra` overrides any field. */
export function incidentSummary(id: string, extra: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id,
    title: id,
    severity: 'sev2',
    status: 'investigating',
    channel: `#inc-${id}`,
    declaredAt: DECLARED,
    ...extra,
  };
}

/** Let pending promise callbacks run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
