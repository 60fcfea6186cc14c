import { describe, expect, it } from 'vitest';
import {
  EVERY_ENTRY,
  filterTimeline,
  queryTimeline,
  timelineAuthors,
} from '../../../../src/renderer/features/timeline/timeline-filter';
import type { TimelineEntry } from '../../../../src/shared/incident/schema';

const entry = (id: string, kind: TimelineEntry['kind'], auto: boolean): TimelineEntry => ({
  id,
  at: '2025-03-04T14:30:00.000Z',
  kind,
  text: id,
  author: 'sam',
  auto,
  createdAt: '2025-03-04T14:30:00.000Z',
});

const timeline = [
  entry('fired', 'alert', true),
  entry('declared', 'declared', true),
  entry('hunch', 'hypothesis', false),
  entry('rollback', 'decision', false),
  entry('ticked', 'check', true),
  entry('drained', 'mitigation', false),
  entry('sev1', 'severity', true),
  entry('posted', 'update', false),
];
const ids = (entries: TimelineEntry[]) => entries.map((e) => e.id);

describe('timeline filter', () => {
  it('shows everything, in order, by default', () => {
    expect(ids(filterTimeline(timeline, 'all'))).toEqual(ids(timeline));
  });

  it('keeps what people wrote, leaving out what the app recorded', () => {
    expect(ids(filterTimeline(timeline, 'people'))).toEqual([
      'hunch',
      'rollback',
      'drained',
      'posted',
    ]);
  });

  it('keeps decisions, actions and mitigations for a reader catching up', () => {
    expect(ids(filterTimeline(timeline, 'decisions'))).toEqual(['rollback', 'drained']);
  });

  it('keeps how the incident moved: alerts, declaration, severity, status, updates', () => {
    expect(ids(filterTimeline(timeline, 'milestones'))).toEqual([
      'fired',
      'declared',
      'sev1',
      'posted',
    ]);
  });
});

describe('timeline query', () => {
  const people: TimelineEntry[] = [
    { ...entry('a', 'decision', false), text: 'Roll back deploy 4711', author: 'Sam' },
    { ...entry('b', 'note', false), text: 'DBA joined the bridge', author: 'Kim' },
    { ...entry('c', 'decision', false), text: 'Keep the pool at 40', author: 'Kim' },
    { ...entry('d', 'alert', true), text: 'Alert fired: PoolExhausted', author: 'app' },
  ];

  it('keeps the timeline itself when nothing is asked', () => {
    expect(queryTimeline(people, EVERY_ENTRY)).toBe(people);
  });

  it('narrows by kind, author and words, all together, ignoring case', () => {
    expect(ids([...queryTimeline(people, { filter: 'all', kind: 'decision', text: '' })])).toEqual([
      'a',
      'c',
    ]);
    expect(
      ids([...queryTimeline(people, { filter: 'all', kind: 'decision', author: 'Kim', text: '' })]),
    ).toEqual(['c']);
    expect(ids([...queryTimeline(people, { filter: 'all', text: 'POOL' })])).toEqual(['c', 'd']);
    expect(ids([...queryTimeline(people, { filter: 'people', text: 'pool' })])).toEqual(['c']);
    expect(ids([...queryTimeline(people, { filter: 'all', text: 'kim bridge' })])).toEqual(['b']);
  });

  it('lists the authors once each, alphabetically', () => {
    expect(timelineAuthors(people)).toEqual(['app', 'Kim', 'Sam']);
  });
});
