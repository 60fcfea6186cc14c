/** Shorter than any real API token. */
const MIN_SECRET_LENGTH = 8;

/**
 * Text from a peer (an error message, the start of a page) with the token taken out: a server
 * may echo what it was sent, and a token must never reach a status line or the log.
 * @param text - what the peer said
 * @param secret - the token sent with the request, if any
 */
export function redact(text: string, secret: string | undefined): string {
  // A "token" this short is no secret, and taking every "t" out would garble the message.
  if (!secret || secret.length < MIN_SECRET_LENGTH) return text;
  return text.split(secret).join('[token]');
}
