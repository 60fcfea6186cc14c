import { describe, expect, it } from 'vitest';
import {
  compilePersonRule,
  personOfEvent,
} from '../../../../../src/main/services/schedules/ics-person';

describe('personOfEvent', () => {
  it.each([
    ['On Call - Jane Doe - Primary', [], 'Jane Doe'],
    ['On Call - Jane Doe', [], 'Jane Doe'],
    ['Ana Lima On-Call (GoAlert: Payments)', [], 'Ana Lima'],
    ['Tom Berg On-Call (GoAlert: Payments) Begins*', [], 'Tom Berg'],
    ['On-Call (GoAlert: Payments)', ['me@example.com'], 'me@example.com'],
    ['On-Call (GoAlert: Payments)', [], undefined],
    ['Maria Garcia', [], 'Maria Garcia'],
    ['', [], undefined],
  ])('“%s” with attendees %j names %s', (summary, attendees, person) => {
    expect(personOfEvent({ summary, attendees })).toBe(person);
  });
});

describe('compilePersonRule', () => {
  it('gives every event the feed’s own person when it has one', () => {
    expect(compilePersonRule({ person: ' Kim ' })({ summary: 'anything', attendees: [] })).toBe(
      'Kim',
    );
  });

  it('takes the first group when the pattern has no `person` group, and nobody when it does not match', () => {
    const personOf = compilePersonRule({ pattern: 'Duty: (\\w+)' });
    expect(personOf({ summary: 'Duty: kim', attendees: [] })).toBe('kim');
    expect(personOf({ summary: 'Holiday', attendees: [] })).toBeUndefined();
  });
});
