/**
 * The webPreferences of every window the shell opens (Electron security checklist, design §5).
 * Plain data, so it can be tested without Electron; the shell passes it to `BrowserWindow`.
 * @param preload - absolute path of the bundled preload script (`preload.cjs`)
 * @param devTools - whether DevTools may open (development only)
 */
export function secureWebPreferences(preload: string, devTools: boolean) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
  } as const;
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
