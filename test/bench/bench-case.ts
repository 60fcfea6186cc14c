/**
 * One row of the benchmark table: a figure we care about, measured next to a floor (the
 * cheapest thing that must happen anyway) in the same run, so the ratio means something on
 * any machine. Each file in test/bench/cases/ exports one as `benchCase`.
 */
export interface BenchCase {
  /** What is measured, as the table shows it. */
  readonly figure: string;
  /** What the floor is, as the table shows it. */
  readonly floor: string;
  /** Timed runs of each side (after warm-up). */
  readonly iterations: number;
  /**
   * What a sample is: the wall time of a run (`time`, the default; a run may be async), or the
   * number the run returns (`value`), for figures that are not the run's own duration, such as
   * the longest event-loop block inside it or the heap after it.
   */
  readonly sample?: 'time' | 'value';
  /** The unit shown after the medians; `ms` by default. */
  readonly unit?: string;
  /**
   * How the medians are compared: `ratio` (measured ÷ floor, the default), or `difference`
   * (measured − floor) for figures whose floor is about zero, such as an idle process's CPU.
   */
  readonly compare?: 'ratio' | 'difference';
  /** Untimed runs of each side first; 5 by default. */
  readonly warmup?: number;
  /** Builds inputs once, untimed; returns the two sides to time. */
  setup(): Promise<BenchSides> | BenchSides;
}

/**
 * The two timed functions of a case. Each must do its full work on every call; with
 * `sample: 'value'` each returns its sample (or a promise of it).
 */
export interface BenchSides {
  measured(): unknown;
  floor(): unknown;
  /** Stops what setup started (processes, servers, temp dirs); run after the runs, also when one failed. */
  teardown?(): Promise<void> | void;
}

/** One printed row. */
export interface BenchRow {
  figure: string;
  median: string;
  'floor (what)': string;
  'floor median': string;
  /** The ratio (`2.0×`) or the difference (`+1.20 MB`), as the case compares. */
  'vs floor': string;
}

const WARMUP = 5;

/**
 * Time a case: warm up, then alternate measured and floor runs so both see the same machine
 * state (GC, CPU frequency), and report medians.
 * @param bench - the case
 */
export async function runCase(bench: BenchCase): Promise<BenchRow> {
  const sides = await bench.setup();
  const sample = bench.sample === 'value' ? value : time;
  const measured: number[] = [];
  const floor: number[] = [];
  try {
    for (let i = 0; i < (bench.warmup ?? WARMUP); i++) {
      await sides.measured();
      await sides.floor();
    }
    for (let i = 0; i < bench.iterations; i++) {
      measured.push(await sample(sides.measured));
      floor.push(await sample(sides.floor));
    }
  } finally {
    await sides.teardown?.();
  }
  const m = median(measured);
  const f = median(floor);
  const unit = bench.unit ?? 'ms';
  return {
    figure: bench.figure,
    median: `${m.toFixed(2)} ${unit}`,
    'floor (what)': bench.floor,
    'floor median': `${f.toFixed(2)} ${unit}`,
    'vs floor':
      bench.compare === 'difference'
        ? `${m - f >= 0 ? '+' : '−'}${Math.abs(m - f).toFixed(2)} ${unit}`
        : `${(m / f).toFixed(1)}×`,
  };
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  const result = fn();
  // Only a promise is awaited: a sync run's time must not include a turn of the event loop.
  if (result instanceof Promise) await result;
  return performance.now() - start;
}

async function value(fn: () => unknown): Promise<number> {
  const result: unknown = await fn();
  if (typeof result !== 'number')
    throw new Error(`a value sample must be a number, got ${String(result)}`);
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
