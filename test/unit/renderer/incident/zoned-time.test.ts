import { describe, expect, it } from 'vitest';
import {
  formatZonedClock,
  formatZonedFull,
  formatZonedOtherDay,
  formatZonedShort,
  incidentTimeZone,
  incidentZoneSource,
  zoneLabel,
} from '../../../../src/renderer/features/incident/zoned-time';

// 2025-03-04 14:30 UTC = 15:30 in Berlin (CET, +01:00).
const NOW = Date.parse('2025-03-04T14:30:00.000Z');
const BERLIN = 'Europe/Berlin';

describe('zoned times', () => {
  it('shows instants on the profile’s clock, not the machine’s', () => {
    expect(formatZonedClock('2025-03-04T13:23:00Z', BERLIN)).toBe('14:23');
    expect(formatZonedClock('2025-03-04T13:23:00Z', 'UTC')).toBe('13:23');
    expect(formatZonedFull('2025-03-04T13:23:05Z', BERLIN)).toBe(
      '2025-03-04 14:23:05 (Europe/Berlin)',
    );
  });

  it('adds the day only when it is not today', () => {
    expect(formatZonedShort('2025-03-04T08:00:00Z', BERLIN, NOW)).toBe('09:00');
    expect(formatZonedShort('2025-03-03T08:00:00Z', BERLIN, NOW)).toBe('3 Mar 09:00');
    expect(formatZonedShort('2024-12-31T08:00:00Z', BERLIN, NOW)).toBe('31 Dec 2024 09:00');
    expect(formatZonedOtherDay('2025-03-04T08:00:00Z', BERLIN, NOW)).toBeUndefined();
    expect(formatZonedOtherDay('2025-03-03T08:00:00Z', BERLIN, NOW)).toBe('3 Mar');
  });

  it('says which zone the times are in, and where it came from', () => {
    expect(zoneLabel(BERLIN, incidentZoneSource(BERLIN, 'UTC'))).toBe(
      "Times in Europe/Berlin, your profile's zone",
    );
    expect(zoneLabel('UTC', incidentZoneSource(undefined, 'UTC'))).toBe(
      "Times in UTC, this computer's zone (set yours in Settings → You)",
    );
    expect(incidentZoneSource('Mars/Olympus', undefined)).toBe('utc');
  });

  it('falls back from an unusable profile zone to the machine’s, then UTC', () => {
    expect(incidentTimeZone('Europe/Berlin', 'America/New_York')).toBe('Europe/Berlin');
    expect(incidentTimeZone('Mars/Olympus', 'America/New_York')).toBe('America/New_York');
    expect(incidentTimeZone(undefined, undefined)).toBe('UTC');
  });
});
