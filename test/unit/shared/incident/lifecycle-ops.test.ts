import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  changeSeverity,
  correctTime,
  postStatusUpdate,
  setLifecycle,
  setStatusCadence,
  updateDetails,
} from '../../../../src/shared/incident/lifecycle-ops';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import { tickCheck } from '../../../../src/shared/incident/team-ops';
import { at, newIncident, refusal, updatesDuring } from './incident-fixtures';

const lastEntry = (doc: Y.Doc) => readIncident(doc).timeline.at(-1);
const iso = (minutes: number) =>
  new Date(Date.parse('2025-03-04T14:30:00Z') + minutes * 60_000).toISOString();

function tickClosure(doc: Y.Doc, minutes = 60): void {
  for (const item of readIncident(doc).closure.items) {
    tickCheck(doc, { itemId: item.id }, at(minutes));
  }
}

describe('changeSeverity', () => {
  it('changes the severity on the timeline, with the reason, in the team’s words', () => {
    const doc = newIncident();
    expect(
      changeSeverity(
        doc,
        { severity: 'sev1', reason: 'all regions now' },
        at(3, 'bob', { severityScale: 'p1-p4' }),
      ),
    ).toEqual({ changed: true });
    expect(readIncident(doc).severity).toBe('sev1');
    expect(lastEntry(doc)).toMatchObject({
      kind: 'severity',
      text: 'Severity P2 → P1: all regions now',
      author: 'bob',
    });
    expect(changeSeverity(doc, { severity: 'sev1' }, at(4))).toEqual({ changed: false });
  });

  it('brings the next update forward when the new cadence is shorter, never back', () => {
    const doc = newIncident(); // sev2: next update due 15:00
    changeSeverity(doc, { severity: 'sev1' }, at(3)); // 14:33 + 15 = 14:48
    expect(readIncident(doc)).toMatchObject({
      statusCadenceMinutes: 15,
      nextUpdateDueAt: iso(18),
    });
    changeSeverity(doc, { severity: 'sev3' }, at(4)); // 2 h cadence, but 14:48 stays
    expect(readIncident(doc)).toMatchObject({
      statusCadenceMinutes: 120,
      nextUpdateDueAt: iso(18),
    });
  });

  it('drops the next update at a severity without a cadence, and schedules one again above it', () => {
    const doc = newIncident();
    changeSeverity(doc, { severity: 'sev4' }, at(1));
    expect(readIncident(doc).nextUpdateDueAt).toBeUndefined();
    changeSeverity(doc, { severity: 'sev2' }, at(2));
    expect(readIncident(doc).nextUpdateDueAt).toBe(iso(32));
  });

  it('makes severity-limited checklist items (not) required', () => {
    const doc = newIncident({ severity: 'sev3' });
    const statusPage = () =>
      readIncident(doc).closure.items.find((i) => i.id === 'closure.status-page');
    expect(statusPage()?.required).toBe(false);
    changeSeverity(doc, { severity: 'sev2' }, at(1));
    expect(statusPage()?.required).toBe(true);
  });
});

describe('setLifecycle', () => {
  it('moves investigating → mitigated → resolved → closed, stamping each time', () => {
    const doc = newIncident();
    setLifecycle(doc, { status: 'mitigated', note: 'rolled back' }, at(10));
    expect(lastEntry(doc)).toMatchObject({
      kind: 'status',
      text: 'Status: investigating → mitigated: rolled back',
    });
    // Mitigating does not push back the update already owed (15:00).
    expect(readIncident(doc).nextUpdateDueAt).toBe(iso(30));
    setLifecycle(doc, { status: 'resolved' }, at(20));
    tickClosure(doc, 80);
    setLifecycle(doc, { status: 'closed' }, at(90, 'bob'));
    const incident = readIncident(doc);
    expect(incident.status).toBe('closed');
    expect(incident.times).toMatchObject({
      mitigatedAt: iso(10),
      resolvedAt: iso(20),
      closedAt: iso(90),
    });
    expect(incident.nextUpdateDueAt).toBeUndefined();
  });

  it('stamps skipped milestones too', () => {
    const doc = newIncident();
    setLifecycle(doc, { status: 'resolved' }, at(10));
    expect(readIncident(doc).times).toMatchObject({ mitigatedAt: iso(10), resolvedAt: iso(10) });
  });

  it('refuses to close while the closure checklist is open, naming what is missing', () => {
    const doc = newIncident({ severity: 'sev3' });
    setLifecycle(doc, { status: 'resolved' }, at(10));
    tickCheck(doc, { itemId: 'closure.stable' }, at(70));
    tickCheck(doc, { itemId: 'closure.fix-verified' }, at(70));
    const error = refusal(() => setLifecycle(doc, { status: 'closed' }, at(71)));
    expect(error.code).toBe('closure-incomplete');
    // At sev3 the status page and post-mortem are not required.
    expect(error.missing).toEqual([
      { id: 'closure.root-cause', text: 'The root cause is understood' },
      { id: 'closure.stakeholders', text: 'Stakeholders know the incident is resolved' },
    ]);
    expect(error.message).toBe(
      'The incident cannot be closed yet. Still open on the closure checklist: The root cause is understood; Stakeholders know the incident is resolved.',
    );
    expect(readIncident(doc).status).toBe('resolved');
    expect(updatesDuring(doc, () => setLifecycle(doc, { status: 'closed' }, at(71)))).toBe(0);
    tickCheck(doc, { itemId: 'closure.root-cause' }, at(72));
    tickCheck(doc, { itemId: 'closure.stakeholders' }, at(72));
    expect(setLifecycle(doc, { status: 'closed' }, at(73))).toEqual({ changed: true });
  });

  it('reopens: clears later milestones, resets the closure list, and owes updates again', () => {
    const doc = newIncident();
    setLifecycle(doc, { status: 'resolved' }, at(10));
    tickClosure(doc, 70);
    setLifecycle(doc, { status: 'closed' }, at(75));
    setLifecycle(doc, { status: 'investigating', note: 'errors are back' }, at(100, 'bob'));
    const incident = readIncident(doc);
    expect(incident.status).toBe('investigating');
    expect(incident.times.mitigatedAt).toBeUndefined();
    expect(incident.times.resolvedAt).toBeUndefined();
    expect(incident.times.closedAt).toBeUndefined();
    expect(incident.closure.complete).toBe(false);
    expect(incident.closure.items.every((i) => i.done === undefined)).toBe(true);
    expect(incident.nextUpdateDueAt).toBe(iso(130));
    expect(lastEntry(doc)?.text).toBe(
      'Reopened: closed → investigating (was mitigated 2025-03-04 14:40 UTC, resolved 2025-03-04 14:40 UTC, closed 2025-03-04 15:45 UTC); closure checklist reset: errors are back',
    );
  });

  it('keeps the closure list when only going back from closed to resolved', () => {
    const doc = newIncident();
    setLifecycle(doc, { status: 'resolved' }, at(10));
    tickClosure(doc, 70);
    setLifecycle(doc, { status: 'closed' }, at(75));
    setLifecycle(doc, { status: 'resolved' }, at(76));
    const incident = readIncident(doc);
    expect(incident.closure.complete).toBe(true);
    expect(incident.times.resolvedAt).toBe(iso(10));
    expect(incident.nextUpdateDueAt).toBeUndefined();
  });

  it('changes nothing for the same status', () => {
    const doc = newIncident();
    expect(setLifecycle(doc, { status: 'investigating' }, at(1))).toEqual({ changed: false });
    expect(refusal(() => setLifecycle(doc, { status: 'done' as never }, at(1))).code).toBe(
      'invalid',
    );
  });
});

describe('correctTime', () => {
  it('corrects a milestone from a typed time, recording old and new', () => {
    const doc = newIncident();
    expect(correctTime(doc, { field: 'detectedAt', time: '14:12' }, at(5, 'kim'))).toEqual({
      changed: true,
      at: '2025-03-04T14:12:00.000Z',
    });
    expect(readIncident(doc).times.detectedAt).toBe('2025-03-04T14:12:00.000Z');
    expect(lastEntry(doc)).toMatchObject({
      kind: 'note',
      auto: true,
      author: 'kim',
      at: iso(5),
      text: 'Corrected the detected time: 2025-03-04 14:30 UTC → 2025-03-04 14:12 UTC',
    });
  });

  it('sets a time that was not known yet, and takes ISO instants', () => {
    const doc = newIncident();
    correctTime(doc, { field: 'acknowledgedAt', time: '2025-03-04T14:20:30Z' }, at(5));
    expect(lastEntry(doc)?.text).toBe('Set the acknowledged time to 2025-03-04 14:20:30 UTC');
  });

  it('reads a time of day next to the time it corrects, even a day later', () => {
    const doc = newIncident();
    setLifecycle(doc, { status: 'mitigated' }, at(10)); // 14:40 on the 4th
    // Corrected the next day at 15:30: 14:45 means the 4th (next to 14:40), not the 5th's
    // 14:45, which is the most recent one.
    correctTime(doc, { field: 'mitigatedAt', time: '14:45' }, at(25 * 60));
    expect(readIncident(doc).times.mitigatedAt).toBe('2025-03-04T14:45:00.000Z');
  });

  it('refuses milestones not reached, bad times, and changes nothing for the same time', () => {
    const doc = newIncident();
    expect(
      refusal(() => correctTime(doc, { field: 'resolvedAt', time: '14:00' }, at(1))).code,
    ).toBe('not-reached');
    expect(
      refusal(() => correctTime(doc, { field: 'detectedAt', time: '2:23pm' }, at(1))).code,
    ).toBe('bad-time');
    expect(
      refusal(() => correctTime(doc, { field: 'detectedAt', time: '2025-03-05T00:00:00Z' }, at(1)))
        .message,
    ).toMatch(/in the future/);
    expect(correctTime(doc, { field: 'declaredAt', time: '14:30' }, at(1))).toEqual({
      changed: false,
      at: '2025-03-04T14:30:00.000Z',
    });
  });

  it('reads typed times in the person’s time zone', () => {
    const doc = newIncident();
    correctTime(
      doc,
      { field: 'detectedAt', time: '15:10' },
      at(5, 'kim', { timeZone: 'Europe/Berlin' }),
    );
    expect(readIncident(doc).times.detectedAt).toBe('2025-03-04T14:10:00.000Z');
  });
});

describe('postStatusUpdate', () => {
  it('records the update and sets the next one due one cadence from now', () => {
    const doc = newIncident();
    const result = postStatusUpdate(
      doc,
      { text: 'Rolled back, errors dropping', audience: 'status-page', phase: 'monitoring' },
      at(12, 'carol'),
    );
    expect(result).toEqual({ id: expect.any(String), nextUpdateDueAt: iso(42) });
    const incident = readIncident(doc);
    expect(incident.lastUpdateAt).toBe(iso(12));
    expect(incident.nextUpdateDueAt).toBe(iso(42));
    expect(incident.timeline.at(-1)).toMatchObject({
      id: result.id,
      kind: 'update',
      auto: false,
      author: 'carol',
      text: 'Status update (status page, monitoring): Rolled back, errors dropping',
    });
  });

  it('owes no further update once resolved, or at a severity without a cadence', () => {
    const doc = newIncident();
    setLifecycle(doc, { status: 'resolved' }, at(30));
    expect(
      postStatusUpdate(doc, { text: 'Resolved', audience: 'resolution' }, at(31)),
    ).not.toHaveProperty('nextUpdateDueAt');
    const low = newIncident({ severity: 'sev4' });
    postStatusUpdate(low, { text: 'Known, ticket filed' }, at(1));
    expect(readIncident(low).nextUpdateDueAt).toBeUndefined();
    expect(lastEntry(low)?.text).toBe('Status update: Known, ticket filed');
  });

  it('refuses a text still holding the placeholder for the news, and keeps the countdown', () => {
    const doc = newIncident();
    const before = readIncident(doc);
    const text = '[SEV2] Checkout slow — Identified\n\n(what changed since the last update)';
    expect(refusal(() => postStatusUpdate(doc, { text }, at(12)))).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(
        /^Not posted: the text still says “\(what changed since the last update\)”\. Write what changed/,
      ),
    });
    expect(readIncident(doc)).toEqual(before);
  });
});

describe('setStatusCadence', () => {
  it('sets the cadence and the next update; null schedules none', () => {
    const doc = newIncident();
    expect(setStatusCadence(doc, { minutes: 10 }, at(2))).toEqual({ nextUpdateDueAt: iso(12) });
    expect(readIncident(doc).statusCadenceMinutes).toBe(10);
    expect(lastEntry(doc)?.text).toBe('Status updates every 10 min; next due 2025-03-04 14:42 UTC');
    expect(setStatusCadence(doc, { minutes: null }, at(3))).toEqual({});
    expect(readIncident(doc)).toMatchObject({ statusCadenceMinutes: null });
    expect(readIncident(doc).nextUpdateDueAt).toBeUndefined();
    expect(refusal(() => setStatusCadence(doc, { minutes: 0 }, at(3))).code).toBe('invalid');
  });
});

describe('updateDetails', () => {
  it('changes title, impact and channel; title and impact go on the timeline', () => {
    const doc = newIncident();
    updateDetails(
      doc,
      { title: 'Checkout down in EU', impact: 'EU customers cannot pay', channel: '#inc-eu' },
      at(4),
    );
    const incident = readIncident(doc);
    expect(incident).toMatchObject({
      title: 'Checkout down in EU',
      impact: 'EU customers cannot pay',
      channel: '#inc-eu',
    });
    expect(incident.timeline.slice(-2).map((e) => e.text)).toEqual([
      'Title: Checkout down in EU',
      'Impact: EU customers cannot pay',
    ]);
    expect(updateDetails(doc, { title: 'Checkout down in EU' }, at(5))).toEqual({ changed: false });
    expect(refusal(() => updateDetails(doc, {}, at(5))).code).toBe('invalid');
  });

  it('changes the services by adding and removing names', () => {
    const doc = newIncident({ affectedServices: ['checkout', 'cart'] });
    updateDetails(doc, { affectedServices: ['cart', 'payments', 'payments'] }, at(4));
    expect(readIncident(doc).affectedServices).toEqual(['cart', 'payments']);
    expect(lastEntry(doc)?.text).toBe('Affected services: cart, payments');
    expect(updateDetails(doc, { affectedServices: ['payments', 'cart'] }, at(5))).toEqual({
      changed: false,
    });
    updateDetails(doc, { affectedServices: [] }, at(6));
    expect(readIncident(doc).affectedServices).toEqual([]);
  });
});
