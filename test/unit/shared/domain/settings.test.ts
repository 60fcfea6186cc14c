import { alertmanagerSourceSchema } from '../../../../src/shared/domain/source';
import { describe, expect, it } from 'vitest';
import { defaultEscalationSettings } from '../../../../src/shared/escalation/policy-settings';
import type { z } from 'zod';
import {
  DEFAULT_WEBHOOK_PORT,
  SETTINGS_VERSION,
  defaultSettings,
  describeIssues,
  isAbsolutePath,
  settingsSchema,
} from '../../../../src/shared/domain/settings';

/** The `url` of a source of any kind (only some kinds have one). */
const urlOf = (source: unknown) => (source as { url?: string } | undefined)?.url;

const am = (id: string, url = `http://${id}:9093`) => ({
  kind: 'alertmanager' as const,
  id,
  name: id,
  url,
});

function issuesOf(input: unknown): string[] {
  const result = settingsSchema.safeParse(input);
  if (result.success) throw new Error('expected the settings to be refused');
  return describeIssues(result.error);
}

describe('settingsSchema', () => {
  it('reads an empty file `{}` as the defaults', () => {
    expect(settingsSchema.parse({})).toEqual({
      version: SETTINGS_VERSION,
      sources: [],
      severityScale: 'sev1-4',
      severityWords: {},
      theme: 'system',
      notifications: { enabled: true, minSeverity: 'sev4' },
      alarm: {
        sev1: { mode: 'repeat', repeatSeconds: 60 },
        sev2: { mode: 'repeat', repeatSeconds: 300 },
        sev3: { mode: 'once', repeatSeconds: 60 },
        sev4: { mode: 'silent', repeatSeconds: 60 },
      },
      runbooks: {},
      webhook: { port: DEFAULT_WEBHOOK_PORT },
      profile: {},
      incidents: {},
      secrets: { acceptBasicText: false },
      alertList: {
        savedFilters: [
          { name: 'Hide Watchdog and info', query: 'alertname!=Watchdog severity!=info' },
        ],
      },
      escalation: defaultEscalationSettings(),
      sync: { allowInsecure: false },
      shortcuts: { openWindow: 'CommandOrControl+Alt+O', acknowledge: '' },
      schedules: { list: [], reminderMinutes: 15 },
    });
  });

  it('fills in the rest of a partly written notifications block', () => {
    expect(settingsSchema.parse({ notifications: { enabled: false } }).notifications).toEqual({
      enabled: false,
      minSeverity: 'sev4',
    });
  });

  it('keeps what the user wrote and normalises source URLs', () => {
    const settings = settingsSchema.parse({
      sources: [am('prod', 'https://am.example.com/')],
      severityScale: 'p0-p3',
      severityWords: { disaster: 'sev1' },
      theme: 'dark',
      notifications: { enabled: true, minSeverity: 'sev2' },
    });
    expect(urlOf(settings.sources[0])).toBe('https://am.example.com');
    expect(settings.sources[0]?.intervalSeconds).toBe(15);
    expect(settings.severityScale).toBe('p0-p3');
    expect(settings.severityWords).toEqual({ disaster: 'sev1' });
    expect(settings.theme).toBe('dark');
    expect(settings.notifications.minSeverity).toBe('sev2');
  });

  it('refuses a duplicate source id, naming the second one', () => {
    expect(issuesOf({ sources: [am('prod'), am('prod', 'http://other:9093')] })).toEqual([
      'sources.1.id: duplicate source id "prod"; each source needs its own id',
    ]);
  });

  it('names every duplicate, not only the first', () => {
    const issues = issuesOf({ sources: [am('a'), am('b'), am('a'), am('b')] });
    expect(issues.map((line) => line.split(':')[0])).toEqual(['sources.2.id', 'sources.3.id']);
  });

  it('refuses a settings file from another version', () => {
    expect(issuesOf({ version: 2 })[0]).toMatch(/^version: /);
  });

  it.each([
    [{ severityScale: 'p1-p5' }, 'severityScale'],
    [{ severityWords: { disaster: 'sev0' } }, 'severityWords.disaster'],
    [{ theme: 'blue' }, 'theme'],
    [{ notifications: { minSeverity: 'loud' } }, 'notifications.minSeverity'],
    [{ sources: [am('prod', 'ftp://am')] }, 'sources.0.url'],
    [{ sources: 'prod' }, 'sources'],
    [{ runbooks: { dir: 'runbooks' } }, 'runbooks.dir'],
    [{ runbooks: { dir: '' } }, 'runbooks.dir'],
    [{ runbooks: { dir: '/srv/run\u0000books' } }, 'runbooks.dir'],
    [{ runbooks: '/srv/runbooks' }, 'runbooks'],
  ])('refuses %j, naming the field %s', (input, path) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.startsWith(`${path}: `)).toBe(true);
  });
});

describe('runbooks', () => {
  it('has no runbook folder by default, and keeps an absolute one as written', () => {
    expect(settingsSchema.parse({}).runbooks).toEqual({});
    expect(settingsSchema.parse({ runbooks: { dir: '/srv/runbooks' } }).runbooks).toEqual({
      dir: '/srv/runbooks',
    });
  });

  it.each([
    ['/home/ana/runbooks', true],
    ['C:\\Users\\ana\\runbooks', true],
    ['D:/runbooks', true],
    ['\\\\server\\share\\runbooks', true],
    ['runbooks', false],
    ['./runbooks', false],
    ['~/runbooks', false],
    ['C:runbooks', false],
    ['', false],
  ])('isAbsolutePath(%j) is %s', (dir, expected) => {
    expect(isAbsolutePath(dir)).toBe(expected);
  });
});

describe('profile and incident defaults', () => {
  it('leaves the name and time zone to the machine unless written', () => {
    expect(defaultSettings().profile).toEqual({});
    expect(settingsSchema.parse({ profile: { name: '  Sam  ' } }).profile).toEqual({
      name: 'Sam',
    });
  });

  it('refuses an empty name rather than writing anonymous timeline entries', () => {
    expect(issuesOf({ profile: { name: '   ' } })[0]).toMatch(/^profile\.name:/);
  });

  it("keeps a team's cadence and roles, and refuses a cadence of zero minutes", () => {
    const settings = settingsSchema.parse({
      incidents: { statusCadenceMinutes: { sev1: 10, sev4: null }, omitRoles: ['comms'] },
    });
    expect(settings.incidents.statusCadenceMinutes).toEqual({ sev1: 10, sev4: null });
    expect(issuesOf({ incidents: { statusCadenceMinutes: { sev2: 0 } } })[0]).toMatch(
      /^incidents\.statusCadenceMinutes\.sev2:/,
    );
  });
});

describe('defaultSettings', () => {
  it('equals parsing an empty file', () => {
    expect(defaultSettings()).toEqual(settingsSchema.parse({}));
  });

  it('hands out fresh objects: changing one copy does not change the next', () => {
    const first = defaultSettings();
    first.sources.push(alertmanagerSourceSchema.parse(am('x')));
    first.severityWords.disaster = 'sev1';
    first.notifications.enabled = false;
    const second = defaultSettings();
    expect(second.sources).toEqual([]);
    expect(second.severityWords).toEqual({});
    expect(second.notifications.enabled).toBe(true);
  });
});

describe('describeIssues', () => {
  it('gives one `path: message` line per issue', () => {
    const error = settingsSchema.safeParse({
      theme: 'blue',
      sources: [am('prod', 'ftp://am')],
    }).error as z.ZodError;
    const lines = describeIssues(error);
    expect(lines).toHaveLength(2);
    expect(lines).toContain('sources.0.url: must be an http:// or https:// URL');
    expect(lines.some((l) => /^theme: .+/.test(l))).toBe(true);
  });

  it('says "(top level)" when the whole value is wrong', () => {
    const error = settingsSchema.safeParse('not an object').error as z.ZodError;
    expect(describeIssues(error)).toHaveLength(1);
    expect(describeIssues(error)[0]).toMatch(/^\(top level\): .+/);
  });
});

describe('webhook receiver settings', () => {
  it('reads a file written before the receiver existed with the default port', () => {
    expect(settingsSchema.parse({ version: 1, sources: [] }).webhook).toEqual({ port: 9097 });
  });

  it('takes 0 for off or a port a user may bind, and says so otherwise', () => {
    expect(settingsSchema.parse({ webhook: { port: 0 } }).webhook.port).toBe(0);
    expect(settingsSchema.parse({ webhook: { port: 18080 } }).webhook.port).toBe(18080);
    for (const port of [80, 70000, 9097.5]) {
      expect(issuesOf({ webhook: { port } })).toEqual([
        'webhook.port: must be 0 (off) or a port from 1024 to 65535',
      ]);
    }
  });
});

describe('alert list', () => {
  it('starts with the "Hide Watchdog and info" filter, and keeps the user’s own list', () => {
    expect(defaultSettings().alertList.savedFilters).toEqual([
      { name: 'Hide Watchdog and info', query: 'alertname!=Watchdog severity!=info' },
    ]);
    const own = settingsSchema.parse({
      alertList: { savedFilters: [{ name: 'Payments', query: 'service=payments' }] },
    });
    expect(own.alertList.savedFilters).toEqual([{ name: 'Payments', query: 'service=payments' }]);
    expect(
      settingsSchema.parse({ alertList: { savedFilters: [] } }).alertList.savedFilters,
    ).toEqual([]);
  });

  it('refuses a saved filter without a name or a query, saying where', () => {
    const result = settingsSchema.safeParse({
      alertList: { savedFilters: [{ name: ' ', query: 'x' }] },
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeIssues(result.error).join('\n')).toMatch(/alertList\.savedFilters\.0\.name/);
  });
});
