import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonAnswer } from '../../../../../../src/main/services/sources/http/json-answer';

const schema = z.object({ data: z.array(z.object({ id: z.string() })) });
const where = { shown: 'https://api.example', expected: "the vendor's API" };
const TOKEN = 'tok-1234567890abcdef';

describe('parseJsonAnswer', () => {
  it('reads JSON of the expected shape', () => {
    expect(parseJsonAnswer('\uFEFF {"data":[{"id":"a"}]}', schema, where)).toEqual({
      data: [{ id: 'a' }],
    });
  });

  it.each([
    ['', 'an empty body, not JSON'],
    ['<!doctype html><p>Sign in</p>', 'HTML, not JSON'],
    [
      `key ${TOKEN} rejected, try again later please`,
      'text that is not JSON ("key [token] rejected, try again later pl…")',
    ],
    [
      '{"data":[{"id":7},{}]}',
      'JSON of the wrong shape (data[0].id: Invalid input: expected string, received number; data[1].id: Invalid input: expected string, received undefined)',
    ],
  ])('says what came instead of the expected JSON: %j', (body, what) => {
    expect(() => parseJsonAnswer(body, schema, where, TOKEN)).toThrow(
      `https://api.example answered ${what} — is this the vendor's API?`,
    );
  });
});
