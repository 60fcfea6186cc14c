import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { compileLabelRegex } from '../domain/runbook';
import { escalationIdSchema } from '../escalation/policy-schema';

/** The layers of a schedule: who is paged first, and their backup. */
export const scheduleLayerNameSchema = z.enum(['primary', 'secondary']);

/** A layer of a schedule. */
export type ScheduleLayerName = z.infer<typeof scheduleLayerNameSchema>;

/** Days of the week, as a handoff day; ISO order (Monday first). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];

/** A participant or override person: a profile name or an escalation person's id or name. */
export const participantSchema = z
  .string()
  .trim()
  .min(1, { error: 'a participant needs a name' })
  .max(200);

/** Most participants in one rotation. */
export const MAX_PARTICIPANTS = 100;

/** Longest rotation: a year of days. */
export const MAX_ROTATION_DAYS = 366;

/**
 * A rotation: participants take turns in order, each for a week or for `days` days, handing
 * over at `handoffTime` in the schedule's time zone (the wall time holds across a daylight
 * saving change, so that shift is 23 or 25 hours long per day it spans). A weekly rotation
 * hands over on `handoffDay`; the first shift begins at the first handoff on or after
 * `startDate`, and nobody is on call in the layer before it.
 */
export const rotationLayerSchema = z
  .object({
    kind: z.literal('rotation'),
    /** In turn order; the first takes the first shift. */
    participants: z
      .array(participantSchema)
      .min(1, { error: 'a rotation needs at least one participant' })
      .max(MAX_PARTICIPANTS),
    /** `week`: a shift is a week, handed over on `handoffDay`; `days`: every `days` days. */
    every: z.enum(['week', 'days']).default('week'),
    /** Length of a shift in days when `every` is `days`. */
    days: z
      .number({ error: 'must be a whole number of days' })
      .int({ error: 'must be a whole number of days' })
      .min(1, { error: 'must be at least 1 day' })
      .max(MAX_ROTATION_DAYS, { error: `must be at most ${MAX_ROTATION_DAYS} days` })
      .default(7),
    /** The day a weekly rotation hands over. */
    handoffDay: z.enum(WEEKDAYS).default('monday'),
    /** Local time of the handoff, `HH:MM` (24 h) in the schedule's time zone. */
    handoffTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time such as 09:00 (24 h)' })
      .default('09:00'),
    /** The calendar day the rotation starts, `YYYY-MM-DD` in the schedule's time zone. */
    startDate: z.iso.date({ error: 'must be a date such as 2026-01-05' }),
  })
  .strict();

/** A rotation layer. */
export type RotationLayer = z.output<typeof rotationLayerSchema>;

/** Where a feed's URL lives in the secret store: a private feed's URL is its password. */
export const FEED_SECRET_PREFIX = 'schedule-feed:';

/** A feed's id: its URL is in the secret store under `schedule-feed:<id>`. */
export const feedIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
  error: 'must be 1–64 letters, digits, "-" or "_"',
});

/** A feed's URL as given: http(s) or webcal. */
export const feedUrlSchema = z
  .url({ protocol: /^(https?|webcals?)$/, error: 'must be an http(s):// or webcal:// URL' })
  .max(2048);

/** Longest name pattern of a feed layer. */
export const MAX_FEED_PATTERN_LENGTH = 500;

/**
 * A feed's name pattern: RE2 syntax (linear time, so no feed's text can make it hang), checked
 * here so a pattern main could not compile is refused with the rest of the settings. A pattern
 * needs no group: main takes the group named `person`, else the first group, else the match.
 */
export const feedNamePatternSchema = z
  .string()
  .min(1, { error: 'a pattern cannot be empty; leave it out to guess the name' })
  .max(MAX_FEED_PATTERN_LENGTH, {
    error: `must be at most ${MAX_FEED_PATTERN_LENGTH} characters`,
  })
  .superRefine((pattern, ctx) => {
    const compiled = compileLabelRegex(pattern);
    if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.reason });
  });

/**
 * An iCalendar feed (PagerDuty, Opsgenie and GoAlert export one per schedule): its shifts come
 * from the feed service, which keeps the last good copy when a fetch fails. The URL is a secret
 * (PagerDuty's holds a private key in its path), so the layer names the feed by `feed`, its URL
 * in the secret store, and keeps only `shownAs` (scheme and host). A `url` written by hand (or
 * by an older version) is accepted and moved into the secret store by main when read.
 *
 * Who each event names: `person` when set (a personal feed names nobody); else, when `pattern`
 * is set, what it finds in the SUMMARY (nobody where it finds nothing); else main's guess from
 * PagerDuty's and GoAlert's summaries, the first ATTENDEE, or the SUMMARY itself.
 */
export const icsLayerSchema = z
  .object({
    kind: z.literal('ics'),
    feed: feedIdSchema.optional(),
    /** The feed as shown: `https://acme.pagerduty.com/…`. */
    shownAs: z.string().max(300).optional(),
    /** A plain URL, until main moves it into the secret store. */
    url: feedUrlSchema.optional(),
    /** Everyone on call in this feed is this person; `pattern` is then not used. */
    person: participantSchema.optional(),
    /** Finds the person in each event's SUMMARY (see {@link feedNamePatternSchema}). */
    pattern: feedNamePatternSchema.optional(),
  })
  .strict()
  .refine((layer) => layer.feed !== undefined || layer.url !== undefined, {
    error: 'give the feed’s URL',
    path: ['url'],
  });

/** An iCalendar feed layer. */
export type IcsLayer = z.output<typeof icsLayerSchema>;

/**
 * How the feed service knows a layer's feed: its id once stored, else its plain URL.
 * @param layer - an iCalendar feed layer
 */
export function feedRefOf(layer: IcsLayer): string {
  return layer.feed ?? layer.url ?? '';
}

/**
 * A feed URL as the app shows it: scheme and host only; the rest of a private feed's URL is
 * its password (PagerDuty: /private/<token>/feed/…; GoAlert: ?token=…).
 * @param url - the URL as given
 */
export function shownFeedAddress(url: string): string {
  try {
    const parsed = new URL(url.trim());
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return 'a feed';
  }
}

/** One layer: a rotation, or an iCalendar feed. */
export const scheduleLayerSchema = z.discriminatedUnion('kind', [
  rotationLayerSchema,
  icsLayerSchema,
]);

/** One layer of a schedule. */
export type ScheduleLayer = z.output<typeof scheduleLayerSchema>;

/** Someone takes a layer over for a span (a swap, a sick day): they replace whoever was on. */
export const scheduleOverrideSchema = z
  .object({
    person: participantSchema,
    /** From (inclusive). */
    from: isoTimeSchema,
    /** Until (exclusive); after `from`. */
    to: isoTimeSchema,
    layer: scheduleLayerNameSchema.default('primary'),
  })
  .strict();

/** An override. */
export type ScheduleOverride = z.output<typeof scheduleOverrideSchema>;

/**
 * An on-call schedule: a primary layer, an optional secondary (the backup), each a rotation or
 * an iCalendar feed, and overrides. Escalation targets `schedule:<id>` page its primary, and
 * `schedule:<id>-secondary` its secondary (see `scheduleWhoIsOnCall`).
 */
export const scheduleSchema = z
  .object({
    /** How policies refer to it. */
    id: escalationIdSchema,
    name: z.string().trim().min(1, { error: 'a schedule needs a name' }).max(100),
    /** The IANA time zone handoffs are in, e.g. `Europe/Berlin`. */
    timeZone: z.string().trim().min(1, { error: 'a schedule needs a time zone' }).max(64),
    layers: z
      .object({
        primary: scheduleLayerSchema,
        secondary: scheduleLayerSchema.optional(),
      })
      .strict(),
    overrides: z.array(scheduleOverrideSchema).max(500).default([]),
  })
  .strict();

/** An on-call schedule. */
export type Schedule = z.output<typeof scheduleSchema>;

/** An on-call schedule as written, defaults left out. */
export type ScheduleInput = z.input<typeof scheduleSchema>;
