import { describe, expect, it } from 'vitest';
import {
  cadenceWords,
  clockText,
  readCadence,
  statusCountdown,
} from '../../../../../src/renderer/features/incident/status-updates/status-countdown';
import { incidentAfter, minutesIn } from '../incident-snapshot';

describe('the status update countdown', () => {
  // Declared at 14:30 with a 30 min cadence: the first update is due at 15:00.
  const incident = incidentAfter();

  it('counts down in minutes and seconds, in words, quietly while there is time', () => {
    expect(statusCountdown(incident, minutesIn(7.5))).toEqual({
      tone: 'ok',
      clock: '22 min 30 s',
      text: 'due in 22 min',
    });
  });

  it('turns to the warning colour in the last five minutes', () => {
    expect(statusCountdown(incident, minutesIn(25) + 1000)).toMatchObject({
      tone: 'soon',
      clock: '4 min 59 s',
    });
    expect(statusCountdown(incident, minutesIn(25)).tone).toBe('soon');
    expect(statusCountdown(incident, minutesIn(24)).tone).toBe('ok');
  });

  it('says by how much an overdue update is late, in the danger colour', () => {
    expect(statusCountdown(incident, minutesIn(33) + 10_000)).toEqual({
      tone: 'overdue',
      clock: '3 min 10 s late',
      text: 'overdue by 3 min',
    });
    expect(statusCountdown(incident, minutesIn(30) + 5000).text).toBe('overdue by <1 min');
  });

  it('restarts from a full cadence once an update is marked as posted', () => {
    const posted = incidentAfter([
      { minutes: 33, op: { type: 'status-update.post', args: { text: 'Still looking.' } } },
    ]);
    expect(statusCountdown(posted, minutesIn(33))).toMatchObject({
      tone: 'ok',
      clock: '30 min 00 s',
    });
  });

  it('says "none scheduled" without a cadence, and none owed once resolved', () => {
    const none = incidentAfter([
      { minutes: 1, op: { type: 'status-cadence.set', args: { minutes: null } } },
    ]);
    expect(statusCountdown(none, minutesIn(2))).toEqual({ tone: 'none', text: 'none scheduled' });
    const resolved = incidentAfter([
      { minutes: 1, op: { type: 'lifecycle.set', args: { status: 'resolved' } } },
    ]);
    expect(statusCountdown(resolved, minutesIn(2)).text).toBe(
      'none owed: the incident is resolved',
    );
  });

  it('shows hours once the wait is an hour or more', () => {
    expect(clockText(3600 + 62)).toBe('1 h 01 min 02 s');
    expect(clockText(14 * 60 + 58)).toBe('14 min 58 s');
    expect(clockText(59)).toBe('0 min 59 s');
  });
});

describe('the cadence field', () => {
  it('reads whole minutes, and empty or "none" as no schedule', () => {
    expect(readCadence(' 15 ')).toEqual({ ok: true, minutes: 15 });
    expect(readCadence('')).toEqual({ ok: true, minutes: null });
    expect(readCadence('None')).toEqual({ ok: true, minutes: null });
  });

  it('refuses what is not a usable number of minutes, saying what to type', () => {
    for (const typed of ['0', '1441', '12.5', 'soon', '-5']) {
      expect(readCadence(typed)).toEqual({
        ok: false,
        error: 'Type whole minutes from 1 to 1440, or leave it empty for none.',
      });
    }
  });

  it('words the cadence as a person would', () => {
    expect(cadenceWords(30)).toBe('every 30 min');
    expect(cadenceWords(60)).toBe('every hour');
    expect(cadenceWords(120)).toBe('every 2 hours');
    expect(cadenceWords(null)).toBe('none scheduled');
  });
});
