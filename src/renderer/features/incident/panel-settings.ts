import type { SeverityScale } from '../../../shared/domain/severity';
import { useAppState } from '../../app/app-context';
import {
  incidentTimeZone,
  incidentZoneSource,
  machineTimeZone,
  type ZoneSource,
} from './zoned-time';

/** What the panels take from settings: the team's severity words and the zone times show in. */
export interface PanelSettings {
  scale: SeverityScale;
  /** The zone incident times are shown in: the same one the rest of the incident view uses. */
  zone: string;
  /** Which setting gave the zone, for the label that says it. */
  zoneSource: ZoneSource;
}

/** The settings the panels need, read the way the incident view reads them. */
export function usePanelSettings(): PanelSettings {
  const scale = useAppState((s) => s.settings?.settings.severityScale ?? 'sev1-4');
  const profileZone = useAppState((s) => s.settings?.settings.profile.timeZone);
  const machine = machineTimeZone();
  return {
    scale,
    zone: incidentTimeZone(profileZone, machine),
    zoneSource: incidentZoneSource(profileZone, machine),
  };
}
