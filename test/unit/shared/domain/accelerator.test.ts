import { describe, expect, it } from 'vitest';
import { acceleratorProblem } from '../../../../src/shared/domain/accelerator';
import { settingsSchema } from '../../../../src/shared/domain/settings';

describe('accelerator', () => {
  it('accepts what Electron accepts', () => {
    for (const ok of [
      'CommandOrControl+Alt+O',
      'CmdOrCtrl+Shift+A',
      'Super+F12',
      'Ctrl+Plus',
      'Alt+Space',
      'Shift+num5',
      'Control+/',
      'alt+shift+a',
    ]) {
      expect(acceleratorProblem(ok), ok).toBeUndefined();
    }
  });

  it('refuses with a reason saying what was wrong', () => {
    expect(acceleratorProblem('Ctrl+Foo')).toMatch(/"Foo" is not a key Electron knows/);
    expect(acceleratorProblem('Hyper+A')).toMatch(/"Hyper" is not a modifier/);
    expect(acceleratorProblem('Ctrl+Shift')).toMatch(/ends in a modifier/);
    expect(acceleratorProblem('A')).toMatch(/has no modifier; .* every other app/);
    expect(acceleratorProblem('Ctrl++A')).toMatch(/empty part/);
    expect(acceleratorProblem('Shift+Ctrl+shift+A')).toMatch(/names a modifier twice/);
    expect(acceleratorProblem('Ctrl+F25')).toMatch(/"F25" is not a key/);
  });

  it('the settings default to a shortcut that opens the window, none for acknowledging, and refuse a bad one', () => {
    expect(settingsSchema.parse({}).shortcuts).toEqual({
      openWindow: 'CommandOrControl+Alt+O',
      acknowledge: '',
    });
    const bad = settingsSchema.safeParse({ shortcuts: { openWindow: 'Ctrl+Foo' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['shortcuts', 'openWindow'],
      message: expect.stringMatching(/"Foo" is not a key .*\(or "" for none\)/),
    });
  });
});
