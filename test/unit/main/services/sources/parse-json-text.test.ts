import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../../../src/main/services/sources/parse-json-text';

const hint = 'is this URL a JSON endpoint?';

describe('parseJsonText', () => {
  it('parses JSON, ignoring a byte-order mark and surrounding space', () => {
    expect(parseJsonText('\uFEFF  {"a": [1]}\n', hint)).toEqual({ a: [1] });
  });

  it.each([
    ['', 'answered an empty body, not JSON — is this URL a JSON endpoint?'],
    ['<!doctype html><p>Sign in', 'answered HTML, not JSON — is this URL a JSON endpoint?'],
    [
      'OK all good, nothing to see here, move along please',
      'answered text that is not JSON ("OK all good, nothing to see here, move a…") — is this URL a JSON endpoint?',
    ],
  ])('says what %j was instead of JSON', (text, words) => {
    expect(() => parseJsonText(text, hint)).toThrow(words);
  });
});
