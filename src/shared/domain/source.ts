import { z } from 'zod';
import { alertActionTypeSchema } from './alert-action';
import { isoTimeSchema } from './alert';
import {
  DEFAULT_ACK_MINUTES,
  DEFAULT_ALERTMANAGER_URL,
  alertmanagerSourceSchema,
  type AlertmanagerSourceConfig,
} from './sources/alertmanager-source-config';
import {
  grafanaOncallSourceSchema,
  type GrafanaOncallSourceConfig,
} from './sources/grafana-oncall-source-config';
import { opsgenieSourceSchema, type OpsgenieSourceConfig } from './sources/opsgenie-source-config';
import {
  PAGERDUTY_API_URL,
  pagerdutySourceSchema,
  type PagerdutySourceConfig,
} from './sources/pagerduty-source-config';
import { httpCheckSourceSchema } from './sources/http-check-source-config';
import { jsonSourceSchema } from './sources/json-source-config';
import { DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_POLL_TIMEOUT_SECONDS } from './sources/source-base';

export {
  DEFAULT_ACK_MINUTES,
  DEFAULT_ALERTMANAGER_URL,
  alertmanagerSourceSchema,
  type AlertmanagerSourceConfig,
};
export { opsgenieSourceSchema, type OpsgenieSourceConfig };
export { grafanaOncallSourceSchema, type GrafanaOncallSourceConfig };
export { DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_POLL_TIMEOUT_SECONDS };
export { PAGERDUTY_API_URL, pagerdutySourceSchema, type PagerdutySourceConfig };

/**
 * Any alert source the app can watch, told apart by `kind`. Each kind has an adapter in
 * `src/main/services/sources/adapters/` that maps its API onto the normalised alert.
 */
export const sourceConfigSchema = z.discriminatedUnion('kind', [
  alertmanagerSourceSchema,
  opsgenieSourceSchema,
  grafanaOncallSourceSchema,
  pagerdutySourceSchema,
  jsonSourceSchema,
  httpCheckSourceSchema,
]);

/** Any alert source's settings. */
export type SourceConfig = z.infer<typeof sourceConfigSchema>;

/** The kinds of source. */
export type SourceKind = SourceConfig['kind'];

/** Every kind of source, in the order the UI offers them. */
export const SOURCE_KINDS: readonly SourceKind[] = sourceConfigSchema.options.map(
  (option) => option.shape.kind.value,
);

/**
 * The settings a new source of this kind starts from: every default its schema has, and the
 * kind; what it cannot default (its URL, say) is left for the user.
 * @param kind - the kind of source
 */
export function sourceDefaults(kind: SourceKind): Record<string, unknown> {
  const schema = sourceConfigSchema.options.find((option) => option.shape.kind.value === kind);
  const defaults: Record<string, unknown> = { kind };
  if (!schema) return defaults;
  // Field by field: a kind whose schema checks fields against each other cannot be `.partial()`.
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parsed = field.safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) defaults[key] = parsed.data;
  }
  return defaults;
}

/** The source watched when the settings list none. */
export function defaultSource(): AlertmanagerSourceConfig {
  return alertmanagerSourceSchema.parse({
    kind: 'alertmanager',
    id: 'alertmanager',
    name: 'Alertmanager (default address)',
    url: DEFAULT_ALERTMANAGER_URL,
    intervalSeconds: DEFAULT_POLL_INTERVAL_SECONDS,
    timeoutSeconds: DEFAULT_POLL_TIMEOUT_SECONDS,
  });
}

/** The health of a source as the user sees it. */
export const sourceHealthSchema = z.enum(['pending', 'ok', 'failing', 'disabled']);

/** The health of a source. */
export type SourceHealth = z.infer<typeof sourceHealthSchema>;

/** Whether a source's credential is stored, shown masked: never the secret itself. */
export const credentialStateSchema = z.object({
  /** True when the secret store holds a credential for this source. */
  set: z.boolean(),
  /** The last characters only, such as `••••3f9a`, so the user can tell which one it is. */
  hint: z.string().max(16).optional(),
});

/** Whether a source's credential is stored. */
export type CredentialState = z.infer<typeof credentialStateSchema>;

/** What the app knows about one source's polling, published on every change. */
export const sourceStatusSchema = z.object({
  sourceId: z.string(),
  name: z.string(),
  kind: z.string(),
  /** Where it is watched, without secrets. */
  url: z.string(),
  /** True when this is the fallback source watched because none is configured. */
  isDefault: z.boolean(),
  health: sourceHealthSchema,
  /** Why the last poll failed, in words a person can act on. */
  reason: z.string().optional(),
  /** When the current run of failures began. */
  failingSince: isoTimeSchema.optional(),
  /** Consecutive failed polls. */
  failures: z.number().int().nonnegative(),
  lastSuccessAt: isoTimeSchema.optional(),
  lastAttemptAt: isoTimeSchema.optional(),
  /** When the next poll is due (later than usual while backing off). */
  nextAttemptAt: isoTimeSchema.optional(),
  /** Active (firing or suppressed) alerts the source reported last. */
  activeAlerts: z.number().int().nonnegative(),
  /** What can be done to this source's alerts from the app. */
  actions: z.array(alertActionTypeSchema).default([]),
  /** The source's credential, masked; absent for a kind that takes none. */
  credential: credentialStateSchema.optional(),
});

/** One source's polling status. */
export type SourceStatus = z.infer<typeof sourceStatusSchema>;
