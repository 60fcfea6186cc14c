import type { SettingsView } from '../../../shared/ipc/contract';
import type { InvokeHandlers } from '../../../shared/ipc/dispatch';
import type { Clock } from '../clock/clock';
import { incidentOpContext } from '../incidents/incident-op-context';
import { createLazyIncidentStore } from '../incidents/lazy-incident-store';
import { createIncidentPatches } from '../incidents/incident-patches';
import { recordAlertsOnIncidents } from '../incidents/record-alerts-on-incidents';
import { createStatusUpdateReminders } from '../incidents/status-update-reminders';
import { createAckEndingNotifier } from '../notify/ack-ending-notification-policy';
import { createAlertNotifier } from '../notify/alert-notification-policy';
import type { Notifier } from '../notify/notifier';
import { createSourceHealthNotifier } from '../notify/source-health-notification-policy';
import { createRunbookFolderManager } from '../runbooks/runbook-folder-manager';
import { sourceSecretKey, type SecretStore } from '../secrets/secret-store';
import { webhookTokenKey } from '../webhook/webhook-token';
import type { SettingsStore } from '../settings/settings-store';
import { createSourceManager } from '../sources/source-manager';
import { createWebhookService } from '../webhook/webhook-service';
import type { AppLog } from './app-log';
import type { EventSink } from './event-sink';
import { alertHandlers } from './handlers/alert-handlers';
import { appHandlers } from './handlers/app-handlers';
import { credentialHandlers } from './handlers/credential-handlers';
import { incidentHandlers } from './handlers/incident-handlers';
import { incidentPatchHandlers } from './handlers/incident-patch-handlers';
import { runbookHandlers } from './handlers/runbook-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { sourceActionHandlers } from './handlers/source-action-handlers';
import { sourcePreviewHandlers } from './handlers/source-preview-handlers';
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
}

/** The running services of one app instance, the same in both shells. */
export interface AppServices {
  /** One handler per invoke call of the contract; hand them to `createDispatcher`. */
  handlers: InvokeHandlers;
  /** Start watching the configured sources. */
  start(): void;
  /** Poll every source and re-check reminders now (after the machine wakes from sleep, for example). */
  refreshAll(): void;
  /** Firing alerts right now, for the tray. */
  firingCount(): number;
  stop(): Promise<void>;
}

/**
 * The composition root: wires settings, sources, notifications, runbooks and incidents together
 * and hands each feature's handlers (`handlers/`, one module per feature) to the IPC contract.
 * Both shells call this and differ only in their adapters.
 * @param options - the shell's adapters
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { settingsStore, secretStore, emit, log, clock } = options;
  const settings = () => settingsStore.view().settings;
  const alertNotifier = createAlertNotifier({
    notifier: options.notifier,
    settings,
    clock,
    log: (message) => log('warn', message),
  });
  const healthNotifier = createSourceHealthNotifier({
    notifier: options.notifier,
    enabled: () => settings().notifications.enabled,
    log,
  });

  // An acknowledgement of the user's about to lapse while its alert fires: said before it does.
  const ackEnding = createAckEndingNotifier({
    clock,
    notifier: options.notifier,
    enabled: () => settings().notifications.enabled,
    alerts: () => sources.alerts(),
    actor: () => incidentOpContext(settings(), clock.now()).actor,
    log,
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
      void alertNotifier.onAlertsChanged(change);
      void ackEnding.check();
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
  const reminders = createStatusUpdateReminders({
    clock,
    notifier: options.notifier,
    enabled: () => settings().notifications.enabled,
    incidents: () => incidents.current()?.openIncidents() ?? [],
    severityScale: () => settings().severityScale,
    log,
  });
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
      void reminders.check();
    },
    onOpen: (store) => {
      // For a renderer that asked before the incidents were read, and for record problems.
      emit('incidents:changed', store.list());
      void reminders.check();
    },
  });

  const alerts = () => sources.alerts();
  // One line per feature; a missing channel is a compile error through InvokeHandlers.
  const handlers: InvokeHandlers = {
    ...appHandlers(options),
    ...alertHandlers({ sources }),
    ...sourceActionHandlers({
      sources,
      actor: () => incidentOpContext(settings(), clock.now()).actor,
    }),
    ...credentialHandlers({ secrets: secretStore, sources, settings }),
    ...sourcePreviewHandlers({ sources }),
    ...webhookHandlers({ webhooks }),
    ...settingsHandlers({ settingsStore, alertNotifier }),
    ...runbookHandlers({ runbookFolder, alerts, incidents }),
    ...incidentHandlers({ incidents, alerts, settings, clock }),
    ...incidentPatchHandlers({ incidents, patches, settings, clock }),
  };

  let unsubscribe: (() => void) | undefined;

  // A source removed from the settings takes its token with it, also when it was removed from
  // the file while the app was closed. Only usable settings count: a file that could not be
  // read falls back to no sources, which is no reason to forget anyone's token.
  const forgetRemovedSecrets = async (view: SettingsView) => {
    if (view.problem) return;
    // A source's API token and its webhook token both go with it.
    const ids = view.settings.sources.map((s) => s.id);
    const kept = new Set([...ids.map(sourceSecretKey), ...ids.map(webhookTokenKey)]);
    const owned = [sourceSecretKey(''), webhookTokenKey('')];
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

  return {
    handlers,
    start() {
      unsubscribe = settingsStore.onChange((view) => {
        void sweepSecrets(view);
        sources.configure(view.settings.sources);
        void webhooks.configure();
        runbookFolder.configure(view.settings.runbooks.dir);
        emit('settings:changed', view);
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
      void sweepSecrets(view);
      sources.configure(view.settings.sources);
      void webhooks.configure();
      runbookFolder.configure(view.settings.runbooks.dir);
      const store = secretStore.status();
      if (store.warning) log('warn', `Secrets (${store.backend}): ${store.warning}`);
      void ackEnding.check();
      incidents
        .open()
        .catch((error: unknown) =>
          log('error', error instanceof Error ? error.message : String(error)),
        );
    },
    refreshAll() {
      for (const status of sources.statuses()) sources.refresh(status.sourceId);
      void reminders.check();
      void ackEnding.check();
    },
    firingCount() {
      return sources.alerts().filter((a) => a.status === 'firing').length;
    },
    async stop() {
      unsubscribe?.();
      sources.stop();
      await webhooks.close();
      runbookFolder.close();
      reminders.stop();
      ackEnding.stop();
      await incidents.close();
      settingsStore.close();
    },
  };
}
