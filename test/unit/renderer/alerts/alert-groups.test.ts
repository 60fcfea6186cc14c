import { describe, expect, it } from 'vitest';
import { groupAlerts, rowLabels } from '../../../../src/renderer/features/alerts/alert-groups';
import { holdNewAlerts, listItems } from '../../../../src/renderer/features/alerts/list-items';
import type { Alert } from '../../../../src/shared/domain/alert';
import { sortAlerts } from '../../../../src/shared/domain/alert-order';
import { alert } from '../fixtures';

function crash(service: string, i: number): Alert {
  return alert(`crash-${service}-${i}`, {
    title: 'KubePodCrashLooping',
    severity: 'sev3',
    labels: {
      alertname: 'KubePodCrashLooping',
      severity: 'warning',
      namespace: 'prod',
      service,
      pod: `${service}-${i}`,
    },
  });
}

const crashes = ['checkout', 'payments', 'search'].flatMap((s) =>
  [1, 2, 3, 4].map((i) => crash(s, i)),
);
const down = alert('CheckoutDown', {
  severity: 'sev1',
  labels: { alertname: 'CheckoutDown', service: 'checkout', instance: 'web-1' },
});

describe('groupAlerts', () => {
  it('groups by alertname, says what differs and splits by the label with the fewest values', () => {
    const [first, second] = groupAlerts(sortAlerts([...crashes, down]));
    // Worst first stays.
    expect(first?.name).toBe('CheckoutDown');
    expect(first?.breakdown).toBeUndefined();
    expect(second?.name).toBe('KubePodCrashLooping');
    expect(second?.alerts).toHaveLength(12);
    expect(second?.differing).toEqual(['service', 'pod']);
    expect(second?.breakdown).toEqual({
      label: 'service',
      values: [
        ['checkout', 4],
        ['payments', 4],
        ['search', 4],
      ],
      more: 0,
      unique: false,
    });
  });

  it('lists at most four values, then how many more, without counts when each is unique', () => {
    const disks = Array.from({ length: 10 }, (_, i) =>
      alert(`disk-${i + 1}`, {
        labels: { alertname: 'DiskFull', instance: `node-${i + 1}` },
      }),
    );
    const [group] = groupAlerts(disks);
    expect(group?.breakdown).toMatchObject({
      label: 'instance',
      values: [
        ['node-1', 1],
        ['node-2', 1],
        ['node-3', 1],
        ['node-4', 1],
      ],
      more: 6,
      unique: true,
    });
  });

  it('shows the differing labels on a grouped row (so pod appears), key labels on a lone one', () => {
    const groups = groupAlerts([...crashes, down]);
    const crashGroup = groups.find((g) => g.name === 'KubePodCrashLooping');
    const downGroup = groups.find((g) => g.name === 'CheckoutDown');
    if (!crashGroup || !downGroup) throw new Error('groups missing');
    expect(rowLabels(crashes[0] as Alert, crashGroup)).toEqual([
      { name: 'service', value: 'checkout' },
      { name: 'pod', value: 'checkout-1' },
    ]);
    expect(rowLabels(down, downGroup)).toEqual([
      { name: 'service', value: 'checkout' },
      { name: 'instance', value: 'web-1' },
    ]);
  });

  it('groups 5,000 alerts with the order kept', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      alert(`a${i}`, { labels: { alertname: `Rule${i % 50}`, instance: `i${i}` } }),
    );
    const groups = groupAlerts(many);
    expect(groups).toHaveLength(50);
    expect(groups.map((g) => g.name).slice(0, 3)).toEqual(['Rule0', 'Rule1', 'Rule2']);
    expect(groups.reduce((n, g) => n + g.alerts.length, 0)).toBe(5000);
  });
});

describe('listItems', () => {
  const groups = groupAlerts(sortAlerts([...crashes, down]));

  it('shows a lone alert as its row, a large group as its line only until opened', () => {
    expect(listItems(groups, new Set()).map((i) => i.id)).toEqual([
      down.id,
      'group:KubePodCrashLooping',
    ]);
    const opened = listItems(groups, new Set(['group:KubePodCrashLooping']));
    expect(opened).toHaveLength(14);
    expect(opened[1]).toMatchObject({ kind: 'group', open: true });
  });

  it('opens small groups by default; toggling closes them', () => {
    const small = groupAlerts(crashes.slice(0, 2));
    expect(listItems(small, new Set())).toHaveLength(3);
    expect(listItems(small, new Set(['group:KubePodCrashLooping']))).toHaveLength(1);
  });
});

describe('holdNewAlerts', () => {
  it('holds alerts not yet seen behind the marker, keeping the order of the rest', () => {
    const seen = new Set([crashes[1]?.id ?? '', crashes[2]?.id ?? '']);
    const { shown, held } = holdNewAlerts(crashes.slice(0, 3), seen);
    expect(shown.map((a) => a.id)).toEqual([crashes[1]?.id, crashes[2]?.id]);
    expect(held.map((a) => a.id)).toEqual([crashes[0]?.id]);
    expect(holdNewAlerts(crashes, undefined).held).toEqual([]);
  });
});
