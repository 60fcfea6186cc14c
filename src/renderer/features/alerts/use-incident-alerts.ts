import { useEffect, useMemo, useState } from 'react';
import type { IncidentView } from '../../../shared/ipc/incident-schemas';
import { useApp, useIncidents } from '../../app/app-context';
import { incidentsByAlert, type IncidentRef } from './incident-alerts';

const NONE: ReadonlyMap<string, readonly IncidentRef[]> = new Map();

/**
 * The open incidents each alert is in. The incident list does not carry alert ids, so the view
 * of each open incident is asked for whenever the list changes (there are a handful at most);
 * the incident on screen is taken as it is.
 */
export function useIncidentAlerts(): ReadonlyMap<string, readonly IncidentRef[]> {
  const { bridge } = useApp();
  const list = useIncidents((s) => s.list);
  const shown = useIncidents((s) => s.shown);
  const [index, setIndex] = useState(NONE);
  const open = useMemo(
    () => list?.incidents.filter((incident) => incident.status !== 'closed') ?? [],
    [list],
  );
  useEffect(() => {
    if (open.length === 0) return;
    let current = true;
    void Promise.allSettled(
      open.map((incident) =>
        incident.id === shown?.incident.id
          ? Promise.resolve(shown)
          : bridge.invoke('incident:get', { id: incident.id }),
      ),
    ).then((answers) => {
      if (!current) return;
      // An incident that could not be read is left out; its own view says why.
      const views = answers.flatMap((a): IncidentView[] =>
        a.status === 'fulfilled' ? [a.value] : [],
      );
      setIndex(incidentsByAlert(views));
    });
    return () => {
      current = false;
    };
  }, [bridge, open, shown]);
  return open.length === 0 ? NONE : index;
}
