import { z } from 'zod';
import { alertId, type Alert } from './alert';
import { mapSeverityLabel, UNKNOWN_SEVERITY, type Severity, type SeverityScale } from './severity';
import type { JsonSourceConfig } from './sources/json-source-config';

/** The part of a JSON source's settings that says where the alerts are in its answer. */
export type JsonMapping = Pick<JsonSourceConfig, 'itemsPath' | 'fields' | 'resolvedValues'>;

/** What {@link extractJsonAlerts} needs besides the mapping. */
export interface JsonExtractOptions extends JsonMapping {
  readonly sourceId: string;
  readonly severityScale: SeverityScale;
  /** The team's words plus the source's own. */
  readonly severityWords: Readonly<Record<string, Severity>>;
  /** The time of the poll, as an ISO string. */
  readonly now: string;
  /**
   * When an item without a readable time was first seen, so its start stays put across polls
   * (a start that moved on every poll would be a change to publish every time). The poll time
   * when absent.
   */
  readonly firstSeen?: (fingerprint: string) => string | undefined;
}

/** What a JSON answer came to through a mapping. */
export type JsonExtraction =
  | {
      readonly ok: true;
      readonly alerts: Alert[];
      /** The list the mapping was applied to, as found in the answer. */
      readonly items: readonly unknown[];
      /** Items skipped or read with a fallback, one sentence per kind of problem. */
      readonly issues: string[];
    }
  | {
      readonly ok: false;
      /** Why no list could be read, in words that say what to change. */
      readonly error: string;
    };

/** The most labels taken from one item; the rest are left out. */
export const MAX_JSON_LABELS = 30;

/** The longest label value kept; longer values are cut and end in `…`. */
export const MAX_JSON_LABEL_LENGTH = 200;

/** The longest id taken from an item; a longer one is refused (it would not be an id). */
export const MAX_JSON_ID_LENGTH = 200;

/** How many keys an error message lists. */
const KEYS_SHOWN = 12;

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * Read a value at a dotted path (`data.alerts`, `labels.severity`, `items.0.id`): object keys,
 * and numbers as list positions. Only the document's own keys are followed, never inherited
 * ones such as `constructor`.
 * @param document - parsed JSON
 * @param path - a dotted path; the document itself when undefined
 * @returns the value, or undefined when some step is not there
 */
export function valueAtPath(document: unknown, path: string | undefined): unknown {
  if (path === undefined) return document;
  let current: unknown = document;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(key)) return undefined;
      current = current[Number(key)];
    } else if (isRecord(current) && Object.hasOwn(current, key)) {
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Map a JSON answer onto alerts through a source's field mapping: the list at `itemsPath`, each
 * item's `fields` read by dotted paths. The same function serves polling and the Settings
 * preview, so what the preview shows is what the source will show.
 *
 * Per item: `id` (text or a number) is required: an item without one is skipped, and so is an
 * item whose id an earlier item already had (the first is kept), each counted in `issues`; the
 * poll still succeeds with the other items. `title` falls back to the id. `severity` goes
 * through the team's mapping plus the source's words, and a word neither knows is flagged
 * `severityUnmapped`. A `status` listed in `resolvedValues` (case ignored) means resolved, any
 * other value or none means firing. `time` (an ISO date, read as UTC when it names no zone, or
 * seconds or milliseconds since 1970) becomes `startsAt`; when missing or unreadable the item's first sighting is used and `issues`
 * says so. `link` is kept only when it is an http(s) URL. The item's own top-level text, number
 * and true/false fields become its labels, at most {@link MAX_JSON_LABELS}, each value cut at
 * {@link MAX_JSON_LABEL_LENGTH} characters.
 * @param body - the parsed answer
 * @param options - mapping, source id, severity vocabulary and the poll time
 */
export function extractJsonAlerts(body: unknown, options: JsonExtractOptions): JsonExtraction {
  const found = findList(body, options.itemsPath);
  if (!found.ok) return found;
  const { fields } = options;
  const resolved = new Set(options.resolvedValues.map((v) => v.trim().toLowerCase()));
  const alerts: Alert[] = [];
  const seen = new Set<string>();
  let noId = 0;
  let duplicate = 0;
  let noTime = 0;
  let badTime = 0;
  let badLink = 0;

  for (const item of found.items) {
    const fingerprint = idOf(valueAtPath(item, fields.id));
    if (fingerprint === undefined) {
      noId += 1;
      continue;
    }
    if (seen.has(fingerprint)) {
      duplicate += 1;
      continue;
    }
    seen.add(fingerprint);

    const severityWord = textOf(valueAtPath(item, fields.severity));
    const { severity, known } =
      severityWord === undefined
        ? { severity: UNKNOWN_SEVERITY, known: true }
        : mapSeverityLabel(severityWord, options.severityScale, options.severityWords);
    const statusWord = textOf(valueAtPath(item, fields.status));
    const rawTime = fields.time === undefined ? undefined : valueAtPath(item, fields.time);
    let startsAt = timeOf(rawTime);
    if (startsAt === undefined) {
      if (fields.time !== undefined) {
        if (rawTime === undefined || rawTime === null) noTime += 1;
        else badTime += 1;
      }
      startsAt = options.firstSeen?.(fingerprint) ?? options.now;
    }
    const rawLink = fields.link === undefined ? undefined : valueAtPath(item, fields.link);
    const link = textOf(rawLink);
    const url = link !== undefined && httpUrl.safeParse(link).success ? link : undefined;
    if (rawLink !== undefined && rawLink !== null && url === undefined) badLink += 1;

    alerts.push({
      id: alertId(options.sourceId, fingerprint),
      sourceId: options.sourceId,
      fingerprint,
      status:
        statusWord !== undefined && resolved.has(statusWord.trim().toLowerCase())
          ? 'resolved'
          : 'firing',
      severity,
      ...(severityWord !== undefined && { severityLabel: severityWord }),
      ...(!known && { severityUnmapped: true }),
      title: textOf(valueAtPath(item, fields.title))?.trim() || fingerprint,
      labels: labelsOf(item),
      annotations: {},
      startsAt,
      ...(url !== undefined && { url }),
    });
  }

  const issues: string[] = [];
  const items = (n: number) => (n === 1 ? '1 item' : `${n} items`);
  if (noId > 0)
    issues.push(
      `${items(noId)} skipped: no text or number at "${fields.id}" (the id field) — is the id field right?`,
    );
  if (duplicate > 0)
    issues.push(
      `${items(duplicate)} skipped: the same "${fields.id}" as an earlier item (the first is kept) — is the id field unique?`,
    );
  if (noTime > 0)
    issues.push(
      `${items(noTime)} without "${fields.time}": shown as starting when first seen — is the time field right?`,
    );
  if (badTime > 0)
    issues.push(
      `${items(badTime)} with a "${fields.time}" that is not a date or a number of seconds: shown as starting when first seen`,
    );
  if (badLink > 0)
    issues.push(
      `${items(badLink)} with a "${fields.link}" that is not an http(s) URL: no link shown`,
    );
  return { ok: true, alerts, items: found.items, issues };
}

type Found = { ok: true; items: readonly unknown[] } | { ok: false; error: string };

function findList(body: unknown, itemsPath: string | undefined): Found {
  const list = valueAtPath(body, itemsPath);
  if (Array.isArray(list)) return { ok: true, items: list };
  if (itemsPath === undefined) {
    return {
      ok: false,
      error: `the answer is ${kindOf(body)}, not a list — set the list path to where the alerts are${keysOf(body, 'its top-level keys are')}`,
    };
  }
  if (list === undefined) {
    const keys = itemsPath.split('.');
    // Name the deepest part that exists, so a typo in the last step is easy to spot.
    let depth = keys.length - 1;
    while (depth > 0 && valueAtPath(body, keys.slice(0, depth).join('.')) === undefined) depth -= 1;
    const parent = depth === 0 ? body : valueAtPath(body, keys.slice(0, depth).join('.'));
    const where = depth === 0 ? 'its top-level keys are' : `${keys.slice(0, depth).join('.')} has`;
    return {
      ok: false,
      error: `${itemsPath} is not in the answer${keysOf(parent, where) || ` (the answer is ${kindOf(body)})`}`,
    };
  }
  return {
    ok: false,
    error: `${itemsPath} is ${kindOf(list)}, not a list — point the list path at the list of alerts${keysOf(list, 'its keys are')}`,
  };
}

function keysOf(value: unknown, lead: string): string {
  if (!isRecord(value)) return '';
  const keys = Object.keys(value);
  if (keys.length === 0) return `; ${lead.replace(/ are$| has$/, '')} no keys`;
  const shown = keys.slice(0, KEYS_SHOWN).join(', ');
  return `; ${lead}: ${shown}${keys.length > KEYS_SHOWN ? `, … (${keys.length} in all)` : ''}`;
}

function idOf(value: unknown): string | undefined {
  const text = textOf(value)?.trim();
  if (text === undefined || text === '' || text.length > MAX_JSON_ID_LENGTH) return undefined;
  return text;
}

/** Text, a finite number or true/false as text; anything else (objects, lists, null) is none. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

// Numbers below 10^11 are seconds (until the year 5138), above are milliseconds.
const SECONDS_LIMIT = 1e11;

function timeOf(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    ms = value < SECONDS_LIMIT ? value * 1000 : value;
  } else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) {
    return timeOf(Number(value));
  } else if (typeof value === 'string' && /\d{4}-\d\d-\d\d/.test(value)) {
    ms = Date.parse(withZone(value.trim()));
  } else {
    return undefined;
  }
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

// A date and time without a zone would be read in the machine's zone, so the same answer would
// mean different instants on different machines: read it as UTC, as APIs mostly mean it.
const ZONELESS_DATE_TIME = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/;

function withZone(text: string): string {
  return ZONELESS_DATE_TIME.test(text) ? `${text.replace(' ', 'T')}Z` : text;
}

function labelsOf(item: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isRecord(item)) return labels;
  let count = 0;
  for (const [key, value] of Object.entries(item)) {
    if (count >= MAX_JSON_LABELS) break;
    const text = textOf(value);
    if (text === undefined || key.length > MAX_JSON_LABEL_LENGTH) continue;
    labels[key] =
      text.length > MAX_JSON_LABEL_LENGTH ? `${text.slice(0, MAX_JSON_LABEL_LENGTH - 1)}…` : text;
    count += 1;
  }
  return labels;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}
