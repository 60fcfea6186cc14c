import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../../src/shared/domain/severity';
import { addActionItem, updateActionItem } from '../../../../src/shared/incident/action-item-ops';
import { createIncident } from '../../../../src/shared/incident/create-incident';
import { IncidentOpError, type IncidentErrorCode } from '../../../../src/shared/incident/errors';
import {
  changeSeverity,
  correctTime,
  postStatusUpdate,
  setLifecycle,
  updateDetails,
} from '../../../../src/shared/incident/lifecycle-ops';
import type { OpContext } from '../../../../src/shared/incident/op-context';
import {
  compareTimelineEntries,
  readIncident,
} from '../../../../src/shared/incident/read-incident';
import {
  INCIDENT_STATUSES,
  incidentTimeFieldSchema,
  manualTimelineKindSchema,
  type IncidentSnapshot,
} from '../../../../src/shared/incident/schema';
import {
  addRole,
  assignRole,
  tickCheck,
  tickRunbookStep,
  untickCheck,
  untickRunbookStep,
} from '../../../../src/shared/incident/team-ops';
import { addTimelineEntry, editTimelineEntry } from '../../../../src/shared/incident/timeline-ops';
import { makeAlert } from '../make-alert';
import { prng } from './incident-fixtures';

/*
 * Convergence under the conditions the app meets: peers that edit offline, and updates that
 * arrive late, out of order and more than once (the journal replays, Hocuspocus resends on
 * reconnect). Modelled on yjs's own tests/testHelper.js `applyRandomTests`: a connector holds
 * each peer's incoming messages, and every step either flushes a random message to a random
 * peer, takes a peer off- or online, or applies a random operation on a random peer. At the end
 * everyone reconnects, receives everything (shuffled, with duplicates, sometimes merged into one
 * update as a compacted journal would be), and all must read the same incident.
 *
 * Rerun one history: INCIDENT_FUZZ_SEED=<seed> npx vitest run test/unit/shared/incident/convergence.test.ts
 * More histories:    INCIDENT_FUZZ_RUNS=5000 npx vitest run …
 */

const REMOTE = Symbol('remote');
const START = Date.parse('2025-03-04T14:00:00Z');
const ACTORS = ['alice', 'bob', 'carol', 'dev', 'erin'];
const ZONES = ['UTC', '+02:00', 'Europe/Berlin', 'America/New_York', '-0330'];
const RUNBOOK_STEPS = [
  { runbookId: 'checkout/high-error-rate.md', stepId: 'aaa-1' },
  { runbookId: 'checkout/high-error-rate.md', stepId: 'bbb-1' },
  { runbookId: 'db/replica-lag.md', stepId: 'ccc-1' },
];

type Random = ReturnType<typeof prng>;

interface Peer {
  index: number;
  doc: Y.Doc;
  actor: string;
  zone: string;
  skewMs: number;
  online: boolean;
  /** Indexes into the log of updates waiting to be delivered to this peer, in no order. */
  inbox: number[];
  /** Indexes into the log of updates this peer holds (written or received). */
  holds: Set<number>;
}

interface LoggedUpdate {
  from: number;
  update: Uint8Array;
}

class Network {
  readonly log: LoggedUpdate[] = [];
  readonly peers: Peer[] = [];

  constructor(private readonly random: Random) {}

  add(peer: Omit<Peer, 'inbox' | 'online' | 'holds'>): Peer {
    const full: Peer = { ...peer, online: true, inbox: [], holds: new Set() };
    this.peers.push(full);
    full.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const index = this.log.push({ from: full.index, update }) - 1;
      full.holds.add(index);
      if (!full.online) return;
      for (const other of this.peers) {
        if (other !== full && other.online) other.inbox.push(index);
      }
    });
    return full;
  }

  /** A reconnecting peer and the online ones exchange everything the other may lack. */
  connect(peer: Peer): void {
    if (peer.online) return;
    peer.online = true;
    this.log.forEach((entry, index) => {
      if (entry.from === peer.index) {
        for (const other of this.peers) if (other !== peer && other.online) other.inbox.push(index);
      } else {
        peer.inbox.push(index);
      }
    });
  }

  disconnect(peer: Peer): void {
    peer.online = false;
    peer.inbox = [];
  }

  /** Deliver one random waiting message to a random online peer; sometimes keep it to redeliver. */
  flushRandom(): boolean {
    const ready = this.peers.filter((p) => p.online && p.inbox.length > 0);
    if (ready.length === 0) return false;
    const peer = this.random.pick(ready);
    const slot = this.random.int(0, peer.inbox.length - 1);
    const index = peer.inbox[slot] as number;
    if (this.random.bool(0.9)) peer.inbox.splice(slot, 1);
    this.deliver(peer, [index]);
    return true;
  }

  private deliver(peer: Peer, indexes: readonly number[], merged = false): void {
    const updates = indexes.map((index) => (this.log[index] as LoggedUpdate).update);
    if (merged) Y.applyUpdate(peer.doc, Y.mergeUpdates(updates), REMOTE);
    else for (const update of updates) Y.applyUpdate(peer.doc, update, REMOTE);
    for (const index of indexes) peer.holds.add(index);
  }

  /**
   * Everyone online, then every peer gets every update it lacks, shuffled, mixed with some it
   * already holds (duplicates), and sometimes merged into one update as a compacted journal is.
   * @returns how many peers needed a resync because Yjs left updates pending
   */
  deliverAll(): number {
    for (const peer of this.peers) this.connect(peer);
    let resyncs = 0;
    for (const peer of this.peers) {
      const all = this.log.map((_, index) => index);
      const missing = all.filter((index) => !peer.holds.has(index));
      const duplicates = all.filter(() => this.random.bool(0.1));
      this.deliver(peer, this.random.shuffle([...missing, ...duplicates]), this.random.bool(0.2));
      peer.inbox = [];
      if (pending(peer.doc)) {
        this.resync(peer);
        resyncs++;
      }
    }
    return resyncs;
  }

  /**
   * The guard of design §4: a peer that still holds pending updates once everything has arrived
   * asks for what its state vector lacks (sync step 1/2, as Hocuspocus does on reconnect). The
   * other side is the log applied in the order it was written, as a server would hold it.
   */
  private resync(peer: Peer): void {
    const server = new Y.Doc();
    for (const entry of this.log) Y.applyUpdate(server, entry.update, REMOTE);
    Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(peer.doc)), REMOTE);
    server.destroy();
  }
}

function pending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

function wallClock(ms: number, zone: string): string {
  // Only the zones used here: fixed offsets, UTC, and two IANA zones read through Intl.
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (zone === 'UTC' || fixed) {
    const offset = fixed
      ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000
      : 0;
    return new Date(ms + offset).toISOString().slice(11, 19);
  }
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  return format.format(ms);
}

const formats = new Map<string, Intl.DateTimeFormat>();

interface World {
  random: Random;
  network: Network;
  clock: number;
  /** Who first wrote each hand-written entry, to check edits never change the author. */
  authors: Map<string, string>;
}

function context(world: World, peer: Peer): OpContext {
  return {
    now: new Date(world.clock + peer.skewMs),
    actor: peer.actor,
    timeZone: peer.zone,
    graceSeconds: 60,
  };
}

/** A time as a scribe would type it, up to two hours back, in the peer's zone. */
function typedTime(world: World, peer: Peer): string | undefined {
  const { random } = world;
  const back = random.int(0, 7200) * 1000;
  const ms = world.clock + peer.skewMs - back;
  const roll = random.next();
  if (roll < 0.25) return undefined;
  if (roll < 0.85) {
    const wall = wallClock(ms, peer.zone);
    return random.bool() ? wall : wall.slice(0, 5);
  }
  return new Date(ms - (ms % 1000)).toISOString();
}

type Operation = (world: World, peer: Peer, incident: IncidentSnapshot) => void;

const OPERATIONS: [number, Operation][] = [
  [
    20,
    (w, p) => {
      const kind = w.random.pick(manualTimelineKindSchema.options);
      const { id } = addTimelineEntry(
        p.doc,
        { text: `${p.actor} note ${w.random.int(0, 999)}`, kind, time: typedTime(w, p) },
        context(w, p),
      );
      w.authors.set(id, p.actor);
    },
  ],
  [
    12,
    (w, p, incident) => {
      const manual = incident.timeline.filter((e) => !e.auto && e.kind !== 'update');
      if (manual.length === 0) return;
      const entry = w.random.pick(manual);
      const edit: Parameters<typeof editTimelineEntry>[1] = { id: entry.id };
      if (w.random.bool(0.6)) edit.text = `${entry.text} / ${p.actor}`;
      if (w.random.bool(0.3)) edit.kind = w.random.pick(manualTimelineKindSchema.options);
      const time = w.random.bool(0.4) ? typedTime(w, p) : undefined;
      if (time !== undefined) edit.time = time;
      if (edit.text === undefined && edit.kind === undefined && edit.time === undefined) {
        edit.text = `${entry.text}!`;
      }
      editTimelineEntry(p.doc, edit, context(w, p));
    },
  ],
  [
    14,
    (w, p, incident) => {
      const items = [...incident.roles.flatMap((r) => r.checklist), ...incident.closure.items];
      const item = w.random.pick(items);
      if (item.done && w.random.bool(0.4)) untickCheck(p.doc, { itemId: item.id }, context(w, p));
      else tickCheck(p.doc, { itemId: item.id }, context(w, p));
    },
  ],
  [
    10,
    (w, p, incident) => {
      const role = w.random.pick(incident.roles);
      const holder = w.random.bool(0.15) ? null : w.random.pick(ACTORS);
      assignRole(p.doc, { roleId: role.id, holder }, context(w, p));
    },
  ],
  [
    6,
    (w, p) => {
      const step = w.random.pick(RUNBOOK_STEPS);
      if (w.random.bool(0.3)) untickRunbookStep(p.doc, step, context(w, p));
      else tickRunbookStep(p.doc, { ...step, stepText: 'a step' }, context(w, p));
    },
  ],
  [
    4,
    (w, p) => {
      changeSeverity(p.doc, { severity: w.random.pick(SEVERITIES) }, context(w, p));
    },
  ],
  [
    4,
    (w, p) => {
      postStatusUpdate(p.doc, { text: `update from ${p.actor}` }, context(w, p));
    },
  ],
  [
    4,
    (w, p) => {
      addActionItem(
        p.doc,
        { text: `follow-up by ${p.actor}`, owner: w.random.pick(ACTORS) },
        context(w, p),
      );
    },
  ],
  [
    5,
    (w, p, incident) => {
      if (incident.actionItems.length === 0) return;
      const item = w.random.pick(incident.actionItems);
      updateActionItem(
        p.doc,
        w.random.bool()
          ? { id: item.id, status: w.random.pick(['open', 'in-progress', 'done'] as const) }
          : { id: item.id, owner: w.random.bool(0.2) ? null : w.random.pick(ACTORS) },
        context(w, p),
      );
    },
  ],
  [
    4,
    (w, p) => {
      // Peers resolve while alerts fire too: they confirm it, and it goes on the timeline.
      setLifecycle(
        p.doc,
        { status: w.random.pick(INCIDENT_STATUSES), despiteFiringAlerts: true },
        context(w, p),
      );
    },
  ],
  [
    3,
    (w, p) => {
      const services = ['checkout', 'cart', 'payments', 'search'].filter(() => w.random.bool());
      updateDetails(p.doc, { affectedServices: services }, context(w, p));
    },
  ],
  [
    3,
    (w, p) => {
      const time = typedTime(w, p) ?? wallClock(w.clock + p.skewMs, p.zone).slice(0, 5);
      correctTime(
        p.doc,
        { field: w.random.pick(incidentTimeFieldSchema.options), time },
        context(w, p),
      );
    },
  ],
  [
    1,
    (w, p) => {
      addRole(
        p.doc,
        { name: w.random.pick(['DB Lead', 'Security']), checklist: ['x'] },
        context(w, p),
      );
    },
  ],
];

const TOTAL_WEIGHT = OPERATIONS.reduce((sum, [weight]) => sum + weight, 0);

/** Refusals that random operations may legitimately meet. */
const EXPECTED: ReadonlySet<IncidentErrorCode> = new Set(['closure-incomplete', 'not-reached']);

function applyRandomOperation(world: World, peer: Peer): void {
  let roll = world.random.next() * TOTAL_WEIGHT;
  const found = OPERATIONS.find(([weight]) => (roll -= weight) < 0) ?? OPERATIONS[0];
  if (!found) return;
  const operation = found[1];
  try {
    operation(world, peer, readIncident(peer.doc));
  } catch (error) {
    if (error instanceof IncidentOpError && EXPECTED.has(error.code)) return;
    // Two peers adding the same role while apart: the second sees the first's and is refused.
    if (error instanceof IncidentOpError && error.message.startsWith('addRole:')) return;
    throw error;
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 80), i + 80)}…\nvs\n…${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

function assertSame(peers: readonly Peer[], when: string): IncidentSnapshot {
  const reads = peers.map((p) => JSON.stringify(readIncident(p.doc)));
  for (let i = 1; i < reads.length; i++) {
    if (reads[i] !== reads[0]) {
      throw new Error(
        `${when}: peer ${peers[i]?.index} reads differently from peer ${peers[0]?.index}\n${firstDifference(reads[0] as string, reads[i] as string)}`,
      );
    }
  }
  return JSON.parse(reads[0] as string) as IncidentSnapshot;
}

function stateKey(doc: Y.Doc): string {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b).join(';');
}

/**
 * Peers hold the same updates when their state vectors AND delete sets match and nothing is
 * pending. The state vector alone is not enough: Yjs applies an update's deletions at once even
 * while its insertions wait for a missing earlier update, so two peers with equal state vectors
 * can differ (one shows a role's old holder deleted and the new one not yet there).
 */
function sameUpdates(a: Y.Doc, b: Y.Doc): boolean {
  return !pending(a) && !pending(b) && Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

/** One random history; throws with what went wrong. */
function runHistory(seed: number): { operations: number; timeline: number; resyncs: number } {
  const random = prng(seed);
  const network = new Network(random);
  const world: World = { random, network, clock: START, authors: new Map() };
  const peerCount = random.int(3, 5);
  for (let i = 0; i < peerCount; i++) {
    const doc = new Y.Doc();
    doc.clientID = i + 1; // fixed, so a seed replays exactly
    network.add({
      index: i,
      doc,
      actor: ACTORS[i] as string,
      zone: random.pick(ZONES),
      skewMs: random.int(-30, 30) * 1000,
    });
  }
  const [first] = network.peers;
  if (!first) throw new Error('no peers');
  createIncident(
    first.doc,
    random.bool()
      ? { id: `inc-${seed}`, title: 'Checkout errors', severity: random.pick(SEVERITIES) }
      : {
          id: `inc-${seed}`,
          alerts: [makeAlert('CheckoutErrors', { startsAt: '2025-03-04T13:55:00.000Z' })],
        },
    { now: new Date(START), actor: first.actor },
  );
  while (network.flushRandom()) {
    // everyone starts from the created incident, as after the first sync
  }

  const steps = random.int(25, 50);
  let operations = 0;
  for (let step = 0; step < steps; step++) {
    world.clock += random.int(0, 90) * 1000;
    const roll = random.int(0, 99);
    if (roll < 4) {
      const peer = random.pick(network.peers);
      if (peer.online) network.disconnect(peer);
      else network.connect(peer);
    } else if (roll < 6) {
      while (network.flushRandom()) {
        // flush everything
      }
    } else if (roll < 50) {
      network.flushRandom();
    }
    applyRandomOperation(world, random.pick(network.peers));
    operations++;
    if (step % 12 === 11) {
      // Peers that hold the same updates must already read the same incident.
      const [a, ...others] = network.peers;
      for (const b of others) {
        if (a && sameUpdates(a.doc, b.doc)) assertSame([a, b], `step ${step}`);
      }
    }
  }

  const resyncs = network.deliverAll();
  const vectors = network.peers.map((p) => stateKey(p.doc));
  if (new Set(vectors).size !== 1) throw new Error(`state vectors differ: ${vectors.join(' | ')}`);
  for (const peer of network.peers) {
    if (pending(peer.doc)) throw new Error(`peer ${peer.index} still holds pending updates`);
  }
  const incident = assertSame(network.peers, 'after delivering everything');

  // What holds on the converged incident, whatever the history.
  const ids = incident.timeline.map((e) => e.id);
  if (new Set(ids).size !== ids.length) throw new Error('two timeline entries share an id');
  const itemIds = incident.actionItems.map((i) => i.id);
  if (new Set(itemIds).size !== itemIds.length) throw new Error('two action items share an id');
  for (let i = 1; i < incident.timeline.length; i++) {
    const [a, b] = [incident.timeline[i - 1], incident.timeline[i]];
    if (a && b && compareTimelineEntries(a, b) > 0) throw new Error('timeline out of order');
  }
  for (const entry of incident.timeline) {
    const author = world.authors.get(entry.id);
    if (author !== undefined && entry.author !== author) {
      throw new Error(`entry ${entry.id} lost its author ${author}`);
    }
  }
  if (incident.problems.length > 0) throw new Error(`problems: ${incident.problems.join('; ')}`);
  for (const peer of network.peers) peer.doc.destroy();
  return { operations, timeline: incident.timeline.length, resyncs };
}

const envSeed = process.env.INCIDENT_FUZZ_SEED;
const runs = Number(process.env.INCIDENT_FUZZ_RUNS ?? 300);
const seeds =
  envSeed !== undefined
    ? [Number(envSeed)]
    : Array.from({ length: runs }, (_, i) => 0x1ace + i * 7919);

describe('incident documents converge', () => {
  it(`for ${seeds.length} random histories of 3–5 peers editing apart`, () => {
    let operations = 0;
    let entries = 0;
    let resyncs = 0;
    for (const seed of seeds) {
      try {
        const result = runHistory(seed);
        operations += result.operations;
        entries += result.timeline;
        resyncs += result.resyncs;
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        throw new Error(
          `history with seed ${seed} failed (rerun: INCIDENT_FUZZ_SEED=${seed} npx vitest run test/unit/shared/incident/convergence.test.ts)\n${message}`,
          { cause: error },
        );
      }
    }
    // The histories really did something: operations ran and timelines grew.
    expect(operations).toBeGreaterThan(seeds.length * 25 - 1);
    expect(entries).toBeGreaterThan(seeds.length * 5);
    // Peers left with pending updates by Yjs (see the test below) stay rare; each was repaired.
    expect(resyncs).toBeLessThan(seeds.length);
  }, 120_000);

  it('needs a resync after some out-of-order deliveries (Yjs 13.6 leaves them pending)', () => {
    // Three peers append to one Y.Array; a fourth receives their updates out of order. In 12 of
    // the 720 orders Yjs 13.6.33 keeps structs pending for good although every update has
    // arrived: a pending item's recorded missing dependency is lost when a retry recomputes it,
    // so no later update triggers another retry. Asking for what the state vector lacks repairs
    // it. If the first expectation fails, Yjs has fixed this and the resync guard is only
    // belt and braces.
    const peer = (clientID: number): Y.Doc => {
      const doc = new Y.Doc();
      doc.clientID = clientID;
      return doc;
    };
    const [a, b, c] = [peer(1), peer(2), peer(3)];
    const updates = new Map<string, Uint8Array>();
    const write = (doc: Y.Doc, name: string): void => {
      const keep = (update: Uint8Array): void => void updates.set(name, update);
      doc.on('update', keep);
      doc.getArray('x').push([name]);
      doc.off('update', keep);
    };
    const send = (name: string, ...to: Y.Doc[]): void => {
      for (const doc of to) Y.applyUpdate(doc, updates.get(name) as Uint8Array);
    };
    write(a, 'a');
    send('a', b, c);
    write(c, 'c1');
    send('c1', b);
    write(b, 'b1');
    write(b, 'b2');
    send('b1', c);
    send('b2', c);
    write(c, 'c2');
    send('c2', b);
    write(b, 'b3');
    write(b, 'b4');

    const late = peer(4);
    send('a', late);
    for (const name of ['c1', 'c2', 'b4', 'b1', 'b2', 'b3']) send(name, late);
    expect(late.store.pendingStructs, 'Yjs left updates pending').not.toBeNull();
    expect(late.getArray('x').length).toBeLessThan(b.getArray('x').length);

    Y.applyUpdate(late, Y.encodeStateAsUpdate(b, Y.encodeStateVector(late)));
    expect(late.store.pendingStructs).toBeNull();
    expect(late.getArray('x').toJSON()).toEqual(b.getArray('x').toJSON());
  });

  it('converges when one peer was offline for the whole incident', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    createIncident(
      a,
      { id: 'inc-x', title: 'x', severity: 'sev2' },
      { now: new Date(START), actor: 'alice' },
    );
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const at = (m: number, actor: string): OpContext => ({
      now: new Date(START + m * 60_000),
      actor,
    });
    addTimelineEntry(a, { text: 'a1', time: '14:01' }, at(2, 'alice'));
    assignRole(a, { roleId: 'ic', holder: 'alice' }, at(3, 'alice'));
    assignRole(b, { roleId: 'ic', holder: 'bob' }, at(4, 'bob'));
    tickCheck(b, { itemId: 'ic.bridge' }, at(5, 'bob'));
    untickCheck(b, { itemId: 'ic.bridge' }, at(6, 'bob'));
    tickCheck(a, { itemId: 'ic.bridge' }, at(7, 'alice'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    const read = readIncident(a);
    expect(readIncident(b)).toEqual(read);
    // Concurrent assignments: one holder wins everywhere; both are on the timeline.
    expect(['alice', 'bob']).toContain(read.roles[0]?.holder);
    expect(
      read.timeline
        .filter((e) => e.kind === 'role')
        .map((e) => e.text)
        .sort(),
    ).toEqual(['Incident Commander: alice', 'Incident Commander: bob']);
  });
});
