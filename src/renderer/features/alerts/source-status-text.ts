import type { SourceStatus } from '../../../shared/domain/source';
import { formatAgo, formatClockTime, formatIn } from '../../components/time-format';

/** A source's health in words, for the source strip. */
export interface SourceStatusText {
  tone: 'ok' | 'failing' | 'pending' | 'disabled';
  /** Short: "ok", "failing", "waiting for the first poll". */
  label: string;
  /** "last poll 10 s ago · 3 active", or "failing since 14:02 (5 attempts), retrying in 20 s". */
  detail: string;
  /** Why it fails, or what is wrong while alerts still flow, as the app said it. */
  reason: string | undefined;
  /** Set for the fallback source: what it means and what to do. */
  defaultNote: string | undefined;
}

/**
 * Describe a source's status.
 * @param status - the status
 * @param now - epoch ms
 */
export function describeSourceStatus(status: SourceStatus, now: number): SourceStatusText {
  const defaultNote = status.isDefault
    ? `No source configured — watching Alertmanager's default address ${status.url}. Add yours in Settings.`
    : undefined;
  const base = { defaultNote, reason: undefined };
  const active = `${status.activeAlerts} active`;
  switch (status.health) {
    case 'ok': {
      const last = status.lastSuccessAt ?? status.lastAttemptAt;
      return {
        ...base,
        tone: 'ok',
        label: 'ok',
        detail: last ? `last poll ${formatAgo(Date.parse(last), now)} · ${active}` : active,
        // Alerts flow, but not all is well (a member of an HA cluster is down): say so.
        reason: status.reason,
      };
    }
    case 'failing': {
      const parts: string[] = [];
      const attempts = `${status.failures} ${status.failures === 1 ? 'attempt' : 'attempts'}`;
      parts.push(
        status.failingSince
          ? `failing since ${formatClockTime(new Date(status.failingSince), new Date(now))} (${attempts})`
          : `failing (${attempts})`,
      );
      if (status.nextAttemptAt)
        parts.push(`retrying ${formatIn(Date.parse(status.nextAttemptAt), now)}`);
      return {
        ...base,
        tone: 'failing',
        label: 'failing',
        detail: parts.join(', '),
        reason: status.reason,
      };
    }
    case 'pending':
      return {
        ...base,
        tone: 'pending',
        label: 'connecting',
        detail: 'waiting for the first poll',
      };
    case 'disabled':
      return {
        ...base,
        tone: 'disabled',
        label: 'disabled',
        detail: 'not polled (disabled in settings)',
      };
  }
}
