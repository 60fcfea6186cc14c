import type { Severity, SeverityScale } from '../../shared/domain/severity';
import { severityLabel } from '../../shared/domain/severity';

/**
 * The severity in the team's own words ("SEV1", "P0"), in its colour.
 * @param props.quiet - for resolved alerts: outlined instead of filled
 * @param props.unmappedWord - the source's severity word when the mapping does not know it:
 *   the badge is marked "?" and says so, since the level shown is only a guess
 */
export function SeverityBadge(props: {
  severity: Severity;
  scale: SeverityScale;
  quiet?: boolean;
  unmappedWord?: string | undefined;
}) {
  const { severity, scale, quiet = false, unmappedWord } = props;
  const label = severityLabel(severity, scale);
  if (unmappedWord === undefined) {
    return (
      <span className={`sev-badge sev-badge--${severity}${quiet ? ' sev-badge--quiet' : ''}`}>
        {label}
      </span>
    );
  }
  return (
    <span
      className={`sev-badge sev-badge--${severity} sev-badge--unmapped${quiet ? ' sev-badge--quiet' : ''}`}
      title={`Unmapped severity “${unmappedWord}”: shown as ${label} until it is mapped in Settings`}
    >
      {unmappedWord === '' ? label : unmappedWord}?
      <span className="visually-hidden"> (unmapped, shown as {label})</span>
    </span>
  );
}
