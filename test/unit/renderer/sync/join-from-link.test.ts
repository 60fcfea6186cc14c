// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../../src/renderer/app/app-context';
import { JoinFromLink } from '../../../../src/renderer/features/sync/join-from-link';
import { createAppStore } from '../../../../src/renderer/stores/app-store';
import { createIncidentStore } from '../../../../src/renderer/stores/incident-store';
import { createUiStore } from '../../../../src/renderer/stores/ui-store';
import type { IncidentView } from '../../../../src/shared/ipc/incident-schemas';
import { formatIncidentLink } from '../../../../src/shared/sync/incident-link';
import { fakeBridge } from '../fake-bridge';

const SERVER = 'ws://127.0.0.1:9098';
let root: Root | undefined;
let container: HTMLElement;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container?.remove();
});

function setup() {
  const joined: string[] = [];
  const fake = fakeBridge({
    'sync:join': ({ id }) => {
      joined.push(id);
      return {} as IncidentView;
    },
  });
  const appStore = createAppStore(fake.bridge);
  appStore.setState({
    sync: { state: { kind: 'synced' }, server: SERVER, teamIncidents: [] },
  });
  const uiStore = createUiStore();
  const value: AppContextValue = {
    bridge: fake.bridge,
    appStore,
    uiStore,
    incidentStore: createIncidentStore(fake.bridge),
  };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root?.render(createElement(AppContext.Provider, { value }, createElement(JoinFromLink))),
  );
  return { appStore, uiStore, joined, value };
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('Join from link', () => {
  it('joins and opens the incident of a link the desktop opened', async () => {
    const { appStore, uiStore, joined, value } = setup();
    const link = formatIncidentLink(SERVER, 'inc-20261205-110000-ab12');
    act(() => appStore.setState({ incidentLink: { link, seq: 1 } }));
    await settle();
    expect(joined).toEqual(['inc-20261205-110000-ab12']);
    expect(uiStore.getState()).toMatchObject({
      view: 'incident',
      incidentId: 'inc-20261205-110000-ab12',
    });
    // Followed once: shown again later, the view does not join it again.
    act(() => root?.unmount());
    const again = createRoot(container);
    act(() =>
      again.render(createElement(AppContext.Provider, { value }, createElement(JoinFromLink))),
    );
    await settle();
    act(() => again.unmount());
    expect(joined).toEqual(['inc-20261205-110000-ab12']);
  });

  it('waits for the sync settings before reading a link that launched the app', async () => {
    const { appStore, joined } = setup();
    appStore.setState({ sync: undefined });
    const link = formatIncidentLink(SERVER, 'inc-20261205-110000-ab12');
    act(() => appStore.setState({ incidentLink: { link, seq: 1 } }));
    await settle();
    expect(joined).toEqual([]);
    act(() =>
      appStore.setState({ sync: { state: { kind: 'synced' }, server: SERVER, teamIncidents: [] } }),
    );
    await settle();
    expect(joined).toEqual(['inc-20261205-110000-ab12']);
  });

  it('does not follow a link for another server, and says why', async () => {
    const { appStore, joined } = setup();
    const link = formatIncidentLink('wss://sync.elsewhere.example', 'inc-1');
    act(() => appStore.setState({ incidentLink: { link, seq: 1 } }));
    await settle();
    expect(joined).toEqual([]);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      `That incident is on the sync server wss://sync.elsewhere.example, but this app syncs with ${SERVER}; it was not opened. Ask for a link from your team's server.`,
    );
    expect(container.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('input')?.value).toBe(link);
  });
});
