import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../src/renderer/app/app-context';
import {
  PushSection,
  receiverText,
  withPush,
} from '../../../src/renderer/features/settings/push-section';
import { settingsSchema, type SettingsInput } from '../../../src/shared/domain/settings';
import { invokeContract } from '../../../src/shared/ipc/contract';

const am = (id: string, push = false) => ({
  kind: 'alertmanager' as const,
  id,
  name: `AM ${id}`,
  url: `http://${id}:9093`,
  push,
});

function render(input: SettingsInput): string {
  const value = { bridge: { invoke: async () => ({}) } } as unknown as AppContextValue;
  const view = { settings: settingsSchema.parse(input), path: '/home/you/.oncall/settings.json' };
  return renderToStaticMarkup(
    createElement(AppContext.Provider, { value }, createElement(PushSection, { view })),
  );
}

/** The page's text, tags dropped, as a user reads it. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('Settings → Push from Alertmanager', () => {
  it('offers push per Alertmanager source, showing which are on', () => {
    const html = render({ sources: [am('prod', true), am('staging')] });
    expect(html).toMatch(/<input id="push-prod" type="checkbox" checked=""/);
    expect(html).toMatch(/<input id="push-staging" type="checkbox"(?! checked)/);
    expect(text(html)).toContain('Take pushes from AM prod');
    expect(text(html)).toContain('listens on 127.0.0.1 port 9097');
  });

  it('says when there is nothing to push from, and when the receiver is off', () => {
    const html = text(render({ webhook: { port: 0 } }));
    expect(html).toContain('Save an Alertmanager source above first.');
    expect(html).toContain('port 0 (off)');
  });

  it('switches push for one source only, in a request main accepts', () => {
    const sources = settingsSchema.parse({ sources: [am('prod'), am('staging')] }).sources;
    const next = withPush(sources, 'staging', true);
    expect(next.map((s) => [s.id, s.kind === 'alertmanager' && s.push])).toEqual([
      ['prod', false],
      ['staging', true],
    ]);
    expect(invokeContract['settings:update'].request.safeParse({ sources: next }).success).toBe(
      true,
    );
  });

  it('says whether the receiver listens, and why not', () => {
    expect(receiverText({ state: 'listening', port: 9097 })).toBe('Listening on 127.0.0.1:9097.');
    expect(receiverText({ state: 'off', reason: 'no watched source has push on' })).toBe(
      'Not listening: no watched source has push on.',
    );
  });
});
