import type { Alert } from '../../../shared/domain/alert';
import { safeExternalUrl } from '../../../shared/ipc/link-guard';

/** Labels worth a chip on the row: where the alert lives. */
export const KEY_LABELS = ['service', 'instance', 'namespace', 'job'] as const;

/**
 * The key labels an alert has, in {@link KEY_LABELS} order.
 * @param alert - the alert
 */
export function keyLabels(alert: Alert): Array<{ name: string; value: string }> {
  return KEY_LABELS.flatMap((name) => {
    const value = alert.labels[name];
    return value === undefined || value === '' ? [] : [{ name, value }];
  });
}

/** One label or annotation for the details; `link` is set only for a safe http(s) URL. */
export interface FieldEntry {
  name: string;
  value: string;
  link: string | undefined;
}

/** Annotations a person reads first, in this order; the rest follow by name. */
const LEADING_FIELDS = ['summary', 'description', 'message'];

/**
 * Labels or annotations for the details: summary and description first, the rest by name, each
 * with a link when its whole value is an http(s) URL (runbook_url, dashboard…). Values are
 * untrusted: shown as text only, links opened through the bridge's guard.
 * @param record - `alert.labels` or `alert.annotations`
 */
export function fieldEntries(record: Readonly<Record<string, string>>): FieldEntry[] {
  const rank = (name: string): number => {
    const index = LEADING_FIELDS.indexOf(name.toLowerCase());
    return index === -1 ? LEADING_FIELDS.length : index;
  };
  return Object.entries(record)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([name, value]) => ({ name, value, link: linkIn(value) }));
}

/**
 * The alert's runbook link, if an annotation holds one (`runbook_url`, `runbook`, `Runbook URL`…):
 * the one link a person woken at night needs first.
 * @param alert - the alert
 */
export function runbookLink(alert: Alert): string | undefined {
  const entry = fieldEntries(alert.annotations).find(
    (e) => /runbook/i.test(e.name) && e.link !== undefined,
  );
  return entry?.link;
}

/**
 * The alert's link at its source (generator URL), when it is a safe http(s) URL.
 * @param alert - the alert
 */
export function sourceLink(alert: Alert): string | undefined {
  return alert.url === undefined ? undefined : linkIn(alert.url);
}

function linkIn(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed) || /\s/.test(trimmed)) return undefined;
  return safeExternalUrl(trimmed);
}
