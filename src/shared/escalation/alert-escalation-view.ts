import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { outboundRecordEntrySchema, type OutboundRecordEntry } from '../ipc/outbound-schemas';
import type { Deadline } from './deadline';
import type { WhoIsOnCall } from './policy-plan';
import type { PolicyChoice } from './policy-rules';
import type { EscalationTarget } from './policy-schema';
import type { EscalationSettings } from './policy-settings';

/** Most pages of one alert shown with its escalation: the newest. */
export const MAX_ESCALATION_ACTIONS = 20;

/** One step of an alert's escalation, as its details show it. */
export const escalationStepViewSchema = z.object({
  level: z.number().int().positive(),
  repeat: z.number().int().nonnegative(),
  dueAt: isoTimeSchema,
  /** Who the level pages, in words ("channel Incident channel", "me"). */
  targets: z.array(z.string().max(300)).max(20),
});

/** One step of an alert's escalation. */
export type EscalationStepView = z.infer<typeof escalationStepViewSchema>;

/**
 * An alert's escalation as its details show it: its policy (or why it has none), the level it
 * has reached, the next step and when, and what was paged with its result (the outbound record).
 */
export const alertEscalationViewSchema = z.object({
  policy: z.object({ id: z.string().max(64), name: z.string().max(100) }).optional(),
  /** Why it has no policy ("rule 2 escalates to nobody"). */
  reason: z.string().max(300).optional(),
  /** The level of the newest step done; absent before the first. */
  level: z.number().int().positive().optional(),
  /** When that step was done, and how late, in ms. */
  levelAt: isoTimeSchema.optional(),
  lateMs: z.number().nonnegative().optional(),
  /** True when that level reached nobody (its schedules had nobody on call) and was skipped. */
  levelSkipped: z.boolean().optional(),
  /** The next step to come; absent when nothing is pending (acknowledged, resolved, done). */
  next: escalationStepViewSchema.optional(),
  /** Pending steps after the next one. */
  later: z.number().int().nonnegative(),
  /** The alert's pages, newest first. */
  actions: z.array(outboundRecordEntrySchema).max(MAX_ESCALATION_ACTIONS),
});

/** An alert's escalation as its details show it. */
export type AlertEscalationView = z.infer<typeof alertEscalationViewSchema>;

/** What {@link alertEscalationView} reads. */
export interface AlertEscalationInput {
  readonly alertId: string;
  /** The policy the alert's rules pick now. */
  readonly choice: PolicyChoice;
  readonly escalation: Pick<EscalationSettings, 'channels' | 'people'>;
  /** The scheduler's deadlines (every kind; only this alert's steps are read). */
  readonly deadlines: readonly Deadline[];
  /** The outbound record, any order. */
  readonly entries: readonly OutboundRecordEntry[];
  readonly whoIsOnCall: WhoIsOnCall;
}

/**
 * A target in words, as the escalation view shows it.
 * @param target - the target
 * @param escalation - the people and channels, for their names
 * @param people - who is on call, when the target is a schedule
 */
export function targetText(
  target: EscalationTarget,
  escalation: Pick<EscalationSettings, 'channels' | 'people'>,
  people: readonly string[] = [],
): string {
  switch (target.kind) {
    case 'me':
      return 'me (this app’s alarm)';
    case 'channel':
      return `channel ${escalation.channels.find((c) => c.id === target.id)?.name ?? target.id}`;
    case 'person':
      return escalation.people.find((p) => p.id === target.id)?.name ?? target.id;
    case 'schedule':
      return people.length === 0
        ? `schedule ${target.id} (nobody on call: skipped)`
        : `schedule ${target.id} (${people.join(', ')})`;
  }
}

/**
 * An alert's escalation from the scheduler's steps and the outbound record.
 * @param input - the alert's id, its policy, the deadlines, the record and the schedules
 */
export function alertEscalationView(input: AlertEscalationInput): AlertEscalationView {
  const steps = input.deadlines
    .filter((d) => d.kind === 'escalation-step' && d.subject === input.alertId)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const done = steps.filter((d) => d.firedAt !== undefined).at(-1);
  const pending = steps.filter((d) => d.firedAt === undefined);
  const { policy } = input.choice;
  const doneLevel = done && policy?.levels[(done.level ?? 1) - 1];
  const skipped =
    doneLevel !== undefined &&
    doneLevel.targets.every(
      (t) =>
        t.kind === 'schedule' &&
        input.whoIsOnCall(t.id, new Date(done?.firedAt ?? done?.dueAt ?? 0)).length === 0,
    );
  const first = pending[0];
  const level = first && policy?.levels[(first.level ?? 1) - 1];
  const next =
    first && level
      ? {
          level: first.level ?? 1,
          repeat: first.repeat ?? 0,
          dueAt: first.dueAt,
          targets: level.targets.map((target) =>
            targetText(
              target,
              input.escalation,
              target.kind === 'schedule' ? input.whoIsOnCall(target.id, new Date(first.dueAt)) : [],
            ),
          ),
        }
      : undefined;
  const actions = input.entries
    .filter((e) => e.alertId === input.alertId)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, MAX_ESCALATION_ACTIONS);
  return {
    ...(policy
      ? { policy: { id: policy.id, name: policy.name } }
      : { reason: input.choice.reason }),
    ...(done && {
      level: done.level ?? 1,
      ...(done.firedAt && { levelAt: done.firedAt }),
      ...(done.lateMs !== undefined && { lateMs: done.lateMs }),
      ...(skipped && { levelSkipped: true }),
    }),
    ...(next && { next }),
    later: Math.max(0, pending.length - 1),
    actions,
  };
}
