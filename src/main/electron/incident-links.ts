// Incident links (`oncall-companion://incident/<id>?server=…`) opened from chat or a browser.
// The shell only hands the raw text to the page, which reads it with the same shared parser as a
// pasted link (and so refuses the same things): nothing here trusts or acts on the link.
import { app } from 'electron';
import { resolve } from 'node:path';
import { findIncidentLinkArg, INCIDENT_LINK_SCHEME } from '../../shared/sync/incident-link';

/** What following links needs. */
export interface IncidentLinkOptions {
  /** Show the window and give the page the link. */
  deliver: (link: string) => void;
  log: (level: 'info' | 'warn', message: string) => void;
}

/**
 * Register the app as the handler of `oncall-companion://` and pass each opened link on. Call
 * before the app is ready (macOS sends `open-url` for the link that launched it early).
 * @param options - where links go
 * @returns the link the app was launched with, if any, to deliver once the window exists
 */
export function registerIncidentLinks(options: IncidentLinkOptions): string | undefined {
  // Started as `electron path/to/main` (development), the OS must be told the script too.
  const script = process.defaultApp ? process.argv[1] : undefined;
  const args = script === undefined ? [] : [resolve(script)];
  // Electronegativity asks for a review of every custom protocol handler. Reviewed: a link
  // opened here is never navigated to, loaded or executed; it is handed as text to the page,
  // which reads it with parseIncidentLink (incident id and server only, the configured server
  // only) and at most asks the team's own server for that incident.
  const registered = app.setAsDefaultProtocolClient(INCIDENT_LINK_SCHEME, process.execPath, args); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  if (!registered) {
    options.log('warn', `Could not register ${INCIDENT_LINK_SCHEME}:// links with the desktop.`);
  }
  // macOS.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    options.deliver(url);
  });
  // Linux and Windows: a second launch carries the link in its arguments; the single-instance
  // lock sends them here.
  app.on('second-instance', (_event, argv) => {
    const link = findIncidentLinkArg(argv);
    if (link !== undefined) options.deliver(link);
  });
  return findIncidentLinkArg(process.argv);
}
