import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Options that let {@link requestHeapReport} ask a node process for a report: put them in its
 * NODE_OPTIONS. SIGUSR2 is node's default report signal and unused by the app.
 * @param dir - where the process writes its reports
 */
export function reportOptions(dir: string): string {
  return `--report-on-signal --report-signal=SIGUSR2 --report-directory=${dir}`;
}

/** Where a node process's memory is, from its own diagnostic report (process.report). */
export interface HeapFigures {
  /** V8's heap: what it holds for JS objects and code, and the live part of it, in bytes. */
  readonly heapTotal: number;
  readonly heapUsed: number;
  /** Compiled code (code_space), in bytes, part of heapUsed. */
  readonly code: number;
  /** Memory held by JS objects outside the heap (Buffers, ArrayBuffers), in bytes. */
  readonly external: number;
}

const REPORT_WAIT_MS = 10_000;

/**
 * Signal a process started with {@link reportOptions} and read the report it writes.
 * @param pid - the process
 * @param dir - its report directory, which must exist (only its reports go there)
 */
export async function requestHeapReport(pid: number, dir: string): Promise<HeapFigures> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  const deadline = performance.now() + REPORT_WAIT_MS;
  while (performance.now() < deadline) {
    await delay(100);
    const file = readdirSync(dir).find((name) => name.endsWith('.json') && !before.has(name));
    if (file === undefined) continue;
    // The report is written in one go, but may still be being written: retry until it parses.
    try {
      return heapFigures(JSON.parse(readFileSync(join(dir, file), 'utf8')) as NodeReport);
    } catch {
      continue;
    }
  }
  throw new Error(`process ${pid} wrote no report to ${dir} within ${REPORT_WAIT_MS} ms`);
}

interface NodeReport {
  javascriptHeap: {
    totalMemory: number;
    usedMemory: number;
    externalMemory?: number;
    heapSpaces: Record<string, { used: number }>;
  };
}

function heapFigures(report: NodeReport): HeapFigures {
  const heap = report.javascriptHeap;
  return {
    heapTotal: heap.totalMemory,
    heapUsed: heap.usedMemory,
    code:
      (heap.heapSpaces.code_space?.used ?? 0) +
      (heap.heapSpaces.code_large_object_space?.used ?? 0),
    external: heap.externalMemory ?? 0,
  };
}
