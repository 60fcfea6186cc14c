import type { Settings } from '../../../shared/domain/settings';
import { DEFAULT_WEBHOOK_PORT } from '../../../shared/domain/settings';
import type { SourceConfig } from '../../../shared/domain/source';
import type { AppLog } from '../app/app-log';
import { maskSecret, type SecretStore } from '../secrets/secret-store';
import { adapterFor } from '../sources/adapters/source-adapters';
import type { SourceManager } from '../sources/source-manager';
import {
  startWebhookReceiver,
  type PushDelivery,
  type PushTarget,
  type WebhookReceiver,
} from './webhook-receiver';
import {
  alertmanagerReceiverBlock,
  newWebhookToken,
  webhookTokenKey,
  webhookUrl,
} from './webhook-token';

/** Whether the receiver listens, and if not, why. */
export type WebhookReceiverState =
  | { readonly state: 'listening'; readonly port: number }
  | { readonly state: 'off' | 'failing'; readonly reason: string };

/** How a source pushes to the app: what Settings shows for it. */
export interface SourceWebhook {
  readonly url: string;
  readonly receiver: WebhookReceiverState;
  /** Whether a token is stored, shown masked. */
  readonly credential: { readonly set: boolean; readonly hint?: string };
  /** The token itself, only in the answer that made it. */
  readonly token?: string;
  /** What to paste into alertmanager.yml; holds the token only in the answer that made it. */
  readonly alertmanagerConfig: string;
}

/** Why {@link WebhookService.webhook} could not answer: a code the IPC layer passes on. */
export class WebhookInfoError extends Error {
  constructor(
    readonly code: 'not-found' | 'bad-request' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** What the webhook service needs; see {@link createWebhookService}. */
export interface WebhookServiceOptions {
  readonly settings: () => Settings;
  /** Where the tokens live (`webhook:<source id>`), next to the sources' own. */
  readonly secrets: SecretStore;
  readonly sources: Pick<SourceManager, 'ingest' | 'readPush'>;
  readonly log: AppLog;
}

/** The local webhook receiver, following the settings, and the tokens its sources push with. */
export interface WebhookService {
  /** Listen, move or stop as the settings now say; resolves once done. */
  configure(): Promise<void>;
  state(): WebhookReceiverState;
  /**
   * How a source pushes to the app.
   * @param newToken - make a new token (replacing any old one, which stops working at once)
   * @throws WebhookInfoError when the source is unknown, cannot push, or no token can be kept
   */
  webhook(sourceId: string, newToken: boolean): Promise<SourceWebhook>;
  close(): Promise<void>;
}

/** Shown in place of the token in the pasted config once it has been shown. */
const TOKEN_NOT_SHOWN = '<the token shown when it was made; make a new one to see one again>';

/**
 * Create the webhook service. Nothing listens until {@link WebhookService.configure}.
 * @param options - settings, secret store, source manager and log
 */
export function createWebhookService(options: WebhookServiceOptions): WebhookService {
  const { settings, secrets, sources, log } = options;
  let receiver: WebhookReceiver | undefined;
  let state: WebhookReceiverState = { state: 'off', reason: 'not started' };
  // Settings can change twice in a row; one change is applied after the other, never both at once.
  let queue = Promise.resolve();

  const target = (kind: string, sourceId: string): PushTarget => {
    const config = settings().sources.find((source) => source.id === sourceId);
    if (!config || config.kind !== kind) {
      return { ok: false, reason: `no ${kind} source has the id "${sourceId}"` };
    }
    if (!config.enabled) return { ok: false, reason: `source "${sourceId}" is disabled` };
    if (!takesPushes(config)) {
      return { ok: false, reason: `source "${sourceId}" has push off; turn it on in Settings` };
    }
    return { ok: true, token: async () => secrets.get(webhookTokenKey(sourceId)) };
  };

  const deliver = (sourceId: string, body: unknown): PushDelivery => {
    const reading = sources.readPush(sourceId, body);
    if (!reading.ok) return reading;
    if (!sources.ingest(sourceId, reading.alerts)) {
      return { ok: false, error: `source "${sourceId}" is not watched` };
    }
    return { ok: true, count: reading.alerts.length };
  };

  const apply = async () => {
    const current = settings();
    const wanted = current.webhook.port;
    const pushing = current.sources.some((s) => s.enabled && takesPushes(s));
    if (receiver && receiver.port === wanted && pushing) return;
    if (receiver) {
      await receiver.close();
      receiver = undefined;
    }
    if (wanted === 0) {
      state = { state: 'off', reason: 'the webhook port is 0 (off) in Settings' };
      return;
    }
    if (!pushing) {
      state = { state: 'off', reason: 'no watched source has push on' };
      return;
    }
    try {
      receiver = await startWebhookReceiver(wanted, { target, deliver, log });
      state = { state: 'listening', port: receiver.port };
      log('info', `Webhook receiver listening on 127.0.0.1:${receiver.port}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      state = { state: 'failing', reason };
      log('error', `Webhook receiver: ${reason}`);
    }
  };

  return {
    configure() {
      queue = queue.then(apply).catch((error: unknown) => {
        log('error', `Webhook receiver: ${error instanceof Error ? error.message : String(error)}`);
      });
      return queue;
    },

    state: () => state,

    async webhook(sourceId, newToken) {
      const config = settings().sources.find((source) => source.id === sourceId);
      if (!config) {
        throw new WebhookInfoError('not-found', `No source has the id "${sourceId}".`);
      }
      if (!adapterFor(config).push) {
        throw new WebhookInfoError(
          'bad-request',
          `${config.name} is a ${config.kind} source, which cannot push alerts to the app.`,
        );
      }
      const key = webhookTokenKey(sourceId);
      let token: string | undefined;
      if (newToken) {
        token = newWebhookToken();
        try {
          await secrets.set(key, token);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new WebhookInfoError('unavailable', `The token could not be stored: ${reason}`);
        }
        log('info', `Webhook: a new token was made for source "${sourceId}"`);
      }
      const stored = token ?? (await secrets.get(key));
      const port = receiver?.port ?? (settings().webhook.port || DEFAULT_WEBHOOK_PORT);
      const url = webhookUrl(port, config.kind, sourceId);
      return {
        url,
        receiver: state,
        credential: stored === undefined ? { set: false } : { set: true, hint: maskSecret(stored) },
        ...(token !== undefined && { token }),
        alertmanagerConfig: alertmanagerReceiverBlock(sourceId, url, token ?? TOKEN_NOT_SHOWN),
      };
    },

    async close() {
      await queue;
      await receiver?.close();
      receiver = undefined;
      state = { state: 'off', reason: 'stopped' };
    },
  };
}

function takesPushes(config: SourceConfig): boolean {
  return adapterFor(config).push?.enabled(config) ?? false;
}
