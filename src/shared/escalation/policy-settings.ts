import { z } from 'zod';
import {
  DEFAULT_ESCALATION_POLICIES,
  DEFAULT_ESCALATION_RULES,
  DEFAULT_OUTBOUND_CHANNELS,
  DEFAULT_POLICY_ID,
} from './policy-defaults';
import {
  escalationIdSchema,
  escalationPersonSchema,
  escalationPolicySchema,
  escalationRuleSchema,
  outboundChannelSchema,
} from './policy-schema';
import { escalationIssues } from './policy-validation';

// A fresh copy per parse, so no caller can change the product's defaults through a result.
function copyOf<T>(value: readonly T[]): T[] {
  return JSON.parse(JSON.stringify(value)) as T[];
}

/**
 * The `escalation` settings: people, outbound channels (their secrets live in the secret store),
 * policies and the rules choosing one per alert. Each list has the product's defaults when left
 * out; a block that does not hold together (an unknown person or channel, duplicate ids) is
 * refused with the reason.
 */
export const escalationSettingsSchema = z
  .object({
    /** People a level can page by name. */
    people: z.array(escalationPersonSchema).max(200).default([]),
    /** Outbound channels (no secrets). */
    channels: z
      .array(outboundChannelSchema)
      .max(50)
      .default(() => DEFAULT_OUTBOUND_CHANNELS.map((channel) => ({ ...channel }))),
    /** Escalation policies. */
    policies: z
      .array(escalationPolicySchema)
      .max(50)
      .default(() => copyOf(DEFAULT_ESCALATION_POLICIES)),
    /** Which policy an alert gets; the first rule that matches decides. */
    rules: z
      .array(escalationRuleSchema)
      .max(100)
      .default(() => copyOf(DEFAULT_ESCALATION_RULES)),
    /** The policy of alerts no rule matches; `null` for none. */
    defaultPolicy: escalationIdSchema.nullable().default(DEFAULT_POLICY_ID),
  })
  .strict()
  .superRefine((escalation, ctx) => {
    for (const issue of escalationIssues(escalation)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

/** The escalation settings, defaults filled in. */
export type EscalationSettings = z.output<typeof escalationSettingsSchema>;

/** The escalation settings as written, where every list may be left out. */
export type EscalationSettingsInput = z.input<typeof escalationSettingsSchema>;

/** The escalation settings a new user starts with. */
export function defaultEscalationSettings(): EscalationSettings {
  return escalationSettingsSchema.parse({});
}
