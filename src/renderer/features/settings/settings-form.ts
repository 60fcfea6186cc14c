import type { Settings } from '../../../shared/domain/settings';
import type { SourceConfig } from '../../../shared/domain/source';
import {
  alertmanagerSourceSchema,
  DEFAULT_POLL_INTERVAL_SECONDS,
} from '../../../shared/domain/source';
import type { InvokeRequest } from '../../../shared/ipc/contract';

// The interval's bounds, read from the schema the app validates with, so the two cannot drift.
const intervalSchema = alertmanagerSourceSchema.shape.intervalSeconds.unwrap();
const MIN_INTERVAL = intervalSchema.minValue ?? 1;
const MAX_INTERVAL = intervalSchema.maxValue ?? Number.MAX_SAFE_INTEGER;

/** One source as edited in the form (numbers as typed). */
export interface SourceDraft {
  /** React key; stable while editing. */
  key: string;
  /** The saved source's id; undefined for a source added in this form. */
  id: string | undefined;
  name: string;
  url: string;
  /** Poll interval in seconds, as typed. */
  interval: string;
  /** Kept as saved; not edited here. */
  timeoutSeconds: number | undefined;
  enabled: boolean;
}

/** The source entries of a settings:update request. */
export type SourceInput = NonNullable<InvokeRequest<'settings:update'>['sources']>[number];

/**
 * The form's drafts for saved sources.
 * @param settings - the saved settings
 */
export function draftsFrom(settings: Settings): SourceDraft[] {
  return settings.sources.flatMap((source: SourceConfig) =>
    source.kind !== 'alertmanager'
      ? []
      : [
          {
            key: `saved:${source.id}`,
            id: source.id,
            name: source.name,
            url: source.url,
            interval: String(source.intervalSeconds),
            timeoutSeconds: source.timeoutSeconds,
            enabled: source.enabled,
          },
        ],
  );
}

/**
 * Saved sources of kinds this form does not edit yet (PagerDuty, …): sent back unchanged on
 * save, so editing the Alertmanagers never drops them.
 * @param settings - the saved settings
 */
export function keptSources(settings: Settings): SourceConfig[] {
  return settings.sources.filter((source) => source.kind !== 'alertmanager');
}

/**
 * A blank draft for "Add source".
 * @param key - a key no other draft has
 */
export function blankDraft(key: string): SourceDraft {
  return {
    key,
    id: undefined,
    name: '',
    url: '',
    interval: String(DEFAULT_POLL_INTERVAL_SECONDS),
    timeoutSeconds: undefined,
    enabled: true,
  };
}

/**
 * An id for a new source, from its name: lower-case letters, digits and dashes, unique.
 * Alert ids start with it, so a saved source keeps its id when renamed.
 * @param name - the name typed
 * @param taken - ids already used
 */
export function newSourceId(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .normalize('NFKD')
      // Accents come apart under NFKD; drop the marks so "Zürich" becomes "zurich".
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'source';
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Field errors keyed `sources.<index>.<field>`, and the rest. */
export interface FormErrors {
  fields: Record<string, string>;
  other: string[];
}

/**
 * Turn the drafts into the `sources` of a settings:update request. Only the poll interval is
 * checked here (its schema's messages read badly for a typed "1.5" or "abc"); the rest is
 * validated by the app, whose answer {@link errorsFromIssues} places next to the fields.
 * @param drafts - the form's sources
 * @param kept - saved sources the form does not edit, sent after the drafts (so a field error's
 *   index is still the draft's)
 */
export function sourcesRequest(
  drafts: readonly SourceDraft[],
  kept: readonly SourceConfig[] = [],
): {
  sources: SourceInput[];
  errors: FormErrors;
} {
  const errors: FormErrors = { fields: {}, other: [] };
  const taken = new Set([
    ...drafts.flatMap((d) => (d.id === undefined ? [] : [d.id])),
    ...kept.map((source) => source.id),
  ]);
  const sources = drafts.map((draft, index): SourceInput => {
    const interval = draft.interval.trim();
    const seconds = /^\d{1,9}$/.test(interval) ? Number(interval) : NaN;
    if (!(seconds >= MIN_INTERVAL && seconds <= MAX_INTERVAL)) {
      errors.fields[`sources.${index}.intervalSeconds`] =
        `Enter whole seconds, from ${MIN_INTERVAL} to ${MAX_INTERVAL}.`;
    }
    let id = draft.id;
    if (id === undefined) {
      id = newSourceId(draft.name, taken);
      taken.add(id);
    }
    return {
      kind: 'alertmanager',
      id,
      name: draft.name.trim(),
      url: draft.url.trim(),
      intervalSeconds: seconds,
      ...(draft.timeoutSeconds === undefined ? {} : { timeoutSeconds: draft.timeoutSeconds }),
      enabled: draft.enabled,
    };
  });
  return { sources: [...sources, ...kept], errors };
}

const FIELD_ISSUE = /^sources\.(\d+)\.(\w+):\s*(.*)$/s;

/**
 * Place the app's `path: message` issues of a refused settings:update next to their fields.
 * An id problem is shown at the name (the id is made from it); anything else is listed apart.
 * @param issues - the BridgeError's issues
 */
export function errorsFromIssues(issues: readonly string[]): FormErrors {
  const errors: FormErrors = { fields: {}, other: [] };
  for (const issue of issues) {
    const match = FIELD_ISSUE.exec(issue);
    const [, index, rawField, message] = match ?? [];
    if (index === undefined || rawField === undefined || message === undefined) {
      errors.other.push(issue);
      continue;
    }
    const field = rawField === 'id' ? 'name' : rawField;
    if (!['name', 'url', 'intervalSeconds'].includes(field)) {
      errors.other.push(issue);
      continue;
    }
    const key = `sources.${index}.${field}`;
    errors.fields[key] ??= message;
  }
  return errors;
}
