import { describe, expect, it } from 'vitest';
import { nextLifecycleStep } from '../../../../src/renderer/features/incident/lifecycle-step';

describe('lifecycle step', () => {
  it('moves investigating → mitigated → resolved, and closing goes through the checklist', () => {
    expect(nextLifecycleStep('investigating')).toMatchObject({ kind: 'set', to: 'mitigated' });
    expect(nextLifecycleStep('mitigated')).toMatchObject({ kind: 'set', to: 'resolved' });
    expect(nextLifecycleStep('resolved')).toMatchObject({ kind: 'closure' });
    expect(nextLifecycleStep('closed')).toEqual({ kind: 'none' });
  });
});
