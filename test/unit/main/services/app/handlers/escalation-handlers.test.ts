import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPageReceiver, type PageReceiver } from '../../../../../support/page-receiver';
import {
  APP_SERVICES_SUITE,
  WAIT,
  alertsBody,
  amAlert,
  prodSource,
  useAppServicesKit,
} from '../app-services-kit';

describe(
  'escalation in the running app: alert:escalation and the alarm',
  APP_SERVICES_SUITE,
  () => {
    const kit = useAppServicesKit();
    const { server, startApp, call, value } = kit;
    let receiver: PageReceiver;
    beforeEach(async () => {
      receiver = await startPageReceiver();
    });
    afterEach(async () => {
      await receiver.close();
    });

    it('pages the incident channel for a SEV1 at once (a real HTTP page), rings the alarm, and shows both', async () => {
      const am = await server();
      startApp({ sources: [prodSource(am.url)] });
      await value('channel:setSecret', {
        channelId: 'incident',
        secret: `${receiver.url}/services/T1/B1/xyz`,
      });
      am.answer(alertsBody(amAlert('d1', { alertname: 'DatabaseDown' })));
      await kit.refreshUntil(() => expect(receiver.received).toHaveLength(1));
      expect(JSON.stringify(receiver.received[0]?.body)).toContain('DatabaseDown');

      // The step is marked done once the page has ended (at least once: the page first).
      let view = await value('alert:escalation', { alertId: 'prod:d1' });
      await vi.waitFor(async () => {
        view = await value('alert:escalation', { alertId: 'prod:d1' });
        expect(view.next).toBeUndefined();
        expect(view.actions[0]?.result).toBe('sent');
      }, WAIT);
      // It started 30 min before the app saw it: levels 2 and 3 (schedules, nobody on call) were
      // skipped at once after level 1, and nothing more is to come.
      expect(view).toMatchObject({
        policy: { id: 'sev1' },
        level: 3,
        levelSkipped: true,
        later: 0,
      });
      expect(view.actions).toMatchObject([
        { level: 1, target: 'channel Incident channel', result: 'sent', attempts: 1 },
      ]);
      expect((await value('alarm:ringing', {})).ringing).toMatchObject([{ alertId: 'prod:d1' }]);
      expect(kit.ofChannel('alarm:changed').at(-1)?.payload.ringing).toMatchObject([
        { alertId: 'prod:d1', title: 'DatabaseDown' },
      ]);
      // A poll more pages nobody again.
      await kit.morePolls(am, 2);
      expect(receiver.received).toHaveLength(1);
    });

    it('acknowledges at PagerDuty an alert it paged there, once a teammate silences it at the source', async () => {
      const am = await server();
      startApp({
        sources: [prodSource(am.url)],
        escalation: {
          channels: [
            {
              kind: 'pagerduty',
              id: 'pd',
              name: 'Team PagerDuty',
              eventsUrl: `${receiver.url}/v2/enqueue`,
            },
          ],
          policies: [
            {
              id: 'pd-now',
              name: 'PagerDuty at once',
              levels: [{ delayMinutes: 0, targets: [{ kind: 'channel', id: 'pd' }] }],
            },
          ],
          rules: [],
          defaultPolicy: 'pd-now',
        },
      });
      await value('channel:setSecret', {
        channelId: 'pd',
        secret: 'e93facc04764012d7bfb002500d5d1a6',
      });
      const alert = amAlert('d1', { alertname: 'DatabaseDown' });
      am.answer(alertsBody(alert));
      await kit.refreshUntil(() => expect(receiver.received).toHaveLength(1));
      am.answer(
        alertsBody({
          ...alert,
          status: { state: 'suppressed', silencedBy: ['s-1'], inhibitedBy: [] },
        }),
      );
      const actions = () =>
        receiver.received.map((r) => {
          const body = r.body as { event_action: string; dedup_key: string };
          return `${body.event_action} ${body.dedup_key}`;
        });
      await kit.refreshUntil(() =>
        expect(actions()).toEqual([
          'trigger oncall-companion:prod:d1',
          'acknowledge oncall-companion:prod:d1',
        ]),
      );
      // Shown with the alert's escalation, and not sent again on later polls.
      await vi.waitFor(async () => {
        const view = await value('alert:escalation', { alertId: 'prod:d1' });
        expect(view.actions).toMatchObject([
          { action: 'acknowledge', target: 'channel Team PagerDuty', result: 'sent' },
          { action: 'trigger', target: 'channel Team PagerDuty', result: 'sent' },
        ]);
      }, WAIT);
      await kit.morePolls(am, 2);
      expect(actions()).toHaveLength(2);
    });

    it('refuses an alert no source reports, naming it', async () => {
      startApp({ sources: [prodSource((await server()).url)] });

      const result = await call('alert:escalation', { alertId: 'prod:nothing' });

      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('not-found');
        expect(result.error.message).toContain('prod:nothing');
      }
    });
  },
);
