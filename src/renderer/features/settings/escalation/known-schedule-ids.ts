// The `schedules` settings key is being built beside this editor; its shape is not settled. The
// editor needs only the ids, so it reads any list of `{ id }` objects it finds there, at the top
// or one level down (`{ rotations: [...], feeds: [...] }`), and nothing else.
function idsIn(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    'id' in item &&
    typeof item.id === 'string' &&
    item.id !== ''
      ? [item.id]
      : [],
  );
}

/**
 * The ids of the on-call schedules in the settings, for the schedule target's suggestions and
 * its check; `undefined` when there are none, so an unknown id is then not refused.
 * @param settings - the whole settings object as the app sent it
 */
export function knownScheduleIds(settings: object): string[] | undefined {
  const schedules: unknown = (settings as Record<string, unknown>)['schedules'];
  const ids = Array.isArray(schedules)
    ? idsIn(schedules)
    : typeof schedules === 'object' && schedules !== null
      ? Object.values(schedules).flatMap(idsIn)
      : [];
  const unique = [...new Set(ids)];
  return unique.length > 0 ? unique : undefined;
}
