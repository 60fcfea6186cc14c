/** The time source of every service, so tests can control it (docs/architecture.md, rules). */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };
