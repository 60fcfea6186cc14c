import { describe, expect, it } from 'vitest';
import {
  closureReadiness,
  lifecycleButtons,
} from '../../../../../src/renderer/features/incident/closure/closure-readiness';
import type { IncidentOp } from '../../../../../src/shared/incident/apply-op';
import { incidentAfter } from '../incident-snapshot';

const tick = (itemId: string, minutes = 60): { minutes: number; op: IncidentOp } => ({
  minutes,
  op: { type: 'check.tick', args: { itemId } },
});

const FOUR = [
  'closure.stable',
  'closure.root-cause',
  'closure.fix-verified',
  'closure.stakeholders',
];

describe('closure readiness', () => {
  it('names the items still to tick before Close can be used', () => {
    const incident = incidentAfter(FOUR.map((id) => tick(id)));
    const readiness = closureReadiness(incident.closure, incident.status);
    expect(readiness.canClose).toBe(false);
    expect(readiness.progress).toBe('4 of 6 required items ticked');
    expect(readiness.text).toBe(
      'Close needs 2 more items ticked: The status page shows the incident as resolved; ' +
        'The post-mortem meeting is on the calendar.',
    );
  });

  it('says "one more item" when a single one is left', () => {
    const incident = incidentAfter([...FOUR, 'closure.status-page'].map((id) => tick(id)));
    expect(closureReadiness(incident.closure, incident.status).text).toBe(
      'Close needs one more item ticked: The post-mortem meeting is on the calendar.',
    );
  });

  it('lets a sev3 close without the items only sev1 and sev2 need', () => {
    const incident = incidentAfter(
      FOUR.map((id) => tick(id)),
      { severity: 'sev3' },
    );
    const readiness = closureReadiness(incident.closure, incident.status);
    expect(readiness).toMatchObject({
      canClose: true,
      progress: '4 of 4 required items ticked',
      text: 'Every required item is ticked: the incident can be closed.',
    });
  });

  it('offers no Close once closed', () => {
    const incident = incidentAfter(
      [
        ...FOUR.map((id) => tick(id)),
        { minutes: 61, op: { type: 'lifecycle.set', args: { status: 'closed' } } },
      ],
      { severity: 'sev3' },
    );
    expect(closureReadiness(incident.closure, incident.status)).toMatchObject({
      canClose: false,
      text: 'The incident is closed.',
    });
  });

  it('offers the steps forward from where the incident stands', () => {
    expect(lifecycleButtons('investigating').map((b) => b.label)).toEqual([
      'Mark mitigated',
      'Mark resolved',
    ]);
    expect(lifecycleButtons('mitigated').map((b) => b.label)).toEqual(['Mark resolved']);
    expect(lifecycleButtons('resolved')).toEqual([]);
    expect(lifecycleButtons('closed')).toEqual([]);
  });
});
