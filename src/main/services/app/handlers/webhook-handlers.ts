import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import { WebhookInfoError, type WebhookService } from '../../webhook/webhook-service';

/** The calls about pushes to the app's webhook receiver. */
export type WebhookHandlers = Pick<InvokeHandlers, 'source:webhook'>;

/** What the webhook calls need. */
export interface WebhookHandlerDeps {
  webhooks: Pick<WebhookService, 'webhook'>;
}

/**
 * `source:webhook` over the webhook service.
 * @param deps - the webhook service
 */
export function webhookHandlers({ webhooks }: WebhookHandlerDeps): WebhookHandlers {
  return {
    'source:webhook': async ({ sourceId, newToken }) => {
      try {
        return await webhooks.webhook(sourceId, newToken);
      } catch (error) {
        if (error instanceof WebhookInfoError) throw new IpcFailure(error.code, error.message);
        throw error;
      }
    },
  };
}
