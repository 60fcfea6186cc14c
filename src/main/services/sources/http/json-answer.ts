import type { z } from 'zod';
import { SourceError } from '../source-error';
import { redact } from './redact';

/** How many wrong fields a message lists before "and N more". */
const MAX_ISSUES_SHOWN = 3;

/**
 * Parse a peer's answer as JSON of the expected shape.
 * @param text - the body
 * @param schema - what it must look like
 * @param where - the URL as shown, and what it should be ("Opsgenie's alert list")
 * @param secret - the token sent, kept out of the message
 * @throws SourceError `response` naming what was wrong: empty, HTML, not JSON, or which fields
 *   (paths only: values are the peer's and may be anything)
 */
export function parseJsonAnswer<T>(
  text: string,
  schema: z.ZodType<T>,
  where: { shown: string; expected: string },
  secret?: string,
): T {
  const body = text.replace(/^\uFEFF/, '').trim();
  const fail = (what: string) =>
    new SourceError('response', `${where.shown} answered ${what} — is this ${where.expected}?`);
  if (body === '') throw fail('an empty body, not JSON');
  if (body.startsWith('<')) throw fail('HTML, not JSON');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const text = redact(body, secret);
    const start = text.slice(0, 40).replace(/\s+/g, ' ');
    throw fail(`text that is not JSON ("${start}${text.length > 40 ? '…' : ''}")`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const shown = parsed.error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
      const path = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`));
      return `${path.join('').replace(/^\./, '') || 'the body'}: ${issue.message}`;
    });
    const more = parsed.error.issues.length - shown.length;
    throw fail(
      `JSON of the wrong shape (${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''})`,
    );
  }
  return parsed.data;
}
