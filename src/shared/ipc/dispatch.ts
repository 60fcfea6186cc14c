import { describeIssues } from '../domain/describe-issues';
import {
  invokeContract,
  isInvokeChannel,
  type InvokeChannel,
  type InvokeParsedRequest,
  type InvokeResponse,
} from './contract';
import { IpcFailure, type IpcResult } from './result';

/** The implementation of every invoke call, one handler per channel. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (request: InvokeParsedRequest<C>) => Promise<InvokeResponse<C>>;
};

/** Receives a handler's unexpected failure, for the log. */
export type DispatchErrorSink = (channel: string, error: unknown) => void;

/**
 * Build the single entry point both shells use for invoke calls: it checks the channel,
 * validates the request against the contract, runs the handler and answers an
 * {@link IpcResult}. It never throws, whatever arrives.
 * @param handlers - one handler per channel
 * @param onError - told of handler failures that were not {@link IpcFailure}s
 */
export function createDispatcher(
  handlers: InvokeHandlers,
  onError: DispatchErrorSink = () => {},
): (channel: unknown, request: unknown) => Promise<IpcResult<unknown>> {
  return async (channel, request) => {
    if (!isInvokeChannel(channel)) {
      return {
        ok: false,
        error: {
          code: 'unknown-channel',
          message: `${describeChannel(channel)} is not a call this app knows.`,
        },
      };
    }
    const parsed = invokeContract[channel].request.safeParse(request ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return {
        ok: false,
        error: {
          code: 'bad-request',
          message: `The request for ${channel} has the wrong shape: ${issues.join('; ')}`,
          issues,
        },
      };
    }
    try {
      const handler = handlers[channel] as (r: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof IpcFailure) {
        return {
          ok: false,
          error: { code: error.code, message: error.message, issues: error.issues },
        };
      }
      onError(channel, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `${channel} failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
  };
}

/** Names a channel for a message without ever throwing (`String()` throws on some objects). */
function describeChannel(channel: unknown): string {
  return typeof channel === 'string'
    ? `"${channel.slice(0, 80)}"`
    : `A channel of type ${typeof channel}`;
}
