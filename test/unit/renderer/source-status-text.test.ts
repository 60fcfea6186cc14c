import { describe, expect, it } from 'vitest';
import { describeSourceStatus } from '../../../src/renderer/features/alerts/source-status-text';
import { source } from './fixtures';

const now = new Date(2025, 2, 4, 14, 30, 0).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe('describeSourceStatus', () => {
  it('ok: when it last polled and how many alerts it has', () => {
    const text = describeSourceStatus(
      source('prod', { lastSuccessAt: iso(now - 10_000), activeAlerts: 3 }),
      now,
    );
    expect(text).toMatchObject({
      tone: 'ok',
      label: 'ok',
      detail: 'last poll 10 s ago · 3 active',
      reason: undefined,
    });
  });

  it('ok with a reason: what is wrong while alerts still flow (a cluster member down)', () => {
    const reason = '1 of 2 members answer; cannot connect to http://am-2:9093: connection refused';
    const text = describeSourceStatus(
      source('prod', { lastSuccessAt: iso(now - 10_000), activeAlerts: 3, reason }),
      now,
    );
    expect(text).toMatchObject({ tone: 'ok', label: 'ok', reason });
  });

  it('failing: the reason, since when, how many attempts, and when it retries', () => {
    const text = describeSourceStatus(
      source('prod', {
        health: 'failing',
        reason: 'Connection refused at http://prod.example:9093',
        failingSince: iso(new Date(2025, 2, 4, 14, 2).getTime()),
        failures: 5,
        nextAttemptAt: iso(now + 20_000),
      }),
      now,
    );
    expect(text).toEqual({
      tone: 'failing',
      label: 'failing',
      detail: 'failing since 14:02 (5 attempts), retrying in 20 s',
      reason: 'Connection refused at http://prod.example:9093',
      defaultNote: undefined,
    });
  });

  it('failing once, retry due', () => {
    const text = describeSourceStatus(
      source('prod', {
        health: 'failing',
        failingSince: iso(now - 1000),
        failures: 1,
        nextAttemptAt: iso(now - 1),
      }),
      now,
    );
    expect(text.detail).toBe('failing since 14:29 (1 attempt), retrying now');
  });

  it('pending and disabled', () => {
    expect(describeSourceStatus(source('p', { health: 'pending' }), now)).toMatchObject({
      tone: 'pending',
      detail: 'waiting for the first poll',
    });
    expect(describeSourceStatus(source('d', { health: 'disabled' }), now).tone).toBe('disabled');
  });

  it('the default source says that none is configured and what to do', () => {
    const text = describeSourceStatus(
      source('alertmanager', {
        isDefault: true,
        url: 'http://127.0.0.1:9093',
        health: 'failing',
        failures: 2,
      }),
      now,
    );
    expect(text.defaultNote).toBe(
      "No source configured — watching Alertmanager's default address http://127.0.0.1:9093. Add yours in Settings.",
    );
  });
});
