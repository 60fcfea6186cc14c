import { z } from 'zod';
import { runbookMatchSchema } from '../domain/runbook';
import { severitySchema } from '../domain/severity';

/**
 * An id a person picks for a person, channel or policy: referred to from policies and rules, so
 * it stays stable while names change. Letters, digits, `-` and `_`, as source ids.
 */
export const escalationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
  error: 'must be 1–64 letters, digits, "-" or "_" (it is how policies refer to it)',
});

/** A person a level can page by name; reached through their own outbound channel. */
export const escalationPersonSchema = z
  .object({
    id: escalationIdSchema,
    /** As teammates know them. */
    name: z.string().trim().min(1).max(200),
    /** The outbound channel that reaches them (their ntfy topic, their PagerDuty key, …). */
    channel: escalationIdSchema.optional(),
  })
  .strict();

/** A person a level can page. */
export type EscalationPerson = z.infer<typeof escalationPersonSchema>;

const channelBase = {
  id: escalationIdSchema,
  /** Shown in the app and in the outbound record. */
  name: z.string().trim().min(1).max(100),
};

/** Where PagerDuty's Events API v2 takes events (EU accounts use events.eu.pagerduty.com). */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/**
 * An outbound channel, without its secret: the URL or routing key that lets anyone page through
 * it lives in the secret store (`channel:<id>`), never in settings.json.
 * - `webhook`: a JSON POST to a URL (the secret);
 * - `slack`: a Slack incoming webhook (the secret is its URL);
 * - `ntfy`: a POST to an ntfy topic URL (the secret: on a public server the topic is the password);
 * - `pagerduty`: PagerDuty Events API v2 (the secret is the integration's routing key), triggered
 *   with a dedup key per alert and resolved when the alert resolves.
 */
export const outboundChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), ...channelBase }).strict(),
  z.object({ kind: z.literal('slack'), ...channelBase }).strict(),
  z.object({ kind: z.literal('ntfy'), ...channelBase }).strict(),
  z
    .object({
      kind: z.literal('pagerduty'),
      ...channelBase,
      /** The Events API v2 endpoint; PagerDuty's own by default. */
      eventsUrl: z
        .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
        .max(2048)
        .default(PAGERDUTY_EVENTS_URL),
    })
    .strict(),
]);

/** An outbound channel's settings (no secret). */
export type OutboundChannel = z.output<typeof outboundChannelSchema>;

/** The kinds of outbound channel. */
export type OutboundChannelKind = OutboundChannel['kind'];

/**
 * Who a level pages: `me` (this app's alarm), a named person, whoever is on call in a schedule,
 * or an outbound channel.
 */
export const escalationTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('me') }).strict(),
  z.object({ kind: z.literal('person'), id: escalationIdSchema }).strict(),
  z.object({ kind: z.literal('schedule'), id: escalationIdSchema }).strict(),
  z.object({ kind: z.literal('channel'), id: escalationIdSchema }).strict(),
]);

/** Who a level pages. */
export type EscalationTarget = z.infer<typeof escalationTargetSchema>;

/** Longest wait a level may have: a day. */
export const MAX_LEVEL_DELAY_MINUTES = 1440;

/** One level of a policy: who is paged, and how long they have before the next level. */
export const escalationLevelSchema = z
  .object({
    /**
     * Minutes this level's targets have to acknowledge before the next level is paged (after
     * the last level, before the policy repeats). A level nobody can be reached on is skipped
     * at once: its minutes are not waited out.
     */
    delayMinutes: z
      .number({ error: 'must be a number of minutes' })
      .min(0, { error: 'cannot be negative: 0 pages the next level at once' })
      .max(MAX_LEVEL_DELAY_MINUTES, {
        error: `must be at most ${MAX_LEVEL_DELAY_MINUTES} (a day)`,
      }),
    /** Who is paged, all at once. */
    targets: z
      .array(escalationTargetSchema)
      .min(1, { error: 'a level needs at least one target' })
      .max(20),
  })
  .strict();

/** One level of a policy. */
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

/** Most times a policy may run again after its last level. */
export const MAX_POLICY_REPEATS = 10;

/** An escalation policy: ordered levels, run once and then `repeat` more times. */
export const escalationPolicySchema = z
  .object({
    id: escalationIdSchema,
    name: z.string().trim().min(1).max(100),
    /** Paged in order until the alert is acknowledged or resolves. */
    levels: z
      .array(escalationLevelSchema)
      .min(1, { error: 'a policy needs at least one level' })
      .max(20),
    /** How many more times the whole policy runs after its last level; 0 runs it once. */
    repeat: z.number().int().min(0).max(MAX_POLICY_REPEATS).default(0),
  })
  .strict();

/** An escalation policy. */
export type EscalationPolicy = z.output<typeof escalationPolicySchema>;

/**
 * Which policy an alert gets. Every condition given must hold; a rule with none matches every
 * alert. Rules are tried in order and the first that matches decides.
 */
export const escalationRuleSchema = z
  .object({
    /** The alert's severity is one of these. */
    severities: z.array(severitySchema).min(1).optional(),
    /** The alert comes from one of these sources (by source id). */
    sources: z.array(z.string().min(1).max(64)).min(1).optional(),
    /**
     * The alert's labels: label → exact value, list of values, or `{ regex }` (RE2, whole value),
     * as a runbook's `match`.
     */
    labels: runbookMatchSchema.optional(),
    /** The policy to run, by id; `null` means no escalation for these alerts. */
    policy: escalationIdSchema.nullable(),
  })
  .strict();

/** Which policy an alert gets. */
export type EscalationRule = z.output<typeof escalationRuleSchema>;
