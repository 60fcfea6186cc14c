import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  formatUtc,
  renderStatusUpdate,
  STATUS_TEMPLATE_KINDS,
  type StatusUpdateInput,
} from '../../../../src/shared/templates/status-update';

const input: StatusUpdateInput = {
  title: 'Checkout errors',
  severityLabel: 'SEV2',
  phase: 'identified',
  impact: 'about 5% of checkouts fail',
  affectedServices: ['checkout', 'payments'],
  commander: 'Alice',
  startedAt: '2026-11-24T14:23:00.000Z',
  now: '2026-11-24T14:40:00.000Z',
  nextUpdateAt: '2026-11-24T15:10:00.000Z',
  message: 'The database connection pool is exhausted; a fix is being rolled out.',
  channel: '#inc-20261124-checkout-errors',
};

describe('status update templates', () => {
  it('fills the internal update with severity, phase, commander, impact, next update and channel', () => {
    const { body } = renderStatusUpdate('internal', input);
    expect(body).toContain('[SEV2] Checkout errors — Identified');
    expect(body).toContain('Started 2026-11-24 14:23 UTC · as of 14:40 UTC');
    expect(body).toContain('Incident Commander: Alice');
    expect(body).toContain('Impact: about 5% of checkouts fail');
    expect(body).toContain('Affected: checkout, payments');
    expect(body).toContain(input.message);
    expect(body).toContain('Next update by 15:10 UTC.');
    expect(body).toContain('#inc-20261124-checkout-errors');
  });

  it('says plainly when no commander is assigned and no message was written', () => {
    const { body } = renderStatusUpdate('internal', {
      ...input,
      commander: undefined,
      message: ' ',
    });
    expect(body).toContain('Incident Commander: not assigned yet');
    expect(body).toContain('(what changed since the last update)');
  });

  it('keeps internal details (commander, channel) off the status page', () => {
    const { body } = renderStatusUpdate('status-page', input);
    expect(body.startsWith('Identified — 2026-11-24 14:40 UTC')).toBe(true);
    expect(body).not.toContain('Alice');
    expect(body).not.toContain('#inc-');
    expect(body).toContain('Next update by 15:10 UTC.');
  });

  it('gives the customer email a subject and promises the next update with its date', () => {
    const email = renderStatusUpdate('customer-email', { ...input, workaround: 'pay by invoice' });
    expect(email.subject).toBe('Service disruption: Checkout errors (identified)');
    expect(email.body).toContain('Since 2026-11-24 14:23 UTC about 5% of checkouts fail.');
    expect(email.body).toContain('In the meantime: pay by invoice');
    expect(email.body).toContain('We will write again by 2026-11-24 15:10 UTC');
    expect(email.body).not.toContain('Alice');
  });

  it('keeps the full stop the impact was typed with, without doubling it', () => {
    const typed = { ...input, message: '', impact: 'about 5% of checkouts fail.' };
    expect(renderStatusUpdate('status-page', typed).body).toContain(
      'We are looking into a problem: about 5% of checkouts fail.\n',
    );
    expect(
      renderStatusUpdate('customer-email', { ...typed, impact: 'checkouts fail!' }).body,
    ).toContain('Since 2026-11-24 14:23 UTC checkouts fail!\n');
    for (const kind of STATUS_TEMPLATE_KINDS) {
      expect(renderStatusUpdate(kind, typed).body).not.toMatch(/\.\./);
    }
  });

  it('promises no next update once resolved', () => {
    for (const kind of STATUS_TEMPLATE_KINDS) {
      const { body } = renderStatusUpdate(kind, { ...input, phase: 'resolved' });
      expect(body).not.toMatch(/next update|write again/i);
    }
  });

  it('writes a resolution notice with its own subject', () => {
    const notice = renderStatusUpdate('resolution', { ...input, phase: 'resolved', message: '' });
    expect(notice.subject).toBe('Resolved: Checkout errors');
    expect(notice.body).toContain('Resolved — 2026-11-24 14:40 UTC');
    expect(notice.body).toContain('began 2026-11-24 14:23 UTC');
  });

  it('passes untrusted text through as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { body } = renderStatusUpdate('status-page', { ...input, message: hostile });
    expect(body).toContain(hostile);
  });

  it('formats instants in UTC whatever offset they were written with, and leaves garbage alone', () => {
    expect(formatUtc('2026-11-24T16:23:00+02:00')).toBe('2026-11-24 14:23 UTC');
    expect(formatUtc('not a time')).toBe('not a time');
  });
});

describe('times in the writer’s zone', () => {
  it('writes every time on the zone’s clock and names the zone', () => {
    const { body } = renderStatusUpdate('internal', {
      title: 'Checkout errors',
      severityLabel: 'SEV2',
      phase: 'investigating',
      impact: '',
      affectedServices: [],
      startedAt: '2026-12-04T15:56:29Z',
      now: '2026-12-04T16:21:00Z',
      nextUpdateAt: '2026-12-04T16:51:00Z',
      message: 'Rolled back.',
      timeZone: 'Europe/Berlin',
    });
    expect(body).toContain('Started 2026-12-04 16:56 Europe/Berlin · as of 17:21 Europe/Berlin');
    expect(body).toContain('Next update by 17:51 Europe/Berlin.');
    expect(formatInZone('2026-12-04T15:56:00Z', 'Z')).toBe('2026-12-04 15:56 UTC');
  });
});
