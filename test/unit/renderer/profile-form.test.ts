import { describe, expect, it } from 'vitest';
import {
  profileDraft,
  profileErrorsFromIssues,
  profileRequest,
  suggestTimeZone,
} from '../../../src/renderer/features/settings/profile-form';
import { invokeContract } from '../../../src/shared/ipc/contract';

describe('profileRequest', () => {
  it('leaves empty fields out, which means the OS user name and the machine’s zone', () => {
    expect(profileRequest({ name: '  ', timeZone: '' })).toEqual({ profile: {}, errors: {} });
  });

  it('sends trimmed values the contract accepts', () => {
    const { profile, errors } = profileRequest({ name: ' Ana Lima ', timeZone: 'Europe/Berlin ' });
    expect(errors).toEqual({});
    expect(profile).toEqual({ name: 'Ana Lima', timeZone: 'Europe/Berlin' });
    expect(invokeContract['settings:update'].request.safeParse({ profile }).success).toBe(true);
  });

  it.each(['UTC', 'America/New_York', '+02:00', 'Asia/Kolkata'])('accepts %s', (timeZone) => {
    expect(profileRequest({ name: '', timeZone }).errors).toEqual({});
  });

  it.each(['Europe/Berlinn', 'CEST later', 'Mars/Olympus'])(
    'refuses the unknown zone "%s" with a message saying what works',
    (timeZone) => {
      expect(profileRequest({ name: '', timeZone }).errors.timeZone).toBe(
        `“${timeZone}” is not a time zone. Use an IANA name such as Europe/Berlin, UTC, or an offset such as +02:00.`,
      );
    },
  );

  it('suggests the zone a typo most likely meant', () => {
    const known = Intl.supportedValuesOf('timeZone');
    expect(profileRequest({ name: '', timeZone: 'Europe/Berlinn' }, known).errors.timeZone).toBe(
      '“Europe/Berlinn” is not a time zone. Did you mean Europe/Berlin?',
    );
  });

  it('reads the saved profile back into the fields', () => {
    expect(profileDraft({})).toEqual({ name: '', timeZone: '' });
    expect(profileDraft({ name: 'Ana', timeZone: 'UTC' })).toEqual({
      name: 'Ana',
      timeZone: 'UTC',
    });
  });
});

describe('profileErrorsFromIssues', () => {
  it('places the app’s refusal at its field and keeps the rest', () => {
    expect(
      profileErrorsFromIssues(['profile.timeZone: is not a time zone', 'theme: Invalid option']),
    ).toEqual({ fields: { timeZone: 'is not a time zone' }, other: ['theme: Invalid option'] });
  });
});

describe('suggestTimeZone', () => {
  const known = Intl.supportedValuesOf('timeZone');

  it.each([
    ['Europe/Berlinn', 'Europe/Berlin'],
    ['america/new york', 'America/New_York'],
    ['Berlin', 'Europe/Berlin'],
    ['Lisbon', 'Europe/Lisbon'],
  ])('reads "%s" as %s', (typed, zone) => {
    expect(suggestTimeZone(typed, known)).toBe(zone);
  });

  it.each(['Mars/Olympus', 'CEST later', 'xyz', ''])('guesses nothing for "%s"', (typed) => {
    expect(suggestTimeZone(typed, known)).toBeUndefined();
  });
});
