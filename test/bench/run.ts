// `npm run bench [-- NAME…]`: every case in test/bench/cases/ (or those whose file name contains
// one of the NAMEs), one table. Never part of `npm test`.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCase, type BenchCase, type BenchRow } from './bench-case';

const casesDir = new URL('./cases/', import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(fileURLToPath(casesDir))
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();
if (files.length === 0) throw new Error(`no case in test/bench/cases/ matches ${only.join(', ')}`);

const rows: BenchRow[] = [];
for (const file of files) {
  const module = (await import(new URL(file, casesDir).href)) as { benchCase?: BenchCase };
  if (!module.benchCase) throw new Error(`test/bench/cases/${file} must export \`benchCase\``);
  rows.push(await runCase(module.benchCase));
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.table(rows);
