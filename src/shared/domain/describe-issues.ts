import type { z } from 'zod';

/**
 * Describe zod issues as one line per field, naming the field path (`sources.0.url: …`).
 * @param error - the failed parse
 */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${path}: ${issue.message}`;
  });
}
