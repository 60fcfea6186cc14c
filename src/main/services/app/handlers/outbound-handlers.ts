import type { Settings } from '../../../../shared/domain/settings';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import { channelSecretKey, channelSecretProblem } from '../../outbound/channel-secret';
import type { OutboundService } from '../../outbound/outbound-service';
import { maskSecret, type SecretStore } from '../../secrets/secret-store';

/** The calls about outbound channels and the outbound record. */
export type OutboundHandlers = Pick<
  InvokeHandlers,
  'channels:secrets' | 'channel:setSecret' | 'channel:test' | 'outbound:list'
>;

/** What the outbound calls need. */
export interface OutboundHandlerDeps {
  secrets: SecretStore;
  outbound: Pick<OutboundService, 'sendTest' | 'list'>;
  settings: () => Settings;
}

/**
 * `channels:secrets`, `channel:setSecret`, `channel:test` and `outbound:list`: a channel's
 * secret goes to the secret store and nowhere else; answers carry it masked at most.
 * @param deps - the secret store, the outbound service and the settings
 */
export function outboundHandlers({
  secrets,
  outbound,
  settings,
}: OutboundHandlerDeps): OutboundHandlers {
  const channelOf = (channelId: string) => {
    const channel = settings().escalation.channels.find((c) => c.id === channelId);
    if (!channel) {
      throw new IpcFailure(
        'not-found',
        `No saved channel has the id "${channelId}". Save the channel first, then its secret.`,
      );
    }
    return channel;
  };
  return {
    'channels:secrets': async () => ({
      channels: await Promise.all(
        settings().escalation.channels.map(async (channel) => {
          const secret = await secrets.get(channelSecretKey(channel.id));
          return secret
            ? { channelId: channel.id, set: true, hint: maskSecret(secret) }
            : { channelId: channel.id, set: false };
        }),
      ),
    }),
    'channel:setSecret': async ({ channelId, secret }) => {
      const channel = channelOf(channelId);
      if (secret !== null) {
        const problem = channelSecretProblem(channel.kind, secret);
        if (problem) {
          throw new IpcFailure('bad-request', `Not stored for ${channel.name}: ${problem}.`);
        }
      }
      const key = channelSecretKey(channelId);
      try {
        if (secret === null) await secrets.delete(key);
        else await secrets.set(key, secret);
      } catch (error) {
        throw new IpcFailure(
          'unavailable',
          `The secret of ${channel.name} was not ${secret === null ? 'removed' : 'stored'}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
      return secret === null
        ? { channelId, set: false }
        : { channelId, set: true, hint: maskSecret(secret) };
    },
    'channel:test': async ({ channelId }) => {
      channelOf(channelId);
      return outbound.sendTest(channelId);
    },
    'outbound:list': async () => ({ entries: await outbound.list() }),
  };
}
