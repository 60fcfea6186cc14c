import { describe, expect, it } from 'vitest';
import { isPlainGettableAlerts } from '../../../../../src/main/services/sources/alertmanager-fast-check';
import { gettableAlertsSchema } from '../../../../../src/main/services/sources/alertmanager-response';
import { alertmanagerFixture } from './fixtures';

const good = JSON.parse(alertmanagerFixture('alerts.json')) as Array<Record<string, unknown>>;

/** Every way we could think of to spoil one alert of a good body, and a few harmless ones. */
const mutations: Array<[string, (alert: Record<string, unknown>) => void]> = [
  ['no labels', (a) => delete a.labels],
  ['labels an array', (a) => (a.labels = ['x'])],
  ['a label a number', (a) => (a.labels = { severity: 1 })],
  ['a label null', (a) => (a.labels = { severity: null })],
  ['a __proto__ label', (a) => (a.labels = JSON.parse('{"__proto__": "x", "a": "b"}'))],
  ['annotations null', (a) => (a.annotations = null)],
  ['empty fingerprint', (a) => (a.fingerprint = '')],
  ['fingerprint a number', (a) => (a.fingerprint = 7)],
  ['startsAt not a time', (a) => (a.startsAt = 'yesterday')],
  ['endsAt without offset', (a) => (a.endsAt = '2026-03-01T02:00:00')],
  ['updatedAt month 13', (a) => (a.updatedAt = '2026-13-01T02:00:00Z')],
  ['updatedAt with offset', (a) => (a.updatedAt = '2026-03-01T02:00:00.123+01:00')],
  ['Go zero time', (a) => (a.endsAt = '0001-01-01T00:00:00Z')],
  ['no status', (a) => delete a.status],
  ['unknown state', (a) => (a.status = { state: 'sleeping' })],
  ['silencedBy a string', (a) => (a.status = { state: 'active', silencedBy: 's1' })],
  ['inhibitedBy numbers', (a) => (a.status = { state: 'active', inhibitedBy: [1] })],
  ['no mutedBy (Alertmanager 0.25)', (a) => (a.status = { state: 'suppressed', silencedBy: [] })],
  ['receivers without name', (a) => (a.receivers = [{}])],
  ['receivers an object', (a) => (a.receivers = { name: 'x' })],
  ['generatorURL a number', (a) => (a.generatorURL = 1)],
  ['no generatorURL', (a) => delete a.generatorURL],
  ['an extra field', (a) => (a.surprise = { deep: [1, 2] })],
];

describe('isPlainGettableAlerts', () => {
  it('takes a real body the fast way', () => {
    expect(isPlainGettableAlerts(good)).toBe(true);
    expect(gettableAlertsSchema.safeParse(good).success).toBe(true);
  });

  it.each(mutations)('never accepts what the schema refuses: %s', (_, spoil) => {
    const body = structuredClone(good);
    spoil(body[1] as Record<string, unknown>);
    const schema = gettableAlertsSchema.safeParse(body).success;
    if (isPlainGettableAlerts(body)) expect(schema).toBe(true);
  });

  it('agrees with the schema on every mutation it accepts, and doubts the broken ones', () => {
    const doubted = mutations.filter(([, spoil]) => {
      const body = structuredClone(good);
      spoil(body[1] as Record<string, unknown>);
      return !isPlainGettableAlerts(body);
    });
    // The harmless changes stay on the fast path; each spoiled one is left to the schema.
    expect(doubted.map(([name]) => name)).not.toContain('no mutedBy (Alertmanager 0.25)');
    expect(doubted.map(([name]) => name)).not.toContain('an extra field');
    expect(doubted.length).toBeGreaterThanOrEqual(17);
  });

  it.each([null, {}, 'x', 3, [null], [[]], [1]])('doubts %j', (body) => {
    expect(isPlainGettableAlerts(body)).toBe(false);
  });
});
