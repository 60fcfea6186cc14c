import type { Alert } from '../../../shared/domain/alert';
import type { AlertAction, AlertActionType } from '../../../shared/domain/alert-action';
import type { SourceConfig, SourceKind } from '../../../shared/domain/source';
import type { SourcePreview } from '../../../shared/domain/source-preview';
import type { Clock } from '../clock/clock';
import type { SeverityMapping } from './alertmanager-normalise';

/** What an adapter may use while it polls or acts: never more than its own source's secret. */
export interface AdapterContext {
  readonly clock: Clock;
  /** The severity vocabulary (the team's words plus this source's own), read on every call. */
  readonly severity: () => SeverityMapping;
  /** This source's credential from the secret store, if one is stored. */
  readonly secret: () => Promise<string | undefined>;
  /**
   * A problem that does not fail the poll (some items skipped), for the log; the same words
   * are written once, not on every poll.
   */
  readonly notice?: (message: string) => void;
}

/**
 * A poll that answered, with what the user should still know: alerts flow, but not all is well
 * (one member of an HA cluster is down, the silences could not be read). The warning becomes the
 * source's `reason` while its health stays ok.
 */
export interface PollReport {
  readonly alerts: Alert[];
  readonly warning?: string;
}

/**
 * The alerts and warning of what a poll returned, whichever form it took.
 * @param result - an adapter's poll result
 */
export function pollReport(result: Alert[] | PollReport): PollReport {
  return Array.isArray(result) ? { alerts: result } : result;
}

/** An action on alerts, by a person, now. */
export interface ActionRequest {
  readonly action: AlertAction;
  /** Who acts: the profile name, written as the silence's author or sent as `From`. */
  readonly actor: string;
  /** Aborts the request (the app is stopping). */
  readonly signal: AbortSignal;
}

/** What a pushed body came to: the alerts it carries, or what was wrong with it. */
export type PushReading =
  { readonly ok: true; readonly alerts: Alert[] } | { readonly ok: false; readonly error: string };

/** How a kind whose peer can push (a webhook) reads what the peer sends. */
export interface PushReader<C extends SourceConfig = SourceConfig> {
  /** Whether these settings ask for pushes. */
  enabled(config: C): boolean;
  /**
   * Validate a pushed body (parsed JSON) and normalise its alerts as a poll would, so the
   * pushed and the polled copy of an alert are one; or say, in one line, what was wrong.
   */
  read(config: C, body: unknown, context: AdapterContext): PushReading;
}

/**
 * One kind of alert source behind the seam the source manager, the poller and the UI see: it
 * declares what it can do and maps its API onto the normalised {@link Alert}. No other module
 * names a vendor.
 */
export interface SourceAdapter<C extends SourceConfig = SourceConfig> {
  readonly kind: C['kind'];
  /** What can be done to this source's alerts from the app, given its settings. */
  actions(config: C): readonly AlertActionType[];
  /** Whether the source takes credentials (so the UI offers a token field). */
  readonly usesCredential: (config: C) => boolean;
  /** Where the source is watched, for the status line: no secrets. */
  shownUrl(config: C): string;
  /**
   * True when two settings watch the same peer with the same meaning, so its alerts can be kept
   * across a change of timing or name instead of being announced again.
   */
  samePeer(a: C, b: C): boolean;
  /**
   * One poll: fetch and normalise. Rejects with a `SourceError` whose message a person can act
   * on (it becomes the source's reason); answers a {@link PollReport} to warn while alerts flow.
   */
  poll(config: C, context: AdapterContext): (signal: AbortSignal) => Promise<Alert[] | PollReport>;
  /**
   * One try for "Test connection", when it must differ from a poll: a health check's poll
   * only alerts after several failures, but a test should say at once why the check failed.
   * Rejects with a `SourceError` saying why. Without it, a test is one poll.
   */
  test?(config: C, context: AdapterContext): (signal: AbortSignal) => Promise<Alert[]>;
  /**
   * Fetch once and show what the settings' field mapping makes of the real answer (the live
   * preview in Settings); only kinds with a user-chosen mapping have one.
   */
  preview?(config: C, context: AdapterContext): (signal: AbortSignal) => Promise<SourcePreview>;
  /** Present when the kind's peer can push alerts to the app's webhook receiver. */
  readonly push?: PushReader<C>;
  /**
   * Carry out an action on some of this source's alerts at the source. Resolves once the
   * source accepted it; rejects with a `SourceError` saying why not.
   */
  act?(
    config: C,
    alerts: readonly Alert[],
    request: ActionRequest,
    context: AdapterContext,
  ): Promise<void>;
}

/** The adapter of every kind, looked up by the source manager. */
export type SourceAdapterRegistry = {
  readonly [K in SourceKind]: SourceAdapter<Extract<SourceConfig, { kind: K }>>;
};
