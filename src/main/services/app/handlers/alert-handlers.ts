import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import type { SourceManager } from '../../sources/source-manager';

/** The calls about alerts and the sources they come from. */
export type AlertHandlers = Pick<InvokeHandlers, 'alerts:list' | 'sources:list' | 'source:refresh'>;

/** What the alert calls need. */
export interface AlertHandlerDeps {
  sources: Pick<SourceManager, 'alerts' | 'statuses' | 'refresh'>;
}

/**
 * `alerts:list`, `sources:list` and `source:refresh` over the source manager.
 * @param deps - the source manager
 */
export function alertHandlers({ sources }: AlertHandlerDeps): AlertHandlers {
  return {
    'alerts:list': async () => ({ alerts: sources.alerts() }),
    'sources:list': async () => ({ sources: sources.statuses() }),
    'source:refresh': async ({ sourceId }) => {
      if (!sources.refresh(sourceId)) {
        throw new IpcFailure(
          'not-found',
          `No enabled source has the id "${sourceId}". Check the source list in Settings.`,
        );
      }
      return { sourceId };
    },
  };
}
