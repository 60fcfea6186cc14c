import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeResponseIssues,
  parseJsonAnswer,
  parseJsonText,
} from '../../../../../../src/main/services/sources/http/json-answer';

const schema = z.object({ data: z.array(z.object({ id: z.string() })) });
const where = { shown: 'https://api.example', check: "is this the vendor's API?" };
const TOKEN = 'tok-1234567890abcdef';

describe('parseJsonText', () => {
  const check = 'is this URL a JSON endpoint?';

  it('parses JSON, ignoring a byte-order mark and surrounding space', () => {
    expect(parseJsonText('\uFEFF  {"a": [1]}\n', check)).toEqual({ a: [1] });
  });

  it.each([
    ['', 'answered an empty body, not JSON — is this URL a JSON endpoint?'],
    ['<!doctype html><p>Sign in', 'answered HTML, not JSON — is this URL a JSON endpoint?'],
    [
      'OK all good, nothing to see here, move along please',
      'answered text that is not JSON ("OK all good, nothing to see here, move a…") — is this URL a JSON endpoint?',
    ],
  ])('says what %j was instead of JSON', (text, words) => {
    expect(() => parseJsonText(text, check)).toThrow(words);
  });
});

describe('parseJsonAnswer', () => {
  it('reads JSON of the expected shape', () => {
    expect(parseJsonAnswer('\uFEFF {"data":[{"id":"a"}]}', schema, where)).toEqual({
      data: [{ id: 'a' }],
    });
  });

  it.each([
    ['', "an empty body, not JSON — is this the vendor's API?"],
    ['<!doctype html><p>Sign in</p>', "HTML, not JSON — is this the vendor's API?"],
    [
      `key ${TOKEN} rejected, try again later please`,
      'text that is not JSON ("key [token] rejected, try again later pl…") — is this the vendor\'s API?',
    ],
    [
      '{"data":[{"id":7},{}]}',
      "JSON of the wrong shape: data[0].id: expected string, got number; data[1].id: missing (expected string) — is this the vendor's API?",
    ],
  ])('says what came instead of the expected JSON: %j', (body, what) => {
    expect(() => parseJsonAnswer(body, schema, where, TOKEN)).toThrow(
      `https://api.example answered ${what}`,
    );
  });
});

describe('describeResponseIssues', () => {
  it('points into the body the way a person would, at most three times', () => {
    const list = z.array(z.object({ id: z.string(), n: z.number() }));
    const parsed = list.safeParse([{ id: 1, n: 'x' }, { n: 2 }, { id: 'ok', n: 3 }, { id: 'ok' }], {
      reportInput: true,
    });
    if (parsed.success) throw new Error('expected issues');
    expect(describeResponseIssues(parsed.error)).toBe(
      '[0].id: expected string, got number; [0].n: expected number, got string; [1].id: missing (expected string); and 1 more',
    );
  });
});
