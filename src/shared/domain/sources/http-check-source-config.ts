import { z } from 'zod';
import { severitySchema } from '../severity';
import { sourceBaseSchema, sourceUrlSchema } from './source-base';

/**
 * An HTTP health check: the URL must answer the expected status (and, if set, contain a text)
 * within the timeout. After `failuresBeforeAlert` failures in a row it fires one alert; the
 * first success after that resolves it.
 */
export const httpCheckSourceSchema = sourceBaseSchema.extend({
  kind: z.literal('http-check'),
  url: sourceUrlSchema,
  /** The status a healthy answer has. */
  expectStatus: z.number().int().min(100).max(599).default(200),
  /** Text a healthy answer's body contains, if any. */
  expectText: z.string().max(1000).optional(),
  /** Failed checks in a row before the alert fires. */
  failuresBeforeAlert: z.number().int().min(1).max(100).default(3),
  /** The severity of the alert it fires. */
  severity: severitySchema.default('sev2'),
  intervalSeconds: sourceBaseSchema.shape.intervalSeconds.unwrap().default(30),
});

/** The settings of one HTTP health check. */
export type HttpCheckSourceConfig = z.infer<typeof httpCheckSourceSchema>;
