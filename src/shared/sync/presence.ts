import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { incidentIdSchema } from '../incident/schema';

/** The longest name shown for a teammate; longer ones are cut with "…". */
export const PRESENCE_NAME_MAX = 60;

/** The most people listed in one incident (typing ones first); a flood of peers is cut there. */
export const PRESENCE_PEOPLE_MAX = 50;

/** What a teammate is doing in an incident: looking at it, or typing into its timeline. */
export const presenceActivitySchema = z.enum(['viewing', 'typing']);

/** What a teammate is doing in an incident. */
export type PresenceActivity = z.infer<typeof presenceActivitySchema>;

/**
 * What this app tells the team through Yjs awareness about its user in one incident: who, doing
 * what, since when. Peers' states are untrusted: see {@link readPeerPresence}.
 */
export interface PeerPresence {
  name: string;
  activity: PresenceActivity;
  /** When the activity last changed (ISO 8601). */
  since: string;
}

// Loose on the way in (a peer may run another version); every field is checked or cut below.
const peerStateSchema = z.object({
  name: z.string().max(10_000),
  activity: presenceActivitySchema,
  since: isoTimeSchema,
});

/**
 * One person present in an incident, as the renderer shows them: plain text only, never HTML.
 */
export const presentPersonSchema = z.object({
  name: z.string().min(1).max(PRESENCE_NAME_MAX),
  /** The roles they hold in the incident, by the incident's own record (not their claim). */
  roles: z.array(z.string().max(200)),
  activity: presenceActivitySchema,
  /** When their activity last changed. */
  since: isoTimeSchema,
});

/** One person present in an incident. */
export type PresentPerson = z.infer<typeof presentPersonSchema>;

/**
 * Who else is present in each incident this app shares (this app's own user left out), pushed
 * as `presence:changed` whenever it changes. An incident nobody else has open is absent.
 */
export const presenceViewSchema = z.object({
  incidents: z.record(incidentIdSchema, z.array(presentPersonSchema).max(PRESENCE_PEOPLE_MAX)),
});

/** Who else is present in each shared incident. */
export type PresenceView = z.infer<typeof presenceViewSchema>;

/** What the renderer says its user is doing: in one incident, or in none. */
export const presenceActivityRequestSchema = z
  .object({
    incidentId: incidentIdSchema.nullable(),
    activity: presenceActivitySchema,
  })
  .strict();

/**
 * Make a name from a peer safe to show as text: control and formatting characters (bidi
 * overrides, zero-width joiners) removed, whitespace collapsed, cut to {@link PRESENCE_NAME_MAX}.
 * @param raw - the name as the peer sent it
 * @returns the name to show, or undefined when nothing printable is left
 */
export function cleanPeerName(raw: string): string | undefined {
  const collapsed = raw
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (collapsed === '') return undefined;
  const chars = [...collapsed];
  if (chars.length <= PRESENCE_NAME_MAX) return collapsed;
  return `${chars
    .slice(0, PRESENCE_NAME_MAX - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Read one peer's awareness state, which any member of the team (or a buggy client) may have
 * set to anything.
 * @param state - the raw awareness state
 * @returns the presence, or undefined for a state that says nothing usable (e.g. `{}`)
 */
export function readPeerPresence(state: unknown): PeerPresence | undefined {
  const parsed = peerStateSchema.safeParse(state);
  if (!parsed.success) return undefined;
  const name = cleanPeerName(parsed.data.name);
  if (name === undefined) return undefined;
  return { name, activity: parsed.data.activity, since: parsed.data.since };
}

/** A role of the incident and who holds it, as the incident's own record says. */
export interface HeldRole {
  name: string;
  holder?: string | undefined;
}

/**
 * Everyone present in one incident, one entry per name (a person with two windows open shows
 * once, typing if either is), typing first, then by name, at most {@link PRESENCE_PEOPLE_MAX}.
 * @param states - the peers' raw awareness states (this app's own left out by the caller)
 * @param roles - the incident's roles, to say which each person holds
 */
export function presentPeople(
  states: Iterable<unknown>,
  roles: readonly HeldRole[],
): PresentPerson[] {
  const byName = new Map<string, PeerPresence>();
  for (const state of states) {
    const peer = readPeerPresence(state);
    if (!peer) continue;
    const key = peer.name.toLocaleLowerCase();
    const known = byName.get(key);
    if (!known || outranks(peer, known)) byName.set(key, peer);
  }
  return [...byName.values()]
    .map((peer) => ({
      name: peer.name,
      roles: roles
        .filter((role) => role.holder?.trim().toLocaleLowerCase() === peer.name.toLocaleLowerCase())
        .map((role) => role.name),
      activity: peer.activity,
      since: peer.since,
    }))
    .sort(
      (a, b) =>
        Number(b.activity === 'typing') - Number(a.activity === 'typing') ||
        a.name.localeCompare(b.name),
    )
    .slice(0, PRESENCE_PEOPLE_MAX);
}

function outranks(a: PeerPresence, b: PeerPresence): boolean {
  if (a.activity !== b.activity) return a.activity === 'typing';
  return a.since > b.since;
}

/**
 * The line near the timeline composer saying who holds the scribe's pen now.
 * @param people - the people present in the incident
 * @returns "Ana is typing…", "Ana and Bo are typing…", "Ana, Bo and 2 others are typing…", or
 * undefined when nobody is
 */
export function typingLine(people: readonly PresentPerson[]): string | undefined {
  const names = people.filter((p) => p.activity === 'typing').map((p) => p.name);
  if (names.length === 0) return undefined;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  const others = names.length - 2;
  return `${names[0]}, ${names[1]} and ${others} other${others === 1 ? '' : 's'} are typing…`;
}
