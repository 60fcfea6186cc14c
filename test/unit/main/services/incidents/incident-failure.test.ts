import { describe, expect, it } from 'vitest';
import { incidentFailure } from '../../../../../src/main/services/incidents/incident-failure';
import { IncidentStoreError } from '../../../../../src/main/services/incidents/incident-store-error';
import { IncidentOpError } from '../../../../../src/shared/incident/errors';
import { IpcFailure } from '../../../../../src/shared/ipc/result';

describe('incidentFailure', () => {
  it('answers a missing item not-found and every other refusal bad-request with its reason', () => {
    expect(incidentFailure(new IncidentOpError('not-found', 'No role "x".'))).toEqual(
      new IpcFailure('not-found', 'No role "x".'),
    );
    const invalid = incidentFailure(
      new IncidentOpError('invalid', 'addTimelineEntry: text: too short', ['text: too short']),
    );
    expect(invalid).toMatchObject({
      code: 'bad-request',
      message: 'addTimelineEntry: text: too short',
      issues: ['text: too short'],
    });
    expect(incidentFailure(new IncidentOpError('bad-time', 'Time is in the future.'))).toEqual(
      new IpcFailure('bad-request', 'Time is in the future.'),
    );
  });

  it('lists the open closure items as the issues of a refused close', () => {
    const error = new IncidentOpError(
      'closure-incomplete',
      'Cannot close yet.',
      [],
      [
        { id: 'closure.stable', text: 'Stable for an hour' },
        { id: 'closure.root-cause', text: 'Root cause understood' },
      ],
    );
    expect(incidentFailure(error)).toMatchObject({
      code: 'bad-request',
      message: 'Cannot close yet.',
      issues: ['closure.stable: Stable for an hour', 'closure.root-cause: Root cause understood'],
    });
  });

  it('passes store failures on with their code, and anything else unchanged', () => {
    expect(incidentFailure(new IncidentStoreError('unavailable', 'Disk gone.'))).toEqual(
      new IpcFailure('unavailable', 'Disk gone.'),
    );
    const bug = new TypeError('x is undefined');
    expect(incidentFailure(bug)).toBe(bug);
  });
});
