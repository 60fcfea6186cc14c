import { CspEvaluator, CspParser, Version, type Finding } from '@doyensec/csp-evaluator';
import { describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  headerContentSecurityPolicy,
} from '../../../../../src/main/services/shell/csp';

// The CSP gate (issue 10): Google's CSP Evaluator over the policies the app ships finds nothing
// high, nothing possibly high and no syntax error. On its scale 10 is high, 20 a syntax error,
// 40 possibly high; 50 ("'self' can be problematic if you host JSONP…") is the one finding a
// strict policy of our own files keeps, and is allowed.
const BLOCKING = new Set([10, 20, 40]);

const evaluate = (policy: string): Finding[] =>
  new CspEvaluator(new CspParser(policy).csp, Version.CSP3).evaluate();

const blocking = (policy: string) =>
  evaluate(policy)
    .filter((finding) => BLOCKING.has(finding.severity))
    .map((finding) => `${finding.directive} ${finding.value ?? ''}: ${finding.description}`);

describe('the CSP gate (Google CSP Evaluator)', () => {
  // The build writes APP_CONTENT_SECURITY_POLICY into the page's meta tag (vite.renderer.config.ts).
  it('finds nothing high in the page’s policy, nor in the header the shell sends', () => {
    expect(blocking(APP_CONTENT_SECURITY_POLICY)).toEqual([]);
    expect(blocking(headerContentSecurityPolicy())).toEqual([]);
  });

  it('would stop a policy that lets inline script or any host run', () => {
    expect(
      blocking(
        `${APP_CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")}`,
      ),
    ).not.toEqual([]);
    expect(blocking("default-src 'none'; script-src *")).not.toEqual([]);
  });
});
