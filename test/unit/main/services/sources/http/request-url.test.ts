import { describe, expect, it } from 'vitest';
import {
  baseUrlOf,
  checkedUrl,
} from '../../../../../../src/main/services/sources/http/request-url';

describe('baseUrlOf', () => {
  it('keeps a path prefix, and refuses what is not a usable http(s) URL', () => {
    expect(baseUrlOf('http://am:9093/prefix', 'http://am:9093/prefix', 'x').href).toBe(
      'http://am:9093/prefix/',
    );
    expect(() => baseUrlOf('nope', 'nope', 'http://thing:1')).toThrow(
      '"nope" is not a URL — use something like http://thing:1',
    );
    expect(() => baseUrlOf('ftp://x', 'ftp://x', 'e')).toThrow(
      'ftp://x is not an http:// or https:// URL',
    );
  });
});

describe('checkedUrl', () => {
  it('refuses a URL with a password in it without echoing the password', () => {
    const check = () =>
      checkedUrl('http://ana:hunter2@127.0.0.1:1/x', 'http://127.0.0.1:1/x', 'https://host/path');
    expect(check).toThrow(
      'http://127.0.0.1:1/x: user and password in the URL are not supported — remove them',
    );
    expect(check).not.toThrow(/hunter2/);
  });
});
