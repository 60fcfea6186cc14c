import { useEffect, useRef } from 'react';
import { SEVERITIES, severityLabel, type SeverityScale } from '../../../shared/domain/severity';
import { MAX_ITEM_TEXT, MAX_ITEMS, type IncidentsAction, type ItemDraft } from './incidents-draft';

/**
 * "SEV1, SEV2 only" for an item limited to some severities, in the team's words.
 * @param severities - the item's limit, if any
 * @param scale - the team's vocabulary
 */
export function severityLimitText(
  severities: readonly string[] | undefined,
  scale: SeverityScale,
): string | undefined {
  if (severities === undefined) return undefined;
  const labels = SEVERITIES.filter((s) => severities.includes(s)).map((s) =>
    severityLabel(s, scale),
  );
  return `${labels.join(', ')} only`;
}

/**
 * An editable checklist: each item's text, move up and down (buttons, or Alt+↑/↓ in the text),
 * remove, add. Focus follows the item being worked on, since moving a focused element in the
 * page or removing it would otherwise drop the keyboard user back at the top of the page.
 */
export function ChecklistEditor(props: {
  list: string;
  /** What the list is called, for screen readers: "Scribe checklist". */
  label: string;
  items: readonly ItemDraft[];
  scale: SeverityScale;
  errors: Record<string, string>;
  dispatch: (action: IncidentsAction) => void;
}) {
  const { list, label, items, scale, errors, dispatch } = props;
  const container = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<((root: HTMLElement) => HTMLElement | null) | undefined>(undefined);

  useEffect(() => {
    const find = pendingFocus.current;
    if (!find || !container.current) return;
    pendingFocus.current = undefined;
    find(container.current)?.focus();
  });

  const inItem = (key: string, selector: string) => (root: HTMLElement) =>
    root.querySelector<HTMLElement>(`[data-item="${CSS.escape(key)}"] ${selector}`);

  const moveItem = (item: ItemDraft, by: -1 | 1, focus: string): void => {
    pendingFocus.current = (root) => {
      const wanted = inItem(item.key, focus)(root);
      // At the top or bottom the pressed button is disabled: stay on the item's text instead.
      return wanted && !(wanted as HTMLButtonElement).disabled
        ? wanted
        : inItem(item.key, 'input')(root);
    };
    dispatch({ type: 'item-move', list, item: item.key, by });
  };

  const removeItem = (index: number, item: ItemDraft): void => {
    const next = items[index + 1] ?? items[index - 1];
    pendingFocus.current = next
      ? inItem(next.key, 'input')
      : (root) => root.querySelector<HTMLElement>('[data-add-item]');
    dispatch({ type: 'item-remove', list, item: item.key });
  };

  const addItem = (): void => {
    pendingFocus.current = (root) => {
      const inputs = root.querySelectorAll<HTMLElement>('[data-item] input');
      return inputs[inputs.length - 1] ?? null;
    };
    dispatch({ type: 'item-add', list });
  };

  return (
    <div className="checklist-editor" ref={container}>
      {items.length === 0 ? (
        <p className="checklist-editor__empty muted">No items.</p>
      ) : (
        <ol className="checklist-editor__items" aria-label={label}>
          {items.map((item, index) => {
            const error = errors[`item:${item.key}`];
            const id = `item-${list}-${item.key}`.replace(/[^a-zA-Z0-9_-]/g, '_');
            const limit = severityLimitText(item.severities, scale);
            const name = item.text.trim() || `item ${index + 1}`;
            return (
              <li className="checklist-editor__item" key={item.key} data-item={item.key}>
                <span className="checklist-editor__number tabular" aria-hidden="true">
                  {index + 1}.
                </span>
                <div className="checklist-editor__text">
                  <input
                    id={id}
                    className="field__input"
                    value={item.text}
                    maxLength={MAX_ITEM_TEXT}
                    aria-label={`${label}, item ${index + 1}`}
                    aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    placeholder="What to do"
                    onChange={(event) =>
                      dispatch({
                        type: 'item-text',
                        list,
                        item: item.key,
                        text: event.target.value,
                      })
                    }
                    onKeyDown={(event) => {
                      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) {
                        return;
                      }
                      event.preventDefault();
                      moveItem(item, event.key === 'ArrowUp' ? -1 : 1, 'input');
                    }}
                  />
                  {error ? (
                    <span className="field__error" id={`${id}-error`}>
                      {error}
                    </span>
                  ) : null}
                </div>
                {limit ? (
                  <span
                    className="chip checklist-editor__limit"
                    title="Not needed at other severities"
                  >
                    {limit}
                  </span>
                ) : null}
                <span className="checklist-editor__buttons">
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    data-move="up"
                    disabled={index === 0}
                    aria-label={`Move up: ${name}`}
                    title="Move up (Alt+↑)"
                    onClick={() => moveItem(item, -1, '[data-move="up"]')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    data-move="down"
                    disabled={index === items.length - 1}
                    aria-label={`Move down: ${name}`}
                    title="Move down (Alt+↓)"
                    onClick={() => moveItem(item, 1, '[data-move="down"]')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    aria-label={`Remove: ${name}`}
                    title="Remove"
                    onClick={() => removeItem(index, item)}
                  >
                    ✕
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="btn btn--small"
        data-add-item
        aria-label={`Add item to the ${label}`}
        disabled={items.length >= MAX_ITEMS}
        onClick={addItem}
      >
        + Add item
      </button>
    </div>
  );
}
