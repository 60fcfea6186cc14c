/**
 * Read an HTTP Retry-After header (RFC 9110 §10.2.3): either delay-seconds or an HTTP date.
 * @param header - the header's value, if present
 * @param now - the current time, to turn a date into a wait
 * @returns the wait in milliseconds (0 for a date already past), or undefined when absent
 *   or unreadable
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only a date-like value: Date.parse would read a bare "120.5" or "-1" as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
