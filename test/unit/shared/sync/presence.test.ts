import { describe, expect, it } from 'vitest';
import type { RoleState } from '../../../../src/shared/incident/schema';
import {
  cleanPeerName,
  presentPeople,
  readPeerPresence,
  typingLine,
  type PresentPerson,
} from '../../../../src/shared/sync/presence';

const AT = '2026-12-05T11:00:00.000Z';
const LATER = '2026-12-05T11:00:05.000Z';

function role(name: string, holder?: string): RoleState {
  return { id: name.toLowerCase(), name, checklist: [], ...(holder ? { holder } : {}) };
}

describe('peer presence', () => {
  it('reads a state that says who and what', () => {
    expect(readPeerPresence({ name: 'Ana', activity: 'typing', since: AT })).toEqual({
      name: 'Ana',
      activity: 'typing',
      since: AT,
    });
  });

  it('ignores states that say nothing usable', () => {
    expect(readPeerPresence({})).toBeUndefined();
    expect(readPeerPresence(null)).toBeUndefined();
    expect(readPeerPresence({ name: 'Ana', activity: 'dancing', since: AT })).toBeUndefined();
    expect(readPeerPresence({ name: '\u200b \n', activity: 'viewing', since: AT })).toBeUndefined();
    expect(
      readPeerPresence({ name: 'Ana', activity: 'viewing', since: 'yesterday' }),
    ).toBeUndefined();
  });

  it('keeps names as short plain text', () => {
    expect(cleanPeerName('  Ana\u202e\n\tMaria  ')).toBe('Ana Maria');
    expect(cleanPeerName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    const long = cleanPeerName('x'.repeat(500));
    expect(long).toBe(`${'x'.repeat(59)}…`);
    expect([...(cleanPeerName('😀'.repeat(100)) ?? '')]).toHaveLength(60);
  });
});

describe('presentPeople', () => {
  it('lists each person once, typing first, with the roles the incident says they hold', () => {
    const people = presentPeople(
      [
        { name: 'Bo', activity: 'viewing', since: AT },
        { name: 'Ana', activity: 'viewing', since: AT },
        { name: 'ana', activity: 'typing', since: LATER },
        {},
        { name: 'Cy', activity: 'viewing', since: AT },
      ],
      [role('Incident commander', 'Bo'), role('Scribe', 'ana'), role('Comms lead')],
    );
    expect(people).toEqual([
      { name: 'ana', roles: ['Scribe'], activity: 'typing', since: LATER },
      { name: 'Bo', roles: ['Incident commander'], activity: 'viewing', since: AT },
      { name: 'Cy', roles: [], activity: 'viewing', since: AT },
    ]);
  });
});

describe('presentPeople under a flood', () => {
  it('lists at most 50, the typing ones kept', () => {
    const states = Array.from({ length: 500 }, (_, i) => ({
      name: `peer-${String(i).padStart(3, '0')}`,
      activity: i === 499 ? 'typing' : 'viewing',
      since: AT,
    }));
    const people = presentPeople(states, []);
    expect(people).toHaveLength(50);
    expect(people[0]).toMatchObject({ name: 'peer-499', activity: 'typing' });
  });
});

describe('typingLine', () => {
  const person = (name: string, activity: PresentPerson['activity']): PresentPerson => ({
    name,
    roles: [],
    activity,
    since: AT,
  });

  it('names who holds the pen', () => {
    expect(typingLine([person('Bo', 'viewing')])).toBeUndefined();
    expect(typingLine([person('Ana', 'typing'), person('Bo', 'viewing')])).toBe('Ana is typing…');
    expect(typingLine([person('Ana', 'typing'), person('Bo', 'typing')])).toBe(
      'Ana and Bo are typing…',
    );
    expect(typingLine(['Ana', 'Bo', 'Cy', 'Di'].map((name) => person(name, 'typing')))).toBe(
      'Ana, Bo and 2 others are typing…',
    );
    expect(typingLine(['Ana', 'Bo', 'Cy'].map((name) => person(name, 'typing')))).toBe(
      'Ana, Bo and 1 other are typing…',
    );
  });
});
