import { SourceError } from './source-error';

/**
 * Parse an answer that should be JSON, saying what it was instead when it is not.
 * @param text - the body as received
 * @param hint - what to check, ending the message: "is this URL a JSON endpoint?"
 * @throws SourceError (kind `response`) written to follow the URL: "answered HTML, not JSON — …"
 */
export function parseJsonText(text: string, hint: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new SourceError('response', `answered an empty body, not JSON — ${hint}`);
  if (body.startsWith('<')) {
    throw new SourceError('response', `answered HTML, not JSON — ${hint}`);
  }
  try {
    return JSON.parse(body);
  } catch {
    const start = body.slice(0, 40).replace(/\s+/g, ' ');
    throw new SourceError(
      'response',
      `answered text that is not JSON ("${start}${body.length > 40 ? '…' : ''}") — ${hint}`,
    );
  }
}
