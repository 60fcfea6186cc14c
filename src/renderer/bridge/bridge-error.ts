import type { InvokeChannel } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/result';

/**
 * Thrown by `bridge.invoke` when main answers `{ ok: false }`: carries the typed error, so the
 * UI can show its message and, for a bad request, the field-by-field issues.
 */
export class BridgeError extends Error {
  /** The error as main sent it. */
  readonly error: IpcError;
  /** The call that failed. */
  readonly channel: InvokeChannel;

  constructor(channel: InvokeChannel, error: IpcError) {
    super(error.message);
    this.name = 'BridgeError';
    this.error = error;
    this.channel = channel;
  }

  /** Why the call failed (`bad-request`, `unavailable`, …). */
  get code(): IpcError['code'] {
    return this.error.code;
  }

  /** `path: message` lines for a bad request; empty otherwise. */
  get issues(): readonly string[] {
    return this.error.issues ?? [];
  }
}

/**
 * A message to show for anything a call threw.
 * @param error - a BridgeError or anything else
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
