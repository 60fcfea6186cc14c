import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import {
  INCIDENTS_FOLDER,
  openIncidentStore,
  type IncidentStore,
  type IncidentStoreOptions,
} from '../../../../../src/main/services/incidents/incident-store';
import type { OpContext } from '../../../../../src/shared/incident/op-context';
import type { IncidentView } from '../../../../../src/shared/ipc/incident-schemas';

/** The moment the tests start at; `advance` moves it. */
export const START = new Date('2026-03-01T02:00:00.000Z');

/** A clock the test moves by hand. */
export interface ManualClock extends Clock {
  advance(minutes: number): void;
  set(at: Date): void;
}

/** A clock at START, moved only by the test. */
export function manualClock(start = START): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    set(at) {
      now = at;
    },
  };
}

/** A scratch home directory and stores opened over it, closed by `cleanup`. */
export interface StoreKit {
  home: string;
  dir: string;
  clock: ManualClock;
  logs: string[];
  /** Every view the store announced, in order (`undefined`: the list only). */
  changes: (IncidentView | undefined)[];
  open(options?: Partial<IncidentStoreOptions>): Promise<IncidentStore>;
  /** Close every store opened so far. */
  closeAll(): Promise<void>;
  ctx(actor?: string): OpContext;
  file(name: string): string;
  files(): string[];
  cleanup(): Promise<void>;
}

/** Make a kit in a fresh temp home. */
export function storeKit(): StoreKit {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-incidents-'));
  const dir = path.join(home, INCIDENTS_FOLDER);
  const clock = manualClock();
  const logs: string[] = [];
  const changes: (IncidentView | undefined)[] = [];
  const open: IncidentStore[] = [];
  let suffix = 0;
  const closeAll = async () => {
    for (const store of open.splice(0)) await store.close();
  };
  return {
    home,
    dir,
    clock,
    logs,
    changes,
    async open(options = {}) {
      const store = await openIncidentStore({
        home,
        clock,
        log: (level, message) => logs.push(`${level}: ${message}`),
        onChange: (view) => changes.push(view),
        // Readable, predictable ids: 0001, 0002, …
        randomSuffix: () => (++suffix).toString(16).padStart(4, '0'),
        ...options,
      });
      open.push(store);
      return store;
    },
    closeAll,
    ctx: (actor = 'alice') => ({ now: clock.now(), actor, timeZone: 'UTC' }),
    file: (name) => path.join(dir, name),
    files: () => fs.readdirSync(dir).sort(),
    async cleanup() {
      await closeAll();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
