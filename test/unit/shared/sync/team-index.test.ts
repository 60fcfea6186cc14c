import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTeamIndex, writeTeamIndexEntry } from '../../../../src/shared/sync/team-index';

const entry = {
  id: 'inc-20261205-140200-ab12',
  title: 'Checkout errors',
  severity: 'sev2' as const,
  status: 'investigating' as const,
  declaredAt: '2026-12-05T14:02:00.000Z',
};

describe('the team index', () => {
  it('lists what members wrote, newest first, and writes nothing when nothing changed', () => {
    const doc = new Y.Doc();
    expect(writeTeamIndexEntry(doc, entry)).toBe(true);
    expect(writeTeamIndexEntry(doc, { ...entry })).toBe(false);
    const older = {
      ...entry,
      id: 'inc-20261204-090000-0000',
      declaredAt: '2026-12-04T09:00:00.000Z',
    };
    writeTeamIndexEntry(doc, older);
    expect(readTeamIndex(doc).map((e) => e.id)).toEqual([entry.id, older.id]);
    expect(writeTeamIndexEntry(doc, { ...entry, status: 'mitigated' })).toBe(true);
    expect(readTeamIndex(doc)[0]).toEqual({ ...entry, status: 'mitigated' });
  });

  it('skips entries it cannot read instead of failing', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('incidents');
    map.set('../evil', { title: 'x', severity: 'sev1', status: 'investigating' });
    map.set('inc-1', { title: 'x', severity: 'catastrophic', status: 'investigating' });
    map.set('inc-2', 'not an object');
    map.set('inc-3', {
      title: 'ok',
      severity: 'sev3',
      status: 'resolved',
      declaredAt: 'yesterday',
    });
    expect(readTeamIndex(doc)).toEqual([
      { id: 'inc-3', title: 'ok', severity: 'sev3', status: 'resolved' },
    ]);
  });
});
