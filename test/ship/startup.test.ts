/**
 * Start-up (issue 15, item 3): a run loads the code of the formats present in it, and of the
 * features it uses, and nothing else. A fresh build's CLI runs with a module-loader hook
 * (`module.register`) that writes down every file of the build it loads; the esbuild path
 * comments (`// src/eval/bicep/…`, `// node_modules/yaml/…`) inside those files say what
 * code they hold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The source paths (`src/…`, `node_modules/<pkg>/…`) of the code a CLI run loads, from the build's path comments. */
function loadedSources(args: string[], cwd: string): string[] {
  const record = path.join(work, `loads-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(record, '');
  const p = run(process.execPath, ['--import', path.join(work, 'register.mjs'), path.join(dist, 'cli.js'), ...args], { cwd, env: { ...process.env, MIL_LOADS: record } });
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
    const out = run(process.execPath, [path.join(dist, 'cli.js'), 'main.tf', '--rule', 'GOV002', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    expect(out.stdout).toContain('Deny public workspaces');
  });
});
