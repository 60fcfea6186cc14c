import { extractJsonAlerts, type JsonExtraction } from '../../../../shared/domain/json-extract';
import type { JsonSourceConfig } from '../../../../shared/domain/sources/json-source-config';
import {
  PREVIEW_ALERTS,
  previewText,
  type SourcePreview,
} from '../../../../shared/domain/source-preview';
import { endpointHint, httpRequest } from '../http/http-request';
import { parseJsonText } from '../http/json-answer';
import type { PeerWords } from '../http/peer-words';
import { checkedUrl } from '../http/request-url';
import { shownUrl } from '../shown-url';
import type { AdapterContext, SourceAdapter } from '../source-adapter';
import { SourceError } from '../source-error';

// For the hint when the configured URL is not one.
const EXAMPLE_URL = 'https://host/path';

const PEER: PeerWords = { name: 'a JSON endpoint', check: 'is this URL a JSON endpoint?' };

/**
 * When each item without a readable time was first seen, per source, so its start stays put
 * across polls. Only the items of the last poll are kept, so it cannot grow.
 */
const firstSeenBySource = new Map<string, Map<string, string>>();

/** Any HTTP endpoint answering a list of alerts as JSON, read through a field mapping. */
export const jsonAdapter: SourceAdapter<JsonSourceConfig> = {
  kind: 'json',
  actions: () => [],
  usesCredential: (config) => config.auth === 'bearer',
  shownUrl: (config) => shownUrl(config.url),
  // The mapping decides what the alerts are, so a changed mapping is a new peer.
  samePeer: (a, b) =>
    a.url === b.url &&
    a.auth === b.auth &&
    a.itemsPath === b.itemsPath &&
    JSON.stringify(a.fields) === JSON.stringify(b.fields) &&
    a.resolvedValues.join('\n') === b.resolvedValues.join('\n'),
  poll: (config, context) => async (signal) => {
    const body = await fetchJson(config, context, signal);
    const result = extract(config, context, body);
    if (!result.ok) throw new SourceError('response', `${shownUrl(config.url)}: ${result.error}`);
    // Every item unusable is a wrong mapping, not an empty list: fail so the source says so.
    if (result.alerts.length === 0 && result.items.length > 0) {
      const none =
        result.items.length === 1
          ? 'its only item could not be read'
          : `none of its ${result.items.length} items could be read`;
      throw new SourceError(
        'response',
        `${shownUrl(config.url)}: ${none} — ${result.issues.join('; ')}`,
      );
    }
    if (result.issues.length > 0) context.notice?.(result.issues.join('; '));
    remember(config.id, result);
    return result.alerts;
  },
  preview: (config, context) => async (signal) => {
    let body: unknown;
    try {
      body = await fetchJson(config, context, signal);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const result = extract(config, context, body);
    if (!result.ok) return { ok: false, error: result.error, raw: previewText(body) };
    const preview: SourcePreview = {
      ok: true,
      raw: result.items.length > 0 ? previewText(result.items[0]) : previewText(body),
      items: result.items.length,
      count: result.alerts.length,
      alerts: result.alerts.slice(0, PREVIEW_ALERTS),
      issues: result.issues,
    };
    return preview;
  },
};

async function fetchJson(
  config: JsonSourceConfig,
  context: AdapterContext,
  signal: AbortSignal,
): Promise<unknown> {
  let token: string | undefined;
  if (config.auth === 'bearer') {
    token = await context.secret();
    if (token === undefined) {
      throw new SourceError(
        'config',
        `no token is stored for ${config.name} — enter one in Settings, or set its authentication to none`,
      );
    }
  }
  const shown = shownUrl(config.url);
  const { text } = await httpRequest(checkedUrl(config.url, shown, EXAMPLE_URL), {
    signal,
    timeoutMs: config.timeoutSeconds * 1000,
    clock: context.clock,
    ...(token !== undefined && { headers: { authorization: `Bearer ${token}` }, secret: token }),
    peer: PEER,
    hint: endpointHint,
  });
  try {
    return parseJsonText(text, PEER.check);
  } catch (error) {
    if (error instanceof SourceError) {
      throw new SourceError(error.kind, `${shown} ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}

function extract(config: JsonSourceConfig, context: AdapterContext, body: unknown): JsonExtraction {
  const seen = firstSeenBySource.get(config.id);
  return extractJsonAlerts(body, {
    ...context.severity(),
    sourceId: config.id,
    now: context.clock.now().toISOString(),
    itemsPath: config.itemsPath,
    fields: config.fields,
    resolvedValues: config.resolvedValues,
    firstSeen: (fingerprint) => seen?.get(fingerprint),
  });
}

function remember(sourceId: string, result: JsonExtraction): void {
  if (!result.ok) return;
  firstSeenBySource.set(sourceId, new Map(result.alerts.map((a) => [a.fingerprint, a.startsAt])));
}
