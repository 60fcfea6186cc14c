import type { PostableAlert } from './alertmanager';

/**
 * The noisy shift of issue 9, as one Alertmanager sends it: 60 alerts, among them 12
 * KubePodCrashLooping (4 pods in each of checkout, payments and search, so `pod` is what tells
 * them apart), a Watchdog, info noise, and one `severity=P1` the default mapping does not know.
 * @param startsAt - when they began firing (ISO)
 */
export function noisyShift(startsAt: string): PostableAlert[] {
  const alerts: PostableAlert[] = [];
  const add = (labels: Record<string, string>, summary: string): void => {
    alerts.push({
      labels,
      annotations: { summary },
      startsAt,
      generatorURL: 'http://prometheus.example/graph?g0.expr=up',
    });
  };
  for (const service of ['checkout', 'payments', 'search']) {
    for (let i = 1; i <= 4; i++) {
      add(
        {
          alertname: 'KubePodCrashLooping',
          severity: 'warning',
          namespace: 'prod',
          service,
          pod: `${service}-7d9f${i}-x${i}q`,
        },
        `Pod ${service}-7d9f${i} is restarting 3 times / 5 minutes`,
      );
    }
  }
  for (let i = 1; i <= 8; i++) {
    add(
      {
        alertname: 'HighRequestLatency',
        severity: i <= 2 ? 'critical' : 'warning',
        service: ['checkout', 'payments', 'search', 'cart'][i % 4] ?? 'cart',
        instance: `10.0.1.${i}:9100`,
      },
      `p99 latency above 2 s on instance ${i}`,
    );
  }
  for (let i = 1; i <= 10; i++) {
    add(
      {
        alertname: 'NodeFilesystemAlmostFull',
        severity: 'warning',
        instance: `node-${i}:9100`,
        mountpoint: '/var',
      },
      `Filesystem /var on node-${i} is 9${i % 10}% full`,
    );
  }
  for (let i = 1; i <= 12; i++) {
    add(
      {
        alertname: 'TargetDown',
        severity: 'info',
        job: `exporter-${i}`,
        instance: `10.0.2.${i}:9100`,
      },
      `Target exporter-${i} is down`,
    );
  }
  for (let i = 1; i <= 8; i++) {
    add(
      {
        alertname: 'KubeJobFailed',
        severity: 'warning',
        namespace: 'batch',
        job_name: `nightly-${i}`,
      },
      `Job nightly-${i} failed`,
    );
  }
  for (let i = 1; i <= 6; i++) {
    add(
      {
        alertname: 'CPUThrottlingHigh',
        severity: 'info',
        namespace: 'prod',
        container: `app-${i}`,
      },
      `Container app-${i} is throttled 40% of the time`,
    );
  }
  add({ alertname: 'Watchdog', severity: 'none' }, 'This alert always fires: the pipeline works');
  add(
    { alertname: 'PaymentsErrorBudgetBurn', severity: 'P1', service: 'payments' },
    'Error budget burning 14x',
  );
  add(
    { alertname: 'CheckoutDown', severity: 'critical', service: 'checkout' },
    'Checkout answers 503 to every request',
  );
  add(
    { alertname: 'CertificateExpiresSoon', severity: 'warning', service: 'search' },
    'TLS certificate expires in 6 days',
  );
  return alerts;
}
