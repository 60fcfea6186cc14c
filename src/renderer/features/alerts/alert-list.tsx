import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { severityLabel } from '../../../shared/domain/severity';
import { useApp, useAppState, useIncidents, useUi } from '../../app/app-context';
import { useNow } from '../../app/use-now';
import { openIncidentCount } from '../../stores/incident-state';
import { moveSelection } from '../../stores/ui-store';
import { matchesFilter } from './alert-filter';
import { AlertRow } from './alert-row';
import { EmptyState } from './empty-state';

/** Rows rendered at once; a 10,000-alert storm must not freeze the window. */
const ROW_LIMIT = 300;

/** The alert list: filter box, rows (worst and newest first), keyboard navigation. */
export function AlertList() {
  const { uiStore } = useApp();
  const alerts = useAppState((s) => s.alerts);
  const loaded = useAppState((s) => s.alertsLoaded);
  const sources = useAppState((s) => s.sources);
  const scale = useAppState((s) => s.settings?.settings.severityScale ?? 'sev1-4');
  const filter = useUi((s) => s.filter);
  const selectedId = useUi((s) => s.selectedId);
  const expanded = useUi((s) => s.expanded);
  const checkedAlerts = useUi((s) => s.checkedAlerts);
  const view = useUi((s) => s.view);
  // Adding to an incident is offered only while one is open (a closed one is read only).
  const canAttach = useIncidents((s) => openIncidentCount(s.list) > 0);
  const connected = useAppState(
    (s) => s.connection.status !== 'disconnected' && s.connection.status !== 'no-token',
  );
  const now = useNow(30_000);
  const [showAll, setShowAll] = useState(false);
  const filterRef = useRef<HTMLInputElement>(null);

  const names = useMemo(() => new Map(sources.map((s) => [s.sourceId, s.name])), [sources]);
  const nameOf = useCallback((sourceId: string) => names.get(sourceId) ?? sourceId, [names]);
  const visible = useMemo(
    () =>
      alerts.filter((alert) =>
        matchesFilter(alert, filter, {
          sourceName: nameOf(alert.sourceId),
          severityText: severityLabel(alert.severity, scale),
        }),
      ),
    [alerts, filter, nameOf, scale],
  );
  const shown = showAll ? visible : visible.slice(0, ROW_LIMIT);
  const visibleIds = useMemo(() => shown.map((a) => a.id), [shown]);
  const counts = useMemo(() => countByStatus(alerts), [alerts]);
  // Ticked alerts that are still known: one that vanished cannot be declared from.
  const checkedIds = useMemo(
    () => alerts.filter((a) => checkedAlerts.has(a.id)).map((a) => a.id),
    [alerts, checkedAlerts],
  );

  useEffect(() => {
    if (view !== 'alerts') return;
    const focusRow = (id: string | undefined): void => {
      if (id === undefined) return;
      const row = document.querySelector<HTMLElement>(`[data-alert-id="${CSS.escape(id)}"]`);
      row?.focus();
      row?.scrollIntoView({ block: 'nearest' });
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      // The shortcuts dialog has the keyboard while it is open (Esc must close it).
      if (uiStore.getState().shortcutsOpen || target?.closest('dialog')) return;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]') != null;
      if (typing) {
        if (event.key === 'Escape' && target === filterRef.current) {
          if (filterRef.current.value !== '') uiStore.actions.setFilter('');
          else filterRef.current.blur();
          event.preventDefault();
        } else if (event.key === 'ArrowDown' && target === filterRef.current) {
          const first = visibleIds[0];
          uiStore.actions.select(first);
          focusRow(first);
          event.preventDefault();
        }
        return;
      }
      const { selectedId: current, expanded: open } = uiStore.getState();
      switch (event.key) {
        case '/':
          event.preventDefault();
          filterRef.current?.focus();
          filterRef.current?.select();
          return;
        case 'j':
        case 'ArrowDown':
        case 'k':
        case 'ArrowUp': {
          event.preventDefault();
          const next = moveSelection(
            visibleIds,
            current,
            event.key === 'j' || event.key === 'ArrowDown' ? 1 : -1,
          );
          uiStore.actions.select(next);
          focusRow(next);
          return;
        }
        case 'Enter':
        case 'o':
          // On a focused button Enter clicks it already.
          if (target?.closest('button, a') != null && event.key === 'Enter') return;
          if (current !== undefined && visibleIds.includes(current)) {
            event.preventDefault();
            uiStore.actions.toggleExpanded(current);
          }
          return;
        case 'x':
          if (current !== undefined && visibleIds.includes(current)) {
            event.preventDefault();
            uiStore.actions.toggleChecked(current);
          }
          return;
        case 'Escape':
          if (current !== undefined && open.has(current)) {
            event.preventDefault();
            uiStore.actions.toggleExpanded(current);
          }
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [uiStore, view, visibleIds]);

  if (!loaded) {
    // Before the first answer; while unreachable the banner above says why instead.
    return view === 'alerts' && connected ? (
      <p className="alerts__loading muted">Loading alerts…</p>
    ) : null;
  }

  return (
    <section className="alerts" aria-label="Alerts">
      <div className="alerts__toolbar">
        <label className="filter">
          <span className="visually-hidden">Filter alerts</span>
          <input
            ref={filterRef}
            type="search"
            className="filter__input"
            placeholder="Filter by text or label=value"
            value={filter}
            onChange={(event) => uiStore.actions.setFilter(event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <kbd className="filter__key" aria-hidden="true">
            /
          </kbd>
        </label>
        <span className="alerts__counts tabular">
          {filter.trim() !== '' ? `${visible.length} of ${alerts.length} shown · ` : ''}
          {counts.firing} firing
          {counts.suppressed > 0 ? ` · ${counts.suppressed} suppressed` : ''}
          {counts.resolved > 0 ? ` · ${counts.resolved} resolved` : ''}
        </span>
        {checkedIds.length > 0 ? (
          <span className="alerts__declare">
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => uiStore.actions.startDeclare(checkedIds)}
            >
              Declare from {checkedIds.length} {checkedIds.length === 1 ? 'alert' : 'alerts'}
            </button>
            {canAttach ? (
              <button
                type="button"
                className="btn"
                onClick={() => uiStore.actions.startAttach(checkedIds, true)}
              >
                Add to incident…
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn--link"
              onClick={() => uiStore.actions.clearChecked()}
            >
              Clear selection
            </button>
          </span>
        ) : null}
      </div>

      {counts.firing === 0 && filter.trim() === '' ? <EmptyState sources={sources} /> : null}

      {visible.length === 0 && filter.trim() !== '' ? (
        <p className="alerts__none">
          No alert matches “{filter}”.{' '}
          <button
            type="button"
            className="btn btn--link"
            onClick={() => uiStore.actions.setFilter('')}
          >
            Clear the filter
          </button>
        </p>
      ) : null}

      {shown.length > 0 ? (
        <ul className="alert-list">
          {shown.map((alert) => (
            <AlertRow
              key={alert.id}
              alert={alert}
              sourceName={nameOf(alert.sourceId)}
              scale={scale}
              now={now}
              selected={alert.id === selectedId}
              expanded={expanded.has(alert.id)}
              onToggle={uiStore.actions.toggleExpanded}
              checked={checkedAlerts.has(alert.id)}
              onCheck={uiStore.actions.toggleChecked}
            />
          ))}
        </ul>
      ) : null}

      {shown.length < visible.length ? (
        <p className="alerts__more">
          Showing the first {shown.length} of {visible.length}. Narrow the filter, or{' '}
          <button type="button" className="btn btn--link" onClick={() => setShowAll(true)}>
            show all
          </button>
          .
        </p>
      ) : null}
    </section>
  );
}

function countByStatus(alerts: readonly { status: string }[]) {
  let firing = 0;
  let suppressed = 0;
  let resolved = 0;
  for (const alert of alerts) {
    if (alert.status === 'firing') firing += 1;
    else if (alert.status === 'suppressed') suppressed += 1;
    else resolved += 1;
  }
  return { firing, suppressed, resolved };
}
