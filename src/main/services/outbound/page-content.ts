import type { Alert } from '../../../shared/domain/alert';

/** Longest title a page carries (Slack's header block takes 150). */
export const MAX_TITLE_CHARS = 150;
/** Longest summary a page carries. */
export const MAX_SUMMARY_CHARS = 1000;
/** Most labels or annotations a page carries; the rest are counted, not sent. */
export const MAX_FIELDS = 20;
/** Longest label or annotation name a page carries. */
export const MAX_FIELD_NAME_CHARS = 100;
/** Longest label or annotation value a page carries. */
export const MAX_FIELD_VALUE_CHARS = 300;

/**
 * `text` cut to `max` characters (an ellipsis marks the cut), whole code points only.
 * @param text - untrusted text
 * @param max - at most this many characters, the ellipsis included
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Labels or annotations, bounded: at most {@link MAX_FIELDS}, each name and value cut. */
export interface BoundedFields {
  readonly fields: Readonly<Record<string, string>>;
  /** How many were left out. */
  readonly omitted: number;
}

/**
 * A label or annotation map bounded for a page: an alert's labels come from whoever wrote the
 * alerting rule, and a page must stay small whatever they hold.
 * @param map - the alert's labels or annotations
 */
export function boundFields(map: Readonly<Record<string, string>>): BoundedFields {
  const entries = Object.entries(map);
  const fields: Record<string, string> = {};
  for (const [name, value] of entries.slice(0, MAX_FIELDS)) {
    Object.defineProperty(fields, truncate(name, MAX_FIELD_NAME_CHARS), {
      value: truncate(value, MAX_FIELD_VALUE_CHARS),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { fields, omitted: Math.max(0, entries.length - MAX_FIELDS) };
}

/**
 * The first words of a follow-up's title: "Acknowledged by Ana", "Acknowledged", "Resolved".
 * @param content - an acknowledge or a resolve
 */
export function followUpState(content: PageContent): string {
  if (content.action === 'resolve') return 'Resolved';
  return content.acknowledgedBy ? `Acknowledged by ${content.acknowledgedBy}` : 'Acknowledged';
}

/** What a page says about an alert, every untrusted part bounded. */
export interface PageContent {
  readonly action: 'trigger' | 'acknowledge' | 'resolve' | 'test';
  readonly alertId: string;
  readonly sourceId: string;
  readonly status: Alert['status'];
  readonly severity: Alert['severity'];
  /** The severity as the team names it: `SEV1`, `P0`. */
  readonly severityName: string;
  readonly title: string;
  readonly summary?: string;
  readonly labels: BoundedFields;
  readonly annotations: BoundedFields;
  readonly startsAt: string;
  readonly endsAt?: string;
  /** An http(s) link to the alert at its source, if it has one. */
  readonly url?: string;
  /** The level paged (from 1) and the run of the policy (from 0), for an escalation step. */
  readonly level?: number;
  readonly repeat?: number;
  /** For an acknowledge: who acknowledged it and when, if someone did (a silence names nobody). */
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
}

/** Only http(s) links are passed on: a page is read in other tools, which may follow them. */
function safeLink(url: string | undefined): string | undefined {
  if (!url || url.length > 2048) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bounded content of a page about an alert.
 * @param alert - the alert (untrusted text from its source)
 * @param options - the action, the team's name of its severity, and the step paged
 */
export function pageContent(
  alert: Alert,
  options: {
    action: PageContent['action'];
    severityName: string;
    level?: number;
    repeat?: number;
  },
): PageContent {
  const summary = alert.summary ? truncate(alert.summary, MAX_SUMMARY_CHARS) : undefined;
  const url = safeLink(alert.url);
  return {
    action: options.action,
    alertId: truncate(alert.id, 1024),
    sourceId: truncate(alert.sourceId, 100),
    status: alert.status,
    severity: alert.severity,
    severityName: options.severityName,
    title: truncate(alert.title || alert.id, MAX_TITLE_CHARS),
    ...(summary !== undefined && { summary }),
    labels: boundFields(alert.labels),
    annotations: boundFields(alert.annotations),
    startsAt: alert.startsAt,
    ...(alert.endsAt !== undefined && { endsAt: alert.endsAt }),
    ...(url !== undefined && { url }),
    ...(options.level !== undefined && { level: options.level }),
    ...(options.repeat !== undefined && { repeat: options.repeat }),
    ...(options.action === 'acknowledge' &&
      alert.ack && {
        acknowledgedBy: truncate(alert.ack.by, MAX_FIELD_NAME_CHARS),
        acknowledgedAt: alert.ack.at,
      }),
  };
}
