import { describe, expect, it } from 'vitest';
import { alertEscalationView } from '../../../../src/shared/escalation/alert-escalation-view';
import { reconcileEscalationSteps } from '../../../../src/shared/escalation/escalation-steps';
import { choosePolicy } from '../../../../src/shared/escalation/policy-rules';
import { defaultEscalationSettings } from '../../../../src/shared/escalation/policy-settings';
import type { OutboundRecordEntry } from '../../../../src/shared/ipc/outbound-schemas';
import { makeAlert } from '../make-alert';

const START = Date.parse('2025-03-04T05:00:00.000Z');
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();
const escalation = defaultEscalationSettings();
const down = makeAlert('down', { severity: 'sev1' });

const page: OutboundRecordEntry = {
  id: 'p1',
  at: at(0),
  finishedAt: at(0),
  action: 'trigger',
  alertId: down.id,
  level: 1,
  repeat: 0,
  target: 'channel Incident channel',
  channelId: 'incident',
  channelKind: 'slack',
  result: 'failed',
  reason: 'Incident channel has no Slack webhook URL stored; set it in Settings → Escalation',
  attempts: 0,
};

describe("an alert's escalation view", () => {
  it('says the level reached, the next step with its targets in words, and the pages with their results', () => {
    const planned = reconcileEscalationSteps([], {
      alerts: [down],
      answered: () => true,
      escalation,
      now: new Date(START),
      whoIsOnCall: () => [],
    }).map((d) => (d.level === 1 ? { ...d, firedAt: at(0), lateMs: 0 } : d));
    const other = { ...page, id: 'p2', alertId: 'prod:other' };
    const view = alertEscalationView({
      alertId: down.id,
      choice: choosePolicy(escalation, down),
      escalation,
      deadlines: planned,
      entries: [other, page],
      whoIsOnCall: () => [],
    });
    expect(view).toEqual({
      policy: { id: 'sev1', name: 'SEV1: incident channel at once, then secondary, then manager' },
      level: 1,
      levelAt: at(0),
      lateMs: 0,
      next: {
        level: 2,
        repeat: 0,
        dueAt: at(5),
        targets: ['schedule secondary (nobody on call: skipped)'],
      },
      later: 1,
      actions: [page],
    });
  });

  it('says why an alert has no escalation', () => {
    const info = makeAlert('info', { severity: 'sev4' });
    const view = alertEscalationView({
      alertId: info.id,
      choice: choosePolicy(escalation, info),
      escalation,
      deadlines: [],
      entries: [],
      whoIsOnCall: () => [],
    });
    expect(view).toEqual({ reason: 'rule 2 escalates to nobody', later: 0, actions: [] });
  });
});
