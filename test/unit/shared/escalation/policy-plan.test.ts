import { describe, expect, it } from 'vitest';
import { planEscalation, type WhoIsOnCall } from '../../../../src/shared/escalation/policy-plan';
import type { EscalationPolicy } from '../../../../src/shared/escalation/policy-schema';
import { DEFAULT_ESCALATION_POLICIES } from '../../../../src/shared/escalation/policy-defaults';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);

/** A schedule table: schedule id → people on call at any time. */
const onCall =
  (table: Record<string, string[]>): WhoIsOnCall =>
  (id) =>
    table[id] ?? [];

const basic = DEFAULT_ESCALATION_POLICIES[0] as EscalationPolicy;

/** Each step as `r<repeat> L<level> +<minutes> <targets or skipped>`, easy to read in a diff. */
function lines(policy: EscalationPolicy, who: WhoIsOnCall, extra = {}): string[] {
  return planEscalation({ policy, firingSince: T0, whoIsOnCall: who, ...extra }).map((step) => {
    const minutes = (step.at.getTime() - T0.getTime()) / 60_000;
    const targets = step.targets
      .map((t) =>
        t.kind === 'me'
          ? 'me'
          : t.kind === 'schedule'
            ? `${t.id}=${t.people.join('+')}`
            : `${t.kind}:${t.id}`,
      )
      .join(',');
    return `r${step.repeat} L${step.level} +${minutes} ${step.skipped ?? targets}`;
  });
}

describe('planEscalation', () => {
  it('pages me at once, the secondary after 5 minutes and the manager after 5 more', () => {
    expect(lines(basic, onCall({ secondary: ['bob'], manager: ['carol'] }))).toEqual([
      'r0 L1 +0 me',
      'r0 L2 +5 secondary=bob',
      'r0 L3 +10 manager=carol',
    ]);
  });

  it('skips a level whose schedule has nobody on call at once instead of waiting it out', () => {
    expect(lines(basic, onCall({ manager: ['carol'] }))).toEqual([
      'r0 L1 +0 me',
      'r0 L2 +5 skipped: nobody is on call in schedule "secondary"',
      'r0 L3 +5 manager=carol',
    ]);
  });

  it('asks who is on call at the time of each step', () => {
    // Bob's shift ends 7 minutes in; Dan takes over.
    const who: WhoIsOnCall = (id, at) =>
      id === 'secondary' ? (at < min(7) ? ['bob'] : ['dan']) : [];
    const policy: EscalationPolicy = {
      id: 'p',
      name: 'p',
      repeat: 1,
      levels: [
        { delayMinutes: 5, targets: [{ kind: 'me' }] },
        { delayMinutes: 5, targets: [{ kind: 'schedule', id: 'secondary' }] },
      ],
    };
    expect(lines(policy, who)).toEqual([
      'r0 L1 +0 me',
      'r0 L2 +5 secondary=bob',
      'r1 L1 +10 me',
      'r1 L2 +15 secondary=dan',
    ]);
  });

  it('repeats the whole policy, the last level waiting its minutes before the repeat', () => {
    const policy: EscalationPolicy = {
      id: 'p',
      name: 'p',
      repeat: 2,
      levels: [
        { delayMinutes: 3, targets: [{ kind: 'me' }] },
        { delayMinutes: 10, targets: [{ kind: 'channel', id: 'ops' }] },
      ],
    };
    expect(lines(policy, onCall({}))).toEqual([
      'r0 L1 +0 me',
      'r0 L2 +3 channel:ops',
      'r1 L1 +13 me',
      'r1 L2 +16 channel:ops',
      'r2 L1 +26 me',
      'r2 L2 +29 channel:ops',
    ]);
  });

  it('pages the reachable targets of a level and says which were not reached', () => {
    const policy: EscalationPolicy = {
      id: 'p',
      name: 'p',
      repeat: 0,
      levels: [
        {
          delayMinutes: 5,
          targets: [
            { kind: 'schedule', id: 'secondary' },
            { kind: 'channel', id: 'ops' },
          ],
        },
      ],
    };
    const [step] = planEscalation({ policy, firingSince: T0, whoIsOnCall: onCall({}) });
    expect(step?.skipped).toBeUndefined();
    expect(step?.targets).toEqual([{ kind: 'channel', id: 'ops' }]);
    expect(step?.unreached).toEqual(['nobody is on call in schedule "secondary"']);
  });

  it('stops at the acknowledgement: nothing due at or after it is planned', () => {
    const who = onCall({ secondary: ['bob'], manager: ['carol'] });
    expect(lines(basic, who, { acknowledgedAt: min(5) })).toEqual(['r0 L1 +0 me']);
    expect(lines(basic, who, { acknowledgedAt: min(6) })).toEqual([
      'r0 L1 +0 me',
      'r0 L2 +5 secondary=bob',
    ]);
  });

  it('stops when the alert resolves', () => {
    const who = onCall({ secondary: ['bob'], manager: ['carol'] });
    expect(lines(basic, who, { resolvedAt: min(1) })).toEqual(['r0 L1 +0 me']);
  });

  it('resumes after a snooze where it paused: what was to come moves on by the snooze', () => {
    const who = onCall({ secondary: ['bob'], manager: ['carol'] });
    // Snoozed 3 minutes in for 15 minutes: the secondary, due at +5, is paged at +20.
    expect(lines(basic, who, { pauses: [{ from: min(3), until: min(18) }] })).toEqual([
      'r0 L1 +0 me',
      'r0 L2 +20 secondary=bob',
      'r0 L3 +25 manager=carol',
    ]);
  });

  it('gives the same deadlines every time it is asked (a restart re-plans the same steps)', () => {
    const who = onCall({ secondary: ['bob'] });
    const input = { policy: basic, firingSince: T0, whoIsOnCall: who };
    expect(planEscalation(input)).toEqual(planEscalation(input));
  });
});

/** A small seeded generator (mulberry32), so a failing history can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('planEscalation over random policies', () => {
  it('keeps its promises in 1,000 seeded cases', () => {
    const seed = Number(process.env.PLAN_SEED ?? 20260301);
    const next = random(seed);
    const int = (n: number) => Math.floor(next() * n);
    for (let run = 0; run < 1000; run += 1) {
      const levels = Array.from({ length: 1 + int(5) }, () => ({
        delayMinutes: int(4) * 5,
        targets: Array.from({ length: 1 + int(2) }, () =>
          next() < 0.5
            ? { kind: 'schedule' as const, id: ['a', 'b', 'c'][int(3)]! }
            : { kind: 'channel' as const, id: 'ops' },
        ),
      }));
      const policy: EscalationPolicy = { id: 'p', name: 'p', repeat: int(3), levels };
      const empty = new Set(['a', 'b', 'c'].filter(() => next() < 0.4));
      const whoIsOnCall: WhoIsOnCall = (id) => (empty.has(id) ? [] : [`${id}-person`]);
      const ackMinutes = next() < 0.5 ? int(60) : undefined;
      const input = {
        policy,
        firingSince: T0,
        whoIsOnCall,
        ...(ackMinutes !== undefined && {
          acknowledgedAt: new Date(T0.getTime() + ackMinutes * 60_000),
        }),
      };
      const steps = planEscalation(input);
      const context = `seed ${seed}, run ${run}: ${JSON.stringify({ policy, empty: [...empty], ackMinutes })}`;
      // At most every level of every run, in time order, none at or after the acknowledgement.
      expect(steps.length, context).toBeLessThanOrEqual(levels.length * (policy.repeat + 1));
      steps.forEach((step, i) => {
        if (i > 0) expect(step.at >= steps[i - 1]!.at, context).toBe(true);
        if (ackMinutes !== undefined)
          expect(step.at.getTime() < T0.getTime() + ackMinutes * 60_000, context).toBe(true);
        // A skipped level reached nobody, and costs no time: the next step is due with it.
        if (step.skipped) {
          expect(step.targets, context).toEqual([]);
          const following = steps[i + 1];
          if (following) expect(following.at.getTime(), context).toBe(step.at.getTime());
        } else {
          expect(step.targets.length, context).toBeGreaterThan(0);
        }
      });
      // The same input gives the same deadlines: a restart re-plans exactly what was planned.
      expect(planEscalation(input), context).toEqual(steps);
    }
  });
});
