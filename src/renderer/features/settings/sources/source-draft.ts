import type { Severity } from '../../../../shared/domain/severity';
import type { SourceConfig } from '../../../../shared/domain/source';
import type { InvokeRequest } from '../../../../shared/ipc/contract';
import { kindForm, type SourceFieldSpec } from './source-kind-forms';

/** One source as edited in Settings: its fields as typed, and what was saved before. */
export interface SourceDraft {
  /** React key; stable while editing. */
  readonly key: string;
  /** The saved source's id; undefined for a source added in this form. */
  readonly id: string | undefined;
  readonly kind: string;
  readonly name: string;
  readonly enabled: boolean;
  /** Each field of the kind's form, as typed (checkboxes as booleans). */
  readonly values: Readonly<Record<string, string | boolean>>;
  /** This source's own severity words, as rows. */
  readonly words: ReadonlyArray<{ readonly word: string; readonly severity: Severity }>;
  /**
   * A token typed here: tried by Test connection and, on Save, put in the secret store (never in
   * the settings). Empty when none was typed.
   */
  readonly token: string;
  /**
   * The settings as saved, so whatever this form does not show (written by hand, or by a newer
   * version) is kept when the user saves.
   */
  readonly saved: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Whether this draft's kind takes a token with the settings as typed (PagerDuty always; an
 * Alertmanager only behind a proxy that wants a bearer token).
 * @param draft - the source as edited
 */
export function takesToken(draft: SourceDraft): boolean {
  const form = kindForm(draft.kind);
  return form.credential !== undefined && (form.credentialWhen?.(draft.values) ?? true);
}

/** The source entries of a settings:update request. */
export type SourceInput = NonNullable<InvokeRequest<'settings:update'>['sources']>[number];

/** Field errors keyed `sources.<index>.<path>`, and the rest. */
export interface FormErrors {
  fields: Record<string, string>;
  other: string[];
}

/**
 * The draft of a saved source.
 * @param source - as saved
 */
export function draftOf(source: SourceConfig): SourceDraft {
  const saved = source as unknown as Readonly<Record<string, unknown>>;
  const values: Record<string, string | boolean> = {};
  for (const field of kindForm(source.kind).fields)
    values[field.path] = shown(field, read(saved, field.path));
  return {
    key: `saved:${source.id}`,
    id: source.id,
    kind: source.kind,
    name: source.name,
    enabled: source.enabled,
    values,
    words: Object.entries(source.severityWords).map(([word, severity]) => ({ word, severity })),
    token: '',
    saved,
  };
}

/**
 * A new source of a kind, with the kind's usual values filled in.
 * @param key - a key no other draft has
 * @param kind - what kind of source
 * @param defaults - the kind's defaults (its schema parsed from nothing but the kind)
 */
export function newDraft(
  key: string,
  kind: string,
  defaults: Readonly<Record<string, unknown>> = {},
): SourceDraft {
  const values: Record<string, string | boolean> = {};
  for (const field of kindForm(kind).fields)
    values[field.path] = shown(field, read(defaults, field.path));
  return {
    key,
    id: undefined,
    kind,
    name: '',
    enabled: true,
    values,
    words: [],
    token: '',
    saved: undefined,
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

/**
 * One draft as a source of a settings:update (or source:test) request: the saved settings with
 * the form's fields laid over them. Numbers are checked here (the schema's messages read badly
 * for a typed "1.5" or "abc"); the rest is validated by the app, whose answer
 * {@link errorsFromIssues} places at the fields.
 * @param draft - the source as edited
 * @param id - its id (a new source's is made from its name by {@link sourcesRequest})
 * @returns the request entry and the errors found, keyed by field path
 */
export function sourceInput(
  draft: SourceDraft,
  id: string,
): { source: SourceInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Record<string, unknown> = structuredClone({ ...(draft.saved ?? {}) });
  out.kind = draft.kind;
  out.id = id;
  out.name = draft.name.trim();
  out.enabled = draft.enabled;
  for (const field of kindForm(draft.kind).fields) {
    const typed = draft.values[field.path];
    const parsed = parse(field, typed);
    if (parsed.error) errors[field.path] = parsed.error;
    write(out, field.path, parsed.value);
  }
  const words: Record<string, Severity> = {};
  for (const row of draft.words) {
    const word = row.word.trim();
    if (word !== '') words[word] = row.severity;
  }
  out.severityWords = words;
  return { source: out as SourceInput, errors };
}

/**
 * Every draft as the `sources` of a settings:update request, new sources given ids.
 * @param drafts - the form's sources
 */
export function sourcesRequest(drafts: readonly SourceDraft[]): {
  sources: SourceInput[];
  errors: FormErrors;
} {
  const errors: FormErrors = { fields: {}, other: [] };
  const taken = new Set(drafts.flatMap((d) => (d.id === undefined ? [] : [d.id])));
  const sources = drafts.map((draft, index) => {
    let id = draft.id;
    if (id === undefined) {
      id = newSourceId(draft.name, taken);
      taken.add(id);
    }
    const entry = sourceInput(draft, id);
    for (const [path, message] of Object.entries(entry.errors)) {
      errors.fields[`sources.${index}.${path}`] = message;
    }
    return entry.source;
  });
  return { sources, errors };
}

const FIELD_ISSUE = /^sources\.(\d+)\.([\w.]+):\s*(.*)$/s;

/**
 * Place the app's `path: message` issues of a refused settings:update next to their fields.
 * An id problem is shown at the name (the id is made from it); an issue inside a list (`peerUrls.1`)
 * at the list; anything the form does not show is listed apart.
 * @param issues - the BridgeError's issues
 * @param drafts - the drafts that were sent, to know each one's fields
 */
export function errorsFromIssues(
  issues: readonly string[],
  drafts: readonly SourceDraft[],
): FormErrors {
  const errors: FormErrors = { fields: {}, other: [] };
  for (const issue of issues) {
    const [, index, rawPath, message] = FIELD_ISSUE.exec(issue) ?? [];
    const draft = index === undefined ? undefined : drafts[Number(index)];
    if (!draft || rawPath === undefined || message === undefined) {
      errors.other.push(issue);
      continue;
    }
    const path = rawPath === 'id' ? 'name' : rawPath;
    const shownPaths = ['name', ...kindForm(draft.kind).fields.map((f) => f.path)];
    const field = shownPaths.find((p) => path === p || path.startsWith(`${p}.`));
    if (field === undefined) {
      errors.other.push(issue);
      continue;
    }
    errors.fields[`sources.${index}.${field}`] ??= message;
  }
  return errors;
}

function read(config: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = config;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function write(config: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target = config;
  for (const key of keys) {
    const next = target[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  // Left empty: the schema's default applies, as if the file left it out.
  if (value === undefined) delete target[last];
  else target[last] = value;
}

function shown(field: SourceFieldSpec, value: unknown): string | boolean {
  if (field.type === 'checkbox') return value === true;
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

function parse(
  field: SourceFieldSpec,
  typed: string | boolean | undefined,
): { value: unknown; error?: string } {
  if (field.type === 'checkbox') return { value: typed === true };
  const text = typeof typed === 'string' ? typed.trim() : '';
  if (field.type === 'list') {
    return { value: text === '' ? [] : text.split(/[\s,]+/).filter((item) => item !== '') };
  }
  if (text === '') return { value: undefined };
  if (field.type === 'number') {
    return /^\d{1,9}$/.test(text)
      ? { value: Number(text) }
      : { value: text, error: 'Enter a whole number, such as 30.' };
  }
  return { value: text };
}
