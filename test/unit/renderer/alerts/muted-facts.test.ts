import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MutedFacts } from '../../../../src/renderer/features/alerts/muted-facts';
import type { Alert } from '../../../../src/shared/domain/alert';
import { alert } from '../fixtures';

const now = Date.parse('2026-01-01T11:00:00Z');

/** What a person reads: tags dropped. */
function text(a: Alert): string {
  return renderToStaticMarkup(createElement(MutedFacts, { alert: a, now }))
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"');
}

describe('MutedFacts', () => {
  it('says who silenced it, why and until when; the ack’s own silence is not repeated', () => {
    const shown = text(
      alert('A', {
        status: 'suppressed',
        ack: {
          by: 'bob',
          at: '2026-01-01T10:00:00Z',
          via: 'source',
          until: '2026-01-01T12:00:00Z',
          ref: 'ack-silence',
        },
        silences: [
          {
            id: 'ack-silence',
            createdBy: 'bob',
            comment: 'ack',
            startsAt: '2026-01-01T10:00:00Z',
            endsAt: '2026-01-01T12:00:00Z',
          },
          {
            id: 's2',
            createdBy: 'alice',
            comment: 'renewal <b>now</b>',
            startsAt: '2026-01-01T10:30:00Z',
            endsAt: '2026-01-01T13:00:00Z',
          },
        ],
      }),
    );
    expect(shown).toMatch(/^Acknowledged by bob at .*, until .*\(in 1 h/);
    expect(shown).toMatch(
      /Silenced by alice until .*\(in 2 h.*— “renewal &lt;b&gt;now&lt;\/b&gt;”/,
    );
    expect(shown.match(/Silenced by/g)).toHaveLength(1);
  });

  it('tells inhibited apart from silenced, and says nothing for a plainly firing alert', () => {
    expect(text(alert('A', { status: 'suppressed', inhibitedBy: ['fp1'] }))).toBe(
      'Inhibited: muted while another alert fires (an inhibition rule at the source), not silenced.',
    );
    expect(text(alert('A'))).toBe('');
  });
});
