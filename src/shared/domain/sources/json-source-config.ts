import { z } from 'zod';
import { sourceBaseSchema, sourceUrlSchema } from './source-base';

/** A dotted path into a JSON document: `data.alerts`, `labels.severity`, `items.0.id`. */
export const jsonPathSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'a dotted path such as data.alerts or labels.severity');

/**
 * Any HTTP endpoint that returns a list of alerts as JSON, read through a field mapping chosen
 * in the UI with a live preview.
 */
export const jsonSourceSchema = sourceBaseSchema.extend({
  kind: z.literal('json'),
  url: sourceUrlSchema,
  /** Where the list is in the body; left out when the body itself is the list. */
  itemsPath: jsonPathSchema.optional(),
  /** Where each field is within one item. */
  fields: z.object({
    id: jsonPathSchema,
    title: jsonPathSchema,
    severity: jsonPathSchema.optional(),
    status: jsonPathSchema.optional(),
    time: jsonPathSchema.optional(),
    link: jsonPathSchema.optional(),
  }),
  /** Status values that mean the item is over; any other value (or none) means firing. */
  resolvedValues: z.array(z.string().max(100)).default(['resolved', 'ok', 'closed']),
  /** Send a bearer token (kept in the secret store) with every request. */
  auth: z.enum(['none', 'bearer']).default('none'),
});

/** The settings of one generic JSON source. */
export type JsonSourceConfig = z.infer<typeof jsonSourceSchema>;
