import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Alert } from '../../../shared/domain/alert';
import type { AlertActionType } from '../../../shared/domain/alert-action';
import { alertState, type AlertState } from '../../../shared/domain/alert-state';
import { DEFAULT_SAVED_FILTERS } from '../../../shared/domain/settings';
import { SEVERITIES, severityLabel, type Severity } from '../../../shared/domain/severity';
import { useApp, useAppState, useIncidents, useUi } from '../../app/app-context';
import { useNow } from '../../app/use-now';
import { openIncidentCount } from '../../stores/incident-state';
import { moveSelection } from '../../stores/ui-store';
import { AlertActionBar } from './alert-action-bar';
import { offeredActions, type OfferedAction } from './alert-actions';
import { AlertDetails } from './alert-details';
import { AlertGroupLine } from './alert-group-line';
import { groupAlerts } from './alert-groups';
import { matchesQuery, parseAlertQuery, toggleQueryTerm, type FilterContext } from './alert-query';
import { AlertRow } from './alert-row';
import { AlertToolbar, type ListCounts } from './alert-toolbar';
import { EmptyState } from './empty-state';
import { holdNewAlerts, listItems } from './list-items';
import { UnmappedBanner } from './unmapped-banner';
import { useAlertActions } from './use-alert-actions';
import { useIncidentAlerts } from './use-incident-alerts';

/** Lines rendered at once; a 10,000-alert storm must not freeze the window. */
const ROW_LIMIT = 300;

/** The keys that act on the selected (or ticked) alerts, and the action each takes. */
const ACTION_KEYS: Readonly<Record<string, OfferedAction['id']>> = {
  A: 'ack',
  U: 'unack',
  E: 'extend',
  Z: 'snooze',
  S: 'silence-1h',
};

/**
 * The alert list: filter and quick filters, alerts grouped by alertname (worst first), new
 * alerts held behind a marker while the user reads, actions from rows, details and keys.
 */
export function AlertList() {
  const { uiStore } = useApp();
  const alerts = useAppState((s) => s.alerts);
  const loaded = useAppState((s) => s.alertsLoaded);
  const sources = useAppState((s) => s.sources);
  const scale = useAppState((s) => s.settings?.settings.severityScale ?? 'sev1-4');
  const savedFilters = useAppState(
    (s) => s.settings?.settings.alertList.savedFilters ?? DEFAULT_SAVED_FILTERS,
  );
  const filter = useUi((s) => s.filter);
  const selectedId = useUi((s) => s.selectedId);
  const expanded = useUi((s) => s.expanded);
  const checkedAlerts = useUi((s) => s.checkedAlerts);
  const toggledGroups = useUi((s) => s.toggledGroups);
  const outcome = useUi((s) => s.actionOutcome);
  const view = useUi((s) => s.view);
  // Adding to an incident is offered only while one is open (a closed one is read only).
  const canAttach = useIncidents((s) => openIncidentCount(s.list) > 0);
  const connected = useAppState(
    (s) => s.connection.status !== 'disconnected' && s.connection.status !== 'no-token',
  );
  const incidents = useIncidentAlerts();
  const actions = useAlertActions();
  const now = useNow(30_000);
  const [showAll, setShowAll] = useState(false);
  const filterRef = useRef<HTMLInputElement>(null);

  const names = useMemo(() => new Map(sources.map((s) => [s.sourceId, s.name])), [sources]);
  const nameOf = useCallback((sourceId: string) => names.get(sourceId) ?? sourceId, [names]);
  const multiSource = sources.length > 1;
  const query = useMemo(() => parseAlertQuery(filter), [filter]);
  const contextOf = useCallback(
    (alert: Alert): FilterContext => ({
      sourceName: nameOf(alert.sourceId),
      severityText: severityLabel(alert.severity, scale),
      incidentIds: incidents.get(alert.id)?.map((i) => i.id) ?? [],
    }),
    [nameOf, scale, incidents],
  );

  // The list stays still while it is read: alerts new since the user started reading (a row
  // selected, or the page scrolled) wait behind "N new" until they are asked for.
  const [seen, setSeen] = useState<ReadonlySet<string> | undefined>();
  const scrolled = useScrolled();
  const reading = selectedId !== undefined || scrolled;
  const showNew = useCallback(() => setSeen(new Set(alerts.map((a) => a.id))), [alerts]);
  // Adjusted while rendering (React's pattern for state derived from props), not in an effect,
  // so a new alert never flashes into place before it is held back.
  if (loaded && (seen === undefined || (!reading && alerts.some((a) => !seen.has(a.id))))) {
    setSeen(new Set(alerts.map((a) => a.id)));
  }
  const { shown: current, held } = useMemo(() => holdNewAlerts(alerts, seen), [alerts, seen]);

  const visible = useMemo(
    () => current.filter((alert) => matchesQuery(alert, query, contextOf(alert))),
    [current, query, contextOf],
  );
  const heldMatching = useMemo(
    () => held.filter((alert) => matchesQuery(alert, query, contextOf(alert))).length,
    [held, query, contextOf],
  );
  const groups = useMemo(() => groupAlerts(visible), [visible]);
  const items = useMemo(() => listItems(groups, toggledGroups), [groups, toggledGroups]);
  const shown = showAll ? items : items.slice(0, ROW_LIMIT);
  const itemIds = useMemo(() => shown.map((item) => item.id), [shown]);
  const counts = useMemo(
    () => countAlerts(current, nameOf, multiSource, incidents),
    [current, nameOf, multiSource, incidents],
  );
  const activeTerms = useMemo(
    () =>
      new Set(
        query.terms.flatMap((t) =>
          t.kind === 'match' && t.op === '=' ? [`${t.name}=${t.value}`] : [],
        ),
      ),
    [query],
  );
  // Ticked alerts that are still known: one that vanished cannot be declared from.
  const checked = useMemo(
    () => alerts.filter((a) => checkedAlerts.has(a.id)),
    [alerts, checkedAlerts],
  );
  const checkedIds = useMemo(() => checked.map((a) => a.id), [checked]);
  const bulkOffered = useMemo(
    () => commonActions(checked, actions.can, now),
    [checked, actions, now],
  );

  const perform = useCallback(
    (offered: OfferedAction, ids: readonly string[]) => {
      if (offered.action === undefined) uiStore.actions.startSilence(ids);
      else void actions.run(ids, offered.action, offered.label);
    },
    [actions, uiStore],
  );
  const onTerm = useCallback(
    (name: string, value: string) =>
      uiStore.actions.setFilter(toggleQueryTerm(uiStore.getState().filter, name, value)),
    [uiStore],
  );
  const openIncident = useCallback((id: string) => uiStore.actions.openIncident(id), [uiStore]);

  useEffect(() => {
    if (view !== 'alerts') return;
    const focusRow = (id: string | undefined): void => {
      if (id === undefined) return;
      const row = document.querySelector<HTMLElement>(`[data-alert-id="${CSS.escape(id)}"]`);
      row?.focus();
      row?.scrollIntoView({ block: 'nearest' });
    };
    // The alerts a key acts on: the ticked ones, else the selected alert or group.
    const targets = (current: string | undefined): Alert[] => {
      if (checked.length > 0) return checked;
      const item = shown.find((i) => i.id === current);
      if (!item) return [];
      return item.kind === 'group' ? [...item.group.alerts] : [item.alert];
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
          const first = itemIds[0];
          uiStore.actions.select(first);
          focusRow(first);
          event.preventDefault();
        }
        return;
      }
      const { selectedId: current, expanded: open } = uiStore.getState();
      const item = shown.find((i) => i.id === current);
      const actionId = ACTION_KEYS[event.key];
      if (actionId !== undefined) {
        const alertsToAct = targets(current);
        const offered = commonActions(alertsToAct, actions.can, Date.now()).find(
          (o) => o.id === actionId,
        );
        if (offered) {
          event.preventDefault();
          perform(
            offered,
            alertsToAct.map((a) => a.id),
          );
        }
        return;
      }
      switch (event.key) {
        case '/':
          event.preventDefault();
          filterRef.current?.focus();
          filterRef.current?.select();
          return;
        case 'n':
          if (held.length > 0) {
            event.preventDefault();
            showNew();
          }
          return;
        case 'j':
        case 'ArrowDown':
        case 'k':
        case 'ArrowUp': {
          event.preventDefault();
          const next = moveSelection(
            itemIds,
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
          if (item) {
            event.preventDefault();
            if (item.kind === 'group') uiStore.actions.toggleGroup(item.id);
            else uiStore.actions.toggleExpanded(item.id);
          }
          return;
        case 'x':
          if (item) {
            event.preventDefault();
            if (item.kind === 'group') {
              // The whole group: ticked unless all of it already is, then unticked.
              const ticked = uiStore.getState().checkedAlerts;
              const all = item.group.alerts.every((a) => ticked.has(a.id));
              for (const a of item.group.alerts)
                if (ticked.has(a.id) === all) uiStore.actions.toggleChecked(a.id);
            } else uiStore.actions.toggleChecked(item.id);
          }
          return;
        case 'Escape':
          if (current !== undefined && open.has(current)) {
            event.preventDefault();
            uiStore.actions.toggleExpanded(current);
          } else if (current !== undefined) {
            // Done reading: the list may move again.
            event.preventDefault();
            uiStore.actions.select(undefined);
          }
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [uiStore, view, itemIds, shown, checked, actions, perform, held, showNew]);

  if (!loaded) {
    // Before the first answer; while unreachable the banner above says why instead.
    return view === 'alerts' && connected ? (
      <p className="alerts__loading muted">Loading alerts…</p>
    ) : null;
  }

  const filtering = filter.trim() !== '';
  return (
    <section className="alerts" aria-label="Alerts">
      <UnmappedBanner alerts={alerts} />
      <AlertToolbar
        filter={filter}
        filterRef={filterRef}
        onFilter={uiStore.actions.setFilter}
        onTerm={onTerm}
        counts={counts}
        scale={scale}
        savedFilters={savedFilters}
        shownText={filtering ? `${visible.length} of ${current.length} shown` : undefined}
        errors={query.errors}
      />
      {checkedIds.length > 0 ? (
        <div className="alerts__bulk">
          <strong>{checkedIds.length} ticked</strong>
          <AlertActionBar
            offered={bulkOffered}
            scope={`for ${checkedIds.length} ticked`}
            onAction={(offered) => perform(offered, checkedIds)}
          />
          <button
            type="button"
            className="btn btn--small btn--primary"
            onClick={() => uiStore.actions.startDeclare(checkedIds)}
          >
            Declare from {checkedIds.length} {checkedIds.length === 1 ? 'alert' : 'alerts'}
          </button>
          {canAttach ? (
            <button
              type="button"
              className="btn btn--small"
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
        </div>
      ) : null}
      {outcome ? (
        <p
          className={`alerts__outcome${outcome.failed.size > 0 ? ' alerts__outcome--failed' : ''}`}
          role="status"
        >
          {outcome.text}{' '}
          <button
            type="button"
            className="btn btn--link"
            onClick={() => uiStore.actions.setActionOutcome(undefined)}
          >
            Dismiss
          </button>
        </p>
      ) : null}

      {counts.state.firing === 0 && !filtering && held.length === 0 ? (
        <EmptyState sources={sources} />
      ) : null}

      {heldMatching > 0 ? (
        <button type="button" className="alerts__new" onClick={showNew}>
          {heldMatching} new — show {heldMatching === 1 ? 'it' : 'them'} <kbd>n</kbd>
        </button>
      ) : null}

      {visible.length === 0 && filtering ? (
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
          {shown.map((item) =>
            item.kind === 'group' ? (
              <AlertGroupLine
                key={item.id}
                group={item.group}
                open={item.open}
                selected={item.id === selectedId}
                scale={scale}
                now={now}
                onToggle={uiStore.actions.toggleGroup}
              />
            ) : (
              <AlertRow
                key={item.id}
                alert={item.alert}
                labels={item.labels}
                showTitle={item.group.alerts.length === 1 || item.alert.title !== item.group.name}
                sourceName={multiSource ? nameOf(item.alert.sourceId) : undefined}
                scale={scale}
                now={now}
                selected={item.id === selectedId}
                expanded={expanded.has(item.id)}
                checked={checkedAlerts.has(item.id)}
                incidents={incidents.get(item.id)}
                failure={outcome?.failed.get(item.id)}
                activeTerms={activeTerms}
                onToggle={uiStore.actions.toggleExpanded}
                onCheck={uiStore.actions.toggleChecked}
                onLabel={onTerm}
                onIncident={openIncident}
                details={
                  expanded.has(item.id) ? (
                    <AlertDetails
                      alert={item.alert}
                      sourceName={nameOf(item.alert.sourceId)}
                      now={now}
                      incidents={incidents.get(item.id)}
                      offered={offeredActions(item.alert, actions.can(item.alert), now)}
                      onAction={(offered) => perform(offered, [item.id])}
                    />
                  ) : null
                }
              />
            ),
          )}
        </ul>
      ) : null}

      {shown.length < items.length ? (
        <p className="alerts__more">
          Showing the first {shown.length} of {items.length} lines. Narrow the filter, or{' '}
          <button type="button" className="btn btn--link" onClick={() => setShowAll(true)}>
            show all
          </button>
          .
        </p>
      ) : null}
    </section>
  );
}

/** True once the page is scrolled away from the top. */
function useScrolled(): boolean {
  const [scrolled, setScrolled] = useState(false);
  useEffect(() => {
    const onScroll = (): void => setScrolled(window.scrollY > 0);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  return scrolled;
}

/** The actions every one of these alerts offers (for the ticked ones, or a group). */
function commonActions(
  alerts: readonly Alert[],
  can: (alert: Alert) => readonly AlertActionType[],
  now: number,
): OfferedAction[] {
  const [first, ...rest] = alerts;
  if (!first) return [];
  return offeredActions(first, can(first), now).filter((offered) =>
    rest.every((alert) => offeredActions(alert, can(alert), now).some((o) => o.id === offered.id)),
  );
}

function countAlerts(
  alerts: readonly Alert[],
  nameOf: (sourceId: string) => string,
  multiSource: boolean,
  incidents: ReadonlyMap<string, unknown>,
): ListCounts {
  const severity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const state: Record<AlertState, number> = {
    firing: 0,
    acknowledged: 0,
    silenced: 0,
    inhibited: 0,
    resolved: 0,
  };
  const source = new Map<string, number>();
  let notInIncident = 0;
  for (const alert of alerts) {
    severity[alert.severity] += 1;
    state[alertState(alert)] += 1;
    if (multiSource) {
      const name = nameOf(alert.sourceId);
      source.set(name, (source.get(name) ?? 0) + 1);
    }
    if (!incidents.has(alert.id)) notInIncident += 1;
  }
  return { severity, state, source: [...source], notInIncident };
}
