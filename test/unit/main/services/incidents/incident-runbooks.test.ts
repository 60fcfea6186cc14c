import { describe, expect, it } from 'vitest';
import {
  incidentLabelSets,
  matchRunbooksForAny,
} from '../../../../../src/main/services/incidents/incident-runbooks';
import type { Runbook } from '../../../../../src/shared/domain/runbook';
import type { IncidentSnapshot } from '../../../../../src/shared/incident/schema';

function runbook(id: string, match: Runbook['match'], error?: string): Runbook {
  return { id, title: id, match, tags: [], steps: [], body: '', file: `/rb/${id}`, error };
}

const library = [
  runbook('generic-errors.md', { alertname: 'HighErrorRate' }),
  runbook('checkout-errors.md', { alertname: 'HighErrorRate', service: 'checkout' }),
  runbook('checkout.md', { service: 'checkout' }),
  runbook('lag.md', { alertname: 'ReplicaLag' }),
  runbook('broken.md', { service: 'checkout' }, 'front matter: bad YAML'),
];

describe('runbooks for an incident', () => {
  it('matches every source alert, each runbook once, most specific first', () => {
    const ids = matchRunbooksForAny(library, [
      { alertname: 'HighErrorRate', service: 'search' },
      { alertname: 'HighErrorRate', service: 'checkout' },
      { alertname: 'ReplicaLag' },
    ]).map((r) => r.id);
    expect(ids).toEqual(['checkout-errors.md', 'checkout.md', 'generic-errors.md', 'lag.md']);
  });

  it('uses the source alerts, or the affected services of an incident from scratch', () => {
    const base = { sourceAlerts: [], affectedServices: ['checkout', 'cart'] };
    expect(incidentLabelSets(base as unknown as IncidentSnapshot)).toEqual([
      { service: 'checkout' },
      { service: 'cart' },
    ]);
    const fromAlert = {
      ...base,
      sourceAlerts: [{ id: 'p:1', title: 't', severity: 'sev2', labels: { a: 'b' }, startsAt: '' }],
    };
    expect(incidentLabelSets(fromAlert as unknown as IncidentSnapshot)).toEqual([{ a: 'b' }]);
  });
});
