// The benchmark (npm run bench). Budgets (issue #2), reported as ratios measured in one run:
//  1. Linting every .tf/.tfvars of ../shared/corpus takes less wall time than
//     `terraform fmt -check -recursive` on the same folder (skipped without terraform).
//  2. Linting one file (the pre-commit case) takes at most 3x the wall time of `node -e 0`
//     (median of 10 runs).
// Also reported: the whole corpus (all formats) and ARM-only wall time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repo, '../shared/corpus');
const cli = path.join(repo, 'dist/cli.js');
if (!fs.existsSync(corpus)) {
  console.warn('!!! ../shared/corpus is absent: the benchmark needs it; nothing measured.');
  process.exit(0);
}

function time(cmd, args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) return { ms: NaN, error: r.error };
  return { ms, status: r.status, stderr: r.stderr.toString() };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = [];
// 1. Terraform corpus vs terraform fmt (3 alternating runs each, median).
const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } }).status === 0;
const oursTf = [];
const fmt = [];
for (let i = 0; i < 3; i++) {
  oursTf.push(time('node', [cli, corpus, '--format', 'json', '--fail-on', 'none'], { MLOPS_IAC_LINT_FAMILIES: 'terraform' }).ms);
  if (hasTerraform) fmt.push(time('terraform', ['fmt', '-check', '-recursive', corpus], { TF_CLI_CONFIG_FILE: '/dev/null' }).ms);
}
if (hasTerraform) {
  const ratio = median(oursTf) / median(fmt);
  results.push(['terraform corpus: mlops-iac-lint / terraform fmt -check -recursive', `${median(oursTf).toFixed(0)} ms / ${median(fmt).toFixed(0)} ms = ${ratio.toFixed(2)}`, ratio < 1]);
} else {
  console.warn('terraform is not on the PATH: budget 1 comparison skipped.');
  results.push(['terraform corpus: mlops-iac-lint (terraform absent)', `${median(oursTf).toFixed(0)} ms`, true]);
}
// 2. One file vs node -e 0 (10 alternating runs, medians).
const oneFile = path.join(repo, 'fixtures/AML001/terraform/bad/explicit-true/main.tf');
const nodeRuns = [];
const oneRuns = [];
for (let i = 0; i < 10; i++) {
  nodeRuns.push(time('node', ['-e', '0']).ms);
  oneRuns.push(time('node', [cli, oneFile, '--fail-on', 'none']).ms);
}
const r2 = median(oneRuns) / median(nodeRuns);
results.push(['one file: mlops-iac-lint / node -e 0', `${median(oneRuns).toFixed(0)} ms / ${median(nodeRuns).toFixed(0)} ms = ${r2.toFixed(2)}`, r2 <= 3]);
// 3. Informational: the whole corpus and ARM only, with phase timings.
const all = time('node', [cli, corpus, '--format', 'json', '--fail-on', 'none'], { MLOPS_IAC_LINT_TIMING: '1' });
results.push(['whole corpus, all formats', `${all.ms.toFixed(0)} ms`, true]);
const armOnly = time('node', [cli, corpus, '--format', 'json', '--fail-on', 'none'], { MLOPS_IAC_LINT_FAMILIES: 'arm' });
results.push(['ARM templates and parameter files only', `${armOnly.ms.toFixed(0)} ms`, true]);

for (const [name, value, ok] of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${value}`);
console.log('phases of the whole-corpus run:\n' + all.stderr.trim().replace(/^/gm, '  '));
process.exitCode = results.every((r) => r[2]) ? 0 : 1;

// 4. Bicep: per-file parse + evaluate rate (issue #7), from a bundle of bench/bicep-files.ts.
const { build } = await import('esbuild');
const bundle = path.join(repo, 'build/bench-bicep.mjs');
await build({ entryPoints: [path.join(repo, 'bench/bicep-files.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', mainFields: ['module', 'main'], logLevel: 'warning', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
const { benchBicep } = await import(bundle);
const b = benchBicep(corpus);
const bicepOk = b.over === 0;
console.log(`${bicepOk ? 'ok  ' : 'FAIL'} bicep: ${b.files} files parsed and evaluated in ${b.totalMs.toFixed(0)} ms (sum of per-file best-of-3); files of 100+ lines over 20 ms per 1,000 lines: ${b.over}`);
for (const w of b.worst) console.log(`       ${w.per1k.toFixed(1)} ms/1k lines  ${w.ms.toFixed(1)} ms  ${w.lines} lines  ${w.file}`);
if (!bicepOk) process.exitCode = 1;
