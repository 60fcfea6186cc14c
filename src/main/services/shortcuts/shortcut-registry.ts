import type { ShortcutSettings } from '../../../shared/domain/settings';

/** Which global shortcut: one per entry of the `shortcuts` settings. */
export type ShortcutName = keyof ShortcutSettings;

/** The OS's global shortcuts (Electron's `globalShortcut` in the shell). */
export interface GlobalKeys {
  /** False when another app holds the accelerator already; may throw on one it cannot parse. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

/** Where one shortcut stands after the settings were applied. */
export interface ShortcutStatus {
  name: ShortcutName;
  accelerator: string;
  registered: boolean;
  /** Why it is not registered, in words the user can act on. */
  problem?: string;
}

/** The global shortcuts, kept in step with the settings. */
export interface ShortcutRegistry {
  /** Register what the settings name, unregister what they no longer do; answers each one. */
  apply(settings: ShortcutSettings): ShortcutStatus[];
  /** What is registered now and what failed. */
  statuses(): ShortcutStatus[];
  /** Unregister every shortcut of this app. */
  dispose(): void;
}

const WHAT: Readonly<Record<ShortcutName, string>> = {
  openWindow: 'open the window',
  acknowledge: 'acknowledge the most urgent alert',
};

/**
 * Registers the global shortcuts of the `shortcuts` settings. A shortcut another app holds is
 * reported (once per accelerator asked for), not left silently dead; an unchanged one is left
 * registered, so saving other settings does not re-register or re-report anything.
 * @param deps - the OS's shortcuts, what each one does, and how a problem reaches the user
 */
export function createShortcutRegistry(deps: {
  keys: GlobalKeys;
  actions: Readonly<Record<ShortcutName, () => void>>;
  report: (message: string) => void;
}): ShortcutRegistry {
  const current = new Map<ShortcutName, ShortcutStatus>();

  const release = (status: ShortcutStatus): void => {
    if (status.registered) deps.keys.unregister(status.accelerator);
  };

  const register = (name: ShortcutName, accelerator: string): ShortcutStatus => {
    let registered = false;
    // Electron says only "no": another app holds it, or the desktop lets no app take global
    // shortcuts (a Wayland session without the GlobalShortcuts portal).
    let reason = 'the system refused it (another app may hold it)';
    try {
      registered = deps.keys.register(accelerator, deps.actions[name]);
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (registered) return { name, accelerator, registered };
    const problem = `The shortcut ${accelerator} to ${WHAT[name]} could not be registered: ${reason}. Choose another under "shortcuts" in the settings.`;
    deps.report(problem);
    return { name, accelerator, registered, problem };
  };

  return {
    apply(settings) {
      for (const name of Object.keys(WHAT) as ShortcutName[]) {
        const accelerator = settings[name];
        const before = current.get(name);
        if (before?.accelerator === accelerator) continue;
        if (before) release(before);
        current.delete(name);
        if (accelerator !== '') current.set(name, register(name, accelerator));
      }
      return [...current.values()];
    },
    statuses: () => [...current.values()],
    dispose() {
      for (const status of current.values()) release(status);
      current.clear();
    },
  };
}
