import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../services/settings/home-dir';
import {
  trayModel,
  type TrayAction,
  type TrayInput,
  type TrayMenuItem,
  type TrayModel,
} from '../services/tray/tray-model';
import type { ShellIcons } from './icons';

/** The tray icon, kept in step with the services. */
export interface TrayController {
  update(input: TrayInput): void;
  /** What the tray shows now (for the ONCALL_TEST hook). */
  model(): TrayModel;
  isDestroyed(): boolean;
  destroy(): void;
}

/** What the tray needs from the shell. */
export interface TrayOptions {
  icons: ShellIcons;
  /** Carries out a menu entry (services/tray/tray-actions); reports its own failures. */
  run: (action: TrayAction) => void;
  /** A click on the icon itself. */
  open: () => void;
}

// A time of day in the user's locale and zone, for "Do not disturb (until 14:30)".
const timeOfDay = (at: Date): string =>
  at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * Create the tray icon. The model (icon state, tooltip, title, menu) is computed by the
 * electron-free tray-model, labels already made safe; this file only turns it into Electron
 * objects. Linux needs `setContextMenu` again after every change, so the menu is rebuilt
 * whenever the model changes.
 */
export function createTray(options: TrayOptions, initial: TrayInput): TrayController {
  const { icons } = options;
  let model = trayModel(initial, PRODUCT_NAME, timeOfDay);
  const tray = new Tray(icons.tray[model.icon]);

  const apply = (next: TrayModel, force = false): void => {
    if (force || next.icon !== model.icon) tray.setImage(icons.tray[next.icon]);
    if (force || next.tooltip !== model.tooltip) tray.setToolTip(next.tooltip);
    // The count beside the icon: macOS only (the menu bar has room for it).
    if (process.platform === 'darwin' && (force || next.title !== model.title)) {
      tray.setTitle(next.title);
    }
    if (force || JSON.stringify(next.menu) !== JSON.stringify(model.menu)) {
      tray.setContextMenu(Menu.buildFromTemplate(next.menu.map((item) => menuItem(item, options))));
    }
    model = next;
  };

  // Windows and macOS report clicks on the icon itself; Linux (AppIndicator) only opens the menu.
  tray.on('click', () => options.open());
  apply(model, true);

  return {
    update: (input) => apply(trayModel(input, PRODUCT_NAME, timeOfDay)),
    model: () => model,
    isDestroyed: () => tray.isDestroyed(),
    destroy: () => tray.destroy(),
  };
}

function menuItem(item: TrayMenuItem, options: TrayOptions): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'status':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: item.label, click: () => options.run(item.action) };
    case 'toggle':
      return {
        type: 'checkbox',
        label: item.label,
        checked: item.checked,
        click: () => options.run(item.action),
      };
    case 'submenu':
      return { label: item.label, submenu: item.items.map((sub) => menuItem(sub, options)) };
  }
}
