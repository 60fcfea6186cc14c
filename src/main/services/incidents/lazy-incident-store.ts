import path from 'node:path';
import type { IncidentView } from '../../../shared/ipc/incident-schemas';
import { IpcFailure } from '../../../shared/ipc/result';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import { incidentFailure } from './incident-failure';
import { INCIDENTS_FOLDER, openIncidentStore, type IncidentStore } from './incident-store';

/** Where the incident store lives and who hears about it. */
export interface LazyIncidentStoreOptions {
  home: string;
  clock: Clock;
  log: AppLog;
  /** Told of each change once it is on disk, never before (the store's own listener). */
  onChange: (view: IncidentView | undefined) => void;
  /** Told once, when the store has opened with every journal replayed. */
  onOpen: (store: IncidentStore) => void;
}

/** The incident store, opened once on first use; every call waits for that one opening. */
export interface LazyIncidentStore {
  /**
   * The store, opened on the first call. Refused as `unavailable`, naming the folder, when the
   * incidents folder cannot be opened.
   */
  open(): Promise<IncidentStore>;
  /** The store if it is open already, for work that must neither wait nor open it. */
  current(): IncidentStore | undefined;
  /** Run an incident call, answering refused operations and store failures with their code. */
  run<T>(call: (store: IncidentStore) => Promise<T> | T): Promise<T>;
  /** Close the store, if it was opened, after its pending appends. */
  close(): Promise<void>;
}

/**
 * Opening replays every journal, so it happens once, when the services start or the first call
 * comes, and calls that come meanwhile wait for it instead of opening a second store.
 * @param options - the folder's home, the clock, the log and the listeners
 */
export function createLazyIncidentStore(options: LazyIncidentStoreOptions): LazyIncidentStore {
  let store: IncidentStore | undefined;
  let opening: Promise<IncidentStore> | undefined;

  const open = (): Promise<IncidentStore> => {
    opening ??= openIncidentStore({
      home: options.home,
      clock: options.clock,
      log: options.log,
      onChange: options.onChange,
    }).then((opened) => {
      store = opened;
      options.onOpen(opened);
      return opened;
    });
    return opening.catch((error: unknown) => {
      throw new IpcFailure(
        'unavailable',
        `The incidents folder ${path.join(options.home, INCIDENTS_FOLDER)} could not be opened: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    });
  };

  return {
    open,
    current: () => store,
    async run(call) {
      const opened = await open();
      try {
        return await call(opened);
      } catch (error) {
        throw incidentFailure(error);
      }
    },
    async close() {
      // Every journal is closed after its pending appends: nothing declared or typed is lost.
      const opened = await opening?.catch(() => undefined);
      await opened?.close();
    },
  };
}
