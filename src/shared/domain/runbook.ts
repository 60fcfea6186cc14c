import { RE2JS } from 're2js';
import { z } from 'zod';
import { safeExternalUrl } from '../ipc/link-guard';

/**
 * A label value as written in YAML. Numbers and booleans are accepted and compared as text,
 * because alert labels are always strings and `code: 500` is an easy thing to write.
 */
export const runbookLabelValueSchema = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((value) => String(value));

/** A label regex compiled for the linear-time engine, or why it cannot be used. */
export type CompiledLabelRegex =
  | {
      ok: true;
      /** True when the whole value matches (anchored at both ends). */
      matches(value: string): boolean;
    }
  | { ok: false; reason: string };

/**
 * Compiles a label regex (a runbook's `{ regex }`, the alert list's `label=~regex` filter) for
 * RE2, whose matching time grows linearly with the value: runbook folders and filters are
 * typed by other people, and a backtracking engine takes hours on `(.*.*)*!`. The whole value
 * must match, as Alertmanager's and Prometheus' `=~` anchor at both ends, so `checkout` does
 * not also match `checkout-canary`. RE2 refuses what it cannot run in linear time
 * (lookaround, backreferences); the reason says so.
 * @param pattern - the regular expression, without anchors (RE2 syntax, as Prometheus uses)
 * @returns a matcher, or the reason the pattern cannot be used
 */
export function compileLabelRegex(pattern: string): CompiledLabelRegex {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `is not a regular expression the linear-time matcher (RE2) accepts: ${detail}; lookaround and backreferences are not supported`,
    };
  }
  // `matches` is a full match: the same anchoring as `^(?:pattern)$`.
  return { ok: true, matches: (value) => compiled.matches(value) };
}

/**
 * Whether a label value matches a user's regex, with the linear-time engine and the anchoring
 * of {@link compileLabelRegex}. Compiles on every call: keep the result of
 * {@link compileLabelRegex} instead when one pattern is tested against many values.
 * @param pattern - the regular expression, without anchors
 * @param value - the label value
 * @returns whether it matches, or the reason the pattern cannot be used
 */
export function labelValueMatches(
  pattern: string,
  value: string,
): { ok: true; matches: boolean } | { ok: false; reason: string } {
  const regex = compileLabelRegex(pattern);
  return regex.ok ? { ok: true, matches: regex.matches(value) } : regex;
}

/** A `{ regex: "…" }` matcher: the whole label value must match the pattern. */
export const runbookRegexMatcherSchema = z.strictObject({
  regex: z
    .string()
    .min(1)
    .check((context) => {
      const regex = compileLabelRegex(context.value);
      // `continue` keeps the issue (not the union's generic one) as the answer, as refine does.
      if (!regex.ok) {
        context.issues.push({
          code: 'custom',
          message: regex.reason,
          input: context.value,
          continue: true,
        });
      }
    }),
});

/** How one label is matched: an exact value, any of a list of values, or a regular expression. */
export const runbookLabelMatcherSchema = z.union(
  [
    runbookLabelValueSchema,
    z.array(runbookLabelValueSchema).min(1, { error: 'needs at least one value' }),
    runbookRegexMatcherSchema,
  ],
  { error: 'expected a value, a list of values, or { regex: "…" }' },
);

/** How one label is matched. */
export type RunbookLabelMatcher = z.infer<typeof runbookLabelMatcherSchema>;

/**
 * Label names as Prometheus writes them. Names starting with `__` are reserved there, and
 * refusing them also keeps `__proto__` out of the plain objects built from the map.
 */
const labelNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'is not a label name' })
  .refine((name) => !name.startsWith('__'), { error: 'label names starting with __ are reserved' });

/**
 * Label name → matcher; every entry must match. An empty map never matches an alert: the
 * runbook is then reached only through a `runbook_url` or by browsing.
 */
export const runbookMatchSchema = z.record(labelNameSchema, runbookLabelMatcherSchema, {
  error: 'expected a map of label name → value',
});

/** Label name → matcher; every entry must match. */
export type RunbookMatch = z.infer<typeof runbookMatchSchema>;

/**
 * The YAML front matter of a runbook file. Unknown keys are ignored so teams can keep their
 * own (`last_reviewed`, …); a mistyped `match` is still caught because `match` is required.
 */
export const runbookFrontMatterSchema = z.object({
  title: z.string().min(1).optional(),
  match: runbookMatchSchema,
  /** The severity the runbook is written for, in the team's own words (shown, not matched). */
  severity: runbookLabelValueSchema.optional(),
  owner: z.string().min(1).optional(),
  tags: z.array(z.string()).optional(),
});

/** The YAML front matter of a runbook file. */
export type RunbookFrontMatter = z.infer<typeof runbookFrontMatterSchema>;

/**
 * One tickable step of a runbook: a top-level GFM task list item or ordered list item.
 * `text` is plain text (Markdown syntax resolved, raw HTML kept as literal characters): render
 * it as a text node, never as HTML.
 */
export const runbookStepSchema = z.object({
  /**
   * Stable id: a hash of the step's text plus its position among steps with the same text, so
   * ticks survive edits elsewhere in the file and only a change to the step itself drops them.
   */
  id: z.string().min(1),
  text: z.string(),
  kind: z.enum(['task', 'numbered']),
  /** `- [x]` in the file; per-incident ticks are kept in the incident, not here. */
  checkedInFile: z.boolean(),
  /** 1-based line of the item in `body` (not in the file, which also has the front matter). */
  line: z.number().int().positive(),
});

/** One tickable step of a runbook. */
export type RunbookStep = z.infer<typeof runbookStepSchema>;

/**
 * A runbook file, parsed. A file that could not be used has `error` set, an empty `match` (so
 * it is never matched) and whatever of its body and steps could still be read, so it is listed
 * with its error while the rest of the folder works.
 *
 * `body` is untrusted Markdown: render it with raw HTML disabled and links through the
 * openExternal guard (design §5); code blocks get a copy button in the renderer.
 */
export const runbookSchema = z.object({
  /** The path relative to the runbook folder, with `/` separators (`db/replica-lag.md`). */
  id: z.string().min(1),
  title: z.string(),
  match: runbookMatchSchema,
  severity: z.string().optional(),
  owner: z.string().optional(),
  tags: z.array(z.string()),
  steps: z.array(runbookStepSchema),
  /** The Markdown without its front matter. */
  body: z.string(),
  /** Where the file is on disk (for "open in editor"). */
  file: z.string(),
  error: z.string().optional(),
});

/** A runbook file, parsed. */
export type Runbook = z.infer<typeof runbookSchema>;

/** A file or folder of the runbook folder that could not be used, and why. */
export const runbookLoadErrorSchema = z.object({
  /** Path relative to the runbook folder, `/`-separated; `.` is the folder itself. */
  file: z.string(),
  message: z.string(),
});

/** A file or folder of the runbook folder that could not be used, and why. */
export type RunbookLoadError = z.infer<typeof runbookLoadErrorSchema>;

/** Labels of an alert, as normalised (`Alert.labels`). */
export type AlertLabels = Readonly<Record<string, string>>;

type LabelTest = (value: string) => boolean;

function compileMatcher(matcher: RunbookLabelMatcher): LabelTest {
  if (typeof matcher === 'string') return (value) => matcher === value;
  if (Array.isArray(matcher)) return (value) => matcher.includes(value);
  const regex = compileLabelRegex(matcher.regex);
  // A pattern the schema let through always compiles; one that does not never matches.
  return regex.ok ? regex.matches : () => false;
}

// Compiled once per `match` object: a load of the folder builds new objects, so each pattern is
// compiled once per load (the library does it as it loads), not once per alert.
const compiledMatches = new WeakMap<RunbookMatch, readonly (readonly [string, LabelTest])[]>();

/**
 * Compiles a runbook's matchers (regexes included) so that matching an alert compiles nothing.
 * Idempotent; {@link runbookMatchScore} calls it for a `match` it has not seen.
 * @param match - the runbook's matchers, as loaded
 * @returns the same object, for chaining
 */
export function compileRunbookMatch(match: RunbookMatch): RunbookMatch {
  if (!compiledMatches.has(match)) {
    compiledMatches.set(
      match,
      Object.entries(match).map(([name, matcher]) => [name, compileMatcher(matcher)] as const),
    );
  }
  return match;
}

/**
 * How specifically a runbook's `match` fits an alert.
 * @param match - the runbook's matchers
 * @param labels - the alert's labels
 * @returns the number of matched labels, or undefined when the runbook does not apply (a
 *   label is missing or does not match, or `match` is empty)
 */
export function runbookMatchScore(match: RunbookMatch, labels: AlertLabels): number | undefined {
  const entries = compiledMatches.get(compileRunbookMatch(match)) ?? [];
  if (entries.length === 0) return undefined;
  for (const [name, accepts] of entries) {
    // Own properties only: a label named `constructor` must not find Object.prototype's.
    const value = Object.hasOwn(labels, name) ? labels[name] : undefined;
    if (value === undefined || !accepts(value)) return undefined;
  }
  return entries.length;
}

/**
 * The runbooks that apply to an alert, best first: more matched labels (more specific) first,
 * then by title, then by id. Runbooks with an error are never matched.
 * @param runbooks - the library (or any objects with the fields used here)
 * @param labels - the alert's labels
 */
export function matchRunbooks<R extends Pick<Runbook, 'id' | 'title' | 'match' | 'error'>>(
  runbooks: readonly R[],
  labels: AlertLabels,
): R[] {
  const scored: { runbook: R; score: number }[] = [];
  for (const runbook of runbooks) {
    if (runbook.error !== undefined) continue;
    const score = runbookMatchScore(runbook.match, labels);
    if (score !== undefined) scored.push({ runbook, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.runbook.title.localeCompare(b.runbook.title, 'en') ||
      (a.runbook.id < b.runbook.id ? -1 : a.runbook.id > b.runbook.id ? 1 : 0),
  );
  return scored.map((entry) => entry.runbook);
}

/** A runbook as lists show it: everything but the body, with the number of steps. */
export const runbookSummarySchema = runbookSchema
  .pick({
    id: true,
    title: true,
    match: true,
    severity: true,
    owner: true,
    tags: true,
    error: true,
  })
  .extend({
    /** How many tickable steps the runbook has. */
    stepCount: z.number().int().nonnegative(),
  });

/** A runbook as lists show it. */
export type RunbookSummary = z.infer<typeof runbookSummarySchema>;

/**
 * The list entry of a runbook: the body, the steps and the file path stay behind.
 * @param runbook - a loaded runbook
 */
export function summariseRunbook(runbook: Runbook): RunbookSummary {
  const summary: RunbookSummary = {
    id: runbook.id,
    title: runbook.title,
    match: runbook.match,
    tags: runbook.tags,
    stepCount: runbook.steps.length,
  };
  if (runbook.severity !== undefined) summary.severity = runbook.severity;
  if (runbook.owner !== undefined) summary.owner = runbook.owner;
  if (runbook.error !== undefined) summary.error = runbook.error;
  return summary;
}

/** Where an alert's `runbook_url` leads. */
export const runbookUrlResolutionSchema = z.discriminatedUnion('kind', [
  /** An http(s) page, opened outside the app through the link guard. */
  z.object({ kind: z.literal('external'), url: z.string() }),
  /** A runbook of the folder, opened in the app; `fragment` names a section of it. */
  z.object({ kind: z.literal('local'), id: z.string(), fragment: z.string().optional() }),
  /** Not followed, and why (in words for the person on call). */
  z.object({ kind: z.literal('refused'), reason: z.string() }),
]);

/** Where an alert's `runbook_url` leads. */
export type RunbookUrlResolution = z.infer<typeof runbookUrlResolutionSchema>;

/** Annotation names that carry an alert's runbook link, in order of preference. */
export const RUNBOOK_URL_ANNOTATIONS = ['runbook_url', 'runbook', 'runbookUrl', 'runbook_link'];

/**
 * The alert's runbook link: the `runbook_url` annotation (Prometheus' convention), else one of
 * the other common names ({@link RUNBOOK_URL_ANNOTATIONS}).
 * @param annotations - the alert's annotations
 * @returns the annotation's name and value, or undefined when the alert has none
 */
export function runbookUrlAnnotation(
  annotations: Readonly<Record<string, string>>,
): { name: string; value: string } | undefined {
  for (const name of RUNBOOK_URL_ANNOTATIONS) {
    const value = Object.hasOwn(annotations, name) ? annotations[name] : undefined;
    if (value !== undefined && value.trim() !== '') return { name, value };
  }
  return undefined;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const DRIVE = /^[A-Za-z]:[\\/]/;

function refused(reason: string): RunbookUrlResolution {
  return { kind: 'refused', reason };
}

/**
 * Decides where an alert's `runbook_url` annotation leads. An http(s) URL opens outside the app
 * (through {@link safeExternalUrl}); a relative path names a runbook inside the folder. The
 * annotation is untrusted, so anything that could reach outside the folder is refused: `../`
 * that climbs above it, absolute paths, backslashes, `file:` and every other scheme.
 * @param runbookUrl - the annotation as the alert carries it
 * @param runbookIds - the ids of the runbooks in the folder; undefined when no runbook folder
 *   is chosen (a relative path is then refused with that reason)
 */
export function resolveRunbookUrl(
  runbookUrl: string,
  runbookIds: ReadonlySet<string> | readonly string[] | undefined,
): RunbookUrlResolution {
  const raw = runbookUrl.trim();
  if (raw === '') return refused('the runbook link is empty');
  if (DRIVE.test(raw) || raw.startsWith('/')) {
    return refused('absolute paths are not allowed; use a path relative to the runbook folder');
  }
  if (SCHEME.test(raw)) {
    const url = safeExternalUrl(raw);
    return url === undefined
      ? refused('only http(s) links may leave the app')
      : { kind: 'external', url };
  }
  if (raw.includes('\\')) return refused('backslashes are not allowed in a runbook path');

  const hashAt = raw.indexOf('#');
  const fragment = hashAt >= 0 ? raw.slice(hashAt + 1) : '';
  const beforeHash = hashAt >= 0 ? raw.slice(0, hashAt) : raw;
  // A query means nothing to a file; drop it rather than fail (`x.md?plain=1` from a forge).
  const encodedPath = beforeHash.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return refused('the runbook path is not valid percent-encoding');
  }
  // Checked again after decoding: `%5C` and `%00` must not slip through.
  if (decoded.includes('\\') || decoded.includes('\0')) {
    return refused('backslashes are not allowed in a runbook path');
  }
  if (decoded.startsWith('/')) return refused('absolute paths are not allowed');

  const parts: string[] = [];
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return refused('the runbook path leads outside the runbook folder');
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  if (parts.length === 0) return refused('the runbook path names no file');

  const id = parts.join('/');
  if (runbookIds === undefined) {
    return refused(
      `"${id}" is a path in a runbook folder, and no runbook folder is chosen in Settings`,
    );
  }
  const ids = new Set<string>(runbookIds);
  // `checkout/high-errors` for `checkout/high-errors.md`, as forges link them.
  const found = ids.has(id) ? id : ids.has(`${id}.md`) ? `${id}.md` : undefined;
  if (found === undefined) return refused(`no runbook "${id}" in the runbook folder`);
  return fragment === '' ? { kind: 'local', id: found } : { kind: 'local', id: found, fragment };
}

/** Where a link inside a runbook leads. */
export type RunbookLinkResolution =
  | RunbookUrlResolution
  /** A section of the same runbook (`#rollback`). */
  | { kind: 'anchor'; fragment: string };

/**
 * Decides where a link written in a runbook leads: http(s) outside the app, a relative path to
 * another runbook of the folder (relative to the runbook it is written in, as a forge renders
 * it), `#section` within the page. The same rules as {@link resolveRunbookUrl} keep it inside
 * the folder; `javascript:`, `data:`, `file:` and every other scheme are refused.
 * @param href - the link as written in the Markdown
 * @param fromId - the id of the runbook the link is in (`checkout/high-error-rate.md`)
 * @param runbookIds - the ids of the runbooks in the folder
 */
export function resolveRunbookLink(
  href: string,
  fromId: string,
  runbookIds: ReadonlySet<string> | readonly string[],
): RunbookLinkResolution {
  const raw = href.trim();
  if (raw.startsWith('#')) {
    let fragment: string;
    try {
      fragment = decodeURIComponent(raw.slice(1));
    } catch {
      return refused('the section name is not valid percent-encoding');
    }
    return fragment === '' ? refused('the link names no section') : { kind: 'anchor', fragment };
  }
  // Schemes, absolute paths and backslashes are judged on the link as written.
  if (
    raw === '' ||
    SCHEME.test(raw) ||
    DRIVE.test(raw) ||
    raw.startsWith('/') ||
    raw.includes('\\')
  ) {
    return resolveRunbookUrl(raw, runbookIds);
  }
  const slash = fromId.lastIndexOf('/');
  const base = slash === -1 ? '' : fromId.slice(0, slash + 1);
  return resolveRunbookUrl(base + raw, runbookIds);
}
