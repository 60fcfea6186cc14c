import { describe, expect, it } from 'vitest';
import {
  blankDraft,
  draftsFrom,
  errorsFromIssues,
  keptSources,
  newSourceId,
  sourcesRequest,
} from '../../../src/renderer/features/settings/settings-form';
import { settingsSchema } from '../../../src/shared/domain/settings';
import { invokeContract } from '../../../src/shared/ipc/contract';
import { describeIssues } from '../../../src/shared/domain/settings';

describe('newSourceId', () => {
  it('makes a slug of the name, unique among the taken ids', () => {
    expect(newSourceId('Production EU', new Set())).toBe('production-eu');
    expect(newSourceId('Prod', new Set(['prod', 'prod-2']))).toBe('prod-3');
    expect(newSourceId('  ***  ', new Set())).toBe('source');
    expect(newSourceId('Zürich', new Set())).toBe('zurich');
  });
});

describe('sourcesRequest', () => {
  const settings = settingsSchema.parse({
    sources: [
      {
        kind: 'alertmanager',
        id: 'prod',
        name: 'Prod',
        url: 'http://am:9093',
        intervalSeconds: 30,
        timeoutSeconds: 5,
      },
    ],
  });

  it('keeps saved ids and untouched fields, makes ids for new sources, and passes the contract', () => {
    const drafts = [
      ...draftsFrom(settings),
      { ...blankDraft('new:1'), name: 'Prod', url: 'https://am2.example' },
    ];
    const { sources, errors } = sourcesRequest(drafts);
    expect(errors).toEqual({ fields: {}, other: [] });
    expect(sources).toEqual([
      {
        kind: 'alertmanager',
        id: 'prod',
        name: 'Prod',
        url: 'http://am:9093',
        intervalSeconds: 30,
        timeoutSeconds: 5,
        enabled: true,
      },
      {
        kind: 'alertmanager',
        id: 'prod-2',
        name: 'Prod',
        url: 'https://am2.example',
        intervalSeconds: 15,
        enabled: true,
      },
    ]);
    expect(invokeContract['settings:update'].request.safeParse({ sources }).success).toBe(true);
  });

  it.each(['1.5', 'abc', '', '1', '3601', '99999999999'])(
    'refuses the interval "%s" before asking the app, with the schema\'s bounds',
    (interval) => {
      const drafts = [{ ...blankDraft('n'), name: 'A', url: 'http://a', interval }];
      expect(sourcesRequest(drafts).errors.fields).toEqual({
        'sources.0.intervalSeconds': 'Enter whole seconds, from 2 to 3600.',
      });
    },
  );

  it('sends a source of a kind the form does not edit back unchanged, so saving keeps it', () => {
    const withPagerduty = settingsSchema.parse({
      sources: [
        ...settings.sources,
        { kind: 'pagerduty', id: 'pd', name: 'PagerDuty', fromEmail: 'ada@example.com' },
      ],
    });
    const drafts = draftsFrom(withPagerduty);
    expect(drafts.map((d) => d.id)).toEqual(['prod']);
    const { sources } = sourcesRequest(
      [...drafts, { ...blankDraft('new:1'), name: 'PD', url: 'http://am3' }],
      keptSources(withPagerduty),
    );
    expect(sources.map((s) => [s.kind, s.id])).toEqual([
      ['alertmanager', 'prod'],
      ['alertmanager', 'pd-2'],
      ['pagerduty', 'pd'],
    ]);
    expect(sources[2]).toEqual(withPagerduty.sources[1]);
  });

  it('accepts the bounds themselves', () => {
    for (const interval of ['2', ' 3600 ']) {
      const drafts = [{ ...blankDraft('n'), name: 'A', url: 'http://a', interval }];
      expect(sourcesRequest(drafts).errors.fields).toEqual({});
    }
  });
});

describe('errorsFromIssues', () => {
  it('places the issues the app answers next to their fields', () => {
    // The very issues the dispatcher produces for a bad settings:update.
    const parsed = invokeContract['settings:update'].request.safeParse({
      sources: [
        { kind: 'alertmanager', id: 'ok', name: 'Fine', url: 'http://fine' },
        { kind: 'alertmanager', id: 'bad id!', name: '', url: 'ftp://x', intervalSeconds: 1 },
      ],
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : describeIssues(parsed.error);
    const errors = errorsFromIssues(issues);
    expect(Object.keys(errors.fields).sort()).toEqual([
      'sources.1.intervalSeconds',
      'sources.1.name',
      'sources.1.url',
    ]);
    expect(errors.fields['sources.1.url']).toBe('must be an http:// or https:// URL');
    expect(errors.other).toEqual([]);
  });

  it('keeps the first message per field and lists what has no field', () => {
    expect(
      errorsFromIssues([
        'sources.0.id: duplicate source id "prod"; each source needs its own id',
        'sources.0.name: Too small',
        'theme: Invalid option',
        'sources.0.timeoutSeconds: Too big',
      ]),
    ).toEqual({
      fields: { 'sources.0.name': 'duplicate source id "prod"; each source needs its own id' },
      other: ['theme: Invalid option', 'sources.0.timeoutSeconds: Too big'],
    });
  });
});
