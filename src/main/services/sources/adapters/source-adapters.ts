import type { SourceConfig } from '../../../../shared/domain/source';
import type { SourceAdapter, SourceAdapterRegistry } from '../source-adapter';
import { alertmanagerAdapter } from './alertmanager-adapter';
import { grafanaOncallAdapter } from './grafana-oncall-adapter';
import { opsgenieAdapter } from './opsgenie-adapter';
import { pagerdutyAdapter } from './pagerduty-adapter';
import { httpCheckAdapter } from './http-check-adapter';
import { jsonAdapter } from './json-adapter';

/** The adapter of every kind of source; a new kind is one file and one line here. */
export const sourceAdapters: SourceAdapterRegistry = {
  alertmanager: alertmanagerAdapter,
  opsgenie: opsgenieAdapter,
  'grafana-oncall': grafanaOncallAdapter,
  pagerduty: pagerdutyAdapter,
  json: jsonAdapter,
  'http-check': httpCheckAdapter,
};

/**
 * The adapter for a source's kind.
 * @param config - the source's settings
 */
export function adapterFor<C extends SourceConfig>(config: C): SourceAdapter<C> {
  // The registry's mapped type pairs each kind with its adapter; TypeScript cannot follow the
  // pairing through an indexed access on a union, so this is the one place that says so.
  return sourceAdapters[config.kind] as unknown as SourceAdapter<C>;
}
