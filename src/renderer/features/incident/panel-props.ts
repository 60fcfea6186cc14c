import type { IncidentOp } from '../../../shared/incident/apply-op';
import type { IncidentSnapshot } from '../../../shared/incident/schema';

/**
 * Apply one change to the shown incident through `incident:apply`. Resolves to the id of what the
 * operation created (if anything) once the change is on disk; rejects with a `BridgeError` whose
 * message says what was wrong (the panel shows it next to what the user did).
 */
export type ApplyIncidentOp = (op: IncidentOp) => Promise<{ createdId?: string }>;

/** What every panel of the incident view receives. */
export interface IncidentPanelProps {
  incident: IncidentSnapshot;
  apply: ApplyIncidentOp;
  /** The current moment, ticking once a second (see `app/use-now.ts`). */
  now: number;
}
