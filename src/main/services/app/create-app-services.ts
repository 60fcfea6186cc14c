import {
  resolveRunbookUrl,
  runbookUrlAnnotation,
  summariseRunbook,
} from '../../../shared/domain/runbook';
import { safeExternalUrl } from '../../../shared/ipc/link-guard';
import type { InvokeHandlers } from '../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../shared/ipc/result';
import type { Clock } from '../clock/clock';
import { createAlertNotifier } from '../notify/alert-notification-policy';
import type { Notifier } from '../notify/notifier';
import { createSourceHealthNotifier } from '../notify/source-health-notification-policy';
import { createRunbookFolderManager } from '../runbooks/runbook-folder-manager';
import type { SettingsStore } from '../settings/settings-store';
import { createSourceManager, type AlertsChange } from '../sources/source-manager';
import type { AppLog } from './app-log';
import type { EventSink } from './event-sink';

/** What each shell hands the services: its adapters for the outside world. */
export interface AppServicesOptions {
  mode: 'electron' | 'browser';
  version: string;
  /** The directory that holds all state. */
  home: string;
  clock: Clock;
  notifier: Notifier;
  settingsStore: SettingsStore;
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
  /** Poll every source now (after the machine wakes from sleep, for example). */
  refreshAll(): void;
  /** Firing alerts right now, for the tray. */
  firingCount(): number;
  stop(): Promise<void>;
}

/**
 * The composition root: wires settings, sources, notifications and runbooks together and
 * implements the IPC contract on top of them. Both shells call this and differ only in their
 * adapters.
 * @param options - the shell's adapters
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { settingsStore, emit, log, clock } = options;
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

  const onAlertsChanged = (change: AlertsChange): void => {
    emit('alerts:changed', {
      alerts: change.alerts,
      added: change.added.map((a) => a.id),
      resolved: change.resolved.map((a) => a.id),
    });
    void alertNotifier.onAlertsChanged(change);
  };

  const sources = createSourceManager({
    clock,
    random: options.random,
    severity: () => {
      const { severityScale, severityWords } = settings();
      return { severityScale, severityWords };
    },
    onAlertsChanged,
    onStatus: (status) => {
      emit('source:status', status);
      void healthNotifier.onStatus(status);
    },
    log,
  });

  // The runbook folder follows the settings; its changes go to the renderer as they happen.
  const runbookFolder = createRunbookFolderManager({
    log,
    onChange: (list) => emit('runbooks:changed', list),
  });

  let unsubscribe: (() => void) | undefined;

  const handlers: InvokeHandlers = {
    'app:info': async () => ({ mode: options.mode, version: options.version, home: options.home }),
    'alerts:list': async () => ({ alerts: sources.alerts() }),
    'sources:list': async () => ({ sources: sources.statuses() }),
    'source:refresh': async ({ sourceId }) => {
      if (!sources.refresh(sourceId)) {
        throw new IpcFailure(
          'not-found',
          `No enabled source has the id "${sourceId}". Check the source list in Settings.`,
        );
      }
      return { sourceId };
    },
    'settings:get': async () => settingsStore.view(),
    // The store tells every listener, including ours below, which reconfigures the sources.
    'settings:update': async (patch) => settingsStore.update(patch),
    'notifications:test': async () => alertNotifier.sendTest(),
    'runbooks:list': async () => {
      await runbookFolder.settled();
      return runbookFolder.list();
    },
    'runbook:get': async ({ id }) => {
      await runbookFolder.settled();
      const runbook = runbookFolder.library()?.get(id);
      if (runbook === undefined) {
        throw new IpcFailure(
          'not-found',
          runbookFolder.list().dir === undefined
            ? 'No runbook folder is chosen. Choose one in Settings.'
            : `The runbook folder has no runbook "${id}"; it may have been moved or deleted.`,
        );
      }
      return { runbook };
    },
    'runbooks:forAlert': async ({ alertId }) => {
      const alert = sources.alerts().find((a) => a.id === alertId);
      if (alert === undefined) {
        throw new IpcFailure('not-found', `No alert has the id "${alertId}"; it may be gone.`);
      }
      await runbookFolder.settled();
      const library = runbookFolder.library();
      const runbooks = (library?.forAlert(alert.labels) ?? []).map(summariseRunbook);
      const link = runbookUrlAnnotation(alert.annotations);
      if (link === undefined) return { runbooks };
      const runbookUrl = library
        ? library.resolveUrl(link.value)
        : // No folder chosen (or it could not be opened): http(s) still opens; a path cannot.
          resolveRunbookUrl(link.value, undefined);
      return { runbooks, runbookUrl };
    },
    'link:open': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) {
        throw new IpcFailure('bad-request', 'Only http:// and https:// links can be opened.');
      }
      return { opened: await options.openExternal(safe) };
    },
  };

  return {
    handlers,
    start() {
      unsubscribe = settingsStore.onChange((view) => {
        sources.configure(view.settings.sources);
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
      sources.configure(view.settings.sources);
      runbookFolder.configure(view.settings.runbooks.dir);
    },
    refreshAll() {
      for (const status of sources.statuses()) sources.refresh(status.sourceId);
    },
    firingCount() {
      return sources.alerts().filter((a) => a.status === 'firing').length;
    },
    async stop() {
      unsubscribe?.();
      sources.stop();
      runbookFolder.close();
      settingsStore.close();
    },
  };
}
