import { describe, expect, it } from 'vitest';
import {
  labelMatchText,
  parseLabelMatch,
} from '../../../../../src/renderer/features/settings/escalation/label-match-text';

describe('a rule’s labels as one line', () => {
  it('writes and reads back exact values, lists and regexes, keeping a regex’s comma', () => {
    const match = {
      service: 'checkout',
      env: ['prod', 'staging'],
      team: { regex: 'db-[a-z]{1,3}' },
    };
    const line = labelMatchText(match);
    expect(line).toBe('service=checkout, env=prod|staging, team=~db-[a-z]{1,3}');
    expect(parseLabelMatch(line)).toEqual({ ok: true, match });
    expect(parseLabelMatch('  ')).toEqual({ ok: true, match: undefined });
  });

  it('says what is wrong with a line it cannot read', () => {
    expect(parseLabelMatch('service=a, service=b')).toEqual({
      ok: false,
      error: 'label service is given twice; keep one',
    });
    expect(parseLabelMatch('team=~(')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^label team/),
    });
    expect(parseLabelMatch('__name__=x')).toEqual({
      ok: false,
      error: 'label __name__: label names starting with __ are reserved',
    });
  });
});
