import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../src/renderer/app/app-context';
import {
  checkEscalationText,
  escalationText,
  outboundEntryText,
} from '../../../src/renderer/features/settings/escalation-draft';
import { EscalationSection } from '../../../src/renderer/features/settings/escalation-section';
import { settingsSchema, type SettingsInput } from '../../../src/shared/domain/settings';
import { defaultEscalationSettings } from '../../../src/shared/escalation/policy-settings';
import { invokeContract } from '../../../src/shared/ipc/contract';

function render(input: SettingsInput): string {
  const value = {
    bridge: { invoke: async () => ({}), on: () => () => {} },
  } as unknown as AppContextValue;
  const view = { settings: settingsSchema.parse(input), path: '/home/you/.oncall/settings.json' };
  return renderToStaticMarkup(
    createElement(AppContext.Provider, { value }, createElement(EscalationSection, { view })),
  );
}

/** The page's text, tags dropped, as a user reads it. */
const text = (html: string) =>
  html
    .replace(/<textarea[^>]*>[\s\S]*?<\/textarea>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

describe('Settings → Escalation', () => {
  it('shows each policy as a form, with what it will do in words beside it', () => {
    const html = render({});
    const page = text(html);
    expect(page).toContain(
      'What it will do At once: page me. After 5 min: page whoever is on call in schedule secondary. After 10 min: page whoever is on call in schedule manager. No more levels after that.',
    );
    expect(page).toContain('At once: page me and tell Incident channel.');
    expect(html).toContain('aria-label="Level 2, target 1: schedule id"');
    expect(html).toMatch(
      /<label class="field__label" for="esc-l\d+-delay">Minutes before the next level<\/label>/,
    );
    // Rules: SEV1 gets its own policy, SEV4 nobody, the rest the default.
    expect(page).toContain('Alerts no rule matches get');
    expect(html).not.toContain('id="escalation-json"');
  });

  it('lists each channel with its secret field and a Send test page button', () => {
    const html = render({});
    expect(text(html)).toContain('Incident channel (Slack, id incident)');
    expect(html).toMatch(
      /<input id="channel-secret-incident" class="field__input" type="password"/,
    );
    expect(text(html)).toContain('Send test page');
  });

  it('edits channels in the form: name, kind and id, a saved one keeping its id', () => {
    const html = render({
      escalation: {
        channels: [
          { kind: 'slack', id: 'incident', name: 'Incident channel' },
          { kind: 'pagerduty', id: 'pd', name: 'Team PagerDuty' },
        ],
      },
    });
    expect(html).toContain('<ul class="channel-edits" aria-label="Channels">');
    expect(html).toMatch(/<label class="field__label" for="esc-c1-kind">Kind<\/label>/);
    expect(html).toMatch(/<input id="esc-c1-id" class="field__input" readOnly=""/);
    expect(html).toContain('aria-label="Remove channel Team PagerDuty"');
    expect(html).toContain(
      '<label class="field__label" for="esc-c1-eventsUrl">PagerDuty Events URL</label>',
    );
    expect(html).toMatch(
      /id="esc-c1-eventsUrl"[^>]*value="https:\/\/events.pagerduty.com\/v2\/enqueue"/,
    );
    // Nothing sends a channel to Edit as JSON any more.
    expect(text(html)).not.toMatch(/under Edit as JSON/);
    expect(
      text(render({ escalation: { channels: [], policies: [], rules: [], defaultPolicy: null } })),
    ).toContain('No channels yet: add one for a level or a person to page through.');
  });

  it('shows the block as the settings file holds it, and a saved block checks as sendable', () => {
    const shown = escalationText(defaultEscalationSettings());
    const checked = checkEscalationText(shown);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(
        invokeContract['settings:update'].request.safeParse({ escalation: checked.escalation })
          .success,
      ).toBe(true);
    }
  });

  it('refuses bad input with the reason before sending anything', () => {
    expect(checkEscalationText('{ "policies": [')).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^not JSON: /)],
    });
    const block = JSON.stringify({
      policies: [{ id: 'p', name: 'P', levels: [] }],
      rules: [],
      defaultPolicy: 'p',
    });
    expect(checkEscalationText(block)).toEqual({
      ok: false,
      issues: ['policies.0.levels: a policy needs at least one level'],
    });
    const unknown = JSON.stringify({
      policies: [
        {
          id: 'p',
          name: 'P',
          levels: [{ delayMinutes: 5, targets: [{ kind: 'person', id: 'zoe' }] }],
        },
      ],
      rules: [],
      defaultPolicy: 'p',
    });
    expect(checkEscalationText(unknown)).toEqual({
      ok: false,
      issues: [
        'policies.0.levels.0.targets.0.id: level 1 of policy "P" pages person "zoe", who is not among the people; add them or pick someone else',
      ],
    });
  });

  it('reads an acknowledge passed on to PagerDuty as one', () => {
    expect(
      outboundEntryText(
        {
          id: 'e',
          at: '2026-03-01T10:00:00.000Z',
          action: 'acknowledge',
          alertTitle: 'DiskFull',
          target: 'channel Team PagerDuty',
          result: 'sent',
          attempts: 1,
        },
        () => '10:00',
      ),
    ).toBe('10:00 · acknowledge for DiskFull to channel Team PagerDuty — sent');
  });

  it('reads a failed page with its reason and attempts', () => {
    expect(
      outboundEntryText(
        {
          id: 'e',
          at: '2026-03-01T10:00:00.000Z',
          action: 'trigger',
          level: 2,
          alertTitle: 'DiskFull',
          target: 'channel Incident channel',
          result: 'failed',
          reason: 'the Slack webhook of Incident channel answered HTTP 500',
          attempts: 6,
        },
        () => '10:00',
      ),
    ).toBe(
      '10:00 · page (level 2) for DiskFull to channel Incident channel — failed, 6 attempts: the Slack webhook of Incident channel answered HTTP 500',
    );
  });
});
