// `npm run bench`: every case in test/bench/cases/, one table. Never part of `npm test`.
// BENCH_ONLY=<text> runs only the cases whose file name contains it.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCase, type BenchCase, type BenchRow } from './bench-case';

const casesDir = new URL('./cases/', import.meta.url);
const files = readdirSync(fileURLToPath(casesDir))
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => !process.env.BENCH_ONLY || name.includes(process.env.BENCH_ONLY))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const module = (await import(new URL(file, casesDir).href)) as { benchCase?: BenchCase };
  if (!module.benchCase) throw new Error(`test/bench/cases/${file} must export \`benchCase\``);
  rows.push(await runCase(module.benchCase));
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.table(rows);
