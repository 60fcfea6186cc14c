import { defaultsIdSchema } from '../../../shared/domain/incident-defaults';

// Ids must pass the schema the app validates with; its length cap is read from it.
const MAX_ID = defaultsIdSchema.maxLength ?? 64;
// Short enough to read in the settings file, long enough to tell items apart.
const MAX_SLUG = 32;
const MAX_PREFIX = 24;

/**
 * Lower-case letters, digits and dashes from what the user wrote, cut at a word boundary.
 * @param text - a role name or an item's text
 * @param max - the longest slug wanted
 */
function slugOf(text: string, max: number): string {
  const slug = text
    .normalize('NFKD')
    // Accents come apart under NFKD; drop the marks so "Zürich" becomes "zurich".
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, '');
}

function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_ID - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * An id for a role added in settings, from its name. A role keeps it when renamed later, since
 * incidents record who holds a role by its id.
 * @param name - the role's name as typed
 * @param taken - every role id in use, the product's own roles included (an omitted product
 *   role's id would otherwise be taken over by the new role and then dropped with it)
 */
export function newRoleId(name: string, taken: ReadonlySet<string>): string {
  return unique(slugOf(name, MAX_PREFIX) || 'role', taken);
}

/**
 * The prefix new items of a checklist get: the one its items already use (`tech` for the Tech
 * Lead's `tech.logs`), so ids read alike; otherwise the owner's id.
 * @param ownerId - the role's id, or `closure` for the closure checklist
 * @param existingIds - ids of the checklist's items
 */
export function itemIdPrefix(ownerId: string, existingIds: readonly string[]): string {
  const used = existingIds.find((id) => id.includes('.'));
  const prefix = used ? used.slice(0, used.indexOf('.')) : ownerId;
  return prefix.slice(0, MAX_PREFIX);
}

/**
 * An id for a checklist item added in settings, from its text: `<prefix>.<words-of-the-text>`,
 * unique. Ticks on an incident are stored by item id, so an item keeps its id when its text is
 * edited later, and a new item never reuses the id of one that is gone.
 * @param text - the item's text as typed
 * @param prefix - from {@link itemIdPrefix}
 * @param taken - every item id in use or once used (the product's, the saved ones)
 */
export function newItemId(text: string, prefix: string, taken: ReadonlySet<string>): string {
  const room = MAX_ID - prefix.length - 1 - 3; // keep room for a "-NN" suffix
  const slug = slugOf(text, Math.min(MAX_SLUG, room)) || 'item';
  return unique(`${prefix}.${slug}`, taken);
}
