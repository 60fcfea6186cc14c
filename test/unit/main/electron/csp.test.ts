import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  headerContentSecurityPolicy,
  inlineScriptHashes,
} from '../../../../src/main/services/shell/csp';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('content security policy', () => {
  it('allows only the app’s own scripts and no connections elsewhere in the built page', () => {
    const policy = directives(APP_CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('adds frame-ancestors in the header, which a meta tag cannot carry', () => {
    expect(headerContentSecurityPolicy()).toBe(
      `${APP_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
  });

  it('allows the dev server’s own inline scripts by hash, never unsafe-inline scripts', () => {
    const policy = directives(
      headerContentSecurityPolicy({
        devServerOrigin: 'http://localhost:5173',
        inlineScriptHashes: ["'sha256-abc='"],
      }),
    );
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('hashes inline scripts exactly as written and skips scripts with src', () => {
    const preamble =
      'import { injectIntoGlobalHook } from "/@react-refresh";\ninjectIntoGlobalHook(window);';
    const html = `<html><head>
<script type="module" src="/@vite/client"></script>
<script type="module">${preamble}</script>
<SCRIPT>${preamble}</SCRIPT>
<script></script>
</head></html>`;
    const expected = `'sha256-${createHash('sha256').update(preamble).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });
});
