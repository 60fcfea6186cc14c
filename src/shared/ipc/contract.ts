import { z } from 'zod';
import { alertSchema, isoTimeSchema } from '../domain/alert';
import { alertActionResultSchema, alertActionSchema } from '../domain/alert-action';
import {
  runbookLoadErrorSchema,
  runbookSchema,
  runbookSummarySchema,
  runbookUrlResolutionSchema,
} from '../domain/runbook';
import {
  alertListSettingsSchema,
  profileSettingsSchema,
  runbookSettingsSchema,
  settingsSchema,
  shortcutSettingsSchema,
  syncSettingsSchema,
  webhookSettingsSchema,
} from '../domain/settings';
import { alarmsRingingSchema } from '../escalation/alarm-ringing';
import { alertEscalationViewSchema } from '../escalation/alert-escalation-view';
import { alarmSettingsSchema } from '../escalation/alarm-settings';
import { doNotDisturbStateSchema } from '../escalation/do-not-disturb';
import { severitySchema, severityScaleSchema } from '../domain/severity';
import { credentialStateSchema, sourceConfigSchema, sourceStatusSchema } from '../domain/source';
import { sourcePreviewSchema } from '../domain/source-preview';
import { incidentDefaultsOverrideSchema } from '../domain/incident-defaults';
import { escalationSettingsSchema } from '../escalation/policy-settings';
import { feedStatusSchema } from '../schedules/feed-status';
import { onCallSummarySchema } from '../schedules/on-call';
import { feedIdSchema, feedUrlSchema } from '../schedules/schedule-schema';
import { scheduleSettingsSchema } from '../schedules/schedule-settings';
import { incidentOpSchema } from '../incident/apply-op';
import { incidentIdSchema } from '../incident/schema';
import { channelSecretStateSchema, outboundRecordEntrySchema } from './outbound-schemas';
import { syncViewSchema } from '../sync/sync-view';
import { presenceActivityRequestSchema, presenceViewSchema } from '../sync/presence';
import {
  declareIncidentRequestSchema,
  dismissProblemRequestSchema,
  incidentListSchema,
  incidentViewSchema,
} from './incident-schemas';
import {
  changeIncidentRequestSchema,
  changeIncidentResponseSchema,
  incidentPatchSchema,
  versionedIncidentViewSchema,
} from './incident-patch-schemas';

/** A problem with the settings file that the app worked around, shown until fixed. */
export const settingsProblemSchema = z.object({
  /** The settings file that was unusable. */
  file: z.string(),
  /** Where the unusable file was kept aside, so nothing the user wrote is lost. */
  keptAs: z.string().optional(),
  /** What was wrong, one line per field. */
  issues: z.array(z.string()),
  at: isoTimeSchema,
});

/** A settings file problem. */
export type SettingsProblem = z.infer<typeof settingsProblemSchema>;

/** Settings as the renderer sees them: the values, where they live, and any problem. */
export const settingsViewSchema = z.object({
  settings: settingsSchema,
  path: z.string(),
  problem: settingsProblemSchema.optional(),
});

/** The settings view. */
export type SettingsView = z.infer<typeof settingsViewSchema>;

/**
 * The runbook folder as the renderer sees it: which folder, every runbook file in it (broken
 * ones too, with their `error`), and every problem found while loading it.
 */
export const runbookListSchema = z.object({
  /** The folder chosen in settings; absent when none is. */
  dir: z.string().optional(),
  /** Every runbook file, sorted by id. */
  runbooks: z.array(runbookSummarySchema),
  /**
   * Every problem: broken files, entries that could not be read, and the folder itself (`.`)
   * when it is missing or unreadable.
   */
  errors: z.array(runbookLoadErrorSchema),
});

/** The runbook folder as the renderer sees it. */
export type RunbookList = z.infer<typeof runbookListSchema>;

const empty = z.object({}).strict();

/** Runbook ids are folder-relative paths; this bounds what a caller may send. */
const runbookIdSchema = z.string().min(1).max(1024);

/**
 * Every invoke call between renderer and main: `noun:verb`, one object argument, a typed result.
 * Main validates each request against `request` before any handler runs.
 */
export const invokeContract = {
  /** Which shell the app runs in, its version and where its state lives. */
  'app:info': {
    request: empty,
    response: z.object({
      mode: z.enum(['electron', 'browser']),
      version: z.string(),
      home: z.string(),
    }),
  },
  /** Every known alert, in list order (firing, worst and newest first). */
  'alerts:list': {
    request: empty,
    response: z.object({ alerts: z.array(alertSchema) }),
  },
  /** The polling status of every watched source. */
  'sources:list': {
    request: empty,
    response: z.object({ sources: z.array(sourceStatusSchema) }),
  },
  /** Poll one source now instead of waiting for its next turn or backoff. */
  'source:refresh': {
    request: z.object({ sourceId: z.string().min(1) }).strict(),
    response: z.object({ sourceId: z.string() }),
  },
  /**
   * Act on alerts at their source of truth (acknowledge, un-acknowledge, extend, snooze,
   * resolve, silence), as the user of this app, so the whole team sees it. Answers once each
   * source accepted or refused, one result per alert, in the order asked; the sources are polled
   * at once after, so `alerts:changed` shows what they now say.
   */
  'alert:act': {
    request: z
      .object({
        alertIds: z.array(z.string().min(1).max(1024)).min(1).max(500),
        action: alertActionSchema,
      })
      .strict(),
    response: z.object({ results: z.array(alertActionResultSchema) }),
  },
  /**
   * Poll a source's settings once, without saving or watching them: "Test connection". A
   * credential typed but not saved yet may come along (it is not stored); otherwise the stored
   * one is used. Answers what came back (how many alerts, the first few) or the exact reason.
   */
  'source:test': {
    request: z
      .object({ source: sourceConfigSchema, credential: z.string().min(1).max(4096).optional() })
      .strict(),
    response: z.union([
      z.object({
        ok: z.literal(true),
        count: z.number().int().min(0),
        /** The first alerts, as the list would show them. */
        sample: z.array(alertSchema).max(5),
      }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
  },
  /**
   * Store (or with `null`, forget) a saved source's credential (an API token) in the secret
   * store, never in settings.json, and poll the source with it at once. Answers it masked;
   * refused with the reason when the store cannot keep secrets safely here.
   */
  'source:setCredential': {
    request: z
      .object({
        sourceId: z.string().min(1).max(64),
        credential: z.string().trim().min(1).max(4096).nullable(),
      })
      .strict(),
    response: credentialStateSchema,
  },
  /**
   * Fetch a source's answer once with unsaved settings and show what its field mapping makes of
   * it: the live preview while a JSON source's fields are chosen. Answers one raw item as text,
   * the first alerts extracted and what was skipped, or why nothing could be read (with the
   * start of the answer, so the right paths can be found in it). Nothing is saved.
   */
  'source:preview': {
    request: z
      .object({ source: sourceConfigSchema, credential: z.string().min(1).max(4096).optional() })
      .strict(),
    response: sourcePreviewSchema,
  },
  /**
   * How a source pushes its alerts to the app (Alertmanager's webhook): the receiver's URL,
   * whether it listens (or why not), the token masked, and the block to paste into
   * alertmanager.yml. The token itself comes only in the answer to `newToken: true`, which makes
   * a new one (the old one stops working at once): it is shown that once, to be pasted, and
   * masked ever after. `not-found` for an unknown source, `bad-request` for a kind that cannot
   * push, `unavailable` when no token can be kept here.
   */
  'source:webhook': {
    request: z
      .object({ sourceId: z.string().min(1).max(64), newToken: z.boolean().default(false) })
      .strict(),
    response: z.object({
      url: z.string(),
      receiver: z.object({
        state: z.enum(['listening', 'off', 'failing']),
        port: z.number().int().optional(),
        /** Why it does not listen. */
        reason: z.string().optional(),
      }),
      credential: credentialStateSchema,
      /** Only in the answer that made it. */
      token: z.string().optional(),
      alertmanagerConfig: z.string(),
    }),
  },
  /** The current settings, the file they live in and any problem with it. */
  'settings:get': {
    request: empty,
    response: settingsViewSchema,
  },
  /** Replace parts of the settings; each given field is validated and saved to the file. */
  'settings:update': {
    request: z
      .object({
        sources: z.array(sourceConfigSchema).optional(),
        severityScale: severityScaleSchema.optional(),
        severityWords: z.record(z.string(), severitySchema).optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        notifications: z
          .object({ enabled: z.boolean(), minSeverity: severitySchema })
          .strict()
          .optional(),
        /** My alarm per severity; replaces the whole block. */
        alarm: alarmSettingsSchema.strict().optional(),
        /** The runbook folder; `{}` means none. Replaces the whole block. */
        runbooks: runbookSettingsSchema.strict().optional(),
        /** Who uses the app; replaces the whole block. */
        profile: profileSettingsSchema.strict().optional(),
        /** The local webhook receiver; replaces the whole block. */
        webhook: webhookSettingsSchema.strict().optional(),
        /** The team's incident defaults; replaces the whole block. */
        incidents: incidentDefaultsOverrideSchema.optional(),
        /** The alert list's saved filters; replaces the whole block. */
        alertList: alertListSettingsSchema.strict().optional(),
        /** People, outbound channels, policies and rules; replaces the whole block. */
        escalation: escalationSettingsSchema.optional(),
        /** On-call schedules and the reminder before my shift; replaces the whole block. */
        schedules: scheduleSettingsSchema.optional(),
        /** Team sync (server address, name); replaces the whole block. */
        sync: syncSettingsSchema.strict().optional(),
        /** Global shortcuts (Electron accelerators, "" for none); replaces the whole block. */
        shortcuts: shortcutSettingsSchema.strict().optional(),
      })
      .strict(),
    response: settingsViewSchema,
  },
  /**
   * Pause my alarm for one alert: its next repeat comes `minutes` from now, then it repeats as
   * before. `not-found` when the alert has no alarm repeating (acknowledged, resolved, sev3).
   */
  'alarm:snooze': {
    request: z
      .object({
        alertId: z.string().min(1).max(1024),
        minutes: z.number().int().min(1).max(1440),
      })
      .strict(),
    response: z.object({ until: isoTimeSchema }),
  },
  /**
   * One alert's escalation: its policy, the level reached, the next step and when, and what was
   * paged with its result. `not-found` when no source reports the alert.
   */
  'alert:escalation': {
    request: z.object({ alertId: z.string().min(1).max(1024) }).strict(),
    response: alertEscalationViewSchema,
  },
  /**
   * Who is on call now and next in every schedule and layer, and my next shift (the profile's
   * name); `schedules:changed` pushes it again at each change of who is on call.
   */
  'schedules:onCall': {
    request: empty,
    response: onCallSummarySchema,
  },
  /**
   * Store a saved feed layer's URL in the secret store, never in settings.json (a private
   * feed's URL is its password), and follow the feed at once; answers it as shown (scheme and
   * host). `not-found` for a feed no saved layer names (save the schedule first), `bad-request`
   * for a URL that cannot be fetched (saying what to give), `unavailable` when the store cannot
   * keep secrets here.
   */
  'schedules:setFeedUrl': {
    request: z.object({ feed: feedIdSchema, url: feedUrlSchema }).strict(),
    response: z.object({ feed: z.string(), shownAs: z.string() }),
  },
  /**
   * Read a saved feed layer's feed again now (the team just swapped shifts), rather than at the
   * next hourly read; answers the feed's status once read, and `schedules:changed` pushes who is
   * on call. Never fails for the feed's fault: a feed that cannot be read answers why, and its
   * last good copy keeps serving. `not-found` for a feed no saved layer names, or one with no
   * URL stored here.
   */
  'schedules:readFeed': {
    request: z.object({ feed: feedIdSchema }).strict(),
    response: feedStatusSchema,
  },
  /**
   * The alarms ringing now (unacknowledged SEV1s whose alarm repeats, not snoozed), for a
   * window that opens while one rings; `alarm:changed` pushes every change after.
   */
  'alarm:ringing': {
    request: empty,
    response: alarmsRingingSchema,
  },
  /**
   * Do-not-disturb: my local alarms are silent except sev1 (escalation to others is never held
   * back), for `minutes` or until turned off. Answers the state now.
   */
  'alarm:doNotDisturb': {
    request: z
      .object({
        on: z.boolean(),
        minutes: z.number().int().min(1).max(1440).optional(),
        /** An end at a wall-clock time (08:00 tomorrow), instead of `minutes`; within 2 days. */
        until: isoTimeSchema.optional(),
      })
      .strict()
      .refine((r) => r.minutes === undefined || r.until === undefined, {
        error: 'give minutes or until, not both',
      }),
    response: doNotDisturbStateSchema,
  },
  /** Do-not-disturb now; `alarm:doNotDisturbChanged` pushes every change after. */
  'alarm:doNotDisturbState': {
    request: empty,
    response: doNotDisturbStateSchema,
  },
  /** Send a test notification so the user can see notifications reach them. */
  'notifications:test': {
    request: empty,
    response: z.object({ delivered: z.boolean(), error: z.string().optional() }),
  },
  /**
   * The runbook folder: every runbook (summaries, broken ones with their error) and every
   * problem found loading it. Answers once the folder chosen last has been read.
   */
  'runbooks:list': {
    request: empty,
    response: runbookListSchema,
  },
  /**
   * One runbook with its Markdown body (untrusted: render without raw HTML) and its steps.
   * `not-found` when the folder has no runbook with that id (or no folder is chosen).
   */
  'runbook:get': {
    request: z.object({ id: runbookIdSchema }).strict(),
    response: z.object({ runbook: runbookSchema }),
  },
  /**
   * The runbooks for one alert: those whose front matter matches its labels, best (most
   * specific) first, and where its `runbook_url` annotation leads — an http(s) page, a runbook
   * of the folder, or refused with the reason. `not-found` when no alert has that id.
   */
  'runbooks:forAlert': {
    request: z.object({ alertId: z.string().min(1).max(1024) }).strict(),
    response: z.object({
      runbooks: z.array(runbookSummarySchema),
      /** Absent when the alert has no runbook link annotation. */
      runbookUrl: runbookUrlResolutionSchema.optional(),
    }),
  },
  /**
   * The runbooks for an incident: those matching the labels of any alert it was declared from,
   * best first (an incident declared from scratch has none, unless its affected services match a
   * runbook's `service`).
   */
  'runbooks:forIncident': {
    request: z.object({ incidentId: incidentIdSchema }).strict(),
    response: z.object({ runbooks: z.array(runbookSummarySchema) }),
  },
  /** Every incident, open and closed, and any problem found with their records on disk. */
  'incidents:list': {
    request: empty,
    response: incidentListSchema,
  },
  /**
   * Hide one problem of the list (the user has seen it): answers the new list, also pushed as
   * `incidents:changed`. Only the notice goes; the record and any quarantine file stay on disk,
   * and an unreadable incident stays unavailable (its notice is back after a restart).
   * `not-found` when no problem has that id.
   */
  'incidents:dismissProblem': {
    request: dismissProblemRequestSchema,
    response: incidentListSchema,
  },
  /** One incident, whole. `not-found` when there is none with that id. */
  'incident:get': {
    request: z.object({ id: incidentIdSchema }).strict(),
    response: incidentViewSchema,
  },
  /**
   * Declare an incident; answers once it is on disk. Alerts that are no longer known are refused
   * with `not-found` naming them.
   */
  'incident:declare': {
    request: declareIncidentRequestSchema,
    response: incidentViewSchema,
  },
  /**
   * Change an incident (one operation: a timeline entry, a tick, a role, a severity, …) as the
   * user of this app, now. Answers once the change is on disk, with the incident as it then is
   * and the id of anything created. A refused operation (`bad-request`, with the reason) changes
   * nothing.
   */
  'incident:apply': {
    request: z.object({ id: incidentIdSchema, op: incidentOpSchema }).strict(),
    response: incidentViewSchema.extend({
      changed: z.boolean(),
      createdId: z.string().optional(),
    }),
  },
  /**
   * Add current alerts to an incident (they fired after it was declared): followed from then on
   * like the alerts it was declared from. Answers once on disk; `added` counts the alerts new to
   * it. Alerts that are no longer known are refused with `not-found` naming them.
   */
  'incident:attachAlerts': {
    request: z
      .object({
        id: incidentIdSchema,
        alertIds: z.array(z.string().min(1).max(1024)).min(1).max(500),
      })
      .strict(),
    response: incidentViewSchema.extend({ added: z.number().int().min(0) }),
  },
  /**
   * Whether each outbound channel of the saved settings has its secret (webhook URL, topic URL,
   * routing key) stored, masked. The policies and channels themselves are in `settings:get`
   * (`escalation`) and saved with `settings:update`.
   */
  'channels:secrets': {
    request: empty,
    response: z.object({ channels: z.array(channelSecretStateSchema) }),
  },
  /**
   * Store (or with `null`, forget) a saved channel's secret in the secret store, never in
   * settings.json; answers it masked. `not-found` for an unknown channel, `bad-request` for a
   * secret its kind cannot use (saying what it takes), `unavailable` when the store cannot keep
   * secrets safely here.
   */
  'channel:setSecret': {
    request: z
      .object({
        channelId: z.string().min(1).max(64),
        secret: z.string().trim().min(1).max(4096).nullable(),
      })
      .strict(),
    response: channelSecretStateSchema,
  },
  /**
   * Send a test page through a saved channel ("Send test page"); answers once it was sent or
   * failed, as the outbound record keeps it. A PagerDuty test is resolved at once.
   */
  'channel:test': {
    request: z.object({ channelId: z.string().min(1).max(64) }).strict(),
    response: outboundRecordEntrySchema,
  },
  /** The outbound record: every page sent to others, newest first, with its result. */
  'outbound:list': {
    request: empty,
    response: z.object({ entries: z.array(outboundRecordEntrySchema) }),
  },
  /**
   * Team sync: where it stands (synced / N changes waiting / offline since … / server refused
   * with the reason) and every incident of the team, joined here or not. Also pushed as
   * `sync:changed` whenever either changes.
   */
  'sync:get': {
    request: empty,
    response: syncViewSchema,
  },
  /**
   * Fetch a team incident from the sync server and keep it here (journalled like one declared
   * here), synced from then on. Answers once it is on disk; an incident already here is answered
   * as it is. `unavailable` (with the reason) when sync is off, refused or offline, or the server
   * does not hold that incident.
   */
  'sync:join': {
    request: z.object({ id: incidentIdSchema }).strict(),
    response: incidentViewSchema,
  },
  /**
   * Store (or with `null`, forget) the team's sync token in the secret store, never in
   * settings.json; sync reconnects with it at once. Answers it masked. `ONCALL_SYNC_TOKEN`, when
   * set, is used instead of a stored one.
   */
  'sync:setToken': {
    request: z.object({ token: z.string().trim().min(1).max(4096).nullable() }).strict(),
    response: credentialStateSchema,
  },
  /**
   * Who else is in each shared incident (name, the roles they hold there, viewing or typing,
   * since when), by Yjs awareness. Also pushed as `presence:changed` whenever it changes.
   */
  'presence:get': {
    request: empty,
    response: presenceViewSchema,
  },
  /**
   * What the user is doing: viewing an incident, typing in its timeline, or (`incidentId: null`)
   * in none. Teammates see it while team sync is on; sending the same twice tells them nothing.
   */
  'presence:set': {
    request: presenceActivityRequestSchema,
    response: z.object({}),
  },
  /** Open an http(s) link in the user's browser; anything else is refused. */
  'link:open': {
    request: z.object({ url: z.string().max(4096) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },

  // The scribe at speed (issue 12): the incident by versioned patches rather than whole.
  /** One incident, whole, with the version its `incident:patched` pushes go on from. */
  'incident:load': {
    request: z.object({ id: incidentIdSchema }).strict(),
    response: versionedIncidentViewSchema,
  },
  /**
   * Change an incident as `incident:apply` does, but answer only whether it changed, the id of
   * anything created and the incident's version: the change itself reaches every window as an
   * `incident:patched` push, sent before this answer.
   */
  'incident:change': {
    request: changeIncidentRequestSchema,
    response: changeIncidentResponseSchema,
  },
} as const;

/** Events pushed from main to the renderer. */
export const eventContract = {
  /** The alert list changed: the full new list plus which ids were added or resolved. */
  'alerts:changed': z.object({
    alerts: z.array(alertSchema),
    added: z.array(z.string()),
    resolved: z.array(z.string()),
  }),
  /** One source's polling status changed. */
  'source:status': sourceStatusSchema,
  /** The settings changed (from the UI or the file). */
  'settings:changed': settingsViewSchema,
  /**
   * The runbook folder changed: another folder was chosen, or files in it were added, edited or
   * removed. Carries the whole new list, as `runbooks:list` answers it.
   */
  'runbooks:changed': runbookListSchema,
  /** An incident was declared, changed or closed, or a record problem was found: the list. */
  'incidents:changed': incidentListSchema,
  /** One incident changed (here or, once synced, by a teammate): the incident as it now is. */
  'incident:changed': incidentViewSchema,
  /** An outbound page started or ended: the entry as the record now keeps it. */
  'outbound:recorded': outboundRecordEntrySchema,
  /**
   * The alarms ringing changed: one started ringing for an alert, or stopped (acknowledged here
   * or at the source, resolved, snoozed). Carries every alarm ringing now.
   */
  'alarm:changed': alarmsRingingSchema,
  /** Do-not-disturb was turned on or off (here, in the tray, or by a shortcut): the state now. */
  'alarm:doNotDisturbChanged': doNotDisturbStateSchema,
  /**
   * Show one alert: Open was chosen on it in the tray or on its notification. The page switches
   * to the alert list with that alert selected and its details open.
   */
  'alert:reveal': z.object({ alertId: z.string().min(1).max(1024) }).strict(),
  /**
   * Who is on call changed (a shift boundary, from the deadline scheduler) or the schedules were
   * edited: the summary as `schedules:onCall` answers it.
   */
  'schedules:changed': onCallSummarySchema,
  /** Team sync changed: its state, or the team's incident list. */
  'sync:changed': syncViewSchema,
  /** Someone came into or left a shared incident, or started or stopped typing in it. */
  'presence:changed': presenceViewSchema,
  /**
   * The desktop opened an `oncall-companion://incident/…` link (the Electron shell only): the
   * link as given, for the team incidents panel to read and join as if pasted.
   */
  'link:incident': z.object({ link: z.string().max(4096) }),

  // The scribe at speed (issue 12).
  /**
   * One incident changed durably: all of it but the timeline, and of the timeline only what was
   * added or changed. A renderer whose version is not the patch's `base` loads it again.
   */
  'incident:patched': incidentPatchSchema,
} as const;

/** Name of an invoke call. */
export type InvokeChannel = keyof typeof invokeContract;
/** Argument of an invoke call, as the caller writes it. */
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
/** Argument of an invoke call after validation. */
export type InvokeParsedRequest<C extends InvokeChannel> = z.output<
  (typeof invokeContract)[C]['request']
>;
/** Result of an invoke call. */
export type InvokeResponse<C extends InvokeChannel> = z.output<
  (typeof invokeContract)[C]['response']
>;
/** Name of a push event. */
export type EventChannel = keyof typeof eventContract;
/** Payload of a push event. */
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>;

/** Every invoke channel name, for the preload and the browser-mode server. */
export const INVOKE_CHANNELS = Object.keys(invokeContract) as InvokeChannel[];
/** Every event channel name. */
export const EVENT_CHANNELS = Object.keys(eventContract) as EventChannel[];

/**
 * True when `name` is a declared invoke channel.
 * @param name - anything received from the other side
 */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeContract, name);
}

/**
 * True when `name` is a declared event channel.
 * @param name - anything received from the other side
 */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventContract, name);
}
