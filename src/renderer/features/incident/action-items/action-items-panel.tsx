import { ActionItemAddForm } from './action-item-form';
import { ActionItemRow } from './action-item-row';
import { actionItemsSummary, sortActionItems, todayIn } from './action-items';
import type { IncidentPanelProps } from '../panel-props';
import { usePanelSettings } from '../panel-settings';
import '../panels.css';

/**
 * The follow-up work that came out of the incident, most pressing first (overdue, then by
 * priority and due date), each changed in place, with a form to add more.
 */
export function ActionItemsPanel({ incident, apply, now }: IncidentPanelProps) {
  const { zone } = usePanelSettings();
  const today = todayIn(now, zone);
  const items = sortActionItems(incident.actionItems, today);

  return (
    <section className="incident-section action-items" aria-labelledby="action-items-title">
      <div className="incident-section__head">
        <h2 id="action-items-title" className="incident-section__title">
          Action items
        </h2>
        <span className="incident-section__hint muted">
          {actionItemsSummary(incident.actionItems, today)}
        </span>
      </div>
      {items.length > 0 ? (
        <ul className="action-list">
          {items.map((item) => (
            <ActionItemRow
              key={item.id}
              item={item}
              today={today}
              apply={apply}
              // Follow-up work outlives the incident: items stay editable after closing.
              readOnly={false}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing to follow up yet.</p>
      )}
      <ActionItemAddForm apply={apply} />
    </section>
  );
}
