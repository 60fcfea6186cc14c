import type { z } from 'zod';
import { SourceError } from './source-error';

const MAX_ISSUES_SHOWN = 3;

/**
 * Parse a peer's answer as JSON, saying what it was instead when it is not.
 * @param text - the body
 * @param what - what the URL should be, for the hint: "an Alertmanager"
 * @throws SourceError (kind `response`) written to follow the URL: "answered HTML, not JSON — …"
 */
export function parseJsonBody(text: string, what: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '')
    throw new SourceError('response', `answered an empty body, not JSON — is this URL ${what}?`);
  if (body.startsWith('<')) {
    throw new SourceError('response', `answered HTML, not JSON — is this URL ${what}?`);
  }
  try {
    return JSON.parse(body);
  } catch {
    const start = body.slice(0, 40).replace(/\s+/g, ' ');
    throw new SourceError(
      'response',
      `answered text that is not JSON ("${start}${body.length > 40 ? '…' : ''}") — is this URL ${what}?`,
    );
  }
}

/**
 * At most three of a schema's complaints about a body, pointing into it the way a person
 * would: `[0].labels.severity: expected string, got number`.
 * @param error - the schema's error
 */
export function describeResponseIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue);
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `${where}: missing (expected ${jsonType(issue.expected)})`
        : `${where}: expected ${jsonType(issue.expected)}, got ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`;
    case 'invalid_format':
      return `${where}: expected a ${issue.format === 'datetime' ? 'date-time' : issue.format}, got ${JSON.stringify(issue.input)}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** `[0].labels.severity`, the way a person would point into the body. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the body';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

// zod names a key/value map a "record"; in JSON it is an object.
function jsonType(expected: string): string {
  return expected === 'record' ? 'object' : expected;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
