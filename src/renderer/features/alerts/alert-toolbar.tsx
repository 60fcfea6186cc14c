import type { RefObject } from 'react';
import type { AlertState } from '../../../shared/domain/alert-state';
import type { SavedFilter } from '../../../shared/domain/settings';
import {
  SEVERITIES,
  severityLabel,
  type Severity,
  type SeverityScale,
} from '../../../shared/domain/severity';
import { hasQueryTerm } from './alert-query';
import { SavedFilters } from './saved-filters';

/** How many alerts of each severity, state and source, for the buttons that filter by them. */
export interface ListCounts {
  severity: Readonly<Record<Severity, number>>;
  state: Readonly<Record<AlertState, number>>;
  /** By source name, only when several sources are watched. */
  source: ReadonlyArray<[string, number]>;
  notInIncident: number;
}

/**
 * The filter box and the one-click filters a karma user expects: severity and state counts,
 * sources, "not in an incident" and the saved filters. Each toggles its term in the filter
 * text, so what is on is always written there and can be edited.
 */
export function AlertToolbar(props: {
  filter: string;
  filterRef: RefObject<HTMLInputElement | null>;
  onFilter: (filter: string) => void;
  onTerm: (name: string, value: string) => void;
  counts: ListCounts;
  scale: SeverityScale;
  savedFilters: readonly SavedFilter[];
  /** "12 of 57 shown", when a filter is on. */
  shownText: string | undefined;
  errors: readonly string[];
}) {
  // Read once: the lint treats every read of a props object holding a ref as a ref read.
  const { counts, filter, filterRef, onFilter, onTerm, scale, savedFilters, shownText, errors } =
    props;
  const toggle = (name: string, value: string, text: string, n: number, title: string) => {
    const on = hasQueryTerm(filter, name, value);
    return (
      <button
        key={`${name}=${value}`}
        type="button"
        className={`count-btn${on ? ' count-btn--on' : ''}`}
        aria-pressed={on}
        title={title}
        onClick={() => onTerm(name, value)}
      >
        {text} <span className="tabular">{n}</span>
      </button>
    );
  };
  return (
    <div className="alerts__toolbar">
      <div className="alerts__filter-line">
        <label className="filter">
          <span className="visually-hidden">Filter alerts</span>
          <input
            ref={filterRef}
            type="search"
            className="filter__input"
            placeholder="Filter: text, label=value, label!=value, label=~regex"
            value={filter}
            onChange={(event) => onFilter(event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <kbd className="filter__key" aria-hidden="true">
            /
          </kbd>
        </label>
        {shownText ? <span className="alerts__counts tabular">{shownText}</span> : null}
      </div>
      {errors.length > 0 ? (
        <p className="alerts__filter-error" role="alert">
          Left out of the filter: {errors.join('; ')}
        </p>
      ) : null}
      <div className="alerts__quick" role="group" aria-label="Quick filters">
        {SEVERITIES.filter((s) => counts.severity[s] > 0).map((severity) => (
          <span key={severity} className={`count-sev count-sev--${severity}`}>
            {toggle(
              '@severity',
              severity,
              severityLabel(severity, scale),
              counts.severity[severity],
              `Show only ${severityLabel(severity, scale)}`,
            )}
          </span>
        ))}
        {(['firing', 'acknowledged', 'silenced', 'inhibited', 'resolved'] as const)
          .filter((state) => counts.state[state] > 0)
          .map((state) =>
            toggle('@state', state, state, counts.state[state], `Show only ${state}`),
          )}
        {counts.source.map(([name, n]) =>
          toggle('@source', name, name, n, `Show only alerts from ${name}`),
        )}
        {toggle(
          '@incident',
          'none',
          'not in an incident',
          counts.notInIncident,
          'Show only alerts no open incident follows',
        )}
        <SavedFilters saved={savedFilters} filter={filter} onFilter={onFilter} />
      </div>
    </div>
  );
}
