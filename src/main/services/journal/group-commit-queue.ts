import { setTimeout as delay } from 'node:timers/promises';

interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

type Entry =
  | { kind: 'frame'; frame: Buffer; settle: Settle<void> }
  | { kind: 'exclusive'; run: () => Promise<unknown>; settle: Settle<unknown> };

/**
 * Writes the frames of one journal strictly in order, with group commit: whatever is queued
 * while a write + fdatasync is in flight goes out together and shares the next fdatasync, so
 * a scribe typing fast costs one fdatasync per batch, not one per keystroke. Each frame's
 * promise settles only once the `write` that covered it (which must end in an fdatasync) has
 * finished. Exclusive tasks (compaction, close) run after everything queued before them and
 * before anything queued after.
 */
export class GroupCommitQueue {
  readonly #queue: Entry[] = [];
  #running = false;
  #failure: unknown;

  /**
   * @param write - writes the frames contiguously and makes them durable
   * @param batchWindowMs - extra wait before the first write after an idle spell, to gather more
   */
  constructor(
    private readonly write: (frames: Buffer[]) => Promise<void>,
    private readonly batchWindowMs: number,
  ) {}

  /** The error that broke the queue, if one did. */
  get failure(): unknown {
    return this.#failure;
  }

  /**
   * Queue a frame; resolves once it is durable.
   * @param frame - an encoded record
   */
  append(frame: Buffer): Promise<void> {
    return this.#enqueue<void>((settle) => ({ kind: 'frame', frame, settle }));
  }

  /**
   * Run `task` alone, in queue order.
   * @param task - work that must not interleave with writes
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.#enqueue<T>((settle) => ({
      kind: 'exclusive',
      run: task,
      settle: settle as Settle<unknown>,
    }));
  }

  /**
   * Refuse all queued and future work from now on: what is on disk is no longer known.
   * @param error - what broke
   */
  fail(error: unknown): void {
    this.#failure ??= error;
  }

  #enqueue<T>(entry: (settle: Settle<T>) => Entry): Promise<T> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const promise = new Promise<T>((resolve, reject) => {
      this.#queue.push(entry({ resolve, reject }));
    });
    if (!this.#running) {
      this.#running = true;
      void this.#drain();
    }
    return promise;
  }

  async #drain(): Promise<void> {
    if (this.batchWindowMs > 0) await delay(this.batchWindowMs);
    while (this.#queue.length > 0) {
      if (this.#failure !== undefined) {
        for (const entry of this.#queue.splice(0)) entry.settle.reject(this.#failure);
        break;
      }
      const head = this.#queue[0] as Entry;
      if (head.kind === 'exclusive') {
        this.#queue.shift();
        try {
          head.settle.resolve(await head.run());
        } catch (error) {
          head.settle.reject(error);
        }
        continue;
      }
      let count = 1;
      while (this.#queue[count]?.kind === 'frame') count++;
      const batch = this.#queue.splice(0, count) as Extract<Entry, { kind: 'frame' }>[];
      try {
        await this.write(batch.map((entry) => entry.frame));
        for (const entry of batch) entry.settle.resolve();
      } catch (error) {
        this.fail(error);
        for (const entry of batch) entry.settle.reject(this.#failure);
      }
    }
    this.#running = false;
  }
}
