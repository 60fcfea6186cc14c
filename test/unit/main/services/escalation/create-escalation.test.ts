import { afterEach, describe, expect, it } from 'vitest';
import {
  startEscalationHarness,
  type EscalationHarness,
} from '../../../../support/escalation-harness';

const MIN = 60_000;

describe('escalation: my alarm, announcements and reminders across restarts', () => {
  let h: EscalationHarness;
  afterEach(async () => {
    // Every test claims each notification it expects; any other fails it.
    try {
      await h.assertNoUnexpected();
    } finally {
      await h.close();
    }
  });

  it('repeats a sev1 every minute until I acknowledge it, saying which repeat it is', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev1');
    await h.poll();
    expect(h.expectNotification('SEV1 · Down').urgency).toBe('critical');
    // The sev1 policy tells the incident channel at once.
    expect(h.expectPage('Down', 1).targets).toEqual(['channel:incident']);

    await h.advance(59_000);
    await h.advance(1_000);
    expect(h.expectNotification(/^Still firing: SEV1 · Down/).body).toContain(
      'Repeat 1: acknowledge',
    );
    await h.advance(MIN);
    h.expectNotification(/Repeat 2:/);

    h.ack('Down', 'me');
    await h.poll();
    await h.advance(10 * MIN);
    expect(h.pending()).toEqual([]);
  });

  it('stops when a teammate silences the alert at its source, and resumes when it fires again', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev2');
    await h.poll();
    h.expectNotification('SEV2 · Down');
    h.ack('Down', 'teammate');
    await h.advance(4 * MIN);
    await h.poll();
    await h.advance(20 * MIN);

    h.unack('Down');
    await h.poll();
    h.expectNotification('SEV2 · Down');
    await h.advance(5 * MIN);
    h.expectNotification(/Still firing: SEV2 · Down[\s\S]*Repeat 1:/);
  });

  it('a restart neither announces again nor loses the next repeat, even one due while it was down', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev1');
    await h.poll();
    h.expectNotification('SEV1 · Down');
    h.expectPage('Down', 1);
    await h.advance(30_000);

    await h.restart(10_000);
    await h.poll(); // the first poll after start reports the alert as new
    await h.advance(20_000);
    h.expectNotification(/Repeat 1:/);

    // Down across the next due time: the step comes once, right after start, saying how late.
    await h.restart(3 * MIN);
    expect(h.captured).toHaveLength(2);
    await h.poll();
    expect(h.expectNotification(/Repeat 2/).body).toContain('(2 min late)');
    await h.advance(MIN);
    h.expectNotification(/Repeat 3:/);
  });

  it('after sleep, one late repeat says how late, then the minute rhythm goes on', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev1');
    await h.poll();
    h.expectNotification('SEV1 · Down');
    h.expectPage('Down', 1);
    await h.sleep(17 * MIN + 30_000);
    expect(h.expectNotification(/Repeat 1 /).body).toContain('(16 min late)');
    await h.advance(30_000);
    h.expectNotification(/Repeat 2:/);
    expect(h.logs.some((line) => line.includes('woke up'))).toBe(true);
  });

  it('a wall-clock change forward is noticed and fires what it made due', async () => {
    h = await startEscalationHarness();
    h.fire('Slow', 'sev2');
    await h.poll();
    h.expectNotification('SEV2 · Slow');
    await h.jump(6 * MIN);
    h.expectNotification(/Still firing: SEV2 · Slow[\s\S]*Repeat 1 \(1 min late\)/);
    expect(h.logs.some((line) => line.includes('moved 360 s ahead'))).toBe(true);
  });

  it('sev3 is announced once, sev4 not at all', async () => {
    h = await startEscalationHarness();
    h.fire('Disk', 'sev3');
    h.fire('Info', 'sev4');
    await h.poll();
    h.expectNotification('SEV3 · Disk');
    await h.advance(60 * MIN);
    await h.restart();
    await h.poll();
  });

  it('reminds once that my acknowledgement ends, also across a restart', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev2');
    await h.poll();
    h.expectNotification('SEV2 · Down');
    h.ack('Down', 'me', 30 * MIN);
    await h.poll();
    await h.advance(21 * MIN);
    h.expectNotification(/^Acknowledgement of Down ends in 9 min/);
    await h.restart();
    await h.poll();
    await h.advance(MIN);
  });

  it('an alert that ended while the app was closed is forgotten: firing later is news again', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev3');
    await h.poll();
    h.expectNotification('SEV3 · Down');
    await h.stop();
    h.resolve('Down');
    await h.restart(MIN);
    await h.poll();
    h.fire('Down', 'sev3');
    await h.poll();
    h.expectNotification('SEV3 · Down');
  });

  it('an alert acknowledged while the app was closed, firing again later, is announced again', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev3');
    await h.poll();
    h.expectNotification('SEV3 · Down');
    await h.stop();
    h.ack('Down', 'teammate');
    await h.restart(MIN);
    await h.poll();
    h.unack('Down');
    await h.poll();
    h.expectNotification('SEV3 · Down');
  });

  it('snooze pauses my alarm and then it goes on, also across a restart', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev1');
    await h.poll();
    h.expectNotification('SEV1 · Down');
    h.expectPage('Down', 1);
    expect((await h.snooze('Down', 15)).until).toBe('2026-03-01T10:15:00.000Z');
    await h.advance(10 * MIN);
    await h.restart();
    await h.poll();
    await h.advance(4 * MIN + 59_000);
    await h.advance(1_000);
    h.expectNotification(/Still firing: SEV1 · Down[\s\S]*Repeat 1:/);
    await h.advance(MIN);
    h.expectNotification(/Repeat 2:/);
  });

  it('refuses to snooze an alert that neither repeats nor escalates, saying why', async () => {
    h = await startEscalationHarness();
    h.fire('Info', 'sev4');
    await h.poll();
    await expect(h.snooze('Info', 15)).rejects.toThrow(
      /prod:Info has no alarm repeating and no escalation step pending/,
    );
  });

  it('do-not-disturb silences all but sev1, keeps the rhythm, and the alarm is heard after it', async () => {
    h = await startEscalationHarness();
    await h.doNotDisturb(true, 30);
    h.fire('Slow', 'sev2');
    h.fire('Down', 'sev1');
    await h.poll();
    h.expectNotification('SEV1 · Down');
    h.expectPage('Down', 1);
    await h.advance(MIN);
    h.expectNotification(/Still firing: SEV1 · Down[\s\S]*Repeat 1:/);
    await h.assertNoUnexpected(); // nothing of the sev2 while do-not-disturb holds
    for (let i = 2; i <= 29; i++) {
      await h.advance(MIN);
      h.expectNotification(new RegExp(`Still firing: SEV1 · Down[\\s\\S]*Repeat ${i}:`));
    }
    await h.assertNoUnexpected(); // the sev2's five repeats so far passed without a sound
    // 30 min: do-not-disturb is over, and the sev2's repeat due now is heard, numbered on.
    await h.advance(MIN);
    h.expectNotification(/SEV1 · Down[\s\S]*Repeat 30:/);
    expect(h.expectNotification(/Still firing: SEV2 · Slow/).body).toContain('Repeat 6:');
  });

  it('tells the page which alarms ring: a sev1 until snoozed, again when the snooze ends, not after a teammate’s silence', async () => {
    h = await startEscalationHarness();
    h.fire('Down', 'sev1');
    h.fire('Slow', 'sev2'); // repeats too, but only a sev1 rings in the page
    await h.poll();
    h.expectNotification('SEV1 · Down');
    h.expectNotification('SEV2 · Slow');
    h.expectPage('Down', 1);
    expect(h.alarms).toEqual([['prod:Down']]);
    await h.snooze('Down', 15);
    expect(h.alarms.at(-1)).toEqual([]);
    await h.advance(15 * MIN);
    h.expectNotification(/Still firing: SEV1 · Down/);
    h.expectNotification(/Still firing: SEV2 · Slow[\s\S]*Repeat 1 /);
    expect(h.alarms.at(-1)).toEqual(['prod:Down']);
    h.ack('Down', 'teammate');
    await h.poll();
    expect(h.alarms).toEqual([['prod:Down'], [], ['prod:Down'], []]);
  });
});
