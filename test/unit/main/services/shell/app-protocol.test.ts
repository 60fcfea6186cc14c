import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, serveAppRequest } from '../../../../../src/main/services/shell/app-protocol';
import { APP_CONTENT_SECURITY_POLICY } from '../../../../../src/main/services/shell/csp';

let dir: string;
let root: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-scheme-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the page');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('serveAppRequest (the shell page on oncall://app, issue 10)', () => {
  it('serves the page with its content type and the CSP as a header', async () => {
    const response = await get(APP_PAGE_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain(APP_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('serves the built assets and / as the page', async () => {
    const script = await get('oncall://app/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('oncall://app/')).status).toBe(200);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const url of [
      'oncall://app/../secret.txt',
      'oncall://app/%2e%2e/secret.txt',
      'oncall://app/assets/link.txt',
      'oncall://app/missing.js',
      'oncall://other/index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD, saying so', async () => {
    const response = await get(APP_PAGE_URL, 'POST');
    expect(response.status).toBe(405);
    expect(await response.text()).toBe('POST is not allowed here.');
    expect((await get(APP_PAGE_URL, 'HEAD')).status).toBe(200);
  });
});
