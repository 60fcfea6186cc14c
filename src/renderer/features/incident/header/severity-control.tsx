import { useState } from 'react';
import {
  SEVERITIES,
  severityLabel,
  type Severity,
  type SeverityScale,
} from '../../../../shared/domain/severity';
import { SeverityBadge } from '../../../components/severity-badge';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import { useOp } from '../use-op';
import { inlineFormHandlers } from '../inline-form';

/** The severity badge; when editable, a button that opens "change severity, and why". */
export function SeverityControl(props: {
  severity: Severity;
  scale: SeverityScale;
  apply: ApplyIncidentOp;
  readOnly: boolean;
}) {
  const { severity, scale } = props;
  const [open, setOpen] = useState(false);
  const [next, setNext] = useState<Severity>(severity);
  const [reason, setReason] = useState('');
  const op = useOp(props.apply);

  if (props.readOnly) return <SeverityBadge severity={severity} scale={scale} />;
  if (!open) {
    return (
      <button
        type="button"
        className="severity-button"
        aria-label={`Severity ${severityLabel(severity, scale)}: change`}
        title="Change the severity"
        onClick={() => {
          setNext(severity);
          setReason('');
          op.clearError();
          setOpen(true);
        }}
      >
        <SeverityBadge severity={severity} scale={scale} />
        <span className="severity-button__caret" aria-hidden="true">
          ▾
        </span>
      </button>
    );
  }
  return (
    <form
      className="inline-form severity-form"
      aria-label="Change severity"
      {...inlineFormHandlers(
        () => {
          const trimmed = reason.trim();
          void op
            .run({
              type: 'severity.change',
              args: trimmed === '' ? { severity: next } : { severity: next, reason: trimmed },
            })
            .then((done) => {
              if (done) setOpen(false);
            });
        },
        () => setOpen(false),
      )}
    >
      <label className="field field--inline">
        <span className="field__label">Severity</span>
        <select
          className="field__input field__input--select"
          value={next}
          autoFocus
          onChange={(e) => setNext(e.target.value as Severity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {severityLabel(s, scale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline severity-form__reason">
        <span className="field__label">Reason</span>
        <input
          className="field__input"
          value={reason}
          placeholder="optional, goes on the timeline"
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="btn btn--primary btn--small"
        disabled={op.busy || next === severity}
      >
        Change
      </button>
      <button type="button" className="btn btn--small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <OpError error={op.error} />
    </form>
  );
}
