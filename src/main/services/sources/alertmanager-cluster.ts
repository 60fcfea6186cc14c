import type { Alert } from '../../../shared/domain/alert';
import type { AlertmanagerSourceConfig } from '../../../shared/domain/source';
import { requestAlertmanager, ALERTS_QUERY, type AlertmanagerRequest } from './alertmanager-client';
import {
  normaliseAlertmanagerAlertsInSlices,
  type NormaliseOptions,
} from './alertmanager-normalise';
import {
  SILENCES_QUERY,
  indexActiveSilences,
  type GettableSilence,
  type SilenceIndex,
} from './alertmanager-silences';
import { shownUrl } from './shown-url';
import type { AdapterContext, PollReport } from './source-adapter';
import { SourceError } from './source-error';

/** What one member of the cluster answered. */
type MemberAnswer =
  | {
      readonly ok: true;
      readonly alerts: string;
      readonly silences: SilenceIndex | undefined;
      readonly silencesError: string | undefined;
    }
  | { readonly ok: false; readonly error: unknown };

/**
 * The members of a source: its URL first, then its HA peers.
 * @param config - the source's settings
 */
export function clusterMembers(config: AlertmanagerSourceConfig): string[] {
  return [...new Set([config.url, ...config.peerUrls])];
}

/**
 * How to reach a source's Alertmanagers: the timeout, the clock and, with `auth: bearer`, the
 * stored token.
 * @param config - the source's settings
 * @param context - the adapter context
 * @param signal - aborts the requests
 */
export async function requestOptions(
  config: AlertmanagerSourceConfig,
  context: AdapterContext,
  signal: AbortSignal,
): Promise<AlertmanagerRequest> {
  const base = { signal, timeoutMs: config.timeoutSeconds * 1000, clock: context.clock };
  if (config.auth !== 'bearer') return base;
  const token = await context.secret();
  if (token === undefined || token === '') {
    throw new SourceError(
      'config',
      `${config.name} is set to send a bearer token, but none is stored — add it in Settings`,
    );
  }
  return { ...base, token };
}

/**
 * Poll every member of an Alertmanager source at once and merge what they say: one alert once
 * (by fingerprint; the member that saw it updated last wins), silences the union by id. The
 * source fails only when no member answers; while some do, the report's warning says which do
 * not, so the user knows the cluster is degraded without losing the alerts that still flow.
 * @param config - the source's settings
 * @param context - clock, severity mapping, secret
 * @param signal - aborts every request
 * @throws SourceError when no member answers: a single Alertmanager's own error, or every
 *   member's in one message
 */
export async function pollAlertmanagerCluster(
  config: AlertmanagerSourceConfig,
  context: AdapterContext,
  signal: AbortSignal,
): Promise<PollReport> {
  const request = await requestOptions(config, context, signal);
  const members = clusterMembers(config);
  const answers = await Promise.all(members.map((url) => askMember(url, request)));
  if (signal.aborted) throw signal.reason;

  const silences = new Map<string, GettableSilence>();
  let silencesRead = false;
  let unreadable = 0;
  const silenceErrors: string[] = [];
  for (const answer of answers) {
    if (!answer.ok) continue;
    if (answer.silences) {
      silencesRead = true;
      unreadable = Math.max(unreadable, answer.silences.unreadable);
      for (const [id, silence] of answer.silences.byId) {
        const known = silences.get(id);
        if (!known || Date.parse(silence.updatedAt) > Date.parse(known.updatedAt)) {
          silences.set(id, silence);
        }
      }
    } else if (answer.silencesError) silenceErrors.push(answer.silencesError);
  }

  const options = {
    ...context.severity(),
    sourceId: config.id,
    now: context.clock.now(),
    ...(silencesRead && { silences }),
  };
  const merged = new Map<string, Alert>();
  const failures: { url: string; error: unknown }[] = [];
  for (const [i, answer] of answers.entries()) {
    const url = members[i] as string;
    if (!answer.ok) {
      failures.push({ url, error: answer.error });
      continue;
    }
    let alerts: Alert[];
    try {
      // Awaited, so a normaliser that gives the loop its turn between slices fits here as is.
      alerts = await normalise(answer.alerts, options);
    } catch (error) {
      // The normaliser says what was wrong ("answered HTML, …"); say who answered it.
      const named =
        error instanceof SourceError
          ? new SourceError(error.kind, `${shownUrl(url)} ${error.message}`, { cause: error })
          : error;
      failures.push({ url, error: named });
      continue;
    }
    for (const alert of alerts) {
      const known = merged.get(alert.fingerprint);
      if (!known || fresher(alert, known)) merged.set(alert.fingerprint, alert);
    }
  }

  if (failures.length === members.length) throw noMemberAnswers(failures);
  const warnings: string[] = [];
  if (failures.length > 0) {
    const answering = members.length - failures.length;
    warnings.push(
      `${answering} of ${members.length} members answer; ${failures.map((f) => messageOf(f.error)).join('; ')}`,
    );
  }
  if (!silencesRead && silenceErrors.length > 0) {
    warnings.push(
      `silences could not be read (${silenceErrors[0]}) — who silenced an alert, and acknowledgements, are not shown`,
    );
  } else if (unreadable > 0) {
    warnings.push(`${unreadable} silence(s) could not be read and are not shown`);
  }
  return {
    alerts: [...merged.values()],
    ...(warnings.length > 0 && { warning: warnings.join('. ') }),
  };
}

// Lets timers, IPC and the other sources run between slices of a big poll.
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One member's alert list, normalised in slices so a big one never holds the loop for long. */
async function normalise(body: string, options: NormaliseOptions): Promise<Alert[]> {
  return normaliseAlertmanagerAlertsInSlices(body, options, yieldToLoop);
}

async function askMember(url: string, request: AlertmanagerRequest): Promise<MemberAnswer> {
  const [alerts, silences] = await Promise.allSettled([
    requestAlertmanager(url, ALERTS_QUERY, request),
    requestAlertmanager(url, SILENCES_QUERY, request),
  ]);
  if (alerts.status === 'rejected') return { ok: false, error: alerts.reason };
  if (silences.status === 'rejected') {
    return {
      ok: true,
      alerts: alerts.value,
      silences: undefined,
      silencesError: messageOf(silences.reason),
    };
  }
  try {
    return {
      ok: true,
      alerts: alerts.value,
      silences: indexActiveSilences(JSON.parse(silences.value)),
      silencesError: undefined,
    };
  } catch (error) {
    return {
      ok: true,
      alerts: alerts.value,
      silences: undefined,
      silencesError: `${shownUrl(url)} answered a silence list that is not JSON: ${messageOf(error)}`,
    };
  }
}

// Alertmanager sets updatedAt when an alert is received again; the member that heard last knows best.
function fresher(candidate: Alert, known: Alert): boolean {
  return Date.parse(candidate.updatedAt ?? '') > Date.parse(known.updatedAt ?? '');
}

function noMemberAnswers(failures: readonly { url: string; error: unknown }[]): unknown {
  const first = failures[0]?.error;
  if (failures.length === 1) return first;
  const retryAfters = failures.flatMap((f) =>
    f.error instanceof SourceError && f.error.retryAfterMs !== undefined
      ? [f.error.retryAfterMs]
      : [],
  );
  return new SourceError(
    first instanceof SourceError ? first.kind : 'connection',
    `no member of the cluster answers: ${failures.map((f) => messageOf(f.error)).join('; ')}`,
    {
      cause: first,
      ...(retryAfters.length > 0 && { retryAfterMs: Math.min(...retryAfters) }),
    },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
