import type { TimelineEntry } from '../../../shared/incident/schema';
import {
  diffTimeline,
  sameTimelineEntry,
  type TimelineChanges,
} from '../../../shared/incident/timeline-diff';
import type { IncidentView } from '../../../shared/ipc/incident-schemas';
import type {
  IncidentPatch,
  VersionedIncidentView,
} from '../../../shared/ipc/incident-patch-schemas';

/** Turns each durable change of an incident into the patch that renderers merge. */
export interface IncidentPatches {
  /**
   * The patch for a change: the incident as it now is against the timeline last sent. Every call
   * is a new version, so call it once per change, for the push.
   */
  next(view: IncidentView): IncidentPatch;
  /** The incident whole with its current version, for a renderer that (re)loads it. */
  versioned(view: IncidentView): VersionedIncidentView;
  /** The current version of an incident (0 before its first change). */
  version(id: string): number;
}

interface Sent {
  version: number;
  entries: Map<string, TimelineEntry>;
  /** The timeline as last read, in its order. */
  timeline: readonly TimelineEntry[];
}

/**
 * Patches of incidents, kept in memory while the app runs: what each incident's timeline was at
 * its last push, so the next push carries only what changed since. Versions start again with
 * the app; a renderer that reconnects loads each incident it shows anyway.
 */
export function createIncidentPatches(): IncidentPatches {
  const sent = new Map<string, Sent>();
  const remember = (view: IncidentView, version: number): void => {
    sent.set(view.incident.id, {
      version,
      entries: new Map(view.incident.timeline.map((entry) => [entry.id, entry])),
      timeline: view.incident.timeline,
    });
  };
  return {
    next(view) {
      const before = sent.get(view.incident.id);
      const base = before?.version ?? 0;
      const timeline =
        (before && appendedOnly(before, view.incident.timeline)) ??
        diffTimeline(before?.entries ?? new Map(), view.incident.timeline);
      if (before === undefined) remember(view, base + 1);
      else {
        // Updated in place: rebuilding a 10,000-entry map for every line costs more than the diff.
        before.version = base + 1;
        for (const id of timeline.removed) before.entries.delete(id);
        for (const entry of timeline.upserted) before.entries.set(entry.id, entry);
        before.timeline = view.incident.timeline;
      }
      const { timeline: _whole, ...incident } = view.incident;
      const patch: IncidentPatch = {
        id: view.incident.id,
        version: base + 1,
        base,
        incident,
        timeline,
      };
      if (view.warning !== undefined) patch.warning = view.warning;
      return patch;
    },
    versioned(view) {
      const version = sent.get(view.incident.id)?.version ?? 0;
      // What this renderer now holds is the base of the next patch for everyone; keep the
      // timeline it was sent so the next diff is against it (the same as any other reader's).
      if (version === 0) remember(view, 0);
      return { ...view, version };
    },
    version: (id) => sent.get(id)?.version ?? 0,
  };
}

/**
 * The changes when the timeline read now begins with the very entries read last time, in the
 * same places (the scribe's next line, added at the end): those are unchanged and none is gone,
 * so only the entries after them are looked at, not all 10,000 by id. Undefined otherwise.
 */
function appendedOnly(before: Sent, after: readonly TimelineEntry[]): TimelineChanges | undefined {
  const previous = before.timeline;
  if (after.length < previous.length) return undefined;
  for (let i = 0; i < previous.length; i++) if (after[i] !== previous[i]) return undefined;
  const upserted = after.slice(previous.length).filter((entry) => {
    const old = before.entries.get(entry.id);
    return old === undefined || !sameTimelineEntry(old, entry);
  });
  return { upserted, removed: [] };
}
