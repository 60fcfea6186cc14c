import { z } from 'zod';
import { alarmSettingsSchema, DEFAULT_ALARM } from '../escalation/alarm-settings';
export { describeIssues } from './describe-issues';
import { escalationSettingsSchema } from '../escalation/policy-settings';
import { scheduleSettingsSchema } from '../schedules/schedule-settings';
import { incidentDefaultsOverrideSchema } from './incident-defaults';
import { severitySchema, severityScaleSchema } from './severity';
import { sourceConfigSchema } from './source';
import { acceleratorProblem } from './accelerator';

/**
 * True for an absolute path on any OS the app runs on: `/…` (Linux, macOS), `C:\…` or `C:/…`,
 * and UNC paths `\\server\share` (Windows). Pure text: `src/shared` has no `node:path`.
 * @param value - the path as written
 */
export function isAbsolutePath(value: string): boolean {
  return /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(value);
}

/** Where the runbooks are (docs/settings.md, runbooks). */
export const runbookSettingsSchema = z.object({
  /**
   * The runbook folder: an absolute path, typically a git checkout. Left out: no runbooks.
   * Checked here only for its form; a folder that is missing or unreadable is reported by the
   * runbook library as an error entry, so a typo never stops the app.
   */
  dir: z
    .string()
    .max(4096)
    .refine((dir) => isAbsolutePath(dir) && !dir.includes('\0'), {
      error: 'must be an absolute path, such as /home/you/runbooks (leave it out for none)',
    })
    .optional(),
});

/** Where the runbooks are. */
export type RunbookSettings = z.infer<typeof runbookSettingsSchema>;

/** Who uses this app: the name written on timeline entries, ticks and assignments. */
export const profileSettingsSchema = z.object({
  /**
   * The person's name as teammates know it. Left out: the operating system's user name, so an
   * entry always says who wrote it.
   */
  name: z.string().trim().min(1).max(200).optional(),
  /**
   * The IANA time zone typed times (`14:23`) are read in, e.g. `Europe/Berlin`. Left out: the
   * machine's.
   */
  timeZone: z.string().trim().min(1).max(64).optional(),
});

/** Who uses this app. */
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

/** How the Electron shell may keep API tokens (they never live in the settings file). */
export const secretSettingsSchema = z.object({
  /**
   * Linux without a keyring: accept Electron's `basic_text` sealing (a key built into
   * Chromium, so no real protection). Off by default: tokens are then refused, saying why.
   */
  acceptBasicText: z.boolean().default(false),
});

/**
 * The port the local webhook receiver listens on by default (127.0.0.1 only). Next to
 * Alertmanager's own 9093/9094, and outside the range the OS hands out for outgoing connections.
 */
export const DEFAULT_WEBHOOK_PORT = 9097;

/** The local receiver for alerts a source pushes (Alertmanager's webhook). */
export const webhookSettingsSchema = z.object({
  /**
   * Port on 127.0.0.1; `0` turns the receiver off. It only listens while a watched source has
   * `push` on.
   */
  port: z
    .number()
    .refine((port) => port === 0 || (Number.isInteger(port) && port >= 1024 && port <= 65535), {
      error: 'must be 0 (off) or a port from 1024 to 65535',
    })
    .default(DEFAULT_WEBHOOK_PORT),
});

/** The webhook receiver's settings. */
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

/**
 * Sharing incidents with the team through a sync server (docs/settings.md, team sync). The
 * team token lives in the secret store (or `ONCALL_SYNC_TOKEN`), never here.
 */
export const syncSettingsSchema = z.object({
  /** The team's sync server, e.g. `wss://sync.example.org`; left out: incidents stay here. */
  url: z.string().trim().min(1).max(2000).optional(),
  /** The name teammates see; left out: the profile's name. */
  name: z.string().trim().min(1).max(200).optional(),
  /**
   * Accept plain `ws://` to a host other than this machine (token and incidents unencrypted).
   * Off by default: such an address is refused, saying why.
   */
  allowInsecure: z.boolean().default(false),
});

/** Team sync settings. */
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/** A filter of the alert list kept under a name, e.g. "Hide Watchdog and info". */
export const savedFilterSchema = z
  .object({
    /** What the button says. */
    name: z.string().trim().min(1).max(100),
    /** The filter as typed in the list (`alertname!=Watchdog severity!=info`). */
    query: z.string().trim().min(1).max(2000),
  })
  .strict();

/** A filter of the alert list kept under a name. */
export type SavedFilter = z.infer<typeof savedFilterSchema>;

/** The saved filters a new user starts with: the noise most teams hide first. */
export const DEFAULT_SAVED_FILTERS: readonly SavedFilter[] = [
  { name: 'Hide Watchdog and info', query: 'alertname!=Watchdog severity!=info' },
];

/** The default global shortcut that brings the window forward ("O" for on-call). */
export const DEFAULT_OPEN_WINDOW_SHORTCUT = 'CommandOrControl+Alt+O';

// An accelerator, or "" for none; a bad one is refused with what was wrong.
const shortcutSchema = z.string().superRefine((text, ctx) => {
  const problem = text === '' ? undefined : acceleratorProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (or "" for none)` });
});

/**
 * Global shortcuts (work while another app has focus), as Electron accelerators; "" turns one
 * off. Only the desktop shell registers them; one another app holds already is reported.
 */
export const shortcutSettingsSchema = z.object({
  /** Bring the window forward. */
  openWindow: shortcutSchema.default(DEFAULT_OPEN_WINDOW_SHORTCUT),
  /** Acknowledge the most urgent alert firing unacknowledged; off by default (opt in). */
  acknowledge: shortcutSchema.default(''),
});

/** Global shortcuts. */
export type ShortcutSettings = z.infer<typeof shortcutSettingsSchema>;

/** How the alert list is set up (docs/settings.md, alert list). */
export const alertListSettingsSchema = z.object({
  /** Filters offered as one-click buttons above the list, in this order. */
  savedFilters: z
    .array(savedFilterSchema)
    .max(50)
    .default(() => [...DEFAULT_SAVED_FILTERS]),
});

/** How the alert list is set up. */
export type AlertListSettings = z.infer<typeof alertListSettingsSchema>;

/** Current version of the settings file layout. */
export const SETTINGS_VERSION = 1;

/**
 * The settings file (`settings.json` in the app's home directory), also editable by hand.
 * Every field has a default, so `{}` is a valid file. See docs/settings.md.
 */
export const settingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
    /** Alert sources to watch; when empty the app watches Alertmanager's default address. */
    sources: z.array(sourceConfigSchema).default([]),
    /** The team's severity vocabulary. */
    severityScale: severityScaleSchema.default('sev1-4'),
    /** Extra `severity` label values and the severity each means, e.g. `{ "disaster": "sev1" }`. */
    severityWords: z.record(z.string(), severitySchema).default({}),
    /** Colour theme; `system` follows the OS. */
    theme: z.enum(['system', 'light', 'dark']).default('system'),
    notifications: z
      .object({
        /** Raise an OS notification for each new firing alert. */
        enabled: z.boolean().default(true),
        /** Lowest severity that raises a notification (`sev4` means all). */
        minSeverity: severitySchema.default('sev4'),
      })
      .default({ enabled: true, minSeverity: 'sev4' }),
    /**
     * My alarm per severity: repeat until acknowledged, once, or silent (docs/settings.md);
     * `notifications.enabled` and `minSeverity` still apply on top.
     */
    alarm: alarmSettingsSchema.default(() => ({ ...DEFAULT_ALARM })),
    /** The runbook folder; none by default. */
    runbooks: runbookSettingsSchema.default({}),
    /** The local webhook receiver; see {@link webhookSettingsSchema}. */
    webhook: webhookSettingsSchema.default({ port: DEFAULT_WEBHOOK_PORT }),
    /** Who uses this app; see {@link profileSettingsSchema}. */
    profile: profileSettingsSchema.default({}),
    /**
     * The team's changes to the incident defaults (roles and their checklists, status update
     * cadence per severity, closure checklist); the product's defaults where left out.
     */
    incidents: incidentDefaultsOverrideSchema.default({}),
    /** How API tokens are kept; see {@link secretSettingsSchema}. */
    secrets: secretSettingsSchema.default({ acceptBasicText: false }),
    /** The alert list's saved filters; see {@link alertListSettingsSchema}. */
    alertList: alertListSettingsSchema.default(() => ({
      savedFilters: [...DEFAULT_SAVED_FILTERS],
    })),
    /**
     * Escalation: people, outbound channels (no secrets), policies and the rules choosing one;
     * see {@link escalationSettingsSchema}.
     */
    escalation: escalationSettingsSchema.default(() => escalationSettingsSchema.parse({})),
    /** Team sync; see {@link syncSettingsSchema}. Off (no server) by default. */
    sync: syncSettingsSchema.default({ allowInsecure: false }),
    /** Global shortcuts; see {@link shortcutSettingsSchema}. */
    shortcuts: shortcutSettingsSchema.default({
      openWindow: DEFAULT_OPEN_WINDOW_SHORTCUT,
      acknowledge: '',
    }),
    /**
     * On-call schedules (none by default) and the reminder before my shift; see
     * {@link scheduleSettingsSchema}.
     */
    schedules: scheduleSettingsSchema.default(() => scheduleSettingsSchema.parse({})),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.sources.forEach((source, index) => {
      if (seen.has(source.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          message: `duplicate source id "${source.id}"; each source needs its own id`,
        });
      }
      seen.add(source.id);
    });
  });

/** The app's settings, defaults filled in. */
export type Settings = z.output<typeof settingsSchema>;

/** Settings as written in the file, where every field may be left out. */
export type SettingsInput = z.input<typeof settingsSchema>;

/** The settings used when the file is missing or unusable. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
