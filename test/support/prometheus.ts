import { createServer, type Server } from 'node:http';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { dropDir, peerProcess, scratchDir } from './peer-process';

/** The Debian package's binary; `npm run system-deps` installs it. */
export const PROMETHEUS_BINARY = '/usr/bin/prometheus';

/** A real Prometheus scraping one gauge the test sets, with alerting rules over it. */
export interface RealPrometheus {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Set the scraped gauge `demo_error_ratio` (the rules read it). */
  setErrorRatio(value: number): void;
  /** Kill the process; the port and storage stay reserved for {@link start}. */
  stop(): Promise<void>;
  /** Start it again on the same port (after {@link stop}). */
  start(): Promise<void>;
  /** Stop it, the scrape target, and delete its files; call in afterAll. */
  dispose(): Promise<void>;
}

/** How to start it. */
export interface PrometheusOptions {
  /** The `groups:` of a rule file, as YAML; the rules read `demo_error_ratio`. */
  readonly rules: string;
  /** The Alertmanager it sends firing and resolved alerts to, if any. */
  readonly alertmanagerUrl?: string;
}

/**
 * Start a real Prometheus on a free loopback port that scrapes a gauge served by the test every
 * second, evaluates the given rules every second, and sends its alerts to an Alertmanager: the
 * whole chain a team runs, with the test holding the one number that makes an alert fire.
 * @param options - its rules and Alertmanager
 */
export async function startPrometheus(options: PrometheusOptions): Promise<RealPrometheus> {
  if (!existsSync(PROMETHEUS_BINARY)) {
    throw new Error(
      `${PROMETHEUS_BINARY} is missing; run \`npm run system-deps\` (installs prometheus)`,
    );
  }
  let ratio = 0;
  const target = createServer((request, response) => {
    response.setHeader('content-type', 'text/plain; version=0.0.4');
    response.end(`# TYPE demo_error_ratio gauge\ndemo_error_ratio ${ratio}\n`);
  });
  const targetPort = await listen(target);

  const dir = scratchDir('oncall-prometheus-');
  writeFileSync(join(dir, 'rules.yml'), options.rules);
  const am = options.alertmanagerUrl ? new URL(options.alertmanagerUrl) : undefined;
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'rule_files: [rules.yml]',
      'scrape_configs:',
      '  - job_name: checkout',
      '    static_configs:',
      `      - targets: ["127.0.0.1:${targetPort}"]`,
      ...(am
        ? [
            'alerting:',
            '  alertmanagers:',
            '    - static_configs:',
            `        - targets: ["${am.host}"]`,
          ]
        : []),
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { start, stop } = peerProcess({
    name: 'Prometheus',
    binary: PROMETHEUS_BINARY,
    args: [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Resend firing alerts often, so a restarted Alertmanager hears of them within the test.
      '--rules.alert.resend-delay=1s',
      '--log.level=warn',
    ],
    readyUrl: `${url}/-/ready`,
  });
  try {
    await start();
  } catch (error) {
    target.close();
    dropDir(dir);
    throw error;
  }
  return {
    url,
    setErrorRatio(value) {
      ratio = value;
    },
    stop,
    start,
    async dispose() {
      await stop();
      await new Promise<void>((resolve) => target.close(() => resolve()));
      dropDir(dir);
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('the scrape target has no port'));
    });
  });
}
