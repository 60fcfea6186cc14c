import type { Bridge } from '../../../src/renderer/bridge/bridge';
import { BridgeError } from '../../../src/renderer/bridge/bridge-error';
import type { ConnectionState } from '../../../src/renderer/bridge/connection-state';
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
} from '../../../src/shared/ipc/contract';

/** What the fake answers per call; a call without an answer fails as the app would. */
export type Answers = {
  [C in InvokeChannel]?: (
    request: InvokeRequest<C>,
  ) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

/** A bridge whose answers, events and connection the test drives. */
export function fakeBridge(answers: Answers) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = { status: 'connecting', attempt: 0 };
  const calls: Array<{ channel: string; request: unknown }> = [];
  const bridge: Bridge = {
    mode: 'browser',
    invoke: (async (channel: InvokeChannel, request: never) => {
      calls.push({ channel, request });
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
    emit<C extends EventChannel>(channel: C, payload: EventPayload<C>) {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
    setConnection(next: ConnectionState) {
      connection = next;
      for (const listener of connectionListeners) listener(next);
    },
  };
}
