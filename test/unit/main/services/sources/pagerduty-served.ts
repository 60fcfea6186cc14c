import type { Served } from '../../../../support/fake-pagerduty';
import { PAGERDUTY_SPEC_PATH, responseProblems, schemaProblems } from './openapi-check';

// PagerDuty answers 401 and 404 on every path, though the spec lists them only on some; its
// shared error responses say what those bodies are.
const SHARED_ERRORS: Readonly<Record<number, string>> = {
  400: 'ArgumentError',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
};

/**
 * Every way the fake's answers broke PagerDuty's published spec, as `METHOD route status: …`
 * lines. A 5xx (from PagerDuty's edge, which the spec does not describe) is not checked.
 * @param served - what the fake answered
 */
export function servedProblems(served: readonly Served[]): string[] {
  return served.flatMap(({ method, route, status, body }) => {
    if (status >= 500) return [];
    const where = `${method} ${route} ${status}`;
    let problems: string[];
    try {
      problems = responseProblems(PAGERDUTY_SPEC_PATH, method, route, status, body);
    } catch (error) {
      const shared = SHARED_ERRORS[status];
      if (!shared) return [`${where}: ${error instanceof Error ? error.message : String(error)}`];
      problems = schemaProblems(
        PAGERDUTY_SPEC_PATH,
        `#/components/responses/${shared}/content/application~1json/schema`,
        body,
      );
    }
    return problems.map((problem) => `${where}: ${problem}`);
  });
}
