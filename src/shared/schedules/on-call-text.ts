import type { LayerOnCall, OnCallSummary } from './on-call';
import { comingTimeText } from './zone';

/** One schedule's on-call line. */
export interface OnCallLine {
  readonly scheduleId: string;
  readonly name: string;
  /** "On call now: Ana (primary), Ben (secondary) · next: Ben at Mon 09:00 (primary)". */
  readonly text: string;
}

function nowText(layer: LayerOnCall): string {
  return `${layer.now?.person ?? 'nobody'} (${layer.layer})`;
}

/**
 * The summary in words, for the "On call" panel: a line per schedule (who now, who next and
 * when), and a line about me (on call now, or my next shift).
 * @param summary - as `schedules:onCall` answers it
 * @param zone - the zone the reader reads times in
 */
export function onCallText(
  summary: OnCallSummary,
  zone: string,
): { lines: OnCallLine[]; mine?: string } {
  const when = (ms: number) => comingTimeText(ms, summary.at, zone);
  const lines = summary.schedules.map((schedule) => {
    const nexts = schedule.layers
      .filter((layer) => layer.next)
      .map((layer) => {
        const tag = schedule.layers.length > 1 ? ` (${layer.layer})` : '';
        return `${layer.next?.person ?? ''} at ${when(layer.next?.start ?? 0)}${tag}`;
      });
    const now = `On call now: ${schedule.layers.map(nowText).join(', ')}`;
    return {
      scheduleId: schedule.id,
      name: schedule.name,
      text: nexts.length > 0 ? `${now} · next: ${nexts.join(', ')}` : now,
    };
  });
  const current = summary.mineNow[0];
  const next = summary.myNext;
  let mine: string | undefined;
  if (current) {
    mine = `You are on call now (${current.layer}, ${current.scheduleName}) until ${when(current.shift.end)}`;
  } else if (next) {
    mine = `Your next shift: ${when(next.shift.start)} (${next.layer}, ${next.scheduleName})`;
  }
  return { lines, ...(mine !== undefined && { mine }) };
}

/**
 * The tray's one line about who is on call: me when I am ("You are on call (primary,
 * Platform)"), else each schedule's primary now ("On call: Ana (Platform), Cy (Database)").
 * Undefined when there are no schedules, so the tray shows no line.
 * @param summary - as `schedules:onCall` answers it
 */
export function trayOnCallLine(summary: OnCallSummary): string | undefined {
  const mine = summary.mineNow[0];
  if (mine) return `You are on call (${mine.layer}, ${mine.scheduleName})`;
  if (summary.schedules.length === 0) return undefined;
  const people = summary.schedules.map((schedule) => {
    const primary = schedule.layers.find((layer) => layer.layer === 'primary');
    return `${primary?.now?.person ?? 'nobody'} (${schedule.name})`;
  });
  return `On call: ${people.join(', ')}`;
}
