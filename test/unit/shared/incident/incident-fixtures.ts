import * as Y from 'yjs';
import {
  createIncident,
  type CreateIncidentArgs,
} from '../../../../src/shared/incident/create-incident';
import { IncidentOpError } from '../../../../src/shared/incident/errors';
import type { OpContext } from '../../../../src/shared/incident/op-context';

/** The moment most tests happen at: 2025-03-04 14:30 UTC. */
export const NOW = '2025-03-04T14:30:00.000Z';

/**
 * An operation context at `NOW` plus `minutes`, by `actor`.
 * @param minutes - minutes after NOW (negative for before)
 * @param actor - who acts
 * @param extra - anything else for the context
 */
export function at(minutes: number, actor = 'alice', extra: Partial<OpContext> = {}): OpContext {
  return { now: new Date(Date.parse(NOW) + minutes * 60_000), actor, ...extra };
}

/**
 * A document holding a freshly declared sev2 incident, created by alice at NOW.
 * @param args - overrides of the creation arguments
 * @param clientID - the Yjs client id, fixed so ids are reproducible
 */
export function newIncident(args: Partial<CreateIncidentArgs> = {}, clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  createIncident(
    doc,
    { id: 'inc-1', title: 'Checkout errors', severity: 'sev2', ...args } as CreateIncidentArgs,
    at(0),
  );
  return doc;
}

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on every run.
 * @param seed - any 32-bit integer
 */
export function prng(seed: number): {
  next(): number;
  int(min: number, max: number): number;
  bool(p?: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
} {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    bool: (p = 0.5) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}

/**
 * The error an operation was refused with; fails when it was not refused.
 * @param fn - the operation
 */
export function refusal(fn: () => unknown): IncidentOpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IncidentOpError) return error;
    throw error;
  }
  throw new Error('expected the operation to be refused');
}

/**
 * Count the Yjs updates (transactions that changed something) `fn` makes on `doc`.
 * @param doc - the document
 * @param fn - what to run
 */
export function updatesDuring(doc: Y.Doc, fn: () => unknown): number {
  let count = 0;
  const onUpdate = (): void => {
    count++;
  };
  doc.on('update', onUpdate);
  try {
    fn();
  } catch {
    // The caller checks the refusal separately; only the writes matter here.
  } finally {
    doc.off('update', onUpdate);
  }
  return count;
}
