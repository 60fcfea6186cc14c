import type { Alert } from '../../../shared/domain/alert';
import type { AlertAction, AlertActionType } from '../../../shared/domain/alert-action';
import type { SourceConfig, SourceKind } from '../../../shared/domain/source';
import type { Clock } from '../clock/clock';
import type { SeverityMapping } from './alertmanager-normalise';

/** What an adapter may use while it polls or acts: never more than its own source's secret. */
export interface AdapterContext {
  readonly clock: Clock;
  /** The severity vocabulary (the team's words plus this source's own), read on every call. */
  readonly severity: () => SeverityMapping;
  /** This source's credential from the secret store, if one is stored. */
  readonly secret: () => Promise<string | undefined>;
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
   * on (it becomes the source's reason).
   */
  poll(config: C, context: AdapterContext): (signal: AbortSignal) => Promise<Alert[]>;
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
