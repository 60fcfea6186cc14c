import { describe, expect, it, vi } from 'vitest';
import type { Runbook } from '../../../../../src/shared/domain/runbook';
import type { RunbookList } from '../../../../../src/shared/ipc/contract';
import { createRunbookFolderManager } from '../../../../../src/main/services/runbooks/runbook-folder-manager';
import type {
  RunbookLibrary,
  RunbookLibraryChange,
} from '../../../../../src/main/services/runbooks/runbook-library';

// Each load parses in a worker thread which, run from TypeScript source, registers tsx first:
// seconds on a busy machine, so these tests get more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

function runbook(id: string): Runbook {
  return {
    id,
    title: id,
    match: { alertname: id },
    tags: [],
    steps: [],
    body: '',
    file: `/x/${id}`,
  };
}

/** A library whose load the test finishes by hand, and whose closing it can see. */
function controlledLibrary(ids: string[]) {
  let listener: ((change: RunbookLibraryChange) => void) | undefined;
  const state: RunbookLibraryChange = { runbooks: ids.map(runbook), errors: [] };
  const library: RunbookLibrary & { closed: boolean; change(ids: string[]): void } = {
    closed: false,
    list: () => state.runbooks,
    errors: () => state.errors,
    get: (id) => state.runbooks.find((r) => r.id === id),
    forAlert: () => [],
    resolveUrl: () => ({ kind: 'refused', reason: 'test' }),
    reload: async () => state,
    onChange(next) {
      listener = next;
      return () => (listener = undefined);
    },
    close() {
      library.closed = true;
      listener = undefined;
    },
    change(next) {
      state.runbooks = next.map(runbook);
      listener?.(state);
    },
  };
  let finish: () => void = () => {};
  const loaded = new Promise<typeof library>((resolve) => (finish = () => resolve(library)));
  return { library, loaded, finish };
}

function setup() {
  const lists: RunbookList[] = [];
  const logs: string[] = [];
  const libraries = new Map<string, ReturnType<typeof controlledLibrary>>();
  const failing = new Set<string>();
  const manager = createRunbookFolderManager({
    log: (level, message) => logs.push(`${level}: ${message}`),
    onChange: (list) => lists.push(list),
    open: (dir) => {
      if (failing.has(dir)) return Promise.reject(new Error('boom'));
      const controlled = controlledLibrary([`${dir.slice(1)}.md`]);
      libraries.set(dir, controlled);
      return controlled.loaded;
    },
  });
  return { manager, lists, logs, libraries, failing };
}

describe('createRunbookFolderManager', () => {
  it('announces nothing while no folder is chosen', async () => {
    const { manager, lists } = setup();
    manager.configure(undefined);
    await manager.settled();
    expect(lists).toEqual([]);
    expect(manager.list()).toEqual({ runbooks: [], errors: [] });
  });

  it('reports a folder once it is loaded, and its later changes', async () => {
    const { manager, lists, libraries } = setup();
    manager.configure('/a');
    expect(lists).toEqual([]);
    libraries.get('/a')?.finish();
    await manager.settled();

    expect(lists.map((l) => [l.dir, l.runbooks.map((r) => r.id)])).toEqual([['/a', ['a.md']]]);
    libraries.get('/a')?.library.change(['a.md', 'b.md']);
    expect(lists.at(-1)?.runbooks.map((r) => r.id)).toEqual(['a.md', 'b.md']);
  });

  it('lets the folder chosen last win over one still loading, and closes the stale one', async () => {
    const { manager, lists, libraries } = setup();
    manager.configure('/a');
    manager.configure('/b');
    const waiting = manager.settled();
    libraries.get('/b')?.finish();
    libraries.get('/a')?.finish();
    await waiting;
    // Let the stale load arrive, too.
    await libraries.get('/a')?.loaded;
    await Promise.resolve();

    expect(lists.map((l) => l.dir)).toEqual(['/b']);
    expect(libraries.get('/a')?.library.closed).toBe(true);
    expect(manager.library()).toBe(libraries.get('/b')?.library);
  });

  it('settled() waits for a folder chosen while it was waiting', async () => {
    const { manager, libraries } = setup();
    manager.configure('/a');
    let settled = false;
    const waiting = manager.settled().then(() => (settled = true));
    manager.configure('/b');
    libraries.get('/a')?.finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    libraries.get('/b')?.finish();
    await waiting;
    expect(manager.list().dir).toBe('/b');
  });

  it('closes the old library when the folder changes or is cleared, and ignores the same folder again', async () => {
    const { manager, lists, libraries } = setup();
    manager.configure('/a');
    libraries.get('/a')?.finish();
    await manager.settled();
    manager.configure('/a');
    expect(libraries.get('/a')?.library.closed).toBe(false);

    manager.configure(undefined);
    expect(libraries.get('/a')?.library.closed).toBe(true);
    expect(lists.at(-1)).toEqual({ runbooks: [], errors: [] });
    // A change the closed library would have reported is not heard.
    libraries.get('/a')?.library.change(['x.md']);
    expect(lists).toHaveLength(2);
  });

  it('turns a library that cannot be opened into an error entry for the folder', async () => {
    const { manager, lists, logs, failing } = setup();
    failing.add('/bad');
    manager.configure('/bad');
    await manager.settled();

    expect(lists).toEqual([
      {
        dir: '/bad',
        runbooks: [],
        errors: [{ file: '.', message: 'runbook folder cannot be loaded (boom)' }],
      },
    ]);
    expect(logs).toEqual(['error: runbooks: cannot load /bad: boom']);
  });

  it('closes the library on close() and then ignores configure()', async () => {
    const { manager, lists, libraries } = setup();
    manager.configure('/a');
    libraries.get('/a')?.finish();
    await manager.settled();
    manager.close();
    expect(libraries.get('/a')?.library.closed).toBe(true);
    manager.configure('/b');
    expect(libraries.has('/b')).toBe(false);
    expect(lists).toHaveLength(1);
  });

  it('survives a change listener that throws', async () => {
    const logs: string[] = [];
    const controlled = controlledLibrary(['a.md']);
    const manager = createRunbookFolderManager({
      log: (level, message) => logs.push(`${level}: ${message}`),
      onChange: () => {
        throw new Error('listener broke');
      },
      open: () => controlled.loaded,
    });
    manager.configure('/a');
    controlled.finish();
    await manager.settled();
    expect(manager.list().runbooks).toHaveLength(1);
    expect(logs).toEqual(['error: runbooks: a change listener failed: listener broke']);
  });
});
