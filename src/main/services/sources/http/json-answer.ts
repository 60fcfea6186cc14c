import type { z } from 'zod';
import { SourceError } from '../source-error';
import { redact } from './redact';

/** How many wrong fields a message lists before "and N more". */
const MAX_ISSUES_SHOWN = 3;

/**
 * Parse a peer's answer as JSON, saying what it was instead when it is not.
 * @param text - the body
 * @param check - the question the message ends with: "is this URL an Alertmanager?"
 * @param secret - the token sent, kept out of the message
 * @throws SourceError (kind `response`) written to follow the URL: "answered HTML, not JSON — …"
 */
export function parseJsonText(text: string, check: string, secret?: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  const fail = (what: string) => new SourceError('response', `answered ${what} — ${check}`);
  if (body === '') throw fail('an empty body, not JSON');
  if (body.startsWith('<')) throw fail('HTML, not JSON');
  try {
    return JSON.parse(body);
  } catch {
    const shown = redact(body, secret);
    const start = shown.slice(0, 40).replace(/\s+/g, ' ');
    throw fail(`text that is not JSON ("${start}${shown.length > 40 ? '…' : ''}")`);
  }
}

/**
 * Parse a peer's answer as JSON of the expected shape.
 * @param text - the body
 * @param schema - what it must look like
 * @param where - the URL as shown, and the question a wrong answer ends with
 * @param secret - the token sent, kept out of the message
 * @throws SourceError `response` naming the URL and what was wrong: empty, HTML, not JSON, or
 *   which fields
 */
export function parseJsonAnswer<T>(
  text: string,
  schema: z.ZodType<T>,
  where: { readonly shown: string; readonly check: string },
  secret?: string,
): T {
  let json: unknown;
  try {
    json = parseJsonText(text, where.check, secret);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    throw new SourceError(error.kind, `${where.shown} ${error.message}`, { cause: error });
  }
  const parsed = schema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    throw new SourceError(
      'response',
      redact(
        `${where.shown} answered JSON of the wrong shape: ${describeResponseIssues(parsed.error)} — ${where.check}`,
        secret,
      ),
    );
  }
  return parsed.data;
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
