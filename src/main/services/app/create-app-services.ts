import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Settings } from '../../../shared/domain/settings';
import type { SettingsView } from '../../../shared/ipc/contract';
import type { InvokeHandlers } from '../../../shared/ipc/dispatch';
import type { ShiftFeed } from '../../../shared/schedules/layer-shifts';
import type { Clock } from '../clock/clock';
import { createEscalation } from '../escalation/create-escalation';
import { incidentActor, incidentOpContext } from '../incidents/incident-op-context';
import { createLazyIncidentStore } from '../incidents/lazy-incident-store';
import { createIncidentPatches } from '../incidents/incident-patches';
import { recordAlertsOnIncidents } from '../incidents/record-alerts-on-incidents';
import type { Notifier } from '../notify/notifier';
import { createSourceHealthNotifier } from '../notify/source-health-notification-policy';
import { channelSecretKey } from '../outbound/channel-secret';
import { createOutboundService } from '../outbound/outbound-service';
import { createRunbookFolderManager } from '../runbooks/runbook-folder-manager';
import { createIcsFeeds } from '../schedules/ics-feeds';
import { liftFeedUrls } from '../schedules/lift-feed-urls';
import { createScheduleFeeds, feedSecretKey, icsLayersOf } from '../schedules/schedule-feeds';
import { sourceSecretKey, type SecretStore } from '../secrets/secret-store';
import { webhookTokenKey } from '../webhook/webhook-token';
import type { SettingsStore } from '../settings/settings-store';
import { createSourceManager } from '../sources/source-manager';
import { createSyncService } from '../sync/sync-service';
import { createTrayActions, type TrayActionDeps, type TrayActions } from '../tray/tray-actions';
import type { TrayInput } from '../tray/tray-model';
import { currentTrayInput } from '../tray/tray-state';
import { trayOnCallLine } from '../../../shared/schedules/on-call-text';
import { createWebhookService } from '../webhook/webhook-service';
import type { AppLog } from './app-log';
import type { EventSink } from './event-sink';
import { alarmHandlers } from './handlers/alarm-handlers';
import { doNotDisturbOf } from '../../../shared/escalation/do-not-disturb';
import { alertHandlers } from './handlers/alert-handlers';
import { appHandlers } from './handlers/app-handlers';
import { credentialHandlers } from './handlers/credential-handlers';
import { escalationHandlers } from './handlers/escalation-handlers';
import { incidentHandlers } from './handlers/incident-handlers';
import { outboundHandlers } from './handlers/outbound-handlers';
import { incidentPatchHandlers } from './handlers/incident-patch-handlers';
import { runbookHandlers } from './handlers/runbook-handlers';
import { scheduleFeedHandlers } from './handlers/schedule-feed-handlers';
import { currentOnCall, scheduleHandlers } from './handlers/schedule-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { sourceActionHandlers } from './handlers/source-action-handlers';
import { sourcePreviewHandlers } from './handlers/source-preview-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { webhookHandlers } from './handlers/webhook-handlers';

/** What each shell hands the services: its adapters for the outside world. */
export interface AppServicesOptions {
  mode: 'electron' | 'browser';
  version: string;
  /** The directory that holds all state. */
  home: string;
  clock: Clock;
  notifier: Notifier;
  settingsStore: SettingsStore;
  /** Where sources' tokens live: safeStorage in the shell, a 0600 file in browser mode. */
  secretStore: SecretStore;
  /** Pushes a contract event to the renderer(s). */
  emit: EventSink;
  /** Opens an already-checked http(s) URL outside the app; false when this shell cannot. */
  openExternal: (url: string) => Promise<boolean>;
  log: AppLog;
  /** Jitter source for backoff; Math.random by default. */
  random?: () => number;
  /** A monotonic clock in ms, to notice wall-clock jumps; `performance.now` by default. */
  monotonic?: () => number;
  /** The environment (ONCALL_SYNC_TOKEN); process.env by default. */
  env?: Record<string, string | undefined>;
  /** Reconnect backoff ceiling of team sync (tests shorten it). */
  syncMaxDelayMs?: number;
  /** How long a teammate's unrenewed presence lasts, and the tick that expires it (tests). */
  syncPresenceTimeoutMs?: number;
  syncKeepaliveMs?: number;
  /**
   * The shifts of iCalendar feed layers; by default the feed service (`schedules/ics-feeds.ts`,
   * copies in `<home>/schedules/`) following the feeds the schedules name. Tests replace it.
   */
  shiftFeed?: ShiftFeed;
}

/** The running services of one app instance, the same in both shells. */
export interface AppServices {
  /** One handler per invoke call of the contract; hand them to `createDispatcher`. */
  handlers: InvokeHandlers;
  /** Start watching the configured sources. */
  start(): void;
  /** Poll every source and re-check reminders now (after the machine wakes from sleep, for example). */
  refreshAll(): void;
  /** The machine woke from sleep (powerMonitor 'resume'): every deadline and source re-checked. */
  resume(): void;
  /** What the shell's tray shows and does. */
  tray: TrayFeed;
  /** The settings in use now (the shell registers its global shortcuts from them). */
  settings(): Settings;
  /**
   * The shift feed has new shifts (an iCalendar feed was read again): re-plan the shift
   * reminders and changes, and push `schedules:changed`.
   */
  shiftFeedChanged(): void;
  stop(): Promise<void>;
}

/** The tray's view of the services: its state, told when it may have changed, and its actions. */
export interface TrayFeed {
  /** What the tray shows now. */
  input(): TrayInput;
  /** Call `listener` whenever the alerts, the incidents or the escalation state changed. */
  onChange(listener: () => void): () => void;
  /** The tray's and the shortcut's actions, given the shell's window, quit and report. */
  actions(shell: Pick<TrayActionDeps, 'open' | 'quit' | 'report'>): TrayActions;
}

/**
 * The composition root: wires settings, sources, notifications, runbooks and incidents together
 * and hands each feature's handlers (`handlers/`, one module per feature) to the IPC contract.
 * Both shells call this and differ only in their adapters.
 * @param options - the shell's adapters
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { settingsStore, secretStore, log, clock } = options;
  let stopped = false;
  // A stopped app tells the window nothing: work that was under way at stop() (a poll being
  // cut off, a store still opening under load) ends without an event nobody will show.
  const emit: EventSink = (channel, payload) => {
    if (!stopped) options.emit(channel, payload);
  };
  const settings = () => settingsStore.view().settings;
  // Whether an alert's source has answered since start (or is no longer watched): until then
  // the alert's absence from the list says nothing about it.
  const answered = (alertId: string): boolean => {
    const status = sources.statuses().find((s) => alertId.startsWith(`${s.sourceId}:`));
    return status === undefined || status.lastSuccessAt !== undefined;
  };
  // Only the name: the zone lookup behind a full op context is the first use of ICU at start.
  const me = () => incidentActor(settings());
  // The feeds the schedules name, fetched in the background; a newly read feed re-plans the
  // shift reminders and pushes who is on call.
  const icsFeeds = createIcsFeeds({
    home: options.home,
    clock,
    onChanged: () => services.shiftFeedChanged(),
  });
  const scheduleFeeds = createScheduleFeeds(icsFeeds, secretStore, (message) =>
    log('warn', `Schedules: ${message}`),
  );
  const shiftFeed = options.shiftFeed ?? scheduleFeeds.shiftFeed;
  const onCall = {
    settings,
    me,
    clock,
    feed: shiftFeed,
    feedStatus: (ref: string) => scheduleFeeds.status(ref),
  };
  // Every due thing (my alarm's repeats, status update and acknowledgement reminders) and what
  // was announced, on disk in <home>/escalation/, so a restart neither repeats nor loses one.
  let lastDoNotDisturb = 'null';
  const escalation = createEscalation({
    dir: path.join(options.home, 'escalation'),
    clock,
    monotonic: options.monotonic ?? (() => performance.now()),
    notifier: options.notifier,
    settings,
    alerts: () => sources.alerts(),
    answered,
    incidents: () => incidents.current()?.openIncidents(),
    actor: me,
    log,
    // Schedule levels page whoever the schedules (rotations, feeds) have on call then.
    shiftFeed,
    timeZone: () => settings().profile.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    // At each shift boundary, from the scheduler: the renderer's "On call" line follows.
    onShiftChange: () => onCallChanged(),
    // Each escalation step past "me" pages through the outbound service when it is due.
    deliver: (step, alert) => outbound.deliver(step, alert),
    // The page's alarm (and the shell's) rings while an unacknowledged SEV1 is not snoozed.
    onAlarms: (ringing) => emit('alarm:changed', { ringing }),
    // A step fired or do-not-disturb changed: the tray's icon and toggle follow, and the page's
    // do-not-disturb control when that is what changed (from the tray, a shortcut, the page).
    onWrite: (state) => {
      trayChanged();
      const dnd = JSON.stringify(state.doNotDisturb ?? null);
      if (dnd !== lastDoNotDisturb) {
        lastDoNotDisturb = dnd;
        emit('alarm:doNotDisturbChanged', doNotDisturbOf(state, clock.now()));
      }
    },
  });
  const { alertNotifier } = escalation;
  const trayListeners = new Set<() => void>();
  // Who is on call changed: the renderer's "On call" line and the tray's follow.
  function onCallChanged(): void {
    emit('schedules:changed', currentOnCall(onCall));
    trayChanged();
  }
  function trayChanged(): void {
    for (const listener of trayListeners) listener();
  }
  const healthNotifier = createSourceHealthNotifier({
    notifier: options.notifier,
    enabled: () => settings().notifications.enabled,
    log,
  });

  // Pages to others (escalation levels past "me"), each kept in the outbound record.
  const outbound = createOutboundService({
    home: options.home,
    clock,
    settings,
    secrets: secretStore,
    log,
    onRecord: (entry) => emit('outbound:recorded', entry),
  });

  const sources = createSourceManager({
    clock,
    random: options.random,
    severity: () => {
      const { severityScale, severityWords } = settings();
      return { severityScale, severityWords };
    },
    onAlertsChanged: (change) => {
      emit('alerts:changed', {
        alerts: change.alerts,
        added: change.added.map((a) => a.id),
        resolved: change.resolved.map((a) => a.id),
      });
      void escalation.alertsChanged(change);
      trayChanged();
      // A PagerDuty alert this app triggered is acknowledged there once it stops escalating
      // here, and resolved there when its alert resolves here or is gone after a restart (it
      // resolved while the app was not running, or a crash cut its resolve off): the record,
      // not this change, says what is still open there.
      void outbound.acknowledgeAcked(change.alerts);
      void outbound.resolveGone(change.alerts, answered);
      // Only incidents already open can follow an alert: the routing never opens the store.
      const store = incidents.current();
      if (store) {
        void recordAlertsOnIncidents(store, change, {
          sources: () => sources.statuses(),
          context: () => incidentOpContext(settings(), clock.now()),
        });
      }
    },
    onStatus: (status) => {
      emit('source:status', status);
      void healthNotifier.onStatus(status);
    },
    secret: (sourceId) => secretStore.get(sourceSecretKey(sourceId)),
    log,
  });

  // The webhook receiver follows the settings: it listens only while a source takes pushes.
  const webhooks = createWebhookService({
    settings,
    secrets: secretStore,
    sources,
    log,
  });

  // The runbook folder follows the settings; its changes go to the renderer as they happen.
  const runbookFolder = createRunbookFolderManager({
    log,
    onChange: (list) => emit('runbooks:changed', list),
  });

  // Incidents: opened (every journal replayed) when the services start; calls wait for it.
  const patches = createIncidentPatches();
  const incidents = createLazyIncidentStore({
    home: options.home,
    clock,
    log,
    // Called by the store once a change is on disk, never before: what is pushed is durable.
    onChange: (view) => {
      // Only what changed goes: a long incident's whole timeline on every line was the slow part.
      if (view) emit('incident:patched', patches.next(view));
      const store = incidents.current();
      if (store) emit('incidents:changed', store.list());
      void escalation.incidentsChanged();
      trayChanged();
      sync.incidentsChanged(view);
    },
    onOpen: (store) => {
      // For a renderer that asked before the incidents were read, and for record problems.
      emit('incidents:changed', store.list());
      void escalation.incidentsChanged();
      trayChanged();
      sync.incidentsChanged();
    },
  });

  // Team sync joins each incident's document (the one the store journals) with the team's server.
  const sync = createSyncService({
    settings,
    secrets: secretStore,
    env: options.env ?? process.env,
    clock,
    log,
    incidents: () => incidents.current(),
    fallbackName: me,
    onChange: (view) => emit('sync:changed', view),
    onPresence: (view) => emit('presence:changed', view),
    maxDelayMs: options.syncMaxDelayMs,
    presenceTimeoutMs: options.syncPresenceTimeoutMs,
    keepaliveMs: options.syncKeepaliveMs,
  });

  const alerts = () => sources.alerts();
  const tray: TrayFeed = {
    input: () =>
      currentTrayInput(
        {
          alerts,
          scheduler: () => escalation.scheduler.state(),
          incidents: () => incidents.current()?.list().incidents,
          settings,
          onCallNow: () => trayOnCallLine(currentOnCall(onCall)),
        },
        clock.now(),
      ),
    onChange(listener) {
      trayListeners.add(listener);
      return () => trayListeners.delete(listener);
    },
    actions: (shell) => createTrayActions({ sources, escalation, alerts, actor: me, ...shell }),
  };
  // One line per feature; a missing channel is a compile error through InvokeHandlers.
  const handlers: InvokeHandlers = {
    ...appHandlers(options),
    ...alertHandlers({ sources }),
    ...sourceActionHandlers({
      sources,
      actor: me,
    }),
    ...credentialHandlers({ secrets: secretStore, sources, settings }),
    ...sourcePreviewHandlers({ sources }),
    ...webhookHandlers({ webhooks }),
    ...settingsHandlers({ settingsStore, alertNotifier }),
    ...alarmHandlers({
      escalation,
      // Once the scheduler's file is read (the page may ask before the app has opened it).
      doNotDisturbNow: async () => {
        await escalation.deadlines();
        return doNotDisturbOf(escalation.scheduler.state(), clock.now());
      },
      now: () => clock.now(),
    }),
    ...runbookHandlers({ runbookFolder, alerts, incidents }),
    ...incidentHandlers({ incidents, alerts, settings, clock }),
    ...outboundHandlers({ secrets: secretStore, outbound, settings }),
    ...syncHandlers({ sync, openIncidents: () => incidents.open() }),
    ...incidentPatchHandlers({ incidents, patches, settings, clock }),
    ...escalationHandlers({ escalation, outbound, settings, alerts }),
    ...scheduleHandlers(onCall),
    ...scheduleFeedHandlers({
      secrets: secretStore,
      settings,
      feedsChanged: async () => {
        await scheduleFeeds.configure(settings().schedules.list);
        onCallChanged();
      },
      readFeed: (feed) => scheduleFeeds.read(feed),
    }),
  };

  let unsubscribe: (() => void) | undefined;

  // A source removed from the settings takes its token with it, also when it was removed from
  // the file while the app was closed. Only usable settings count: a file that could not be
  // read falls back to no sources, which is no reason to forget anyone's token.
  const forgetRemovedSecrets = async (view: SettingsView) => {
    if (view.problem) return;
    // A source's API token and its webhook token both go with it.
    const ids = view.settings.sources.map((s) => s.id);
    // So does a removed outbound channel its URL or routing key.
    const channels = view.settings.escalation.channels.map((c) => channelSecretKey(c.id));
    // And a removed feed layer its feed's URL.
    const feeds = icsLayersOf(view.settings.schedules.list).flatMap((l) =>
      l.feed === undefined ? [] : [feedSecretKey(l.feed)],
    );
    const kept = new Set([
      ...ids.map(sourceSecretKey),
      ...ids.map(webhookTokenKey),
      ...channels,
      ...feeds,
    ]);
    const owned = [
      sourceSecretKey(''),
      webhookTokenKey(''),
      channelSecretKey(''),
      feedSecretKey(''),
    ];
    for (const key of await secretStore.keys()) {
      if (owned.some((prefix) => key.startsWith(prefix)) && !kept.has(key)) {
        await secretStore.delete(key);
      }
    }
  };
  const sweepSecrets = (view: SettingsView) =>
    forgetRemovedSecrets(view).catch((error: unknown) =>
      log(
        'warn',
        `Secrets: the token of a removed source could not be deleted: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  // Secret housekeeping one step at a time, each with the settings as they are when it runs:
  // a sweep that read older settings would delete a feed URL just moved or just stored.
  let housekeeping: Promise<unknown> = Promise.resolve();
  const keepSecrets = () => {
    housekeeping = housekeeping.then(async () => {
      // Plain feed URLs in the settings go to the secret store; the settings change that
      // follows sweeps after it.
      const moved = await liftFeedUrls(settingsStore.view(), secretStore, settingsStore).catch(
        (error: unknown) => {
          log(
            'warn',
            `Schedules: a feed's URL stays in settings.json, the secret store did not take it: ${error instanceof Error ? error.message : String(error)}`,
          );
          return false;
        },
      );
      if (!moved) await sweepSecrets(settingsStore.view());
    });
  };

  const services: AppServices = {
    handlers,
    start() {
      unsubscribe = settingsStore.onChange((view) => {
        keepSecrets();
        sources.configure(view.settings.sources);
        void webhooks.configure();
        runbookFolder.configure(view.settings.runbooks.dir);
        void sync.configure();
        emit('settings:changed', view);
        // Edited schedules or another profile name: new reminders and handoffs, a new summary.
        void escalation.schedulesChanged();
        onCallChanged();
        // Settings that could not be read name no schedules: no reason to drop a feed's copy.
        if (!view.problem) void scheduleFeeds.configure(view.settings.schedules.list);
        // A removed source sends no status of its own; send the whole current list instead.
        for (const status of sources.statuses()) emit('source:status', status);
      });
      const view = settingsStore.view();
      if (view.problem) {
        log(
          'warn',
          `Settings: ${view.problem.file} was not usable: ${view.problem.issues.join('; ')}`,
        );
      }
      keepSecrets();
      sources.configure(view.settings.sources);
      void webhooks.configure();
      runbookFolder.configure(view.settings.runbooks.dir);
      void sync.configure();
      if (!view.problem) void scheduleFeeds.configure(view.settings.schedules.list);
      const store = secretStore.status();
      if (store.warning) log('warn', `Secrets (${store.backend}): ${store.warning}`);
      // After the sources are configured, so a deadline of an alert waits for its source.
      void escalation.open();
      incidents
        .open()
        .catch((error: unknown) =>
          log('error', error instanceof Error ? error.message : String(error)),
        );
    },
    refreshAll() {
      // A wake-up or a window's reload can still call in after stop(): a stopped app does nothing.
      if (stopped) return;
      for (const status of sources.statuses()) sources.refresh(status.sourceId);
      void escalation.recheck();
    },
    resume() {
      if (stopped) return;
      for (const status of sources.statuses()) sources.refresh(status.sourceId);
      void escalation.resume();
    },
    tray,
    settings,
    shiftFeedChanged() {
      if (stopped) return;
      void escalation.schedulesChanged();
      onCallChanged();
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      // A feed URL being moved into the secret store finishes first.
      await housekeeping;
      sources.stop();
      await webhooks.close();
      runbookFolder.close();
      // Before the store closes the documents the providers are attached to.
      sync.close();
      await escalation.close();
      await scheduleFeeds.close();
      await outbound.close();
      await incidents.close();
      settingsStore.close();
    },
  };
  return services;
}
