import { describe, expect, it } from 'vitest';
import { createUiStore } from '../../../../src/renderer/stores/ui-store';

describe('ui store', () => {
  it('reveal shows the alert list with that alert selected and its details open', () => {
    const ui = createUiStore();
    ui.actions.showView('settings');
    ui.actions.reveal('am:abc');
    expect(ui.getState()).toMatchObject({ view: 'alerts', selectedId: 'am:abc' });
    expect(ui.getState().expanded.has('am:abc')).toBe(true);
    // Revealing it again keeps its details open instead of closing them.
    ui.actions.reveal('am:abc');
    expect(ui.getState().expanded.has('am:abc')).toBe(true);
  });
});
