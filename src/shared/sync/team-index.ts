import type * as Y from 'yjs';
import { isoTimeSchema } from '../domain/alert';
import { severitySchema } from '../domain/severity';
import { incidentIdSchema, incidentStatusSchema } from '../incident/schema';
import type { TeamIncident } from './sync-view';

/** The name of the document that lists the team's incidents on the sync server. */
export const TEAM_INDEX_DOCUMENT = 'team-incidents';

const MAP = 'incidents';

/** One incident as the index keeps it (the document holds the rest). */
export type TeamIndexEntry = Omit<TeamIncident, 'joined'>;

/**
 * Every well-formed entry of the team index, newest declared first. Entries written by another
 * version that this one cannot read are skipped, not fatal: the index is only a list.
 * @param doc - the `team-incidents` document
 */
export function readTeamIndex(doc: Y.Doc): TeamIndexEntry[] {
  const entries: TeamIndexEntry[] = [];
  for (const [id, value] of doc.getMap<unknown>(MAP).entries()) {
    const entry = parseEntry(id, value);
    if (entry) entries.push(entry);
  }
  return entries.sort(
    (a, b) => (b.declaredAt ?? '').localeCompare(a.declaredAt ?? '') || a.id.localeCompare(b.id),
  );
}

/**
 * Put one incident in the index, or bring its entry up to date; writes nothing when the entry
 * already says the same (so members holding the same incident do not rewrite it back and forth).
 * @param doc - the `team-incidents` document
 * @param entry - the incident as this member holds it
 * @returns true when it wrote
 */
export function writeTeamIndexEntry(doc: Y.Doc, entry: TeamIndexEntry): boolean {
  const map = doc.getMap<unknown>(MAP);
  const current = parseEntry(entry.id, map.get(entry.id));
  const value: Record<string, string> = {
    title: entry.title,
    severity: entry.severity,
    status: entry.status,
  };
  if (entry.declaredAt !== undefined) value.declaredAt = entry.declaredAt;
  if (
    current &&
    current.title === entry.title &&
    current.severity === entry.severity &&
    current.status === entry.status &&
    current.declaredAt === entry.declaredAt
  ) {
    return false;
  }
  map.set(entry.id, value);
  return true;
}

function parseEntry(id: string, value: unknown): TeamIndexEntry | undefined {
  if (typeof value !== 'object' || value === null || !incidentIdSchema.safeParse(id).success) {
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const severity = severitySchema.safeParse(raw.severity);
  const status = incidentStatusSchema.safeParse(raw.status);
  if (typeof raw.title !== 'string' || !severity.success || !status.success) return undefined;
  const entry: TeamIndexEntry = {
    id,
    title: raw.title.slice(0, 1000),
    severity: severity.data,
    status: status.data,
  };
  if (isoTimeSchema.safeParse(raw.declaredAt).success) {
    entry.declaredAt = raw.declaredAt as string;
  }
  return entry;
}
