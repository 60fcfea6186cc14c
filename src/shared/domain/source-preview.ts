import { z } from 'zod';
import { alertSchema } from './alert';

/** The longest raw excerpt a preview carries, in characters. */
export const MAX_PREVIEW_RAW_CHARS = 4000;

/** How many extracted alerts a preview shows. */
export const PREVIEW_ALERTS = 5;

/**
 * What a source's field mapping makes of its real answer, for the live preview in Settings:
 * one raw item (or, when no list was found, the start of the answer) as text, the first alerts
 * extracted from it, and what was skipped or guessed.
 */
export const sourcePreviewSchema = z.union([
  z.object({
    ok: z.literal(true),
    /** The first item of the list, as indented JSON text, cut at {@link MAX_PREVIEW_RAW_CHARS}. */
    raw: z.string().max(MAX_PREVIEW_RAW_CHARS + 1),
    /** Items in the list. */
    items: z.number().int().min(0),
    /** Alerts the mapping made of them. */
    count: z.number().int().min(0),
    /** The first alerts, as the list would show them. */
    alerts: z.array(alertSchema).max(PREVIEW_ALERTS),
    /** Items skipped or read with a fallback, one sentence each. */
    issues: z.array(z.string()),
  }),
  z.object({
    ok: z.literal(false),
    /** Why nothing could be extracted: the request failed, or the mapping found no list. */
    error: z.string(),
    /** The start of the answer, when one came, so the user can find the right paths in it. */
    raw: z
      .string()
      .max(MAX_PREVIEW_RAW_CHARS + 1)
      .optional(),
  }),
]);

/** A live preview of a source's mapping. */
export type SourcePreview = z.infer<typeof sourcePreviewSchema>;

/**
 * A JSON value as indented text, cut at {@link MAX_PREVIEW_RAW_CHARS} characters (ending in
 * `…` when cut), so a huge item cannot flood the preview.
 * @param value - parsed JSON
 */
export function previewText(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return text.length > MAX_PREVIEW_RAW_CHARS ? `${text.slice(0, MAX_PREVIEW_RAW_CHARS)}…` : text;
}
