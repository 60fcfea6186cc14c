import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INCIDENT_DEFAULTS,
  INCIDENT_COMMANDER_ROLE_ID,
  SCRIBE_ROLE_ID,
  checklistItemApplies,
  incidentDefaultsOverrideSchema,
  incidentDefaultsSchema,
  resolveIncidentDefaults,
  type IncidentDefaults,
} from '../../../../src/shared/domain/incident-defaults';

function resolved(override: unknown): IncidentDefaults {
  const result = resolveIncidentDefaults(override);
  if (!result.ok) throw new Error(result.issues.join('\n'));
  return result.defaults;
}

const itemIds = (defaults: IncidentDefaults, roleId: string): string[] =>
  defaults.roles.find((r) => r.id === roleId)?.checklist.map((i) => i.id) ?? [];

describe('default roles', () => {
  it('are the four roles every guide names, commander first', () => {
    expect(DEFAULT_INCIDENT_DEFAULTS.roles.map((r) => [r.id, r.name])).toEqual([
      [INCIDENT_COMMANDER_ROLE_ID, 'Incident Commander'],
      ['tech-lead', 'Tech Lead'],
      ['comms-lead', 'Communications Lead'],
      [SCRIBE_ROLE_ID, 'Scribe'],
    ]);
  });

  it('give each role the duties the guides give it', () => {
    expect(itemIds(DEFAULT_INCIDENT_DEFAULTS, 'ic')).toEqual([
      'ic.severity',
      'ic.roles',
      'ic.bridge',
      'ic.next-update',
      'ic.escalation',
      'ic.close',
    ]);
    expect(itemIds(DEFAULT_INCIDENT_DEFAULTS, 'tech-lead')).toEqual([
      'tech.recent-changes',
      'tech.logs',
      'tech.metrics',
      'tech.hypotheses',
      'tech.verify-fix',
    ]);
    expect(itemIds(DEFAULT_INCIDENT_DEFAULTS, 'comms-lead')).toEqual([
      'comms.status-page',
      'comms.stakeholders',
      'comms.customer-notice',
    ]);
    expect(itemIds(DEFAULT_INCIDENT_DEFAULTS, 'scribe')).toEqual([
      'scribe.timeline',
      'scribe.decisions',
      'scribe.action-items',
    ]);
  });

  it('keep external communication to sev1 and sev2, as the guides do', () => {
    const comms = DEFAULT_INCIDENT_DEFAULTS.roles.find((r) => r.id === 'comms-lead');
    const statusPage = comms?.checklist.find((i) => i.id === 'comms.status-page');
    expect(statusPage && checklistItemApplies(statusPage, 'sev2')).toBe(true);
    expect(statusPage && checklistItemApplies(statusPage, 'sev3')).toBe(false);
    const stakeholders = comms?.checklist.find((i) => i.id === 'comms.stakeholders');
    expect(stakeholders && checklistItemApplies(stakeholders, 'sev4')).toBe(true);
  });

  it('are frozen, so no caller can change the product defaults by accident', () => {
    expect(Object.isFrozen(DEFAULT_INCIDENT_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_INCIDENT_DEFAULTS.roles[0]?.checklist)).toBe(true);
  });
});

describe('default status-update cadence', () => {
  it('is 15 min at sev1, 30 at sev2, 2 h at sev3, and none at sev4', () => {
    expect(DEFAULT_INCIDENT_DEFAULTS.statusCadenceMinutes).toEqual({
      sev1: 15,
      sev2: 30,
      sev3: 120,
      sev4: null,
    });
  });
});

describe('default closure checklist', () => {
  it('asks for stability, root cause, a verified fix, told stakeholders, status page, post-mortem', () => {
    expect(DEFAULT_INCIDENT_DEFAULTS.closureChecklist.map((i) => i.id)).toEqual([
      'closure.stable',
      'closure.root-cause',
      'closure.fix-verified',
      'closure.stakeholders',
      'closure.status-page',
      'closure.post-mortem',
    ]);
  });

  it('requires the status page and a post-mortem only at sev1 and sev2', () => {
    const required = (severity: 'sev1' | 'sev3') =>
      DEFAULT_INCIDENT_DEFAULTS.closureChecklist
        .filter((i) => checklistItemApplies(i, severity))
        .map((i) => i.id);
    expect(required('sev1')).toHaveLength(6);
    expect(required('sev3')).toEqual([
      'closure.stable',
      'closure.root-cause',
      'closure.fix-verified',
      'closure.stakeholders',
    ]);
  });
});

describe('incidentDefaultsSchema', () => {
  it('accepts the product defaults', () => {
    expect(incidentDefaultsSchema.safeParse(DEFAULT_INCIDENT_DEFAULTS).success).toBe(true);
  });

  it('refuses duplicate role ids and item ids shared between lists', () => {
    const dup = incidentDefaultsSchema.safeParse({
      ...DEFAULT_INCIDENT_DEFAULTS,
      roles: [
        ...DEFAULT_INCIDENT_DEFAULTS.roles,
        { id: 'ic', name: 'Second commander', checklist: [] },
      ],
      closureChecklist: [{ id: 'ic.close', text: 'again' }],
    });
    expect(dup.success).toBe(false);
    const messages = dup.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('duplicate role id "ic"; each role needs its own id');
    expect(messages.some((m) => m.includes('"ic.close"'))).toBe(true);
  });

  it('refuses a cadence of zero, fractions, or more than a day', () => {
    for (const bad of [0, 2.5, 1441]) {
      const result = incidentDefaultsSchema.safeParse({
        ...DEFAULT_INCIDENT_DEFAULTS,
        statusCadenceMinutes: { ...DEFAULT_INCIDENT_DEFAULTS.statusCadenceMinutes, sev1: bad },
      });
      expect(result.success, String(bad)).toBe(false);
    }
  });
});

describe('resolveIncidentDefaults (team overrides from settings)', () => {
  it('keeps the product defaults when nothing is overridden', () => {
    expect(resolved(undefined)).toEqual(DEFAULT_INCIDENT_DEFAULTS);
    expect(resolved({})).toEqual(DEFAULT_INCIDENT_DEFAULTS);
  });

  it('takes a P1–P4 team that wants updates every 5 min at P1 and hourly at P3', () => {
    // One guide asks for continuous 5-minute updates at P1, 15–30 at P2 and 1–2 h at P3.
    const team = resolved({ statusCadenceMinutes: { sev1: 5, sev2: 15, sev3: 60 } });
    expect(team.statusCadenceMinutes).toEqual({ sev1: 5, sev2: 15, sev3: 60, sev4: null });
  });

  it('takes a team that calls its technical lead a Subject Matter Expert', () => {
    const team = resolved({
      roles: [
        {
          id: 'tech-lead',
          name: 'Subject Matter Expert',
          checklist: [{ id: 'sme.fix', text: 'Put the fix in and report progress' }],
        },
      ],
    });
    expect(team.roles.map((r) => r.name)).toEqual([
      'Incident Commander',
      'Subject Matter Expert',
      'Communications Lead',
      'Scribe',
    ]);
    expect(itemIds(team, 'tech-lead')).toEqual(['sme.fix']);
  });

  it('adds a team role after the defaults and drops omitted ones', () => {
    const team = resolved({
      roles: [{ id: 'security', name: 'Security Contact' }],
      omitRoles: ['scribe'],
    });
    expect(team.roles.map((r) => r.id)).toEqual(['ic', 'tech-lead', 'comms-lead', 'security']);
    expect(team.roles.at(-1)?.checklist).toEqual([]);
  });

  it('replaces the closure checklist as a whole', () => {
    const team = resolved({ closureChecklist: [{ id: 'closure.ok', text: 'All good' }] });
    expect(team.closureChecklist).toEqual([{ id: 'closure.ok', text: 'All good' }]);
  });

  it('explains what is wrong, field by field', () => {
    const bad = resolveIncidentDefaults({ statusCadenceMinutes: { sev1: -1 }, colour: 'red' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.some((i) => i.startsWith('statusCadenceMinutes.sev1:'))).toBe(true);
      expect(bad.issues.some((i) => i.includes('colour'))).toBe(true);
    }
    const none = resolveIncidentDefaults({
      omitRoles: ['ic', 'tech-lead', 'comms-lead', 'scribe'],
    });
    expect(none.ok).toBe(false);
    const clash = resolveIncidentDefaults({
      roles: [{ id: 'db', name: 'DB', checklist: [{ id: 'ic.bridge', text: 'x' }] }],
    });
    expect(clash.ok).toBe(false);
  });

  it('refuses ids that could not be stored as checklist keys', () => {
    expect(
      incidentDefaultsOverrideSchema.safeParse({ roles: [{ id: 'Bad Id', name: 'x' }] }).success,
    ).toBe(false);
  });
});
