import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  alertmanagerReceiverBlock,
  newWebhookToken,
  webhookUrl,
} from '../../../../../src/main/services/webhook/webhook-token';

describe('webhook tokens and the block to paste', () => {
  it('makes a different 256-bit token each time, safe to paste unquoted', () => {
    const a = newWebhookToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newWebhookToken()).not.toBe(a);
  });

  it('writes an alertmanager.yml receiver and route that Alertmanager reads as meant', () => {
    const url = webhookUrl(9097, 'alertmanager', 'prod');
    const token = newWebhookToken();
    expect(parse(alertmanagerReceiverBlock('prod', url, token))).toEqual({
      route: { routes: [{ receiver: 'oncall-companion-prod', continue: true }] },
      receivers: [
        {
          name: 'oncall-companion-prod',
          webhook_configs: [
            {
              url: 'http://127.0.0.1:9097/alertmanager/prod',
              send_resolved: true,
              http_config: { authorization: { type: 'Bearer', credentials: token } },
            },
          ],
        },
      ],
    });
  });
});
