// Worker side of the incident-open bench: writes one incident of ENTRIES timeline entries into a
// journal in a temp home, then times opening it through the store, or applying its bytes raw.
import { workerData } from 'node:worker_threads';
import path from 'node:path';
import * as Y from 'yjs';
import { systemClock } from '../../../src/main/services/clock/clock';
import {
  INCIDENTS_FOLDER,
  openIncidentStore,
} from '../../../src/main/services/incidents/incident-store';
import { COMPACT_AFTER_RECORDS } from '../../../src/main/services/incidents/persisted-incident';
import { openJournal } from '../../../src/main/services/journal/journal';
import { createIncident } from '../../../src/shared/incident/create-incident';
import { readIncident } from '../../../src/shared/incident/read-incident';
import { addTimelineEntry } from '../../../src/shared/incident/timeline-ops';
import { serveJobs } from '../serve-jobs';
import { ENTRIES, type JournalLayout, type OpenJob } from './open-jobs';

const { home, signal, layout } = workerData as {
  home: string;
  signal: SharedArrayBuffer;
  layout: JournalLayout;
};
const ID = 'inc-20260301-020000-beef';
const START = Date.parse('2026-03-01T02:00:00.000Z');

// The incident as a scribe builds it: one update per entry, a sentence each, a second apart.
const doc = new Y.Doc();
const updates: Uint8Array[] = [];
doc.on('update', (update: Uint8Array) => updates.push(update));
const ctx = (i: number) => ({ now: new Date(START + i * 1000), actor: 'scribe', timeZone: 'UTC' });
createIncident(doc, { id: ID, title: 'Checkout errors', severity: 'sev1' }, ctx(0));
for (let i = 1; i <= ENTRIES; i++) {
  addTimelineEntry(
    doc,
    { text: `Entry ${i}: checked the pods on node ${i % 40}, no change` },
    ctx(i),
  );
}

// What the journal holds: every update as a record, or what the store leaves after its last
// compaction (a snapshot of the first updates, the rest as records).
const kept = layout === 'records' ? 0 : updates.length - (updates.length % COMPACT_AFTER_RECORDS);
let snapshot: Uint8Array | undefined;
if (kept > 0) {
  const upTo = new Y.Doc();
  for (const update of updates.slice(0, kept)) Y.applyUpdate(upTo, update);
  snapshot = Y.encodeStateAsUpdate(upTo);
}
const records = updates.slice(kept);
const { journal } = await openJournal(path.join(home, INCIDENTS_FOLDER), ID);
if (snapshot) await journal.compact(snapshot);
await Promise.all(records.map((record) => journal.append(record)));
await journal.close();
const bytes = snapshot ? [snapshot, ...records] : records;

const jobs: Record<OpenJob, () => Promise<unknown>> = {
  async 'open-store'() {
    const store = await openIncidentStore({ home, clock: systemClock, log: () => {} });
    const view = store.get(ID);
    if (view?.incident.timeline.length !== ENTRIES + 1) throw new Error('incident not whole');
    await store.close();
  },
  // The least opening can cost: the same bytes applied to a fresh document, nothing read back.
  async 'raw-apply'() {
    const raw = new Y.Doc();
    for (const update of bytes) Y.applyUpdate(raw, update);
  },
};

if (readIncident(doc).timeline.length !== ENTRIES + 1) throw new Error('bench incident not built');

serveJobs(signal, jobs);
