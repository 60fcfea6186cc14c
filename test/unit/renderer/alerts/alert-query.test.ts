import { describe, expect, it } from 'vitest';
import {
  hasQueryTerm,
  matchesQuery,
  parseAlertQuery,
  toggleQueryTerm,
  type FilterContext,
} from '../../../../src/renderer/features/alerts/alert-query';
import type { Alert } from '../../../../src/shared/domain/alert';
import { alert } from '../fixtures';

const ctx: FilterContext = { sourceName: 'Production', severityText: 'SEV2', incidentIds: [] };
const crash = alert('KubePodCrashLooping', {
  labels: { alertname: 'KubePodCrashLooping', service: 'checkout', pod: 'checkout-7d9f1' },
});
const watchdog = alert('Watchdog', {
  severity: 'sev4',
  labels: { alertname: 'Watchdog', severity: 'none' },
});

function shown(query: string, alerts: Alert[] = [crash, watchdog], context = ctx): string[] {
  const parsed = parseAlertQuery(query);
  return alerts.filter((a) => matchesQuery(a, parsed, context)).map((a) => a.title);
}

describe('parseAlertQuery + matchesQuery', () => {
  it('= is exact, != hides, a label the alert lacks reads as empty', () => {
    expect(shown('service=checkout')).toEqual(['KubePodCrashLooping']);
    expect(shown('service=check')).toEqual([]);
    expect(shown('alertname!=Watchdog')).toEqual(['KubePodCrashLooping']);
    expect(shown('service!=checkout')).toEqual(['Watchdog']);
    expect(shown('service=')).toEqual(['Watchdog']);
  });

  it('=~ and !~ match a pattern anywhere in the value (RE2 syntax)', () => {
    expect(shown('pod=~^checkout-7d')).toEqual(['KubePodCrashLooping']);
    expect(shown('alertname=~Crash')).toEqual(['KubePodCrashLooping']);
    expect(shown('alertname!~Crash|Watch')).toEqual([]);
  });

  it('names a pattern it cannot compile or an unknown field, and keeps the other terms', () => {
    const parsed = parseAlertQuery('service=checkout pod=~( @colour=red');
    expect(parsed.errors).toEqual([
      expect.stringMatching(/^“\(” is not a valid pattern/),
      '@colour is not a field; use one of @state, @source, @severity, @incident',
    ]);
    expect(parsed.terms).toHaveLength(1);
    expect(shown('service=checkout pod=~(')).toEqual(['KubePodCrashLooping']);
  });

  it('refuses backtracking-only syntax instead of risking a hang', () => {
    expect(parseAlertQuery('pod=~(?=x)').errors).toHaveLength(1);
    // A pattern that is exponential in a backtracking engine stays quick on a long value.
    const long = alert('Long', { labels: { v: `${'a'.repeat(5000)}!` } });
    expect(shown('v=~^(a+)+$', [long])).toEqual([]);
  });

  it('reads quoted values with spaces', () => {
    const spaced = alert('Spaced', { labels: { team: 'core payments' } });
    expect(shown('team="core payments"', [spaced, crash])).toEqual(['Spaced']);
  });

  it('matches @state, @severity (either word), @source and @incident=none', () => {
    const silenced = alert('Quiet', {
      status: 'suppressed',
      silences: [
        {
          id: 's',
          createdBy: 'a',
          comment: 'c',
          startsAt: '2026-01-01T00:00:00Z',
          endsAt: '2026-01-01T01:00:00Z',
        },
      ],
    });
    expect(shown('@state=silenced', [crash, silenced])).toEqual(['Quiet']);
    expect(shown('@severity=sev4')).toEqual(['Watchdog']);
    expect(shown('@severity=SEV2', [crash])).toEqual(['KubePodCrashLooping']);
    expect(shown('@source=production', [crash])).toEqual(['KubePodCrashLooping']);
    expect(shown('@incident=none', [crash], { ...ctx, incidentIds: ['inc-1'] })).toEqual([]);
    expect(shown('@incident=none', [crash])).toEqual(['KubePodCrashLooping']);
  });

  it('free words still search title, labels, source and state', () => {
    expect(shown('crash prod')).toEqual(['KubePodCrashLooping']);
    expect(shown('firing')).toEqual(['KubePodCrashLooping', 'Watchdog']);
  });
});

describe('toggleQueryTerm', () => {
  it('adds a chip’s term, takes it out again, and quotes values that need it', () => {
    const on = toggleQueryTerm('crash', 'service', 'checkout');
    expect(on).toBe('crash service=checkout');
    expect(hasQueryTerm(on, 'service', 'checkout')).toBe(true);
    expect(toggleQueryTerm(on, 'service', 'checkout')).toBe('crash');
    const spaced = toggleQueryTerm('', 'team', 'core payments');
    expect(spaced).toBe('team="core payments"');
    expect(shown(spaced, [alert('S', { labels: { team: 'core payments' } })])).toEqual(['S']);
    expect(toggleQueryTerm(`a ${spaced} b`, 'team', 'core payments')).toBe('a b');
  });
});
