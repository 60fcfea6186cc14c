import { describe, expect, it } from 'vitest';
import { lastKnownText } from '../../../src/renderer/app/last-known-text';

describe('the disconnected banner', () => {
  it('speaks of what the page shows: the incident on an incident page, not "the alerts"', () => {
    expect(lastKnownText('incident')).toMatch(/^The incident below is the last known state/);
    expect(lastKnownText('incident')).not.toContain('alerts');
    expect(lastKnownText('alerts')).toMatch(/^The alerts below/);
    expect(lastKnownText('incidents')).toMatch(/^The incidents below/);
  });
});
