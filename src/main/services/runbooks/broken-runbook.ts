import type { Runbook } from '../../../shared/domain/runbook';

/**
 * A runbook file that could not be used at all: listed under its file name with the reason,
 * matching nothing, with no body.
 * @param source - the file's id (path in the folder) and path on disk
 * @param error - what is wrong, for the person who fixes the file
 */
export function brokenRunbook(source: { id: string; file: string }, error: string): Runbook {
  return {
    id: source.id,
    title: source.id.split('/').pop() ?? source.id,
    match: {},
    tags: [],
    steps: [],
    body: '',
    file: source.file,
    error,
  };
}
