import type { EventChannel, EventPayload } from '../../../shared/ipc/contract';

/** Where services push contract events; each shell forwards them to its renderer(s). */
export type EventSink = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;
