import { z } from 'zod';

// The bodies of PagerDuty's REST API v2 that the app reads, after its OpenAPI document
// (/work/shared/specs/pagerduty-rest-openapi-v3.json; test/unit/…/pagerduty-response.test.ts
// checks our fixtures against it).
//
// Only fields the app reads are declared, and only `id`, `status` and `created_at` of an
// incident are required: one odd field must not hide every incident from the person on call.
// Several fields the spec does not mark nullable arrive as null from the real API (`priority`
// of an incident without one, `last_status_change_by` of a fresh one), so null is accepted
// wherever a field is optional.

const dateTimeSchema = z.iso.datetime({ offset: true });

/** A reference to another PagerDuty object (service, team, user, …). */
export const pagerdutyReferenceSchema = z.object({
  id: z.string(),
  type: z.string().optional(),
  summary: z.string().nullish(),
  html_url: z.string().nullish(),
});

/** `Acknowledgement`: who acknowledged, and when. */
export const pagerdutyAcknowledgementSchema = z.object({
  at: dateTimeSchema,
  acknowledger: pagerdutyReferenceSchema,
});

/** `Incident`, the fields the app reads. */
export const pagerdutyIncidentSchema = z.object({
  id: z.string().min(1),
  incident_number: z.number().int().nullish(),
  title: z.string().nullish(),
  summary: z.string().nullish(),
  html_url: z.string().nullish(),
  created_at: dateTimeSchema,
  updated_at: dateTimeSchema.nullish(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.enum(['high', 'low']).nullish(),
  service: pagerdutyReferenceSchema.nullish(),
  escalation_policy: pagerdutyReferenceSchema.nullish(),
  teams: z.array(pagerdutyReferenceSchema).nullish(),
  priority: z
    .object({ id: z.string(), name: z.string().nullish(), summary: z.string().nullish() })
    .nullish(),
  acknowledgements: z.array(pagerdutyAcknowledgementSchema).nullish(),
  last_status_change_at: dateTimeSchema.nullish(),
  last_status_change_by: pagerdutyReferenceSchema.nullish(),
  /** Changes PagerDuty will make by itself: `unacknowledge` at the end of a snooze. */
  pending_actions: z.array(z.object({ type: z.string(), at: dateTimeSchema })).nullish(),
  resolved_at: dateTimeSchema.nullish(),
});

/** One incident as PagerDuty's REST API returns it. */
export type PagerdutyIncident = z.infer<typeof pagerdutyIncidentSchema>;

/** The body of GET /incidents: one page of incidents (`Pagination` + `incidents`). */
export const pagerdutyIncidentPageSchema = z.object({
  incidents: z.array(pagerdutyIncidentSchema),
  limit: z.number().int().nullish(),
  offset: z.number().int().nullish(),
  more: z.boolean().nullish(),
  total: z.number().int().nullish(),
});

/** One page of GET /incidents. */
export type PagerdutyIncidentPage = z.infer<typeof pagerdutyIncidentPageSchema>;

/** The body of GET /users/me: the user the token acts as. */
export const pagerdutyCurrentUserSchema = z.object({
  user: z.object({
    id: z.string().min(1),
    name: z.string().nullish(),
    email: z.string().nullish(),
  }),
});

/** PagerDuty's error body: `{ error: { code, message, errors[] } }`. */
export const pagerdutyErrorSchema = z.object({
  error: z.object({
    code: z.number().nullish(),
    message: z.string().nullish(),
    errors: z.array(z.string()).nullish(),
  }),
});
