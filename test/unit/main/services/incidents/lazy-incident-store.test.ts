import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INCIDENTS_FOLDER } from '../../../../../src/main/services/incidents/incident-store';
import {
  createLazyIncidentStore,
  type LazyIncidentStore,
} from '../../../../../src/main/services/incidents/lazy-incident-store';
import { IpcFailure } from '../../../../../src/shared/ipc/result';
import { manualClock } from './incident-store-kit';

describe('createLazyIncidentStore', () => {
  let home: string;
  let opened: number;
  let lazy: LazyIncidentStore;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-lazy-incidents-'));
    opened = 0;
    lazy = createLazyIncidentStore({
      home,
      clock: manualClock(),
      log: () => {},
      onChange: () => {},
      onOpen: () => opened++,
    });
  });

  afterEach(async () => {
    await lazy.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('opens the store once, however many calls arrive while it opens', async () => {
    expect(lazy.current()).toBeUndefined();

    const [first, second] = await Promise.all([lazy.open(), lazy.open()]);
    const listed = await lazy.run((store) => store.list());

    expect(second).toBe(first);
    expect(lazy.current()).toBe(first);
    expect(listed.incidents).toEqual([]);
    expect(opened).toBe(1);
  });

  it('answers unavailable, naming the incidents folder, when the folder cannot be opened', async () => {
    // A file where the folder should be: mkdir cannot make it.
    fs.writeFileSync(path.join(home, INCIDENTS_FOLDER), 'not a folder');

    const refused = await lazy.run((store) => store.list()).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(IpcFailure);
    expect(refused).toMatchObject({ code: 'unavailable' });
    expect((refused as IpcFailure).message).toContain(path.join(home, INCIDENTS_FOLDER));
    expect(lazy.current()).toBeUndefined();
    expect(opened).toBe(0);
  });

  it('answers a refused operation with its code instead of throwing it raw', async () => {
    const missing = await lazy
      .run((store) =>
        store.apply(
          'inc-20990101-000000-0000',
          { type: 'timeline.add', args: { text: 'x' } },
          {
            now: new Date('2026-03-01T02:00:00.000Z'),
            actor: 'alice',
          },
        ),
      )
      .catch((error: unknown) => error);

    expect(missing).toBeInstanceOf(IpcFailure);
    expect(missing).toMatchObject({ code: 'not-found' });
  });
});
