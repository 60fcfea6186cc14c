import type { Alert } from '../../../shared/domain/alert';
import { rowLabels, type AlertGroup } from './alert-groups';

/** Groups this small are open until closed; larger ones show their group line only. */
export const OPEN_GROUP_MAX = 3;

/** One line of the list, in the order shown: a group line, or an alert's row. */
export type ListItem =
  | { kind: 'group'; id: string; group: AlertGroup; open: boolean }
  | {
      kind: 'alert';
      id: string;
      alert: Alert;
      group: AlertGroup;
      /** The labels its row shows ({@link rowLabels}), made once so rows can skip re-rendering. */
      labels: ReadonlyArray<{ name: string; value: string }>;
    };

/**
 * The lines of the list: an alert alone in its group is just its row; a larger group has its
 * line, then its rows when open. A group is open by default when it holds at most
 * {@link OPEN_GROUP_MAX} alerts; `toggled` holds the groups the user flipped.
 * @param groups - in list order
 * @param toggled - group keys opened or closed by the user
 */
export function listItems(groups: readonly AlertGroup[], toggled: ReadonlySet<string>): ListItem[] {
  const items: ListItem[] = [];
  for (const group of groups) {
    if (group.alerts.length === 1) {
      const [alert] = group.alerts;
      if (alert) items.push(alertItem(alert, group));
      continue;
    }
    const open = group.alerts.length <= OPEN_GROUP_MAX !== toggled.has(group.key);
    items.push({ kind: 'group', id: group.key, group, open });
    if (open) for (const alert of group.alerts) items.push(alertItem(alert, group));
  }
  return items;
}

function alertItem(alert: Alert, group: AlertGroup): ListItem {
  return { kind: 'alert', id: alert.id, alert, group, labels: rowLabels(alert, group) };
}

/**
 * Split the alerts into those the list shows and those that arrived while the user was reading
 * (ids not in `seen`), which wait behind the "N new" marker instead of pushing rows down.
 * @param alerts - in list order
 * @param seen - ids already shown, or undefined before the first list (everything is shown)
 */
export function holdNewAlerts(
  alerts: readonly Alert[],
  seen: ReadonlySet<string> | undefined,
): { shown: Alert[]; held: Alert[] } {
  if (seen === undefined) return { shown: [...alerts], held: [] };
  const shown: Alert[] = [];
  const held: Alert[] = [];
  for (const alert of alerts) (seen.has(alert.id) ? shown : held).push(alert);
  return { shown, held };
}
