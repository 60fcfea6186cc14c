import type { Runbook } from '../../../shared/domain/runbook';
import type { RunbookSource } from './parse-runbook';

/** Main thread → runbook worker: parse one file. */
export interface ParseRequest {
  id: number;
  source: RunbookSource;
}

/** Runbook worker → main thread. */
export type ParseReply =
  /** Loaded and listening. */
  | { type: 'ready' }
  | { type: 'parsed'; id: number; runbook: Runbook }
  /** parseRunbook threw (it is not meant to); the message says what. */
  | { type: 'failed'; id: number; message: string };
