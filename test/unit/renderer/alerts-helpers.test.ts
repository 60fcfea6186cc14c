import { describe, expect, it } from 'vitest';
import {
  matchesQuery,
  parseAlertQuery,
  type FilterContext,
} from '../../../src/renderer/features/alerts/alert-query';
import type { Alert } from '../../../src/shared/domain/alert';

const matchesFilter = (alert: Alert, query: string, context: FilterContext): boolean =>
  matchesQuery(alert, parseAlertQuery(query), context);
import {
  fieldEntries,
  keyLabels,
  runbookLink,
  sourceLink,
} from '../../../src/renderer/features/alerts/alert-fields';
import { summarise } from '../../../src/renderer/features/alerts/summary';
import { alert, source } from './fixtures';

const ctx = { sourceName: 'Production', severityText: 'SEV2', incidentIds: [] };

describe('matchesFilter', () => {
  const a = alert('HighLatency', {
    summary: 'p99 above 2s on checkout',
    labels: { alertname: 'HighLatency', service: 'checkout-api', env: 'prod' },
    annotations: { description: 'needle-in-annotation' },
  });

  it('matches everything when the query is empty or blank', () => {
    expect(matchesFilter(a, '', ctx)).toBe(true);
    expect(matchesFilter(a, '   ', ctx)).toBe(true);
  });

  it('matches title, summary, label values, an exact label=value or a label=~pattern, source, severity and status', () => {
    for (const q of [
      'highlat',
      'P99',
      'checkout-api',
      'env=prod',
      'service=checkout-api',
      'service=~check',
      'production',
      'sev2',
      'FIRING',
    ]) {
      expect(matchesFilter(a, q, ctx), q).toBe(true);
    }
  });

  it('needs every word to match somewhere', () => {
    expect(matchesFilter(a, 'checkout prod', ctx)).toBe(true);
    expect(matchesFilter(a, 'checkout staging', ctx)).toBe(false);
  });

  it('does not look into annotations (they are long free text)', () => {
    expect(matchesFilter(a, 'needle', ctx)).toBe(false);
  });
});

describe('alert fields', () => {
  it('picks service, instance, namespace, job in that order, skipping absent and empty ones', () => {
    const a = alert('X', {
      labels: { job: 'node', alertname: 'X', instance: 'db-1:9100', namespace: '', service: 'db' },
    });
    expect(keyLabels(a)).toEqual([
      { name: 'service', value: 'db' },
      { name: 'instance', value: 'db-1:9100' },
      { name: 'job', value: 'node' },
    ]);
  });

  it('offers links only for values that are a whole http(s) URL', () => {
    const entries = fieldEntries({
      runbook_url: ' https://runbooks.example/db#disk ',
      dashboard: 'http://grafana.example/d/1',
      evil: 'javascript:alert(1)',
      data: 'data:text/html,<script>alert(1)</script>',
      file: 'file:///etc/passwd',
      creds: 'https://user:pw@example.com/',
      prose: 'see https://runbooks.example/db for help',
      description: '<img src=x onerror=alert(1)>',
    });
    const links = Object.fromEntries(entries.map((e) => [e.name, e.link]));
    expect(links).toEqual({
      creds: undefined,
      dashboard: 'http://grafana.example/d/1',
      data: undefined,
      description: undefined,
      evil: undefined,
      file: undefined,
      prose: undefined,
      runbook_url: 'https://runbooks.example/db#disk',
    });
    // Description first, then by name; values untouched (they are rendered as text).
    expect(entries.map((e) => e.name)).toEqual([
      'description',
      ...Object.keys(links)
        .filter((n) => n !== 'description')
        .sort(),
    ]);
    expect(entries.find((e) => e.name === 'description')?.value).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('finds the runbook link under any runbook-ish name, only when it is http(s)', () => {
    expect(runbookLink(alert('X', { annotations: { runbook_url: 'https://rb.example/x' } }))).toBe(
      'https://rb.example/x',
    );
    expect(runbookLink(alert('X', { annotations: { 'Runbook URL': 'http://rb/x' } }))).toBe(
      'http://rb/x',
    );
    expect(
      runbookLink(alert('X', { annotations: { runbook: 'javascript:alert(1)' } })),
    ).toBeUndefined();
    expect(
      runbookLink(alert('X', { annotations: { dashboard: 'https://g.example' } })),
    ).toBeUndefined();
  });

  it('links the generator URL only when it is http(s)', () => {
    expect(sourceLink(alert('X', { url: 'http://prometheus:9090/graph?g0.expr=up' }))).toBe(
      'http://prometheus:9090/graph?g0.expr=up',
    );
    expect(sourceLink(alert('X', { url: 'javascript:void(0)' }))).toBeUndefined();
    expect(sourceLink(alert('X'))).toBeUndefined();
  });
});

describe('summarise (header)', () => {
  it('counts firing alerts and failing sources, coloured by the worst firing severity', () => {
    const summary = summarise(
      [
        alert('a', { severity: 'sev3' }),
        alert('b', { severity: 'sev2' }),
        alert('c', { severity: 'sev1', status: 'resolved' }),
        alert('d', { severity: 'sev1', status: 'suppressed' }),
        alert('e', { severity: 'sev4' }),
      ],
      [source('prod'), source('staging', { health: 'failing' })],
    );
    expect(summary).toEqual({
      text: '3 firing · 1 source failing',
      tone: 'sev2',
      firing: 3,
      failingSources: 1,
    });
  });

  it('says all clear only when every source answered', () => {
    expect(summarise([], [source('prod')])).toMatchObject({ text: 'All clear', tone: 'ok' });
    expect(
      summarise([], [source('a', { health: 'failing' }), source('b', { health: 'failing' })]),
    ).toMatchObject({ text: 'Nothing firing · 2 sources failing', tone: 'failing' });
    expect(summarise([], [source('a', { health: 'pending' })])).toMatchObject({
      text: 'Waiting for the first poll',
      tone: 'pending',
    });
  });
});
