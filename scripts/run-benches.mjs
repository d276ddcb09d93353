// `npm run bench`: every benchmark in tests/bench, one after another; each
// prints `name: value` lines.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const benches = readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts')).sort();
let failed = 0;
for (const file of benches) {
  console.log(`# ${file}`);
  const r = spawnSync('npx', ['tsx', `tests/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
