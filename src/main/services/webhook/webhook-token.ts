import { randomBytes } from 'node:crypto';
import { WEBHOOK_HOST } from './webhook-receiver';

/**
 * The secret store key of the token a source's pushes must carry. Apart from `source:<id>`,
 * the credential the app sends to the source: one goes out, the other comes in.
 * @param sourceId - the source's id
 */
export function webhookTokenKey(sourceId: string): string {
  return `webhook:${sourceId}`;
}

/** A new token: 256 random bits, URL-safe, so it pastes into YAML without quoting trouble. */
export function newWebhookToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Where a source pushes to.
 * @param port - the receiver's port
 * @param kind - the source's kind (the first path segment)
 * @param sourceId - the source's id
 */
export function webhookUrl(port: number, kind: string, sourceId: string): string {
  return `http://${WEBHOOK_HOST}:${port}/${kind}/${sourceId}`;
}

/**
 * The `receivers` entry to paste into alertmanager.yml, and the route that sends every alert
 * to it as well as wherever it goes now (`continue: true`).
 * @param sourceId - the source's id (names the receiver)
 * @param url - {@link webhookUrl}
 * @param credentials - the token, or a placeholder when it is not shown
 */
export function alertmanagerReceiverBlock(
  sourceId: string,
  url: string,
  credentials: string,
): string {
  const name = `oncall-companion-${sourceId}`;
  return [
    'route:',
    '  routes:',
    `    - receiver: ${name}`,
    '      continue: true # the alerts still go to your other receivers',
    'receivers:',
    `  - name: ${name}`,
    '    webhook_configs:',
    `      - url: ${url}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: ${credentials}`,
    '',
  ].join('\n');
}
