import { Subject, type Subscription } from 'rxjs';
import type { Alert } from '../../../shared/domain/alert';
import type { AlertDiff } from '../../../shared/domain/alert-diff';
import { sortAlerts } from '../../../shared/domain/alert-order';
import { defaultSource, type SourceConfig, type SourceStatus } from '../../../shared/domain/source';
import type { Clock } from '../clock/clock';
import { pollEvery } from '../poller/poll-every';
import type { PollOutcome } from '../poller/poll-outcome';
import { advanceSnapshot, countOpen, pruneResolved } from './alert-snapshot';
import type { SeverityMapping } from './alertmanager-normalise';
import { alertmanagerPoll } from './alertmanager-source';
import { initialStatus, sameStatus, statusAfter } from './source-status';

/** The alert list after a change, and which alerts the change concerned. */
export interface AlertsChange {
  /** Every known alert, all sources, in list order. */
  readonly alerts: Alert[];
  readonly added: Alert[];
  readonly changed: Alert[];
  readonly resolved: Alert[];
}

/** Where the source manager writes what an operator may want to read later. */
export type SourceLog = (level: 'info' | 'warn' | 'error', message: string) => void;

/** What the source manager needs; see {@link createSourceManager}. */
export interface SourceManagerOptions {
  readonly clock: Clock;
  /** A draw in [0, 1) for backoff jitter; Math.random by default. */
  readonly random?: () => number;
  /** The current severity vocabulary, read on every poll. */
  readonly severity: () => SeverityMapping;
  /** Called only when the alert list changed. */
  readonly onAlertsChanged: (change: AlertsChange) => void;
  /** Called whenever one source's status changed. */
  readonly onStatus: (status: SourceStatus) => void;
  readonly log?: SourceLog;
}

/** Owns every configured source: polls each, keeps its alerts and reports changes. */
export interface SourceManager {
  /** Watch these sources (the default Alertmanager address when the list is empty). */
  configure(sources: readonly SourceConfig[]): void;
  /** Poll a source now; false when no enabled source has this id. */
  refresh(sourceId: string): boolean;
  /** Every known alert, all sources, in list order. */
  alerts(): Alert[];
  /** Every watched source's status, in configuration order. */
  statuses(): SourceStatus[];
  /** Stop polling everything and forget all sources and alerts. */
  stop(): void;
}

/** The longest wait between attempts while a source keeps failing. */
export const MAX_BACKOFF_MS = 2 * 60 * 1000;

/** The shortest wait between attempts, however the jitter falls. */
export const BACKOFF_FLOOR_MS = 1000;

/**
 * The poller's own deadline sits past the client's, so the client's readable "no answer within
 * 10 s" is what the user sees; the poller's only catches a poll that ignores its abort signal.
 */
const POLLER_GRACE_MS = 2000;

// The list changed without any alert changing: a source was removed or resolved alerts aged out.
const NO_DIFF: AlertDiff = { added: [], changed: [], resolved: [] };

interface Runner {
  config: SourceConfig;
  readonly isDefault: boolean;
  snapshot: ReadonlyMap<string, Alert>;
  status: SourceStatus;
  readonly refresh$: Subject<void>;
  subscription?: Subscription;
}

/**
 * Create the source manager. Nothing is polled until {@link SourceManager.configure}.
 * @param options - clock, jitter, severity mapping, callbacks and log
 */
export function createSourceManager(options: SourceManagerOptions): SourceManager {
  const random = options.random ?? Math.random;
  const log: SourceLog = options.log ?? (() => {});
  let runners = new Map<string, Runner>();

  // A throwing callback must not stop a source's polling, nor reach another source.
  const safely = (what: string, call: () => void) => {
    try {
      call();
    } catch (error) {
      log('error', `${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const allAlerts = () =>
    sortAlerts([...runners.values()].flatMap((r) => [...r.snapshot.values()]));

  const publish = (diff: AlertDiff) =>
    safely('onAlertsChanged', () =>
      options.onAlertsChanged({
        alerts: allAlerts(),
        added: [...diff.added],
        changed: [...diff.changed],
        resolved: [...diff.resolved],
      }),
    );

  const setStatus = (runner: Runner, status: SourceStatus) => {
    const before = runner.status;
    if (sameStatus(before, status)) return;
    runner.status = status;
    if (
      status.health === 'failing' &&
      (before.health !== 'failing' || before.reason !== status.reason)
    ) {
      log('warn', `${status.name}: ${status.reason ?? 'failing'}`);
    } else if (status.health === 'ok' && before.health === 'failing') {
      log('info', `${status.name}: answering again after ${before.failures} failed polls`);
    }
    safely('onStatus', () => options.onStatus(status));
  };

  const onOutcome = (runner: Runner, outcome: PollOutcome<Alert[]>) => {
    if (runners.get(runner.config.id) !== runner) return; // reconfigured meanwhile
    if (outcome.ok) {
      const step = advanceSnapshot(runner.snapshot, outcome.value, outcome.at);
      runner.snapshot = step.snapshot;
      if (step.listChanged) publish(step.diff);
    } else {
      // Keep the last alerts: the network blinking is no reason to empty the list.
      const pruned = pruneResolved(runner.snapshot, outcome.at);
      const aged = pruned !== runner.snapshot;
      runner.snapshot = pruned;
      if (aged) publish(NO_DIFF);
    }
    setStatus(runner, statusAfter(runner.status, outcome, countOpen(runner.snapshot)));
  };

  const start = (runner: Runner) => {
    if (!runner.config.enabled) return;
    const { config } = runner;
    const intervalMs = config.intervalSeconds * 1000;
    runner.subscription = pollEvery({
      fetchOnce: alertmanagerPoll(config, {
        clock: options.clock,
        severity: options.severity,
      }),
      intervalMs,
      timeoutMs: config.timeoutSeconds * 1000 + POLLER_GRACE_MS,
      backoff: {
        baseMs: intervalMs,
        maxMs: Math.max(intervalMs, MAX_BACKOFF_MS),
        floorMs: BACKOFF_FLOOR_MS,
      },
      random,
      clock: options.clock,
      refresh: runner.refresh$,
    }).subscribe((outcome) => onOutcome(runner, outcome));
  };

  const halt = (runner: Runner) => {
    runner.subscription?.unsubscribe();
    runner.refresh$.complete();
  };

  return {
    configure(sources) {
      const wanted: { config: SourceConfig; isDefault: boolean }[] =
        sources.length === 0
          ? [{ config: defaultSource(), isDefault: true }]
          : sources.map((config) => ({ config, isDefault: false }));
      const next = new Map<string, Runner>();
      const started: Runner[] = [];
      const renamed: Runner[] = [];
      let dropped = false;

      for (const { config, isDefault } of wanted) {
        if (next.has(config.id)) {
          log('warn', `source id "${config.id}" appears twice; only the first is watched`);
          continue;
        }
        const current = runners.get(config.id);
        if (current && current.isDefault === isDefault && samePolling(current.config, config)) {
          if (current.config.name !== config.name) renamed.push(current);
          current.config = config;
          next.set(config.id, current);
          continue;
        }
        // Same Alertmanager, new timing: keep its alerts, or every one would be announced again.
        const keep =
          current !== undefined && config.enabled && sameAlertmanager(current.config, config);
        if (current) {
          halt(current);
          if (!keep && current.snapshot.size > 0) dropped = true;
        }
        const snapshot: ReadonlyMap<string, Alert> = keep ? current.snapshot : new Map();
        const runner: Runner = {
          config,
          isDefault,
          snapshot,
          status: { ...initialStatus(config, isDefault), activeAlerts: countOpen(snapshot) },
          refresh$: new Subject<void>(),
        };
        next.set(config.id, runner);
        started.push(runner);
      }
      for (const [id, runner] of runners) {
        if (next.has(id)) continue;
        halt(runner);
        if (runner.snapshot.size > 0) dropped = true;
      }
      runners = next;

      // Alerts of removed sources leave the list; they did not resolve.
      if (dropped) publish(NO_DIFF);
      for (const runner of renamed)
        setStatus(runner, { ...runner.status, name: runner.config.name });
      for (const runner of started) {
        safely('onStatus', () => options.onStatus(runner.status));
        start(runner);
      }
    },

    refresh(sourceId) {
      const runner = runners.get(sourceId);
      if (!runner?.subscription) return false;
      runner.refresh$.next();
      return true;
    },

    alerts: allAlerts,

    statuses: () => [...runners.values()].map((r) => r.status),

    stop() {
      for (const runner of runners.values()) halt(runner);
      runners = new Map();
    },
  };
}

/** Everything that decides how a source is polled, i.e. all but its display name. */
function samePolling(a: SourceConfig, b: SourceConfig): boolean {
  return (
    sameAlertmanager(a, b) &&
    a.intervalSeconds === b.intervalSeconds &&
    a.timeoutSeconds === b.timeoutSeconds &&
    a.enabled === b.enabled
  );
}

function sameAlertmanager(a: SourceConfig, b: SourceConfig): boolean {
  return a.kind === b.kind && a.url === b.url;
}
