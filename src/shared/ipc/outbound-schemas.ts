import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';

/** How an outbound page ended: `sending` only while it is under way. */
export const outboundResultSchema = z.enum(['sending', 'sent', 'failed']);

/** How an outbound page ended. */
export type OutboundResult = z.infer<typeof outboundResultSchema>;

/**
 * One action of the outbound record: a page (or its acknowledge or resolve at PagerDuty, or a
 * test) sent to one target
 * through one channel, when, with what result and after how many attempts. A page that could
 * not be sent ends as `failed` with the reason, never missing.
 */
export const outboundRecordEntrySchema = z.object({
  /** Unique within the record. */
  id: z.string().min(1).max(64),
  /** When it was started. */
  at: isoTimeSchema,
  /** When it ended (sent or failed). */
  finishedAt: isoTimeSchema.optional(),
  action: z.enum(['trigger', 'acknowledge', 'resolve', 'test']),
  alertId: z.string().max(1024).optional(),
  /** The alert's title, bounded, so the record reads on its own. */
  alertTitle: z.string().max(300).optional(),
  /** The level paged, counted from 1. */
  level: z.number().int().min(1).optional(),
  /** Which run of the policy, 0 the first. */
  repeat: z.number().int().min(0).optional(),
  /** Who, in words: "channel Incident channel", "Bob (on call in secondary) via Bob's phone". */
  target: z.string().max(300),
  channelId: z.string().max(64).optional(),
  channelKind: z.enum(['webhook', 'slack', 'ntfy', 'pagerduty']).optional(),
  /** PagerDuty's dedup key, so the alert's resolve reaches the same PagerDuty alert. */
  dedupKey: z.string().max(255).optional(),
  result: outboundResultSchema,
  /** Why it failed, or what the peer said. */
  reason: z.string().max(1000).optional(),
  /** Requests made: 1 when the first one was answered, 0 when none could be made. */
  attempts: z.number().int().min(0),
});

/** One action of the outbound record. */
export type OutboundRecordEntry = z.infer<typeof outboundRecordEntrySchema>;

/** Whether a channel's secret (URL, routing key) is stored, shown masked. */
export const channelSecretStateSchema = z.object({
  channelId: z.string(),
  set: z.boolean(),
  /** The secret's last characters, to tell two apart. */
  hint: z.string().optional(),
});

/** Whether a channel's secret is stored. */
export type ChannelSecretState = z.infer<typeof channelSecretStateSchema>;
