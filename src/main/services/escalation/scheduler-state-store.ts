import {
  emptySchedulerState,
  type SchedulerState,
} from '../../../shared/escalation/scheduler-state';

/** A change to the scheduler's state; undefined for no change. */
export type StateChange = (state: SchedulerState) => SchedulerState | undefined;

/**
 * What the notification policies need of the scheduler: a change applied to its state and made
 * durable before the promise resolves (the deadline scheduler), so what is announced after it
 * is remembered across a restart or a crash.
 */
export interface SchedulerStateStore {
  update(change: StateChange): Promise<void>;
}

/**
 * A state kept in memory only, for a policy used without the scheduler (tests of the policy
 * alone, a one-off notifier): nothing survives the process.
 */
export function inMemorySchedulerState(): SchedulerStateStore & { state(): SchedulerState } {
  let state = emptySchedulerState();
  return {
    async update(change) {
      state = change(state) ?? state;
    },
    state: () => state,
  };
}
