import {
  SEVERITIES,
  severityLabel,
  type Severity,
  type SeverityScale,
} from '../../../../shared/domain/severity';

/** A word a source sends and the severity it means. */
export interface SeverityWordRow {
  readonly word: string;
  readonly severity: Severity;
}

/**
 * Rows of "this word means that severity", for words the standard mapping does not know
 * (`P1` from a source that speaks P1–P5, `disaster` from Zabbix).
 */
export function SeverityWordsEditor(props: {
  idPrefix: string;
  rows: readonly SeverityWordRow[];
  scale: SeverityScale;
  onChange: (rows: SeverityWordRow[]) => void;
}) {
  const { rows, scale } = props;
  const set = (index: number, patch: Partial<SeverityWordRow>) =>
    props.onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="severity-words">
      {rows.map((row, index) => (
        <div className="severity-words__row" key={index}>
          <label className="visually-hidden" htmlFor={`${props.idPrefix}-word-${index}`}>
            Severity word {index + 1}
          </label>
          <input
            id={`${props.idPrefix}-word-${index}`}
            className="field__input"
            value={row.word}
            placeholder="P1"
            spellCheck={false}
            onChange={(e) => set(index, { word: e.target.value })}
          />
          <span aria-hidden="true">means</span>
          <label className="visually-hidden" htmlFor={`${props.idPrefix}-sev-${index}`}>
            Severity of word {index + 1}
          </label>
          <select
            id={`${props.idPrefix}-sev-${index}`}
            className="field__input field__input--select"
            value={row.severity}
            onChange={(e) => set(index, { severity: e.target.value as Severity })}
          >
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severityLabel(severity, scale)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => props.onChange(rows.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--small"
        onClick={() => props.onChange([...rows, { word: '', severity: 'sev3' }])}
      >
        + Add a word
      </button>
    </div>
  );
}
