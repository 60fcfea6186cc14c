import { describe, expect, it } from 'vitest';
import {
  defaultPhase,
  defaultTemplate,
  fillDraft,
  fillStatusText,
  firstDraft,
  isEdited,
  isStale,
  phaseForTemplate,
  type DraftContext,
} from '../../../../src/renderer/features/incident/status-update-draft';
import { incidentAfter, minutesIn } from './incident-snapshot';

const ctx = (minutes: number): DraftContext => ({
  severityLabel: 'SEV2',
  nowMs: minutesIn(minutes),
});

describe('the status update draft', () => {
  it('fills the internal update from the incident, promising the next update one cadence on', () => {
    const incident = incidentAfter([
      { minutes: 1, op: { type: 'role.assign', args: { roleId: 'ic', holder: 'Bob' } } },
    ]);
    // Written 10 min in (14:40 UTC), cadence 30 min: the next update is promised for 15:10.
    const text = fillStatusText(incident, 'internal', 'identified', ctx(10));
    expect(text).toContain('[SEV2] Checkout errors — Identified');
    expect(text).toContain('Started 2025-03-04 14:30 UTC');
    expect(text).toContain('Incident Commander: Bob');
    expect(text).toContain('Impact: about 5% of checkouts fail');
    expect(text).toContain('Next update by 15:10 UTC.');
    expect(text).toContain('#inc-20250304-checkout-errors');
  });

  it('puts the subject of an email on a first Subject: line', () => {
    const text = fillStatusText(incidentAfter(), 'customer-email', 'investigating', ctx(5));
    expect(text.split('\n')[0]).toBe(
      'Subject: Service disruption: Checkout errors (investigating)',
    );
    expect(text).toContain('Hello,');
  });

  it('promises no next update when none is scheduled', () => {
    const incident = incidentAfter([
      { minutes: 1, op: { type: 'status-cadence.set', args: { minutes: null } } },
    ]);
    expect(fillStatusText(incident, 'status-page', 'investigating', ctx(5))).not.toContain(
      'Next update',
    );
  });

  it('starts with the template and phase that fit where the incident stands', () => {
    expect([defaultTemplate('investigating'), defaultPhase('investigating')]).toEqual([
      'internal',
      'investigating',
    ]);
    expect(defaultPhase('mitigated')).toBe('monitoring');
    expect([defaultTemplate('resolved'), defaultPhase('resolved')]).toEqual([
      'resolution',
      'resolved',
    ]);
    const resolved = incidentAfter([
      { minutes: 20, op: { type: 'lifecycle.set', args: { status: 'resolved' } } },
    ]);
    expect(firstDraft(resolved, ctx(21)).text).toMatch(/^Subject: Resolved: Checkout errors/);
  });

  it('keeps what the user typed when the incident changes, and says the draft is out of date', () => {
    const before = incidentAfter();
    const draft = { ...firstDraft(before, ctx(2)), text: 'My own words' };
    const after = incidentAfter([
      { minutes: 3, op: { type: 'severity.change', args: { severity: 'sev1' } } },
    ]);
    // The draft is the user's: nothing in it changed, but it is marked stale.
    expect(draft.text).toBe('My own words');
    expect(isEdited(draft)).toBe(true);
    expect(isStale(draft, after, 'SEV1')).toBe(true);
    // A new timeline entry alone changes nothing the text shows.
    const noted = incidentAfter([
      { minutes: 3, op: { type: 'timeline.add', args: { text: 'looking at the pool' } } },
    ]);
    expect(isStale(draft, noted, 'SEV2')).toBe(false);
  });

  it('refills on request and keeps the edited text so it can be undone', () => {
    const incident = incidentAfter();
    const edited = { ...firstDraft(incident, ctx(2)), text: 'My own words' };
    const refilled = fillDraft(incident, 'status-page', 'identified', ctx(4), edited);
    expect(refilled.text).toMatch(/^Identified — 2025-03-04 14:34 UTC/);
    expect(isEdited(refilled)).toBe(false);
    expect(refilled.replaced).toBe('My own words');
    // An untouched draft leaves nothing to undo.
    const again = fillDraft(incident, 'internal', 'identified', ctx(5), refilled);
    expect(again.replaced).toBeUndefined();
  });

  it('takes the phase to Resolved with the resolution notice, and leaves it otherwise', () => {
    const draft = firstDraft(incidentAfter(), ctx(1));
    expect(phaseForTemplate(draft, 'resolution')).toBe('resolved');
    expect(phaseForTemplate(draft, 'status-page')).toBe('investigating');
  });
});
