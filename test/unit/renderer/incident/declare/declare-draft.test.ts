import { describe, expect, it } from 'vitest';
import {
  declareRequest,
  draftFromAlerts,
  parseServices,
} from '../../../../../src/renderer/features/incident/declare/declare-draft';
import { alert } from '../../fixtures';

describe('declare dialog', () => {
  it('prefills from the alerts: their name, the worst severity, their services', () => {
    const draft = draftFromAlerts([
      alert('DiskFull', { severity: 'sev3', labels: { alertname: 'DiskFull', service: 'db' } }),
      alert('CheckoutErrors', {
        severity: 'sev1',
        labels: { alertname: 'CheckoutErrors', service: 'checkout' },
      }),
      alert('CheckoutLatency', {
        severity: 'sev2',
        labels: { alertname: 'CheckoutLatency', service: 'checkout' },
      }),
    ]);
    expect(draft).toMatchObject({
      title: 'CheckoutErrors (+2 more)',
      severity: 'sev1',
      services: 'db, checkout',
    });
  });

  it('starts blank from scratch', () => {
    expect(draftFromAlerts([])).toMatchObject({ title: '', services: '', channel: undefined });
  });

  it('sends what the user sees: the suggested channel unless they typed their own', () => {
    const draft = {
      ...draftFromAlerts([]),
      title: ' Payments down ',
      severity: 'sev1' as const,
      services: 'payments, , checkout,payments',
    };
    expect(declareRequest(draft, [], '#inc-20250304-payments-down')).toEqual({
      title: 'Payments down',
      severity: 'sev1',
      affectedServices: ['payments', 'checkout'],
      channel: '#inc-20250304-payments-down',
    });
    expect(
      declareRequest(
        { ...draft, channel: '#payments-war-room', impact: 'No card payments' },
        ['prod:a'],
        '#inc-20250304-payments-down',
      ),
    ).toMatchObject({
      alertIds: ['prod:a'],
      channel: '#payments-war-room',
      impact: 'No card payments',
    });
  });

  it('reads services separated by commas or new lines', () => {
    expect(parseServices('a,\nb , a\n\n')).toEqual(['a', 'b']);
  });
});
