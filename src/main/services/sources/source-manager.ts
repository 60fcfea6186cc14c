import { Subject, type Subscription } from 'rxjs';
import type { Alert } from '../../../shared/domain/alert';
import type { AlertAction, AlertActionResult } from '../../../shared/domain/alert-action';
import type { AlertDiff } from '../../../shared/domain/alert-diff';
import { sortAlerts } from '../../../shared/domain/alert-order';
import { defaultSource, type SourceConfig, type SourceStatus } from '../../../shared/domain/source';
import type { SourcePreview } from '../../../shared/domain/source-preview';
import type { Clock } from '../clock/clock';
import { pollEvery } from '../poller/poll-every';
import { maskSecret } from '../secrets/secret-store';
import type { PollOutcome } from '../poller/poll-outcome';
import { adapterFor } from './adapters/source-adapters';
import { advanceSnapshot, countOpen, pruneResolved } from './alert-snapshot';
import { foldPushedAlerts, overlayNewerPushes } from './pushed-alerts';
import type { SeverityMapping } from './alertmanager-normalise';
import {
  pollReport,
  type AdapterContext,
  type PollReport,
  type PushReading,
} from './source-adapter';
import { SourceError } from './source-error';
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
  /** A source's credential from the secret store; none by default. */
  readonly secret?: (sourceId: string) => Promise<string | undefined>;
  readonly log?: SourceLog;
}

/** What one poll of a source's settings returned, for "Test connection". */
export type SourceTestResult =
  { readonly ok: true; readonly alerts: Alert[] } | { readonly ok: false; readonly error: string };

/** Owns every configured source: polls each, keeps its alerts and reports changes. */
export interface SourceManager {
  /** Watch these sources (the default Alertmanager address when the list is empty). */
  configure(sources: readonly SourceConfig[]): void;
  /** Poll a source now; false when no enabled source has this id. */
  refresh(sourceId: string): boolean;
  /**
   * Fold alerts a source pushed (Alertmanager's webhook) into its list and publish only what
   * changed; the next poll's full list stays the truth. False when no enabled source has this
   * id (nothing is kept).
   */
  ingest(sourceId: string, alerts: readonly Alert[]): boolean;
  /**
   * Read a body a source pushed with its kind's adapter: validated and normalised as a poll
   * would, not yet kept (see {@link SourceManager.ingest}). Refused with the reason when no
   * watched source with this id takes pushes.
   */
  readPush(sourceId: string, body: unknown): PushReading;
  /** Every known alert, all sources, in list order. */
  alerts(): Alert[];
  /** Every watched source's status, in configuration order. */
  statuses(): SourceStatus[];
  /**
   * Carry out an action on alerts at their sources (an acknowledge, a silence, …), then poll
   * those sources at once so the list shows what the source now says. One result per alert.
   */
  act(
    alertIds: readonly string[],
    action: AlertAction,
    actor: string,
  ): Promise<AlertActionResult[]>;
  /**
   * Poll these settings once without watching them: what "Test connection" shows.
   * @param secret - a credential typed but not saved yet; else the stored one is used
   */
  test(config: SourceConfig, secret?: string): Promise<SourceTestResult>;
  /**
   * The source's credential was stored or removed: show it (masked) in the status and poll at
   * once with it. False when no source has this id.
   */
  credentialChanged(sourceId: string): Promise<boolean>;
  /**
   * Fetch these settings' answer once and show what their field mapping makes of it: the live
   * preview in Settings. Kinds without a mapping answer that they have none.
   * @param secret - a credential typed but not saved yet; else the stored one is used
   */
  preview(config: SourceConfig, secret?: string): Promise<SourcePreview>;
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
  /** Counts pushes, so a poll can tell which pushes arrived after it started. */
  pushes: number;
  /** The push count at which each pushed alert was last decided by a push. */
  readonly pushedAt: Map<string, number>;
}

/** One poll's alerts, and how many pushes the source had seen when the poll started. */
interface PollResult {
  readonly report: PollReport;
  readonly pushesAtStart: number;
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

  const onOutcome = (runner: Runner, outcome: PollOutcome<PollResult>) => {
    if (runners.get(runner.config.id) !== runner) return; // reconfigured meanwhile
    if (outcome.ok) {
      const { report, pushesAtStart } = outcome.value;
      // A push that arrived while this poll was under way is newer than its answer.
      const newer = new Set<string>();
      for (const [id, at] of runner.pushedAt) {
        if (at > pushesAtStart) newer.add(id);
        else runner.pushedAt.delete(id);
      }
      const fetched = overlayNewerPushes(report.alerts, runner.snapshot, newer);
      const step = advanceSnapshot(runner.snapshot, fetched, outcome.at);
      runner.snapshot = step.snapshot;
      if (step.listChanged) publish(step.diff);
    } else {
      // Keep the last alerts: the network blinking is no reason to empty the list.
      const pruned = pruneResolved(runner.snapshot, outcome.at);
      const aged = pruned !== runner.snapshot;
      runner.snapshot = pruned;
      if (aged) publish(NO_DIFF);
    }
    const warning = outcome.ok ? outcome.value.report.warning : undefined;
    setStatus(runner, statusAfter(runner.status, outcome, countOpen(runner.snapshot), warning));
  };

  // The last notice of each source, so a poll every 15 s does not repeat it in the log.
  const notices = new Map<string, string>();

  const context = (config: SourceConfig, secret?: string): AdapterContext => ({
    clock: options.clock,
    // A source's own words win over the team's: it speaks its own vocabulary.
    severity: () => {
      const team = options.severity();
      return { ...team, severityWords: { ...team.severityWords, ...config.severityWords } };
    },
    secret: async () => secret ?? (await options.secret?.(config.id)),
    notice: (message) => {
      if (notices.get(config.id) === message) return;
      notices.set(config.id, message);
      log('warn', `${config.name}: ${message}`);
    },
  });

  // The status shows whether a credential is stored (masked), for kinds that take one; a store
  // that cannot be read shows as "not set" and the poll's own error says why.
  const showCredential = async (runner: Runner) => {
    const { config } = runner;
    if (!adapterFor(config).usesCredential(config)) return;
    let secret: string | undefined;
    try {
      secret = await options.secret?.(config.id);
    } catch (error) {
      log('warn', `${config.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (runners.get(config.id) !== runner) return; // reconfigured meanwhile
    setStatus(runner, {
      ...runner.status,
      credential: secret ? { set: true, hint: maskSecret(secret) } : { set: false },
    });
  };

  // One try of unsaved settings, bounded like a poll: "Test connection" and the preview.
  const once = async <T>(
    config: SourceConfig,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new SourceError('timeout', 'no answer in time')),
      config.timeoutSeconds * 1000 + POLLER_GRACE_MS,
    );
    try {
      return await run(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };

  // Stopping the manager abandons actions under way rather than leaving them to finish late.
  let stopping = new AbortController();

  const start = (runner: Runner) => {
    if (!runner.config.enabled) return;
    const { config } = runner;
    const intervalMs = config.intervalSeconds * 1000;
    const poll = adapterFor(config).poll(config, context(config));
    runner.subscription = pollEvery<PollResult>({
      fetchOnce: async (signal) => {
        const pushesAtStart = runner.pushes;
        return { report: pollReport(await poll(signal)), pushesAtStart };
      },
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
        // Same peer, new timing: keep its alerts, or every one would be announced again.
        const keep = current !== undefined && config.enabled && samePeer(current.config, config);
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
          pushes: 0,
          pushedAt: new Map(),
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
        void showCredential(runner);
      }
    },

    refresh(sourceId) {
      const runner = runners.get(sourceId);
      if (!runner?.subscription) return false;
      runner.refresh$.next();
      return true;
    },

    ingest(sourceId, alerts) {
      const runner = runners.get(sourceId);
      if (!runner?.subscription) return false;
      const step = foldPushedAlerts(
        runner.snapshot,
        alerts.filter((alert) => alert.sourceId === sourceId),
        options.clock.now(),
      );
      runner.pushes += 1;
      for (const id of step.decided) runner.pushedAt.set(id, runner.pushes);
      if (step.snapshot === runner.snapshot) return true;
      runner.snapshot = step.snapshot;
      publish(step.diff);
      setStatus(runner, { ...runner.status, activeAlerts: countOpen(runner.snapshot) });
      return true;
    },

    readPush(sourceId, body) {
      const runner = runners.get(sourceId);
      const config = runner?.subscription ? runner.config : undefined;
      const reader = config && adapterFor(config).push;
      if (!config || !reader?.enabled(config)) {
        return { ok: false, error: `no watched source "${sourceId}" takes pushes` };
      }
      return reader.read(config, body, context(config));
    },

    alerts: allAlerts,

    statuses: () => [...runners.values()].map((r) => r.status),

    async act(alertIds, action, actor) {
      const results = new Map<string, AlertActionResult>();
      const bySource = new Map<Runner, Alert[]>();
      for (const id of alertIds) {
        const runner = [...runners.values()].find((r) => r.snapshot.has(id));
        const alert = runner?.snapshot.get(id);
        if (!runner || !alert) {
          results.set(id, {
            alertId: id,
            ok: false,
            error: `No alert has the id "${id}"; it may be gone.`,
          });
          continue;
        }
        bySource.set(runner, [...(bySource.get(runner) ?? []), alert]);
      }
      await Promise.all(
        [...bySource].map(async ([runner, alerts]) => {
          const { config } = runner;
          const adapter = adapterFor(config);
          const refuse = (error: string) => {
            for (const alert of alerts)
              results.set(alert.id, { alertId: alert.id, ok: false, error });
          };
          if (!adapter.act || !adapter.actions(config).includes(action.type)) {
            refuse(`${config.name} cannot ${action.type} alerts from this app.`);
            return;
          }
          try {
            await adapter.act(
              config,
              alerts,
              { action, actor, signal: stopping.signal },
              context(config),
            );
            for (const alert of alerts) results.set(alert.id, { alertId: alert.id, ok: true });
            log('info', `${config.name}: ${action.type} of ${alerts.length} alert(s) by ${actor}`);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            log('warn', `${config.name}: ${action.type} failed: ${reason}`);
            refuse(reason);
          }
          // What the source says now is the truth, whether the action took or not.
          if (runners.get(config.id) === runner && runner.subscription) runner.refresh$.next();
        }),
      );
      return alertIds.map(
        (id) => results.get(id) ?? { alertId: id, ok: false, error: 'not carried out' },
      );
    },

    async test(config, secret) {
      try {
        const adapter = adapterFor(config);
        const tryOnce = adapter.test ?? adapter.poll;
        const result = await once(config, tryOnce(config, context(config, secret)));
        return { ok: true, alerts: pollReport(result).alerts };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },

    async preview(config, secret) {
      const adapter = adapterFor(config);
      if (!adapter.preview) {
        return {
          ok: false,
          error: `${config.kind} sources have no field mapping to preview — use Test connection`,
        };
      }
      try {
        return await once(config, adapter.preview(config, context(config, secret)));
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },

    async credentialChanged(sourceId) {
      const runner = runners.get(sourceId);
      if (!runner) return false;
      await showCredential(runner);
      if (runner.subscription) runner.refresh$.next();
      return true;
    },

    stop() {
      for (const runner of runners.values()) halt(runner);
      runners = new Map();
      stopping.abort();
      stopping = new AbortController();
    },
  };
}

/** Everything that decides how a source is polled, i.e. all but its display name. */
function samePolling(a: SourceConfig, b: SourceConfig): boolean {
  return (
    samePeer(a, b) &&
    a.intervalSeconds === b.intervalSeconds &&
    a.timeoutSeconds === b.timeoutSeconds &&
    a.enabled === b.enabled &&
    JSON.stringify(a.severityWords) === JSON.stringify(b.severityWords)
  );
}

/** The same peer, watched with the same meaning: its alerts carry over. */
function samePeer(a: SourceConfig, b: SourceConfig): boolean {
  return a.kind === b.kind && adapterFor(a).samePeer(a, b as typeof a);
}
