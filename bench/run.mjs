// The benchmark (npm run bench). Budgets (issue #2), reported as ratios measured in one run:
//  1. Linting every .tf/.tfvars of ../shared/corpus takes less wall time than
//     `terraform fmt -check -recursive` on the same folder (skipped without terraform).
//  2. Linting one file (the pre-commit case) takes at most 3x the wall time of `node -e 0`
//     (median of 10 runs).
// Also reported: the whole corpus (all formats) and ARM-only wall time.
// 5. Generated inputs (issue #12, bench/generate.mjs): a 38,000-resource ARM template, 20,000
//    .tf files in one folder and a 256,000-character script line, each with its time per MB
//    and per file as a ratio to the whole corpus's: they must stay within 10x the corpus's
//    per-MB rate (time proportional to size; the quadratic paths were 100x and worse).
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

function time(cmd, args, env = {}, { stdout = false } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) return { ms: NaN, error: r.error };
  return { ms, status: r.status, stderr: r.stderr.toString(), stdout: stdout ? r.stdout.toString() : '' };
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
const all = time('node', [cli, corpus, '--format', 'json', '--fail-on', 'none'], { MLOPS_IAC_LINT_TIMING: '1' }, { stdout: true });
results.push(['whole corpus, all formats', `${all.ms.toFixed(0)} ms`, true]);
const armOnly = time('node', [cli, corpus, '--format', 'json', '--fail-on', 'none'], { MLOPS_IAC_LINT_FAMILIES: 'arm' });
results.push(['ARM templates and parameter files only', `${armOnly.ms.toFixed(0)} ms`, true]);

// 5. Generated inputs against the corpus rates (per file and per MB).
const corpusFiles = JSON.parse(all.stdout).summary.files;
let corpusBytes = 0;
for (const e of fs.readdirSync(corpus, { withFileTypes: true, recursive: true })) if (e.isFile()) corpusBytes += fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size;
const perFile = all.ms / corpusFiles;
const perMb = all.ms / (corpusBytes / 1e6);
results.push([`corpus rate (${corpusFiles} files, ${(corpusBytes / 1e6).toFixed(1)} MB)`, `${perFile.toFixed(2)} ms/file, ${perMb.toFixed(0)} ms/MB`, true]);
const { GENERATED } = await import('./generate.mjs');
for (const [name, generate] of Object.entries(GENERATED)) {
  const g = generate();
  const run = time('node', [cli, g.dir, '--format', 'json', '--fail-on', 'none']);
  fs.rmSync(g.dir, { recursive: true, force: true });
  const mbRatio = run.ms / (g.bytes / 1e6) / perMb;
  const fileRatio = run.ms / g.files / perFile;
  const ok = run.status === 0 && mbRatio <= 10;
  results.push([
    `generated ${name}`,
    `${run.ms.toFixed(0)} ms for ${(g.bytes / 1e6).toFixed(1)} MB in ${g.files} files: ${mbRatio.toFixed(2)}x the corpus rate per MB, ${fileRatio.toFixed(2)}x per file${run.status === 0 ? '' : ` (exit ${run.status})`}`,
    ok,
  ]);
}

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
