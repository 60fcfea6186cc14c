import { STATUS_CODES } from 'node:http';
import { alertId, type Alert } from '../../../../shared/domain/alert';
import type { HttpCheckSourceConfig } from '../../../../shared/domain/sources/http-check-source-config';
import { shownUrl } from '../shown-url';
import type { AdapterContext, SourceAdapter } from '../source-adapter';
import { SourceError } from '../source-error';
import { httpRequest } from '../http/http-request';
import type { PeerWords } from '../http/peer-words';
import { checkedUrl } from '../http/request-url';

// For the hint when the configured URL is not one.
const EXAMPLE_URL = 'https://host/path';

const CHECKED: PeerWords = {
  name: 'the checked service',
  check: 'is this URL the checked service?',
};

/** The fingerprint of a check's one alert: a check is either down or not. */
export const HTTP_CHECK_FINGERPRINT = 'down';

/** A check's run of failures so far, for the settings it was counted under. */
interface CheckRun {
  /** The settings the count belongs to; other settings start a new count. */
  readonly settings: string;
  failures: number;
  /** When the current run of failures began: the alert's start, stable across polls. */
  since?: string;
}

/**
 * Each check's failures in a row, by source id. Kept here rather than in the poller because a
 * failing check is not a failing source: the source did its job (it ran the check) and the
 * alert is the news, so the poll succeeds either way.
 */
const runs = new Map<string, CheckRun>();

/**
 * An HTTP health check: its poll runs the check and answers no alert while the URL is healthy,
 * or one firing alert ("<name> is down", the last reason as summary) once
 * `failuresBeforeAlert` checks in a row failed. The next healthy check answers none again, so
 * the alert resolves.
 */
export const httpCheckAdapter: SourceAdapter<HttpCheckSourceConfig> = {
  kind: 'http-check',
  actions: () => [],
  usesCredential: () => false,
  shownUrl: (config) => shownUrl(config.url),
  // The name is in the alert's title, and the poll reads the settings it started with.
  samePeer: (a, b) => a.name === b.name && settingsKey(a) === settingsKey(b),
  poll: (config, context) => async (signal) => {
    const failure = await check(config, context, signal);
    const now = context.clock.now().toISOString();
    const run = runFor(config);
    if (failure === undefined) {
      run.failures = 0;
      delete run.since;
      return [];
    }
    run.failures += 1;
    run.since ??= now;
    if (run.failures < config.failuresBeforeAlert) {
      context.notice?.(
        `check ${run.failures} of ${config.failuresBeforeAlert} failed before it alerts: ${failure}`,
      );
      return [];
    }
    return [downAlert(config, failure, run.since)];
  },
  // One check, judged at once and counted nowhere: the running check's count is its own.
  test: (config, context) => async (signal) => {
    const failure = await check(config, context, signal);
    if (failure !== undefined) throw new SourceError('response', `the check failed: ${failure}`);
    return [];
  },
};

/** Why the check failed, or undefined when it passed. */
async function check(
  config: HttpCheckSourceConfig,
  context: AdapterContext,
  signal: AbortSignal,
): Promise<string | undefined> {
  const shown = shownUrl(config.url);
  try {
    const answer = await httpRequest(checkedUrl(config.url, shown, EXAMPLE_URL), {
      signal,
      timeoutMs: config.timeoutSeconds * 1000,
      clock: context.clock,
      headers: { accept: '*/*' },
      peer: CHECKED,
      accept: 'any',
    });
    if (answer.status !== config.expectStatus) {
      const text = answer.statusText || STATUS_CODES[answer.status] || '';
      return `${shown} answered HTTP ${answer.status}${text ? ` ${text}` : ''}, expected ${config.expectStatus}`;
    }
    if (config.expectText !== undefined && !answer.text.includes(config.expectText)) {
      return `${shown} answered ${answer.status} without the expected text "${config.expectText}"`;
    }
    return undefined;
  } catch (error) {
    // Stopped (source removed, app closing): not a verdict on the checked service.
    if (signal.aborted) throw signal.reason;
    if (error instanceof SourceError) return error.message;
    throw error;
  }
}

function runFor(config: HttpCheckSourceConfig): CheckRun {
  const settings = settingsKey(config);
  const known = runs.get(config.id);
  if (known?.settings === settings) return known;
  const fresh: CheckRun = { settings, failures: 0 };
  runs.set(config.id, fresh);
  return fresh;
}

// Everything that decides what the check means; not its name or rhythm.
function settingsKey(config: HttpCheckSourceConfig): string {
  const { url, expectStatus, expectText, failuresBeforeAlert, severity } = config;
  return JSON.stringify([url, expectStatus, expectText, failuresBeforeAlert, severity]);
}

function downAlert(config: HttpCheckSourceConfig, reason: string, since: string): Alert {
  const shown = shownUrl(config.url);
  return {
    id: alertId(config.id, HTTP_CHECK_FINGERPRINT),
    sourceId: config.id,
    fingerprint: HTTP_CHECK_FINGERPRINT,
    status: 'firing',
    severity: config.severity,
    title: `${config.name} is down`,
    summary: reason,
    labels: { check: config.name, url: shown },
    annotations: {},
    startsAt: since,
    url: shown,
  };
}
