import { describe, expect, it } from 'vitest';
import { reopenPlan } from '../../../../../src/renderer/features/incident/header/reopen';
import type { IncidentOp } from '../../../../../src/shared/incident/apply-op';
import { incidentAfter } from '../incident-snapshot';

const op = (minutes: number, value: IncidentOp) => ({ minutes, op: value });
const tick = (minutes: number, itemId: string) =>
  op(minutes, { type: 'check.tick', args: { itemId } });
const status = (minutes: number, to: 'mitigated' | 'resolved' | 'closed' | 'investigating') =>
  op(minutes, { type: 'lifecycle.set', args: { status: to } });

/** Every closure item a sev2 incident requires. */
const CLOSURE = [
  'closure.stable',
  'closure.root-cause',
  'closure.fix-verified',
  'closure.stakeholders',
  'closure.status-page',
  'closure.post-mortem',
];

describe('reopening an incident', () => {
  it('is not offered while the incident is still open', () => {
    expect(reopenPlan(incidentAfter())).toBeUndefined();
    expect(reopenPlan(incidentAfter([status(10, 'mitigated')]))).toBeUndefined();
  });

  it('says, before it is done, which times are cleared and how many ticks are undone', () => {
    const incident = incidentAfter([tick(20, 'closure.stable'), status(30, 'resolved')]);
    expect(reopenPlan(incident)).toEqual({
      to: 'investigating',
      text:
        'The incident goes back to investigating: the mitigated and resolved times are ' +
        'cleared, the closure checklist is reset (1 ticked item is unticked) and status ' +
        'updates are due again every 30 minutes.',
    });
  });

  it('names the closed time too when reopening a closed incident', () => {
    const incident = incidentAfter([
      ...CLOSURE.map((id) => tick(20, id)),
      status(30, 'resolved'),
      status(40, 'closed'),
    ]);
    expect(incident.status).toBe('closed');
    expect(reopenPlan(incident)?.text).toBe(
      'The incident goes back to investigating: the mitigated, resolved and closed times are ' +
        'cleared, the closure checklist is reset (6 ticked items are unticked) and status ' +
        'updates are due again every 30 minutes.',
    );
  });

  it('says the checklist starts again when nothing on it was ticked', () => {
    const incident = incidentAfter([
      status(10, 'mitigated'),
      status(20, 'resolved'),
      op(25, { type: 'status-cadence.set', args: { minutes: null } }),
    ]);
    expect(reopenPlan(incident)?.text).toBe(
      'The incident goes back to investigating: the mitigated and resolved times are cleared ' +
        'and the closure checklist starts again.',
    );
  });
});
