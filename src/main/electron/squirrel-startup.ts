import { spawn } from 'node:child_process';
import path from 'node:path';
import { app } from 'electron';

/**
 * Squirrel.Windows runs the app with `--squirrel-*` while installing, updating and uninstalling;
 * it must then create or remove the shortcuts and quit at once, not start. This is what the
 * electron-squirrel-startup package does, in a few lines instead of a dependency.
 * @returns true when this run was such an event and the app is quitting
 */
export function handleSquirrelEvent(): boolean {
  if (process.platform !== 'win32') return false;
  const command = process.argv[1];
  if (command === undefined || !command.startsWith('--squirrel-')) return false;

  const updateExe = path.resolve(path.dirname(process.execPath), '..', 'Update.exe');
  const exeName = path.basename(process.execPath);
  const run = (args: string[]): void => {
    try {
      spawn(updateExe, args, { detached: true, stdio: 'ignore' }).on('close', () => app.quit());
    } catch {
      app.quit();
    }
  };
  switch (command) {
    case '--squirrel-install':
    case '--squirrel-updated':
      run(['--createShortcut', exeName]);
      return true;
    case '--squirrel-uninstall':
      run(['--removeShortcut', exeName]);
      return true;
    default:
      // --squirrel-obsolete and anything newer: nothing to do but quit.
      app.quit();
      return true;
  }
}
