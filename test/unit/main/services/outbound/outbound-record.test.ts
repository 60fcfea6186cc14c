import { mkdtemp, readFile, rm, writeFile, mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  INTERRUPTED_REASON,
  MAX_RECORD_ENTRIES,
  openOutboundRecord,
} from '../../../../../src/main/services/outbound/outbound-record';
import type { OutboundRecordEntry } from '../../../../../src/shared/ipc/outbound-schemas';

let dir: string;
const warnings: string[] = [];
const log = (_level: 'warn', message: string) => warnings.push(message);
const now = () => new Date('2026-03-01T10:00:00.000Z');

const entry = (id: string, extra: Partial<OutboundRecordEntry> = {}): OutboundRecordEntry => ({
  id,
  at: '2026-03-01T09:00:00.000Z',
  action: 'trigger',
  target: 'channel Ops',
  result: 'sent',
  attempts: 1,
  ...extra,
});

beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'record-')), 'outbound');
  warnings.length = 0;
});
afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

describe('openOutboundRecord', () => {
  it('ends a page left "sending" by a crash as failed, saying it may not have arrived', async () => {
    const first = await openOutboundRecord(dir, log, now);
    await first.put(entry('a', { result: 'sending', attempts: 0 }));
    // No end written: the process died here.
    const again = await openOutboundRecord(dir, log, now);
    expect(again.entries()).toEqual([
      {
        ...entry('a', { attempts: 0 }),
        result: 'failed',
        reason: INTERRUPTED_REASON,
        finishedAt: now().toISOString(),
      },
    ]);
    const onDisk = JSON.parse(await readFile(path.join(dir, 'record.json'), 'utf8'));
    expect(onDisk.entries[0].result).toBe('failed');
  });

  it('keeps the newest entries only, and its file private', async () => {
    const record = await openOutboundRecord(dir, log, now);
    for (let i = 0; i < MAX_RECORD_ENTRIES + 5; i += 1) void record.put(entry(`e${i}`));
    await record.flush();
    const again = await openOutboundRecord(dir, log, now);
    expect(again.entries()).toHaveLength(MAX_RECORD_ENTRIES);
    expect(again.entries()[0]?.id).toBe('e5');
    expect((await stat(path.join(dir, 'record.json'))).mode & 0o777).toBe(0o600);
  });

  it('keeps an unreadable file aside instead of overwriting it', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'record.json'), '{ not json');
    const record = await openOutboundRecord(dir, log, now);
    expect(record.entries()).toEqual([]);
    expect(warnings[0]).toMatch(/could not be read; kept as .*record\.json\.unreadable-/);
    const kept = warnings[0]?.match(/kept as (\S+),/)?.[1] ?? '';
    expect(await readFile(kept, 'utf8')).toBe('{ not json');
  });
});
