import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../services/settings/home-dir';
import { trayModel, type TrayInput, type TrayModel } from '../services/tray/tray-model';
import type { ShellIcons } from './icons';

/** What the tray's menu actions do. */
export interface TrayActions {
  open(): void;
  quit(): void;
}

/** The tray icon, kept in step with the firing count. */
export interface TrayController {
  update(input: TrayInput): void;
  /** What the tray shows now (for the ONCALL_TEST hook). */
  model(): TrayModel;
  isDestroyed(): boolean;
  destroy(): void;
}

/**
 * Create the tray icon. The model (icon state, tooltip, menu) is computed by the electron-free
 * tray-model; this file only turns it into Electron objects. Linux needs `setContextMenu` again
 * after every change, so the menu is rebuilt whenever the model changes.
 */
export function createTray(icons: ShellIcons, actions: TrayActions): TrayController {
  let model = trayModel({ firing: 0 }, PRODUCT_NAME);
  const tray = new Tray(icons.tray[model.icon]);

  const apply = (next: TrayModel, force = false): void => {
    if (force || next.icon !== model.icon) tray.setImage(icons.tray[next.icon]);
    if (force || next.tooltip !== model.tooltip) tray.setToolTip(next.tooltip);
    if (force || JSON.stringify(next.menu) !== JSON.stringify(model.menu)) {
      tray.setContextMenu(Menu.buildFromTemplate(next.menu.map((item) => menuItem(item, actions))));
    }
    model = next;
  };

  // Windows and macOS report clicks on the icon itself; Linux (AppIndicator) only opens the menu.
  tray.on('click', () => actions.open());
  apply(model, true);

  return {
    update: (input) => apply(trayModel(input, PRODUCT_NAME)),
    model: () => model,
    isDestroyed: () => tray.isDestroyed(),
    destroy: () => tray.destroy(),
  };
}

function menuItem(
  item: TrayModel['menu'][number],
  actions: TrayActions,
): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'status':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return {
        label: item.label,
        click: () => (item.action === 'open' ? actions.open() : actions.quit()),
      };
  }
}
