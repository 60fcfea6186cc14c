import { shell } from 'electron';
import { safeExternalUrl } from '../../shared/ipc/link-guard';
import type { AppLog } from '../services/app/app-log';
import { describeError } from './log';

/**
 * Open a link in the user's browser, only when `safeExternalUrl` approves it (parsed http/https,
 * no credentials). Alert annotations and runbooks are untrusted, so everything else is refused.
 * @returns whether the link was handed to the OS
 */
export async function openExternalGuarded(raw: string, log: AppLog): Promise<boolean> {
  const url = safeExternalUrl(raw);
  if (url === undefined) {
    log('warn', `Refused to open a link that is not http(s): ${JSON.stringify(raw.slice(0, 200))}`);
    return false;
  }
  try {
    // Electronegativity flags every openExternal whose URL is not a constant; this one only ever
    // gets what safeExternalUrl approved just above (parsed http/https, no credentials).
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return true;
  } catch (error) {
    log('warn', `The OS could not open ${url}: ${describeError(error)}`);
    return false;
  }
}
