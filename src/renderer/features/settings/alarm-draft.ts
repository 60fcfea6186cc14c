import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import {
  alarmSettingsSchema,
  MIN_ALARM_REPEAT_SECONDS,
  type AlarmLevel,
  type AlarmSettings,
} from '../../../shared/escalation/alarm-settings';

/** Longest repeat the schema takes, read from it so the two cannot drift. */
const MAX_SECONDS =
  alarmSettingsSchema.shape.sev1.unwrap().shape.repeatSeconds.unwrap().maxValue ?? 86_400;

/** My alarm for one severity as edited: the repeat in seconds as typed. */
export interface AlarmLevelDraft {
  mode: AlarmLevel['mode'];
  seconds: string;
}

/** My alarm per severity as edited. */
export type AlarmDraft = Record<Severity, AlarmLevelDraft>;

/**
 * The form's draft of the saved alarm settings.
 * @param alarm - the saved settings
 */
export function alarmDraft(alarm: AlarmSettings): AlarmDraft {
  const draft = {} as AlarmDraft;
  for (const severity of SEVERITIES) {
    draft[severity] = {
      mode: alarm[severity].mode,
      seconds: String(alarm[severity].repeatSeconds),
    };
  }
  return draft;
}

/** The alarm form checked: the block to save, or the reason per severity. */
export type AlarmCheck =
  { ok: true; alarm: AlarmSettings } | { ok: false; errors: Partial<Record<Severity, string>> };

/**
 * Check the alarm form: a repeating alarm needs a whole number of seconds within the bounds
 * (a faster one is noise the user learns to ignore). A severity that does not repeat keeps its
 * seconds as saved, ready for when it repeats again.
 * @param draft - the form
 */
export function checkAlarmDraft(draft: AlarmDraft): AlarmCheck {
  const errors: Partial<Record<Severity, string>> = {};
  const alarm = {} as AlarmSettings;
  for (const severity of SEVERITIES) {
    const { mode, seconds } = draft[severity];
    const value = seconds.trim() === '' ? Number.NaN : Number(seconds);
    const fits =
      Number.isInteger(value) && value >= MIN_ALARM_REPEAT_SECONDS && value <= MAX_SECONDS;
    if (mode === 'repeat' && !fits) {
      errors[severity] =
        `repeat every ${MIN_ALARM_REPEAT_SECONDS}–${MAX_SECONDS} whole seconds (60 is a minute)`;
    }
    alarm[severity] = { mode, repeatSeconds: fits ? value : 60 };
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, alarm };
}
