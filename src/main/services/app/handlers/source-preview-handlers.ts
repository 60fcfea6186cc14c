import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { SourceManager } from '../../sources/source-manager';

/** The live preview of a source's field mapping. */
export type SourcePreviewHandlers = Pick<InvokeHandlers, 'source:preview'>;

/**
 * `source:preview` over the source manager: unsaved settings, fetched once, never stored.
 * @param deps - the source manager
 */
export function sourcePreviewHandlers({
  sources,
}: {
  sources: Pick<SourceManager, 'preview'>;
}): SourcePreviewHandlers {
  return {
    'source:preview': ({ source, credential }) => sources.preview(source, credential),
  };
}
