// Runs the vitest suite and ends with the plain closing line CI reads:
// "tests: N passed, N failed" (", N skipped" when any). Exit code is vitest's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = '.vitest-results.json';
fs.rmSync(results, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
let line = 'tests: 0 passed, 1 failed';
try {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  line = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
} catch {
  // vitest crashed before writing results: count it as a failure.
}
console.log(line);
process.exit(run.status ?? 1);
