import { describe, expect, it } from 'vitest';
import {
  compileLabelRegex,
  labelValueMatches,
  matchRunbooks,
  resolveRunbookLink,
  resolveRunbookUrl,
  runbookFrontMatterSchema,
  runbookMatchScore,
  runbookSummarySchema,
  runbookUrlAnnotation,
  runbookUrlResolutionSchema,
  summariseRunbook,
  type Runbook,
  type RunbookMatch,
} from '../../../../src/shared/domain/runbook';

function runbook(id: string, title: string, match: RunbookMatch, error?: string): Runbook {
  return {
    id,
    title,
    match,
    tags: [],
    steps: [],
    body: '',
    file: `/runbooks/${id}`,
    ...(error === undefined ? {} : { error }),
  };
}

function issuePaths(input: unknown): string[] {
  const result = runbookFrontMatterSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join('.'));
}

describe('runbookFrontMatterSchema', () => {
  it('accepts a value, a list of values and a regex per label', () => {
    const result = runbookFrontMatterSchema.parse({
      title: 'Checkout errors',
      match: {
        alertname: 'HighErrorRate',
        service: ['checkout', 'cart'],
        pod: { regex: 'api-.*' },
      },
      severity: 'critical',
      owner: 'payments',
      tags: ['payments'],
    });
    expect(result.match).toEqual({
      alertname: 'HighErrorRate',
      service: ['checkout', 'cart'],
      pod: { regex: 'api-.*' },
    });
  });

  it('reads numbers and booleans in YAML as the label text they stand for', () => {
    const result = runbookFrontMatterSchema.parse({ match: { code: 500, canary: [true, 1] } });
    expect(result.match).toEqual({ code: '500', canary: ['true', '1'] });
  });

  it('drops a __proto__ label (as YAML produces it: an own key) instead of making it a prototype', () => {
    const result = runbookFrontMatterSchema.parse({
      match: JSON.parse('{"__proto__": "a"}') as unknown,
    });
    expect(Object.keys(result.match)).toEqual([]);
    expect(Object.getPrototypeOf(result.match)).toBe(Object.prototype);
  });

  it('keeps unknown keys out of the way of teams that add their own', () => {
    expect(
      runbookFrontMatterSchema.safeParse({ match: {}, last_reviewed: '2025-01-01' }).success,
    ).toBe(true);
  });

  it.each([
    ['no match at all', { title: 'x' }, ['match']],
    ['match that is not a map', { match: 'HighErrorRate' }, ['match']],
    ['tags that are not a list', { match: {}, tags: 'disk' }, ['tags']],
    ['an empty list of values', { match: { service: [] } }, ['match.service']],
    ['a regex that does not compile', { match: { pod: { regex: '(' } } }, ['match.pod.regex']],
    ['a regex with lookahead', { match: { pod: { regex: '(?!x).*' } } }, ['match.pod.regex']],
    ['a mistyped regex key', { match: { pod: { regexp: 'a' } } }, ['match.pod']],
    ['a null value', { match: { pod: null } }, ['match.pod']],
    ['a reserved label name', { match: { __name__: 'a' } }, ['match.__name__']],
    ['a label name with a space', { match: { 'service ': 'a' } }, ['match.service ']],
  ])('refuses %s and names the field', (_what, input, paths) => {
    expect(issuePaths(input)).toEqual(paths);
  });
});

describe('compileLabelRegex', () => {
  function matcher(pattern: string): (value: string) => boolean {
    const regex = compileLabelRegex(pattern);
    if (!regex.ok) throw new Error(regex.reason);
    return regex.matches;
  }

  it('anchors the pattern at both ends, like Alertmanager', () => {
    const matches = matcher('checkout|cart');
    expect(matches('checkout')).toBe(true);
    expect(matches('cart')).toBe(true);
    expect(matches('checkout-canary')).toBe(false);
    expect(matches('my-cart')).toBe(false);
  });

  it('keeps the anchors when the pattern tries to close the group they wrap', () => {
    expect(compileLabelRegex('a)|(b').ok).toBe(false);
  });

  it('answers patterns that backtrack catastrophically elsewhere (issue 10)', () => {
    // Minutes to hours with a backtracking engine; RE2 answers in linear time.
    expect(matcher('([a-z]+-?)+')(`${'a-'.repeat(20)}!`)).toBe(false);
    expect(matcher('(.*.*)*!')('KubePodCrashLooping'.repeat(4))).toBe(false);
    expect(matcher('(.*.*)*!')('KubePodCrashLooping!')).toBe(true);
  });

  it('refuses what the linear-time engine cannot run, saying why', () => {
    const lookahead = compileLabelRegex('(?=api)api-.*');
    expect(lookahead.ok).toBe(false);
    if (!lookahead.ok) expect(lookahead.reason).toMatch(/linear-time.*lookaround/);
    expect(compileLabelRegex('(a)\\1').ok).toBe(false);
  });

  it('gives the reason for an invalid pattern instead of throwing', () => {
    const broken = compileLabelRegex('(');
    expect(broken).toEqual({ ok: false, reason: expect.stringMatching(/missing closing \)/) });
  });
});

describe('labelValueMatches', () => {
  it('matches a whole value against a user regex, or says why the regex is refused', () => {
    expect(labelValueMatches('api-.*', 'api-7f9')).toEqual({ ok: true, matches: true });
    expect(labelValueMatches('api', 'api-7f9')).toEqual({ ok: true, matches: false });
    expect(labelValueMatches('(?!x)', 'y')).toMatchObject({ ok: false });
  });
});

describe('runbookMatchScore', () => {
  const labels = { alertname: 'HighErrorRate', service: 'cart', severity: 'critical' };

  it('counts matched labels when every matcher matches', () => {
    expect(runbookMatchScore({ alertname: 'HighErrorRate' }, labels)).toBe(1);
    expect(
      runbookMatchScore({ alertname: 'HighErrorRate', service: ['checkout', 'cart'] }, labels),
    ).toBe(2);
    expect(
      runbookMatchScore({ alertname: { regex: 'High.*' }, severity: 'critical' }, labels),
    ).toBe(2);
  });

  it('does not match when one matcher fails or its label is missing', () => {
    expect(
      runbookMatchScore({ alertname: 'HighErrorRate', service: 'checkout' }, labels),
    ).toBeUndefined();
    expect(
      runbookMatchScore({ alertname: 'HighErrorRate', team: 'payments' }, labels),
    ).toBeUndefined();
  });

  it('never matches with an empty match (a runbook reached only by link)', () => {
    expect(runbookMatchScore({}, labels)).toBeUndefined();
  });

  it('does not find inherited properties for labels the alert lacks', () => {
    expect(runbookMatchScore({ constructor: { regex: '.*' } }, labels)).toBeUndefined();
    expect(runbookMatchScore({ toString: { regex: '.*' } }, {})).toBeUndefined();
  });
});

describe('matchRunbooks', () => {
  const generic = runbook('high-error-rate.md', 'High error rate', { alertname: 'HighErrorRate' });
  const checkout = runbook('checkout/errors.md', 'Checkout errors', {
    alertname: 'HighErrorRate',
    service: ['checkout', 'cart'],
  });
  const zebra = runbook('z.md', 'Zebra', { alertname: { regex: 'High.*' } });
  const apple = runbook('a.md', 'apple', { service: 'cart' });
  const broken = runbook('broken.md', 'Broken', {}, 'front matter is not valid YAML');
  const other = runbook('disk.md', 'Disk full', { alertname: 'DiskFull' });
  const library = [zebra, broken, generic, other, apple, checkout];

  it('puts the most specific runbook first, then sorts ties by title', () => {
    const found = matchRunbooks(library, { alertname: 'HighErrorRate', service: 'cart' });
    expect(found.map((entry) => entry.id)).toEqual([
      'checkout/errors.md',
      'a.md',
      'high-error-rate.md',
      'z.md',
    ]);
  });

  it('leaves out broken runbooks and runbooks for other alerts', () => {
    const found = matchRunbooks(library, { alertname: 'DiskFull' });
    expect(found).toEqual([other]);
  });

  it('does not change the list it is given', () => {
    const before = [...library];
    matchRunbooks(library, { alertname: 'HighErrorRate' });
    expect(library).toEqual(before);
  });
});

describe('resolveRunbookUrl', () => {
  const ids = ['checkout/high-error-rate.md', 'db/replica lag.md', 'README.md'];

  it.each([
    ['https://wiki.example.com/runbooks/Checkout', 'https://wiki.example.com/runbooks/Checkout'],
    ['  http://runbooks.example.com/a  ', 'http://runbooks.example.com/a'],
  ])('opens %j outside the app', (url, expected) => {
    expect(resolveRunbookUrl(url, ids)).toEqual({ kind: 'external', url: expected });
  });

  it.each([
    ['checkout/high-error-rate.md', 'checkout/high-error-rate.md'],
    ['./checkout/high-error-rate.md', 'checkout/high-error-rate.md'],
    ['checkout//high-error-rate.md', 'checkout/high-error-rate.md'],
    ['db/../checkout/high-error-rate.md', 'checkout/high-error-rate.md'],
    ['checkout/high-error-rate', 'checkout/high-error-rate.md'],
    ['db/replica%20lag.md', 'db/replica lag.md'],
    ['checkout/high-error-rate.md?plain=1', 'checkout/high-error-rate.md'],
  ])('resolves %j inside the folder', (url, id) => {
    expect(resolveRunbookUrl(url, ids)).toEqual({ kind: 'local', id });
  });

  it('keeps the fragment so the view can scroll to a section', () => {
    expect(resolveRunbookUrl('checkout/high-error-rate.md#rollback', new Set(ids))).toEqual({
      kind: 'local',
      id: 'checkout/high-error-rate.md',
      fragment: 'rollback',
    });
  });

  it.each([
    ['../secrets.md', 'outside'],
    ['checkout/../../etc/passwd', 'outside'],
    ['..%2F..%2Fetc%2Fpasswd', 'outside'],
    ['%2e%2e/secrets.md', 'outside'],
    ['/etc/passwd', 'absolute'],
    ['//evil.example.com/x.md', 'absolute'],
    ['C:\\Windows\\win.ini', 'absolute'],
    ['C:/Windows/win.ini', 'absolute'],
    ['checkout\\high-error-rate.md', 'backslash'],
    ['..\\secrets.md', 'backslash'],
    ['checkout%5C..%5C..%5Csecrets.md', 'backslash'],
    ['README.md%00.txt', 'backslash'],
    ['file:///etc/passwd', 'http(s)'],
    ['file:README.md', 'http(s)'],
    ['javascript:alert(1)', 'http(s)'],
    ['data:text/html,<script>alert(1)</script>', 'http(s)'],
    ['https://user:pass@example.com/', 'http(s)'],
    ['%E0%A4%A', 'percent-encoding'],
    ['', 'empty'],
    ['.', 'names no file'],
    ['checkout/..', 'names no file'],
    ['missing.md', 'no runbook "missing.md"'],
  ])('refuses %j', (url, reason) => {
    const resolution = resolveRunbookUrl(url, ids);
    expect(resolution.kind).toBe('refused');
    expect(resolution.kind === 'refused' && resolution.reason).toContain(reason);
  });
});

describe('resolveRunbookUrl without a runbook folder', () => {
  it('still opens http(s) links and refuses other schemes as before', () => {
    expect(resolveRunbookUrl('https://rb.example/x', undefined)).toEqual({
      kind: 'external',
      url: 'https://rb.example/x',
    });
    expect(resolveRunbookUrl('javascript:alert(1)', undefined)).toMatchObject({ kind: 'refused' });
  });

  it('says a path needs a runbook folder, after the checks that keep it inside one', () => {
    expect(resolveRunbookUrl('db/replica-lag.md', undefined)).toEqual({
      kind: 'refused',
      reason:
        '"db/replica-lag.md" is a path in a runbook folder, and no runbook folder is chosen in Settings',
    });
    expect(resolveRunbookUrl('../x.md', undefined)).toEqual({
      kind: 'refused',
      reason: 'the runbook path leads outside the runbook folder',
    });
  });

  it('gives answers the resolution schema accepts', () => {
    for (const url of ['https://a.example/', 'x.md', 'javascript:x']) {
      expect(runbookUrlResolutionSchema.safeParse(resolveRunbookUrl(url, ['x.md'])).success).toBe(
        true,
      );
    }
  });
});

describe('resolveRunbookLink (links written inside a runbook)', () => {
  const ids = [
    'checkout/high-error-rate.md',
    'checkout/rollback.md',
    'db/replica-lag.md',
    'README.md',
  ];
  const from = 'checkout/high-error-rate.md';

  it.each([
    ['rollback.md', 'checkout/rollback.md'],
    ['./rollback', 'checkout/rollback.md'],
    ['../db/replica-lag.md', 'db/replica-lag.md'],
    ['../README.md', 'README.md'],
  ])('resolves %j relative to the runbook it is written in', (href, id) => {
    expect(resolveRunbookLink(href, from, ids)).toEqual({ kind: 'local', id });
  });

  it('resolves from a runbook at the top of the folder', () => {
    expect(resolveRunbookLink('db/replica-lag.md#checks', 'README.md', ids)).toEqual({
      kind: 'local',
      id: 'db/replica-lag.md',
      fragment: 'checks',
    });
  });

  it('takes `#section` as a place in the same page', () => {
    expect(resolveRunbookLink('#roll-back', from, ids)).toEqual({
      kind: 'anchor',
      fragment: 'roll-back',
    });
    expect(resolveRunbookLink('#caf%C3%A9', from, ids)).toEqual({
      kind: 'anchor',
      fragment: 'café',
    });
  });

  it('opens http(s) outside the app', () => {
    expect(resolveRunbookLink('https://status.example.com', from, ids)).toEqual({
      kind: 'external',
      url: 'https://status.example.com/',
    });
  });

  it.each([
    ['javascript:alert(1)', 'http(s)'],
    [' JavaScript:alert(1)', 'http(s)'],
    ['data:text/html,<script>alert(1)</script>', 'http(s)'],
    ['vbscript:msgbox(1)', 'http(s)'],
    ['file:///etc/passwd', 'http(s)'],
    ['mailto:oncall@example.com', 'http(s)'],
    ['../../secrets.md', 'outside'],
    ['/etc/passwd', 'absolute'],
    ['//evil.example.com/x.md', 'absolute'],
    ['..\\secrets.md', 'backslash'],
    ['scripts/fix.sh', 'no runbook "checkout/scripts/fix.sh"'],
    ['#', 'no section'],
    ['#%E0%A4%A', 'percent-encoding'],
    ['', 'empty'],
  ])('refuses %j', (href, reason) => {
    const resolution = resolveRunbookLink(href, from, ids);
    expect(resolution.kind).toBe('refused');
    expect(resolution.kind === 'refused' && resolution.reason).toContain(reason);
  });
});

describe('runbookUrlAnnotation', () => {
  it('prefers runbook_url, then the other common names', () => {
    expect(runbookUrlAnnotation({ runbook: 'b', runbook_url: 'a' })).toEqual({
      name: 'runbook_url',
      value: 'a',
    });
    expect(runbookUrlAnnotation({ summary: 's', runbook: 'b' })).toEqual({
      name: 'runbook',
      value: 'b',
    });
  });

  it('skips empty values and unrelated or inherited names', () => {
    expect(runbookUrlAnnotation({ runbook_url: '  ', runbookUrl: 'c' })?.value).toBe('c');
    expect(runbookUrlAnnotation({ dashboard: 'https://g.example', runbook_owner: 'sre' })).toBe(
      undefined,
    );
    expect(
      runbookUrlAnnotation(Object.create({ runbook_url: 'inherited' }) as Record<string, string>),
    ).toBe(undefined);
  });
});

describe('summariseRunbook', () => {
  it('keeps what a list shows, counts the steps and leaves the body behind', () => {
    const full: Runbook = {
      ...runbook('db/lag.md', 'Lag', { team: 'data' }),
      severity: 'critical',
      owner: 'dba',
      tags: ['db'],
      body: '# Lag\n\n- [ ] look',
      steps: [{ id: 's1', text: 'look', kind: 'task', checkedInFile: false, line: 3 }],
    };
    const summary = summariseRunbook(full);
    expect(summary).toEqual({
      id: 'db/lag.md',
      title: 'Lag',
      match: { team: 'data' },
      severity: 'critical',
      owner: 'dba',
      tags: ['db'],
      stepCount: 1,
    });
    expect(runbookSummarySchema.safeParse(summary).success).toBe(true);
    expect(summariseRunbook(runbook('x.md', 'x', {}, 'broken'))).toMatchObject({ error: 'broken' });
  });
});
