import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeResponseIssues,
  parseJsonBody,
} from '../../../../../src/main/services/sources/json-body';

describe('parseJsonBody', () => {
  it('parses JSON, a byte-order mark and surrounding space included', () => {
    expect(parseJsonBody('\uFEFF  [1, 2] \n', 'a Thingd')).toEqual([1, 2]);
  });

  it.each([
    ['', 'answered an empty body, not JSON — is this URL a Thingd?'],
    ['<!doctype html><p>Login</p>', 'answered HTML, not JSON — is this URL a Thingd?'],
    [
      'Service Unavailable',
      'answered text that is not JSON ("Service Unavailable") — is this URL a Thingd?',
    ],
  ])('says what %j was instead, naming what the URL should be', (body, message) => {
    expect(() => parseJsonBody(body, 'a Thingd')).toThrow(message);
  });
});

describe('describeResponseIssues', () => {
  it('points into the body the way a person would, at most three times', () => {
    const schema = z.array(z.object({ id: z.string(), n: z.number() }));
    const parsed = schema.safeParse(
      [{ id: 1, n: 'x' }, { n: 2 }, { id: 'ok', n: 3 }, { id: 'ok' }],
      { reportInput: true },
    );
    if (parsed.success) throw new Error('expected issues');
    expect(describeResponseIssues(parsed.error)).toBe(
      '[0].id: expected string, got number; [0].n: expected number, got string; [1].id: missing (expected string); and 1 more',
    );
  });
});
