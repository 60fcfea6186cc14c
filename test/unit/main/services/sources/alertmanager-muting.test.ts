import { describe, expect, it } from 'vitest';
import { mutingOf } from '../../../../../src/main/services/sources/alertmanager-muting';
import { indexActiveSilences } from '../../../../../src/main/services/sources/alertmanager-silences';
import { alertmanagerFixture } from './fixtures';

const { byId } = indexActiveSilences(JSON.parse(alertmanagerFixture('silences.json')));
const MARIA = '6c2b3d0e-5a1f-4b9c-8d7e-2f1a0b9c8d7e';
const KARMA_ACK = 'a1b2c3d4-0000-4000-8000-00000000ac01';
const APP_ACK = '0c0c0c0c-0000-4000-8000-0000000000a2';

const status = (silencedBy: string[], inhibitedBy: string[] = []) => ({
  state: 'suppressed' as const,
  silencedBy,
  inhibitedBy,
});

describe('mutingOf', () => {
  it('says who silenced an alert, why and until when, and that it is no acknowledgement', () => {
    expect(mutingOf(status([MARIA]), byId)).toEqual({
      silences: [
        {
          id: MARIA,
          createdBy: 'maria@example.com',
          comment: 'Deploy of checkout v2.3, latency expected',
          startsAt: '2026-03-01T01:20:00.000Z',
          endsAt: '2026-03-01T04:00:00.000Z',
        },
      ],
    });
  });

  it("reads karma's ACK! silence as an acknowledgement, next to the other silences, soonest to end first", () => {
    const muting = mutingOf(status([MARIA, KARMA_ACK]), byId);
    expect(muting.silences?.map((s) => s.id)).toEqual([KARMA_ACK, MARIA]);
    expect(muting.ack).toEqual({
      by: 'karma',
      at: '2026-03-01T01:50:00.000Z',
      via: 'source',
      until: '2026-03-01T02:05:00.000Z',
      comment: 'ACK! This alert was acknowledged using karma on Sun, 01 Mar 2026 01:50:00 GMT',
      ref: KARMA_ACK,
    });
  });

  it("reads this app's acknowledgement back with its author", () => {
    expect(mutingOf(status([APP_ACK]), byId).ack).toMatchObject({
      by: 'Ada',
      until: '2026-03-01T02:55:00.000Z',
      ref: APP_ACK,
    });
  });

  it('tells an inhibited alert from a silenced one', () => {
    expect(mutingOf(status([], ['0a74ac22130028d9']), byId)).toEqual({
      inhibitedBy: ['0a74ac22130028d9'],
    });
  });

  it('leaves out a silence the list does not have yet, and everything when silences are unknown', () => {
    expect(mutingOf(status(['made-a-moment-ago']), byId)).toEqual({});
    expect(mutingOf(status([MARIA], ['0a74ac22130028d9']), undefined)).toEqual({
      inhibitedBy: ['0a74ac22130028d9'],
    });
  });
});
