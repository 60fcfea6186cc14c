import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../src/renderer/app/app-context';
import type { Bridge } from '../../../src/renderer/bridge/bridge';
import { BridgeError } from '../../../src/renderer/bridge/bridge-error';
import { IncidentsSection } from '../../../src/renderer/features/settings/incidents-section';
import {
  draftFromSettings,
  incidentsReducer,
  productDraft,
} from '../../../src/renderer/features/settings/incidents-draft';
import { ProfileSection } from '../../../src/renderer/features/settings/profile-section';
import { saveIncidents, saveProfile } from '../../../src/renderer/features/settings/section-save';
import { settingsSchema, type SettingsInput } from '../../../src/shared/domain/settings';
import { invokeContract, type SettingsView } from '../../../src/shared/ipc/contract';

/**
 * settings:update as main answers it: the request checked against the contract, each block
 * replacing the saved one. Until main saves `profile` and `incidents`, this stands in for it.
 */
function fakeBridge(initial: SettingsInput = {}, refuse?: BridgeError) {
  let settings = settingsSchema.parse(initial);
  const requests: unknown[] = [];
  const invoke = async (channel: string, request: unknown): Promise<SettingsView> => {
    expect(channel).toBe('settings:update');
    requests.push(request);
    if (refuse) throw refuse;
    const parsed = invokeContract['settings:update'].request.parse(request);
    settings = settingsSchema.parse({ ...settings, ...parsed });
    return { settings, path: '/home/you/.oncall/settings.json' };
  };
  return { bridge: { invoke } as Pick<Bridge, 'invoke'>, requests };
}

function view(input: SettingsInput = {}): SettingsView {
  return { settings: settingsSchema.parse(input), path: '/home/you/.oncall/settings.json' };
}

function render(node: ReactNode): string {
  const value = { bridge: fakeBridge().bridge } as unknown as AppContextValue;
  return renderToStaticMarkup(createElement(AppContext.Provider, { value }, node));
}

/** The page's text, tags dropped, as a user reads it. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('Settings → You', () => {
  it('says what an empty name and zone mean', () => {
    const html = render(createElement(ProfileSection, { view: view() }));
    expect(html).toContain('placeholder="Empty: your operating system user name"');
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(html).toContain(`placeholder="${zone} (this machine’s)"`);
    expect(html).toMatch(/<label[^>]*for="profile-name"[^>]*>Your name</);
    expect(html).toMatch(/<label[^>]*for="profile-time-zone"[^>]*>Time zone</);
  });

  it('saves the profile block and says so', async () => {
    const { bridge, requests } = fakeBridge();
    const outcome = await saveProfile(bridge, { name: 'Ana Lima', timeZone: 'Europe/Lisbon' });
    expect(requests).toEqual([{ profile: { name: 'Ana Lima', timeZone: 'Europe/Lisbon' } }]);
    expect(outcome).toMatchObject({ ok: true, status: { kind: 'saved', text: 'Saved.' } });
    expect(outcome.ok && outcome.view.settings.profile.timeZone).toBe('Europe/Lisbon');
  });

  it('does not send an unknown zone', async () => {
    const { bridge, requests } = fakeBridge();
    const outcome = await saveProfile(bridge, { name: '', timeZone: 'Europe/Lisbonn' });
    expect(requests).toEqual([]);
    expect(outcome).toMatchObject({
      ok: false,
      status: { kind: 'error', text: 'Not saved: fix the fields marked above.' },
    });
  });

  it('places the app’s refusal at the field', async () => {
    const refusal = new BridgeError('settings:update', {
      code: 'bad-request',
      message: 'settings:update: the request is not valid',
      issues: ['profile.timeZone: is not a time zone'],
    });
    const outcome = await saveProfile(fakeBridge({}, refusal).bridge, {
      name: '',
      timeZone: 'UTC',
    });
    expect(outcome).toEqual({
      ok: false,
      errors: { fields: { timeZone: 'is not a time zone' }, other: [] },
      status: { kind: 'error', text: 'Not saved: fix the fields marked above.' },
    });
  });
});

describe('Settings → Incidents', () => {
  it('labels the cadences in the team’s vocabulary, with the product default', () => {
    const page = text(
      render(createElement(IncidentsSection, { view: view({ severityScale: 'p0-p3' }) })),
    );
    expect(page).toContain('P0 status update every (minutes)');
    expect(page).toContain('P3 status update every (minutes)');
    expect(page).not.toContain('SEV1');
    expect(page).toContain('Product default: every 15 min');
    expect(page).toContain('Product default: every 2 hours');
    expect(page).toContain('Product default: none scheduled');
    // An item limited to the worst two severities says so in the same words.
    expect(page).toContain('P0, P1 only');
  });

  it('lists every role with its checklist, and a left-out role as not used', () => {
    const html = render(
      createElement(IncidentsSection, { view: view({ incidents: { omitRoles: ['scribe'] } }) }),
    );
    expect(html).toContain('aria-label="Incident Commander checklist, item 1"');
    expect(html).toContain('value="Confirm the severity and record it"');
    expect(text(html)).toContain('Scribe Not used on new incidents. Use again');
    expect(html).toContain('aria-label="Closure checklist, item 6"');
    expect(html).toContain('aria-label="Add item to the Tech Lead checklist"');
  });

  it('warns when the saved override cannot be used, and offers to save over it', () => {
    const html = render(
      createElement(IncidentsSection, {
        view: view({ incidents: { omitRoles: ['ic', 'tech-lead', 'comms-lead', 'scribe'] } }),
      }),
    );
    expect(text(html)).toContain('The saved incident settings cannot be used');
    expect(text(html)).toContain('roles: Too small');
    expect(html).toMatch(/<button type="submit" class="btn btn--primary">Save</);
  });

  it('has nothing to save while the form shows what is saved', () => {
    const html = render(createElement(IncidentsSection, { view: view() }));
    expect(html).toMatch(/<button type="submit" class="btn btn--primary" disabled="">Save</);
  });

  it('saves only what differs, and the saved settings read back as the form was', async () => {
    const { bridge, requests } = fakeBridge({ incidents: { statusCadenceMinutes: { sev4: 60 } } });
    let draft = draftFromSettings({ statusCadenceMinutes: { sev4: 60 } }).draft;
    draft = incidentsReducer(draft, { type: 'cadence-minutes', severity: 'sev2', minutes: '20' });
    draft = incidentsReducer(draft, { type: 'cadence-none', severity: 'sev4', none: true });
    const outcome = await saveIncidents(bridge, draft);
    expect(requests).toEqual([{ incidents: { statusCadenceMinutes: { sev2: 20 } } }]);
    expect(outcome.status).toEqual({ kind: 'saved', text: 'Saved.' });
    if (!outcome.ok) return;
    expect(draftFromSettings(outcome.view.settings.incidents).draft.cadence.sev2.minutes).toBe(
      '20',
    );
  });

  it('sends nothing when the form holds something the app would refuse', async () => {
    const { bridge, requests } = fakeBridge();
    const draft = incidentsReducer(productDraft(), { type: 'item-add', list: 'closure' });
    const outcome = await saveIncidents(bridge, draft);
    expect(requests).toEqual([]);
    expect(outcome.status).toEqual({
      kind: 'error',
      text: 'Not saved: fix the fields marked above.',
    });
  });

  it('shows the refusal when the app says no', async () => {
    const refusal = new BridgeError('settings:update', {
      code: 'unavailable',
      message: 'The settings file could not be written: EACCES',
    });
    const outcome = await saveIncidents(fakeBridge({}, refusal).bridge, productDraft());
    expect(outcome.status).toEqual({
      kind: 'error',
      text: 'Not saved: The settings file could not be written: EACCES',
    });
  });
});
