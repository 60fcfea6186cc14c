import * as Y from 'yjs';
import type { Bridge } from '../../../src/renderer/bridge/bridge';
import { BridgeError } from '../../../src/renderer/bridge/bridge-error';
import type { ConnectionState } from '../../../src/renderer/bridge/connection-state';
import {
  createIncident,
  type CreateIncidentArgs,
} from '../../../src/shared/incident/create-incident';
import { readIncident } from '../../../src/shared/incident/read-incident';
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
} from '../../../src/shared/ipc/contract';
import type { IncidentSummary, IncidentView } from '../../../src/shared/ipc/incident-schemas';

/** The moment incidents in these tests are declared: 2025-03-04 14:30 UTC. */
export const DECLARED = '2025-03-04T14:30:00.000Z';

/**
 * An incident as `incident:get` answers it, made by the real shared code.
 * @param args - overrides of the creation arguments (id `inc-1`, "Checkout errors", sev2)
 */
export function incidentView(args: Partial<CreateIncidentArgs> = {}): IncidentView {
  const doc = new Y.Doc();
  createIncident(
    doc,
    { id: 'inc-1', title: 'Checkout errors', severity: 'sev2', ...args } as CreateIncidentArgs,
    { now: DECLARED, actor: 'alice' },
  );
  return { incident: readIncident(doc) };
}

/** An incident summary for the list; `extra` overrides any field. */
export function incidentSummary(id: string, extra: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id,
    title: id,
    severity: 'sev2',
    status: 'investigating',
    channel: `#inc-${id}`,
    declaredAt: DECLARED,
    ...extra,
  };
}

type Answers = {
  [C in InvokeChannel]?: (
    request: InvokeRequest<C>,
  ) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

/** A bridge whose answers, events and connection the test drives. */
export function fakeIncidentBridge(answers: Answers) {
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

/** Let pending promise callbacks run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
