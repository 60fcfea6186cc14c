import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import type { Alert } from '../../../shared/domain/alert';
import {
  attachAlerts,
  recordAlertEvent,
  type RecordAlertEventArgs,
} from '../../../shared/incident/source-alert-ops';
import {
  applyIncidentOp,
  type IncidentOp,
  type IncidentOpOutcome,
} from '../../../shared/incident/apply-op';
import { createIncident, type CreateIncidentArgs } from '../../../shared/incident/create-incident';
import type { OpContext } from '../../../shared/incident/op-context';
import { isIncidentCreated, readIncident } from '../../../shared/incident/read-incident';
import type { IncidentSnapshot } from '../../../shared/incident/schema';
import type {
  IncidentList,
  IncidentStoreProblem,
  IncidentView,
} from '../../../shared/ipc/incident-schemas';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import { makeFolderPrivate, PRIVATE_DIR_MODE } from '../home/private-mode';
import { listJournals } from '../journal/journal';
import { createIncidentRecord } from './create-incident-record';
import { newIncidentId } from './incident-id';
import { IncidentStoreError } from './incident-store-error';
import { compareIncidentSummaries, summariseIncident } from './incident-summary';
import {
  openIncidentRecord,
  type OpenedIncidentRecord,
  type OpenJournal,
} from './open-incident-record';
import { IncidentWriteError, type PersistedIncident } from './persisted-incident';

/** The folder of the home directory that holds one journal (and snapshot) per incident. */
export const INCIDENTS_FOLDER = 'incidents';

/** An applied operation, once on disk. */
export interface AppliedOp extends IncidentView, IncidentOpOutcome {}

/** Every incident of this app, each a Yjs document persisted through its journal. */
export interface IncidentStore {
  /** Every readable incident in list order, and every problem with the records not dismissed. */
  list(): IncidentList;
  /**
   * Hide one problem from {@link IncidentStore.list} (the user has seen it); answers the new list.
   * Only the notice goes: the record and any quarantine file are left as they are, and an
   * unreadable incident stays unavailable. Dismissing one already dismissed changes nothing.
   * @throws IncidentStoreError `not-found` when no problem has that id
   */
  dismissProblem(problemId: string): IncidentList;
  /**
   * Why an incident could not be opened (its message, dismissed or not), or undefined when it
   * is not one of the unreadable ones.
   */
  unreadableReason(id: string): string | undefined;
  /** One incident, or undefined when there is none with that id (or it is unreadable). */
  get(id: string): IncidentView | undefined;
  /** The incidents that are not closed, as last made durable (for reminders). */
  openIncidents(): IncidentSnapshot[];
  /**
   * Declare an incident with an id chosen here; resolves once it is on disk.
   * @throws IncidentOpError when the arguments are refused (nothing is written)
   */
  declare(args: Omit<CreateIncidentArgs, 'id'>, ctx: OpContext): Promise<IncidentView>;
  /**
   * Apply one operation; resolves once it is on disk.
   * @throws IncidentOpError when refused (nothing written); IncidentStoreError `not-found` or
   *   `unavailable` (the change could not be saved: the incident is reopened from disk)
   */
  apply(id: string, op: IncidentOp, ctx: OpContext): Promise<AppliedOp>;
  /**
   * Add alerts to an incident; resolves once on disk with the incident and how many were new.
   * @throws IncidentOpError, IncidentStoreError as {@link IncidentStore.apply}
   */
  attachAlerts(
    id: string,
    alerts: readonly Alert[],
    ctx: OpContext,
  ): Promise<IncidentView & { added: number }>;
  /**
   * Put what happened to source alerts (resolved, fired again) on the timeline of every
   * incident not closed that was declared from them. Failures are logged, never thrown: an
   * alert poll must not fail over an incident.
   */
  recordAlertChanges(change: AlertChanges, ctx: OpContext): Promise<void>;
  /**
   * The live document of an incident, for team sync: updates applied to it from elsewhere are
   * journalled like local ones and must be published with {@link IncidentStore.publishRemoteChanges}.
   * It changes when the incident is reopened from disk.
   */
  document(id: string): Y.Doc | undefined;
  /**
   * Updates from a teammate were applied to the document: resolves once they are on disk, and
   * tells the change listener (so what is shown is durable). Failures are logged, never thrown.
   */
  publishRemoteChanges(id: string): Promise<void>;
  /**
   * Keep a team incident fetched from the sync server: written to its own record as if declared
   * here, then synced like every other. One already here is answered as it is.
   * @throws IncidentStoreError `unavailable` when `state` holds no incident `id`
   */
  adopt(id: string, state: Uint8Array): Promise<IncidentView>;
  /** Wait for pending writes and close every journal. */
  close(): Promise<void>;
}

/** Source alerts that changed in one poll. */
export interface AlertChanges {
  added: readonly Alert[];
  /** Alerts whose status changed (suppressed at the source, or firing again after it). */
  changed?: readonly Alert[];
  resolved: readonly Alert[];
}

/** What {@link openIncidentStore} needs. */
export interface IncidentStoreOptions {
  /** The app's home directory; incidents live in its `incidents/` folder. */
  home: string;
  clock: Clock;
  log: AppLog;
  /** Told after each durable change of one incident (`undefined`: only the list changed). */
  onChange?: (view: IncidentView | undefined) => void;
  /** Records before a journal is compacted (COMPACT_AFTER_RECORDS by default). */
  compactAfterRecords?: number;
  /** Replaces the journal (tests make writes fail with it). */
  openJournal?: OpenJournal;
  /** Four hex digits for new ids (tests fix it). */
  randomSuffix?: () => string;
}

/**
 * Open every incident found in `<home>/incidents/` and keep them: one Y.Doc per incident, every
 * update appended to its journal, a change answered only once it is durable. An incident whose
 * record cannot be opened is listed as a problem and left on disk; the others open normally.
 * @param options - home, clock, log and the change listener
 */
export async function openIncidentStore(options: IncidentStoreOptions): Promise<IncidentStore> {
  const { clock, log } = options;
  const dir = path.join(options.home, INCIDENTS_FOLDER);
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // A home made by hand or by an older version may hold 0755/0644 entries: fixed before use.
  await makeFolderPrivate(dir);
  const incidents = new Map<string, PersistedIncident>();
  /** Problems by incident id: a record repaired, replayed in part, or unreadable. */
  const problems = new Map<string, IncidentStoreProblem[]>();
  /** Ids with files on disk that are not open: never handed out again. */
  const unreadable = new Set<string>();
  /** Ids of the problems the user dismissed: hidden from the list, kept in `problems`. */
  const dismissed = new Set<string>();
  /** Every problem id handed out, so none is reused. */
  const problemIds = new Set<string>();
  const reopening = new Map<string, Promise<void>>();
  const changed = options.onChange ?? (() => {});
  let closed = false;

  const recordOptions = {
    clock,
    log,
    openJournal: options.openJournal,
    compactAfterRecords: options.compactAfterRecords,
  };

  /** A problem id never handed out before, even for the same kind at the same instant. */
  const newProblemId = (id: string, kind: string, at: string): string => {
    const base = `${id}:${kind}:${at}`;
    let candidate = base;
    for (let n = 2; problemIds.has(candidate); n++) candidate = `${base}:${n}`;
    problemIds.add(candidate);
    return candidate;
  };

  const take = (id: string, record: OpenedIncidentRecord): void => {
    const at = clock.now().toISOString();
    const found: IncidentStoreProblem[] = [];
    switch (record.kind) {
      case 'ok':
        incidents.set(id, record.incident);
        for (const notice of record.notices) {
          const problem: IncidentStoreProblem = {
            id: newProblemId(id, notice.kind, at),
            incidentId: id,
            message: notice.problem,
            unreadable: false,
            at,
          };
          if (notice.keptAs !== undefined) problem.keptAs = notice.keptAs;
          found.push(problem);
        }
        break;
      case 'unreadable': {
        unreadable.add(id);
        const problem: IncidentStoreProblem = {
          id: newProblemId(id, 'unreadable', at),
          incidentId: id,
          message: record.message,
          unreadable: true,
          at,
        };
        if (record.keptAs !== undefined) problem.keptAs = record.keptAs;
        found.push(problem);
        break;
      }
      case 'empty':
        log(
          'info',
          `Incidents: ${id} has an empty record (a declaration that never finished); skipped.`,
        );
        break;
    }
    for (const problem of found) log('warn', problem.message);
    if (found.length > 0) problems.set(id, [...(problems.get(id) ?? []), ...found]);
  };

  // One at a time: replaying is CPU work, and two cores are shared with the UI.
  for (const id of await listJournals(dir))
    take(id, await openIncidentRecord(dir, id, recordOptions));

  const live = (id: string): PersistedIncident => {
    const incident = incidents.get(id);
    if (incident) return incident;
    if (unreadable.has(id)) {
      throw new IncidentStoreError(
        'unavailable',
        `Incident ${id} could not be opened from disk; see the problems in the incident list.`,
      );
    }
    throw new IncidentStoreError('not-found', `There is no incident ${id}.`);
  };

  /** After a failed write: drop what is in memory and read the incident again from disk. */
  const reopen = (incident: PersistedIncident): Promise<void> => {
    let running = reopening.get(incident.id);
    if (running) return running;
    running = (async () => {
      if (incidents.get(incident.id) === incident) incidents.delete(incident.id);
      await incident.close().catch(() => {});
      if (closed) return;
      take(incident.id, await openIncidentRecord(dir, incident.id, recordOptions));
      changed(incidents.get(incident.id)?.view());
    })().finally(() => reopening.delete(incident.id));
    reopening.set(incident.id, running);
    return running;
  };

  const refuseWhenClosed = (): void => {
    if (closed) throw new IncidentStoreError('unavailable', 'The incident store is closed.');
  };

  /**
   * Change one incident and answer once the change is on disk. When the write fails the change is
   * refused and the incident reopened from disk, so nothing unsaved is ever shown.
   */
  const durably = async <T extends { changed: boolean }>(
    id: string,
    write: (doc: Y.Doc) => T,
  ): Promise<{ result: T; view: IncidentView }> => {
    refuseWhenClosed();
    const incident = live(id);
    try {
      const done = await incident.change(write);
      if (done.result.changed) changed(done.view);
      return done;
    } catch (error) {
      if (!(error instanceof IncidentWriteError)) throw error;
      log('error', `Incidents: ${error.message} Reopening it from disk.`);
      await reopen(incident);
      throw new IncidentStoreError(
        'unavailable',
        `${error.message} The incident was reopened from disk as it was saved; try again.`,
      );
    }
  };

  const list = (): IncidentList => {
    const summaries = [...incidents.values()]
      .map((incident) => {
        const view = incident.view();
        return summariseIncident(view.incident, view.warning);
      })
      .sort(compareIncidentSummaries);
    const shown = [...problems.values()].flat().filter((problem) => !dismissed.has(problem.id));
    return { incidents: summaries, problems: shown };
  };

  // A new incident's first state on disk, then kept and announced; a store closed meanwhile
  // closes the file again and refuses, so nothing outlives it.
  const record = async (id: string, state: Uint8Array): Promise<IncidentView> => {
    const incident = await createIncidentRecord(dir, id, state, recordOptions);
    if (closed) {
      await incident.close();
      refuseWhenClosed();
    }
    incidents.set(id, incident);
    const view = incident.view();
    changed(view);
    return view;
  };

  return {
    list,

    dismissProblem(problemId) {
      if (!problemIds.has(problemId)) {
        throw new IncidentStoreError(
          'not-found',
          `There is no record problem ${problemId}; the list may have changed.`,
        );
      }
      // In memory only: nothing on disk changes, so a problem still there is found again
      // (and shown again) the next time the app starts.
      if (!dismissed.has(problemId)) {
        dismissed.add(problemId);
        changed(undefined);
      }
      return list();
    },

    unreadableReason(id) {
      if (!unreadable.has(id)) return undefined;
      return problems.get(id)?.find((problem) => problem.unreadable)?.message;
    },

    get(id) {
      return incidents.get(id)?.view();
    },

    openIncidents() {
      return [...incidents.values()]
        .map((incident) => incident.view().incident)
        .filter((incident) => incident.status !== 'closed');
    },

    async declare(args, ctx) {
      refuseWhenClosed();
      const id = newIncidentId(
        clock.now(),
        (candidate) => incidents.has(candidate) || unreadable.has(candidate),
        options.randomSuffix,
      );
      // Written into a scratch document first: a refused declaration leaves no file behind.
      const scratch = new Y.Doc({ guid: id });
      try {
        createIncident(scratch, { ...args, id } as CreateIncidentArgs, ctx);
      } catch (error) {
        scratch.destroy();
        throw error;
      }
      const first = Y.encodeStateAsUpdate(scratch);
      scratch.destroy();
      return record(id, first);
    },

    async apply(id, op, ctx) {
      const { result, view } = await durably(id, (doc) => applyIncidentOp(doc, op, ctx));
      return { ...view, ...result };
    },

    async attachAlerts(id, alerts, ctx) {
      const { result, view } = await durably(id, (doc) =>
        attachAlerts(doc, { alerts: [...alerts] }, ctx),
      );
      return { ...view, added: result.added };
    },

    async recordAlertChanges(change, ctx) {
      const events: RecordAlertEventArgs[] = [
        ...change.resolved.map((alert) => ({
          alertId: alert.id,
          event: 'resolved' as const,
          title: alert.title,
          // A vanished alert's endsAt is often Alertmanager's guess, in the future: then the
          // moment the poll noticed is the best known.
          at: pastOrNow(alert.endsAt, clock.now()),
        })),
        ...(change.changed ?? []).flatMap((alert) =>
          alert.status === 'resolved'
            ? []
            : [
                {
                  alertId: alert.id,
                  event:
                    alert.status === 'suppressed' ? ('suppressed' as const) : ('fired' as const),
                  title: alert.title,
                  at: clock.now().toISOString(),
                },
              ],
        ),
        ...change.added.map((alert) => ({
          alertId: alert.id,
          event: 'fired' as const,
          title: alert.title,
          at: alert.startsAt,
        })),
      ];
      if (events.length === 0 || closed) return;
      for (const incident of [...incidents.values()]) {
        const { status, sourceAlerts } = incident.view().incident;
        if (status === 'closed') continue;
        const ids = new Set(sourceAlerts.map((alert) => alert.id));
        const mine = events.filter((event) => ids.has(event.alertId));
        if (mine.length === 0) continue;
        try {
          const { result, view } = await incident.change((doc) => {
            let any = false;
            for (const event of mine) any = recordAlertEvent(doc, event, ctx).changed || any;
            return { changed: any };
          });
          if (result.changed) changed(view);
        } catch (error) {
          log(
            'warn',
            `Incidents: could not record alert changes on ${incident.id}: ${String(error)}`,
          );
          if (error instanceof IncidentWriteError) await reopen(incident);
        }
      }
    },

    document(id) {
      return incidents.get(id)?.doc;
    },

    async publishRemoteChanges(id) {
      const incident = incidents.get(id);
      if (!incident || closed) return;
      try {
        const done = await incident.change(() => ({ changed: true }));
        if (done.written) changed(done.view);
      } catch (error) {
        log(
          'error',
          `Incidents: a teammate's change to ${id} could not be kept: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (error instanceof IncidentWriteError) await reopen(incident);
      }
    },

    async adopt(id, state) {
      refuseWhenClosed();
      const existing = incidents.get(id);
      if (existing) return existing.view();
      if (unreadable.has(id)) live(id);
      const scratch = new Y.Doc({ guid: id });
      let holds = false;
      try {
        Y.applyUpdate(scratch, state);
        holds = isIncidentCreated(scratch) && readIncident(scratch).id === id;
      } catch {
        // Not an incident this version can read: refused below like an absent one.
      } finally {
        scratch.destroy();
      }
      if (!holds) {
        throw new IncidentStoreError(
          'unavailable',
          `The sync server holds no incident ${id} this app can read (yet); it may not have reached the server.`,
        );
      }
      return record(id, state);
    },

    async close() {
      closed = true;
      await Promise.all([...reopening.values()]);
      const open = [...incidents.values()];
      incidents.clear();
      await Promise.all(open.map((incident) => incident.close()));
    },
  };
}

function pastOrNow(iso: string | undefined, now: Date): string {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) || ms > now.getTime() ? now.toISOString() : new Date(ms).toISOString();
}
