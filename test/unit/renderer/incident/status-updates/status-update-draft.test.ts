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
  switchPhase,
  type DraftContext,
} from '../../../../../src/renderer/features/incident/status-updates/status-update-draft';
import { STATUS_MESSAGE_PLACEHOLDER } from '../../../../../src/shared/templates/status-update';
import { incidentAfter, minutesIn } from '../incident-snapshot';

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

  it('switching phase after writing keeps the writer’s words and changes only the phase’s lines', () => {
    const incident = incidentAfter();
    const draft = firstDraft(incident, ctx(2));
    const written = {
      ...draft,
      text: draft.text.replace(
        STATUS_MESSAGE_PLACEHOLDER,
        'Found it: a bad config push.\n\nRolling it back now.',
      ),
    };
    const identified = switchPhase(written, 'identified', incident, ctx(6));
    expect(identified.phase).toBe('identified');
    expect(identified.text).toBe(written.text.replace('— Investigating', '— Identified'));
    expect(identified.replaced).toBeUndefined();
    expect(isEdited(identified)).toBe(true);

    // Resolved promises no next update: that line goes, and comes back with Monitoring.
    const resolved = switchPhase(identified, 'resolved', incident, ctx(7));
    expect(resolved.text).toContain('Rolling it back now.');
    expect(resolved.text).toContain('— Resolved');
    expect(resolved.text).not.toContain('Next update by');
    const monitoring = switchPhase(resolved, 'monitoring', incident, ctx(8));
    expect(monitoring.text).toBe(written.text.replace('— Investigating', '— Monitoring'));
    expect(monitoring.unplacedPhaseLines).toBeUndefined();
  });

  it('leaves a phase line the writer reworded as written, and says so', () => {
    const incident = incidentAfter();
    const draft = firstDraft(incident, ctx(2));
    const reworded = {
      ...draft,
      text: draft.text.replace('[SEV2] Checkout errors — Investigating', 'Checkout: on it'),
    };
    const switched = switchPhase(reworded, 'identified', incident, ctx(3));
    expect(switched.text).toContain('Checkout: on it');
    expect(switched.unplacedPhaseLines).toBe(1);
  });

  it('refills an untouched draft on a phase switch, from the incident as it is now', () => {
    const incident = incidentAfter();
    const switched = switchPhase(firstDraft(incident, ctx(2)), 'identified', incident, ctx(9));
    expect(switched.text).toBe(fillStatusText(incident, 'internal', 'identified', ctx(9)));
    expect(isEdited(switched)).toBe(false);
  });
});
