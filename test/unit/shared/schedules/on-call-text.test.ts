import { describe, expect, it } from 'vitest';
import { onCallSummary } from '../../../../src/shared/schedules/on-call';
import { onCallText, trayOnCallLine } from '../../../../src/shared/schedules/on-call-text';
import { scheduleSchema } from '../../../../src/shared/schedules/schedule-schema';

const platform = scheduleSchema.parse({
  id: 'platform',
  name: 'Platform',
  timeZone: 'Europe/Berlin',
  layers: {
    primary: { kind: 'rotation', participants: ['Ana', 'Ben'], startDate: '2026-03-16' },
    secondary: { kind: 'rotation', participants: ['Ben', 'Ana'], startDate: '2026-03-16' },
  },
});

describe('onCallText', () => {
  it('says who is on call now and next per layer, and my next shift, in the reader’s zone', () => {
    const summary = onCallSummary([platform], 'Cy', new Date('2026-03-17T12:00Z'));
    expect(onCallText(summary, 'Europe/Berlin')).toEqual({
      lines: [
        {
          scheduleId: 'platform',
          name: 'Platform',
          text: 'On call now: Ana (primary), Ben (secondary) · next: Ben at Mon 09:00 (primary), Ana at Mon 09:00 (secondary)',
        },
      ],
    });
  });

  it('says I am on call now, until when', () => {
    const summary = onCallSummary([platform], 'ana', new Date('2026-03-17T12:00Z'));
    expect(onCallText(summary, 'Europe/Berlin').mine).toBe(
      'You are on call now (primary, Platform) until Mon 09:00',
    );
  });

  it('says nobody before a rotation starts, and dates a shift more than six days off', () => {
    const summary = onCallSummary([platform], 'Ben', new Date('2026-03-01T12:00Z'));
    const text = onCallText(summary, 'Europe/Berlin');
    expect(text.lines[0]?.text).toBe(
      'On call now: nobody (primary), nobody (secondary) · next: Ana at Mon 16 Mar 09:00 (primary), Ben at Mon 16 Mar 09:00 (secondary)',
    );
    expect(text.mine).toBe('Your next shift: Mon 16 Mar 09:00 (secondary, Platform)');
  });
});

describe('trayOnCallLine', () => {
  it('names each schedule’s primary now, or nobody, and says nothing without schedules', () => {
    expect(trayOnCallLine(onCallSummary([platform], 'Cy', new Date('2026-03-17T12:00Z')))).toBe(
      'On call: Ana (Platform)',
    );
    expect(trayOnCallLine(onCallSummary([platform], 'Cy', new Date('2026-03-01T12:00Z')))).toBe(
      'On call: nobody (Platform)',
    );
    expect(trayOnCallLine(onCallSummary([], 'Cy', new Date('2026-03-17T12:00Z')))).toBeUndefined();
  });

  it('says so when I am the one on call', () => {
    expect(trayOnCallLine(onCallSummary([platform], 'Ben', new Date('2026-03-24T12:00Z')))).toBe(
      'You are on call (primary, Platform)',
    );
  });
});
