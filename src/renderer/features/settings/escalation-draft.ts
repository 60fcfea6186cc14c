import { describeIssues } from '../../../shared/domain/settings';
import {
  escalationSettingsSchema,
  type EscalationSettings,
} from '../../../shared/escalation/policy-settings';
import type { OutboundRecordEntry } from '../../../shared/ipc/outbound-schemas';

/** Longest escalation block the editor takes: far above any real team's, and bounded. */
export const MAX_ESCALATION_TEXT = 200_000;

/**
 * The escalation block as the editor shows it: the settings file's own JSON, two-space indent.
 * @param escalation - the saved block
 */
export function escalationText(escalation: EscalationSettings): string {
  return JSON.stringify(escalation, null, 2);
}

/** The editor's text checked: the block to save, or every reason it cannot be. */
export type EscalationCheck =
  { ok: true; escalation: EscalationSettings } | { ok: false; issues: string[] };

/**
 * Check the editor's text as main would, so nothing it would refuse is sent: JSON first (with
 * where it breaks), then the schema and the cross-references (unknown person or channel,
 * duplicate ids, no levels, a negative delay), each issue as `path: reason`.
 * @param text - what the user typed
 */
export function checkEscalationText(text: string): EscalationCheck {
  if (text.length > MAX_ESCALATION_TEXT) {
    return { ok: false, issues: [`the block is longer than ${MAX_ESCALATION_TEXT} characters`] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [`not JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const result = escalationSettingsSchema.safeParse(parsed);
  return result.success
    ? { ok: true, escalation: result.data }
    : { ok: false, issues: describeIssues(result.error) };
}

/**
 * One line of the outbound record: when, what, to whom, and how it ended.
 * @param entry - the record's entry
 * @param formatTime - the app's time format
 */
export function outboundEntryText(
  entry: OutboundRecordEntry,
  formatTime: (iso: string) => string,
): string {
  const what =
    entry.action === 'test'
      ? 'test page'
      : `${entry.action === 'trigger' ? 'page' : entry.action}${entry.level !== undefined ? ` (level ${entry.level})` : ''}${entry.alertTitle ? ` for ${entry.alertTitle}` : ''}`;
  const attempts = entry.attempts > 1 ? `, ${entry.attempts} attempts` : '';
  const outcome =
    entry.result === 'failed'
      ? `failed${attempts}: ${entry.reason ?? 'no reason given'}`
      : entry.result === 'sent'
        ? `sent${attempts}`
        : 'sending…';
  return `${formatTime(entry.at)} · ${what} to ${entry.target} — ${outcome}`;
}
