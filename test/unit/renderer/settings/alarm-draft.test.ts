import { describe, expect, it } from 'vitest';
import {
  alarmDraft,
  checkAlarmDraft,
} from '../../../../src/renderer/features/settings/alarm-draft';
import { DEFAULT_ALARM } from '../../../../src/shared/escalation/alarm-settings';

describe('the alarm form', () => {
  it("saves the product's alarm unchanged, and a changed mode", () => {
    const draft = alarmDraft(DEFAULT_ALARM);
    expect(checkAlarmDraft(draft)).toEqual({ ok: true, alarm: DEFAULT_ALARM });
    expect(checkAlarmDraft({ ...draft, sev2: { mode: 'once', seconds: '300' } })).toMatchObject({
      ok: true,
      alarm: { sev2: { mode: 'once', repeatSeconds: 300 } },
    });
  });

  it('refuses a repeat too fast, fractional or blank, at its severity; a silent one is not checked', () => {
    const draft = alarmDraft(DEFAULT_ALARM);
    expect(
      checkAlarmDraft({
        ...draft,
        sev1: { mode: 'repeat', seconds: '5' },
        sev2: { mode: 'repeat', seconds: '' },
        sev3: { mode: 'repeat', seconds: '30.5' },
        sev4: { mode: 'silent', seconds: 'x' },
      }),
    ).toEqual({
      ok: false,
      errors: {
        sev1: 'repeat every 10–86400 whole seconds (60 is a minute)',
        sev2: 'repeat every 10–86400 whole seconds (60 is a minute)',
        sev3: 'repeat every 10–86400 whole seconds (60 is a minute)',
      },
    });
  });
});
