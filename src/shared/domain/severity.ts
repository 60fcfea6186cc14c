import { z } from 'zod';

/** The one internal severity scale: `sev1` is the worst, `sev4` the mildest. */
export const severitySchema = z.enum(['sev1', 'sev2', 'sev3', 'sev4']);

/** An internal severity level. */
export type Severity = z.infer<typeof severitySchema>;

/** Every severity, worst first. */
export const SEVERITIES: readonly Severity[] = severitySchema.options;

/** The vocabularies teams use to name severities; each maps onto the internal scale in order. */
export const severityScaleSchema = z.enum(['sev1-4', 'p0-p3', 'p1-p4']);

/** A team's severity vocabulary. */
export type SeverityScale = z.infer<typeof severityScaleSchema>;

const SCALE_LABELS: Record<SeverityScale, readonly [string, string, string, string]> = {
  'sev1-4': ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  'p0-p3': ['P0', 'P1', 'P2', 'P3'],
  'p1-p4': ['P1', 'P2', 'P3', 'P4'],
};

/**
 * Position of a severity on the scale, 0 for the worst.
 * @param severity - the internal severity
 */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * The label a team reads for an internal severity, in its own vocabulary.
 * @param severity - the internal severity
 * @param scale - the team's vocabulary
 */
export function severityLabel(severity: Severity, scale: SeverityScale): string {
  return SCALE_LABELS[scale][severityRank(severity)] ?? severity;
}

/**
 * Words that alerting rules commonly put in a `severity` label, mapped onto the internal scale.
 * A team's own scale labels (`SEV2`, `P1`, …) are added by {@link mapSeverityLabel}.
 */
export const DEFAULT_SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  critical: 'sev1',
  fatal: 'sev1',
  emergency: 'sev1',
  page: 'sev1',
  high: 'sev2',
  error: 'sev2',
  major: 'sev2',
  warning: 'sev3',
  warn: 'sev3',
  medium: 'sev3',
  minor: 'sev3',
  low: 'sev4',
  info: 'sev4',
  informational: 'sev4',
  none: 'sev4',
};

/** Severity given to an alert whose label is missing or unknown: loud enough to be looked at. */
export const UNKNOWN_SEVERITY: Severity = 'sev3';

/**
 * Map the raw severity label of an alert onto the internal scale.
 *
 * Checks, in order: the team's overrides, the team's own scale labels (so `P1` means `sev1` to
 * a P1–P4 team and `sev2` to a P0–P3 team), the internal names, then common words.
 * Matching ignores case, spaces and dashes (`SEV-1`, `sev 1`, `Sev1` are the same).
 * @param raw - the label's value, if any
 * @param scale - the team's vocabulary
 * @param overrides - the team's own word → severity mapping
 * @returns the severity, and whether the label was recognised
 */
export function mapSeverityLabel(
  raw: string | undefined,
  scale: SeverityScale,
  overrides: Readonly<Record<string, Severity>> = {},
): { severity: Severity; known: boolean } {
  if (raw === undefined) return { severity: UNKNOWN_SEVERITY, known: false };
  const key = normaliseWord(raw);
  if (key === '') return { severity: UNKNOWN_SEVERITY, known: false };
  for (const [word, severity] of Object.entries(overrides)) {
    if (normaliseWord(word) === key) return { severity, known: true };
  }
  const scaleIndex = SCALE_LABELS[scale].findIndex((label) => normaliseWord(label) === key);
  const fromScale = SEVERITIES[scaleIndex];
  if (fromScale) return { severity: fromScale, known: true };
  const internal = SEVERITIES.find((s) => s === key);
  if (internal) return { severity: internal, known: true };
  // Own keys only: a label such as `constructor` must not find Object.prototype's members.
  const word = Object.hasOwn(DEFAULT_SEVERITY_WORDS, key) ? DEFAULT_SEVERITY_WORDS[key] : undefined;
  if (word) return { severity: word, known: true };
  return { severity: UNKNOWN_SEVERITY, known: false };
}

function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/[\s_-]+/g, '');
}
