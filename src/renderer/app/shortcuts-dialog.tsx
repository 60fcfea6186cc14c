import { useEffect, useRef } from 'react';
import { useApp, useUi } from './app-context';

const SHORTCUTS: ReadonlyArray<[string[], string]> = [
  [['a'], 'Alerts'],
  [['i'], 'Incidents'],
  [['j', '↓'], 'Next alert'],
  [['k', '↑'], 'Previous alert'],
  [['Enter', 'o'], 'Show or hide details'],
  [['Enter', 'o'], 'On a group line: open or close the group'],
  [['x'], 'Tick the alert (or the whole group), to act on, declare from or add to an incident'],
  [['A'], 'Acknowledge the ticked alerts, else the selected one (or group)'],
  [['U'], 'Un-acknowledge'],
  [['E'], 'Extend an acknowledgement that ends soon, by 1 h'],
  [['Z'], 'Snooze 1 h'],
  [
    ['S'],
    'Silence 1 h (Silence 4 h and Silence… for a length, a reason and the labels are buttons)',
  ],
  [['n'], 'Show the new alerts held behind “N new”'],
  [
    ['Esc'],
    'Hide details / stop reading (new alerts show again) / clear the filter / leave a runbook',
  ],
  [['/'], 'Filter alerts: words, label=value, label!=value, label=~regex, @state=silenced'],
  [['n'], 'Incident: write on the timeline (14:23 … sets the time; d: a: h: m: pick the kind)'],
  [['↑'], 'Timeline line, empty: edit the last entry (Enter saves, Esc cancels)'],
  [['/'], 'Incident: search the timeline (Esc clears)'],
  [['Alt+1…5'], 'Timeline: note, decision, action, hypothesis, mitigation'],
  [['r'], 'Incident: go to the roles (Enter opens a role’s checklist, Esc closes it)'],
  [['?'], 'This help'],
];

/** The keyboard shortcuts, in a modal <dialog> (Esc closes it). */
export function ShortcutsDialog() {
  const { uiStore } = useApp();
  const open = useUi((s) => s.shortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => uiStore.actions.setShortcutsOpen(false)}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself) closes it.
        if (event.target === ref.current) uiStore.actions.setShortcutsOpen(false);
      }}
    >
      <div className="dialog__body">
        <h2 id="shortcuts-title" className="dialog__title">
          Keyboard shortcuts
        </h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 ? ' ' : ''}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog__actions">
          <button
            type="button"
            className="btn"
            autoFocus
            onClick={() => uiStore.actions.setShortcutsOpen(false)}
          >
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
