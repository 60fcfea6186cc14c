import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceAdapters } from '../../../../../../src/main/services/sources/adapters/source-adapters';
import { MAX_SOURCE_BODY_BYTES } from '../../../../../../src/main/services/sources/http/http-request';
import {
  FAULTS,
  startFaultServer,
  type Fault,
  type FaultBehaviour,
  type FaultServer,
} from '../../../../../support/fault-server';
import {
  FAULT_WORDS,
  SOURCE_KIND_CASES,
  sourceKindCase,
  type SourceKindCase,
} from '../../../../../support/source-kind-cases';
import { kindHarness, type KindHarness } from './kind-harness';

// Every kind in the registry: an adapter merged later joins this test, or fails it until its
// case is added to test/support/source-kind-cases.ts.
const KINDS = Object.keys(sourceAdapters);

const HTML_ERROR_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>';

function behaviourOf(fault: Fault, c: SourceKindCase): FaultBehaviour {
  switch (fault) {
    case 'malformed-json':
      return { body: '{"alerts": [{"id": "a", "title": ' };
    case 'wrong-types':
      return { body: c.wrongTypes.body };
    case 'missing-fields':
      return { body: c.missingFields.body };
    case 'empty-body':
      return { body: '' };
    case 'html-error-page':
      return { status: 502, headers: { 'content-type': 'text/html' }, body: HTML_ERROR_PAGE };
    case 'over-cap':
      return { endless: true, maxBytes: MAX_SOURCE_BODY_BYTES + 2 * 1024 * 1024 };
    case 'never-ends':
      return 'headers-then-silence';
    case 'connection-reset':
      return 'reset';
    case 'tls-error':
      // Answers well: only the certificate is wrong.
      return { body: c.good.body };
    case 'redirect-loop':
      return 'redirect-loop';
  }
}

function wordsOf(fault: Fault, c: SourceKindCase): RegExp {
  if (fault === 'wrong-types') return c.wrongTypes.words;
  if (fault === 'missing-fields') return c.missingFields.words;
  return c.words?.[fault] ?? FAULT_WORDS[fault];
}

describe('the fault cases', () => {
  it('cover every kind in the registry', () => {
    expect(KINDS.filter((kind) => !(kind in SOURCE_KIND_CASES))).toEqual([]);
  });
});

describe.each(KINDS)('a %s source against the fault server', (kind) => {
  let peer: FaultServer;
  let neighbour: FaultServer;
  let h: KindHarness;
  const other = SOURCE_KIND_CASES.json;

  beforeEach(async () => {
    peer = await startFaultServer();
    peer.serveWell(SOURCE_KIND_CASES[kind]?.others ?? {});
    neighbour = await startFaultServer();
    h = kindHarness();
  });
  afterEach(async () => {
    h.manager.stop();
    await Promise.all([peer.close(), neighbour.close()]);
  });

  it.each(FAULTS)(
    '%s: says why, keeps the other source working, recovers by itself',
    async (fault) => {
      const c = sourceKindCase(kind);
      if (other === undefined) throw new Error('the neighbour is a json source; its case is gone');
      const tls = fault === 'tls-error';
      peer.serve({ body: c.good.body });
      neighbour.serve({ body: JSON.stringify({ alerts: [{ id: 'n1', title: 'Neighbour' }] }) });
      h.manager.configure([
        // 64 MiB must have time to arrive, or the cap would never be reached.
        h.source(
          c,
          tls ? peer.tlsUrl : peer.url,
          'subject',
          fault === 'over-cap' ? { timeoutSeconds: 30 } : {},
        ),
        h.source(other, neighbour.url, 'neighbour'),
      ]);
      await h.until(() => expect(h.open('neighbour')).toBe(1));
      if (!tls) {
        await h.until(() => expect(h.status('subject')?.health).toBe('ok'));
        expect(h.open('subject')).toBe(c.good.openAlerts);
        peer.serve(behaviourOf(fault, c));
        await h.pollNow('subject');
      }

      await h.until(() => expect(h.problem(c, 'subject')).toMatch(wordsOf(fault, c)));
      // Text from the peer is named, never echoed as markup.
      expect(h.problem(c, 'subject')).not.toContain('<');

      // Meanwhile the other source is polled and answers as usual.
      neighbour.serve({
        body: JSON.stringify({
          alerts: [
            { id: 'n1', title: 'Neighbour' },
            { id: 'n2', title: 'New' },
          ],
        }),
      });
      await h.pollNow('neighbour');
      expect(h.open('neighbour')).toBe(2);
      expect(h.status('neighbour')?.health).toBe('ok');

      // A certificate this machine does not trust stays untrusted: no answer can fix it, so
      // there is nothing to recover to. Every other fault ends when the peer answers well.
      if (tls) return;
      peer.serve({ body: c.good.body });
      await h.pollNow('subject');
      expect(h.problem(c, 'subject')).toBeUndefined();
      expect(h.status('subject')).toMatchObject({ health: 'ok', failures: 0 });
      expect(h.open('subject')).toBe(c.good.openAlerts);
    },
  );
});
