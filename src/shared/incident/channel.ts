import { resolveTimeZone, wallDate } from './event-time';

/** The longest channel name suggested, `#` included (chat tools cap names at 80 characters). */
export const MAX_CHANNEL_LENGTH = 80;

/**
 * Turn a title into channel-name words: lowercase ASCII letters and digits joined by `-`.
 * Accents are dropped (`Zürich` → `zurich`); anything else becomes a separator.
 * @param title - the incident's title
 */
export function slugTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Suggest the incident's chat channel: `#inc-YYYYMMDD-short-title`, the date being the day the
 * incident was declared in the team's time zone. The title part is cut at a word boundary so the
 * whole name stays within {@link MAX_CHANNEL_LENGTH}; an empty title leaves `#inc-YYYYMMDD`.
 * @param title - the incident's title
 * @param declaredAt - when it was declared (ISO 8601)
 * @param timeZone - the team's time zone for the date; UTC when left out or not a zone
 */
export function suggestChannelName(title: string, declaredAt: string, timeZone = 'UTC'): string {
  const ms = Date.parse(declaredAt);
  const zone = resolveTimeZone(timeZone) ?? resolveTimeZone('UTC');
  const date = Number.isNaN(ms) || zone === undefined ? '' : wallDate(ms, zone).replaceAll('-', '');
  const prefix = date === '' ? '#inc' : `#inc-${date}`;
  const room = MAX_CHANNEL_LENGTH - prefix.length - 1;
  let slug = slugTitle(title);
  if (slug.length > room) {
    const cut = slug.slice(0, room + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash >= room / 2 ? cut.slice(0, lastDash) : cut.slice(0, room)).replace(/-+$/, '');
  }
  return slug === '' ? prefix : `${prefix}-${slug}`;
}
