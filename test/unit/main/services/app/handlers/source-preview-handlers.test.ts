import { describe, expect, it } from 'vitest';
import { APP_SERVICES_SUITE, prodSource, useAppServicesKit } from '../app-services-kit';

describe('source preview', APP_SERVICES_SUITE, () => {
  const { server, startApp, value } = useAppServicesKit();

  const jsonSource = (url: string) => ({
    kind: 'json' as const,
    id: 'trial',
    name: 'Status page',
    url: `${url}/alerts`,
    itemsPath: 'items',
    fields: { id: 'ref', title: 'what' },
  });

  it('shows what the unsaved mapping makes of the real answer, and saves nothing', async () => {
    const peer = await server({
      body: JSON.stringify({ items: [{ ref: 'a', what: 'Checkout slow' }, { what: 'no ref' }] }),
    });
    startApp({});

    const shown = await value('source:preview', { source: jsonSource(peer.url) });

    expect(shown).toMatchObject({
      ok: true,
      items: 2,
      count: 1,
      alerts: [{ id: 'trial:a', title: 'Checkout slow' }],
      issues: [
        '1 item skipped: no text or number at "ref" (the id field) — is the id field right?',
      ],
    });
    expect(shown.raw).toContain('"ref": "a"');
    expect((await value('settings:get', {})).settings.sources).toEqual([]);
  });

  it('answers that a kind without a mapping has nothing to preview', async () => {
    const am = await server();
    startApp({});
    expect(await value('source:preview', { source: prodSource(am.url) })).toEqual({
      ok: false,
      error: 'alertmanager sources have no field mapping to preview — use Test connection',
    });
  });
});
