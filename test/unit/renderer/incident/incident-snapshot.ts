import * as Y from 'yjs';
import { applyIncidentOp, type IncidentOp } from '../../../../src/shared/incident/apply-op';
import { createIncident } from '../../../../src/shared/incident/create-incident';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import type { IncidentSnapshot } from '../../../../src/shared/incident/schema';

/** When the incidents of these tests are declared: 2025-03-04 14:30 UTC. */
export const DECLARED_MS = Date.parse('2025-03-04T14:30:00.000Z');

/** A moment `minutes` after the incident was declared. */
export function minutesIn(minutes: number): number {
  return DECLARED_MS + minutes * 60_000;
}

/**
 * An incident as the panels receive it, made by the real operations: a sev2 "Checkout errors"
 * declared by alice, then `ops` applied in order, each `minutes` after the declaration.
 */
export function incidentAfter(
  ops: readonly { minutes: number; op: IncidentOp; actor?: string }[] = [],
  args: { severity?: 'sev1' | 'sev2' | 'sev3' | 'sev4'; impact?: string } = {},
): IncidentSnapshot {
  const doc = new Y.Doc();
  doc.clientID = 1;
  createIncident(
    doc,
    {
      id: 'inc-1',
      title: 'Checkout errors',
      severity: args.severity ?? 'sev2',
      impact: args.impact ?? 'about 5% of checkouts fail',
      affectedServices: ['checkout'],
    },
    { now: new Date(DECLARED_MS), actor: 'alice' },
  );
  for (const { minutes, op, actor } of ops) {
    applyIncidentOp(doc, op, { now: new Date(minutesIn(minutes)), actor: actor ?? 'alice' });
  }
  return readIncident(doc);
}
