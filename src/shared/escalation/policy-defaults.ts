import type { EscalationPolicy, EscalationRule, OutboundChannel } from './policy-schema';

/** The on-call schedule the default policies page second (nobody until one is set up). */
export const SECONDARY_SCHEDULE_ID = 'secondary';

/** The on-call schedule the default policies page third. */
export const MANAGER_SCHEDULE_ID = 'manager';

/** The channel a SEV1 is announced in at once (a Slack webhook, until its URL is stored). */
export const INCIDENT_CHANNEL_ID = 'incident';

/**
 * The policies a team starts with, the common practice of the incident guides: me first; after
 * 5 minutes unacknowledged whoever is secondary on call; 5 more and the manager on call. A SEV1
 * also goes to the incident channel at once.
 */
export const DEFAULT_ESCALATION_POLICIES: readonly EscalationPolicy[] = [
  {
    id: 'default',
    name: 'Me, then secondary, then manager',
    repeat: 0,
    levels: [
      { delayMinutes: 5, targets: [{ kind: 'me' }] },
      { delayMinutes: 5, targets: [{ kind: 'schedule', id: SECONDARY_SCHEDULE_ID }] },
      { delayMinutes: 5, targets: [{ kind: 'schedule', id: MANAGER_SCHEDULE_ID }] },
    ],
  },
  {
    id: 'sev1',
    name: 'SEV1: incident channel at once, then secondary, then manager',
    repeat: 0,
    levels: [
      { delayMinutes: 5, targets: [{ kind: 'me' }, { kind: 'channel', id: INCIDENT_CHANNEL_ID }] },
      { delayMinutes: 5, targets: [{ kind: 'schedule', id: SECONDARY_SCHEDULE_ID }] },
      { delayMinutes: 5, targets: [{ kind: 'schedule', id: MANAGER_SCHEDULE_ID }] },
    ],
  },
];

/**
 * The rules a team starts with: SEV1 gets its own policy; the mildest level (informational)
 * escalates to nobody, as the guides agree; everything else takes the default policy.
 */
export const DEFAULT_ESCALATION_RULES: readonly EscalationRule[] = [
  { severities: ['sev1'], policy: 'sev1' },
  { severities: ['sev4'], policy: null },
];

/** The channels a team starts with: the incident channel, waiting for its webhook URL. */
export const DEFAULT_OUTBOUND_CHANNELS: readonly OutboundChannel[] = [
  { kind: 'slack', id: INCIDENT_CHANNEL_ID, name: 'Incident channel' },
];

/** The policy for alerts no rule matches. */
export const DEFAULT_POLICY_ID = 'default';
