import type { Alert } from '../../../shared/domain/alert';
import type { AlertAction, AlertActionType } from '../../../shared/domain/alert-action';
import { ackEndingSoon, alertState } from '../../../shared/domain/alert-state';

/** One action button: what it says, the key that does it, and what it sends. */
export interface OfferedAction {
  id: 'ack' | 'unack' | 'extend' | 'snooze' | 'silence-1h' | 'silence-4h' | 'silence-custom';
  label: string;
  /** The list's keyboard shortcut, when it has one. */
  key?: string;
  /** Undefined for "Silence…", which opens a form first. */
  action: AlertAction | undefined;
}

/** Why a silence from the list's quick buttons was made (Alertmanager needs a comment). */
export const QUICK_SILENCE_COMMENT = 'Silenced from the On-Call Companion alert list';

/**
 * What can be done to an alert from the list: only what its source can do (its status'
 * `actions`), and only what makes sense now — un-acknowledge an acknowledged alert, "Extend"
 * once its acknowledgement ends within ten minutes, nothing for a resolved one.
 * @param alert - the alert
 * @param can - what its source can do
 * @param now - epoch ms
 */
export function offeredActions(
  alert: Alert,
  can: readonly AlertActionType[],
  now: number,
): OfferedAction[] {
  const state = alertState(alert);
  if (state === 'resolved') return [];
  const offered: OfferedAction[] = [];
  if (state === 'acknowledged') {
    if (can.includes('extend') && ackEndingSoon(alert, now))
      offered.push({ id: 'extend', label: 'Extend 1 h', key: 'E', action: extend(60) });
    if (can.includes('unacknowledge'))
      offered.push({
        id: 'unack',
        label: 'Un-acknowledge',
        key: 'U',
        action: { type: 'unacknowledge' },
      });
  } else if (can.includes('acknowledge')) {
    offered.push({ id: 'ack', label: 'Acknowledge', key: 'A', action: { type: 'acknowledge' } });
  }
  if (can.includes('snooze') && state !== 'acknowledged')
    offered.push({
      id: 'snooze',
      label: 'Snooze 1 h',
      key: 'Z',
      action: { type: 'snooze', minutes: 60 },
    });
  if (can.includes('silence')) {
    offered.push(
      { id: 'silence-1h', label: 'Silence 1 h', key: 'S', action: quickSilence(60) },
      { id: 'silence-4h', label: 'Silence 4 h', action: quickSilence(240) },
      { id: 'silence-custom', label: 'Silence…', action: undefined },
    );
  }
  return offered;
}

function extend(minutes: number): AlertAction {
  return { type: 'extend', minutes };
}

function quickSilence(minutes: number): AlertAction {
  return { type: 'silence', minutes, comment: QUICK_SILENCE_COMMENT };
}

/**
 * The matchers a custom silence starts from: every label of the alert, exactly, so it mutes
 * this alert and nothing else until the person unticks the labels that should not count.
 * @param alert - the alert
 */
export function silenceMatchersFor(alert: Alert): Record<string, string> {
  return { ...alert.labels };
}

/**
 * Read a duration typed in the silence form: `90m`, `2h`, `1d`, `1h30m`, or bare minutes.
 * @param text - what was typed
 * @returns minutes, or a sentence saying what is wrong
 */
export function parseDurationMinutes(text: string): number | string {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?$/.exec(trimmed);
  if (!match || trimmed === '')
    return `“${text}” is not a duration; write it like 90m, 2h, 1d or 1h30m`;
  const [, d = '0', h = '0', m = '0'] = match;
  return Number(d) * 1440 + Number(h) * 60 + Number(m);
}

/**
 * One line about a bulk action's outcome: "Acknowledged 3 alerts", or which failed and why.
 * @param label - what was done, as the button said it
 * @param results - one per alert
 * @param titleOf - an alert's title by id
 */
export function actionOutcome(
  label: string,
  results: ReadonlyArray<{ alertId: string; ok: boolean; error?: string }>,
  titleOf: (id: string) => string,
): { text: string; failed: ReadonlyMap<string, string> } {
  const failed = new Map(
    results.filter((r) => !r.ok).map((r) => [r.alertId, r.error ?? 'the source refused it']),
  );
  const done = results.length - failed.size;
  const parts = [`${label}: ${done} of ${results.length} done`];
  for (const [id, reason] of failed) parts.push(`“${titleOf(id)}” failed: ${reason}`);
  return { text: parts.join(' · '), failed };
}
