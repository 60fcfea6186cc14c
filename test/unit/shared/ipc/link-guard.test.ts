import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../../src/shared/ipc/link-guard';

describe('safeExternalUrl', () => {
  it.each([
    ['https://runbooks.example.com/disk', 'https://runbooks.example.com/disk'],
    [
      'http://grafana.internal:3000/d/abc?var=1#panel',
      'http://grafana.internal:3000/d/abc?var=1#panel',
    ],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['https://[::1]:8080/x', 'https://[::1]:8080/x'],
  ])('lets %s out, normalised', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected);
  });

  it.each([
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['\n\thttps://example.com/a\r\n', 'https://example.com/a'],
  ])('trims surrounding whitespace from %j', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'ftp://files.example.com/x',
    'mailto:oncall@example.com',
    'smb://share/x',
    'chrome://settings',
    'about:blank',
  ])('refuses the non-http(s) link %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeUndefined();
  });

  it.each(['/runbooks/disk', 'runbooks/disk', '//evil.example/x', '#section', '?q=1'])(
    'refuses the relative link %j (there is no base to resolve it against)',
    (raw) => {
      expect(safeExternalUrl(raw)).toBeUndefined();
    },
  );

  it.each([
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'http://:secret@example.com/',
  ])('refuses %j, which carries credentials', (raw) => {
    expect(safeExternalUrl(raw)).toBeUndefined();
  });

  it.each(['', '   ', 'not a url', 'http://', 'https://exa mple.com', 'http://[::1'])(
    'refuses the unparsable %j',
    (raw) => {
      expect(safeExternalUrl(raw)).toBeUndefined();
    },
  );
});
