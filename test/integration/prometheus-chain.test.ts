import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/main/services/clock/clock';
import {
  createSourceManager,
  type AlertsChange,
  type SourceManager,
} from '../../src/main/services/sources/source-manager';
import type { Alert } from '../../src/shared/domain/alert';
import type { SourceConfig } from '../../src/shared/domain/source';
import { startAlertmanager, type RealAlertmanager } from '../support/alertmanager';
import { startPrometheus, type RealPrometheus } from '../support/prometheus';

// The chain a team runs: a real Prometheus scrapes a gauge, evaluates an alerting rule and sends
// the alert to a real Alertmanager, which the companion polls. The same Prometheus is also read
// directly, through the generic JSON source (its /api/v1/alerts) and an HTTP health check.
const WAIT = { timeout: 30_000, interval: 200 };

const RULES = `groups:
  - name: checkout
    rules:
      - alert: CheckoutErrorRate
        expr: demo_error_ratio > 0.05
        labels: { severity: critical, service: checkout }
        annotations:
          summary: 'Checkout errors at {{ $value | humanizePercentage }}'
`;

describe('a real Prometheus → Alertmanager chain, and Prometheus read directly', () => {
  let am: RealAlertmanager;
  let prometheus: RealPrometheus;
  let manager: SourceManager;
  const changes: AlertsChange[] = [];

  beforeAll(async () => {
    am = await startAlertmanager();
    prometheus = await startPrometheus({ rules: RULES, alertmanagerUrl: am.url });
    manager = createSourceManager({
      clock: systemClock,
      random: () => 0.5,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: (change) => changes.push(change),
      onStatus: () => {},
    });
    // Built by hand: the settings schema would not allow a 1 s interval, tests want one.
    const base = { intervalSeconds: 1, timeoutSeconds: 5, enabled: true, severityWords: {} };
    const sources: SourceConfig[] = [
      {
        ...base,
        kind: 'alertmanager',
        id: 'am',
        name: 'Alertmanager',
        url: am.url,
        peerUrls: [],
        ackMinutes: 60,
        push: false,
        auth: 'none',
      },
      {
        ...base,
        kind: 'json',
        id: 'prom',
        name: 'Prometheus rules',
        url: `${prometheus.url}/api/v1/alerts`,
        itemsPath: 'data.alerts',
        fields: {
          id: 'labels.alertname',
          title: 'labels.alertname',
          severity: 'labels.severity',
          status: 'state',
          time: 'activeAt',
        },
        resolvedValues: ['inactive'],
        auth: 'none',
      },
      {
        ...base,
        kind: 'http-check',
        id: 'health',
        name: 'Prometheus',
        url: `${prometheus.url}/-/ready`,
        expectStatus: 200,
        failuresBeforeAlert: 1,
        severity: 'sev2',
      },
    ];
    manager.configure(sources);
  });

  afterAll(async () => {
    manager?.stop();
    await prometheus?.dispose();
    await am?.dispose();
  });

  const latest = (sourceId: string, title: string): Alert | undefined =>
    manager.alerts().find((a) => a.sourceId === sourceId && a.title === title);

  it('shows a rule that starts firing, through Alertmanager and read from Prometheus directly', async () => {
    expect(manager.alerts()).toEqual([]);
    prometheus.setErrorRatio(0.3);
    const viaAm = await vi.waitFor(() => {
      const alert = latest('am', 'CheckoutErrorRate');
      if (alert?.status !== 'firing') throw new Error('not firing through Alertmanager yet');
      return alert;
    }, WAIT);
    // The rule's labels and its templated annotation, as Prometheus filled them in.
    expect(viaAm).toMatchObject({
      severity: 'sev1',
      severityLabel: 'critical',
      summary: 'Checkout errors at 30%',
      labels: expect.objectContaining({ service: 'checkout', job: 'checkout' }),
    });
    const direct = await vi.waitFor(() => {
      const alert = latest('prom', 'CheckoutErrorRate');
      if (alert?.status !== 'firing') throw new Error('not read from Prometheus yet');
      return alert;
    }, WAIT);
    expect(direct.severity).toBe('sev1');
    // Prometheus answers its readiness check, so the health check raised nothing.
    expect(manager.alerts().filter((a) => a.sourceId === 'health')).toEqual([]);
  });

  it('shows the resolution when the gauge falls back under the threshold', async () => {
    prometheus.setErrorRatio(0);
    await vi.waitFor(() => {
      expect(latest('am', 'CheckoutErrorRate')?.status).toBe('resolved');
    }, WAIT);
    await vi.waitFor(() => {
      expect(latest('prom', 'CheckoutErrorRate')?.status ?? 'resolved').toBe('resolved');
    }, WAIT);
    expect(changes.flatMap((c) => c.resolved).map((a) => a.sourceId)).toContain('am');
  });

  it('raises "Prometheus is down" while Prometheus is stopped, and resolves it once it is back', async () => {
    await prometheus.stop();
    const down = await vi.waitFor(() => {
      const alert = latest('health', 'Prometheus is down');
      if (alert?.status !== 'firing') throw new Error('not down yet');
      return alert;
    }, WAIT);
    expect(down.severity).toBe('sev2');
    expect(down.summary).toMatch(/refused/);
    await prometheus.start();
    await vi.waitFor(() => {
      expect(latest('health', 'Prometheus is down')?.status).toBe('resolved');
    }, WAIT);
  });
});
