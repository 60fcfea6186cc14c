import { useState } from 'react';
import type { SavedFilter } from '../../../shared/domain/settings';
import { useApp } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';

/**
 * The saved filters as one-click buttons (a second click turns one off), each removable, and
 * "Save filter…" for what is typed now; kept in the settings (`alertList.savedFilters`).
 */
export function SavedFilters(props: {
  saved: readonly SavedFilter[];
  filter: string;
  onFilter: (filter: string) => void;
}) {
  const { bridge } = useApp();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const query = props.filter.trim();
  const isSaved = props.saved.some((s) => s.query.trim() === query);

  const store = async (savedFilters: SavedFilter[]): Promise<boolean> => {
    setError(undefined);
    try {
      // The answer comes back as settings:changed too, which updates the buttons.
      await bridge.invoke('settings:update', { alertList: { savedFilters } });
      return true;
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
      return false;
    }
  };

  return (
    <>
      {props.saved.map((saved) => {
        const on = query === saved.query.trim();
        return (
          <span key={saved.name} className="saved-filter">
            <button
              type="button"
              className={`count-btn count-btn--saved${on ? ' count-btn--on' : ''}`}
              aria-pressed={on}
              title={saved.query}
              onClick={() => props.onFilter(on ? '' : saved.query)}
            >
              {saved.name}
            </button>
            <button
              type="button"
              className="saved-filter__remove"
              aria-label={`Remove the saved filter “${saved.name}”`}
              title="Remove this saved filter"
              onClick={() => void store(props.saved.filter((s) => s !== saved))}
            >
              ×
            </button>
          </span>
        );
      })}
      {query !== '' && !isSaved && !naming ? (
        <button type="button" className="btn btn--link" onClick={() => setNaming(true)}>
          Save filter…
        </button>
      ) : null}
      {naming ? (
        <form
          className="saved-filter__form"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = name.trim();
            if (trimmed === '') return setError('Give the filter a name.');
            if (props.saved.some((s) => s.name === trimmed))
              return setError(`A saved filter is already called “${trimmed}”.`);
            void store([...props.saved, { name: trimmed, query }]).then((ok) => {
              if (!ok) return;
              setNaming(false);
              setName('');
            });
          }}
        >
          <input
            className="saved-filter__name"
            aria-label="Name of the saved filter"
            placeholder="Name, e.g. Payments only"
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setNaming(false);
              }
            }}
            autoFocus
            maxLength={100}
          />
          <button type="submit" className="btn btn--small btn--primary">
            Save
          </button>
          <button type="button" className="btn btn--small" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      {error ? (
        <span className="alerts__filter-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
