import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { SourceManager } from '../../sources/source-manager';

/** The calls that act on alerts at their sources, and try a source's settings. */
export type SourceActionHandlers = Pick<InvokeHandlers, 'alert:act' | 'source:test'>;

/** What the source action calls need. */
export interface SourceActionHandlerDeps {
  sources: Pick<SourceManager, 'act' | 'test'>;
  /** Who acts from this app: the profile name, else the OS user (as on incident entries). */
  actor: () => string;
}

/** How many alerts "Test connection" shows of what it found. */
const TEST_SAMPLE_SIZE = 5;

/**
 * `alert:act` and `source:test` over the source manager.
 * @param deps - the source manager and who acts
 */
export function sourceActionHandlers({
  sources,
  actor,
}: SourceActionHandlerDeps): SourceActionHandlers {
  return {
    'alert:act': async ({ alertIds, action }) => ({
      results: await sources.act([...new Set(alertIds)], action, actor()),
    }),
    'source:test': async ({ source, credential }) => {
      const tested = await sources.test(source, credential);
      if (!tested.ok) return tested;
      return {
        ok: true,
        count: tested.alerts.length,
        sample: tested.alerts.slice(0, TEST_SAMPLE_SIZE),
      };
    },
  };
}
