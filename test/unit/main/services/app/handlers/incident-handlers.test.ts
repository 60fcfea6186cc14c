import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertId } from '../../../../../../src/shared/domain/alert';
import {
  APP_SERVICES_SUITE,
  NOW,
  checkoutAlert,
  timelineOf,
  useAppServicesKit,
} from '../app-services-kit';

describe('incident calls', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { settingsFile, startApp, call, value, ofChannel, startWithAlerts, journalOf } = kit;

  it('declares from current alerts, on disk before it answers, and pushes the incident and the list', async () => {
    await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert);

    const { incident, warning } = await value('incident:declare', {
      alertIds: [alertId('prod', 'c1')],
    });

    expect(warning).toBeUndefined();
    expect(incident.id).toMatch(/^inc-20260301-020000-[0-9a-f]{4}$/);
    expect(incident).toMatchObject({
      title: 'HighErrorRate',
      severity: 'sev1',
      affectedServices: ['checkout'],
      createdBy: 'Ana',
    });
    expect(timelineOf({ incident })).toEqual([
      'Alert fired: HighErrorRate',
      'Declared SEV1: HighErrorRate',
    ]);
    expect(fs.readFileSync(journalOf(incident.id)).includes('Alert fired: HighErrorRate')).toBe(
      true,
    );
    expect(ofChannel('incident:patched').map((e) => e.payload.id)).toEqual([incident.id]);
    expect(
      ofChannel('incidents:changed')
        .at(-1)
        ?.payload.incidents.map((i) => i.id),
    ).toEqual([incident.id]);
    expect(await value('incident:get', { id: incident.id })).toEqual({ incident });
  });

  it('refuses alert ids it does not know, naming them, and declares nothing', async () => {
    await startWithAlerts({}, checkoutAlert);

    const result = await call('incident:declare', {
      alertIds: [alertId('prod', 'c1'), 'prod:gone', 'other:nope'],
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-found');
    expect(result.error.message).toContain('"prod:gone", "other:nope"');
    expect(result.error.issues).toEqual(['prod:gone', 'other:nope']);
    expect((await value('incidents:list', {})).incidents).toEqual([]);
    expect(ofChannel('incident:patched')).toEqual([]);
  });

  it("declares with the product's defaults, and says why, when the team's defaults do not resolve", async () => {
    // Settings may hold this (each field is valid) but it leaves no role at all.
    await startWithAlerts({
      incidents: { omitRoles: ['ic', 'tech-lead', 'comms-lead', 'scribe'] },
    });

    const declared = await value('incident:declare', { title: 'DNS flapping', severity: 'sev2' });

    expect(declared.warning).toMatch(/team's incident defaults in settings could not be used/);
    expect(declared.warning).toMatch(/roles/);
    expect(declared.incident.roles.map((r) => r.id)).toEqual([
      'ic',
      'tech-lead',
      'comms-lead',
      'scribe',
    ]);
  });

  it('saves the profile and the team defaults, and uses them for the next incident', async () => {
    await startWithAlerts();

    const saved = await value('settings:update', {
      profile: { name: 'Ana Lima', timeZone: 'Europe/Lisbon' },
      incidents: { statusCadenceMinutes: { sev2: 20 } },
    });
    expect(saved.settings.profile).toEqual({ name: 'Ana Lima', timeZone: 'Europe/Lisbon' });
    const onDisk = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
    expect(onDisk.profile).toEqual({ name: 'Ana Lima', timeZone: 'Europe/Lisbon' });
    expect(onDisk.incidents).toEqual({ statusCadenceMinutes: { sev2: 20 } });

    const { incident } = await value('incident:declare', {
      title: 'Slow search',
      severity: 'sev2',
    });
    expect(incident.createdBy).toBe('Ana Lima');
    expect(incident.statusCadenceMinutes).toBe(20);
    expect(incident.nextUpdateDueAt).toBe('2026-03-01T02:20:00.000Z');
    // 02:00 UTC is already the 1st in Lisbon; the channel carries the local date.
    expect(incident.channel).toContain('20260301');
  });

  it('incident:change answers its version, pushes only the entry, and incident:load goes on from it', async () => {
    await startWithAlerts({ profile: { name: 'Ana' } });
    const { incident } = await value('incident:declare', { title: 'Checkout', severity: 'sev2' });
    const answer = await value('incident:change', {
      id: incident.id,
      op: { type: 'timeline.add', args: { text: 'Rolled back' } },
    });
    expect(answer).toEqual({ changed: true, createdId: answer.createdId, version: 2 });
    const pushed = ofChannel('incident:patched').at(-1)?.payload;
    expect(pushed).toMatchObject({ version: 2, base: 1 });
    expect(pushed?.timeline.upserted.map((e) => e.text)).toEqual(['Rolled back']);
    const loaded = await value('incident:load', { id: incident.id });
    expect(loaded.version).toBe(2);
    expect(loaded.incident.timeline.map((e) => e.text)).toContain('Rolled back');
  });

  it('applies a change as the profile person; a refused close says what is missing and changes nothing', async () => {
    await startWithAlerts({ profile: { name: 'Ana' } });
    const { incident } = await value('incident:declare', { title: 'Checkout', severity: 'sev2' });
    kit.now = new Date(NOW.getTime() + 60_000);

    const added = await value('incident:apply', {
      id: incident.id,
      op: { type: 'timeline.add', args: { text: 'Rolled back', time: '02:00:30' } },
    });
    expect(added.changed).toBe(true);
    expect(added.incident.timeline.find((e) => e.id === added.createdId)).toMatchObject({
      text: 'Rolled back',
      author: 'Ana',
      at: '2026-03-01T02:00:30.000Z',
    });
    // Only the new entry is pushed, not the whole timeline.
    expect(ofChannel('incident:patched').at(-1)?.payload.timeline).toEqual({
      upserted: added.incident.timeline.filter((e) => e.id === added.createdId),
      removed: [],
    });
    const eventsBefore = kit.events.length;
    const fileBefore = fs.readFileSync(journalOf(incident.id));

    const refused = await call('incident:apply', {
      id: incident.id,
      op: { type: 'lifecycle.set', args: { status: 'closed' } },
    });

    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('bad-request');
    expect(refused.error.message).toMatch(/cannot be closed yet/);
    expect(refused.error.issues).toContain('closure.root-cause: The root cause is understood');
    expect(fs.readFileSync(journalOf(incident.id)).equals(fileBefore)).toBe(true);
    expect(kit.events).toHaveLength(eventsBefore);
    expect((await value('incident:get', { id: incident.id })).incident).toEqual(added.incident);

    const missing = await call('incident:apply', {
      id: 'inc-20990101-000000-0000',
      op: { type: 'timeline.add', args: { text: 'x' } },
    });
    expect(missing.ok ? 'applied' : missing.error.code).toBe('not-found');
    const noItem = await call('incident:apply', {
      id: incident.id,
      op: { type: 'check.tick', args: { itemId: 'no.such-item' } },
    });
    expect(noItem.ok ? 'applied' : noItem.error.code).toBe('not-found');
  });

  it('dismisses a record problem: hidden and pushed, the record untouched, still unavailable', async () => {
    startApp({});
    const { incident } = await value('incident:declare', { title: 'Damaged', severity: 'sev2' });
    await kit.services?.stop();
    const damaged = fs.readFileSync(journalOf(incident.id));
    damaged[12] = (damaged[12] as number) ^ 0x04; // the header's CRC fails
    fs.writeFileSync(journalOf(incident.id), damaged);

    startApp(null);
    kit.stopped = false;
    const [problem] = (await value('incidents:list', {})).problems;
    expect(problem).toMatchObject({ incidentId: incident.id, unreadable: true });
    const unknown = await call('incidents:dismissProblem', { id: `${problem?.id ?? ''}:other` });
    expect(unknown.ok ? 'dismissed' : unknown.error.code).toBe('not-found');
    kit.events = [];

    const answer = await value('incidents:dismissProblem', { id: problem?.id ?? '' });

    expect(answer.problems).toEqual([]);
    expect(ofChannel('incidents:changed').at(-1)?.payload).toEqual(answer);
    expect(await value('incidents:list', {})).toEqual(answer);
    const get = await call('incident:get', { id: incident.id });
    expect(get.ok ? 'opened' : get.error).toEqual({
      code: 'unavailable',
      message: problem?.message,
    });
    expect(fs.readFileSync(journalOf(incident.id)).equals(damaged)).toBe(true);
  });
});
