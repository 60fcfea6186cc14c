import type { SourceStatus } from '../../../shared/domain/source';
import type { AppLog } from '../app/app-log';
import type { Notifier } from './notifier';

/**
 * Consecutive failed polls before a source is announced as down. One blip is normal; three in a
 * row means the user is no longer watching what they think they are watching.
 */
export const FAILURES_BEFORE_NOTIFYING = 3;

/** Announces a source going blind and coming back, once each (Nagstamon users expect this). */
export interface SourceHealthNotifier {
  onStatus(status: SourceStatus): Promise<void>;
}

/**
 * A silent monitor is worse than a noisy one: when a source keeps failing, say so once, and say
 * once when it is back. Never rejects; failures go to the log.
 * @param options - the notifier, whether notifications are on, and the log
 */
export function createSourceHealthNotifier(options: {
  notifier: Notifier;
  enabled: () => boolean;
  log: AppLog;
}): SourceHealthNotifier {
  const announcedDown = new Set<string>();
  const send = async (title: string, body: string, urgency: 'normal' | 'low'): Promise<void> => {
    if (!options.enabled()) return;
    try {
      await options.notifier.notify({ title, body, urgency });
    } catch (error) {
      options.log(
        'warn',
        `Could not notify "${title}": ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    async onStatus(status) {
      const down = status.health === 'failing' && status.failures >= FAILURES_BEFORE_NOTIFYING;
      if (down && !announcedDown.has(status.sourceId)) {
        // Not announced while notifications are off, so turning them on while the source is
        // still down announces it on its next failure (and no "is back" comes out of nowhere).
        if (!options.enabled()) return;
        announcedDown.add(status.sourceId);
        await send(
          `Not receiving alerts from ${status.name}`,
          `${status.reason ?? 'Polling fails.'} Alerts from this source will not reach you until it recovers.`,
          'normal',
        );
      } else if (status.health === 'ok' && announcedDown.delete(status.sourceId)) {
        await send(
          `${status.name} is back`,
          `Alerts from ${status.url} are reaching you again.`,
          'low',
        );
      } else if (status.health === 'disabled') {
        announcedDown.delete(status.sourceId);
      }
    },
  };
}
