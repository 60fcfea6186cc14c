import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEVERITY_WORDS,
  SEVERITIES,
  UNKNOWN_SEVERITY,
  mapSeverityLabel,
  severityLabel,
  severityRank,
  severitySchema,
  severityScaleSchema,
  type Severity,
  type SeverityScale,
} from '../../../../src/shared/domain/severity';

describe('severity scale', () => {
  it('lists every severity worst first and ranks them in that order', () => {
    expect(SEVERITIES).toEqual(['sev1', 'sev2', 'sev3', 'sev4']);
    expect(SEVERITIES.map(severityRank)).toEqual([0, 1, 2, 3]);
  });

  it('accepts only the four internal names and the three team scales', () => {
    expect(severitySchema.safeParse('sev0').success).toBe(false);
    expect(severitySchema.safeParse('SEV1').success).toBe(false);
    expect(severityScaleSchema.safeParse('p0-p3').success).toBe(true);
    expect(severityScaleSchema.safeParse('p0-p4').success).toBe(false);
  });

  it('treats a missing label as sev3, loud enough to be looked at', () => {
    expect(UNKNOWN_SEVERITY).toBe('sev3');
  });
});

describe('severityLabel', () => {
  const cases: [SeverityScale, string[]][] = [
    ['sev1-4', ['SEV1', 'SEV2', 'SEV3', 'SEV4']],
    ['p0-p3', ['P0', 'P1', 'P2', 'P3']],
    ['p1-p4', ['P1', 'P2', 'P3', 'P4']],
  ];
  it.each(cases)('names each severity in the %s vocabulary', (scale, labels) => {
    expect(SEVERITIES.map((s) => severityLabel(s, scale))).toEqual(labels);
  });

  it('round-trips: the label shown to a team maps back to the same severity', () => {
    for (const [scale] of cases) {
      for (const severity of SEVERITIES) {
        expect(mapSeverityLabel(severityLabel(severity, scale), scale)).toEqual({
          severity,
          known: true,
        });
      }
    }
  });
});

describe('mapSeverityLabel', () => {
  it('reads P1 as the worst level for a P1–P4 team but the second for a P0–P3 team', () => {
    expect(mapSeverityLabel('P1', 'p1-p4')).toEqual({ severity: 'sev1', known: true });
    expect(mapSeverityLabel('P1', 'p0-p3')).toEqual({ severity: 'sev2', known: true });
    expect(mapSeverityLabel('P0', 'p0-p3')).toEqual({ severity: 'sev1', known: true });
    expect(mapSeverityLabel('P4', 'p1-p4')).toEqual({ severity: 'sev4', known: true });
  });

  it('does not read another team’s labels: P0 means nothing to a P1–P4 team', () => {
    expect(mapSeverityLabel('P0', 'p1-p4')).toEqual({ severity: 'sev3', known: false });
    expect(mapSeverityLabel('P4', 'p0-p3')).toEqual({ severity: 'sev3', known: false });
    expect(mapSeverityLabel('P1', 'sev1-4')).toEqual({ severity: 'sev3', known: false });
  });

  it.each(['SEV1', 'sev1', 'Sev1', 'SEV-1', 'sev 1', 'sev_1', '  Sev - 1  ', 'sev\t1'])(
    'ignores case, spaces, dashes and underscores: %j is sev1',
    (raw) => {
      expect(mapSeverityLabel(raw, 'sev1-4')).toEqual({ severity: 'sev1', known: true });
    },
  );

  it('ignores case and dashes in a P-scale too', () => {
    expect(mapSeverityLabel('p-2', 'p1-p4')).toEqual({ severity: 'sev2', known: true });
    expect(mapSeverityLabel(' p 2 ', 'p0-p3')).toEqual({ severity: 'sev3', known: true });
  });

  it('understands the internal names whatever the team scale', () => {
    const scales: SeverityScale[] = ['sev1-4', 'p0-p3', 'p1-p4'];
    for (const scale of scales) {
      expect(mapSeverityLabel('SEV-2', scale)).toEqual({ severity: 'sev2', known: true });
      expect(mapSeverityLabel('sev4', scale)).toEqual({ severity: 'sev4', known: true });
    }
  });

  it('maps the words alerting rules commonly use', () => {
    expect(mapSeverityLabel('critical', 'sev1-4').severity).toBe('sev1');
    expect(mapSeverityLabel('CRITICAL', 'p0-p3').severity).toBe('sev1');
    expect(mapSeverityLabel('high', 'sev1-4').severity).toBe('sev2');
    expect(mapSeverityLabel('Warning', 'sev1-4').severity).toBe('sev3');
    expect(mapSeverityLabel('info', 'sev1-4').severity).toBe('sev4');
    for (const [word, severity] of Object.entries(DEFAULT_SEVERITY_WORDS)) {
      expect(mapSeverityLabel(word, 'p1-p4')).toEqual({ severity, known: true });
    }
  });

  it('lets the team’s overrides win over words, scale labels and internal names', () => {
    const overrides: Record<string, Severity> = {
      critical: 'sev2',
      P1: 'sev3',
      sev1: 'sev4',
      disaster: 'sev1',
    };
    expect(mapSeverityLabel('critical', 'p1-p4', overrides)).toEqual({
      severity: 'sev2',
      known: true,
    });
    expect(mapSeverityLabel('P1', 'p1-p4', overrides)).toEqual({ severity: 'sev3', known: true });
    expect(mapSeverityLabel('SEV-1', 'p1-p4', overrides)).toEqual({
      severity: 'sev4',
      known: true,
    });
    expect(mapSeverityLabel('disaster', 'p1-p4', overrides)).toEqual({
      severity: 'sev1',
      known: true,
    });
  });

  it('matches override words loosely too, in either direction', () => {
    expect(mapSeverityLabel('Total-Outage', 'sev1-4', { 'total outage': 'sev1' })).toEqual({
      severity: 'sev1',
      known: true,
    });
  });

  it('leaves labels the overrides do not mention to the usual rules', () => {
    expect(mapSeverityLabel('warning', 'sev1-4', { disaster: 'sev1' })).toEqual({
      severity: 'sev3',
      known: true,
    });
  });

  it.each([undefined, '', '   ', ' - ', 'banana', 'sev5', 'sev0', '1'])(
    'gives %j the unknown severity sev3 and says it was not recognised',
    (raw) => {
      expect(mapSeverityLabel(raw, 'sev1-4')).toEqual({ severity: 'sev3', known: false });
    },
  );

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])(
    'does not mistake the object member name %j for a severity word',
    (raw) => {
      const result = mapSeverityLabel(raw, 'sev1-4');
      expect(result).toEqual({ severity: 'sev3', known: false });
      expect(severitySchema.safeParse(result.severity).success).toBe(true);
    },
  );
});
