import { SourceError } from '../source-error';

/**
 * Read a response body as UTF-8 text, refusing more than `maxBytes`. A URL that points at a
 * large file by mistake must not make every poll buffer all of it.
 * @param response - the fetch response
 * @param maxBytes - the most we accept
 * @param shownUrl - the URL as shown in messages
 * @param hint - what to check, ending the message
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
  shownUrl: string,
  hint: string,
): Promise<string> {
  const tooLarge = () =>
    new SourceError(
      'response',
      `${shownUrl} answered more than ${formatBytes(maxBytes)} — ${hint}`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

// Binary units, as the cap is set: 64 * 1024 * 1024 is 64 MiB.
function formatBytes(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
