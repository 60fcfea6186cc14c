import {
  PAGERDUTY_EVENTS_URL,
  escalationIdSchema,
  type OutboundChannel,
  type OutboundChannelKind,
} from '../../../../shared/escalation/policy-schema';
import type { PolicyFormDraft } from './policy-form-draft';

/** What each kind of channel is called in the app. */
export const CHANNEL_KIND_NAME: Record<OutboundChannelKind, string> = {
  webhook: 'JSON webhook',
  slack: 'Slack',
  ntfy: 'ntfy',
  pagerduty: 'PagerDuty Events API v2',
};

/** The kinds, in the order the form offers them. */
export const CHANNEL_KINDS = Object.keys(CHANNEL_KIND_NAME) as OutboundChannelKind[];

/**
 * One outbound channel as edited: never its secret, which lives in the secret store. Levels and
 * people point at a channel by its draft `key`, so they keep pointing at it while its id is
 * retyped (even through a moment where it equals another channel's id).
 */
export interface ChannelDraft {
  key: string;
  kind: OutboundChannelKind;
  id: string;
  name: string;
  /**
   * PagerDuty's Events URL as typed, '' for PagerDuty's own; kept while another kind is picked so
   * that switching back does not lose it.
   */
  eventsUrl: string;
  /**
   * In the saved settings. Its secret is stored under its id and main forgets secrets of ids no
   * longer in the settings, so a saved channel's id is not edited here: renaming it would drop
   * its secret on Save.
   */
  saved: boolean;
}

/** The channel a draft reference (a channel key) points at. */
export function channelByKey(
  draft: Pick<PolicyFormDraft, 'channels'>,
  key: string,
): ChannelDraft | undefined {
  return draft.channels.find((c) => c.key === key);
}

/** How a channel is called in messages: its name, else its id, else its place in the list. */
export function channelTitle(draft: Pick<PolicyFormDraft, 'channels'>, key: string): string {
  const index = draft.channels.findIndex((c) => c.key === key);
  const channel = draft.channels[index];
  return channel?.name.trim() || channel?.id.trim() || `channel ${index + 1}`;
}

/** An id no channel of the draft has yet: `channel-2`, `channel-3`, … */
export function freeChannelId(draft: Pick<PolicyFormDraft, 'channels'>): string {
  for (let n = draft.channels.length + 1; ; n++) {
    const id = `channel-${n}`;
    if (!draft.channels.some((c) => c.id === id)) return id;
  }
}

/**
 * Who in the draft uses a channel, as a person reads it: `level 1 of policy "SEV1"` for each level
 * paging it, and each person reached through it by name.
 * @param draft - the form
 * @param key - the channel's draft key
 */
export function channelUsers(draft: PolicyFormDraft, key: string): string[] {
  const users: string[] = [];
  draft.policies.forEach((policy, p) => {
    const title = policy.name.trim() || `Policy ${p + 1}`;
    policy.levels.forEach((level, l) => {
      if (level.targets.some((t) => t.kind === 'channel' && t.id === key)) {
        users.push(`level ${l + 1} of policy "${title}"`);
      }
    });
  });
  draft.people.forEach((person, h) => {
    if (person.channel === key) users.push(person.name.trim() || `person ${h + 1}`);
  });
  return users;
}

/** Items as a sentence lists them: `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Why a channel cannot be removed, or undefined when it can: something still pages through it,
 * and removing it would leave that pointing at nothing.
 * @param draft - the form
 * @param key - the channel's draft key
 */
export function channelRemoveRefusal(draft: PolicyFormDraft, key: string): string | undefined {
  const users = channelUsers(draft, key);
  if (users.length === 0) return undefined;
  return `${channelTitle(draft, key)} cannot be removed: ${listText(users)} ${users.length === 1 ? 'uses' : 'use'} it; pick another channel there first`;
}

/**
 * The id a reference to a channel saves as, or why it cannot: the channel's own id when it is a
 * valid one; otherwise the reason belongs at the channel's id field, and the reference says where.
 * @param draft - the form
 * @param key - the channel's draft key ('' when none is picked)
 */
export function channelReference(
  draft: Pick<PolicyFormDraft, 'channels'>,
  key: string,
): { ok: true; id: string } | { ok: false; missing: boolean; message: string } {
  const channel = channelByKey(draft, key);
  if (!channel) return { ok: false, missing: true, message: 'pick a channel' };
  const id = channel.id.trim();
  if (escalationIdSchema.safeParse(id).success) return { ok: true, id };
  return {
    ok: false,
    missing: false,
    message: `channel ${channelTitle(draft, key)} has no usable id yet; fix it under Channels`,
  };
}

/**
 * The channels as the settings take them: no secret, and the Events URL only for PagerDuty,
 * PagerDuty's own when left blank.
 * @param channels - the channels as edited
 */
export function channelsToSave(channels: readonly ChannelDraft[]): OutboundChannel[] {
  return channels.map((channel): OutboundChannel => {
    const base = { id: channel.id.trim(), name: channel.name.trim() };
    return channel.kind === 'pagerduty'
      ? { kind: 'pagerduty', ...base, eventsUrl: channel.eventsUrl.trim() || PAGERDUTY_EVENTS_URL }
      : { kind: channel.kind, ...base };
  });
}

/** A new channel: a Slack one, the commonest, with a free id and PagerDuty's Events URL ready. */
export function newChannel(draft: Pick<PolicyFormDraft, 'channels'>, key: string): ChannelDraft {
  return {
    key,
    kind: 'slack',
    id: freeChannelId(draft),
    name: '',
    eventsUrl: PAGERDUTY_EVENTS_URL,
    saved: false,
  };
}
