import { Temporal } from 'temporal-polyfill';
import type {
  Schedule,
  ScheduleLayer,
  ScheduleLayerName,
  Weekday,
} from '../../../shared/schedules/schedule-schema';
import { shownFeedAddress } from '../../../shared/schedules/schedule-schema';
import {
  DEFAULT_SHIFT_REMINDER_MINUTES,
  scheduleSettingsSchema,
  type ScheduleSettings,
} from '../../../shared/schedules/schedule-settings';
import { isKnownTimeZone } from '../../../shared/schedules/zone';

/** One layer as the form edits it: every field a string, as inputs hold them. */
export interface LayerDraft {
  kind: 'rotation' | 'ics';
  participants: string[];
  every: 'week' | 'days';
  days: string;
  handoffDay: Weekday;
  handoffTime: string;
  startDate: string;
  /** A feed layer's saved feed id ('' for a feed not saved yet); its URL is in the secret store. */
  feed: string;
  /** The saved feed as shown (scheme and host). */
  shownAs: string;
  /** A URL typed here, to replace the stored one ('' keeps it); never read back from main. */
  url: string;
  /** The person pressed "Replace" on a stored feed: the URL field shows. */
  replace: boolean;
  /** A feed layer's person on call for every event ('' for none). */
  person: string;
  /** A feed layer's RE2 pattern finding the person in each SUMMARY ('' for none). */
  pattern: string;
}

/** One override as the form edits it: local date-times in the schedule's zone. */
export interface OverrideDraft {
  person: string;
  layer: ScheduleLayerName;
  /** `YYYY-MM-DDTHH:MM`, as `<input type="datetime-local">` holds it. */
  from: string;
  to: string;
}

/** One schedule as the form edits it. */
export interface ScheduleDraft {
  id: string;
  name: string;
  timeZone: string;
  primary: LayerDraft;
  secondary?: LayerDraft;
  overrides: OverrideDraft[];
}

/** The whole section's draft. */
export interface SchedulesDraft {
  list: ScheduleDraft[];
  reminderMinutes: string;
}

/** Errors by field path (`list.0.timeZone`, `list.0.layers.primary.participants`). */
export type SchedulesErrors = Record<string, string>;

/**
 * A new rotation layer: weekly, Monday 09:00, from today.
 * @param today - `YYYY-MM-DD`
 */
export function newLayer(today: string): LayerDraft {
  return {
    kind: 'rotation',
    participants: [''],
    every: 'week',
    days: '7',
    handoffDay: 'monday',
    handoffTime: '09:00',
    startDate: today,
    feed: '',
    shownAs: '',
    url: '',
    replace: false,
    person: '',
    pattern: '',
  };
}

/**
 * A new schedule: an id not taken yet, the reader's zone, one weekly layer.
 * @param taken - ids in use
 * @param zone - the reader's zone
 * @param today - `YYYY-MM-DD`
 */
export function newSchedule(taken: readonly string[], zone: string, today: string): ScheduleDraft {
  let n = taken.length + 1;
  while (taken.includes(`schedule-${n}`)) n += 1;
  return {
    id: `schedule-${n}`,
    name: '',
    timeZone: zone,
    primary: newLayer(today),
    overrides: [],
  };
}

function layerDraft(layer: ScheduleLayer): LayerDraft {
  const base = newLayer('');
  return layer.kind === 'ics'
    ? {
        ...base,
        kind: 'ics',
        participants: [],
        feed: layer.feed ?? '',
        shownAs: layer.shownAs ?? (layer.url !== undefined ? shownFeedAddress(layer.url) : ''),
        // A plain URL main has not moved into the secret store yet is entered again on save.
        url: layer.feed === undefined ? (layer.url ?? '') : '',
        person: layer.person ?? '',
        pattern: layer.pattern ?? '',
      }
    : {
        ...base,
        participants: [...layer.participants],
        every: layer.every,
        days: String(layer.days),
        handoffDay: layer.handoffDay,
        handoffTime: layer.handoffTime,
        startDate: layer.startDate,
      };
}

function localOf(iso: string, zone: string): string {
  if (!isKnownTimeZone(zone)) return iso;
  return Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDateTime().toString({
    smallestUnit: 'minute',
  });
}

/**
 * The saved settings as the form shows them.
 * @param settings - the saved `schedules` block
 */
export function schedulesDraft(settings: ScheduleSettings): SchedulesDraft {
  return {
    reminderMinutes: String(settings.reminderMinutes),
    list: settings.list.map((s: Schedule) => ({
      id: s.id,
      name: s.name,
      timeZone: s.timeZone,
      primary: layerDraft(s.layers.primary),
      ...(s.layers.secondary && { secondary: layerDraft(s.layers.secondary) }),
      overrides: s.overrides.map((o) => ({
        person: o.person,
        layer: o.layer,
        from: localOf(o.from, s.timeZone),
        to: localOf(o.to, s.timeZone),
      })),
    })),
  };
}

function layerInput(layer: LayerDraft, newFeedId: () => string): unknown {
  if (layer.kind === 'ics') {
    const url = layer.url.trim();
    // Blank is "not set": the main process then guesses the name (see the form's help).
    const person = layer.person.trim();
    const pattern = layer.pattern.trim();
    const naming = {
      ...(person !== '' && { person }),
      ...(pattern !== '' && { pattern }),
    };
    if (url === '') {
      return layer.feed === ''
        ? { kind: 'ics', ...naming }
        : { kind: 'ics', feed: layer.feed, shownAs: layer.shownAs, ...naming };
    }
    // The URL is checked with the rest, then leaves the layer: it goes to the secret store.
    return {
      kind: 'ics',
      feed: layer.feed || newFeedId(),
      shownAs: shownFeedAddress(url),
      url,
      ...naming,
    };
  }
  return {
    kind: 'rotation',
    participants: layer.participants.map((p) => p.trim()).filter((p) => p !== ''),
    every: layer.every,
    days: layer.every === 'days' ? Number(layer.days.trim() === '' ? NaN : layer.days) : 7,
    handoffDay: layer.handoffDay,
    handoffTime: layer.handoffTime,
    startDate: layer.startDate,
  };
}

/** A local date-time of the form read in a zone, as an instant; undefined when it is not one. */
function instantOf(local: string, zone: string): string | undefined {
  if (!isKnownTimeZone(zone)) return undefined;
  try {
    return Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant().toString();
  } catch {
    return undefined;
  }
}

/** The form's check: the block to save, or each reason at its field. */
export type SchedulesCheck =
  | {
      ok: true;
      /** The block to save: feed layers without their URLs. */
      schedules: ScheduleSettings;
      /** The URLs typed, to store in the secret store by feed once the block is saved. */
      feedUrls: { feed: string; url: string }[];
    }
  | { ok: false; errors: SchedulesErrors };

/**
 * The form checked as main checks it (the same schema), so nothing it would refuse is sent;
 * each reason is placed at its field's path. Override times are read in the schedule's zone.
 * @param draft - the form
 * @param newFeedId - an id for a feed saved for the first time
 */
export function checkSchedulesDraft(
  draft: SchedulesDraft,
  newFeedId: () => string = () => crypto.randomUUID(),
): SchedulesCheck {
  const errors: SchedulesErrors = {};
  const list = draft.list.map((s, index) => ({
    id: s.id.trim(),
    name: s.name.trim(),
    timeZone: s.timeZone.trim(),
    layers: {
      primary: layerInput(s.primary, newFeedId),
      ...(s.secondary && { secondary: layerInput(s.secondary, newFeedId) }),
    },
    overrides: s.overrides.map((o, o2) => {
      const from = instantOf(o.from, s.timeZone.trim());
      const to = instantOf(o.to, s.timeZone.trim());
      if (from === undefined)
        errors[`list.${index}.overrides.${o2}.from`] = 'must be a date and time';
      if (to === undefined) errors[`list.${index}.overrides.${o2}.to`] = 'must be a date and time';
      return { person: o.person.trim(), layer: o.layer, from: from ?? '', to: to ?? '' };
    }),
  }));
  const minutes = draft.reminderMinutes.trim();
  const result = scheduleSettingsSchema.safeParse({
    list,
    reminderMinutes: minutes === '' ? DEFAULT_SHIFT_REMINDER_MINUTES : Number(minutes),
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      errors[key] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  const feedUrls: { feed: string; url: string }[] = [];
  const withoutUrl = (layer: ScheduleLayer): ScheduleLayer => {
    if (layer.kind !== 'ics' || layer.url === undefined || layer.feed === undefined) return layer;
    feedUrls.push({ feed: layer.feed, url: layer.url });
    const { url: _, ...rest } = layer;
    return rest;
  };
  const schedules = {
    ...result.data,
    list: result.data.list.map((s) => ({
      ...s,
      layers: {
        primary: withoutUrl(s.layers.primary),
        ...(s.layers.secondary && { secondary: withoutUrl(s.layers.secondary) }),
      },
    })),
  };
  return { ok: true, schedules, feedUrls };
}

/**
 * Errors main answered (`schedules.list.0.timeZone: reason`) placed at the form's fields.
 * @param issues - the refusal's issues
 */
export function schedulesErrorsFromIssues(issues: readonly string[]): SchedulesErrors {
  const errors: SchedulesErrors = {};
  for (const issue of issues) {
    const match = /^schedules\.(\S+): (.*)$/s.exec(issue);
    if (match?.[1] && match[2]) errors[match[1]] ??= match[2];
  }
  return errors;
}

/**
 * The error of a field, or of anything inside it (a participant's own problem shows at the
 * list of participants).
 * @param errors - every error
 * @param path - the field's path
 */
export function errorAt(errors: SchedulesErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const inner = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inner ? errors[inner] : undefined;
}
