import { IncidentOpError } from '../../../shared/incident/errors';
import { IpcFailure } from '../../../shared/ipc/result';
import { IncidentStoreError } from './incident-store-error';

/**
 * The IPC answer for an incident call that failed: a refused operation is the caller's to fix
 * (`bad-request`, with its reason and items), a missing incident or item is `not-found`, and a
 * record that cannot be written is `unavailable`. Anything else is passed on unchanged (the
 * dispatcher reports it as `internal`).
 * @param error - what the store or the operation threw
 */
export function incidentFailure(error: unknown): unknown {
  if (error instanceof IncidentStoreError) return new IpcFailure(error.code, error.message);
  if (!(error instanceof IncidentOpError)) return error;
  if (error.code === 'not-found') return new IpcFailure('not-found', error.message);
  const issues =
    error.code === 'closure-incomplete'
      ? error.missing.map((item) => `${item.id}: ${item.text}`)
      : [...error.issues];
  return new IpcFailure('bad-request', error.message, issues.length > 0 ? issues : undefined);
}
