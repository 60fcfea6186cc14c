import type { Alert } from '../../../shared/domain/alert';
import { severityLabel, severityRank, type SeverityScale } from '../../../shared/domain/severity';
import type { Deadline } from '../../../shared/escalation/deadline';
import { isEscalating } from '../../../shared/escalation/escalation-steps';
import type { EscalationSettings } from '../../../shared/escalation/policy-settings';
import { choosePolicy } from '../../../shared/escalation/policy-rules';
import type { IncidentSummary } from '../../../shared/ipc/incident-schemas';
import { trayLabel } from './tray-label';

/** Which tray icon to show; one PNG per state in assets/icons/tray (docs: design §7). */
export type TrayIconState = 'idle' | 'firing' | 'escalating' | 'incident';

/** Every tray icon state, mildest first; the icon script draws one image per state. */
export const TRAY_ICON_STATES: readonly TrayIconState[] = [
  'idle',
  'firing',
  'escalating',
  'incident',
];

/** Most alerts listed in the tray menu; the rest are counted in one "and N more…" line. */
export const TRAY_MAX_ALERTS = 10;

/** The snoozes the tray offers, in minutes (the alarm window offers the same). */
export const TRAY_SNOOZE_MINUTES: readonly number[] = [15, 60];

/** One unacknowledged firing alert as the tray lists it. */
export interface TrayAlert {
  id: string;
  title: string;
  severity: Alert['severity'];
}

/** What the tray reflects. */
export interface TrayInput {
  /** Alerts firing and not acknowledged, most urgent first (see {@link unacknowledgedFiring}). */
  alerts: readonly TrayAlert[];
  /** An escalation step has fired and nobody has acknowledged yet. */
  escalating?: boolean;
  /** An incident is declared and not resolved. */
  incident?: boolean;
  /** Do-not-disturb is on (until `until`, or until turned off). */
  doNotDisturb?: { on: boolean; until?: string };
  /** "On call: Ana (primary)"; no line when absent. */
  onCall?: string;
  /** The team's severity vocabulary for the labels; SEV1-4 by default. */
  severityScale?: SeverityScale;
}

/** What a tray menu entry does when chosen. */
export type TrayAction =
  | { type: 'open' }
  | { type: 'quit' }
  | { type: 'openAlert'; alertId: string }
  | { type: 'acknowledge'; alertId: string }
  | { type: 'snooze'; alertId: string; minutes: number }
  | { type: 'doNotDisturb'; on: boolean };

/** One entry of the tray's context menu, without any Electron type. */
export type TrayMenuItem =
  | { kind: 'status'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string }
  | { kind: 'toggle'; action: TrayAction; label: string; checked: boolean }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] };

/** Everything the tray shows, computed from {@link TrayInput}. */
export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  /** The text beside the icon where the platform has one (macOS): the count, or empty. */
  title: string;
  menu: TrayMenuItem[];
}

/**
 * The alerts the tray counts and lists: firing and not acknowledged (here or at the source),
 * most severe first, then the longest firing first.
 * @param alerts - the full alert list from `alerts:changed`
 */
export function unacknowledgedFiring(alerts: readonly Alert[]): TrayAlert[] {
  return alerts
    .filter(isEscalating)
    .sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
        a.id.localeCompare(b.id),
    )
    .map((alert) => ({ id: alert.id, title: alert.title, severity: alert.severity }));
}

/**
 * True when an escalation step that pages someone besides me has fired for an alert still firing
 * unacknowledged: others have been paged and nobody answered yet. A level for `me` alone is my
 * own alarm, not escalation.
 * @param deadlines - the scheduler's deadlines
 * @param unacknowledged - the alerts firing unacknowledged
 * @param escalation - the escalation settings (which policy an alert follows, each level's targets)
 */
export function escalationFired(
  deadlines: readonly Pick<Deadline, 'kind' | 'subject' | 'firedAt' | 'level'>[],
  unacknowledged: readonly Alert[],
  escalation: Pick<EscalationSettings, 'rules' | 'policies' | 'defaultPolicy'>,
): boolean {
  const byId = new Map(unacknowledged.map((alert) => [alert.id, alert]));
  return deadlines.some((d) => {
    const alert = d.kind === 'escalation-step' && d.firedAt !== undefined && byId.get(d.subject);
    if (!alert) return false;
    const level = choosePolicy(escalation, alert).policy?.levels[(d.level ?? 1) - 1];
    return level?.targets.some((target) => target.kind !== 'me') ?? false;
  });
}

/**
 * True when an incident is being worked: declared and neither resolved nor closed.
 * @param incidents - the incident list from `incidents:changed`
 */
export function hasActiveIncident(incidents: readonly Pick<IncidentSummary, 'status'>[]): boolean {
  return incidents.some((i) => i.status === 'investigating' || i.status === 'mitigated');
}

/**
 * The icon state: the most urgent thing going on wins (incident, then escalation, then firing).
 * @param input - what is going on
 */
export function trayIconState(
  input: Pick<TrayInput, 'alerts' | 'escalating' | 'incident'>,
): TrayIconState {
  if (input.incident) return 'incident';
  if (input.escalating) return 'escalating';
  return input.alerts.length > 0 ? 'firing' : 'idle';
}

/**
 * The tray's icon, tooltip, title and menu: a status line, the unacknowledged alerts (each with
 * Acknowledge, Snooze and Open), do-not-disturb, who is on call, Open and Quit.
 * @param input - what is going on
 * @param appName - the product name shown in the tooltip
 * @param formatTime - how a time of day reads (the shell's locale and zone); HH:MM UTC by default
 */
export function trayModel(
  input: TrayInput,
  appName: string,
  formatTime: (at: Date) => string = utcClockTime,
): TrayModel {
  const count = input.alerts.length;
  const status = count === 0 ? 'Nothing unacknowledged' : `${count} unacknowledged`;
  const dnd = input.doNotDisturb?.on === true;
  const extra = [
    input.escalating ? 'escalating' : undefined,
    input.incident ? 'incident open' : undefined,
    dnd ? 'do not disturb' : undefined,
  ].filter((part): part is string => part !== undefined);
  const onCall = input.onCall === undefined ? '' : trayLabel(input.onCall);
  const scale = input.severityScale ?? 'sev1-4';
  return {
    icon: trayIconState(input),
    tooltip: [`${appName}: ${count === 0 ? 'nothing unacknowledged' : status}`, ...extra].join(
      ', ',
    ),
    title: count === 0 ? '' : String(count),
    menu: [
      { kind: 'status', label: status },
      ...alertItems(input.alerts, scale),
      { kind: 'separator' },
      {
        kind: 'toggle',
        action: { type: 'doNotDisturb', on: !dnd },
        label: dnd
          ? `Do not disturb${input.doNotDisturb?.until ? ` (until ${formatTime(new Date(input.doNotDisturb.until))})` : ''}`
          : 'Do not disturb',
        checked: dnd,
      },
      {
        kind: 'status',
        label: `Silences my alarms except ${severityLabel('sev1', scale)}; others are still paged`,
      },
      ...(onCall === '' ? [] : [{ kind: 'status', label: onCall } as const]),
      { kind: 'separator' },
      { kind: 'action', action: { type: 'open' }, label: 'Open' },
      { kind: 'action', action: { type: 'quit' }, label: 'Quit' },
    ],
  };
}

function alertItems(alerts: readonly TrayAlert[], scale: SeverityScale): TrayMenuItem[] {
  if (alerts.length === 0) return [];
  const shown = alerts.slice(0, TRAY_MAX_ALERTS);
  const items: TrayMenuItem[] = shown.map((alert) => ({
    kind: 'submenu',
    label: trayLabel(`${severityLabel(alert.severity, scale)} ${alert.title}`),
    items: [
      { kind: 'action', action: { type: 'acknowledge', alertId: alert.id }, label: 'Acknowledge' },
      ...TRAY_SNOOZE_MINUTES.map((minutes): TrayMenuItem => ({
        kind: 'action',
        action: { type: 'snooze', alertId: alert.id, minutes },
        label: `Snooze ${minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`}`,
      })),
      { kind: 'action', action: { type: 'openAlert', alertId: alert.id }, label: 'Open' },
    ],
  }));
  const more = alerts.length - shown.length;
  if (more > 0) {
    items.push({ kind: 'action', action: { type: 'open' }, label: `and ${more} more…` });
  }
  return [{ kind: 'separator' }, ...items];
}

function utcClockTime(at: Date): string {
  return Number.isNaN(at.getTime()) ? 'later' : `${at.toISOString().slice(11, 16)} UTC`;
}
