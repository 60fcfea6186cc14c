import { describe, expect, it } from 'vitest';
import {
  createShortcutRegistry,
  type GlobalKeys,
} from '../../../../../src/main/services/shortcuts/shortcut-registry';

// The OS's shortcut table: what other apps hold, and what this app registered.
function osKeys(takenByOthers: string[] = []) {
  const mine = new Map<string, () => void>();
  const keys: GlobalKeys = {
    register(accelerator, callback) {
      if (takenByOthers.includes(accelerator) || mine.has(accelerator)) return false;
      mine.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => void mine.delete(accelerator),
  };
  return { keys, mine, press: (accelerator: string) => mine.get(accelerator)?.() };
}

function setUp(takenByOthers: string[] = []) {
  const os = osKeys(takenByOthers);
  const done: string[] = [];
  const reports: string[] = [];
  const registry = createShortcutRegistry({
    keys: os.keys,
    actions: { openWindow: () => done.push('open'), acknowledge: () => done.push('ack') },
    report: (message) => reports.push(message),
  });
  return { os, done, reports, registry };
}

describe('global shortcuts', () => {
  it('registers the shortcut that opens the window, and pressing it opens it', () => {
    const t = setUp();
    expect(t.registry.apply({ openWindow: 'CommandOrControl+Alt+O', acknowledge: '' })).toEqual([
      { name: 'openWindow', accelerator: 'CommandOrControl+Alt+O', registered: true },
    ]);
    t.os.press('CommandOrControl+Alt+O');
    expect(t.done).toEqual(['open']);
    expect(t.reports).toEqual([]);
  });

  it('says so when another app holds the shortcut, once, instead of leaving it dead', () => {
    const t = setUp(['CommandOrControl+Alt+O']);
    const [status] = t.registry.apply({ openWindow: 'CommandOrControl+Alt+O', acknowledge: '' });
    expect(status).toMatchObject({ registered: false });
    expect(t.reports).toEqual([
      'The shortcut CommandOrControl+Alt+O to open the window could not be registered: the system refused it (another app may hold it). Choose another under "shortcuts" in the settings.',
    ]);
    // Saving other settings changes nothing here and reports nothing again.
    t.registry.apply({ openWindow: 'CommandOrControl+Alt+O', acknowledge: '' });
    expect(t.reports).toHaveLength(1);
  });

  it('moves a changed shortcut, frees a removed one, and frees all on quit', () => {
    const t = setUp();
    t.registry.apply({ openWindow: 'CommandOrControl+Alt+O', acknowledge: 'Super+Shift+A' });
    t.registry.apply({ openWindow: 'CommandOrControl+Alt+P', acknowledge: '' });
    expect([...t.os.mine.keys()]).toEqual(['CommandOrControl+Alt+P']);
    t.registry.dispose();
    expect([...t.os.mine.keys()]).toEqual([]);
  });

  it('reports a shortcut the OS layer rejects with its reason', () => {
    const t = setUp();
    const registry = createShortcutRegistry({
      keys: {
        register: () => {
          throw new Error('conversion failure');
        },
        unregister: () => undefined,
      },
      actions: { openWindow: () => undefined, acknowledge: () => undefined },
      report: (message) => t.reports.push(message),
    });
    registry.apply({ openWindow: '', acknowledge: 'Alt+F24' });
    expect(t.reports[0]).toContain(
      'to acknowledge the most urgent alert could not be registered: conversion failure',
    );
  });
});
