import { describe, expect, it } from 'vitest';
import { indexActiveSilences } from '../../../../../src/main/services/sources/alertmanager-silences';
import { alertmanagerFixture } from './fixtures';

const silences = (): unknown[] => JSON.parse(alertmanagerFixture('silences.json')) as unknown[];

describe('indexActiveSilences', () => {
  it('indexes the active silences by id, leaving expired and pending ones out', () => {
    const index = indexActiveSilences(silences());
    expect([...index.byId.keys()]).toEqual([
      '6c2b3d0e-5a1f-4b9c-8d7e-2f1a0b9c8d7e',
      'a1b2c3d4-0000-4000-8000-00000000ac01',
      '0c0c0c0c-0000-4000-8000-0000000000a2',
    ]);
    expect(index.byId.get('6c2b3d0e-5a1f-4b9c-8d7e-2f1a0b9c8d7e')).toMatchObject({
      createdBy: 'maria@example.com',
      comment: 'Deploy of checkout v2.3, latency expected',
      endsAt: '2026-03-01T04:00:00.000Z',
    });
    expect(index.unreadable).toBe(0);
  });

  it('counts an entry of the wrong shape instead of failing the whole list', () => {
    const list = [...silences(), { id: 'x', status: { state: 'active' } }, 'nonsense'];
    const index = indexActiveSilences(list);
    expect(index.byId.size).toBe(3);
    expect(index.unreadable).toBe(2);
  });

  it('reads what Alertmanager 0.25 sends: no annotations, expired silences kept in the list', () => {
    const index = indexActiveSilences(
      JSON.parse(alertmanagerFixture('silences-alertmanager-0.25.json')),
    );
    expect([...index.byId.values()].map((s) => [s.createdBy, s.comment])).toEqual([
      ['Ada', 'ACK! Acknowledged in On-Call Companion by Ada'],
    ]);
    expect(index.unreadable).toBe(0);
  });

  it('refuses a body that is not a list', () => {
    expect(() => indexActiveSilences({ silences: [] })).toThrow(
      'the silence list is not a JSON array',
    );
  });
});
