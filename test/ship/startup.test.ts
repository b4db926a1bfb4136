/**
 * Start-up (issue 15, item 3): a run loads the code of the formats present in it, and of the
 * features it uses, and nothing else. The bin runs one of two builds of the CLI (src/cli/entry.ts),
 * and both are checked:
 * - the ES-module build (dist/cli-main.js and its chunks; the bin's fallback): the CLI runs
 *   with a module-loader hook (`module.register`) that writes down every file of the build it
 *   loads; the esbuild path comments (`// src/eval/bicep/…`, `// node_modules/yaml/…`) inside
 *   those files say what code they hold;
 * - the code-cached bundle (dist/cli-bundle.cjs, what a plain run uses): one script in which
 *   each module reached through an `import()` is behind esbuild's lazy initialiser, a function
 *   named by the module's path. V8's precise coverage (NODE_V8_COVERAGE) says which of them
 *   ran; a module of the bundle outside any initialiser runs at start, so counts as evaluated.
 * And the V8 flags a run sets (src/core/jit.ts): a preload writes down every
 * `v8.setFlagsFromString` call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jitFlagsFor } from '../../src/core/jit.js';
import { buildTo, REPO_ROOT, run, tempDir } from './helpers.js';

let dist: string;
let work: string;

beforeAll(() => {
  work = tempDir('startup');
  dist = path.join(work, 'dist');
  buildTo(dist);
  // The hook: every file: URL the ESM loader loads, one per line.
  fs.writeFileSync(
    path.join(work, 'loads.mjs'),
    `export async function load(url, context, next) {
  if (url.startsWith('file:')) (await import('node:fs')).appendFileSync(process.env.MIL_LOADS, url + '\\n');
  return next(url, context);
}\n`,
  );
  fs.writeFileSync(path.join(work, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${path.join(work, 'loads.mjs')}`).href)});\n`);
  // The preload: every V8 flag set at run time, one per line.
  fs.writeFileSync(
    path.join(work, 'record-flags.mjs'),
    `import fs from 'node:fs';\nimport v8 from 'node:v8';\nconst set = v8.setFlagsFromString;\nv8.setFlagsFromString = (f) => { fs.appendFileSync(process.env.MIL_FLAGS, f + '\\n'); return set(f); };\n`,
  );
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The source paths (`src/…`, `node_modules/<pkg>/…`) of the code a CLI run loads, from the build's path comments. */
function loadedSources(args: string[], cwd: string): string[] {
  const record = path.join(work, `loads-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(record, '');
  // A V8 flag makes the code cache foreign, so the ES-module build runs (its imports are what is recorded).
  const p = run(process.execPath, ['--max-old-space-size=4096', '--import', path.join(work, 'register.mjs'), path.join(dist, 'cli.js'), ...args], {
    cwd,
    env: { ...process.env, MIL_LOADS: record, MLOPS_IAC_LINT_CODE_CACHE: 'report' },
  });
  expect(p.stderr).toContain('code cache: not used (made for other V8 flags (a node option or NODE_OPTIONS)): ES-module build');
  expect(p.stderr).not.toMatch(/internal error|Error:/);
  const files = fs
    .readFileSync(record, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => new URL(u).pathname)
    .filter((f) => f.startsWith(dist));
  expect(files.length).toBeGreaterThan(1);
  const sources = new Set<string>();
  for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:src|rules|node_modules)\/\S+)$/gm)) sources.add(m[1]!);
  return [...sources];
}

/** The modules of the code-cached bundle: all it holds, and those a CLI run on it evaluated (V8 coverage). */
function bundleRun(args: string[], cwd: string): { held: string[]; evaluated: Set<string> } {
  const coverage = fs.mkdtempSync(path.join(work, 'coverage-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_V8_COVERAGE: coverage, MLOPS_IAC_LINT_CODE_CACHE: 'report' };
  delete env.NODE_OPTIONS;
  const p = run(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd, env });
  expect(p.stderr).toContain('code cache: used');
  expect(p.stderr).not.toMatch(/internal error|Error:/);
  const bundle = path.join(dist, 'cli-bundle.cjs');
  // The bundle is whitespace-minified (scripts/build.mjs): no path comments. Its modules are
  // those of the ES-module build (the same sources, from its path comments); the ones behind
  // a lazy initialiser are the bundle's functions named by their paths (`"src/…"(){`, and
  // `"node_modules/…"(exports){` for a CommonJS package's).
  const held = modulesOfBuild();
  const named = new Set([...fs.readFileSync(bundle, 'latin1').matchAll(/"((?:src|rules|node_modules)\/[^"\s]+)"\((?:\w+(?:,\w+)?)?\)\{/g)].map((m) => m[1]!));
  expect(named.size, 'initialisers named in the bundle').toBeGreaterThan(10);
  const scripts = fs.readdirSync(coverage).flatMap((f) => (JSON.parse(fs.readFileSync(path.join(coverage, f), 'utf8')) as { result: ScriptCoverage[] }).result);
  const script = scripts.find((s) => s.url === pathToFileURL(bundle).href || s.url === bundle);
  expect(script, 'coverage of the bundle').toBeDefined();
  const heldSet = new Set(held);
  const initialisers = new Map<string, number>();
  for (const f of script!.functions) if (heldSet.has(f.functionName) && named.has(f.functionName)) initialisers.set(f.functionName, f.ranges[0]!.count);
  // Behind an initialiser: evaluated when it ran. Outside any: evaluated at start.
  const evaluated = new Set(held.filter((m) => (initialisers.get(m) ?? 1) > 0));
  return { held, evaluated };
}

/** The source paths of the ES-module build (dist/cli-main.js, dist/worker.js, dist/api.js and the chunks), from its path comments. */
function modulesOfBuild(): string[] {
  const files = [...['cli-main.js', 'worker.js', 'api.js'].map((f) => path.join(dist, f)), ...fs.readdirSync(path.join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, 'chunks', f))];
  const out = new Set<string>();
  for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:src|rules|node_modules)\/\S+)$/gm)) out.add(m[1]!);
  return [...out];
}

interface ScriptCoverage {
  url: string;
  functions: { functionName: string; ranges: { count: number }[] }[];
}

const NOT_IN_A_TF_RUN = [
  ['the YAML library', /^node_modules\/yaml\//],
  ['the Bicep front end', /^src\/(eval|parse)\/bicep\//],
  ['the JSON-schema validator (config files)', /^node_modules\/ajv/],
  ['the Azure Policy evaluator', /^src\/eval\/policy\//],
  ['the ARM template evaluator', /^src\/eval\/arm\//],
  ['the CI front end', /^src\/eval\/ci\//],
  ['the Kubernetes front end', /^src\/eval\/k8s\//],
] as const;

describe('start-up: what a run loads', () => {
  it('a one-file .tf run (the pre-commit case) loads no other format, no policy evaluator and no config validator', () => {
    const dir = path.join(work, 'tf');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(REPO_ROOT, 'fixtures/AML001/terraform/bad/explicit-true/main.tf'), path.join(dir, 'main.tf'));
    const sources = loadedSources(['main.tf', '--fail-on', 'none'], dir);
    expect(sources).toContain('src/parse/hcl/parser.ts');
    for (const [what, re] of NOT_IN_A_TF_RUN) expect(sources.filter((s) => re.test(s)), what).toEqual([]);
  });

  it('the code-cached bundle: a one-file .tf run evaluates no other format, no policy evaluator and no config validator', () => {
    const dir = path.join(work, 'tf-bundle');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(REPO_ROOT, 'fixtures/AML001/terraform/bad/explicit-true/main.tf'), path.join(dir, 'main.tf'));
    const { held, evaluated } = bundleRun(['main.tf', '--fail-on', 'none'], dir);
    expect(evaluated.has('src/parse/hcl/parser.ts')).toBe(true);
    for (const [what, re] of NOT_IN_A_TF_RUN) {
      // The bundle holds the code (so the check below is not empty), and the run did not evaluate it.
      expect(held.filter((s) => re.test(s)).length, what).toBeGreaterThan(0);
      expect([...evaluated].filter((s) => re.test(s)), what).toEqual([]);
    }
  });

  it('policies configured: the policy evaluator is loaded, and judges', () => {
    const dir = path.join(work, 'policy');
    fs.mkdirSync(path.join(dir, 'policies'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "azurerm_machine_learning_workspace" "ws" {\n  name                          = "ws"\n  public_network_access_enabled = true\n}\n');
    fs.writeFileSync(
      path.join(dir, 'policies/deny-public.json'),
      JSON.stringify({
        properties: {
          displayName: 'Deny public workspaces',
          mode: 'All',
          policyRule: {
            if: { allOf: [{ field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' }, { field: 'Microsoft.MachineLearningServices/workspaces/publicNetworkAccess', equals: 'Enabled' }] },
            then: { effect: 'deny' },
          },
        },
      }),
    );
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint.json'), JSON.stringify({ policies: { definitions: ['policies/*.json'] } }));
    const sources = loadedSources(['main.tf', '--rule', 'GOV002', '--fail-on', 'none'], dir);
    expect(sources).toContain('src/eval/policy/evaluate.ts');
    expect(bundleRun(['main.tf', '--rule', 'GOV002', '--fail-on', 'none'], dir).evaluated.has('src/eval/policy/evaluate.ts')).toBe(true);
    const out = run(process.execPath, [path.join(dist, 'cli.js'), 'main.tf', '--rule', 'GOV002', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    expect(out.stdout).toContain('Deny public workspaces');
  });
});

/** The V8 flags a CLI run set in `dir`, and its output. */
function flagsSet(dir: string, args: string[], nodeArgs: string[] = []): { flags: string[]; stdout: string } {
  const record = path.join(work, `flags-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(record, '');
  const p = run(process.execPath, [...nodeArgs, '--import', path.join(work, 'record-flags.mjs'), path.join(dist, 'cli.js'), ...args, '--format', 'json', '--fail-on', 'none'], {
    cwd: dir,
    env: { ...process.env, MIL_FLAGS: record },
  });
  expect(p.status, p.stderr).toBe(0);
  return { flags: fs.readFileSync(record, 'utf8').split('\n').filter(Boolean), stdout: p.stdout };
}

describe('start-up: V8 flags for a long run (src/core/jit.ts)', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(work, 'jit');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(REPO_ROOT, 'fixtures/AML001/terraform/bad/explicit-true/main.tf'), path.join(dir, 'main.tf'));
  });

  it('a folder scan sets the measured flags (on the V8 they were measured on), and finds the same', () => {
    const folder = flagsSet(dir, ['.']);
    expect(folder.flags).toEqual(jitFlagsFor(process.versions.v8, []));
    const file = flagsSet(dir, ['main.tf']);
    expect(file.flags).toEqual([]);
    expect(JSON.parse(folder.stdout).findings).toEqual(JSON.parse(file.stdout).findings);
  });

  it('a files-only run sets them once its walk lists 500 files (a manifest judged against a large repository\'s pools), not before', () => {
    const large = path.join(work, 'jit-large');
    fs.mkdirSync(large);
    fs.copyFileSync(path.join(dir, 'main.tf'), path.join(large, 'main.tf'));
    const module = (n: number): string => path.join(large, 'modules', `m${Math.floor(n / 10)}`);
    for (let n = 0; n < 498; n++) {
      fs.mkdirSync(module(n), { recursive: true });
      fs.writeFileSync(path.join(module(n), `v${n}.tf`), `variable "v${n}" {}\n`);
    }
    // main.tf and 498 others: 499 files listed.
    expect(flagsSet(large, ['main.tf']).flags).toEqual([]);
    fs.writeFileSync(path.join(module(498), 'v498.tf'), 'variable "v498" {}\n');
    const long = flagsSet(large, ['main.tf']);
    expect(long.flags).toEqual(jitFlagsFor(process.versions.v8, []));
    expect(JSON.parse(long.stdout).findings).toEqual(JSON.parse(flagsSet(dir, ['main.tf']).stdout).findings);
  });

  it('a flag the user gave node stays the user’s', () => {
    const { flags } = flagsSet(dir, ['.'], ['--interrupt-budget=100000']);
    expect(flags).toEqual(jitFlagsFor(process.versions.v8, ['--interrupt-budget=100000']));
    expect(flags).not.toContain('--interrupt-budget=400000');
  });
});
