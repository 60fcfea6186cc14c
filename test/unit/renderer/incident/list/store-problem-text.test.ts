import { describe, expect, it } from 'vitest';
import {
  dismissLabel,
  dismissNote,
  storeProblemsHeading,
} from '../../../../../src/renderer/features/incident/list/store-problem-text';
import type { IncidentStoreProblem } from '../../../../../src/shared/ipc/incident-schemas';

const problem = (unreadable: boolean): IncidentStoreProblem => ({
  id: `inc-1:${unreadable ? 'unreadable' : 'repaired'}:2026-03-01T02:00:00.000Z`,
  incidentId: 'inc-1',
  message: 'Incident inc-1: something happened.',
  unreadable,
  at: '2026-03-01T02:00:00.000Z',
});

describe('record problem banner text', () => {
  it('counts the problems in the heading', () => {
    expect(storeProblemsHeading(1)).toBe('An incident record needed attention.');
    expect(storeProblemsHeading(3)).toBe('3 incident records needed attention.');
  });

  it("names the incident in each Dismiss button's accessible name", () => {
    expect(dismissLabel(problem(false))).toBe('Dismiss the notice about inc-1');
  });

  it('tells, for an unreadable record only, that dismissing fixes nothing and it comes back', () => {
    expect(dismissNote(problem(false))).toBeUndefined();
    const note = dismissNote(problem(true)) ?? '';
    expect(note).toMatch(/only hides this notice/);
    expect(note).toMatch(/stays unavailable/);
    expect(note).toMatch(/comes back when the app restarts/);
  });
});
