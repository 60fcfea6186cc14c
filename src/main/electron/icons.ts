import fs from 'node:fs';
import path from 'node:path';
import { nativeImage, type NativeImage } from 'electron';
import { TRAY_ICON_STATES, type TrayIconState } from '../services/tray/tray-model';
import type { AppLog } from '../services/app/app-log';
import { describeError } from './log';

/**
 * The icons the shell shows. vite.main.config.ts copies assets/icons into the build output
 * (`.vite/build/icons/…`), next to main.cjs, so they are inside the asar when packaged.
 * They are read with fs (asar-aware) and turned into images from buffers, which works the same
 * in and out of an asar archive.
 */
export interface ShellIcons {
  tray: Record<TrayIconState, NativeImage>;
  /** The app icon for the window (Linux, Windows) and notifications. */
  app: NativeImage;
}

/**
 * Load every icon from `dir` (normally `path.join(__dirname, 'icons')`). A missing file gives an
 * empty image and a log line instead of a crash: the app still works without its icons.
 */
export function loadShellIcons(dir: string, log: AppLog): ShellIcons {
  const tray = Object.fromEntries(
    TRAY_ICON_STATES.map((state) => [state, loadScaled(path.join(dir, 'tray'), state, log)]),
  ) as Record<TrayIconState, NativeImage>;
  return { tray, app: loadScaled(path.join(dir, 'app'), 'icon', log) };
}

/** `<name>.png` at scale 1 plus `<name>@2x.png` at scale 2 when present (HiDPI trays). */
function loadScaled(dir: string, name: string, log: AppLog): NativeImage {
  const file = path.join(dir, `${name}.png`);
  let image: NativeImage;
  try {
    image = nativeImage.createFromBuffer(fs.readFileSync(file), { scaleFactor: 1 });
  } catch (error) {
    log('warn', `Icon ${file} could not be read: ${describeError(error)}`);
    return nativeImage.createEmpty();
  }
  const hiDpi = path.join(dir, `${name}@2x.png`);
  if (fs.existsSync(hiDpi))
    image.addRepresentation({ scaleFactor: 2, buffer: fs.readFileSync(hiDpi) });
  return image;
}
