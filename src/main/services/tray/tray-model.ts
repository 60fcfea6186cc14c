import type { Alert } from '../../../shared/domain/alert';
import type { IncidentSummary } from '../../../shared/ipc/incident-schemas';

/** Which tray icon to show; one PNG per state in assets/icons/tray (docs: design §7). */
export type TrayIconState = 'idle' | 'firing' | 'escalating' | 'incident';

/** Every tray icon state, mildest first; the icon script draws one image per state. */
export const TRAY_ICON_STATES: readonly TrayIconState[] = [
  'idle',
  'firing',
  'escalating',
  'incident',
];

/** What the tray reflects. Escalation and incidents are optional until those services exist. */
export interface TrayInput {
  /** Alerts currently firing. */
  firing: number;
  /** An escalation step has fired and nobody has acknowledged yet. */
  escalating?: boolean;
  /** An incident is declared and not resolved. */
  incident?: boolean;
}

/** One entry of the tray's context menu, without any Electron type. */
export type TrayMenuItem =
  | { kind: 'status'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; action: 'open' | 'quit'; label: string };

/** Everything the tray shows, computed from {@link TrayInput}. */
export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuItem[];
}

/**
 * How many alerts are firing: status `firing` at their source. Suppressed (silenced or
 * inhibited) and resolved alerts do not count.
 * @param alerts - the full alert list from `alerts:changed`
 */
export function countFiring(alerts: readonly Pick<Alert, 'status'>[]): number {
  return alerts.reduce((n, alert) => (alert.status === 'firing' ? n + 1 : n), 0);
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
export function trayIconState(input: TrayInput): TrayIconState {
  if (input.incident) return 'incident';
  if (input.escalating) return 'escalating';
  return input.firing > 0 ? 'firing' : 'idle';
}

/**
 * The tray's icon, tooltip and menu ("N firing" as a disabled line, Open, Quit).
 * @param input - what is going on
 * @param appName - the product name shown in the tooltip
 */
export function trayModel(input: TrayInput, appName: string): TrayModel {
  const firing = Math.max(0, Math.floor(input.firing));
  const status = `${firing} firing`;
  const extra = [
    input.escalating ? 'escalating' : undefined,
    input.incident ? 'incident open' : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(', ');
  const tooltip = `${appName}: ${firing === 0 ? 'nothing firing' : status}${extra ? `, ${extra}` : ''}`;
  return {
    icon: trayIconState({ ...input, firing }),
    tooltip,
    menu: [
      { kind: 'status', label: status },
      { kind: 'separator' },
      { kind: 'action', action: 'open', label: 'Open' },
      { kind: 'action', action: 'quit', label: 'Quit' },
    ],
  };
}
