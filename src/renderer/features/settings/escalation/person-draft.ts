import { escalationIdSchema } from '../../../../shared/escalation/policy-schema';
import { listText } from './channel-draft';
import type { PersonDraft, PolicyFormDraft } from './policy-form-draft';

/** The person a draft reference (a person's key) points at. */
export function personByKey(
  draft: Pick<PolicyFormDraft, 'people'>,
  key: string,
): PersonDraft | undefined {
  return draft.people.find((p) => p.key === key);
}

/** How a person is called in messages: their name, else their id, else their place. */
export function personTitle(draft: Pick<PolicyFormDraft, 'people'>, key: string): string {
  const index = draft.people.findIndex((p) => p.key === key);
  const person = draft.people[index];
  return person?.name.trim() || person?.id.trim() || `person ${index + 1}`;
}

/**
 * The levels that page a person, as a person reads them: `level 1 of policy "SEV1"`.
 * @param draft - the form
 * @param key - the person's draft key
 */
export function personUsers(draft: PolicyFormDraft, key: string): string[] {
  const users: string[] = [];
  draft.policies.forEach((policy, p) => {
    const title = policy.name.trim() || `Policy ${p + 1}`;
    policy.levels.forEach((level, l) => {
      if (level.targets.some((t) => t.kind === 'person' && t.id === key)) {
        users.push(`level ${l + 1} of policy "${title}"`);
      }
    });
  });
  return users;
}

/**
 * Why a person cannot be removed, or undefined when they can: a level still pages them, and
 * removing them would leave it paging nobody.
 * @param draft - the form
 * @param key - the person's draft key
 */
export function personRemoveRefusal(draft: PolicyFormDraft, key: string): string | undefined {
  const users = personUsers(draft, key);
  if (users.length === 0) return undefined;
  return `${personTitle(draft, key)} cannot be removed: ${listText(users)} ${users.length === 1 ? 'pages' : 'page'} them; pick someone else there first`;
}

/**
 * The id a reference to a person saves as, or why it cannot: the person's own id when it is a
 * valid one; otherwise the reason belongs at the person's id field, and the reference says where.
 * @param draft - the form
 * @param key - the person's draft key ('' when none is picked)
 */
export function personReference(
  draft: Pick<PolicyFormDraft, 'people'>,
  key: string,
): { ok: true; id: string } | { ok: false; message: string } {
  const person = personByKey(draft, key);
  if (!person) return { ok: false, message: 'pick a person' };
  const id = person.id.trim();
  if (escalationIdSchema.safeParse(id).success) return { ok: true, id };
  return {
    ok: false,
    message: `${personTitle(draft, key)} has no usable id yet; fix it under People`,
  };
}
