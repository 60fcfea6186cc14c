import { formatIncidentLink } from '../../../shared/sync/incident-link';
import { useAppState } from '../../app/app-context';
import { CopyButton } from '../runbooks/copy-button';

/**
 * "Copy link" for an incident while team sync has a server: a link a teammate pastes into "Join
 * from link" (or opens from chat, in the desktop app). It names the server and the incident,
 * never the token.
 * @param props.title - the incident's title, for a button among others (a list's rows)
 */
export function CopyIncidentLink(props: { incidentId: string; title?: string }) {
  const server = useAppState((s) => s.sync?.server);
  if (server === undefined) return null;
  return (
    <CopyButton
      text={formatIncidentLink(server, props.incidentId)}
      label={
        props.title === undefined
          ? 'Copy link to this incident, for a teammate'
          : `Copy link to “${props.title}”, for a teammate`
      }
      idleText="Copy link"
    />
  );
}
