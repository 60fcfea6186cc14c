import type { Alert } from '../../../shared/domain/alert';
import path from 'node:path';
import { resolveIncidentDefaults } from '../../../shared/domain/incident-defaults';
import {
  resolveRunbookUrl,
  runbookUrlAnnotation,
  summariseRunbook,
} from '../../../shared/domain/runbook';
import { safeExternalUrl } from '../../../shared/ipc/link-guard';
import type { InvokeHandlers } from '../../../shared/ipc/dispatch';
import type { IncidentView } from '../../../shared/ipc/incident-schemas';
import { IpcFailure } from '../../../shared/ipc/result';
import type { Clock } from '../clock/clock';
import { incidentFailure } from '../incidents/incident-failure';
import { incidentOpContext } from '../incidents/incident-op-context';
import { incidentLabelSets, matchRunbooksForAny } from '../incidents/incident-runbooks';
import {
  INCIDENTS_FOLDER,
  openIncidentStore,
  type IncidentStore,
} from '../incidents/incident-store';
import { createStatusUpdateReminders } from '../incidents/status-update-reminders';
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
  /** Poll every source and re-check reminders now (after the machine wakes from sleep, for example). */
  refreshAll(): void;
  /** Firing alerts right now, for the tray. */
  firingCount(): number;
  stop(): Promise<void>;
}

/**
 * The composition root: wires settings, sources, notifications, runbooks and incidents together and
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
    void recordOnIncidents(change);
  };

  // Source alerts resolving (or firing again) go on the timelines of the incidents declared
  // from them, written in the source's name: the person on call did not type them.
  const recordOnIncidents = async (change: AlertsChange): Promise<void> => {
    const count = change.added.length + change.changed.length + change.resolved.length;
    if (!incidentStore || count === 0) return;
    const names = new Map(sources.statuses().map((status) => [status.sourceId, status.name]));
    const bySource = new Map<string, { added: Alert[]; changed: Alert[]; resolved: Alert[] }>();
    const slot = (alert: Alert) => {
      const lists = bySource.get(alert.sourceId) ?? { added: [], changed: [], resolved: [] };
      bySource.set(alert.sourceId, lists);
      return lists;
    };
    change.added.forEach((alert) => slot(alert).added.push(alert));
    change.changed.forEach((alert) => slot(alert).changed.push(alert));
    change.resolved.forEach((alert) => slot(alert).resolved.push(alert));
    for (const [sourceId, lists] of bySource) {
      const actor = names.get(sourceId) ?? sourceId;
      const ctx = { ...incidentOpContext(settings(), clock.now()), actor };
      await incidentStore.recordAlertChanges(lists, ctx);
    }
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

  // Incidents: opened (every journal replayed) when the services start; calls wait for it.
  let incidentStore: IncidentStore | undefined;
  let openingIncidents: Promise<IncidentStore> | undefined;
  const reminders = createStatusUpdateReminders({
    clock,
    notifier: options.notifier,
    enabled: () => settings().notifications.enabled,
    incidents: () => incidentStore?.openIncidents() ?? [],
    severityScale: () => settings().severityScale,
    log,
  });
  // Called by the store once a change is on disk, never before: what is pushed is durable.
  const onIncidentChange = (view: IncidentView | undefined): void => {
    if (view) emit('incident:changed', view);
    if (incidentStore) emit('incidents:changed', incidentStore.list());
    void reminders.check();
  };
  const incidents = (): Promise<IncidentStore> => {
    openingIncidents ??= openIncidentStore({
      home: options.home,
      clock,
      log,
      onChange: onIncidentChange,
    }).then((store) => {
      incidentStore = store;
      // For a renderer that asked before the incidents were read, and for record problems.
      emit('incidents:changed', store.list());
      void reminders.check();
      return store;
    });
    return openingIncidents.catch((error: unknown) => {
      throw new IpcFailure(
        'unavailable',
        `The incidents folder ${path.join(options.home, INCIDENTS_FOLDER)} could not be opened: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    });
  };
  /** Run an incident call, answering refused operations and store failures with their code. */
  const withIncidents = async <T>(run: (store: IncidentStore) => Promise<T> | T): Promise<T> => {
    const store = await incidents();
    try {
      return await run(store);
    } catch (error) {
      throw incidentFailure(error);
    }
  };
  const incidentView = (store: IncidentStore, id: string): IncidentView => {
    const view = store.get(id);
    if (view) return view;
    // Asked of the store, not the list: a dismissed notice leaves the incident unavailable.
    const reason = store.unreadableReason(id);
    throw reason !== undefined
      ? new IpcFailure('unavailable', reason)
      : new IpcFailure('not-found', `There is no incident ${id}.`);
  };

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
    'runbooks:forIncident': async ({ incidentId }) => {
      const { incident } = await withIncidents((store) => incidentView(store, incidentId));
      await runbookFolder.settled();
      const library = runbookFolder.library();
      if (library === undefined) return { runbooks: [] };
      const runbooks = matchRunbooksForAny(library.list(), incidentLabelSets(incident));
      return { runbooks: runbooks.map(summariseRunbook) };
    },
    'incidents:list': async () => withIncidents((store) => store.list()),
    // The store announces the change, so every window's banner loses the notice too.
    'incidents:dismissProblem': async ({ id }) =>
      withIncidents((store) => store.dismissProblem(id)),
    'incident:get': async ({ id }) => withIncidents((store) => incidentView(store, id)),
    'incident:declare': async ({ alertIds, ...request }) => {
      const alerts = currentAlerts(alertIds);
      // A team's broken override never blocks a declaration: the product's defaults stand in.
      const defaults = resolveIncidentDefaults(settings().incidents);
      const view = await withIncidents((store) =>
        store.declare(
          {
            ...request,
            ...(alerts.length > 0 ? { alerts } : {}),
            ...(defaults.ok ? { defaults: defaults.defaults } : {}),
          },
          incidentOpContext(settings(), clock.now()),
        ),
      );
      if (defaults.ok) return view;
      const warning =
        "The team's incident defaults in settings could not be used " +
        `(${defaults.issues.join('; ')}), so this incident started with the product's defaults.`;
      return { ...view, warning: view.warning ? `${view.warning} ${warning}` : warning };
    },
    'incident:attachAlerts': async ({ id, alertIds }) => {
      const alerts = currentAlerts(alertIds);
      return withIncidents((store) =>
        store.attachAlerts(id, alerts, incidentOpContext(settings(), clock.now())),
      );
    },
    'incident:apply': async ({ id, op }) =>
      withIncidents((store) => store.apply(id, op, incidentOpContext(settings(), clock.now()))),
    'link:open': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) {
        throw new IpcFailure('bad-request', 'Only http:// and https:// links can be opened.');
      }
      return { opened: await options.openExternal(safe) };
    },
  };

  /** The current alerts with these ids, in the order given; refused naming any unknown id. */
  function currentAlerts(alertIds: readonly string[] | undefined) {
    const ids = [...new Set(alertIds ?? [])];
    const current = new Map(sources.alerts().map((alert) => [alert.id, alert]));
    const unknown = ids.filter((id) => !current.has(id));
    if (unknown.length > 0) {
      throw new IpcFailure(
        'not-found',
        `No current alert has the id ${unknown.map((id) => `"${id}"`).join(', ')}; it may have ` +
          'resolved or its source been removed. Pick from the alerts shown now.',
        unknown,
      );
    }
    return ids.flatMap((id) => current.get(id) ?? []);
  }

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
      incidents().catch((error: unknown) =>
        log('error', error instanceof Error ? error.message : String(error)),
      );
    },
    refreshAll() {
      for (const status of sources.statuses()) sources.refresh(status.sourceId);
      void reminders.check();
    },
    firingCount() {
      return sources.alerts().filter((a) => a.status === 'firing').length;
    },
    async stop() {
      unsubscribe?.();
      sources.stop();
      runbookFolder.close();
      reminders.stop();
      // Every journal is closed after its pending appends: nothing declared or typed is lost.
      const store = await openingIncidents?.catch(() => undefined);
      await store?.close();
      settingsStore.close();
    },
  };
}
