import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { dropDir, peerProcess, scratchDir } from './peer-process';

/** The Debian package's binary; `npm run system-deps` installs it. */
export const ALERTMANAGER_BINARY = '/usr/bin/prometheus-alertmanager';

/** An alert as POST /api/v2/alerts takes it (`postableAlert` in the spec). */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

/** A silence as POST /api/v2/silences takes it (`postableSilence`), as amtool or karma send it. */
export interface PostableSilence {
  id?: string;
  matchers: { name: string; value: string; isRegex: boolean; isEqual?: boolean }[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** A silence as GET /api/v2/silences returns it. */
export interface GettableSilence extends PostableSilence {
  id: string;
  status: { state: 'active' | 'expired' | 'pending' };
  updatedAt: string;
}

/** An alert as GET /api/v2/alerts returns it (the parts tests read). */
export interface GettableAlert {
  labels: Record<string, string>;
  fingerprint: string;
  updatedAt: string;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

/** A real Alertmanager process started for a test. */
export interface RealAlertmanager {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Send alerts as Prometheus would. */
  postAlerts(alerts: PostableAlert[]): Promise<void>;
  /** Create a silence through the API, as someone else would (amtool, its UI, karma); its id. */
  postSilence(silence: PostableSilence): Promise<string>;
  /** Every silence it keeps, expired ones included. */
  silences(): Promise<GettableSilence[]>;
  /** Every alert it holds, silenced and inhibited included. */
  alerts(): Promise<GettableAlert[]>;
  /** Kill the process; the port and storage stay reserved for {@link start}. */
  stop(): Promise<void>;
  /** Start it again on the same port (after {@link stop}). Resolves once it is ready. */
  start(): Promise<void>;
  /** Stop it and delete its files; call in afterAll. */
  dispose(): Promise<void>;
}

/** How an Alertmanager joins an HA cluster: its own gossip port and its peers'. */
export interface ClusterMembership {
  /** The loopback port this member gossips on (TCP and UDP). */
  readonly gossipPort: number;
  /** The other members' gossip ports. */
  readonly peerGossipPorts: readonly number[];
}

/** How to start it. */
export interface AlertmanagerOptions {
  /** The whole alertmanager.yml; one `null` receiver by default. */
  readonly config?: string;
  /** Its gossip port and its peers', for an HA cluster on loopback; clustering off without. */
  readonly cluster?: ClusterMembership;
}

/**
 * Start a real Prometheus Alertmanager on a free loopback port, one `null` receiver (or the
 * given config), and wait until it reports ready. Clustering is off unless `cluster` says how
 * it joins one.
 * @param options - the config to run with, and its cluster
 */
export async function startAlertmanager(
  options: AlertmanagerOptions = {},
): Promise<RealAlertmanager> {
  const { cluster } = options;
  if (!existsSync(ALERTMANAGER_BINARY)) {
    throw new Error(
      `${ALERTMANAGER_BINARY} is missing; run \`npm run system-deps\` (installs prometheus-alertmanager)`,
    );
  }
  const dir = scratchDir('oncall-alertmanager-');
  const configFile = join(dir, 'alertmanager.yml');
  writeFileSync(
    configFile,
    options.config ??
      ['route:', '  receiver: "null"', 'receivers:', '  - name: "null"', ''].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--config.file=${configFile}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    ...(cluster
      ? [
          `--cluster.listen-address=127.0.0.1:${cluster.gossipPort}`,
          `--cluster.advertise-address=127.0.0.1:${cluster.gossipPort}`,
          ...cluster.peerGossipPorts.map((port) => `--cluster.peer=127.0.0.1:${port}`),
        ]
      : ['--cluster.listen-address=']), // empty turns clustering (and its gossip port) off
    '--log.level=warn',
  ];
  const { start, stop } = peerProcess({
    name: 'Alertmanager',
    binary: ALERTMANAGER_BINARY,
    args,
    readyUrl: `${url}/-/ready`,
  });

  await start();
  return {
    url,
    async postAlerts(alerts) {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!response.ok) {
        throw new Error(
          `Alertmanager refused the alerts: HTTP ${response.status} ${await response.text()}`,
        );
      }
    },
    async postSilence(silence) {
      const response = await fetch(`${url}/api/v2/silences`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(silence),
      });
      if (!response.ok) {
        throw new Error(
          `Alertmanager refused the silence: HTTP ${response.status} ${await response.text()}`,
        );
      }
      return ((await response.json()) as { silenceID: string }).silenceID;
    },
    silences: () => getJson<GettableSilence[]>(`${url}/api/v2/silences`),
    alerts: () => getJson<GettableAlert[]>(`${url}/api/v2/alerts`),
    stop,
    start,
    async dispose() {
      await stop();
      dropDir(dir);
    },
  };
}

/**
 * Start two real Alertmanagers gossiping as one HA cluster on loopback, as a team runs them:
 * a silence made on one reaches the other (alerts do not: Prometheus sends them to each).
 */
export async function startAlertmanagerPair(): Promise<[RealAlertmanager, RealAlertmanager]> {
  const [one, two] = [await freePort(), await freePort()];
  return Promise.all([
    startAlertmanager({ cluster: { gossipPort: one, peerGossipPorts: [two] } }),
    startAlertmanager({ cluster: { gossipPort: two, peerGossipPorts: [one] } }),
  ]);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
