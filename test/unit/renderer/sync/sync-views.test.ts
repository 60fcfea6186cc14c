import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../../src/renderer/app/app-context';
import { SyncIndicator } from '../../../../src/renderer/features/sync/sync-indicator';
import { TeamIncidents } from '../../../../src/renderer/features/sync/team-incidents';
import { createAppStore } from '../../../../src/renderer/stores/app-store';
import { applyIncidentList } from '../../../../src/renderer/stores/incident-state';
import { createIncidentStore } from '../../../../src/renderer/stores/incident-store';
import { createUiStore } from '../../../../src/renderer/stores/ui-store';
import type { SyncView } from '../../../../src/shared/sync/sync-view';
import { incidentSummary } from '../incident-fixtures';

function render(element: ReactElement, sync: SyncView | undefined, here: string[] = []): string {
  const bridge = {
    connection: () => ({ status: 'connected' }),
    invoke: async () => ({}),
  } as unknown as AppContextValue['bridge'];
  const appStore = createAppStore(bridge);
  appStore.setState({ ...appStore.getState(), sync }, true);
  const incidentStore = createIncidentStore(bridge);
  incidentStore.setState(
    applyIncidentList(incidentStore.getState(), {
      incidents: here.map((id) => incidentSummary(id)),
      problems: [],
    }),
    true,
  );
  // Server rendering reads zustand's initial state (its server snapshot): make it the current one.
  appStore.getInitialState = appStore.getState;
  incidentStore.getInitialState = incidentStore.getState;
  const value: AppContextValue = { bridge, appStore, uiStore: createUiStore(), incidentStore };
  return renderToStaticMarkup(createElement(AppContext.Provider, { value }, element));
}

/** The page's text, tags dropped, as a user reads it. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the header sync indicator', () => {
  it('says nothing before the app answered, rather than guess', () => {
    expect(render(createElement(SyncIndicator), undefined)).toBe('');
  });

  it('says "Sync off" when no server is set', () => {
    const html = render(createElement(SyncIndicator), {
      state: { kind: 'off' },
      teamIncidents: [],
    });
    expect(text(html)).toBe('Team sync: Sync off');
  });

  it('says offline since when and how many changes wait, in words and the warning colour', () => {
    const html = render(createElement(SyncIndicator), {
      state: { kind: 'offline', since: '2025-03-04T14:02:00.000Z', waiting: 3, unconfirmed: 0 },
      server: 'wss://sync.example.org/',
      teamIncidents: [],
    });
    expect(text(html)).toMatch(/^Team sync: Offline since \d\d:02 · 3 changes waiting$/);
    expect(html).toContain('sync-indicator--warn');
  });

  it('says the server refused, with the reason', () => {
    const html = render(createElement(SyncIndicator), {
      state: { kind: 'refused', reason: 'wrong team token' },
      teamIncidents: [],
    });
    expect(text(html)).toBe('Team sync: Server refused: wrong team token');
    expect(html).toContain('sync-indicator--danger');
  });
});

describe('the team incidents in the incident list', () => {
  const team = (id: string, title: string, joined: boolean) => ({
    id,
    title,
    severity: 'sev2' as const,
    status: 'investigating' as const,
    declaredAt: '2025-03-04T14:30:00.000Z',
    joined,
  });
  const list = createElement(TeamIncidents, { zone: 'UTC', now: Date.now(), scale: 'sev1-4' });

  it('lists only the ones not here yet, each with a Join button', () => {
    const html = render(
      list,
      {
        state: { kind: 'synced' },
        teamIncidents: [
          team('inc-a', 'Joined already', true),
          team('inc-b', 'Held here, index not updated yet', false),
          team('inc-c', 'DNS <b>flapping</b>', false),
        ],
      },
      ['inc-b'],
    );
    expect(text(html)).toContain('Team — not here yet (1)');
    expect(text(html)).not.toContain('Joined already');
    expect(text(html)).not.toContain('Held here');
    // Untrusted text is text, never markup.
    expect(html).toContain('DNS &lt;b&gt;flapping&lt;/b&gt;');
    expect(html.match(/<button[^>]*>Join<\/button>/g)).toHaveLength(1);
  });

  it('shows nothing when the team has nothing more', () => {
    expect(
      render(list, { state: { kind: 'synced' }, teamIncidents: [team('inc-a', 'A', true)] }),
    ).toBe('');
  });
});
