import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../../../src/shared/domain/describe-issues';
import { sourceConfigSchema } from '../../../../../src/shared/domain/source';

const pagerduty = (extra: Record<string, unknown> = {}) => ({
  kind: 'pagerduty',
  id: 'pd',
  name: 'PagerDuty',
  fromEmail: 'ada@example.com',
  ...extra,
});

describe('a PagerDuty source in the settings', () => {
  it('fills in PagerDuty’s API, my own incidents and a 30 s interval', () => {
    expect(sourceConfigSchema.parse(pagerduty())).toMatchObject({
      kind: 'pagerduty',
      apiUrl: 'https://api.pagerduty.com',
      scope: 'me',
      teamIds: [],
      serviceIds: [],
      intervalSeconds: 30,
    });
  });

  it.each([
    [{ fromEmail: 'ada' }, 'fromEmail: must be the e-mail address you log in to PagerDuty with'],
    [{ scope: 'teams' }, 'teamIds: list at least one team id when watching teams'],
    [{ scope: 'services' }, 'serviceIds: list at least one service id when watching services'],
    [{ teamIds: ['pq9k7i8'] }, 'teamIds.0: a PagerDuty id such as PQ9K7I8'],
    [{ intervalSeconds: 5 }, 'intervalSeconds'],
  ])('refuses %j, saying what to fix', (extra, issue) => {
    const parsed = sourceConfigSchema.safeParse(pagerduty(extra));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(describeIssues(parsed.error).join('\n')).toContain(issue);
  });

  it('takes chosen teams or services once some are listed', () => {
    expect(
      sourceConfigSchema.safeParse(pagerduty({ scope: 'teams', teamIds: ['PQ9K7I8'] })).success,
    ).toBe(true);
    expect(
      sourceConfigSchema.safeParse(pagerduty({ scope: 'services', serviceIds: ['PIJ90N7'] }))
        .success,
    ).toBe(true);
  });
});
