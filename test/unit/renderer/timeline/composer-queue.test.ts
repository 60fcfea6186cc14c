import { describe, expect, it } from 'vitest';
import {
  dropLine,
  enqueueLine,
  markLine,
  queueStatus,
  type LineQueue,
} from '../../../../src/renderer/features/timeline/composer-queue';

const line = (key: number, text: string) => ({ key, line: text, kind: 'note' as const });

describe('the composer queue', () => {
  it('keeps lines sent in a row in the order typed, each until it is written', () => {
    let queue: LineQueue = [];
    queue = enqueueLine(queue, line(1, '14:05 paged the DBA'));
    queue = enqueueLine(queue, line(2, '14:06 DBA joined'));
    expect(queue.map((q) => q.line)).toEqual(['14:05 paged the DBA', '14:06 DBA joined']);
    expect(queueStatus(queue)).toBe('Saving 2 lines…');
    queue = dropLine(queue, 1);
    expect(queueStatus(queue)).toBe('Saving 1 line…');
    expect(queueStatus(dropLine(queue, 2))).toBeUndefined();
  });

  it('keeps a line the app could not write, with the reason, until retried or discarded', () => {
    let queue: LineQueue = [line(1, 'restarted the pool'), line(2, 'still failing')];
    queue = markLine(queue, 1, 'The app is not reachable.');
    expect(queue[0]).toEqual({
      ...line(1, 'restarted the pool'),
      error: 'The app is not reachable.',
    });
    expect(queueStatus(queue)).toBe(
      'Saving 1 line… 1 line was not saved: retry, edit or discard below.',
    );
    queue = markLine(queue, 1, undefined);
    expect(queue[0]).toEqual(line(1, 'restarted the pool'));
    expect(queueStatus(queue)).toBe('Saving 2 lines…');
  });
});
