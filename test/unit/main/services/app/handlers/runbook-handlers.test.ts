import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { alertId } from '../../../../../../src/shared/domain/alert';
import {
  APP_SERVICES_SUITE,
  RUNBOOK_FIXTURES,
  WAIT,
  amAlert,
  alertsBody,
  prodSource,
  checkoutAlert,
  useAppServicesKit,
} from '../app-services-kit';

describe('runbook calls', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const {
    server,
    settingsFile,
    startApp,
    call,
    value,
    statusOf,
    alertIds,
    ofChannel,
    startWithAlerts,
  } = kit;

  /** A copy of the fixture folder the test may change. */
  function runbookCopy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-runbooks-'));
    fs.cpSync(RUNBOOK_FIXTURES, dir, { recursive: true });
    kit.extraCleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  const runbookEvents = () => ofChannel('runbooks:changed').map((e) => e.payload);

  /** Start with one source serving `alerts` and the runbook folder `dir`. */
  async function startWithRunbooks(dir: string | undefined, ...alerts: object[]) {
    const am = await server(alertsBody(...alerts));
    startApp({ sources: [prodSource(am.url)], runbooks: dir === undefined ? {} : { dir } });
    if (alerts.length > 0) {
      await vi.waitFor(async () => expect(await alertIds()).toHaveLength(alerts.length), WAIT);
    }
    return am;
  }

  it('lists every runbook of the folder, the broken files with their error, the rest usable', async () => {
    await startWithRunbooks(RUNBOOK_FIXTURES);

    const list = await value('runbooks:list', {});

    expect(list.dir).toBe(RUNBOOK_FIXTURES);
    expect(list.runbooks.map((r) => r.id)).toEqual([
      'README.md',
      'broken/bad-yaml.md',
      'broken/wrong-type.md',
      'checkout/high-error-rate.md',
      'db/replica-lag.md',
      'high-error-rate.md',
      'steps/full.md',
    ]);
    expect(list.errors.map((e) => e.file)).toEqual(['broken/bad-yaml.md', 'broken/wrong-type.md']);
    const broken = list.runbooks.find((r) => r.id === 'broken/wrong-type.md');
    expect(broken?.error).toMatch(/tags/);
    const checkout = list.runbooks.find((r) => r.id === 'checkout/high-error-rate.md');
    expect(checkout).toEqual({
      id: 'checkout/high-error-rate.md',
      title: 'Checkout and cart errors',
      match: { alertname: 'HighErrorRate', service: ['checkout', 'cart'] },
      severity: 'critical',
      owner: 'payments',
      tags: ['payments'],
      stepCount: 3,
    });
    // The summaries leave the bodies behind; runbook:get has them.
    expect(JSON.stringify(list)).not.toContain('kubectl');
    expect(kit.logs.some((line) => line.startsWith('warn: runbooks: 2 problem(s)'))).toBe(true);
  });

  it('gives one runbook with its body and steps, and not-found for an id the folder lacks', async () => {
    await startWithRunbooks(RUNBOOK_FIXTURES);

    const { runbook } = await value('runbook:get', { id: 'checkout/high-error-rate.md' });
    expect(runbook.body).toContain('kubectl -n shop rollout undo deploy/checkout');
    expect(runbook.steps.map((step) => step.kind)).toEqual(['numbered', 'numbered', 'numbered']);
    expect(runbook.file).toBe(path.join(RUNBOOK_FIXTURES, 'checkout/high-error-rate.md'));

    // A broken file can still be read, with its error.
    const broken = await value('runbook:get', { id: 'broken/bad-yaml.md' });
    expect(broken.runbook.error).toMatch(/YAML/);
    expect(broken.runbook.steps).toHaveLength(1);

    for (const id of ['nope.md', '../package.json', '/etc/passwd']) {
      const missing = await call('runbook:get', { id });
      expect(missing.ok ? 'found' : missing.error.code).toBe('not-found');
    }
    const empty = await call('runbook:get', { id: '' });
    expect(empty.ok ? 'found' : empty.error.code).toBe('bad-request');
  });

  it("matches an alert's labels to runbooks, most specific first, and resolves its runbook_url", async () => {
    await startWithRunbooks(
      RUNBOOK_FIXTURES,
      amAlert('checkout', { alertname: 'HighErrorRate', service: 'checkout' }),
      amAlert(
        'search',
        { alertname: 'HighErrorRate', service: 'search' },
        {
          runbook_url: 'db/replica-lag#find-the-lagging-replica',
        },
      ),
      amAlert(
        'lag',
        { alertname: 'ReplicaLag', team: 'data' },
        {
          runbook_url: 'https://wiki.example.com/db/lag',
        },
      ),
      amAlert('escape', { alertname: 'Other' }, { runbook_url: '../../../etc/passwd' }),
      amAlert('script', { alertname: 'Other2' }, { runbook_url: 'javascript:alert(1)' }),
      amAlert('typo', { alertname: 'Other3' }, { runbook_url: 'db/replica-lagg.md' }),
      // A matching broken file is never offered.
      amAlert('disk', { alertname: 'DiskFull' }),
    );
    const forAlert = (fingerprint: string) =>
      value('runbooks:forAlert', { alertId: alertId('prod', fingerprint) });

    const checkout = await forAlert('checkout');
    expect(checkout.runbooks.map((r) => r.id)).toEqual([
      'checkout/high-error-rate.md',
      'high-error-rate.md',
    ]);
    expect(checkout.runbookUrl).toBeUndefined();

    const search = await forAlert('search');
    expect(search.runbooks.map((r) => r.id)).toEqual(['high-error-rate.md']);
    expect(search.runbookUrl).toEqual({
      kind: 'local',
      id: 'db/replica-lag.md',
      fragment: 'find-the-lagging-replica',
    });

    const lag = await forAlert('lag');
    expect(lag.runbooks.map((r) => r.id)).toEqual(['db/replica-lag.md']);
    expect(lag.runbookUrl).toEqual({ kind: 'external', url: 'https://wiki.example.com/db/lag' });

    expect((await forAlert('escape')).runbookUrl).toEqual({
      kind: 'refused',
      reason: 'the runbook path leads outside the runbook folder',
    });
    expect((await forAlert('script')).runbookUrl).toEqual({
      kind: 'refused',
      reason: 'only http(s) links may leave the app',
    });
    expect((await forAlert('typo')).runbookUrl).toMatchObject({ kind: 'refused' });
    expect((await forAlert('disk')).runbooks).toEqual([]);

    const unknown = await call('runbooks:forAlert', { alertId: 'prod:nope' });
    expect(unknown.ok ? 'found' : unknown.error.code).toBe('not-found');
    expect(kit.openExternal).not.toHaveBeenCalled();
  });

  it('without a runbook folder: no runbooks, http(s) links still resolve, paths say why not', async () => {
    await startWithRunbooks(
      undefined,
      amAlert('web', { alertname: 'HighErrorRate' }, { runbook_url: 'https://rb.example/x' }),
      amAlert('path', { alertname: 'HighErrorRate' }, { runbook_url: 'db/replica-lag.md' }),
    );

    expect(await value('runbooks:list', {})).toEqual({ runbooks: [], errors: [] });
    expect(await value('runbooks:forAlert', { alertId: alertId('prod', 'web') })).toEqual({
      runbooks: [],
      runbookUrl: { kind: 'external', url: 'https://rb.example/x' },
    });
    const local = await value('runbooks:forAlert', { alertId: alertId('prod', 'path') });
    expect(local.runbookUrl).toMatchObject({ kind: 'refused' });
    if (local.runbookUrl?.kind === 'refused') {
      expect(local.runbookUrl.reason).toContain('no runbook folder is chosen');
    }
    const get = await call('runbook:get', { id: 'db/replica-lag.md' });
    expect(get.ok ? 'found' : get.error.message).toMatch(/No runbook folder is chosen/);
    expect(runbookEvents()).toEqual([]);
  });

  it('reports a missing folder as an error entry, and keeps running', async () => {
    const missing = path.join(kit.home, 'no-such-runbooks');
    await startWithRunbooks(
      missing,
      amAlert('x', { alertname: 'HighErrorRate' }, { runbook_url: 'x.md' }),
    );

    const list = await value('runbooks:list', {});
    expect(list).toEqual({
      dir: missing,
      runbooks: [],
      errors: [{ file: '.', message: expect.stringContaining('cannot be opened') }],
    });
    const forX = await value('runbooks:forAlert', { alertId: alertId('prod', 'x') });
    expect(forX).toEqual({
      runbooks: [],
      runbookUrl: { kind: 'refused', reason: 'no runbook "x.md" in the runbook folder' },
    });
    expect((await statusOf())?.health).toBe('ok');
  });

  it('reports a file given as the folder as an error entry', async () => {
    const file = path.join(kit.home, 'not-a-folder.md');
    fs.writeFileSync(file, '# not a folder');
    await startWithRunbooks(file);

    const list = await value('runbooks:list', {});
    expect(list.runbooks).toEqual([]);
    expect(list.errors).toEqual([{ file: '.', message: expect.stringMatching(/not a directory/) }]);
  });

  it('switches to the folder saved in settings, announces it, and lets go of the old one', async () => {
    const first = runbookCopy();
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-runbooks-b-'));
    kit.extraCleanup.push(() => fs.rmSync(second, { recursive: true, force: true }));
    fs.writeFileSync(
      path.join(second, 'only.md'),
      '---\ntitle: The only one\nmatch:\n  alertname: HighErrorRate\n---\n\n1. Look\n',
    );
    await startWithRunbooks(first);
    expect((await value('runbooks:list', {})).runbooks).toHaveLength(7);
    // The first load is announced once, for a renderer that connected before it finished.
    await vi.waitFor(() => expect(runbookEvents()).toHaveLength(1), WAIT);

    const saved = await value('settings:update', { runbooks: { dir: second } });
    expect(saved.settings.runbooks).toEqual({ dir: second });

    await vi.waitFor(() => expect(runbookEvents()).toHaveLength(2), WAIT);
    expect(runbookEvents()[1]).toEqual({
      dir: second,
      runbooks: [
        {
          id: 'only.md',
          title: 'The only one',
          match: { alertname: 'HighErrorRate' },
          tags: [],
          stepCount: 1,
        },
      ],
      errors: [],
    });
    expect((await value('runbooks:list', {})).dir).toBe(second);
    const onDisk = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as {
      runbooks: { dir?: string };
    };
    expect(onDisk.runbooks).toEqual({ dir: second });

    // The first folder is no longer watched: an edit there announces nothing. An edit in the
    // second folder, made just after, shows the watchers have had their turn.
    fs.writeFileSync(path.join(first, 'new.md'), '---\nmatch:\n  alertname: New\n---\n# New\n');
    fs.writeFileSync(path.join(second, 'also.md'), '---\nmatch:\n  alertname: A\n---\n# A\n');
    await vi.waitFor(() => expect(runbookEvents()).toHaveLength(3), WAIT);
    expect(runbookEvents()[2]?.runbooks.map((r) => r.id)).toEqual(['also.md', 'only.md']);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(runbookEvents()).toHaveLength(3);

    // Clearing the folder: nothing listed, and said so.
    await value('settings:update', { runbooks: {} });
    await vi.waitFor(() => expect(runbookEvents()).toHaveLength(4), WAIT);
    expect(runbookEvents()[3]).toEqual({ runbooks: [], errors: [] });
    expect((await value('settings:get', {})).settings.runbooks).toEqual({});
  });

  it('follows a hand edit of the settings file to another folder', async () => {
    const other = runbookCopy();
    await startWithRunbooks(undefined);
    const current = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as object;
    fs.writeFileSync(settingsFile(), JSON.stringify({ ...current, runbooks: { dir: other } }));

    await vi.waitFor(() => expect(runbookEvents().at(-1)?.dir).toBe(other), WAIT);
    expect(runbookEvents().at(-1)?.runbooks).toHaveLength(7);
  });

  it('picks up a runbook added to the folder, and a broken file being fixed', async () => {
    const dir = runbookCopy();
    await startWithRunbooks(dir);
    await vi.waitFor(() => expect(runbookEvents()).toHaveLength(1), WAIT);

    fs.writeFileSync(
      path.join(dir, 'db', 'disk-full.md'),
      '---\ntitle: Disk full\nmatch:\n  alertname: DiskFull\n---\n\n- [ ] Free space\n',
    );
    await vi.waitFor(
      () =>
        expect(
          runbookEvents()
            .at(-1)
            ?.runbooks.map((r) => r.id),
        ).toContain('db/disk-full.md'),
      WAIT,
    );

    fs.writeFileSync(
      path.join(dir, 'broken', 'wrong-type.md'),
      '---\ntitle: Wrong type\nmatch:\n  alertname: DiskFull\ntags: [disk]\n---\n\n# Fixed\n',
    );
    await vi.waitFor(
      () =>
        expect(
          runbookEvents()
            .at(-1)
            ?.errors.map((e) => e.file),
        ).toEqual(['broken/bad-yaml.md']),
      WAIT,
    );
    const list = await value('runbooks:list', {});
    expect(list.runbooks.find((r) => r.id === 'broken/wrong-type.md')?.error).toBeUndefined();
  });

  it('refuses a runbook folder that is not an absolute path, naming the field', async () => {
    await startWithRunbooks(undefined);

    for (const dir of ['runbooks', '~/runbooks', '']) {
      const result = await call('settings:update', { runbooks: { dir } });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error.issues?.[0]).toMatch(/^runbooks\.dir: must be an absolute path/);
    }
    expect(runbookEvents()).toEqual([]);
  });

  it('stops watching the folder on stop()', async () => {
    const dir = runbookCopy();
    const app = await startWithRunbooks(dir).then(() => kit.services);
    await vi.waitFor(() => expect(runbookEvents()).toHaveLength(1), WAIT);

    await app?.stop();
    kit.stopped = true;
    fs.writeFileSync(path.join(dir, 'late.md'), '---\nmatch:\n  alertname: Late\n---\n# Late\n');
    await new Promise((resolve) => setTimeout(resolve, 800));

    expect(runbookEvents()).toHaveLength(1);
  });

  it('lists the runbooks of the alerts an incident came from, or of its services', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-app-incident-runbooks-'));
    kit.extraCleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(RUNBOOK_FIXTURES, dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'search.md'),
      '---\ntitle: Search service\nmatch:\n  service: search\n---\n\n1. Check the index\n',
    );
    await startWithAlerts({ runbooks: { dir } }, checkoutAlert);

    const fromAlert = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });
    const scratch = await value('incident:declare', {
      title: 'Search is slow',
      severity: 'sev3',
      affectedServices: ['search', 'web'],
    });
    const none = await value('incident:declare', { title: 'Odd noise', severity: 'sev4' });

    const ids = async (incidentId: string) =>
      (await value('runbooks:forIncident', { incidentId })).runbooks.map((r) => r.id);
    expect(await ids(fromAlert.incident.id)).toEqual([
      'checkout/high-error-rate.md',
      'high-error-rate.md',
    ]);
    expect(await ids(scratch.incident.id)).toEqual(['search.md']);
    expect(await ids(none.incident.id)).toEqual([]);
    const unknown = await call('runbooks:forIncident', { incidentId: 'inc-nope' });
    expect(unknown.ok ? 'found' : unknown.error.code).toBe('not-found');
  });
});
