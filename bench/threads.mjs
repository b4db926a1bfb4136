// When worker threads pay (issue 15, item 2: "measure the threshold"). Trees of K Terraform
// folders from ../shared/corpus (each folder one unit of work), linted with
// `--concurrency off` and with `--concurrency 2`, alternating, 3 runs each; prints the
// medians and their ratio per K. On 2 cores two threads were slower at every K (1.06–1.27×;
// they pay only on larger runs, e.g. 0.87× on the whole corpus, at the cost of a second heap):
// api.ts autoThreads gives one thread per two cores. Run it on a larger machine to see where
// workers start to pay (src/pipeline/threads.ts MIN_UNITS_FOR_WORKERS).
// Run: node scripts/build.mjs && node bench/threads.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.MLOPS_BENCH_CORPUS ?? path.resolve(repo, '../shared/corpus');
const cli = path.join(repo, 'dist/cli.cjs');
if (!fs.existsSync(corpus)) {
  console.warn('!!! ../shared/corpus is absent: nothing measured.');
  process.exit(0);
}

/** Folders holding .tf files directly, in a fixed order. */
function tfFolders(dir, out = []) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (entries.some((e) => e.isFile() && e.name.endsWith('.tf'))) out.push(dir);
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) tfFolders(path.join(dir, e.name), out);
  return out;
}

const folders = tfFolders(corpus);
// Spread over the corpus (not the first repository's folders only).
const pick = (k) => Array.from({ length: k }, (_, i) => folders[Math.floor((i * folders.length) / k)]);

function wall(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MLOPS_IAC_LINT_WORKER_THRESHOLD: '0' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr.toString());
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`cores: ${os.availableParallelism()}; Terraform folders in the corpus: ${folders.length}`);
console.log('units  one thread  two threads  two/one');
for (const k of [10, 20, 40, 80, 160, 320]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mil-threads-${k}-`));
  for (const f of pick(k)) {
    const to = path.join(dir, path.relative(corpus, f));
    fs.mkdirSync(to, { recursive: true });
    for (const e of fs.readdirSync(f, { withFileTypes: true })) if (e.isFile()) fs.copyFileSync(path.join(f, e.name), path.join(to, e.name));
  }
  const one = [];
  const two = [];
  for (let i = 0; i < 3; i++) {
    one.push(wall([dir, '--concurrency', 'off', '--format', 'json', '--fail-on', 'none', '--no-gitignore']));
    // Forces the pool at any size (the measured question: what does it cost or gain at K units).
    two.push(wall([dir, '--concurrency', '2', '--format', 'json', '--fail-on', 'none', '--no-gitignore']));
  }
  const a = median(one);
  const b = median(two);
  console.log(`${String(k).padStart(5)}  ${a.toFixed(0).padStart(8)} ms  ${b.toFixed(0).padStart(8)} ms  ${(b / a).toFixed(2)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
