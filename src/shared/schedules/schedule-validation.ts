import type { Schedule } from './schedule-schema';
import { isKnownTimeZone } from './zone';

/** One thing wrong with the schedules: where (a zod path inside `schedules`), and what to do. */
export interface ScheduleIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

function overrideIssues(schedule: Schedule, index: number, issues: ScheduleIssue[]): void {
  const spans = schedule.overrides.map((override, o) => ({
    o,
    override,
    from: Date.parse(override.from),
    to: Date.parse(override.to),
  }));
  for (const { o, override, from, to } of spans) {
    if (to <= from) {
      issues.push({
        path: [index, 'overrides', o, 'to'],
        message: `the override for ${override.person} ends before it starts; set its end after ${override.from}`,
      });
    }
    if (override.layer === 'secondary' && !schedule.layers.secondary) {
      issues.push({
        path: [index, 'overrides', o, 'layer'],
        message: `the override for ${override.person} is on the secondary layer, which "${schedule.name}" does not have; add that layer or pick primary`,
      });
    }
  }
  const valid = spans.filter((span) => span.to > span.from);
  for (const [i, a] of valid.entries()) {
    for (const b of valid.slice(i + 1)) {
      if (a.override.layer !== b.override.layer) continue;
      if (a.from < b.to && b.from < a.to) {
        issues.push({
          path: [index, 'overrides', b.o, 'from'],
          message: `the override for ${b.override.person} overlaps the one for ${a.override.person} on the ${a.override.layer} layer; one person covers a span, so shorten or remove one`,
        });
      }
    }
  }
}

/**
 * What the shapes alone cannot refuse: a duplicate schedule id, an unknown time zone, an
 * override ending before it starts, overrides overlapping in one layer, an override on a layer
 * the schedule does not have. Each message says what is wrong and what to do.
 * @param schedules - the schedules, shapes already valid
 * @returns every issue, in order; empty when they hold together
 */
export function scheduleIssues(schedules: readonly Schedule[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const seen = new Set<string>();
  schedules.forEach((schedule, index) => {
    if (seen.has(schedule.id)) {
      issues.push({
        path: [index, 'id'],
        message: `duplicate schedule id "${schedule.id}"; each schedule needs its own id`,
      });
    }
    seen.add(schedule.id);
    if (!isKnownTimeZone(schedule.timeZone)) {
      issues.push({
        path: [index, 'timeZone'],
        message: `"${schedule.timeZone}" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York`,
      });
    }
    overrideIssues(schedule, index, issues);
  });
  return issues;
}
