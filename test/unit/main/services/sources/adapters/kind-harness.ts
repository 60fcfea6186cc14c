import { vi } from 'vitest';
import type { Clock } from '../../../../../../src/main/services/clock/clock';
import {
  createSourceManager,
  type AlertsChange,
  type SourceManager,
} from '../../../../../../src/main/services/sources/source-manager';
import {
  sourceConfigSchema,
  type SourceConfig,
  type SourceStatus,
} from '../../../../../../src/shared/domain/source';
import type { SourceKindCase } from '../../../../../support/source-kind-cases';

/** Generous, for two busy cores; nothing here is a timing assertion. */
export const WAIT = { timeout: 15_000, interval: 20 };

/** The credential every source of the harness has in its secret store. */
export const TEST_TOKEN = 'u+test-token-3f9a';

/** A source manager on a fixed clock, recording everything it publishes. */
export interface KindHarness {
  readonly manager: SourceManager;
  /** The clock's time; moved only by {@link KindHarness.pollNow}. */
  readonly now: Date;
  readonly changes: AlertsChange[];
  readonly statuses: SourceStatus[];
  /** The draw used for backoff jitter; 1 (the longest waits, so no retry fires) by default. */
  draw: number;
  /** The settings of a minimal source of a kind, polled only when the test asks. */
  source(kindCase: SourceKindCase, baseUrl: string, id: string, extra?: object): SourceConfig;
  status(id: string): SourceStatus | undefined;
  /**
   * Why the source's last answer was bad: its reason, or, for a kind whose failures show as an
   * alert, that alert's summary. Undefined while all is well.
   */
  problem(kindCase: SourceKindCase, id: string): string | undefined;
  /** Open alerts of a source. */
  open(id: string): number;
  /**
   * A second later, press "poll now" until that poll's outcome is in (a press while a poll is
   * under way is dropped, by design).
   */
  pollNow(id: string): Promise<void>;
  /** Wait until `check` passes. */
  until(check: () => void): Promise<void>;
}

/** Start a harness; stop its manager after the test. */
export function kindHarness(): KindHarness {
  let now = new Date('2026-03-01T02:00:00.000Z');
  const clock: Clock = { now: () => now };
  const changes: AlertsChange[] = [];
  const statuses: SourceStatus[] = [];
  const harness: KindHarness = {
    draw: 1,
    get now() {
      return now;
    },
    changes,
    statuses,
    manager: createSourceManager({
      clock,
      random: () => harness.draw,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: (change) => changes.push(change),
      onStatus: (status) => statuses.push(status),
      // The kinds that need a credential get one; the peer under test does not check it.
      secret: () => Promise.resolve(TEST_TOKEN),
    }),
    source: (kindCase, baseUrl, id, extra = {}) =>
      sourceConfigSchema.parse({
        ...kindCase.config(baseUrl, id),
        intervalSeconds: 3600,
        ...extra,
      }),
    status: (id) => harness.manager.statuses().find((s) => s.sourceId === id),
    problem(kindCase, id) {
      if (kindCase.failureShowsIn === 'status') return harness.status(id)?.reason;
      return harness.manager.alerts().find((a) => a.sourceId === id && a.status === 'firing')
        ?.summary;
    },
    open: (id) =>
      harness.manager.alerts().filter((a) => a.sourceId === id && a.status !== 'resolved').length,
    async pollNow(id) {
      now = new Date(now.getTime() + 1000);
      const at = now.toISOString();
      await vi.waitFor(() => {
        if (harness.status(id)?.lastAttemptAt !== at) {
          harness.manager.refresh(id);
          throw new Error(`no poll of ${id} answered since ${at}`);
        }
      }, WAIT);
    },
    until: (check) => vi.waitFor(check, WAIT),
  };
  return harness;
}
