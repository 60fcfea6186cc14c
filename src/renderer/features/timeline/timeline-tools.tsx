import { useEffect, type RefObject } from 'react';
import { timelineKindSchema, type TimelineKind } from '../../../shared/incident/schema';
import { useApp } from '../../app/app-context';
import { KIND_WORDS } from './timeline-kinds';
import { TIMELINE_FILTERS, type TimelineQuery } from './timeline-filter';

/**
 * Search and filters above the timeline: words, a kind, an author, and the groups a reader
 * catching up asks for. `/` anywhere in the incident view (outside a field) puts the keyboard in
 * the search; Esc there clears it and gives the keyboard back.
 */
export function TimelineTools(props: {
  query: TimelineQuery;
  onQuery: (query: TimelineQuery) => void;
  authors: readonly string[];
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { query, onQuery, searchRef } = props;
  const { uiStore } = useApp();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (uiStore.getState().shortcutsOpen || target?.closest('dialog')) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (searchRef.current === null) return;
      event.preventDefault();
      searchRef.current.focus();
      searchRef.current.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef, uiStore]);

  return (
    <div className="timeline__tools">
      <input
        ref={searchRef}
        type="search"
        className="field__input timeline__search"
        aria-label="Search the timeline"
        placeholder="Search (/)"
        value={query.text}
        onChange={(e) => onQuery({ ...query, text: e.target.value })}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          onQuery({ ...query, text: '' });
          event.currentTarget.blur();
        }}
      />
      <select
        className="field__input field__input--select timeline__select"
        aria-label="Show entries of type"
        value={query.kind ?? ''}
        onChange={(e) => {
          const next: TimelineQuery = { ...query };
          const parsed = timelineKindSchema.safeParse(e.target.value);
          if (parsed.success) next.kind = parsed.data as TimelineKind;
          else delete next.kind;
          onQuery(next);
        }}
      >
        <option value="">Any kind</option>
        {timelineKindSchema.options.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_WORDS[kind]}
          </option>
        ))}
      </select>
      <select
        className="field__input field__input--select timeline__select"
        aria-label="Show entries by"
        value={query.author ?? ''}
        onChange={(e) => {
          const next: TimelineQuery = { ...query };
          if (e.target.value === '') delete next.author;
          else next.author = e.target.value;
          onQuery(next);
        }}
      >
        <option value="">Anyone</option>
        {props.authors.map((author) => (
          <option key={author} value={author}>
            {author}
          </option>
        ))}
      </select>
      <div className="segmented timeline__filter" role="group" aria-label="Show">
        {TIMELINE_FILTERS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            className="segmented__item"
            aria-pressed={query.filter === id}
            onClick={() => onQuery({ ...query, filter: id })}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
