import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../src/renderer/app/app-context';
import { ShortcutsSection } from '../../../src/renderer/features/settings/shortcuts-section';
import { settingsSchema, type SettingsInput } from '../../../src/shared/domain/settings';

function render(input: SettingsInput): string {
  const value = { bridge: { invoke: async () => ({}) } } as unknown as AppContextValue;
  const view = { settings: settingsSchema.parse(input), path: '/home/you/.oncall/settings.json' };
  return renderToStaticMarkup(
    createElement(AppContext.Provider, { value }, createElement(ShortcutsSection, { view })),
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('Settings → Desktop shortcuts', () => {
  it('says they are for the desktop app, and which one is off', () => {
    const text = render({});
    expect(text).toContain('(desktop app only; browser mode has no global shortcuts)');
    expect(text).toContain('Brings this window forward.');
    expect(text).toContain('Off. Acknowledges the most urgent alert');
  });

  it('shows a saved shortcut as on', () => {
    const text = render({ shortcuts: { openWindow: '', acknowledge: 'Ctrl+Alt+K' } });
    expect(text).toContain('Off. Brings this window forward.');
    expect(text).not.toContain('Off. Acknowledges');
  });
});
