import type { Severity, SeverityScale } from '../../shared/domain/severity';
import { severityLabel } from '../../shared/domain/severity';

/**
 * The severity in the team's own words ("SEV1", "P0"), in its colour.
 * @param props.quiet - for resolved alerts: outlined instead of filled
 */
export function SeverityBadge(props: {
  severity: Severity;
  scale: SeverityScale;
  quiet?: boolean;
}) {
  const { severity, scale, quiet = false } = props;
  return (
    <span className={`sev-badge sev-badge--${severity}${quiet ? ' sev-badge--quiet' : ''}`}>
      {severityLabel(severity, scale)}
    </span>
  );
}
