import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../../src/renderer/app/app-context';
import { PageAlarm } from '../../../../src/renderer/features/alarm/page-alarm';

function render(mode: 'electron' | 'browser'): string {
  const value = {
    bridge: { mode, invoke: async () => ({ ringing: [] }), on: () => () => {} },
  } as unknown as AppContextValue;
  return renderToStaticMarkup(
    createElement(AppContext.Provider, { value }, createElement(PageAlarm)),
  );
}

describe('the alarm in the main page', () => {
  it('is the alarm dialog in browser mode', () => {
    expect(render('browser')).toContain('role="alertdialog"');
  });

  it('is left to the alarm window in the desktop app: no second dialog or sound', () => {
    expect(render('electron')).toBe('');
  });
});
