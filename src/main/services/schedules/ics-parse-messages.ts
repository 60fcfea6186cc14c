import type { IcsExpandRequest, IcsExpansion } from './ics-expand';

/** Main thread → ICS worker: expand one feed. */
export interface IcsParseRequest {
  id: number;
  request: IcsExpandRequest;
}

/** ICS worker → main thread. */
export type IcsParseReply =
  /** Loaded and listening. */
  | { type: 'ready' }
  | { type: 'parsed'; id: number; expansion: IcsExpansion }
  /** The feed could not be read; the message says why. */
  | { type: 'failed'; id: number; message: string };
