import ICAL from 'ical.js';
import type { Shift } from '../../../shared/schedules/shift';
import { compilePersonRule, type IcsPersonRule } from './ics-person';

/** Bounds on expanding one feed, so a hostile RRULE costs a bounded amount of work. */
export interface IcsLimits {
  /**
   * Recurrence steps one event may take from its DTSTART (in or before the window): an hourly
   * rule begun two years ago takes 17,520; FREQ=SECONDLY since 1970 would take billions.
   */
  readonly maxStepsPerEvent: number;
  /** Recurrence steps over the whole feed. */
  readonly maxSteps: number;
  /** Shifts kept from one feed. */
  readonly maxShifts: number;
}

/** The bounds used unless a caller sets others; each costs well under a second (bench). */
export const DEFAULT_ICS_LIMITS: IcsLimits = {
  maxStepsPerEvent: 20_000,
  maxSteps: 100_000,
  maxShifts: 10_000,
};

/** What to expand, and over which window. */
export interface IcsExpandRequest {
  readonly text: string;
  /** Window start, epoch ms (inclusive): shifts ending after it are kept. */
  readonly from: number;
  /** Window end, epoch ms (exclusive): shifts starting before it are kept. */
  readonly to: number;
  readonly rule?: IcsPersonRule;
  readonly limits?: IcsLimits;
}

/** A feed's shifts in the window, and what could not be read from it. */
export interface IcsExpansion {
  /** Sorted by start, then person. */
  readonly shifts: readonly Shift[];
  /** One sentence each: events naming nobody, rules cut short, unknown time zones. */
  readonly warnings: readonly string[];
}

/**
 * Parse an iCalendar text and expand its events (RRULE, RDATE, EXDATE, RECURRENCE-ID
 * exceptions, times in the feed's VTIMEZONEs) into shifts over a bounded window. Runs in the
 * ICS worker: parsing untrusted text is not for the main loop.
 * @param request - the text, window, person rule and limits
 * @throws Error saying why the text is not a usable iCalendar feed
 */
export function expandIcs(request: IcsExpandRequest): IcsExpansion {
  const limits = request.limits ?? DEFAULT_ICS_LIMITS;
  const personOf = compilePersonRule(request.rule);
  const calendar = parseCalendar(request.text);
  const warnings: string[] = [];

  // The zones are global to ical.js; this worker parses one feed at a time.
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    try {
      ICAL.TimezoneService.register(zone);
    } catch (error) {
      warnings.push(`a VTIMEZONE could not be read (${messageOf(error)})`);
    }
  }

  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  const unknownZones = new Set<string>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    noteUnknownZone(component, unknownZones);
    if (event.isRecurrenceException()) exceptions.push(event);
    else masters.set(event.uid ?? `#${masters.size}`, event);
  }
  for (const exception of exceptions) {
    const master = masters.get(exception.uid);
    // An exception without its series is a one-off event of its own.
    if (master) master.relateException(exception);
    else masters.set(`${exception.uid}#${exception.recurrenceId.toString()}`, exception);
  }
  for (const zone of unknownZones) {
    warnings.push(
      `the feed uses time zone “${zone}” without defining it; those times are read as UTC`,
    );
  }

  const shifts: Shift[] = [];
  let unnamed = 0;
  let steps = 0;
  const add = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time): void => {
    const startMs = start.toUnixTime() * 1000;
    const endMs = end.toUnixTime() * 1000;
    if (!(endMs > startMs) || endMs <= request.from || startMs >= request.to) return;
    const person = personOf({ summary: item.summary ?? '', attendees: attendeesOf(item) });
    if (person === undefined) unnamed += 1;
    else shifts.push({ person, start: startMs, end: endMs });
  };

  for (const event of masters.values()) {
    if (shifts.length >= limits.maxShifts) break;
    if (!event.isRecurring()) {
      add(event, event.startDate, event.endDate);
      continue;
    }
    const iterator = event.iterator();
    let eventSteps = 0;
    for (;;) {
      if (eventSteps >= limits.maxStepsPerEvent || steps >= limits.maxSteps) {
        warnings.push(
          `“${event.summary ?? event.uid}” repeats too often to expand (more than ${eventSteps.toLocaleString('en')} times from its start); its later shifts are left out`,
        );
        break;
      }
      const next = iterator.next();
      if (!next) break;
      eventSteps += 1;
      steps += 1;
      if (next.toUnixTime() * 1000 >= request.to) break;
      const details = event.getOccurrenceDetails(next);
      add(details.item, details.startDate, details.endDate);
      if (shifts.length >= limits.maxShifts) break;
    }
  }
  if (shifts.length >= limits.maxShifts) {
    warnings.push(
      `the feed holds more than ${limits.maxShifts.toLocaleString('en')} shifts in the window; the rest are left out`,
    );
  }
  if (unnamed > 0) {
    const shifts = `${unnamed} ${unnamed === 1 ? 'shift names' : 'shifts name'} nobody`;
    warnings.push(
      request.rule?.pattern !== undefined
        ? `${shifts} (the name pattern finds no name in ${unnamed === 1 ? 'its' : 'their'} SUMMARY); check the layer’s name pattern in Settings → Schedules`
        : `${shifts} (no person in SUMMARY or ATTENDEE); set the layer’s person on call for every event, or a name pattern, in Settings → Schedules`,
    );
  }
  shifts.sort((a, b) => a.start - b.start || a.person.localeCompare(b.person));
  return { shifts, warnings };
}

function parseCalendar(text: string): ICAL.Component {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw new Error(`it is not an iCalendar file (${messageOf(error)})`, { cause: error });
  }
  // A text of several calendars parses to a list; a feed is one.
  const first: unknown = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
  if (!Array.isArray(first) || first[0] !== 'vcalendar') {
    throw new Error('it is not an iCalendar file (no BEGIN:VCALENDAR)');
  }
  return new ICAL.Component(first as unknown[]);
}

function attendeesOf(event: ICAL.Event): string[] {
  return event.attendees.map((attendee) => {
    const name = attendee.getParameter('cn');
    if (typeof name === 'string' && name.trim() !== '') return name.trim();
    const value = attendee.getFirstValue();
    return typeof value === 'string' ? value.replace(/^mailto:/i, '').trim() : '';
  });
}

function noteUnknownZone(component: ICAL.Component, unknown: Set<string>): void {
  for (const name of ['dtstart', 'dtend']) {
    const zone = component.getFirstProperty(name)?.getParameter('tzid');
    if (typeof zone === 'string' && zone !== 'UTC' && !ICAL.TimezoneService.has(zone)) {
      unknown.add(zone);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
