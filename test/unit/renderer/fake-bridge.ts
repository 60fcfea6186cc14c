import { onTestFinished } from 'vitest';
import type { Bridge } from '../../../src/renderer/bridge/bridge';
import { BridgeError } from '../../../src/renderer/bridge/bridge-error';
import type { ConnectionState } from '../../../src/renderer/bridge/connection-state';
import { describeIssues } from '../../../src/shared/domain/describe-issues';
import {
  invokeContract,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '../../../src/shared/ipc/contract';

/** What the fake answers per call; a call without an answer fails as the app would. */
export type Answers = {
  [C in InvokeChannel]?: (
    request: InvokeRequest<C>,
  ) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

/**
 * A bridge whose answers, events and connection the test drives. Every request is checked
 * against the contract's schema as main's dispatcher checks it: a request main would refuse is
 * refused here too (`bad-request`), and fails the test when it ends, even if the code under test
 * swallowed the error — unless the test says it expects it (`expectRefusal`).
 */
export function fakeBridge(answers: Answers) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = { status: 'connecting', attempt: 0 };
  const calls: Array<{ channel: string; request: unknown }> = [];
  const refused: string[] = [];
  let refusalExpected = false;
  onTestFinished(() => {
    if (refused.length > 0 && !refusalExpected) {
      throw new Error(`The app would refuse these requests:\n${refused.join('\n')}`);
    }
  });
  const bridge: Bridge = {
    mode: 'browser',
    invoke: (async (channel: InvokeChannel, request: never) => {
      calls.push({ channel, request });
      const parsed = invokeContract[channel].request.safeParse(request ?? {});
      if (!parsed.success) {
        const issues = describeIssues(parsed.error);
        refused.push(`${channel}: ${issues.join('; ')}`);
        throw new BridgeError(channel, {
          code: 'bad-request',
          message: `The request for ${channel} has the wrong shape: ${issues.join('; ')}`,
          issues,
        });
      }
      const answer = answers[channel] as ((r: unknown) => unknown) | undefined;
      if (!answer) throw new BridgeError(channel, { code: 'internal', message: `no ${channel}` });
      return answer(request);
    }) as Bridge['invoke'],
    on: ((channel: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    }) as Bridge['on'],
    openLink: async () => true,
    connection: () => connection,
    onConnection: (listener) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    reconnectNow: () => {},
  };
  return {
    bridge,
    calls,
    /** Requests refused for not matching the contract, `channel: issues`. */
    refused,
    /** This test sends a bad request on purpose: its refusal does not fail the test. */
    expectRefusal() {
      refusalExpected = true;
    },
    emit<C extends EventChannel>(channel: C, payload: EventPayload<C>) {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
    setConnection(next: ConnectionState) {
      connection = next;
      for (const listener of connectionListeners) listener(next);
    },
  };
}
