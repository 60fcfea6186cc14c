import { describe, expect, it } from 'vitest';
import {
  pagerdutyCurrentUserSchema,
  pagerdutyIncidentPageSchema,
} from '../../../../../src/main/services/sources/pagerduty-response';
import { pagerdutyFixture } from './fixtures';
import {
  PAGERDUTY_SPEC_PATH,
  responseProblems,
  schemaProblems,
  specDocument,
} from './openapi-check';

const page = () => pagerdutyFixture('incidents.json') as { incidents: Record<string, unknown>[] };

describe('the PagerDuty fixtures', () => {
  it('incidents.json is a GET /incidents 200 body as the spec defines it', () => {
    expect(responseProblems(PAGERDUTY_SPEC_PATH, 'get', '/incidents', 200, page())).toEqual([]);
  });

  it('the check itself catches bodies that break the spec', () => {
    const body = page();
    body.incidents[0] = { ...body.incidents[0], status: 'open', incident_number: '1234' };
    body.incidents[1] = {
      ...body.incidents[1],
      acknowledgements: [{ at: '2026-03-01T01:00:00Z' }],
    };
    body.incidents[2] = { ...body.incidents[2], service: { summary: 'no id, no type' } };
    expect(responseProblems(PAGERDUTY_SPEC_PATH, 'get', '/incidents', 200, body)).toEqual([
      '$.incidents[0].incident_number: expected integer',
      '$.incidents[0].status: not one of triggered, acknowledged, resolved',
      '$.incidents[1].acknowledgements[0].acknowledger: required',
      expect.stringMatching(/^\$\.incidents\[2\]\.service: fits none of its 2 forms/),
    ]);
    expect(
      schemaProblems(PAGERDUTY_SPEC_PATH, '#/components/schemas/Incident', { priority: null }),
    ).toEqual(['$.priority: expected object']);
  });

  it('refuses to check a response the spec does not document', () => {
    expect(() => responseProblems(PAGERDUTY_SPEC_PATH, 'get', '/users/me', 401, {})).toThrow(
      'GET /users/me documents no 401 response',
    );
  });
});

describe('pagerdutyIncidentPageSchema', () => {
  it("reads the spec's own example, and our fixture", () => {
    const example = schemaExample('/incidents', 'get', '200');
    expect(pagerdutyIncidentPageSchema.safeParse(example).success).toBe(true);
    expect(pagerdutyIncidentPageSchema.parse(page()).incidents).toHaveLength(3);
  });

  it('accepts the nulls the real API sends where the spec says nothing of null', () => {
    const body = page();
    body.incidents[0] = { ...body.incidents[0], priority: null, last_status_change_by: null };
    expect(pagerdutyIncidentPageSchema.safeParse(body).success).toBe(true);
  });

  it('refuses an incident without id or status', () => {
    const body = page();
    delete body.incidents[0]?.id;
    expect(pagerdutyIncidentPageSchema.safeParse(body).success).toBe(false);
  });
});

describe('pagerdutyCurrentUserSchema', () => {
  it("reads the spec's example of GET /users/me", () => {
    const example = schemaExample('/users/me', 'get', '200') as { user: { id: string } };
    expect(pagerdutyCurrentUserSchema.parse(example).user.id).toBe('PXPGF42');
  });
});

function schemaExample(path: string, method: string, status: string): unknown {
  const spec = specDocument(PAGERDUTY_SPEC_PATH) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  const response = spec.paths[path]?.[method]?.responses[status] as {
    content: { 'application/json': { examples: { response: { value: unknown } } } };
  };
  return response.content['application/json'].examples.response.value;
}
