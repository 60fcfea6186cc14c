import path from 'node:path';
import * as Y from 'yjs';
import { INCIDENTS_FOLDER } from '../../src/main/services/incidents/incident-store';
import { openJournal } from '../../src/main/services/journal/journal';
import { createIncident } from '../../src/shared/incident/create-incident';
import { addTimelineEntry } from '../../src/shared/incident/timeline-ops';
import type { ManualTimelineKind } from '../../src/shared/incident/schema';

/** What {@link seedIncident} writes. */
export interface SeedIncidentOptions {
  /** An incident id (`inc-YYYYMMDD-HHMMSS-xxxx`). */
  id: string;
  title: string;
  /** How many hand-written timeline entries, a second apart, ending `endsAt`. */
  entries: number;
  /** When the last entry happened; the incident is declared one second per entry before it. */
  endsAt: Date;
  /** Who wrote each entry; `scribe` when left out. */
  author?: (index: number) => string;
}

const KINDS: readonly ManualTimelineKind[] = ['note', 'note', 'note', 'decision', 'hypothesis'];

/**
 * Write an incident with many timeline entries straight into a home's journal, as the app would
 * have left it after compacting: building it in memory takes a second where typing 10,000 lines
 * through the UI would take an hour. Call before the app starts over that home.
 * @param home - the app's home directory
 * @param options - the incident and its entries
 */
export async function seedIncident(home: string, options: SeedIncidentOptions): Promise<void> {
  const start = options.endsAt.getTime() - options.entries * 1000;
  const ctx = (i: number, actor = 'scribe') => ({
    now: new Date(start + i * 1000),
    actor,
    timeZone: 'UTC',
  });
  const doc = new Y.Doc();
  createIncident(doc, { id: options.id, title: options.title, severity: 'sev1' }, ctx(0));
  for (let i = 1; i <= options.entries; i++) {
    addTimelineEntry(
      doc,
      {
        text: `Entry ${i}: checked the pods on node ${i % 40}, no change`,
        kind: KINDS[i % KINDS.length] ?? 'note',
      },
      ctx(i, options.author?.(i)),
    );
  }
  const { journal } = await openJournal(path.join(home, INCIDENTS_FOLDER), options.id);
  await journal.compact(Y.encodeStateAsUpdate(doc));
  await journal.close();
}
