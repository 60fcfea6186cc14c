import { describe, expect, it } from 'vitest';
import { minimalOverride } from '../../../src/renderer/features/settings/incident-defaults-override';
import {
  DEFAULT_INCIDENT_DEFAULTS,
  resolveIncidentDefaults,
  type IncidentDefaults,
} from '../../../src/shared/domain/incident-defaults';

const product = DEFAULT_INCIDENT_DEFAULTS;
const clone = (): IncidentDefaults => structuredClone(product) as IncidentDefaults;

function roundTrip(defaults: IncidentDefaults) {
  const override = minimalOverride(defaults);
  const resolved = resolveIncidentDefaults(override);
  expect(resolved).toEqual({ ok: true, defaults });
  return override;
}

describe('minimalOverride', () => {
  it('is empty when nothing differs from the product', () => {
    expect(minimalOverride(product)).toEqual({});
    expect(minimalOverride(clone())).toEqual({});
  });

  it('keeps only the cadences that differ, "none" as null', () => {
    const defaults = clone();
    defaults.statusCadenceMinutes.sev2 = 20;
    defaults.statusCadenceMinutes.sev4 = null; // as the product already has it
    defaults.statusCadenceMinutes.sev3 = null;
    expect(roundTrip(defaults)).toEqual({ statusCadenceMinutes: { sev2: 20, sev3: null } });
  });

  it('sends a changed role whole, and leaves the unchanged ones to the product', () => {
    const defaults = clone();
    const scribe = defaults.roles.find((r) => r.id === 'scribe')!;
    scribe.checklist.reverse();
    const override = roundTrip(defaults);
    expect(override).toEqual({ roles: [scribe] });
  });

  it('names an omitted role and appends an added one', () => {
    const defaults = clone();
    defaults.roles = defaults.roles.filter((r) => r.id !== 'comms-lead');
    const dba = {
      id: 'dba',
      name: 'DBA',
      checklist: [{ id: 'dba.backups', text: 'Check backups' }],
    };
    defaults.roles.push(dba);
    expect(roundTrip(defaults)).toEqual({ omitRoles: ['comms-lead'], roles: [dba] });
  });

  it('replaces the closure checklist as a whole when any item differs', () => {
    const defaults = clone();
    defaults.closureChecklist[0]!.text = 'Stable for two hours since the fix';
    expect(roundTrip(defaults)).toEqual({ closureChecklist: defaults.closureChecklist });
  });

  it('sees a changed severity limit as a change', () => {
    const defaults = clone();
    delete defaults.closureChecklist[4]!.severities;
    expect(roundTrip(defaults).closureChecklist?.[4]).toEqual({
      id: 'closure.status-page',
      text: 'The status page shows the incident as resolved',
    });
  });
});
