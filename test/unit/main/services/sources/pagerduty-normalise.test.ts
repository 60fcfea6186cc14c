import { describe, expect, it } from 'vitest';
import { normalisePagerdutyIncidents } from '../../../../../src/main/services/sources/pagerduty-normalise';
import {
  pagerdutyIncidentPageSchema,
  type PagerdutyIncident,
} from '../../../../../src/main/services/sources/pagerduty-response';
import type { SeverityScale } from '../../../../../src/shared/domain/severity';
import { pagerdutyFixture } from './fixtures';

const incidents = () =>
  pagerdutyIncidentPageSchema.parse(pagerdutyFixture('incidents.json')).incidents;

const normalise = (
  list: PagerdutyIncident[],
  severityScale: SeverityScale = 'p1-p4',
  severityWords: Record<string, 'sev1' | 'sev2' | 'sev3' | 'sev4'> = {},
) => normalisePagerdutyIncidents(list, { sourceId: 'pd', severityScale, severityWords });

describe('normalisePagerdutyIncidents', () => {
  it('maps an acknowledged incident: who acknowledged last and when, until its snooze ends', () => {
    const [alert] = normalise(incidents());
    expect(alert).toEqual({
      id: 'pd:PT4KHLK',
      sourceId: 'pd',
      fingerprint: 'PT4KHLK',
      status: 'firing',
      severity: 'sev1',
      severityLabel: 'P1',
      title: 'Checkout error rate above 5%',
      labels: {
        service: 'Checkout API',
        urgency: 'high',
        priority: 'P1',
        escalation_policy: 'Payments on call',
        teams: 'Checkout, Payments',
        incident_number: '1234',
      },
      annotations: {},
      startsAt: '2026-03-01T01:30:42.000Z',
      updatedAt: '2026-03-01T01:40:23.000Z',
      url: 'https://acme.pagerduty.com/incidents/PT4KHLK',
      ack: {
        by: 'Earline Greenholt',
        at: '2026-03-01T01:38:00.000Z',
        via: 'source',
        until: '2026-03-01T02:38:00.000Z',
      },
    });
  });

  it('reads the priority through the team’s scale: P1 is sev1 to a P1–P4 team, sev2 to a P0–P3 team', () => {
    expect(normalise(incidents(), 'p1-p4')[0]?.severity).toBe('sev1');
    expect(normalise(incidents(), 'p0-p3')[0]?.severity).toBe('sev2');
    expect(normalise(incidents(), 'sev1-4', { p1: 'sev1' })[0]?.severity).toBe('sev1');
  });

  it('without a priority, a high-urgency incident is sev2 and not flagged', () => {
    const alert = normalise(incidents())[1];
    expect(alert).toMatchObject({ severity: 'sev2', severityLabel: 'high', status: 'firing' });
    expect(alert).not.toHaveProperty('severityUnmapped');
    expect(alert).not.toHaveProperty('ack');
  });

  it('an unmapped priority falls back to the urgency and is flagged until the team maps it', () => {
    const alert = normalise(incidents())[2];
    expect(alert).toMatchObject({
      severity: 'sev4',
      severityLabel: 'Business hours',
      severityUnmapped: true,
      labels: { priority: 'Business hours', urgency: 'low', service: 'Reporting' },
    });
    const mapped = normalise(incidents(), 'p1-p4', { 'business hours': 'sev3' })[2];
    expect(mapped?.severity).toBe('sev3');
    expect(mapped).not.toHaveProperty('severityUnmapped');
  });

  it('a team can make every high-urgency page sev1 with its own word', () => {
    expect(normalise(incidents(), 'p1-p4', { high: 'sev1' })[1]?.severity).toBe('sev1');
  });

  it('without acknowledgements, takes who acknowledged from the last status change', () => {
    const [first] = incidents();
    if (!first) throw new Error('fixture');
    const [alert] = normalise([{ ...first, acknowledgements: null, pending_actions: [] }]);
    expect(alert?.ack).toEqual({
      by: 'Earline Greenholt',
      at: '2026-03-01T01:38:00.000Z',
      via: 'source',
    });
  });

  it('a resolved incident is resolved at its resolve time, with no ack', () => {
    const [first] = incidents();
    if (!first) throw new Error('fixture');
    const [alert] = normalise([
      { ...first, status: 'resolved', resolved_at: '2026-03-01T02:00:00Z', acknowledgements: [] },
    ]);
    expect(alert).toMatchObject({ status: 'resolved', endsAt: '2026-03-01T02:00:00.000Z' });
    expect(alert).not.toHaveProperty('ack');
  });

  it('falls back to the summary, then the id, for a title; leaves out labels it has no value for', () => {
    const bare: PagerdutyIncident = {
      id: 'PBARE01',
      status: 'triggered',
      created_at: '2026-03-01T01:00:00+01:00',
      summary: '[#7] Disk full',
    };
    expect(normalise([bare])[0]).toMatchObject({
      title: '[#7] Disk full',
      labels: {},
      startsAt: '2026-03-01T00:00:00.000Z',
      severity: 'sev3',
    });
    expect(normalise([{ ...bare, summary: null }])[0]?.title).toBe('Incident PBARE01');
    expect(normalise([bare])[0]).not.toHaveProperty('severityUnmapped');
  });
});
