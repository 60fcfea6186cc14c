import { SEVERITIES } from '../../../../shared/domain/severity';

/** How one setting of a source is edited. */
export interface SourceFieldSpec {
  /** Where the value sits in the source's settings; dotted for nested ones (`fields.id`). */
  readonly path: string;
  readonly label: string;
  readonly type: 'text' | 'url' | 'email' | 'number' | 'select' | 'checkbox' | 'list';
  readonly placeholder?: string;
  /** One line under the field: what it is for, where to find it. */
  readonly help?: string;
  /** For `select`. */
  readonly options?: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  /** Shown under "More settings" rather than up front. */
  readonly more?: boolean;
}

/** How a kind of source is offered and edited in Settings. */
export interface SourceKindForm {
  /** The kind's name in the "Add source" menu and on the card. */
  readonly label: string;
  /** What the user pastes where, in one sentence. */
  readonly description: string;
  readonly fields: readonly SourceFieldSpec[];
  /** The credential this kind takes (an API token), if any, and where to find it. */
  readonly credential?: { readonly label: string; readonly help: string };
  /** Only when the credential applies (e.g. Alertmanager's `auth` is `bearer`). */
  readonly credentialWhen?: (values: Readonly<Record<string, string | boolean>>) => boolean;
}

const TIMING: readonly SourceFieldSpec[] = [
  { path: 'intervalSeconds', label: 'Poll every (s)', type: 'number' },
  { path: 'timeoutSeconds', label: 'Timeout (s)', type: 'number', more: true },
];

/**
 * The form of each kind the app can watch. A kind missing here is offered under its own name
 * with name, interval and timeout only; its other settings stay as the file has them.
 */
export const SOURCE_KIND_FORMS: Readonly<Record<string, SourceKindForm>> = {
  alertmanager: {
    label: 'Prometheus Alertmanager',
    description: 'The base URL of the Alertmanager (API v2), as you open its UI.',
    fields: [
      {
        path: 'url',
        label: 'URL',
        type: 'url',
        placeholder: 'http://alertmanager.example:9093',
      },
      ...TIMING,
      {
        path: 'peerUrls',
        label: 'Other cluster members',
        type: 'list',
        placeholder: 'http://am-2:9093, http://am-3:9093',
        help: 'The other Alertmanagers of the same HA cluster; each alert shows once.',
        more: true,
      },
      {
        path: 'ackMinutes',
        label: 'Acknowledge for (min)',
        type: 'number',
        help: 'Acknowledging silences the alert at Alertmanager for this long.',
        more: true,
      },
      {
        path: 'push',
        label: 'Accept pushes from its webhook receiver',
        type: 'checkbox',
        help: 'New alerts show within a second; polling stays on as the safety net.',
        more: true,
      },
      {
        path: 'auth',
        label: 'Authentication',
        type: 'select',
        options: [
          { value: 'none', label: 'None' },
          { value: 'bearer', label: 'Bearer token (behind a proxy)' },
        ],
        more: true,
      },
    ],
    credential: {
      label: 'Bearer token',
      help: 'Sent as "Authorization: Bearer …"; kept in the secret store, never in settings.json.',
    },
    credentialWhen: (values) => values.auth === 'bearer',
  },
  pagerduty: {
    label: 'PagerDuty',
    description: 'Your triggered and acknowledged PagerDuty incidents.',
    fields: [
      {
        path: 'fromEmail',
        label: 'Your PagerDuty login e-mail',
        type: 'email',
        placeholder: 'you@example.com',
        help: 'Sent as the From header when you acknowledge, snooze or resolve.',
      },
      {
        path: 'scope',
        label: 'Incidents',
        type: 'select',
        options: [
          { value: 'me', label: 'Assigned to me' },
          { value: 'teams', label: 'Of these teams' },
          { value: 'services', label: 'Of these services' },
        ],
      },
      { path: 'teamIds', label: 'Team ids', type: 'list', placeholder: 'PQ9K7I8' },
      { path: 'serviceIds', label: 'Service ids', type: 'list', placeholder: 'PIJ90N7' },
      ...TIMING,
      {
        path: 'apiUrl',
        label: 'API URL',
        type: 'url',
        placeholder: 'https://api.pagerduty.com',
        help: 'https://api.eu.pagerduty.com for an account in the EU service region.',
        more: true,
      },
    ],
    credential: {
      label: 'API token',
      help: 'A user token: PagerDuty → My Profile → User Settings → Create API User Token.',
    },
  },
  opsgenie: {
    label: 'Opsgenie',
    description: 'Your open Opsgenie alerts.',
    fields: [
      {
        path: 'region',
        label: 'Region',
        type: 'select',
        options: [
          { value: 'us', label: 'US (api.opsgenie.com)' },
          { value: 'eu', label: 'EU (api.eu.opsgenie.com)' },
        ],
      },
      {
        path: 'query',
        label: 'Only alerts matching',
        type: 'text',
        placeholder: 'teams: payments',
        help: 'An Opsgenie search query; empty for every open alert.',
      },
      ...TIMING,
      { path: 'apiUrl', label: 'API URL (overrides the region)', type: 'url', more: true },
    ],
    credential: {
      label: 'API key',
      help: 'An API integration key (GenieKey) with read and update access.',
    },
  },
  'grafana-oncall': {
    label: 'Grafana OnCall / IRM',
    description: 'New and acknowledged alert groups of Grafana OnCall (or Grafana IRM).',
    fields: [
      {
        path: 'apiUrl',
        label: 'OnCall API URL',
        type: 'url',
        placeholder: 'https://oncall-prod-us-central-0.grafana.net/oncall',
        help: 'Grafana → OnCall → Settings → Admin & API.',
      },
      ...TIMING,
    ],
    credential: { label: 'API token', help: 'Grafana → OnCall → Settings → Admin & API.' },
  },
  json: {
    label: 'Any JSON endpoint',
    description: 'A URL answering a list of alerts as JSON, read through the fields you map.',
    fields: [
      { path: 'url', label: 'URL', type: 'url', placeholder: 'https://status.example/api/alerts' },
      {
        path: 'itemsPath',
        label: 'The list is at',
        type: 'text',
        placeholder: 'data.alerts (empty: the whole answer)',
      },
      { path: 'fields.id', label: 'Id field', type: 'text', placeholder: 'id' },
      { path: 'fields.title', label: 'Title field', type: 'text', placeholder: 'name' },
      { path: 'fields.severity', label: 'Severity field', type: 'text', placeholder: 'severity' },
      { path: 'fields.status', label: 'Status field', type: 'text', placeholder: 'state' },
      { path: 'fields.time', label: 'Start time field', type: 'text', placeholder: 'since' },
      { path: 'fields.link', label: 'Link field', type: 'text', placeholder: 'url' },
      {
        path: 'resolvedValues',
        label: 'Status values that mean resolved',
        type: 'list',
        placeholder: 'resolved, ok, closed',
        more: true,
      },
      ...TIMING,
      {
        path: 'auth',
        label: 'Authentication',
        type: 'select',
        options: [
          { value: 'none', label: 'None' },
          { value: 'bearer', label: 'Bearer token' },
        ],
        more: true,
      },
    ],
    credential: {
      label: 'Bearer token',
      help: 'Kept in the secret store, never in settings.json.',
    },
    credentialWhen: (values) => values.auth === 'bearer',
  },
  'http-check': {
    label: 'HTTP health check',
    description: 'Fires an alert when a URL stops answering as expected.',
    fields: [
      { path: 'url', label: 'URL', type: 'url', placeholder: 'https://shop.example/healthz' },
      { path: 'expectStatus', label: 'Expected status', type: 'number', placeholder: '200' },
      {
        path: 'expectText',
        label: 'Body contains',
        type: 'text',
        placeholder: '(optional) "status":"ok"',
      },
      { path: 'failuresBeforeAlert', label: 'Failures in a row before it fires', type: 'number' },
      {
        path: 'severity',
        label: 'Severity',
        type: 'select',
        options: SEVERITIES.map((s) => ({ value: s, label: s.toUpperCase() })),
      },
      ...TIMING,
    ],
  },
};

/**
 * The form of a kind, or a minimal one for a kind this screen does not know yet.
 * @param kind - the source's kind
 */
export function kindForm(kind: string): SourceKindForm {
  return (
    SOURCE_KIND_FORMS[kind] ?? {
      label: kind,
      description: 'Its other settings are kept as the settings file has them.',
      fields: TIMING,
    }
  );
}
