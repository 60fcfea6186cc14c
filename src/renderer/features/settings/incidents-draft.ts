import {
  cadenceMinutesSchema,
  checklistItemDefaultSchema,
  DEFAULT_INCIDENT_DEFAULTS,
  incidentDefaultsSchema,
  resolveIncidentDefaults,
  roleDefaultSchema,
  type ChecklistItemDefault,
  type IncidentDefaults,
  type IncidentDefaultsOverride,
  type RoleDefault,
  type StatusCadence,
} from '../../../shared/domain/incident-defaults';
import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import { itemIdPrefix, newItemId, newRoleId } from './checklist-ids';
import { minimalOverride } from './incident-defaults-override';

// The cadence bounds, read from the schema the app validates with, so the two cannot drift.
const minutesSchema = cadenceMinutesSchema.unwrap();
const MIN_MINUTES = minutesSchema.minValue ?? 1;
const MAX_MINUTES = minutesSchema.maxValue ?? 1440;

/** Most roles and items the schema takes; the form stops offering "Add" there. */
export const MAX_ROLES = 20;
export const MAX_ITEMS = 100;
/** Longest item text and role name the schema takes; the inputs stop there. */
export const MAX_ITEM_TEXT = checklistItemDefaultSchema.shape.text.maxLength ?? 500;
export const MAX_ROLE_NAME = roleDefaultSchema.shape.name.maxLength ?? 100;

/** The key of the closure checklist among the lists an action can name. */
export const CLOSURE = 'closure';

/** One checklist item as edited. */
export interface ItemDraft {
  /** React key; stable while editing. */
  key: string;
  /** The saved or product id; undefined for an item added here (made from its text on save). */
  id: string | undefined;
  text: string;
  /** Kept as saved: the severities the item is limited to. Not edited here. */
  severities: Severity[] | undefined;
}

/** One role as edited. */
export interface RoleDraft {
  key: string;
  /** The saved or product id; undefined for a role added here (made from its name on save). */
  id: string | undefined;
  name: string;
  checklist: ItemDraft[];
  /** One of the product's roles (which can be left out and reset, not removed). */
  builtIn: boolean;
  /** A product role the team does not use; its edits are kept in case it comes back. */
  omitted: boolean;
}

/** A severity's status update cadence as edited. */
export interface CadenceDraft {
  /** Minutes, as typed. */
  minutes: string;
  /** No scheduled updates. */
  none: boolean;
}

/** The whole incidents section as edited. */
export interface IncidentsDraft {
  cadence: Record<Severity, CadenceDraft>;
  /** The product's roles in their order, then added ones: the order the override merges to. */
  roles: RoleDraft[];
  closure: ItemDraft[];
  /** The next number for keys of added roles and items. */
  nextKey: number;
}

function itemDraft(item: ChecklistItemDefault): ItemDraft {
  return { key: `item:${item.id}`, id: item.id, text: item.text, severities: item.severities };
}

function roleDraft(role: RoleDefault, builtIn: boolean, omitted: boolean): RoleDraft {
  return {
    key: `role:${role.id}`,
    id: role.id,
    name: role.name,
    checklist: role.checklist.map(itemDraft),
    builtIn,
    omitted,
  };
}

function cadenceDraft(minutes: number | null, product: number | null): CadenceDraft {
  // "None" keeps a number ready (the product's) for when it is unticked again.
  return minutes === null
    ? { minutes: product === null ? '' : String(product), none: true }
    : { minutes: String(minutes), none: false };
}

function draftOf(defaults: IncidentDefaults): IncidentsDraft {
  const base = DEFAULT_INCIDENT_DEFAULTS;
  const byId = new Map(defaults.roles.map((role) => [role.id, role]));
  const cadence = {} as Record<Severity, CadenceDraft>;
  for (const severity of SEVERITIES) {
    cadence[severity] = cadenceDraft(
      defaults.statusCadenceMinutes[severity],
      base.statusCadenceMinutes[severity],
    );
  }
  return {
    cadence,
    roles: [
      ...base.roles.map((role) => {
        const used = byId.get(role.id);
        return used ? roleDraft(used, true, false) : roleDraft(role, true, true);
      }),
      ...defaults.roles
        .filter((role) => !base.roles.some((r) => r.id === role.id))
        .map((role) => roleDraft(role, false, false)),
    ],
    closure: defaults.closureChecklist.map(itemDraft),
    nextKey: 1,
  };
}

/** The product's defaults as a draft: what "Reset to product defaults" shows. */
export function productDraft(): IncidentsDraft {
  return draftOf(DEFAULT_INCIDENT_DEFAULTS);
}

/**
 * The draft for the saved override, and the reasons when the saved override cannot be used
 * (a hand edit of the file): then the product's defaults are shown, which is also what new
 * incidents get until it is fixed.
 * @param saved - `settings.incidents`
 */
export function draftFromSettings(saved: unknown): {
  draft: IncidentsDraft;
  problems: string[];
} {
  const resolved = resolveIncidentDefaults(saved);
  return resolved.ok
    ? { draft: draftOf(resolved.defaults), problems: [] }
    : { draft: productDraft(), problems: resolved.issues };
}

/**
 * What the draft means, without its keys: equal for two drafts that would save the same, so
 * undoing an edit by hand, or resetting to what is saved, leaves nothing to save.
 * @param draft - the draft
 */
export function draftSignature(draft: IncidentsDraft): string {
  const items = (list: readonly ItemDraft[]) => list.map((i) => [i.id, i.text, i.severities]);
  return JSON.stringify([
    SEVERITIES.map((s) => (draft.cadence[s].none ? null : draft.cadence[s].minutes)),
    draft.roles.map((r) => [r.id, r.name, r.omitted, items(r.checklist)]),
    items(draft.closure),
  ]);
}

/** An edit of the draft. `list` is a role's key or {@link CLOSURE}. */
export type IncidentsAction =
  | { type: 'cadence-minutes'; severity: Severity; minutes: string }
  | { type: 'cadence-none'; severity: Severity; none: boolean }
  | { type: 'role-name'; role: string; name: string }
  | { type: 'role-add' }
  | { type: 'role-remove'; role: string }
  | { type: 'role-omit'; role: string; omitted: boolean }
  | { type: 'role-reset'; role: string }
  | { type: 'item-text'; list: string; item: string; text: string }
  | { type: 'item-add'; list: string }
  | { type: 'item-remove'; list: string; item: string }
  | { type: 'item-move'; list: string; item: string; by: -1 | 1 }
  | { type: 'reset-product' }
  | { type: 'load'; draft: IncidentsDraft };

function editList(
  draft: IncidentsDraft,
  list: string,
  change: (items: ItemDraft[]) => ItemDraft[],
): IncidentsDraft {
  if (list === CLOSURE) return { ...draft, closure: change(draft.closure) };
  return {
    ...draft,
    roles: draft.roles.map((role) =>
      role.key === list ? { ...role, checklist: change(role.checklist) } : role,
    ),
  };
}

function editRole(draft: IncidentsDraft, key: string, change: (role: RoleDraft) => RoleDraft) {
  return { ...draft, roles: draft.roles.map((role) => (role.key === key ? change(role) : role)) };
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  if (moved !== undefined) copy.splice(to, 0, moved);
  return copy;
}

/**
 * Apply one edit. Pure, for `useReducer`; keys of added roles and items come from `nextKey`.
 * @param draft - the draft before
 * @param action - the edit
 */
export function incidentsReducer(draft: IncidentsDraft, action: IncidentsAction): IncidentsDraft {
  switch (action.type) {
    case 'cadence-minutes':
    case 'cadence-none': {
      const current = draft.cadence[action.severity];
      const next =
        action.type === 'cadence-minutes'
          ? { ...current, minutes: action.minutes }
          : { ...current, none: action.none };
      return { ...draft, cadence: { ...draft.cadence, [action.severity]: next } };
    }
    case 'role-name':
      return editRole(draft, action.role, (role) => ({ ...role, name: action.name }));
    case 'role-add':
      if (draft.roles.filter((r) => !r.omitted).length >= MAX_ROLES) return draft;
      return {
        ...draft,
        roles: [
          ...draft.roles,
          {
            key: `new:${draft.nextKey}`,
            id: undefined,
            name: '',
            checklist: [],
            builtIn: false,
            omitted: false,
          },
        ],
        nextKey: draft.nextKey + 1,
      };
    case 'role-remove':
      return { ...draft, roles: draft.roles.filter((r) => r.key !== action.role || r.builtIn) };
    case 'role-omit':
      return editRole(draft, action.role, (role) =>
        role.builtIn ? { ...role, omitted: action.omitted } : role,
      );
    case 'role-reset': {
      return editRole(draft, action.role, (role) => {
        const product = DEFAULT_INCIDENT_DEFAULTS.roles.find((r) => r.id === role.id);
        return product ? roleDraft(product, true, false) : role;
      });
    }
    case 'item-text':
      return editList(draft, action.list, (items) =>
        items.map((item) => (item.key === action.item ? { ...item, text: action.text } : item)),
      );
    case 'item-add': {
      const added: ItemDraft = {
        key: `new:${draft.nextKey}`,
        id: undefined,
        text: '',
        severities: undefined,
      };
      const next = editList(draft, action.list, (items) =>
        items.length >= MAX_ITEMS ? items : [...items, added],
      );
      return { ...next, nextKey: draft.nextKey + 1 };
    }
    case 'item-remove':
      return editList(draft, action.list, (items) => items.filter((i) => i.key !== action.item));
    case 'item-move':
      return editList(draft, action.list, (items) => {
        const from = items.findIndex((i) => i.key === action.item);
        const to = from + action.by;
        return from < 0 || to < 0 || to >= items.length ? items : move(items, from, to);
      });
    case 'reset-product':
      return { ...productDraft(), nextKey: draft.nextKey };
    case 'load':
      return action.draft;
  }
}

/** Field errors keyed `cadence.<severity>`, `name:<role key>` or `item:<item key>`, and the rest. */
export interface IncidentsErrors {
  fields: Record<string, string>;
  other: string[];
}

/** The outcome of {@link incidentsRequest}. */
export type IncidentsRequest =
  | { ok: true; override: IncidentDefaultsOverride; defaults: IncidentDefaults }
  | { ok: false; errors: IncidentsErrors };

function collectIds(draft: IncidentsDraft): { roles: Set<string>; items: Set<string> } {
  const base = DEFAULT_INCIDENT_DEFAULTS;
  const roles = new Set(base.roles.map((r) => r.id));
  const items = new Set(
    [...base.roles.flatMap((r) => r.checklist), ...base.closureChecklist].map((i) => i.id),
  );
  for (const role of draft.roles) {
    if (role.id !== undefined) roles.add(role.id);
    for (const item of role.checklist) if (item.id !== undefined) items.add(item.id);
  }
  for (const item of draft.closure) if (item.id !== undefined) items.add(item.id);
  return { roles, items };
}

/**
 * Check the draft and turn it into the `incidents` of a settings:update request: the minimal
 * override (only what differs from the product's defaults). Ids of added roles and items are
 * made here from their names and texts. Whatever the app would refuse is found here first, with
 * the same schema and `resolveIncidentDefaults`, and placed next to its field.
 * @param draft - the form's state
 */
export function incidentsRequest(draft: IncidentsDraft): IncidentsRequest {
  const errors: IncidentsErrors = { fields: {}, other: [] };
  const taken = collectIds(draft);

  const cadence = {} as StatusCadence;
  for (const severity of SEVERITIES) {
    const { minutes, none } = draft.cadence[severity];
    const typed = minutes.trim();
    const value = /^\d{1,5}$/.test(typed) ? Number(typed) : NaN;
    if (!none && !(value >= MIN_MINUTES && value <= MAX_MINUTES)) {
      errors.fields[`cadence.${severity}`] =
        `Enter whole minutes, from ${MIN_MINUTES} to ${MAX_MINUTES}, or choose none.`;
    }
    cadence[severity] = none ? null : value;
  }

  // Where each entry of the merged result was edited, to place the schema's issues.
  const roleKeys: string[] = [];
  const itemKeys: string[][] = [];
  const items = (list: readonly ItemDraft[], ownerId: string): ChecklistItemDefault[] => {
    const prefix = itemIdPrefix(
      ownerId,
      list.flatMap((i) => (i.id === undefined ? [] : [i.id])),
    );
    return list.map((item) => {
      const text = item.text.trim();
      if (text === '') errors.fields[`item:${item.key}`] = 'Write the item, or remove it.';
      let id = item.id;
      if (id === undefined) {
        id = newItemId(text, prefix, taken.items);
        taken.items.add(id);
      }
      return { id, text, ...(item.severities ? { severities: item.severities } : {}) };
    });
  };

  const roles: RoleDefault[] = [];
  for (const role of draft.roles) {
    if (role.omitted) continue;
    const name = role.name.trim();
    if (name === '') errors.fields[`name:${role.key}`] = 'Name the role, or remove it.';
    let id = role.id;
    if (id === undefined) {
      id = newRoleId(name, taken.roles);
      taken.roles.add(id);
    }
    roleKeys.push(role.key);
    itemKeys.push(role.checklist.map((i) => i.key));
    roles.push({ id, name, checklist: items(role.checklist, id) });
  }
  if (roles.length === 0) errors.other.push('Keep at least one role.');
  const closureChecklist = items(draft.closure, CLOSURE);
  const closureKeys = draft.closure.map((i) => i.key);

  if (Object.keys(errors.fields).length > 0 || errors.other.length > 0) {
    return { ok: false, errors };
  }

  const candidate = { roles, statusCadenceMinutes: cadence, closureChecklist };
  const checked = incidentDefaultsSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [top, index, field, itemIndex] = issue.path;
      let key: string | undefined;
      if (top === 'roles' && typeof index === 'number') {
        if (field === 'name' || field === 'id') key = `name:${roleKeys[index]}`;
        if (field === 'checklist' && typeof itemIndex === 'number') {
          key = `item:${itemKeys[index]?.[itemIndex]}`;
        }
      } else if (top === 'closureChecklist' && typeof index === 'number') {
        key = `item:${closureKeys[index]}`;
      }
      if (key !== undefined && !key.endsWith(':undefined')) errors.fields[key] ??= issue.message;
      else errors.other.push(`${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    }
    return { ok: false, errors };
  }

  const override = minimalOverride(checked.data);
  // The very check the app makes of what it is sent: nothing it would refuse goes out.
  const resolved = resolveIncidentDefaults(override);
  if (!resolved.ok) return { ok: false, errors: { fields: {}, other: resolved.issues } };
  return { ok: true, override, defaults: resolved.defaults };
}
