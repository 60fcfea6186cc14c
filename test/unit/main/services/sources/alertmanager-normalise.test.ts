import { describe, expect, it } from 'vitest';
import {
  NORMALISE_SLICE,
  normaliseAlertmanagerAlerts,
  normaliseAlertmanagerAlertsInSlices,
  type NormaliseOptions,
} from '../../../../../src/main/services/sources/alertmanager-normalise';
import { SourceError } from '../../../../../src/main/services/sources/source-error';
import { alertmanagerFixture } from './fixtures';

const options: NormaliseOptions = {
  sourceId: 'prod',
  now: new Date('2026-03-01T02:00:00Z'),
  severityScale: 'p1-p4',
  severityWords: {},
};

const normalise = (body: unknown, extra: Partial<NormaliseOptions> = {}) =>
  normaliseAlertmanagerAlerts(body, { ...options, ...extra });

function thrown(call: () => unknown): SourceError {
  try {
    call();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('normaliseAlertmanagerAlerts', () => {
  const alerts = normalise(alertmanagerFixture('alerts.json'));
  const byFingerprint = (fp: string) => alerts.find((a) => a.fingerprint === fp);

  it('turns an active alert into a firing alert with everything the list shows', () => {
    expect(byFingerprint('0a74ac22130028d9')).toEqual({
      id: 'prod:0a74ac22130028d9',
      sourceId: 'prod',
      fingerprint: '0a74ac22130028d9',
      status: 'firing',
      severity: 'sev1',
      severityLabel: 'critical',
      title: 'DiskAlmostFull',
      summary: 'Disk /var/lib/postgresql is 97% full on db-1',
      labels: {
        alertname: 'DiskAlmostFull',
        instance: 'db-1:9100',
        service: 'postgres',
        severity: 'critical',
      },
      annotations: {
        summary: 'Disk /var/lib/postgresql is 97% full on db-1',
        description: 'Less than 3% of the volume is free; writes will fail soon.',
        runbook_url: 'https://runbooks.example.com/disk-full',
      },
      startsAt: '2026-03-01T01:42:00.000Z',
      updatedAt: '2026-03-01T01:59:00.000Z',
      url: 'http://prometheus.example.com:9090/graph?g0.expr=disk_free_ratio+%3C+0.03',
    });
  });

  it('does not take the resolve timeout in endsAt for an end: active alerts have no endsAt', () => {
    const open = alerts.filter((a) => a.status !== 'resolved');
    expect(open).toHaveLength(5);
    expect(open.every((a) => a.endsAt === undefined)).toBe(true);
    // An offset of +01:00 is read as such: 03:05+01:00 is still in the future.
    expect(byFingerprint('3f9e1d2c4b5a6978')?.status).toBe('suppressed');
  });

  it('marks an alert whose end time has passed as resolved, with that end time', () => {
    expect(byFingerprint('ab12cd34ef56ab78')).toMatchObject({
      status: 'resolved',
      endsAt: '2026-03-01T01:55:00.000Z',
      severity: 'sev4',
    });
  });

  it('shows silenced and inhibited alerts as suppressed, unprocessed ones as firing', () => {
    expect(byFingerprint('3f9e1d2c4b5a6978')?.status).toBe('suppressed');
    expect(byFingerprint('c0ffee0000000001')?.status).toBe('suppressed');
    expect(byFingerprint('7b1c2d3e4f5a6b7c')?.status).toBe('firing');
  });

  it('uses the description when there is no summary, and no link for an empty generatorURL', () => {
    const latency = byFingerprint('3f9e1d2c4b5a6978');
    expect(latency?.summary).toBe('p99 latency of /checkout above 2 s for 10 minutes');
    expect(latency?.url).toBeUndefined();
  });

  it('falls back to the summary, then "Unnamed alert", when there is no alertname', () => {
    expect(byFingerprint('c0ffee0000000001')?.title).toBe(
      'Backup job has not succeeded for 26 hours',
    );
    expect(byFingerprint('deadbeef00000002')).toMatchObject({
      title: 'Unnamed alert',
      severity: 'sev3',
    });
    expect(byFingerprint('deadbeef00000002')).not.toHaveProperty('summary');
    expect(byFingerprint('deadbeef00000002')).not.toHaveProperty('severityLabel');
  });

  it("reads the severity label in the team's own vocabulary and words", () => {
    expect(byFingerprint('7b1c2d3e4f5a6b7c')).toMatchObject({
      severity: 'sev1',
      severityLabel: 'P1',
    });
    const p0Team = normalise(alertmanagerFixture('alerts.json'), {
      severityScale: 'p0-p3',
      severityWords: { 'whatever-we-call-it': 'sev2' },
    });
    expect(p0Team.find((a) => a.fingerprint === '7b1c2d3e4f5a6b7c')?.severity).toBe('sev2');
    expect(p0Team.find((a) => a.fingerprint === 'c0ffee0000000001')).toMatchObject({
      severity: 'sev2',
      severityLabel: 'whatever-we-call-it',
    });
  });

  it('accepts parsed JSON as well as text, and an empty list', () => {
    expect(normalise(JSON.parse(alertmanagerFixture('alerts.json')))).toEqual(alerts);
    expect(normalise(alertmanagerFixture('empty.json'))).toEqual([]);
  });

  it('accepts what Alertmanager 0.25 sends (no mutedBy)', () => {
    expect(normalise(alertmanagerFixture('alerts-alertmanager-0.25.json'))).toHaveLength(1);
  });

  it('says when the answer is an HTML page', () => {
    const error = thrown(() => normalise(alertmanagerFixture('login-page.html')));
    expect(error.kind).toBe('response');
    expect(error.message).toBe('answered HTML, not JSON — is this URL an Alertmanager?');
  });

  it('says when the answer is not JSON at all, quoting its start', () => {
    expect(thrown(() => normalise('Service Unavailable')).message).toBe(
      'answered text that is not JSON ("Service Unavailable") — is this URL an Alertmanager?',
    );
    expect(thrown(() => normalise('  ')).message).toBe(
      'answered an empty body, not JSON — is this URL an Alertmanager?',
    );
  });

  it('says where JSON of the wrong shape goes wrong', () => {
    expect(thrown(() => normalise(alertmanagerFixture('labels-not-an-object.json'))).message).toBe(
      'answered JSON of the wrong shape: [0].labels: expected object, got string',
    );
    expect(thrown(() => normalise(alertmanagerFixture('prometheus-api-v1.json'))).message).toBe(
      'answered JSON of the wrong shape: the body: expected array, got object',
    );
  });

  it('names missing fields and bad values, and caps the list of problems', () => {
    const [good] = JSON.parse(alertmanagerFixture('alerts.json')) as Record<string, unknown>[];
    const broken = [
      { ...good, fingerprint: undefined },
      { ...good, status: { state: 'sleeping' } },
      { ...good, startsAt: 'yesterday' },
      { ...good, labels: { severity: 3 } },
    ];
    expect(thrown(() => normalise(broken)).message).toBe(
      'answered JSON of the wrong shape: [0].fingerprint: missing (expected string); ' +
        '[1].status.state: expected one of "unprocessed", "active", "suppressed", got "sleeping"; ' +
        '[2].startsAt: expected a date-time, got "yesterday"; and 1 more',
    );
  });
});

describe('normaliseAlertmanagerAlertsInSlices', () => {
  // A body of n alerts made of the fixture's, each with its own fingerprint.
  const bigBody = (n: number) => {
    const fixture = JSON.parse(alertmanagerFixture('alerts.json')) as Array<
      Record<string, unknown>
    >;
    return Array.from({ length: n }, (_, i) => ({
      ...fixture[i % fixture.length],
      fingerprint: `f${i}`,
    }));
  };

  it('gives what the one-step normaliser gives, letting the loop run between slices', async () => {
    const body = JSON.stringify(bigBody(2 * NORMALISE_SLICE + 500));
    let pauses = 0;
    const sliced = await normaliseAlertmanagerAlertsInSlices(body, options, async () => {
      pauses += 1;
    });
    expect(sliced).toEqual(normaliseAlertmanagerAlerts(body, options));
    expect(pauses).toBe(2);
  });

  it('answers a broken alert in a late slice with the schema’s own words', async () => {
    const alerts: unknown[] = bigBody(NORMALISE_SLICE + 10);
    alerts[NORMALISE_SLICE + 3] = { ...(alerts[0] as object), labels: 'not an object' };
    const body = JSON.stringify(alerts);
    await expect(
      normaliseAlertmanagerAlertsInSlices(body, options, async () => {}),
    ).rejects.toThrow(
      `answered JSON of the wrong shape: [${NORMALISE_SLICE + 3}].labels: expected object, got string`,
    );
  });

  it('answers a body that is not a list as the one-step normaliser does', async () => {
    await expect(
      normaliseAlertmanagerAlertsInSlices('<html>login</html>', options, async () => {}),
    ).rejects.toThrow('answered HTML, not JSON');
    await expect(
      normaliseAlertmanagerAlertsInSlices('{"data": []}', options, async () => {}),
    ).rejects.toThrow('answered JSON of the wrong shape');
  });
});
