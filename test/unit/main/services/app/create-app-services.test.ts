import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import {
  createAppServices,
  type AppServices,
} from '../../../../../src/main/services/app/create-app-services';
import type { EventSink } from '../../../../../src/main/services/app/event-sink';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import type { AppNotification, Notifier } from '../../../../../src/main/services/notify/notifier';
import { openConfSettingsStore } from '../../../../../src/main/services/settings/open-conf-settings-store';
import { settingsFilePath } from '../../../../../src/main/services/settings/settings-file';
import type { SettingsStore } from '../../../../../src/main/services/settings/settings-store';
import { createSourceManager } from '../../../../../src/main/services/sources/source-manager';
import { alertId } from '../../../../../src/shared/domain/alert';
import type { SettingsInput } from '../../../../../src/shared/domain/settings';
import {
  DEFAULT_ALERTMANAGER_URL,
  alertmanagerSourceSchema,
} from '../../../../../src/shared/domain/source';
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
const RUNBOOK_FIXTURES = path.join(import.meta.dirname, '../../../../fixtures/runbooks');

// Real HTTP, real settings file, real timers: the source polls every 2 s (the schema's minimum)
// and random() = 0 keeps every backoff at its 1 s floor. Tests that need several polls press
// "refresh" (source:refresh) until the outcome shows, so nothing waits on a fixed delay.
const INTERVAL_SECONDS = 2;
const WAIT = { timeout: 15_000, interval: 20 };

const NOW = new Date('2026-03-01T02:00:00.000Z');
// Moved only by the incident reminder test; reset before each test.
let now = NOW;
const clock: Clock = { now: () => now };

/** An Alertmanager gettableAlert (API v2) that stays active well past NOW. */
function amAlert(
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

const alertsBody = (...alerts: object[]) => ({ body: JSON.stringify(alerts) });

function prodSource(url: string) {
  return {
    kind: 'alertmanager' as const,
    id: 'prod',
    name: 'Production',
    url,
    intervalSeconds: INTERVAL_SECONDS,
  };
}

type Emitted = { [C in EventChannel]: { channel: C; payload: EventPayload<C> } }[EventChannel];

describe('createAppServices through the IPC dispatcher', { timeout: 30_000 }, () => {
  let home: string;
  let servers: ScriptedServer[];
  let events: Emitted[];
  let shown: AppNotification[];
  let logs: string[];
  let problems: string[];
  let openExternal: Mock<(url: string) => Promise<boolean>>;
  let store: SettingsStore | undefined;
  let services: AppServices | undefined;
  let stopped: boolean;
  let dispatch: ReturnType<typeof createDispatcher>;
  let extraCleanup: (() => void)[];

  beforeEach(() => {
    now = NOW;
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-services-'));
    servers = [];
    events = [];
    shown = [];
    logs = [];
    problems = [];
    openExternal = vi.fn(async () => true);
    store = undefined;
    services = undefined;
    stopped = false;
    extraCleanup = [];
  });

  afterEach(async () => {
    if (services && !stopped) await services.stop();
    else if (!services) store?.close();
    for (const cleanup of extraCleanup) cleanup();
    await Promise.all(servers.map((s) => s.close()));
    fs.rmSync(home, { recursive: true, force: true });
    // Every event and answer must have kept to the contract, and no handler may have crashed.
    expect(problems).toEqual([]);
  });

  async function server(answer: Parameters<ScriptedServer['answer']>[0] = alertsBody()) {
    const s = await startScriptedServer();
    s.answer(answer);
    servers.push(s);
    return s;
  }

  const settingsFile = () => settingsFilePath(home);

  /** Write settings.json (unless `settings` is null), open the store and start the services. */
  function startApp(settings: SettingsInput | null): AppServices {
    if (settings !== null) fs.writeFileSync(settingsFile(), JSON.stringify(settings, null, 2));
    store = openConfSettingsStore({ home, clock, log: (message) => logs.push(message) });
    const notifier: Notifier = {
      async notify(notification) {
        shown.push(notification);
      },
    };
    const emit: EventSink = (channel, payload) => {
      const checked = eventContract[channel].safeParse(payload);
      if (!checked.success) problems.push(`event ${channel} breaks the contract`);
      events.push({ channel, payload } as Emitted);
    };
    services = createAppServices({
      mode: 'browser',
      version: '9.9.9-test',
      home,
      clock,
      notifier,
      settingsStore: store,
      emit,
      openExternal,
      log: (level, message) => logs.push(`${level}: ${message}`),
      random: () => 0,
    });
    dispatch = createDispatcher(services.handlers, (channel, error) =>
      problems.push(`${channel} crashed: ${String(error)}`),
    );
    services.start();
    return services;
  }

  /** Make an invoke call the way both shells do, and check the answer against the contract. */
  async function call<C extends InvokeChannel>(
    channel: C,
    request: InvokeRequest<C>,
  ): Promise<IpcResult<InvokeResponse<C>>> {
    const result = await dispatch(channel, request);
    if (result.ok) {
      const checked = invokeContract[channel].response.safeParse(result.value);
      if (!checked.success) problems.push(`answer to ${channel} breaks the contract`);
    }
    return result as IpcResult<InvokeResponse<C>>;
  }

  /** The value of a call that must succeed. */
  async function value<C extends InvokeChannel>(
    channel: C,
    request: InvokeRequest<C>,
  ): Promise<InvokeResponse<C>> {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  const statusOf = async (sourceId = 'prod') => {
    const { sources } = await value('sources:list', {});
    return sources.find((s) => s.sourceId === sourceId);
  };

  const alertIds = async () => (await value('alerts:list', {})).alerts.map((a) => a.id);

  /** Press "refresh" on a source, as the user would, until `check` passes. */
  async function refreshUntil(check: () => unknown, sourceId = 'prod'): Promise<void> {
    await vi.waitFor(async () => {
      try {
        await check();
      } catch (error) {
        await call('source:refresh', { sourceId });
        throw error;
      }
    }, WAIT);
  }

  /** Let `count` more polls reach `am` (refreshing to hurry them). */
  async function morePolls(am: ScriptedServer, count: number): Promise<void> {
    const target = am.requests.length + count;
    await refreshUntil(() => expect(am.requests.length).toBeGreaterThanOrEqual(target));
  }

  const titles = () => shown.map((n) => n.title);
  const ofChannel = <C extends EventChannel>(channel: C) =>
    events.filter((e): e is Extract<Emitted, { channel: C }> => e.channel === channel);

  it('shows a firing alert, pushes it as added, and notifies about it exactly once', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)] });
    const id = alertId('prod', 'a1');

    await vi.waitFor(async () => expect(await alertIds()).toEqual([id]), WAIT);
    const [alert] = (await value('alerts:list', {})).alerts;
    expect(alert).toMatchObject({ sourceId: 'prod', status: 'firing', title: 'Alert-a1' });
    expect(services?.firingCount()).toBe(1);

    const changes = ofChannel('alerts:changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.payload.added).toEqual([id]);
    expect(changes[0]?.payload.alerts.map((a) => a.id)).toEqual([id]);

    await vi.waitFor(() => expect(shown).toHaveLength(1), WAIT);
    expect(shown[0]?.title).toContain('Alert-a1');
    expect(shown[0]?.body).toContain('Summary of a1');

    // The alert keeps firing over later polls: no second notification, no second event.
    await morePolls(am, 2);
    expect(shown).toHaveLength(1);
    expect(ofChannel('alerts:changed')).toHaveLength(1);
    expect(am.requests.every((r) => r.startsWith('/api/v2/alerts?'))).toBe(true);
  });

  it('reports the source ok, says once when it stops answering and once when it is back', async () => {
    const am = await server(alertsBody());
    startApp({ sources: [prodSource(am.url)] });

    await vi.waitFor(async () => expect((await statusOf())?.health).toBe('ok'), WAIT);
    expect(await statusOf()).toMatchObject({
      name: 'Production',
      url: am.url,
      isDefault: false,
      failures: 0,
    });

    am.answer({ status: 503, body: 'upstream down' });
    await refreshUntil(async () => expect((await statusOf())?.failures).toBeGreaterThanOrEqual(3));
    const down = await statusOf();
    expect(down?.health).toBe('failing');
    expect(down?.reason).toContain('503');
    expect(down?.reason).toContain(am.url);
    expect(ofChannel('source:status').some((e) => e.payload.health === 'failing')).toBe(true);

    await vi.waitFor(
      () => expect(titles()).toEqual(['Not receiving alerts from Production']),
      WAIT,
    );
    expect(shown[0]?.body).toContain('503');

    // Still failing: the user has been told; no notification per poll.
    await morePolls(am, 2);
    expect(titles()).toEqual(['Not receiving alerts from Production']);

    am.answer(alertsBody());
    await refreshUntil(async () => expect((await statusOf())?.health).toBe('ok'));
    expect((await statusOf())?.reason).toBeUndefined();
    await vi.waitFor(
      () =>
        expect(titles()).toEqual(['Not receiving alerts from Production', 'Production is back']),
      WAIT,
    );
    await morePolls(am, 2);
    expect(shown).toHaveLength(2);
  });

  it('keeps the alerts it has while the source fails', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(async () => expect(await alertIds()).toHaveLength(1), WAIT);

    am.answer({ status: 503 });
    await refreshUntil(async () => expect((await statusOf())?.failures).toBeGreaterThanOrEqual(3));
    expect(await alertIds()).toEqual([alertId('prod', 'a1')]);
    expect((await statusOf())?.activeAlerts).toBe(1);
  });

  it('moves polling to a new source URL saved through settings:update', async () => {
    const before = await server(alertsBody(amAlert('old')));
    const after = await server(alertsBody(amAlert('new')));
    startApp({ sources: [prodSource(before.url)] });
    await vi.waitFor(async () => expect(await alertIds()).toEqual([alertId('prod', 'old')]), WAIT);

    const view = await value('settings:update', { sources: [prodSource(after.url)] });
    expect(view.settings.sources[0]?.url).toBe(after.url);

    await vi.waitFor(async () => expect(await alertIds()).toEqual([alertId('prod', 'new')]), WAIT);
    expect((await statusOf())?.url).toBe(after.url);

    const changed = ofChannel('settings:changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.payload.settings.sources[0]?.url).toBe(after.url);
    expect(changed[0]?.payload.path).toBe(settingsFile());

    // Saved to the file, and read back by settings:get.
    const onDisk = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as {
      sources: { url: string }[];
    };
    expect(onDisk.sources[0]?.url).toBe(after.url);
    expect((await value('settings:get', {})).settings.sources[0]?.url).toBe(after.url);

    // The old Alertmanager is no longer asked.
    const oldCount = before.requests.length;
    await morePolls(after, 2);
    expect(before.requests.length).toBe(oldCount);
  });

  it('refuses a source URL that is not http(s), naming the field, and leaves the file alone', async () => {
    const am = await server();
    startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(async () => expect((await statusOf())?.health).toBe('ok'), WAIT);
    const fileBefore = fs.readFileSync(settingsFile(), 'utf8');

    const result = await call('settings:update', {
      sources: [{ ...prodSource(am.url), url: 'javascript:alert(1)' }],
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain('sources.0.url');
    expect(result.error.issues?.some((issue) => issue.startsWith('sources.0.url:'))).toBe(true);
    expect(fs.readFileSync(settingsFile(), 'utf8')).toBe(fileBefore);
    expect((await value('settings:get', {})).settings.sources[0]?.url).toBe(am.url);
    expect(ofChannel('settings:changed')).toEqual([]);
    expect((await statusOf())?.url).toBe(am.url);
  });

  it('stops notifying about new alerts once notifications are switched off', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(() => expect(shown).toHaveLength(1), WAIT);

    await value('settings:update', { notifications: { enabled: false, minSeverity: 'sev4' } });
    am.answer(alertsBody(amAlert('a1'), amAlert('a2')));
    await refreshUntil(async () => expect(await alertIds()).toHaveLength(2));
    expect(shown).toHaveLength(1);
  });

  it('answers not-found when refreshing a source that does not exist', async () => {
    const am = await server();
    startApp({ sources: [prodSource(am.url)] });

    const result = await call('source:refresh', { sourceId: 'staging' });

    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('"staging"') },
    });
    expect(await value('source:refresh', { sourceId: 'prod' })).toEqual({ sourceId: 'prod' });
  });

  it('refuses to open a javascript: link and never hands it to the OS', async () => {
    startApp({ sources: [prodSource((await server()).url)] });

    const result = await call('link:open', { url: 'javascript:alert(1)' });

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-request');
    for (const url of ['file:///etc/passwd', 'https://user:secret@example.com/', 'not a url']) {
      const refused = await call('link:open', { url });
      expect(refused.ok ? 'opened' : refused.error.code).toBe('bad-request');
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens an https link with the OS, normalised', async () => {
    startApp({ sources: [prodSource((await server()).url)] });

    const opened = await value('link:open', { url: '  HTTPS://Runbooks.Example.COM/db/latency  ' });

    expect(opened).toEqual({ opened: true });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://runbooks.example.com/db/latency');
  });

  it('says so when the shell cannot open links', async () => {
    startApp({ sources: [prodSource((await server()).url)] });
    openExternal.mockResolvedValue(false);

    expect(await value('link:open', { url: 'https://example.com/' })).toEqual({ opened: false });
  });

  it("watches Alertmanager's default address when no source is configured", async () => {
    startApp({});

    const { sources } = await value('sources:list', {});

    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ isDefault: true, url: DEFAULT_ALERTMANAGER_URL });
    expect(DEFAULT_ALERTMANAGER_URL).toBe('http://127.0.0.1:9093');
    // The fallback is not written into the user's settings.
    expect((await value('settings:get', {})).settings.sources).toEqual([]);
  });

  it('on a first start without a settings file, writes one and watches the default address', async () => {
    startApp(null);

    const view = await value('settings:get', {});
    expect(view.path).toBe(settingsFile());
    expect(view.problem).toBeUndefined();
    expect(fs.existsSync(settingsFile())).toBe(true);
    expect(await statusOf('alertmanager')).toMatchObject({
      isDefault: true,
      url: 'http://127.0.0.1:9093',
    });
  });

  it('keeps a settings file that is not valid aside and says so in settings:get', async () => {
    fs.writeFileSync(settingsFile(), '{ "sources": [ { "kind": "alertmanager" ');
    startApp(null);

    const view = await value('settings:get', {});
    expect(view.problem?.keptAs).toMatch(/settings\.json\.invalid-/);
    expect(fs.existsSync(view.problem?.keptAs ?? '')).toBe(true);
    expect((await statusOf('alertmanager'))?.isDefault).toBe(true);
    expect(logs.some((line) => line.includes('was not usable'))).toBe(true);
  });

  it('tells which shell it runs in, its version and its home', async () => {
    startApp({});
    expect(await value('app:info', {})).toEqual({ mode: 'browser', version: '9.9.9-test', home });
  });

  it('sends a test notification on request', async () => {
    startApp({});
    expect(await value('notifications:test', {})).toEqual({ delivered: true });
    expect(shown).toHaveLength(1);
    expect(shown[0]?.body).toMatch(/Test notification/);
  });

  it('drops the poll under way on stop()', async () => {
    let dropped = false;
    const am = await server((req) => {
      req.socket.once('close', () => (dropped = true));
      return 'hang';
    });
    // The poll's own timeout lies far beyond the wait below: only stop() can end it in time.
    const app = startApp({ sources: [{ ...prodSource(am.url), timeoutSeconds: 120 }] });
    await vi.waitFor(() => expect(am.requests).toHaveLength(1), WAIT);

    await app.stop();
    stopped = true;

    await vi.waitFor(() => expect(dropped).toBe(true), WAIT);
  });

  it('polls no more after stop()', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    const app = startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(async () => expect(await alertIds()).toHaveLength(1), WAIT);

    await app.stop();
    stopped = true;
    const requestsAtStop = am.requests.length;
    const eventsAtStop = events.length;

    // Nothing is left to refresh, by hand or after the machine wakes.
    expect((await call('source:refresh', { sourceId: 'prod' })).ok).toBe(false);
    app.refreshAll();

    // A metronome polling at the same interval: once it has polled twice, a full interval has
    // passed since stop(), so a poll the stopped services still had scheduled would have come.
    const metronome = await server();
    const ticker = createSourceManager({
      clock,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: () => {},
      onStatus: () => {},
    });
    extraCleanup.push(() => ticker.stop());
    ticker.configure([
      alertmanagerSourceSchema.parse({ ...prodSource(metronome.url), timeoutSeconds: 10 }),
    ]);
    await vi.waitFor(() => expect(metronome.requests.length).toBeGreaterThanOrEqual(2), WAIT);

    expect(am.requests.length).toBe(requestsAtStop);
    expect(events.length).toBe(eventsAtStop);
  });

  describe('runbooks', () => {
    /** A copy of the fixture folder the test may change. */
    function runbookCopy(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-runbooks-'));
      fs.cpSync(RUNBOOK_FIXTURES, dir, { recursive: true });
      extraCleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    }

    const runbookEvents = () => ofChannel('runbooks:changed').map((e) => e.payload);

    /** Start with one source serving `alerts` and the runbook folder `dir`. */
    async function startWithRunbooks(dir: string | undefined, ...alerts: object[]) {
      const am = await server(alertsBody(...alerts));
      startApp({ sources: [prodSource(am.url)], runbooks: dir === undefined ? {} : { dir } });
      if (alerts.length > 0) {
        await vi.waitFor(async () => expect(await alertIds()).toHaveLength(alerts.length), WAIT);
      }
      return am;
    }

    it('lists every runbook of the folder, the broken files with their error, the rest usable', async () => {
      await startWithRunbooks(RUNBOOK_FIXTURES);

      const list = await value('runbooks:list', {});

      expect(list.dir).toBe(RUNBOOK_FIXTURES);
      expect(list.runbooks.map((r) => r.id)).toEqual([
        'README.md',
        'broken/bad-yaml.md',
        'broken/wrong-type.md',
        'checkout/high-error-rate.md',
        'db/replica-lag.md',
        'high-error-rate.md',
        'steps/full.md',
      ]);
      expect(list.errors.map((e) => e.file)).toEqual([
        'broken/bad-yaml.md',
        'broken/wrong-type.md',
      ]);
      const broken = list.runbooks.find((r) => r.id === 'broken/wrong-type.md');
      expect(broken?.error).toMatch(/tags/);
      const checkout = list.runbooks.find((r) => r.id === 'checkout/high-error-rate.md');
      expect(checkout).toEqual({
        id: 'checkout/high-error-rate.md',
        title: 'Checkout and cart errors',
        match: { alertname: 'HighErrorRate', service: ['checkout', 'cart'] },
        severity: 'critical',
        owner: 'payments',
        tags: ['payments'],
        stepCount: 3,
      });
      // The summaries leave the bodies behind; runbook:get has them.
      expect(JSON.stringify(list)).not.toContain('kubectl');
      expect(logs.some((line) => line.startsWith('warn: runbooks: 2 problem(s)'))).toBe(true);
    });

    it('gives one runbook with its body and steps, and not-found for an id the folder lacks', async () => {
      await startWithRunbooks(RUNBOOK_FIXTURES);

      const { runbook } = await value('runbook:get', { id: 'checkout/high-error-rate.md' });
      expect(runbook.body).toContain('kubectl -n shop rollout undo deploy/checkout');
      expect(runbook.steps.map((step) => step.kind)).toEqual(['numbered', 'numbered', 'numbered']);
      expect(runbook.file).toBe(path.join(RUNBOOK_FIXTURES, 'checkout/high-error-rate.md'));

      // A broken file can still be read, with its error.
      const broken = await value('runbook:get', { id: 'broken/bad-yaml.md' });
      expect(broken.runbook.error).toMatch(/YAML/);
      expect(broken.runbook.steps).toHaveLength(1);

      for (const id of ['nope.md', '../package.json', '/etc/passwd']) {
        const missing = await call('runbook:get', { id });
        expect(missing.ok ? 'found' : missing.error.code).toBe('not-found');
      }
      const empty = await call('runbook:get', { id: '' });
      expect(empty.ok ? 'found' : empty.error.code).toBe('bad-request');
    });

    it("matches an alert's labels to runbooks, most specific first, and resolves its runbook_url", async () => {
      await startWithRunbooks(
        RUNBOOK_FIXTURES,
        amAlert('checkout', { alertname: 'HighErrorRate', service: 'checkout' }),
        amAlert(
          'search',
          { alertname: 'HighErrorRate', service: 'search' },
          {
            runbook_url: 'db/replica-lag#find-the-lagging-replica',
          },
        ),
        amAlert(
          'lag',
          { alertname: 'ReplicaLag', team: 'data' },
          {
            runbook_url: 'https://wiki.example.com/db/lag',
          },
        ),
        amAlert('escape', { alertname: 'Other' }, { runbook_url: '../../../etc/passwd' }),
        amAlert('script', { alertname: 'Other2' }, { runbook_url: 'javascript:alert(1)' }),
        amAlert('typo', { alertname: 'Other3' }, { runbook_url: 'db/replica-lagg.md' }),
        // A matching broken file is never offered.
        amAlert('disk', { alertname: 'DiskFull' }),
      );
      const forAlert = (fingerprint: string) =>
        value('runbooks:forAlert', { alertId: alertId('prod', fingerprint) });

      const checkout = await forAlert('checkout');
      expect(checkout.runbooks.map((r) => r.id)).toEqual([
        'checkout/high-error-rate.md',
        'high-error-rate.md',
      ]);
      expect(checkout.runbookUrl).toBeUndefined();

      const search = await forAlert('search');
      expect(search.runbooks.map((r) => r.id)).toEqual(['high-error-rate.md']);
      expect(search.runbookUrl).toEqual({
        kind: 'local',
        id: 'db/replica-lag.md',
        fragment: 'find-the-lagging-replica',
      });

      const lag = await forAlert('lag');
      expect(lag.runbooks.map((r) => r.id)).toEqual(['db/replica-lag.md']);
      expect(lag.runbookUrl).toEqual({ kind: 'external', url: 'https://wiki.example.com/db/lag' });

      expect((await forAlert('escape')).runbookUrl).toEqual({
        kind: 'refused',
        reason: 'the runbook path leads outside the runbook folder',
      });
      expect((await forAlert('script')).runbookUrl).toEqual({
        kind: 'refused',
        reason: 'only http(s) links may leave the app',
      });
      expect((await forAlert('typo')).runbookUrl).toMatchObject({ kind: 'refused' });
      expect((await forAlert('disk')).runbooks).toEqual([]);

      const unknown = await call('runbooks:forAlert', { alertId: 'prod:nope' });
      expect(unknown.ok ? 'found' : unknown.error.code).toBe('not-found');
      expect(openExternal).not.toHaveBeenCalled();
    });

    it('without a runbook folder: no runbooks, http(s) links still resolve, paths say why not', async () => {
      await startWithRunbooks(
        undefined,
        amAlert('web', { alertname: 'HighErrorRate' }, { runbook_url: 'https://rb.example/x' }),
        amAlert('path', { alertname: 'HighErrorRate' }, { runbook_url: 'db/replica-lag.md' }),
      );

      expect(await value('runbooks:list', {})).toEqual({ runbooks: [], errors: [] });
      expect(await value('runbooks:forAlert', { alertId: alertId('prod', 'web') })).toEqual({
        runbooks: [],
        runbookUrl: { kind: 'external', url: 'https://rb.example/x' },
      });
      const local = await value('runbooks:forAlert', { alertId: alertId('prod', 'path') });
      expect(local.runbookUrl).toMatchObject({ kind: 'refused' });
      if (local.runbookUrl?.kind === 'refused') {
        expect(local.runbookUrl.reason).toContain('no runbook folder is chosen');
      }
      const get = await call('runbook:get', { id: 'db/replica-lag.md' });
      expect(get.ok ? 'found' : get.error.message).toMatch(/No runbook folder is chosen/);
      expect(runbookEvents()).toEqual([]);
    });

    it('reports a missing folder as an error entry, and keeps running', async () => {
      const missing = path.join(home, 'no-such-runbooks');
      await startWithRunbooks(
        missing,
        amAlert('x', { alertname: 'HighErrorRate' }, { runbook_url: 'x.md' }),
      );

      const list = await value('runbooks:list', {});
      expect(list).toEqual({
        dir: missing,
        runbooks: [],
        errors: [{ file: '.', message: expect.stringContaining('cannot be opened') }],
      });
      const forX = await value('runbooks:forAlert', { alertId: alertId('prod', 'x') });
      expect(forX).toEqual({
        runbooks: [],
        runbookUrl: { kind: 'refused', reason: 'no runbook "x.md" in the runbook folder' },
      });
      expect((await statusOf())?.health).toBe('ok');
    });

    it('reports a file given as the folder as an error entry', async () => {
      const file = path.join(home, 'not-a-folder.md');
      fs.writeFileSync(file, '# not a folder');
      await startWithRunbooks(file);

      const list = await value('runbooks:list', {});
      expect(list.runbooks).toEqual([]);
      expect(list.errors).toEqual([
        { file: '.', message: expect.stringMatching(/not a directory/) },
      ]);
    });

    it('switches to the folder saved in settings, announces it, and lets go of the old one', async () => {
      const first = runbookCopy();
      const second = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-runbooks-b-'));
      extraCleanup.push(() => fs.rmSync(second, { recursive: true, force: true }));
      fs.writeFileSync(
        path.join(second, 'only.md'),
        '---\ntitle: The only one\nmatch:\n  alertname: HighErrorRate\n---\n\n1. Look\n',
      );
      await startWithRunbooks(first);
      expect((await value('runbooks:list', {})).runbooks).toHaveLength(7);
      // The first load is announced once, for a renderer that connected before it finished.
      await vi.waitFor(() => expect(runbookEvents()).toHaveLength(1), WAIT);

      const saved = await value('settings:update', { runbooks: { dir: second } });
      expect(saved.settings.runbooks).toEqual({ dir: second });

      await vi.waitFor(() => expect(runbookEvents()).toHaveLength(2), WAIT);
      expect(runbookEvents()[1]).toEqual({
        dir: second,
        runbooks: [
          {
            id: 'only.md',
            title: 'The only one',
            match: { alertname: 'HighErrorRate' },
            tags: [],
            stepCount: 1,
          },
        ],
        errors: [],
      });
      expect((await value('runbooks:list', {})).dir).toBe(second);
      const onDisk = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as {
        runbooks: { dir?: string };
      };
      expect(onDisk.runbooks).toEqual({ dir: second });

      // The first folder is no longer watched: an edit there announces nothing. An edit in the
      // second folder, made just after, shows the watchers have had their turn.
      fs.writeFileSync(path.join(first, 'new.md'), '---\nmatch:\n  alertname: New\n---\n# New\n');
      fs.writeFileSync(path.join(second, 'also.md'), '---\nmatch:\n  alertname: A\n---\n# A\n');
      await vi.waitFor(() => expect(runbookEvents()).toHaveLength(3), WAIT);
      expect(runbookEvents()[2]?.runbooks.map((r) => r.id)).toEqual(['also.md', 'only.md']);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(runbookEvents()).toHaveLength(3);

      // Clearing the folder: nothing listed, and said so.
      await value('settings:update', { runbooks: {} });
      await vi.waitFor(() => expect(runbookEvents()).toHaveLength(4), WAIT);
      expect(runbookEvents()[3]).toEqual({ runbooks: [], errors: [] });
      expect((await value('settings:get', {})).settings.runbooks).toEqual({});
    });

    it('follows a hand edit of the settings file to another folder', async () => {
      const other = runbookCopy();
      await startWithRunbooks(undefined);
      const current = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as object;
      fs.writeFileSync(settingsFile(), JSON.stringify({ ...current, runbooks: { dir: other } }));

      await vi.waitFor(() => expect(runbookEvents().at(-1)?.dir).toBe(other), WAIT);
      expect(runbookEvents().at(-1)?.runbooks).toHaveLength(7);
    });

    it('picks up a runbook added to the folder, and a broken file being fixed', async () => {
      const dir = runbookCopy();
      await startWithRunbooks(dir);
      await vi.waitFor(() => expect(runbookEvents()).toHaveLength(1), WAIT);

      fs.writeFileSync(
        path.join(dir, 'db', 'disk-full.md'),
        '---\ntitle: Disk full\nmatch:\n  alertname: DiskFull\n---\n\n- [ ] Free space\n',
      );
      await vi.waitFor(
        () =>
          expect(
            runbookEvents()
              .at(-1)
              ?.runbooks.map((r) => r.id),
          ).toContain('db/disk-full.md'),
        WAIT,
      );

      fs.writeFileSync(
        path.join(dir, 'broken', 'wrong-type.md'),
        '---\ntitle: Wrong type\nmatch:\n  alertname: DiskFull\ntags: [disk]\n---\n\n# Fixed\n',
      );
      await vi.waitFor(
        () =>
          expect(
            runbookEvents()
              .at(-1)
              ?.errors.map((e) => e.file),
          ).toEqual(['broken/bad-yaml.md']),
        WAIT,
      );
      const list = await value('runbooks:list', {});
      expect(list.runbooks.find((r) => r.id === 'broken/wrong-type.md')?.error).toBeUndefined();
    });

    it('refuses a runbook folder that is not an absolute path, naming the field', async () => {
      await startWithRunbooks(undefined);

      for (const dir of ['runbooks', '~/runbooks', '']) {
        const result = await call('settings:update', { runbooks: { dir } });
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect(result.error.issues?.[0]).toMatch(/^runbooks\.dir: must be an absolute path/);
      }
      expect(runbookEvents()).toEqual([]);
    });

    it('stops watching the folder on stop()', async () => {
      const dir = runbookCopy();
      const app = await startWithRunbooks(dir).then(() => services);
      await vi.waitFor(() => expect(runbookEvents()).toHaveLength(1), WAIT);

      await app?.stop();
      stopped = true;
      fs.writeFileSync(path.join(dir, 'late.md'), '---\nmatch:\n  alertname: Late\n---\n# Late\n');
      await new Promise((resolve) => setTimeout(resolve, 800));

      expect(runbookEvents()).toHaveLength(1);
    });
  });

  describe('incidents', () => {
    const checkoutAlert = amAlert('c1', { alertname: 'HighErrorRate', service: 'checkout' });
    const timelineOf = (view: { incident: { timeline: { text: string }[] } }) =>
      view.incident.timeline.map((entry) => entry.text);
    const journalOf = (id: string) => path.join(home, 'incidents', `${id}.journal`);

    async function startWithAlerts(settings: SettingsInput = {}, ...alerts: object[]) {
      const am = await server(alertsBody(...alerts));
      startApp({ sources: [prodSource(am.url)], ...settings });
      if (alerts.length > 0) {
        await vi.waitFor(async () => expect(await alertIds()).toHaveLength(alerts.length), WAIT);
      }
      return am;
    }

    it('declares from current alerts, on disk before it answers, and pushes the incident and the list', async () => {
      await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert);

      const { incident, warning } = await value('incident:declare', {
        alertIds: [alertId('prod', 'c1')],
      });

      expect(warning).toBeUndefined();
      expect(incident.id).toMatch(/^inc-20260301-020000-[0-9a-f]{4}$/);
      expect(incident).toMatchObject({
        title: 'HighErrorRate',
        severity: 'sev1',
        affectedServices: ['checkout'],
        createdBy: 'Ana',
      });
      expect(timelineOf({ incident })).toEqual([
        'Alert fired: HighErrorRate',
        'Declared SEV1: HighErrorRate',
      ]);
      expect(fs.readFileSync(journalOf(incident.id)).includes('Alert fired: HighErrorRate')).toBe(
        true,
      );
      expect(ofChannel('incident:changed').map((e) => e.payload.incident.id)).toEqual([
        incident.id,
      ]);
      expect(
        ofChannel('incidents:changed')
          .at(-1)
          ?.payload.incidents.map((i) => i.id),
      ).toEqual([incident.id]);
      expect(await value('incident:get', { id: incident.id })).toEqual({ incident });
    });

    it("puts a source alert silenced, resolving and firing again on the incident's timeline in the source's name", async () => {
      const am = await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert);
      const { incident } = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });

      const silenced = {
        ...checkoutAlert,
        status: { state: 'suppressed', silencedBy: ['silence-1'], inhibitedBy: [] },
      };
      am.answer(alertsBody(silenced));
      await vi.waitFor(async () => {
        await value('source:refresh', { sourceId: 'prod' });
        const { incident: now } = await value('incident:get', { id: incident.id });
        expect(timelineOf({ incident: now })).toContain(
          'Alert silenced or inhibited at its source: HighErrorRate',
        );
      }, WAIT);
      // A minute later, so the entries' order does not hang on equal times.
      now = new Date('2026-03-01T02:01:00.000Z');
      am.answer(alertsBody());
      await vi.waitFor(async () => {
        await value('source:refresh', { sourceId: 'prod' });
        const { incident: now } = await value('incident:get', { id: incident.id });
        expect(timelineOf({ incident: now })).toContain('Alert resolved: HighErrorRate');
      }, WAIT);
      am.answer(alertsBody({ ...checkoutAlert, startsAt: '2026-03-01T02:01:30.000Z' }));
      await vi.waitFor(async () => {
        await value('source:refresh', { sourceId: 'prod' });
        const { incident: now } = await value('incident:get', { id: incident.id });
        expect(timelineOf({ incident: now })).toContain('Alert fired again: HighErrorRate');
      }, WAIT);
      await morePolls(am, 2);

      const { incident: after } = await value('incident:get', { id: incident.id });
      const alertEntries = after.timeline.filter((e) => e.kind === 'alert');
      expect(alertEntries.map((e) => [e.text, e.author])).toEqual([
        ['Alert fired: HighErrorRate', 'Ana'],
        ['Alert silenced or inhibited at its source: HighErrorRate', 'Production'],
        ['Alert resolved: HighErrorRate', 'Production'],
        ['Alert fired again: HighErrorRate', 'Production'],
      ]);
    });

    it('adds an alert that fired later to the incident, once, and follows it', async () => {
      const latency = amAlert('l1', { alertname: 'HighLatency', service: 'payments' });
      const am = await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert, latency);
      const { incident } = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });

      const attached = await value('incident:attachAlerts', {
        id: incident.id,
        alertIds: [alertId('prod', 'l1'), alertId('prod', 'c1')],
      });
      expect(attached.added).toBe(1);
      expect(attached.incident.sourceAlerts.map((a) => a.id)).toEqual([
        alertId('prod', 'c1'),
        alertId('prod', 'l1'),
      ]);
      expect(attached.incident.affectedServices).toEqual(['checkout', 'payments']);
      expect(timelineOf(attached)).toContain('Added to the incident: HighLatency');
      expect(
        (
          await value('incident:attachAlerts', {
            id: incident.id,
            alertIds: [alertId('prod', 'l1')],
          })
        ).added,
      ).toBe(0);

      const gone = await call('incident:attachAlerts', {
        id: incident.id,
        alertIds: ['prod:gone'],
      });
      expect(gone.ok ? undefined : gone.error.code).toBe('not-found');

      am.answer(alertsBody(checkoutAlert));
      await vi.waitFor(async () => {
        await value('source:refresh', { sourceId: 'prod' });
        const { incident: now } = await value('incident:get', { id: incident.id });
        expect(timelineOf({ incident: now })).toContain('Alert resolved: HighLatency');
      }, WAIT);
    });

    it('refuses alert ids it does not know, naming them, and declares nothing', async () => {
      await startWithAlerts({}, checkoutAlert);

      const result = await call('incident:declare', {
        alertIds: [alertId('prod', 'c1'), 'prod:gone', 'other:nope'],
      });

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('not-found');
      expect(result.error.message).toContain('"prod:gone", "other:nope"');
      expect(result.error.issues).toEqual(['prod:gone', 'other:nope']);
      expect((await value('incidents:list', {})).incidents).toEqual([]);
      expect(ofChannel('incident:changed')).toEqual([]);
    });

    it("declares with the product's defaults, and says why, when the team's defaults do not resolve", async () => {
      // Settings may hold this (each field is valid) but it leaves no role at all.
      await startWithAlerts({
        incidents: { omitRoles: ['ic', 'tech-lead', 'comms-lead', 'scribe'] },
      });

      const declared = await value('incident:declare', { title: 'DNS flapping', severity: 'sev2' });

      expect(declared.warning).toMatch(/team's incident defaults in settings could not be used/);
      expect(declared.warning).toMatch(/roles/);
      expect(declared.incident.roles.map((r) => r.id)).toEqual([
        'ic',
        'tech-lead',
        'comms-lead',
        'scribe',
      ]);
    });

    it('saves the profile and the team defaults, and uses them for the next incident', async () => {
      await startWithAlerts();

      const saved = await value('settings:update', {
        profile: { name: 'Ana Lima', timeZone: 'Europe/Lisbon' },
        incidents: { statusCadenceMinutes: { sev2: 20 } },
      });
      expect(saved.settings.profile).toEqual({ name: 'Ana Lima', timeZone: 'Europe/Lisbon' });
      const onDisk = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
      expect(onDisk.profile).toEqual({ name: 'Ana Lima', timeZone: 'Europe/Lisbon' });
      expect(onDisk.incidents).toEqual({ statusCadenceMinutes: { sev2: 20 } });

      const { incident } = await value('incident:declare', {
        title: 'Slow search',
        severity: 'sev2',
      });
      expect(incident.createdBy).toBe('Ana Lima');
      expect(incident.statusCadenceMinutes).toBe(20);
      expect(incident.nextUpdateDueAt).toBe('2026-03-01T02:20:00.000Z');
      // 02:00 UTC is already the 1st in Lisbon; the channel carries the local date.
      expect(incident.channel).toContain('20260301');
    });

    it('applies a change as the profile person; a refused close says what is missing and changes nothing', async () => {
      await startWithAlerts({ profile: { name: 'Ana' } });
      const { incident } = await value('incident:declare', { title: 'Checkout', severity: 'sev2' });
      now = new Date(NOW.getTime() + 60_000);

      const added = await value('incident:apply', {
        id: incident.id,
        op: { type: 'timeline.add', args: { text: 'Rolled back', time: '02:00:30' } },
      });
      expect(added.changed).toBe(true);
      expect(added.incident.timeline.find((e) => e.id === added.createdId)).toMatchObject({
        text: 'Rolled back',
        author: 'Ana',
        at: '2026-03-01T02:00:30.000Z',
      });
      expect(ofChannel('incident:changed').at(-1)?.payload).toEqual({ incident: added.incident });
      const eventsBefore = events.length;
      const fileBefore = fs.readFileSync(journalOf(incident.id));

      const refused = await call('incident:apply', {
        id: incident.id,
        op: { type: 'lifecycle.set', args: { status: 'closed' } },
      });

      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('bad-request');
      expect(refused.error.message).toMatch(/cannot be closed yet/);
      expect(refused.error.issues).toContain('closure.root-cause: The root cause is understood');
      expect(fs.readFileSync(journalOf(incident.id)).equals(fileBefore)).toBe(true);
      expect(events).toHaveLength(eventsBefore);
      expect((await value('incident:get', { id: incident.id })).incident).toEqual(added.incident);

      const missing = await call('incident:apply', {
        id: 'inc-20990101-000000-0000',
        op: { type: 'timeline.add', args: { text: 'x' } },
      });
      expect(missing.ok ? 'applied' : missing.error.code).toBe('not-found');
      const noItem = await call('incident:apply', {
        id: incident.id,
        op: { type: 'check.tick', args: { itemId: 'no.such-item' } },
      });
      expect(noItem.ok ? 'applied' : noItem.error.code).toBe('not-found');
    });

    it('keeps every incident and change across a restart of the services', async () => {
      await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert);
      const first = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });
      now = new Date(NOW.getTime() + 60_000);
      const second = await value('incident:declare', { title: 'Slow search', severity: 'sev3' });
      for (const [minute, text] of [
        [2, 'Rolled back checkout'],
        [3, 'Error rate falling'],
      ] as const) {
        now = new Date(NOW.getTime() + minute * 60_000);
        await value('incident:apply', {
          id: first.incident.id,
          op: { type: 'timeline.add', args: { text } },
        });
      }
      now = new Date(NOW.getTime() + 4 * 60_000);
      await value('incident:apply', {
        id: first.incident.id,
        op: { type: 'role.assign', args: { roleId: 'ic', holder: 'Bo' } },
      });
      const before = await value('incidents:list', {});
      const firstBefore = await value('incident:get', { id: first.incident.id });
      await services?.stop();

      startApp(null);
      stopped = false;

      const after = await value('incidents:list', {});
      expect(after).toEqual(before);
      expect(after.incidents.map((i) => i.id)).toEqual([first.incident.id, second.incident.id]);
      expect(after.incidents[0]?.commander).toBe('Bo');
      const firstAfter = await value('incident:get', { id: first.incident.id });
      expect(firstAfter).toEqual(firstBefore);
      expect(timelineOf(firstAfter)).toEqual([
        'Alert fired: HighErrorRate',
        'Declared SEV1: HighErrorRate',
        'Rolled back checkout',
        'Error rate falling',
        'Incident Commander: Bo',
      ]);
    });

    it('dismisses a record problem: hidden and pushed, the record untouched, still unavailable', async () => {
      startApp({});
      const { incident } = await value('incident:declare', { title: 'Damaged', severity: 'sev2' });
      await services?.stop();
      const damaged = fs.readFileSync(journalOf(incident.id));
      damaged[12] = (damaged[12] as number) ^ 0x04; // the header's CRC fails
      fs.writeFileSync(journalOf(incident.id), damaged);

      startApp(null);
      stopped = false;
      const [problem] = (await value('incidents:list', {})).problems;
      expect(problem).toMatchObject({ incidentId: incident.id, unreadable: true });
      const unknown = await call('incidents:dismissProblem', { id: `${problem?.id ?? ''}:other` });
      expect(unknown.ok ? 'dismissed' : unknown.error.code).toBe('not-found');
      events = [];

      const answer = await value('incidents:dismissProblem', { id: problem?.id ?? '' });

      expect(answer.problems).toEqual([]);
      expect(ofChannel('incidents:changed').at(-1)?.payload).toEqual(answer);
      expect(await value('incidents:list', {})).toEqual(answer);
      const get = await call('incident:get', { id: incident.id });
      expect(get.ok ? 'opened' : get.error).toEqual({
        code: 'unavailable',
        message: problem?.message,
      });
      expect(fs.readFileSync(journalOf(incident.id)).equals(damaged)).toBe(true);
    });

    it('lists the runbooks of the alerts an incident came from, or of its services', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-incident-runbooks-'));
      extraCleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      fs.cpSync(RUNBOOK_FIXTURES, dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'search.md'),
        '---\ntitle: Search service\nmatch:\n  service: search\n---\n\n1. Check the index\n',
      );
      await startWithAlerts({ runbooks: { dir } }, checkoutAlert);

      const fromAlert = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });
      const scratch = await value('incident:declare', {
        title: 'Search is slow',
        severity: 'sev3',
        affectedServices: ['search', 'web'],
      });
      const none = await value('incident:declare', { title: 'Odd noise', severity: 'sev4' });

      const ids = async (incidentId: string) =>
        (await value('runbooks:forIncident', { incidentId })).runbooks.map((r) => r.id);
      expect(await ids(fromAlert.incident.id)).toEqual([
        'checkout/high-error-rate.md',
        'high-error-rate.md',
      ]);
      expect(await ids(scratch.incident.id)).toEqual(['search.md']);
      expect(await ids(none.incident.id)).toEqual([]);
      const unknown = await call('runbooks:forIncident', { incidentId: 'inc-nope' });
      expect(unknown.ok ? 'found' : unknown.error.code).toBe('not-found');
    });

    it('reminds once when a status update falls due', async () => {
      await startWithAlerts();
      await value('incident:declare', { title: 'Checkout errors', severity: 'sev2' });

      now = new Date(NOW.getTime() + 29 * 60_000);
      services?.refreshAll();
      await value('incidents:list', {});
      now = new Date(NOW.getTime() + 31 * 60_000);
      services?.refreshAll();

      await vi.waitFor(
        () => expect(titles()).toContain('Status update due: Checkout errors'),
        WAIT,
      );
      services?.refreshAll();
      await value('incidents:list', {});
      expect(titles().filter((t) => t.startsWith('Status update due'))).toHaveLength(1);
      expect(shown.find((n) => n.title.startsWith('Status update'))?.body).toBe(
        '1 min late. Updates for this SEV2 incident go out every 30 min.',
      );
    });
  });
});
