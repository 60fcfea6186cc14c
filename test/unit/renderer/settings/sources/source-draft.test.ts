import { describe, expect, it } from 'vitest';
import {
  draftOf,
  errorsFromIssues,
  newDraft,
  newSourceId,
  sourcesRequest,
} from '../../../../../src/renderer/features/settings/sources/source-draft';
import { describeIssues, settingsSchema } from '../../../../../src/shared/domain/settings';
import { sourceDefaults } from '../../../../../src/shared/domain/source';
import { invokeContract } from '../../../../../src/shared/ipc/contract';

const saved = settingsSchema.parse({
  sources: [
    {
      kind: 'alertmanager',
      id: 'prod',
      name: 'Prod',
      url: 'http://am:9093',
      intervalSeconds: 30,
      timeoutSeconds: 5,
      peerUrls: ['http://am-2:9093'],
      ackMinutes: 90,
      push: true,
      severityWords: { P1: 'sev1' },
    },
  ],
}).sources;

describe('newSourceId', () => {
  it('makes a slug of the name, unique among the taken ids', () => {
    expect(newSourceId('Production EU', new Set())).toBe('production-eu');
    expect(newSourceId('Prod', new Set(['prod', 'prod-2']))).toBe('prod-3');
    expect(newSourceId('  ***  ', new Set())).toBe('source');
    expect(newSourceId('Zürich', new Set())).toBe('zurich');
  });
});

describe('sourcesRequest', () => {
  it('saves a source unchanged when nothing was edited, every setting kept', () => {
    const { sources, errors } = sourcesRequest(saved.map(draftOf));
    expect(errors).toEqual({ fields: {}, other: [] });
    expect(sources).toEqual(saved);
  });

  it('lays the edits over the saved settings and makes ids for new sources', () => {
    const [prod] = saved.map(draftOf);
    if (!prod) throw new Error('no draft');
    const drafts = [
      { ...prod, values: { ...prod.values, peerUrls: 'http://am-2:9093,\nhttp://am-3:9093 ' } },
      {
        ...newDraft('new:1', 'alertmanager', sourceDefaults('alertmanager')),
        name: 'Prod',
        values: {
          ...newDraft('x', 'alertmanager', sourceDefaults('alertmanager')).values,
          url: 'https://am2.example',
        },
      },
    ];
    const { sources, errors } = sourcesRequest(drafts);
    expect(errors.fields).toEqual({});
    expect(sources[0]).toMatchObject({
      id: 'prod',
      peerUrls: ['http://am-2:9093', 'http://am-3:9093'],
      ackMinutes: 90,
      push: true,
      severityWords: { P1: 'sev1' },
    });
    expect(sources[1]).toMatchObject({
      kind: 'alertmanager',
      id: 'prod-2',
      name: 'Prod',
      url: 'https://am2.example',
      intervalSeconds: 15,
      ackMinutes: 60,
      push: false,
      enabled: true,
    });
    expect(invokeContract['settings:update'].request.safeParse({ sources }).success).toBe(true);
  });

  it.each(['1.5', 'abc', '-3', '99999999999'])(
    'refuses the interval "%s" before asking the app',
    (interval) => {
      const [prod] = saved.map(draftOf);
      if (!prod) throw new Error('no draft');
      const drafts = [{ ...prod, values: { ...prod.values, intervalSeconds: interval } }];
      expect(sourcesRequest(drafts).errors.fields).toEqual({
        'sources.0.intervalSeconds': 'Enter a whole number, such as 30.',
      });
    },
  );

  it('leaves out a number left empty, so its default applies', () => {
    const [prod] = saved.map(draftOf);
    if (!prod) throw new Error('no draft');
    const drafts = [{ ...prod, values: { ...prod.values, timeoutSeconds: '  ' } }];
    const { sources } = sourcesRequest(drafts);
    expect(sources[0]).not.toHaveProperty('timeoutSeconds');
    expect(settingsSchema.parse({ sources }).sources[0]?.timeoutSeconds).toBe(10);
  });

  it("writes the source's own severity words, without blank rows", () => {
    const [prod] = saved.map(draftOf);
    if (!prod) throw new Error('no draft');
    const words = [
      { word: ' disaster ', severity: 'sev1' as const },
      { word: '', severity: 'sev2' as const },
    ];
    expect(sourcesRequest([{ ...prod, words }]).sources[0]?.severityWords).toEqual({
      disaster: 'sev1',
    });
  });
});

describe('errorsFromIssues', () => {
  it('places the issues the app answers next to their fields, list items at their list', () => {
    // The very issues the dispatcher produces for a bad settings:update.
    const sources = [
      { kind: 'alertmanager', id: 'ok', name: 'Fine', url: 'http://fine' },
      {
        kind: 'alertmanager',
        id: 'bad id!',
        name: '',
        url: 'ftp://x',
        intervalSeconds: 1,
        peerUrls: ['http://fine', 'nope'],
      },
    ] as const;
    const parsed = invokeContract['settings:update'].request.safeParse({ sources });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : describeIssues(parsed.error);
    const drafts = [newDraft('a', 'alertmanager'), newDraft('b', 'alertmanager')];
    const errors = errorsFromIssues(issues, drafts);
    expect(Object.keys(errors.fields).sort()).toEqual([
      'sources.1.intervalSeconds',
      'sources.1.name',
      'sources.1.peerUrls',
      'sources.1.url',
    ]);
    expect(errors.fields['sources.1.url']).toBe('must be an http:// or https:// URL');
    expect(errors.other).toEqual([]);
  });

  it('keeps the first message per field and lists what has no field in the form', () => {
    const drafts = [newDraft('a', 'alertmanager')];
    expect(
      errorsFromIssues(
        [
          'sources.0.id: duplicate source id "prod"; each source needs its own id',
          'sources.0.name: Too small',
          'theme: Invalid option',
          'sources.0.mystery: Too big',
          'sources.4.url: no such source',
        ],
        drafts,
      ),
    ).toEqual({
      fields: { 'sources.0.name': 'duplicate source id "prod"; each source needs its own id' },
      other: [
        'theme: Invalid option',
        'sources.0.mystery: Too big',
        'sources.4.url: no such source',
      ],
    });
  });
});
