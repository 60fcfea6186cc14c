import { describe, expect, it } from 'vitest';
import { GroupCommitQueue } from '../../../../../src/main/services/journal/group-commit-queue';

/** A write whose completion each test releases by hand, recording what each call carried. */
function controlledWrite() {
  const calls: { frames: string[]; finish: (error?: Error) => void }[] = [];
  const write = (frames: Buffer[]): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      calls.push({
        frames: frames.map((frame) => frame.toString()),
        finish: (error) => (error ? reject(error) : resolve()),
      });
    });
  return { calls, write };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('group commit queue', () => {
  it('writes the first frame at once, and everything queued meanwhile in the next write', async () => {
    const { calls, write } = controlledWrite();
    const queue = new GroupCommitQueue(write, 0);
    const settled: string[] = [];
    const append = (name: string) => queue.append(Buffer.from(name)).then(() => settled.push(name));

    const all = ['a', 'b', 'c', 'd'].map(append);
    await tick();
    expect(calls.map((call) => call.frames)).toEqual([['a']]);

    // Nothing is reported durable before the write that covers it has finished.
    expect(settled).toEqual([]);
    calls[0]?.finish();
    await tick();
    expect(settled).toEqual(['a']);
    expect(calls.map((call) => call.frames)).toEqual([['a'], ['b', 'c', 'd']]);

    const late = append('e');
    await tick();
    expect(calls).toHaveLength(2); // e waits for the write in flight
    calls[1]?.finish();
    await tick();
    expect(settled).toEqual(['a', 'b', 'c', 'd']);
    calls[2]?.finish();
    await Promise.all([...all, late]);
    expect(settled).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('runs an exclusive task after what was queued before it and before what comes after', async () => {
    const { calls, write } = controlledWrite();
    const queue = new GroupCommitQueue(write, 0);
    const events: string[] = [];
    const finish = async (index: number): Promise<void> => {
      await tick();
      events.push(`wrote ${calls[index]?.frames.join(',')}`);
      calls[index]?.finish();
    };
    const done = [
      queue.append(Buffer.from('a')),
      queue.append(Buffer.from('b')),
      queue.exclusive(async () => {
        events.push('task runs');
        return 42;
      }),
      queue.append(Buffer.from('c')),
    ];
    await finish(0);
    await finish(1);
    await finish(2);
    const results = await Promise.all(done);
    expect(results[2]).toBe(42);
    expect(events).toEqual(['wrote a', 'wrote b', 'task runs', 'wrote c']);
  });

  it('after a failed write, rejects that batch, everything queued, and everything later', async () => {
    const { calls, write } = controlledWrite();
    const queue = new GroupCommitQueue(write, 0);
    const first = queue.append(Buffer.from('a'));
    await tick();
    const queued = queue.append(Buffer.from('b'));
    const broken = new Error('EIO: fdatasync failed');
    calls[0]?.finish(broken);

    await expect(first).rejects.toBe(broken);
    await expect(queued).rejects.toBe(broken);
    await expect(queue.append(Buffer.from('c'))).rejects.toBe(broken);
    await expect(queue.exclusive(async () => 1)).rejects.toBe(broken);
    expect(queue.failure).toBe(broken);
    expect(calls).toHaveLength(1); // never retried: after a failed fsync nothing is known
  });

  it('lets an exclusive task fail alone unless it breaks the queue itself', async () => {
    const { calls, write } = controlledWrite();
    const queue = new GroupCommitQueue(write, 0);
    await expect(queue.exclusive(() => Promise.reject(new Error('temp file')))).rejects.toThrow(
      'temp file',
    );
    const next = queue.append(Buffer.from('a'));
    await tick();
    calls[0]?.finish();
    await next;

    const fatal = new Error('rename done, journal reset failed');
    await expect(
      queue.exclusive(async () => {
        queue.fail(fatal);
        throw fatal;
      }),
    ).rejects.toBe(fatal);
    await expect(queue.append(Buffer.from('b'))).rejects.toBe(fatal);
  });
});
