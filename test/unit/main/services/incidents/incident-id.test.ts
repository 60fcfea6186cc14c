import { describe, expect, it } from 'vitest';
import { newIncidentId } from '../../../../../src/main/services/incidents/incident-id';
import { incidentIdSchema } from '../../../../../src/shared/incident/schema';

describe('newIncidentId', () => {
  const at = new Date('2026-03-01T02:03:04.567Z');

  it('names the incident after its declaration time in UTC, a safe file name', () => {
    const id = newIncidentId(at, () => false);
    expect(id).toMatch(/^inc-20260301-020304-[0-9a-f]{4}$/);
    expect(incidentIdSchema.safeParse(id).success).toBe(true);
  });

  it('draws another suffix when the id is taken', () => {
    const suffixes = ['aaaa', 'aaaa', 'bbbb'];
    const taken = new Set(['inc-20260301-020304-aaaa']);
    expect(
      newIncidentId(
        at,
        (id) => taken.has(id),
        () => suffixes.shift() ?? 'zzzz',
      ),
    ).toBe('inc-20260301-020304-bbbb');
  });
});
