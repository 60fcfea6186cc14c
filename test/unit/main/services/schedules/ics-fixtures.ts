import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.join(import.meta.dirname, '../../../../fixtures/ics');

/** A fixture feed from test/fixtures/ics, with CRLF line ends as RFC 5545 asks. */
export function icsFixture(name: string): string {
  return readFileSync(path.join(DIR, name), 'utf8').replace(/\r?\n/g, '\r\n');
}

/** "Now" in these tests: a Tuesday before Europe's summer time ends (25 Oct 2026). */
export const NOW = Date.parse('2026-10-20T12:00:00Z');

/** The window the service expands over at {@link NOW}: a day back, 35 days ahead. */
export const WINDOW = { from: NOW - 24 * 3600_000, to: NOW + 35 * 24 * 3600_000 };

/** A shift as a test reads it. */
export function shown(shift: { person: string; start: number; end: number }): string {
  return `${shift.person} ${new Date(shift.start).toISOString()} → ${new Date(shift.end).toISOString()}`;
}

/** A feed whose rule repeats every second since 1970: billions of steps to reach now. */
export const SECONDLY_FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:storm',
  'SUMMARY:On Call - Storm - Hostile',
  'DTSTART:19700101T000000Z',
  'DTEND:19700101T000001Z',
  'RRULE:FREQ=SECONDLY;COUNT=2000000000',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
