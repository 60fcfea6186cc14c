import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, vi, type Mock } from 'vitest';
import {
  createAppServices,
  type AppServices,
} from '../../../../../src/main/services/app/create-app-services';
import type { EventSink } from '../../../../../src/main/services/app/event-sink';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import type { AppNotification, Notifier } from '../../../../../src/main/services/notify/notifier';
import { plainFileEncryptor } from '../../../../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../../../../src/main/services/secrets/open-secret-store';
import type { SecretStore } from '../../../../../src/main/services/secrets/secret-store';
import { openConfSettingsStore } from '../../../../../src/main/services/settings/open-conf-settings-store';
import { settingsFilePath } from '../../../../../src/main/services/settings/settings-file';
import type { SettingsStore } from '../../../../../src/main/services/settings/settings-store';
import type { SettingsInput } from '../../../../../src/shared/domain/settings';
import {
  eventContract,
  invokeContract,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '../../../../../src/shared/ipc/contract';
import { createDispatcher } from '../../../../../src/shared/ipc/dispatch';
import type { IpcResult } from '../../../../../src/shared/ipc/result';
import { startScriptedServer, type ScriptedServer } from '../sources/scripted-server';

/** The runbook fixture folder: five good runbooks and two broken files. */
export const RUNBOOK_FIXTURES = path.join(import.meta.dirname, '../../../../fixtures/runbooks');

// Real HTTP, real settings file, real timers: the source polls every 2 s (the schema's minimum)
// and random() = 0 keeps every backoff at its 1 s floor. Tests that need several polls press
// "refresh" (source:refresh) until the outcome shows, so nothing waits on a fixed delay.
const INTERVAL_SECONDS = 2;
/** How long a test waits for an outcome to show, and how often it looks. */
export const WAIT = { timeout: 15_000, interval: 20 };

/** The moment every test starts at; a test moves `kit.now` from there. */
export const NOW = new Date('2026-03-01T02:00:00.000Z');

/** Options for the `describe` of an app services test file: real polls take seconds. */
export const APP_SERVICES_SUITE = { timeout: 30_000 };

/** An Alertmanager gettableAlert (API v2) that stays active well past NOW. */
export function amAlert(
  fingerprint: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
) {
  return {
    labels: { alertname: `Alert-${fingerprint}`, severity: 'critical', ...labels },
    annotations: { summary: `Summary of ${fingerprint}`, ...annotations },
    fingerprint,
    startsAt: '2026-03-01T01:30:00.000Z',
    updatedAt: '2026-03-01T01:59:00.000Z',
    endsAt: '2026-03-02T00:00:00.000Z',
    receivers: [{ name: 'null' }],
    status: { state: 'active', silencedBy: [], inhibitedBy: [] },
  };
}

/** A scripted answer listing these Alertmanager alerts. */
export const alertsBody = (...alerts: object[]) => ({ body: JSON.stringify(alerts) });

/** The one source most tests watch: "Production", polling at the schema's minimum interval. */
export function prodSource(url: string) {
  return {
    kind: 'alertmanager' as const,
    id: 'prod',
    name: 'Production',
    url,
    intervalSeconds: INTERVAL_SECONDS,
  };
}

/** A critical HighErrorRate alert of the checkout service, the one incidents are declared from. */
export const checkoutAlert = amAlert('c1', { alertname: 'HighErrorRate', service: 'checkout' });

/** The texts of an incident's timeline, in order. */
export const timelineOf = (view: { incident: { timeline: { text: string }[] } }) =>
  view.incident.timeline.map((entry) => entry.text);

/** One event the services pushed, with its channel. */
export type Emitted = {
  [C in EventChannel]: { channel: C; payload: EventPayload<C> };
}[EventChannel];

/** A scratch home, scripted Alertmanagers and the app services started over them, per test. */
export interface AppServicesKit {
  /** The scratch home directory of this test. */
  home: string;
  /** The services' clock, reading `now`. */
  clock: Clock;
  /** The clock's time; moved only by the test. */
  now: Date;
  /** Every event pushed so far (a test may empty it). */
  events: Emitted[];
  /** Every OS notification shown so far. */
  shown: AppNotification[];
  /** Every log line written so far, `level: message` (the settings store's without a level). */
  logs: string[];
  openExternal: Mock<(url: string) => Promise<boolean>>;
  /** The services last started. */
  services: AppServices | undefined;
  /** Set when the test stopped the services itself, so they are not stopped again. */
  stopped: boolean;
  /** Run after the test, before the servers close and the home is removed. */
  extraCleanup: (() => void)[];
  /** The secret store the next {@link AppServicesKit.startApp} hands the services; none by default. */
  secretStore: SecretStore | undefined;
  /** Start a scripted Alertmanager answering `answer` (no alerts by default). */
  server(answer?: Parameters<ScriptedServer['answer']>[0]): Promise<ScriptedServer>;
  settingsFile(): string;
  /** Write settings.json (unless `settings` is null), open the store and start the services. */
  startApp(settings: SettingsInput | null): AppServices;
  /** Make an invoke call the way both shells do, and check the answer against the contract. */
  call<C extends InvokeChannel>(
    channel: C,
    request: InvokeRequest<C>,
  ): Promise<IpcResult<InvokeResponse<C>>>;
  /** The value of a call that must succeed. */
  value<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  statusOf(
    sourceId?: string,
  ): Promise<InvokeResponse<'sources:list'>['sources'][number] | undefined>;
  alertIds(): Promise<string[]>;
  /** Press "refresh" on a source, as the user would, until `check` passes. */
  refreshUntil(check: () => unknown, sourceId?: string): Promise<void>;
  /** Let `count` more polls reach `am` (refreshing to hurry them). */
  morePolls(am: ScriptedServer, count: number): Promise<void>;
  /** The titles of the notifications shown so far. */
  titles(): string[];
  ofChannel<C extends EventChannel>(channel: C): Extract<Emitted, { channel: C }>[];
  /** Start with one source serving `alerts`, once they are all listed. */
  startWithAlerts(settings?: SettingsInput, ...alerts: object[]): Promise<ScriptedServer>;
  /** The journal file of an incident. */
  journalOf(id: string): string;
}

/**
 * Give each test of the calling `describe` a fresh kit, and check after each that every event
 * and answer kept to the contract and no handler crashed.
 */
export function useAppServicesKit(): AppServicesKit {
  let problems: string[] = [];
  let servers: ScriptedServer[] = [];
  let store: SettingsStore | undefined;
  let dispatch: ReturnType<typeof createDispatcher>;
  const clock: Clock = { now: () => kit.now };

  const kit: AppServicesKit = {
    home: '',
    clock,
    now: NOW,
    events: [],
    shown: [],
    logs: [],
    openExternal: vi.fn(async () => true),
    services: undefined,
    stopped: false,
    extraCleanup: [],
    secretStore: undefined,

    async server(answer = alertsBody()) {
      const s = await startScriptedServer();
      s.answer(answer);
      servers.push(s);
      return s;
    },

    settingsFile: () => settingsFilePath(kit.home),

    startApp(settings) {
      if (settings !== null) {
        fs.writeFileSync(kit.settingsFile(), JSON.stringify(settings, null, 2));
      }
      store = openConfSettingsStore({
        home: kit.home,
        clock,
        log: (message) => kit.logs.push(message),
      });
      const notifier: Notifier = {
        async notify(notification) {
          kit.shown.push(notification);
        },
      };
      const emit: EventSink = (channel, payload) => {
        const checked = eventContract[channel].safeParse(payload);
        if (!checked.success) problems.push(`event ${channel} breaks the contract`);
        kit.events.push({ channel, payload } as Emitted);
      };
      const services = createAppServices({
        mode: 'browser',
        version: '9.9.9-test',
        home: kit.home,
        clock,
        notifier,
        settingsStore: store,
        // A test may bring its own store (one it can look into); else the real file store.
        secretStore:
          kit.secretStore ??
          openSecretStore({
            home: kit.home,
            clock,
            log: (level, message) => kit.logs.push(`${level}: ${message}`),
            encryptor: plainFileEncryptor,
          }),
        emit,
        openExternal: kit.openExternal,
        log: (level, message) => kit.logs.push(`${level}: ${message}`),
        random: () => 0,
      });
      kit.services = services;
      dispatch = createDispatcher(services.handlers, (channel, error) =>
        problems.push(`${channel} crashed: ${String(error)}`),
      );
      services.start();
      return services;
    },

    async call(channel, request) {
      const result = await dispatch(channel, request);
      if (result.ok) {
        const checked = invokeContract[channel].response.safeParse(result.value);
        if (!checked.success) problems.push(`answer to ${channel} breaks the contract`);
      }
      return result as IpcResult<InvokeResponse<typeof channel>>;
    },

    async value(channel, request) {
      const result = await kit.call(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },

    async statusOf(sourceId = 'prod') {
      const { sources } = await kit.value('sources:list', {});
      return sources.find((s) => s.sourceId === sourceId);
    },

    alertIds: async () => (await kit.value('alerts:list', {})).alerts.map((a) => a.id),

    async refreshUntil(check, sourceId = 'prod') {
      await vi.waitFor(async () => {
        try {
          await check();
        } catch (error) {
          await kit.call('source:refresh', { sourceId });
          throw error;
        }
      }, WAIT);
    },

    async morePolls(am, count) {
      const target = am.requests.length + count;
      await kit.refreshUntil(() => expect(am.requests.length).toBeGreaterThanOrEqual(target));
    },

    titles: () => kit.shown.map((n) => n.title),

    ofChannel: <C extends EventChannel>(channel: C) =>
      kit.events.filter((e): e is Extract<Emitted, { channel: C }> => e.channel === channel),

    async startWithAlerts(settings = {}, ...alerts) {
      const am = await kit.server(alertsBody(...alerts));
      kit.startApp({ sources: [prodSource(am.url)], ...settings });
      if (alerts.length > 0) {
        await vi.waitFor(
          async () => expect(await kit.alertIds()).toHaveLength(alerts.length),
          WAIT,
        );
      }
      return am;
    },

    journalOf: (id) => path.join(kit.home, 'incidents', `${id}.journal`),
  };

  beforeEach(() => {
    kit.now = NOW;
    kit.home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-services-'));
    servers = [];
    kit.events = [];
    kit.shown = [];
    kit.logs = [];
    problems = [];
    kit.openExternal = vi.fn(async () => true);
    store = undefined;
    kit.services = undefined;
    kit.stopped = false;
    kit.extraCleanup = [];
    kit.secretStore = undefined;
  });

  afterEach(async () => {
    if (kit.services && !kit.stopped) await kit.services.stop();
    else if (!kit.services) store?.close();
    for (const cleanup of kit.extraCleanup) cleanup();
    await Promise.all(servers.map((s) => s.close()));
    fs.rmSync(kit.home, { recursive: true, force: true });
    // Every event and answer must have kept to the contract, and no handler may have crashed.
    expect(problems).toEqual([]);
  });

  return kit;
}
