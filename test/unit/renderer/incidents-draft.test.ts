import { describe, expect, it } from 'vitest';
import {
  CLOSURE,
  draftFromSettings,
  draftSignature,
  incidentsReducer,
  incidentsRequest,
  productDraft,
  type IncidentsAction,
  type IncidentsDraft,
} from '../../../src/renderer/features/settings/incidents-draft';
import {
  DEFAULT_INCIDENT_DEFAULTS,
  resolveIncidentDefaults,
} from '../../../src/shared/domain/incident-defaults';
import { invokeContract } from '../../../src/shared/ipc/contract';

const apply = (draft: IncidentsDraft, ...actions: IncidentsAction[]): IncidentsDraft =>
  actions.reduce(incidentsReducer, draft);

const roleKey = (draft: IncidentsDraft, id: string): string =>
  draft.roles.find((r) => r.id === id)!.key;

function saved(draft: IncidentsDraft) {
  const request = incidentsRequest(draft);
  if (!request.ok) throw new Error(JSON.stringify(request.errors));
  expect(
    invokeContract['settings:update'].request.safeParse({ incidents: request.override }).success,
  ).toBe(true);
  return request;
}

describe('the incidents draft', () => {
  it('shows the product defaults when nothing is saved, and saves nothing then', () => {
    const { draft, problems } = draftFromSettings({});
    expect(problems).toEqual([]);
    expect(draft.roles.map((r) => r.name)).toEqual([
      'Incident Commander',
      'Tech Lead',
      'Communications Lead',
      'Scribe',
    ]);
    expect(draft.cadence.sev1).toEqual({ minutes: '15', none: false });
    expect(draft.cadence.sev4.none).toBe(true);
    expect(saved(draft).override).toEqual({});
  });

  it('reads a saved override back: omitted roles stay listed as not used, added ones follow', () => {
    const { draft } = draftFromSettings({
      omitRoles: ['comms-lead'],
      roles: [{ id: 'dba', name: 'DBA', checklist: [] }],
      statusCadenceMinutes: { sev4: 240 },
    });
    expect(draft.roles.map((r) => [r.name, r.omitted, r.builtIn])).toEqual([
      ['Incident Commander', false, true],
      ['Tech Lead', false, true],
      ['Communications Lead', true, true],
      ['Scribe', false, true],
      ['DBA', false, false],
    ]);
    expect(draft.cadence.sev4).toEqual({ minutes: '240', none: false });
    // Saving it unchanged sends what was saved.
    expect(saved(draft).override).toEqual({
      omitRoles: ['comms-lead'],
      roles: [{ id: 'dba', name: 'DBA', checklist: [] }],
      statusCadenceMinutes: { sev4: 240 },
    });
  });

  it('falls back to the product defaults, with the reasons, when the saved override is unusable', () => {
    const { draft, problems } = draftFromSettings({
      roles: [{ id: 'dba', name: 'DBA', checklist: [{ id: 'ic.severity', text: 'Clash' }] }],
    });
    expect(problems).toEqual([
      'roles.4.checklist.0.id: duplicate checklist item id "ic.severity"; each item needs its own id',
    ]);
    expect(draftSignature(draft)).toBe(draftSignature(productDraft()));
  });

  it('changes a cadence and turns updates off; unticking "none" brings the minutes back', () => {
    let draft = productDraft();
    draft = apply(
      draft,
      { type: 'cadence-minutes', severity: 'sev2', minutes: ' 20 ' },
      { type: 'cadence-none', severity: 'sev3', none: true },
    );
    expect(saved(draft).override).toEqual({ statusCadenceMinutes: { sev2: 20, sev3: null } });
    draft = apply(draft, { type: 'cadence-none', severity: 'sev3', none: false });
    expect(draft.cadence.sev3).toEqual({ minutes: '120', none: false });
    expect(saved(draft).override).toEqual({ statusCadenceMinutes: { sev2: 20 } });
  });

  it.each(['0', '1441', '1.5', 'soon', ''])('refuses the cadence "%s" at its field', (minutes) => {
    const draft = apply(productDraft(), { type: 'cadence-minutes', severity: 'sev1', minutes });
    expect(incidentsRequest(draft)).toEqual({
      ok: false,
      errors: {
        fields: { 'cadence.sev1': 'Enter whole minutes, from 1 to 1440, or choose none.' },
        other: [],
      },
    });
  });

  it('edits a role’s checklist: new items get ids from their text, edited ones keep theirs', () => {
    let draft = productDraft();
    const scribe = roleKey(draft, 'scribe');
    draft = apply(draft, { type: 'item-add', list: scribe });
    const added = draft.roles.find((r) => r.key === scribe)!.checklist.at(-1)!;
    const first = draft.roles.find((r) => r.key === scribe)!.checklist[0]!;
    draft = apply(
      draft,
      { type: 'item-text', list: scribe, item: added.key, text: 'Note who joined the bridge' },
      { type: 'item-text', list: scribe, item: first.key, text: 'Record events as they happen' },
      { type: 'item-move', list: scribe, item: added.key, by: -1 },
    );
    const { override, defaults } = saved(draft);
    expect(override.roles).toEqual([
      {
        id: 'scribe',
        name: 'Scribe',
        checklist: [
          { id: 'scribe.timeline', text: 'Record events as they happen' },
          { id: 'scribe.decisions', text: 'Write down each decision and who made it' },
          { id: 'scribe.note-who-joined-the-bridge', text: 'Note who joined the bridge' },
          { id: 'scribe.action-items', text: 'Capture follow-up work as action items with owners' },
        ],
      },
    ]);
    expect(defaults.roles.map((r) => r.id)).toEqual(['ic', 'tech-lead', 'comms-lead', 'scribe']);
  });

  it('moves items within bounds only, and removes them', () => {
    let draft = productDraft();
    const [a, b] = draft.closure;
    draft = apply(draft, { type: 'item-move', list: CLOSURE, item: a!.key, by: -1 });
    expect(draft.closure[0]!.key).toBe(a!.key);
    draft = apply(
      draft,
      { type: 'item-move', list: CLOSURE, item: a!.key, by: 1 },
      { type: 'item-remove', list: CLOSURE, item: a!.key },
    );
    expect(draft.closure.map((i) => i.id)).toEqual([
      b!.id,
      'closure.fix-verified',
      'closure.stakeholders',
      'closure.status-page',
      'closure.post-mortem',
    ]);
    expect(saved(draft).override.closureChecklist).toHaveLength(5);
  });

  it('adds a role (id from its name, never a product role’s), omits one, and restores it', () => {
    let draft = productDraft();
    const comms = roleKey(draft, 'comms-lead');
    draft = apply(draft, { type: 'role-add' });
    const added = draft.roles.at(-1)!;
    draft = apply(
      draft,
      { type: 'role-name', role: added.key, name: 'Scribe' },
      { type: 'item-add', list: added.key },
    );
    const item = draft.roles.at(-1)!.checklist[0]!;
    draft = apply(
      draft,
      { type: 'item-text', list: added.key, item: item.key, text: 'Second pair of notes' },
      { type: 'role-omit', role: comms, omitted: true },
    );
    expect(saved(draft).override).toEqual({
      omitRoles: ['comms-lead'],
      roles: [
        {
          id: 'scribe-2',
          name: 'Scribe',
          checklist: [{ id: 'scribe-2.second-pair-of-notes', text: 'Second pair of notes' }],
        },
      ],
    });
    draft = apply(
      draft,
      { type: 'role-omit', role: comms, omitted: false },
      { type: 'role-remove', role: added.key },
    );
    expect(saved(draft).override).toEqual({});
  });

  it('resets one role, or everything, to the product’s', () => {
    let draft = productDraft();
    const ic = roleKey(draft, 'ic');
    draft = apply(
      draft,
      { type: 'role-name', role: ic, name: 'Incident Manager' },
      { type: 'cadence-minutes', severity: 'sev1', minutes: '10' },
    );
    expect(saved(apply(draft, { type: 'role-reset', role: ic })).override).toEqual({
      statusCadenceMinutes: { sev1: 10 },
    });
    expect(draftSignature(apply(draft, { type: 'reset-product' }))).toBe(
      draftSignature(productDraft()),
    );
  });

  it('a product role cannot be removed, only left out', () => {
    const draft = productDraft();
    const ic = roleKey(draft, 'ic');
    expect(apply(draft, { type: 'role-remove', role: ic }).roles).toHaveLength(4);
  });

  it('marks an empty role name or item at its field, and never sends them', () => {
    let draft = apply(productDraft(), { type: 'role-add' }, { type: 'item-add', list: CLOSURE });
    const role = draft.roles.at(-1)!;
    draft = apply(draft, { type: 'item-add', list: role.key });
    const request = incidentsRequest(draft);
    expect(request.ok).toBe(false);
    if (request.ok) return;
    expect(request.errors.fields).toEqual({
      [`name:${role.key}`]: 'Name the role, or remove it.',
      [`item:${draft.roles.at(-1)!.checklist[0]!.key}`]: 'Write the item, or remove it.',
      [`item:${draft.closure.at(-1)!.key}`]: 'Write the item, or remove it.',
    });
  });

  it('refuses to leave out every role', () => {
    let draft = productDraft();
    for (const role of draft.roles) {
      draft = apply(draft, { type: 'role-omit', role: role.key, omitted: true });
    }
    expect(incidentsRequest(draft)).toEqual({
      ok: false,
      errors: { fields: {}, other: ['Keep at least one role.'] },
    });
  });

  it('places a duplicate id, as resolveIncidentDefaults would report it, at the item', () => {
    // Only a hand edit can produce one; the draft is built the way draftFromSettings would.
    const draft = productDraft();
    const scribe = draft.roles.find((r) => r.id === 'scribe')!;
    scribe.checklist[0] = { ...scribe.checklist[0]!, id: 'ic.severity' };
    const request = incidentsRequest(draft);
    expect(request).toEqual({
      ok: false,
      errors: {
        fields: {
          [`item:${scribe.checklist[0].key}`]:
            'duplicate checklist item id "ic.severity"; each item needs its own id',
        },
        other: [],
      },
    });
  });

  it('sends exactly what resolves to the form’s content', () => {
    let draft = productDraft();
    const tech = roleKey(draft, 'tech-lead');
    draft = apply(
      draft,
      { type: 'role-name', role: tech, name: 'Technical Lead' },
      { type: 'cadence-none', severity: 'sev1', none: true },
    );
    const { override, defaults } = saved(draft);
    expect(resolveIncidentDefaults(override)).toEqual({ ok: true, defaults });
    expect(defaults.roles[1]).toEqual({
      ...DEFAULT_INCIDENT_DEFAULTS.roles[1],
      name: 'Technical Lead',
    });
  });

  it('has nothing to save once an edit is undone by hand', () => {
    const draft = productDraft();
    const ic = roleKey(draft, 'ic');
    const edited = apply(draft, { type: 'role-name', role: ic, name: 'IC' });
    expect(draftSignature(edited)).not.toBe(draftSignature(draft));
    const undone = apply(edited, { type: 'role-name', role: ic, name: 'Incident Commander' });
    expect(draftSignature(undone)).toBe(draftSignature(draft));
  });
});
