/**
 * The npm package as users get it: `npm pack` (which runs prepack: bundles + type
 * declarations, and takes `prepare` out of the packed manifest), then `npm install --offline`
 * of the tarball into an empty folder, then `npx mlops-iac-lint`, the programmatic API and
 * its types. No network: the install is offline (the bundles have every runtime dependency
 * inlined). Skipped loudly without npm.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasCommand, run, tempDir, warnSkip } from './helpers.js';

const npmAvailable = hasCommand('npm');
if (!npmAvailable) warnSkip('npm package test', 'npm is not installed.', 'Install npm (it comes with Node.js).');

const MAIN_TF = `resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = "Standard_NC4as_T4_v3"
  auto_scaling_enabled  = true
  min_count             = 0
  max_count             = 2
  tags                  = { "cost-center" = "ml" }
}
`;

interface PackResult {
  filename: string;
  files: { path: string }[];
}

describe.skipIf(!npmAvailable)('npm package', () => {
  let packed: PackResult;
  let tarball: string;
  let stage: string;
  let manifestBefore: string;
  let installOutput: string;
  let consumer: string;
  let fixture: string;
  const env = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

  beforeAll(() => {
    const base = tempDir('pack');
    // A clean copy of what a checkout holds (no dist/, no stray files), with the repository's
    // node_modules linked for the build tools.
    stage = path.join(base, 'stage');
    fs.mkdirSync(stage);
    // examples/: the build's code-cache sample run lints one of them.
    for (const entry of ['package.json', '.npmrc', 'scripts', 'src', 'rules', 'examples', 'tsconfig.json', 'README.md', 'LICENSE', 'schema']) {
      const from = path.join(REPO_ROOT, entry);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
    manifestBefore = fs.readFileSync(path.join(stage, 'package.json'), 'utf8');
    const packDir = path.join(base, 'packed');
    fs.mkdirSync(packDir);
    const p = run('npm', ['pack', '--json', '--foreground-scripts=false', '--pack-destination', packDir], { cwd: stage, env });
    if (p.status !== 0) throw new Error(`npm pack failed:\n${p.stderr}`);
    packed = (JSON.parse(p.stdout) as PackResult[])[0]!;
    tarball = path.join(packDir, packed.filename);

    consumer = path.join(base, 'consumer');
    fs.mkdirSync(consumer);
    fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const i = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: consumer, env });
    if (i.status !== 0) throw new Error(`npm install --offline of the tarball failed:\n${i.stderr}`);
    installOutput = i.stdout + i.stderr;

    fixture = path.join(base, 'fixture');
    fs.mkdirSync(fixture);
    fs.writeFileSync(path.join(fixture, 'main.tf'), MAIN_TF);
  });

  it('packs only what runs', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ['package.json', 'dist/cli.cjs', 'dist/cli.js', 'dist/cli-main.js', 'dist/cli-bundle.cjs', 'dist/cli-bundle.cache', 'dist/api.js', 'dist/worker.js', 'dist/api.d.ts', 'dist/types/src/api.d.ts', 'rules/aks/AKS001-gpu-node-pool-without-taint.md']) {
      expect(files).toContain(f);
    }
    const unexpected = files.filter(
      (f) =>
        !/^(package\.json|README\.md|LICENSE|dist\/(cli|cli-main|api|worker)\.js|dist\/cli\.cjs|dist\/cli-bundle\.(cjs|cache)|dist\/chunks\/([\w-]+\.js|re2js\.cjs)|dist\/api\.d\.ts|dist\/types\/.+\.d\.ts|rules\/.+\.md|schema\/.+)$/.test(f),
    );
    expect(unexpected).toEqual([]);
    expect(files).not.toContain('dist/action.js');
    // The code-split chunks the entries import (a missing one fails only when first loaded).
    const imported = [...fs.readFileSync(path.join(consumer, 'node_modules/mlops-iac-lint/dist/cli-main.js'), 'utf8').matchAll(/["']\.\/(chunks\/[\w-]+\.js)["']/g)];
    expect(imported.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith('dist/chunks/')).length).toBeGreaterThan(1);
    for (const m of imported) expect(files).toContain(`dist/${m[1]}`);
  });

  it('publishes no install-time script: no prepare in the packed manifest, no npm warning', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(consumer, 'node_modules/mlops-iac-lint/package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const script of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts?.[script], script).toBeUndefined();
    // npm 11: "install scripts not yet covered by allowScripts: mlops-iac-lint (prepare: …)".
    expect(installOutput).not.toMatch(/install-scripts|prepare/);
    // The checkout keeps its prepare (a fresh clone's `npm install` builds with it), byte for byte.
    expect(fs.readFileSync(path.join(stage, 'package.json'), 'utf8')).toBe(manifestBefore);
    expect((JSON.parse(manifestBefore) as { scripts: Record<string, string> }).scripts.prepare).toBe('node scripts/build.mjs');
  });

  it('npm publish from the folder sends a manifest without prepare and restores package.json after', () => {
    // A `publish` script runs after npm has re-read package.json for the registry: it records
    // what npm sends. --dry-run stops short of the registry (and still runs postpublish).
    const copy = path.join(path.dirname(stage), 'publish-stage');
    fs.cpSync(stage, copy, { recursive: true, verbatimSymlinks: true });
    const pkgFile = path.join(copy, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { scripts: Record<string, string> };
    const seen = path.join(path.dirname(stage), 'at-publish.json');
    pkg.scripts.publish = `node -e "require('fs').copyFileSync('package.json', ${JSON.stringify(seen).replace(/"/g, "'")})"`;
    const before = JSON.stringify(pkg, null, 2) + '\n';
    fs.writeFileSync(pkgFile, before);
    const p = run('npm', ['publish', '--dry-run', '--registry', 'http://127.0.0.1:9/'], { cwd: copy, env });
    expect(p.status, p.stderr).toBe(0);
    const sent = JSON.parse(fs.readFileSync(seen, 'utf8')) as { scripts: Record<string, string> };
    expect(sent.scripts.prepare).toBeUndefined();
    expect(sent.scripts.build).toBe('node scripts/build.mjs');
    expect(fs.readFileSync(pkgFile, 'utf8')).toBe(before);
  });

  it('installs offline and has no runtime dependency left to fetch', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(consumer, 'node_modules/mlops-iac-lint/package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe('>=20');
    // The bundles import only node: built-ins and their own chunks, statically or through import().
    const dist = path.join(consumer, 'node_modules/mlops-iac-lint/dist');
    const bundles = ['cli.js', 'cli-main.js', 'api.js', ...fs.readdirSync(path.join(dist, 'chunks')).map((f) => `chunks/${f}`)];
    for (const b of bundles) {
      const text = fs.readFileSync(path.join(dist, b), 'utf8');
      const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
      expect(specifiers.length, b).toBeGreaterThan(0);
      const bare = specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('./') && !s.startsWith('../'));
      expect(bare, b).toEqual([]);
    }
    // The code-cached bundle of the CLI (one script): it requires only built-ins and the RE2 file
    // beside the chunks (a require( inside a string is ajv's generated code, not a call).
    const required = [...fs.readFileSync(path.join(dist, 'cli-bundle.cjs'), 'latin1').matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && s !== './chunks/re2js.cjs')).toEqual([]);
  });

  it('npx mlops-iac-lint lints a folder: output and exit code', () => {
    const p = run('npx', ['--offline', '--no-install', 'mlops-iac-lint', fixture], { cwd: consumer, env });
    expect(p.stderr).not.toMatch(/internal error/);
    expect(p.status).toBe(1);
    expect(p.stdout).toContain('main.tf');
    expect(p.stdout).toMatch(/1:1\s+error\s+.*AKS001/);
    const clean = run('npx', ['--offline', '--no-install', 'mlops-iac-lint', '--rule', 'ST001', fixture], { cwd: consumer, env });
    expect(clean.status).toBe(0);
    const bad = run('npx', ['--offline', '--no-install', 'mlops-iac-lint', '--format', 'nope'], { cwd: consumer, env });
    expect(bad.status).toBe(2);
  });

  it('the installed bin, run by its npm shim, uses the V8 code cache packed beside it (packed on this Node.js)', () => {
    const plain: NodeJS.ProcessEnv = { ...env, MLOPS_IAC_LINT_CODE_CACHE: 'report' };
    delete plain.NODE_OPTIONS;
    const cached = run(path.join(consumer, 'node_modules/.bin/mlops-iac-lint'), [fixture, '--format', 'json'], { cwd: consumer, env: plain });
    expect(cached.stderr).toBe('mlops-iac-lint: code cache: used\n');
    const without = run(path.join(consumer, 'node_modules/.bin/mlops-iac-lint'), [fixture, '--format', 'json'], { cwd: consumer, env: { ...plain, MLOPS_IAC_LINT_CODE_CACHE: 'off' } });
    expect(cached.stdout).toContain('"AKS001"');
    expect(cached.stdout).toBe(without.stdout);
  });

  it('reads a config file (ajv, fast-glob and the front ends are chunks loaded on demand)', () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(consumer), 'with-config-'));
    fs.writeFileSync(path.join(dir, 'main.tf'), MAIN_TF);
    const cli = path.join(consumer, 'node_modules/mlops-iac-lint/dist/cli.js');
    const lintIn = (args: string[]): ReturnType<typeof run> => run(process.execPath, [cli, ...args], { cwd: dir, env });
    const on = lintIn(['--format', 'json', 'main.tf']);
    expect(on.stdout).toContain('"AKS001"');
    // A Terraform regex function: the RE2 engine is a file of its own (dist/chunks/re2js.cjs), required on first use.
    fs.writeFileSync(path.join(dir, 'kv.tf'), 'resource "azurerm_key_vault" "kv" {\n  name = replace("kv_regex_ok", "/_/", "-")\n  purge_protection_enabled = false\n}\n');
    const re = lintIn(['--format', 'json', 'kv.tf']);
    expect(re.stderr).toBe('');
    expect(re.stdout).toContain('Key Vault \\"kv-regex-ok\\"');
    fs.rmSync(path.join(dir, 'kv.tf'));
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint.json'), '{ "rules": { "AKS001": "off" } }');
    const off = lintIn(['--format', 'json', 'main.tf']);
    expect(off.stderr).toBe('');
    expect(off.status).toBe(0);
    expect(off.stdout).not.toContain('"AKS001"');
    // A glob argument (fast-glob) and a schema violation (ajv): a usage error with its position.
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint.json'), '{ "bogus": 1 }');
    const bad = lintIn(['*.tf']);
    expect(bad.stderr).not.toMatch(/internal error/);
    expect(bad.stderr).toContain(".mlops-iac-lint.json:1:3: unknown property 'bogus'");
    expect(bad.status).toBe(2);
  });

  it('--version and --explain (rule docs read from the package root)', () => {
    const v = run('npx', ['--offline', '--no-install', 'mlops-iac-lint', '--version'], { cwd: consumer, env });
    expect(v.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'rules/aks/AKS001-gpu-node-pool-without-taint.md'), 'utf8');
    const line = doc.split('\n').find((l) => l.length > 40 && !/^[#`|>-]/.test(l) && !/[`*_[\]]/.test(l))!;
    const e = run('npx', ['--offline', '--no-install', 'mlops-iac-lint', '--explain', 'AKS001'], { cwd: consumer, env });
    expect(e.status).toBe(0);
    expect(e.stdout).toContain(line.trim());
  });

  it('exports lint() for `import { lint } from "mlops-iac-lint"`', () => {
    const script = `import { lint } from 'mlops-iac-lint';
const r = await lint({ paths: [${JSON.stringify(fixture)}] });
console.log(JSON.stringify(r.findings.map((f) => f.ruleId)));`;
    const p = run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, env });
    expect(p.stderr).toBe('');
    expect(JSON.parse(p.stdout)).toContain('AKS001');
  });

  it('ships type declarations that type-check a consumer', () => {
    fs.writeFileSync(
      path.join(consumer, 'consumer.ts'),
      `import { lint, type LintOptions, type LintResult, type Finding, type Level } from 'mlops-iac-lint';
const options: LintOptions = { paths: ['.'], env: 'prod', onlyFiles: ['main.tf'] };
const result: LintResult = await lint(options);
const first: Finding | undefined = result.findings[0];
const level: Level | undefined = first?.level;
export { level };
`,
    );
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const p = run(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022',
        '--typeRoots', path.join(REPO_ROOT, 'node_modules/@types'), '--types', 'node', 'consumer.ts'],
      { cwd: consumer, env },
    );
    expect(p.stdout + p.stderr).toBe('');
    expect(p.status).toBe(0);
  });
});
