import { z } from 'zod';

/** Why a call across the IPC boundary was refused or failed. */
export const ipcErrorCodeSchema = z.enum([
  'unknown-channel',
  'bad-request',
  'unauthorized',
  'not-found',
  'unavailable',
  'internal',
]);

/** A typed error answered instead of a result; never a crash. */
export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  /** One sentence saying what was wrong and what to do. */
  message: z.string(),
  /** Field-by-field problems, `path: message`, for bad requests. */
  issues: z.array(z.string()).optional(),
});

/** A typed IPC error. */
export type IpcError = z.infer<typeof ipcErrorSchema>;

/** The answer to every invoke call: a value or a typed error. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Schema of an {@link IpcResult} whose value is not yet checked. */
export const ipcResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ipcErrorSchema }),
]);

/** An error thrown by a handler to answer with a specific code and message. */
export class IpcFailure extends Error {
  /**
   * @param code - the error code the caller receives
   * @param message - what was wrong and what to do
   * @param issues - optional field-by-field details
   */
  constructor(
    readonly code: IpcError['code'],
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
