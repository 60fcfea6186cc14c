/**
 * The webPreferences every window the shell opens must have (Electron security checklist, design
 * §5), each security value pinned as a literal type: `sandbox: false` or a missing
 * `contextIsolation` is a type error where the window is made. The shell writes the object out
 * in full at its `new BrowserWindow` call, where Electronegativity (which reads only that call)
 * and a reader both see it, and checks it with `satisfies SecureWebPreferences`.
 */
export interface SecureWebPreferences {
  /** Absolute path of the bundled preload script (\`preload.cjs\`). */
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  /** No middle-click `auxclick` (Electronegativity's AUXCLICK check); new windows are denied anyway. */
  readonly disableBlinkFeatures: 'Auxclick';
  /** Whether DevTools may open (development only). */
  readonly devTools: boolean;
  /** Only the alarm window sets it: its looping sound must start before any key press. */
  readonly autoplayPolicy?: 'no-user-gesture-required';
}

/**
 * Whether a permission request (or check) from a page is granted. Everything is denied except
 * writing text to the clipboard from the app's own page, so "copy status update" works; reading
 * the clipboard, notifications from the page, media, geolocation and the rest are refused
 * (notifications come from main, through the Notifier port).
 * @param permission - Electron's permission name
 * @param requestingUrl - URL of the frame asking, if known
 * @param isAppPage - the app page matcher
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isAppPage: (url: string) => boolean,
): boolean {
  return (
    permission === 'clipboard-sanitized-write' &&
    requestingUrl !== undefined &&
    isAppPage(requestingUrl)
  );
}
