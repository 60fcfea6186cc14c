import { z } from 'zod';

/** The version of the secrets file this app writes. */
export const SECRET_FILE_VERSION = 1;

/**
 * The secrets file: which encryptor sealed it, and one base64 blob per key. The keys are the
 * app's own (`source:<id>`); the values are what the encryptor made of each secret.
 */
export const secretFileSchema = z
  .object({
    version: z.literal(SECRET_FILE_VERSION),
    encoding: z.string().min(1),
    secrets: z.record(z.string().min(1), z.base64()),
  })
  .strict();

/** The secrets file's content. */
export type SecretFile = z.infer<typeof secretFileSchema>;

/**
 * Read the secrets file's text.
 * @param text - the file's content
 * @returns the parsed file, or why it cannot be used (never the content itself: it holds secrets)
 */
export function parseSecretFile(text: string): { file: SecretFile } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: text.trim() === '' ? 'it is empty' : 'it is not valid JSON' };
  }
  const parsed = secretFileSchema.safeParse(json);
  if (!parsed.success) {
    // Paths only: a zod message may quote the received value, which could be a token.
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(top)'))];
    return { problem: `it is not a secrets file of this app (check ${fields.join(', ')})` };
  }
  return { file: parsed.data };
}
