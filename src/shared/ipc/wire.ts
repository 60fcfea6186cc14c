import { z } from 'zod';
import { ipcResultSchema } from './result';

/** A message from the renderer to browser mode's WebSocket server. */
export const clientMessageSchema = z.object({
  type: z.literal('invoke'),
  /** Caller-chosen id echoed in the answer. */
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  /** The request; may be left out for calls without arguments (JSON drops `undefined`). */
  payload: z.unknown().optional(),
});

/** A message from the renderer over the WebSocket. */
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** A message from browser mode's WebSocket server to the renderer. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), result: ipcResultSchema }),
  z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown() }),
  /** Sent instead of a result when a message could not even be read. */
  z.object({ type: z.literal('refused'), reason: z.string() }),
]);

/** A message to the renderer over the WebSocket. */
export type ServerMessage = z.infer<typeof serverMessageSchema>;
