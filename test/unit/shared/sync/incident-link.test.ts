import { describe, expect, it } from 'vitest';
import {
  findIncidentLinkArg,
  formatIncidentLink,
  parseIncidentLink,
  sameServer,
} from '../../../../src/shared/sync/incident-link';

const SERVER = 'wss://sync.example.org';

describe('incident links', () => {
  it('name the server and the incident, and read back to the same', () => {
    const link = formatIncidentLink(SERVER, 'inc-2026.12-05_a');
    expect(link).toBe(
      'oncall-companion://incident/inc-2026.12-05_a?server=wss%3A%2F%2Fsync.example.org',
    );
    expect(parseIncidentLink(`  ${link}\n`, SERVER)).toEqual({
      kind: 'ok',
      server: SERVER,
      incidentId: 'inc-2026.12-05_a',
    });
  });

  it('are followed for the same server written another way', () => {
    const link = formatIncidentLink('wss://SYNC.example.org:443/', 'inc-1');
    expect(parseIncidentLink(link, SERVER)).toMatchObject({ kind: 'ok', incidentId: 'inc-1' });
    expect(sameServer('ws://127.0.0.1:9098', 'ws://127.0.0.1:9098/')).toBe(true);
    expect(sameServer('ws://127.0.0.1:9098', 'ws://127.0.0.1:9099')).toBe(false);
    expect(sameServer('ws://sync.example.org', SERVER)).toBe(false);
  });

  it('for another server are not followed, and say which server they name', () => {
    const link = formatIncidentLink('wss://evil.example.net', 'inc-1');
    const check = parseIncidentLink(link, SERVER);
    expect(check.kind).toBe('other-server');
    expect(check.kind === 'other-server' && check.reason).toBe(
      "That incident is on the sync server wss://evil.example.net, but this app syncs with wss://sync.example.org; it was not opened. Ask for a link from your team's server.",
    );
    const off = parseIncidentLink(link, undefined);
    expect(off.kind === 'other-server' && off.reason).toContain('team sync is off here');
  });

  it('that carry a token are refused', () => {
    const check = parseIncidentLink(`${formatIncidentLink(SERVER, 'inc-1')}&token=hunter2`, SERVER);
    expect(check).toEqual({
      kind: 'invalid',
      reason:
        'That link carries more than a server and an incident (token); incident links never carry a token. Ask for a new link.',
    });
  });

  it.each([
    ['', 'Paste a link that starts with oncall-companion://incident/.'],
    ['inc-1', 'That is not a link; an incident link starts with oncall-companion://incident/.'],
    [
      'https://sync.example.org/incident/inc-1',
      'That is a https:// link; an incident link starts with oncall-companion://incident/.',
    ],
    [
      'oncall-companion://settings/x?server=wss%3A%2F%2Fsync.example.org',
      'That link points at "settings", not an incident; it should start with oncall-companion://incident/.',
    ],
    [
      'oncall-companion://incident/?server=wss%3A%2F%2Fsync.example.org',
      'That link names no incident; ask for the link again.',
    ],
    [
      'oncall-companion://incident/%3Cscript%3E?server=wss%3A%2F%2Fsync.example.org',
      'The incident id in that link is not one this app makes (letters, digits, ".", "_", "-"); ask for the link again.',
    ],
    [
      'oncall-companion://incident/%E0%A4%A?server=wss%3A%2F%2Fsync.example.org',
      'The incident id in that link is garbled; ask for the link again.',
    ],
    [
      'oncall-companion://incident/inc-1',
      'That link names no sync server (server=…); ask for the link again.',
    ],
    [
      'oncall-companion://incident/inc-1?server=wss%3A%2F%2Fa&server=wss%3A%2F%2Fb',
      'That link names no sync server (server=…); ask for the link again.',
    ],
    [
      'oncall-companion://incident/inc-1?server=https%3A%2F%2Fsync.example.org',
      'The server in that link is not usable: The sync server address must start with wss:// (or ws:// on this machine), not https://.',
    ],
  ])('say what is wrong with %j', (text, reason) => {
    expect(parseIncidentLink(text, SERVER)).toEqual({ kind: 'invalid', reason });
  });

  it('refuse a huge paste unread', () => {
    const check = parseIncidentLink(`oncall-companion://incident/${'a'.repeat(5000)}`, SERVER);
    expect(check).toEqual({
      kind: 'invalid',
      reason: 'That is 5028 characters; an incident link is at most 2048.',
    });
  });

  it('are found among the arguments the desktop starts the app with', () => {
    const link = formatIncidentLink(SERVER, 'inc-1');
    expect(findIncidentLinkArg(['/opt/oncall/oncall', '--no-sandbox', link])).toBe(link);
    expect(findIncidentLinkArg(['/opt/oncall/oncall', 'ONCALL-COMPANION://incident/x'])).toBe(
      'ONCALL-COMPANION://incident/x',
    );
    expect(findIncidentLinkArg(['/opt/oncall/oncall', '--flag'])).toBeUndefined();
    const long = findIncidentLinkArg([`oncall-companion://${'a'.repeat(100_000)}`]);
    expect(long).toHaveLength(2049);
    expect(parseIncidentLink(long ?? '', SERVER).kind).toBe('invalid');
  });
});
