import { z } from 'zod';
import type { AlertSilence } from '../../../shared/domain/alert';

// The body of GET /api/v2/silences, `gettableSilences` in Alertmanager's OpenAPI document
// (/work/shared/specs/alertmanager-openapi-v2.yaml; the fixtures are checked against it).
// `annotations` is required by the current spec but absent before 0.27 (Debian ships 0.25),
// and the app never reads it.

/** The query for silences: newer Alertmanagers leave out expired and pending ones; 0.25 ignores it. */
export const SILENCES_QUERY = 'api/v2/silences?expired=false&pending=false';

const dateTimeSchema = z.iso.datetime({ offset: true });

/** One `matcher` of a silence. */
export const silenceMatcherSchema = z.object({
  name: z.string(),
  value: z.string(),
  isRegex: z.boolean(),
  /** Absent before Alertmanager 0.22, where every matcher is equal-matching. */
  isEqual: z.boolean().optional(),
});

/** One `gettableSilence`. */
export const gettableSilenceSchema = z.object({
  id: z.string().min(1),
  status: z.object({ state: z.enum(['expired', 'active', 'pending']) }),
  updatedAt: dateTimeSchema,
  matchers: z.array(silenceMatcherSchema).min(1),
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  createdBy: z.string(),
  comment: z.string(),
});

/** A silence as Alertmanager's API v2 returns it. */
export type GettableSilence = z.infer<typeof gettableSilenceSchema>;

/** The active silences of one poll, by id, and how many entries could not be read. */
export interface SilenceIndex {
  readonly byId: ReadonlyMap<string, GettableSilence>;
  /** Entries that are not silences as the spec defines them; skipped, and said in the status. */
  readonly unreadable: number;
}

/**
 * Index the active silences of a GET /api/v2/silences body by id, the only lookup the alerts
 * need (their `silencedBy`), so thousands of silences cost one pass, not one per alert. Expired
 * and pending silences (0.25 lists every silence it keeps, expired ones for days) are skipped
 * without validating them.
 * @param json - the parsed body
 * @throws Error when the body is not a list at all
 */
export function indexActiveSilences(json: unknown): SilenceIndex {
  if (!Array.isArray(json)) throw new Error('the silence list is not a JSON array');
  const byId = new Map<string, GettableSilence>();
  let unreadable = 0;
  for (const entry of json as unknown[]) {
    if (notActive(entry)) continue;
    const parsed = gettableSilenceSchema.safeParse(entry);
    if (parsed.success) byId.set(parsed.data.id, parsed.data);
    else unreadable += 1;
  }
  return { byId, unreadable };
}

// Only a silence that says it is expired or pending is skipped unread; anything else is
// validated, so an entry of the wrong shape is counted rather than passed over.
function notActive(entry: unknown): boolean {
  const state = (entry as { status?: { state?: unknown } } | null)?.status?.state;
  return state === 'expired' || state === 'pending';
}

/**
 * The app's view of a silence.
 * @param silence - as Alertmanager returned it
 */
export function toAlertSilence(silence: GettableSilence): AlertSilence {
  return {
    id: silence.id,
    createdBy: silence.createdBy,
    comment: silence.comment,
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
  };
}
