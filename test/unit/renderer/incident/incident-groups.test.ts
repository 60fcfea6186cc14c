import { describe, expect, it } from 'vitest';
import { groupIncidents } from '../../../../src/renderer/features/incident/incident-groups';
import { incidentSummary } from '../incident-fixtures';

describe('incident list order', () => {
  it('open incidents on top, worst then newest; closed below, most recently closed first', () => {
    const groups = groupIncidents([
      incidentSummary('closed-old', { status: 'closed', closedAt: '2025-03-01T00:00:00Z' }),
      incidentSummary('sev3', { severity: 'sev3' }),
      incidentSummary('sev1-old', { severity: 'sev1', declaredAt: '2025-03-04T10:00:00Z' }),
      incidentSummary('closed-new', { status: 'closed', closedAt: '2025-03-03T00:00:00Z' }),
      incidentSummary('sev1-new', { severity: 'sev1', declaredAt: '2025-03-04T12:00:00Z' }),
      incidentSummary('resolved', { status: 'resolved', severity: 'sev2' }),
    ]);
    expect(groups.open.map((i) => i.id)).toEqual(['sev1-new', 'sev1-old', 'resolved', 'sev3']);
    expect(groups.closed.map((i) => i.id)).toEqual(['closed-new', 'closed-old']);
  });
});
