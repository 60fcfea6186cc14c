import { describe, expect, it } from 'vitest';
import { gettableAlertsSchema } from '../../../../../src/main/services/sources/alertmanager-response';
import { alertmanagerFixture } from './fixtures';
import { ALERTMANAGER_SPEC_PATH, specProblems } from './openapi-check';

const json = (name: string): unknown => JSON.parse(alertmanagerFixture(name));

describe('the Alertmanager fixtures', () => {
  it.each(['alerts.json', 'alerts-muted.json', 'empty.json'])(
    '%s is a gettableAlerts body as the spec defines it',
    (name) => {
      expect(specProblems(ALERTMANAGER_SPEC_PATH, 'gettableAlerts', json(name))).toEqual([]);
    },
  );

  it('silences.json is a gettableSilences body as the spec defines it', () => {
    expect(specProblems(ALERTMANAGER_SPEC_PATH, 'gettableSilences', json('silences.json'))).toEqual(
      [],
    );
  });

  it('the silences captured from Alertmanager 0.25 differ from the spec only by the missing annotations', () => {
    expect(
      specProblems(
        ALERTMANAGER_SPEC_PATH,
        'gettableSilences',
        json('silences-alertmanager-0.25.json'),
      ),
    ).toEqual(['$[0].annotations: required', '$[1].annotations: required']);
  });

  it('the check itself catches bodies that break the spec', () => {
    expect(
      specProblems(ALERTMANAGER_SPEC_PATH, 'gettableAlerts', json('prometheus-api-v1.json')),
    ).toEqual(['$: expected array']);
    expect(
      specProblems(ALERTMANAGER_SPEC_PATH, 'gettableAlerts', json('labels-not-an-object.json')),
    ).toEqual(['$[0].labels: expected object']);
  });

  it('the body captured from Alertmanager 0.25 differs from the spec only by the missing mutedBy', () => {
    expect(
      specProblems(ALERTMANAGER_SPEC_PATH, 'gettableAlerts', json('alerts-alertmanager-0.25.json')),
    ).toEqual(['$[0].status.mutedBy: required']);
  });
});

describe('gettableAlertsSchema', () => {
  it('accepts what the spec allows, and what Alertmanager 0.25 really sends', () => {
    expect(gettableAlertsSchema.safeParse(json('alerts.json')).success).toBe(true);
    expect(gettableAlertsSchema.safeParse(json('alerts-alertmanager-0.25.json')).success).toBe(
      true,
    );
  });

  it('refuses bodies of another shape', () => {
    expect(gettableAlertsSchema.safeParse(json('prometheus-api-v1.json')).success).toBe(false);
    expect(gettableAlertsSchema.safeParse(json('labels-not-an-object.json')).success).toBe(false);
  });
});
