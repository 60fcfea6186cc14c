import { openJournal } from '../journal/journal';
import type { OpenIncidentRecordOptions } from './open-incident-record';

/**
 * Open the journal of incident `id` as both declaring and reopening an incident do: with the
 * options' clock (quarantine names) and the journal's own warnings in the app log.
 * @param dir - the incidents directory
 * @param id - the incident id (its files' name)
 * @param options - clock, log, and the journal opener (replaced by tests to make writes fail)
 * @throws what the journal opener throws
 */
export function openIncidentJournal(
  dir: string,
  id: string,
  options: Pick<OpenIncidentRecordOptions, 'clock' | 'log' | 'openJournal'>,
): ReturnType<typeof openJournal> {
  const { log } = options;
  return (options.openJournal ?? openJournal)(dir, id, {
    clock: options.clock,
    log: (line) => log('warn', line),
  });
}
