import { DEFAULT_INCIDENT_DEFAULTS } from '../../../shared/domain/incident-defaults';
import {
  SEVERITIES,
  severityLabel,
  type Severity,
  type SeverityScale,
} from '../../../shared/domain/severity';
import { SeverityBadge } from '../../components/severity-badge';
import type { CadenceDraft, IncidentsAction } from './incidents-draft';

/**
 * How a cadence reads in a sentence.
 * @param minutes - minutes between updates, or null for none scheduled
 */
export function cadenceText(minutes: number | null): string {
  if (minutes === null) return 'none scheduled';
  if (minutes % 60 === 0) return minutes === 60 ? 'every hour' : `every ${minutes / 60} hours`;
  return `every ${minutes} min`;
}

/**
 * Settings → Incidents → status updates: one row per severity, in the team's own words.
 * "None" keeps the typed minutes, so unticking it brings them back.
 */
export function CadenceFields(props: {
  cadence: Record<Severity, CadenceDraft>;
  scale: SeverityScale;
  errors: Record<string, string>;
  dispatch: (action: IncidentsAction) => void;
}) {
  const { cadence, scale, errors, dispatch } = props;
  return (
    <fieldset className="cadence">
      <legend className="settings__subheading">Status updates</legend>
      <p className="field__help cadence__intro">
        How often the incident commander is reminded that a status update is due.
      </p>
      <div className="cadence__rows">
        {SEVERITIES.map((severity) => {
          const label = severityLabel(severity, scale);
          const row = cadence[severity];
          const error = errors[`cadence.${severity}`];
          const id = `cadence-${severity}`;
          const product = DEFAULT_INCIDENT_DEFAULTS.statusCadenceMinutes[severity];
          return (
            <div className="cadence__row" key={severity}>
              <label className="cadence__label" htmlFor={id}>
                <SeverityBadge severity={severity} scale={scale} quiet />
                <span className="visually-hidden"> status update every (minutes)</span>
              </label>
              <span className="cadence__every" aria-hidden="true">
                every
              </span>
              <input
                id={id}
                className="field__input tabular cadence__minutes"
                value={row.none ? '' : row.minutes}
                inputMode="numeric"
                disabled={row.none}
                placeholder={row.none ? '—' : undefined}
                onChange={(event) =>
                  dispatch({ type: 'cadence-minutes', severity, minutes: event.target.value })
                }
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-default${error ? ` ${id}-error` : ''}`}
              />
              <span className="cadence__unit" aria-hidden="true">
                min
              </span>
              <label className="cadence__none">
                <input
                  type="checkbox"
                  checked={row.none}
                  onChange={(event) =>
                    dispatch({ type: 'cadence-none', severity, none: event.target.checked })
                  }
                />
                None scheduled
                <span className="visually-hidden"> for {label}</span>
              </label>
              <span className="cadence__default muted" id={`${id}-default`}>
                Product default: {cadenceText(product)}
              </span>
              {error ? (
                <span className="field__error cadence__error" id={`${id}-error`}>
                  {error}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
