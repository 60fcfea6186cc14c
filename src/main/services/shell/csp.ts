import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of the built renderer page. The renderer's `index.html` carries the
 * same string in a `<meta http-equiv="Content-Security-Policy">`, so browser mode's page and the
 * shell's (served on its own scheme with the header too) hold the policy however they load. No inline scripts, no eval, nothing but the app's
 * own files; the renderer talks to main over IPC, so it needs no network at all.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** What the development policy must additionally allow. */
export interface DevPolicyOptions {
  /** Origin of Vite's dev server, e.g. `http://localhost:5173`. */
  devServerOrigin: string;
  /** `'sha256-…'` sources of the inline scripts the dev server itself puts in the page. */
  inlineScriptHashes: readonly string[];
}

/**
 * The policy sent as a response header by the shell. For the built page it is the same as the
 * meta tag plus `frame-ancestors` (only valid in a header). For Vite's dev server it adds exactly
 * what the dev server needs and nothing else: the hashes of its own inline bootstrap scripts
 * (React Fast Refresh's preamble) instead of `'unsafe-inline'` scripts, inline `<style>` (Vite
 * injects CSS that way in development) and its HMR WebSocket.
 * @param dev - present while running against the dev server
 */
export function headerContentSecurityPolicy(dev?: DevPolicyOptions): string {
  if (!dev) return `${APP_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
  const ws = dev.devServerOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    ["script-src 'self'", ...dev.inlineScriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${ws}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * CSP hash sources (`'sha256-…'`) of every inline `<script>` in an HTML document, computed over
 * the script's exact text as the browser does. Scripts with `src` are skipped.
 * @param html - the document as served
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}
