import { describe, expect, it } from 'vitest';
import { TRAY_LABEL_MAX, trayLabel } from '../../../../../src/main/services/tray/tray-label';

describe('tray label', () => {
  it('doubles & so Electron shows it instead of taking it as a mnemonic', () => {
    expect(trayLabel('Tom & Jerry && co')).toBe('Tom && Jerry &&&& co');
  });

  it('turns control characters, bidi overrides and line breaks into single spaces', () => {
    expect(trayLabel('a\u0000b\tc\r\n\u0085d\u202ee\u2066f  g')).toBe('a b c d e f g');
  });

  it('keeps markup as plain text: menus do not interpret it', () => {
    expect(trayLabel('<b>bold</b>')).toBe('<b>bold</b>');
  });

  it('cuts a long title at the cap with an ellipsis, never inside an emoji', () => {
    const cut = trayLabel('🔥'.repeat(200));
    expect(Array.from(cut)).toHaveLength(TRAY_LABEL_MAX);
    expect(cut.endsWith('🔥…')).toBe(true);
    expect(trayLabel('x'.repeat(TRAY_LABEL_MAX))).toBe('x'.repeat(TRAY_LABEL_MAX));
  });

  it('handles a megabyte-long title by its head only', () => {
    expect(trayLabel('y'.repeat(1_000_000))).toBe(`${'y'.repeat(TRAY_LABEL_MAX - 1)}…`);
  });
});
