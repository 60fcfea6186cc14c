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
  /** Builds inputs once, untimed; returns the two sides to time. */
  setup(): Promise<BenchSides> | BenchSides;
}

/** The two timed functions of a case. Each must do its full work on every call. */
export interface BenchSides {
  measured(): unknown;
  floor(): unknown;
}

/** One printed row. */
export interface BenchRow {
  figure: string;
  'median ms': string;
  'floor (what)': string;
  'floor median ms': string;
  ratio: string;
}

const WARMUP = 5;

/**
 * Time a case: warm up, then alternate measured and floor runs so both see the same machine
 * state (GC, CPU frequency), and report medians.
 * @param bench - the case
 */
export async function runCase(bench: BenchCase): Promise<BenchRow> {
  const sides = await bench.setup();
  for (let i = 0; i < WARMUP; i++) {
    sides.measured();
    sides.floor();
  }
  const measured: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < bench.iterations; i++) {
    measured.push(time(sides.measured));
    floor.push(time(sides.floor));
  }
  const m = median(measured);
  const f = median(floor);
  return {
    figure: bench.figure,
    'median ms': m.toFixed(2),
    'floor (what)': bench.floor,
    'floor median ms': f.toFixed(2),
    ratio: `${(m / f).toFixed(1)}×`,
  };
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
