import { describe, expect, it } from 'vitest';
import { choosePolicy } from '../../../../src/shared/escalation/policy-rules';
import {
  defaultEscalationSettings,
  escalationSettingsSchema,
} from '../../../../src/shared/escalation/policy-settings';
import { makeAlert } from '../make-alert';

const level = [{ delayMinutes: 5, targets: [{ kind: 'me' }] }];
const settings = escalationSettingsSchema.parse({
  policies: ['default', 'sev1', 'db', 'payments', 'staging'].map((id) => ({
    id,
    name: id,
    levels: level,
  })),
  rules: [
    { sources: ['staging-am'], policy: 'staging' },
    { labels: { team: { regex: 'db|database' } }, policy: 'db' },
    {
      severities: ['sev1', 'sev2'],
      labels: { service: ['payments', 'billing'] },
      policy: 'payments',
    },
    { severities: ['sev1'], policy: 'sev1' },
    { severities: ['sev4'], policy: null },
  ],
  defaultPolicy: 'default',
});

const chosen = (extra: Parameters<typeof makeAlert>[1]) => {
  const choice = choosePolicy(settings, makeAlert('x', extra));
  return choice.policy ? choice.policy.id : choice.reason;
};

describe('choosePolicy', () => {
  it('chooses by severity', () => {
    expect(chosen({ severity: 'sev1' })).toBe('sev1');
    expect(chosen({ severity: 'sev3' })).toBe('default');
    expect(chosen({ severity: 'sev4' })).toBe('rule 5 escalates to nobody');
  });

  it('chooses by source', () => {
    expect(chosen({ sourceId: 'staging-am', severity: 'sev1' })).toBe('staging');
  });

  it('chooses by label, a regex matching the whole value', () => {
    expect(chosen({ labels: { team: 'database' } })).toBe('db');
    expect(chosen({ labels: { team: 'db-replica' } })).toBe('default');
  });

  it('needs every condition of a rule to hold', () => {
    expect(chosen({ severity: 'sev2', labels: { service: 'billing' } })).toBe('payments');
    expect(chosen({ severity: 'sev3', labels: { service: 'billing' } })).toBe('default');
  });

  it('takes the first rule that matches', () => {
    expect(chosen({ severity: 'sev1', labels: { service: 'payments' } })).toBe('payments');
  });

  it('by default sends a SEV1 to the incident channel at once, and escalates SEV4 to nobody', () => {
    const defaults = defaultEscalationSettings();
    const sev1 = choosePolicy(defaults, makeAlert('x', { severity: 'sev1' }));
    expect(sev1.policy?.levels[0]?.targets).toContainEqual({ kind: 'channel', id: 'incident' });
    expect(choosePolicy(defaults, makeAlert('x', { severity: 'sev2' })).policy?.id).toBe('default');
    expect(choosePolicy(defaults, makeAlert('x', { severity: 'sev4' })).policy).toBeUndefined();
  });
});
