import { z } from 'zod';
import { describeIssues } from './describe-issues';
import { SEVERITIES, severitySchema, type Severity } from './severity';

/*
 * What a new incident starts with: the roles and what each one does, how often a status update
 * is due at each severity, and what must be true before an incident may be closed.
 *
 * The facts come from the incident-response guides of the teams who use the app
 * (shared/reference/incident-guides); the wording is the product's own. Where the guides
 * disagree, the default is their common practice and a team changes the rest in settings with
 * {@link incidentDefaultsOverrideSchema}.
 */

/** Ids of roles, checklist items and closure items: short, lowercase, stable across versions. */
export const defaultsIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, {
    error: 'use lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
  });

/**
 * One item of a checklist (a role's, or the closure checklist).
 * `severities`, when present, limits the item to incidents of those severities: at other
 * severities it is shown as not needed and never blocks anything.
 */
export const checklistItemDefaultSchema = z
  .object({
    id: defaultsIdSchema,
    text: z.string().trim().min(1).max(500),
    severities: z.array(severitySchema).min(1).optional(),
  })
  .strict();

/** One item of a checklist. */
export type ChecklistItemDefault = z.infer<typeof checklistItemDefaultSchema>;

/** A role on the incident and the checklist of whoever holds it. */
export const roleDefaultSchema = z
  .object({
    id: defaultsIdSchema,
    name: z.string().trim().min(1).max(100),
    checklist: z.array(checklistItemDefaultSchema).max(100).default([]),
  })
  .strict();

/** A role and its checklist. */
export type RoleDefault = z.output<typeof roleDefaultSchema>;

/**
 * Minutes between status updates, or `null` for "no scheduled updates" (post one when there is
 * news). At most a day: an update promised further out is not a cadence.
 */
export const cadenceMinutesSchema = z.number().int().min(1).max(1440).nullable();

/** The status-update cadence for every severity. */
export const statusCadenceSchema = z
  .object({
    sev1: cadenceMinutesSchema,
    sev2: cadenceMinutesSchema,
    sev3: cadenceMinutesSchema,
    sev4: cadenceMinutesSchema,
  })
  .strict();

/** Minutes between status updates for each severity (`null`: none scheduled). */
export type StatusCadence = z.infer<typeof statusCadenceSchema>;

/**
 * Everything a new incident starts with. Ids must be unique: role ids among roles, and item ids
 * across every checklist together with the closure checklist (a tick is stored by item id).
 */
export const incidentDefaultsSchema = z
  .object({
    roles: z.array(roleDefaultSchema).min(1).max(20),
    statusCadenceMinutes: statusCadenceSchema,
    closureChecklist: z.array(checklistItemDefaultSchema).max(100),
  })
  .strict()
  .superRefine((defaults, ctx) => {
    const roleIds = new Set<string>();
    const itemIds = new Set<string>();
    const seeItem = (id: string, path: (string | number)[]): void => {
      if (itemIds.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `duplicate checklist item id "${id}"; each item needs its own id`,
        });
      }
      itemIds.add(id);
    };
    defaults.roles.forEach((role, r) => {
      if (roleIds.has(role.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', r, 'id'],
          message: `duplicate role id "${role.id}"; each role needs its own id`,
        });
      }
      roleIds.add(role.id);
      role.checklist.forEach((item, i) => seeItem(item.id, ['roles', r, 'checklist', i, 'id']));
    });
    defaults.closureChecklist.forEach((item, i) => seeItem(item.id, ['closureChecklist', i, 'id']));
  });

/** Everything a new incident starts with. */
export type IncidentDefaults = z.output<typeof incidentDefaultsSchema>;

/** Role id of the Incident Commander, whom several features look up (status updates, handoff). */
export const INCIDENT_COMMANDER_ROLE_ID = 'ic';

/** Role id of the scribe, who keeps the timeline. */
export const SCRIBE_ROLE_ID = 'scribe';

const BOTH_WORST: Severity[] = ['sev1', 'sev2'];

/**
 * The four roles every guide names (commander, technical lead, communications, scribe), each
 * with the duties the guides give it, worded for a checklist.
 */
const DEFAULT_ROLES: RoleDefault[] = [
  {
    id: INCIDENT_COMMANDER_ROLE_ID,
    name: 'Incident Commander',
    checklist: [
      { id: 'ic.severity', text: 'Confirm the severity and record it' },
      { id: 'ic.roles', text: 'Give out the roles: tech lead, comms lead, scribe' },
      { id: 'ic.bridge', text: 'Open the bridge call and the incident channel' },
      { id: 'ic.next-update', text: 'Agree when the next status update goes out' },
      { id: 'ic.escalation', text: 'Decide whether to bring in more people or escalate' },
      { id: 'ic.close', text: 'Close the incident once the closure checklist is done' },
    ],
  },
  {
    id: 'tech-lead',
    name: 'Tech Lead',
    checklist: [
      { id: 'tech.recent-changes', text: 'Review what changed lately: deploys, config, infra' },
      { id: 'tech.logs', text: 'Read the error logs from around the start time' },
      { id: 'tech.metrics', text: 'Compare the key metrics with their normal baseline' },
      { id: 'tech.hypotheses', text: 'Put each hypothesis on the timeline, and how it was tested' },
      { id: 'tech.verify-fix', text: 'Confirm the fix: errors down, metrics normal, alerts clear' },
    ],
  },
  {
    id: 'comms-lead',
    name: 'Communications Lead',
    checklist: [
      {
        id: 'comms.status-page',
        text: 'Post the incident on the status page and keep it current',
        severities: BOTH_WORST,
      },
      { id: 'comms.stakeholders', text: 'Keep internal stakeholders up to date' },
      {
        id: 'comms.customer-notice',
        text: 'Tell affected customers what happened and what it means for them',
        severities: BOTH_WORST,
      },
    ],
  },
  {
    id: SCRIBE_ROLE_ID,
    name: 'Scribe',
    checklist: [
      { id: 'scribe.timeline', text: 'Record events on the timeline as they happen' },
      { id: 'scribe.decisions', text: 'Write down each decision and who made it' },
      { id: 'scribe.action-items', text: 'Capture follow-up work as action items with owners' },
    ],
  },
];

/**
 * Status-update cadence by severity.
 *
 * - sev1, 15 minutes: the pace the guides promise for their worst incidents and in their
 *   update templates (the one outlier asks for 5, kept as a configuration example).
 * - sev2, 30 minutes: the upper end of the "every 15 to 30 minutes" range the guides give for
 *   serious incidents, and the gap their status-page examples show between updates.
 * - sev3, 2 hours: the "every 1 to 2 hours" given for medium incidents.
 * - sev4, none: the guides give low-severity incidents no communication beyond the ticket, so
 *   no update falls due; an update can still be posted at any time.
 */
const DEFAULT_STATUS_CADENCE: StatusCadence = { sev1: 15, sev2: 30, sev3: 120, sev4: null };

/**
 * What must be true before an incident may be closed, gathered from the guides' closure and
 * after-resolution lists. External communication and a post-mortem are only required at sev1
 * and sev2; the guides keep sev3 internal and make its post-mortem optional.
 */
const DEFAULT_CLOSURE_CHECKLIST: ChecklistItemDefault[] = [
  { id: 'closure.stable', text: 'Stable for at least an hour since the fix' },
  { id: 'closure.root-cause', text: 'The root cause is understood' },
  { id: 'closure.fix-verified', text: 'Fix verified: alerts clear, metrics at baseline' },
  { id: 'closure.stakeholders', text: 'Stakeholders know the incident is resolved' },
  {
    id: 'closure.status-page',
    text: 'The status page shows the incident as resolved',
    severities: BOTH_WORST,
  },
  {
    id: 'closure.post-mortem',
    text: 'The post-mortem meeting is on the calendar',
    severities: BOTH_WORST,
  },
];

/** The product's defaults, used when a team has not changed them. Validated on load. */
export const DEFAULT_INCIDENT_DEFAULTS: IncidentDefaults = deepFreeze(
  incidentDefaultsSchema.parse({
    roles: DEFAULT_ROLES,
    statusCadenceMinutes: DEFAULT_STATUS_CADENCE,
    closureChecklist: DEFAULT_CLOSURE_CHECKLIST,
  }),
);

/**
 * A team's changes to the defaults, as kept in settings. Every field may be left out.
 *
 * - `roles`: merged by id: a role with a default's id replaces that role (its name and its whole
 *   checklist), a new id adds a role after the defaults.
 * - `omitRoles`: ids of default roles the team does not use.
 * - `statusCadenceMinutes`: per severity; `null` means no scheduled updates.
 * - `closureChecklist`: replaces the closure checklist as a whole.
 */
export const incidentDefaultsOverrideSchema = z
  .object({
    roles: z.array(roleDefaultSchema).max(20).optional(),
    omitRoles: z.array(defaultsIdSchema).max(20).optional(),
    statusCadenceMinutes: statusCadenceSchema.partial().optional(),
    closureChecklist: z.array(checklistItemDefaultSchema).max(100).optional(),
  })
  .strict();

/** A team's changes to the incident defaults. */
export type IncidentDefaultsOverride = z.input<typeof incidentDefaultsOverrideSchema>;

/** The outcome of applying a team's changes: the defaults to use, or why they cannot be used. */
export type ResolvedIncidentDefaults =
  { ok: true; defaults: IncidentDefaults } | { ok: false; issues: string[] };

/**
 * Apply a team's changes to a base set of defaults (the product's, unless given) and check the
 * result as a whole: duplicate ids, or omitting every role, are refused with one line per issue.
 * @param override - the team's changes, unchecked (as read from settings)
 * @param base - what the changes apply to
 */
export function resolveIncidentDefaults(
  override: unknown,
  base: IncidentDefaults = DEFAULT_INCIDENT_DEFAULTS,
): ResolvedIncidentDefaults {
  const parsed = incidentDefaultsOverrideSchema.safeParse(override ?? {});
  if (!parsed.success) return { ok: false, issues: describeIssues(parsed.error) };
  const change = parsed.data;
  const omitted = new Set(change.omitRoles ?? []);
  const replacements = new Map((change.roles ?? []).map((role) => [role.id, role]));
  const roles = base.roles
    .filter((role) => !omitted.has(role.id))
    .map((role) => replacements.get(role.id) ?? role);
  for (const role of change.roles ?? []) {
    if (!base.roles.some((r) => r.id === role.id)) roles.push(role);
  }
  const statusCadenceMinutes = { ...base.statusCadenceMinutes };
  for (const severity of SEVERITIES) {
    const minutes = change.statusCadenceMinutes?.[severity];
    if (minutes !== undefined) statusCadenceMinutes[severity] = minutes;
  }
  const merged = incidentDefaultsSchema.safeParse({
    roles,
    statusCadenceMinutes,
    closureChecklist: change.closureChecklist ?? base.closureChecklist,
  });
  if (!merged.success) return { ok: false, issues: describeIssues(merged.error) };
  return { ok: true, defaults: merged.data };
}

/**
 * True when a checklist item applies to an incident of this severity.
 * @param item - the item, with its optional severity limit
 * @param severity - the incident's current severity
 */
export function checklistItemApplies(
  item: { severities?: readonly Severity[] | undefined },
  severity: Severity,
): boolean {
  return item.severities === undefined || item.severities.includes(severity);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
