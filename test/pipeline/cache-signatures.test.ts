/**
 * Adversarial checks of `--cache`'s signatures (src/core/host.ts `Host.signature`,
 * src/pipeline/cache.ts): a warm run gives the same bytes as a run without the cache, whatever
 * changed between the runs in a way a file's signature alone does not show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/api.js';
import { allReports, readCache, settle, tempDirs, writeCache } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-cache-sig-');
const reports = allReports;

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

/** Files by path from the root; null removes one. */
type Files = Record<string, string | null>;
function apply(root: string, files: Files): void {
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) fs.rmSync(path.join(root, rel), { force: true });
    else write(root, { [rel]: text });
  }
}

/**
 * Writes `initial`, lints with the cache, then applies each step and checks that a warm run
 * gives what a run without the cache gives, on one thread and on two; each step must change
 * the output (the case is not vacuous).
 */
async function sameAsWithout(initial: Files, steps: Files[], extra: (root: string) => Partial<LintOptions> = () => ({})): Promise<void> {
  for (const concurrency of [1, 2]) {
    const root = tempDir();
    const cacheLocation = path.join(tempDir(), 'c.json');
    const opts = (cache: boolean): LintOptions => base(root, { concurrency, ...extra(root), ...(cache ? { cache: true, cacheLocation, cacheFreshMs: 0 } : {}) });
    apply(root, initial);
    await settle();
    let before = reports(await lint(opts(true)), root);
    for (const step of steps) {
      apply(root, step);
      await settle();
      const plain = reports(await lint(opts(false)), root);
      expect(plain, 'the step changes the output').not.toBe(before);
      expect(reports(await lint(opts(true)), root), `${JSON.stringify(Object.keys(step))}, concurrency ${concurrency}`).toBe(plain);
      before = plain;
    }
  }
}

/**
 * Runs over one unchanged tree with other options each time (`runs`) and one cache: each warm
 * run gives what the run without the cache gives, and the options change the output somewhere
 * (the case is not vacuous).
 */
async function sameAsWithoutAcrossRuns(root: string, runs: Partial<LintOptions>[]): Promise<void> {
  await settle();
  const cacheLocation = path.join(tempDir(), 'c.json');
  const opts = (extra: Partial<LintOptions>, cache: boolean): LintOptions => base(root, { ...extra, ...(cache ? { cache: true, cacheLocation, cacheFreshMs: 0 } : {}) });
  const outputs = new Set<string>();
  for (const extra of runs) {
    const plain = reports(await lint(opts(extra, false)), root);
    outputs.add(plain);
    expect(reports(await lint(opts(extra, true)), root), JSON.stringify(extra)).toBe(plain);
  }
  expect(outputs.size).toBeGreaterThan(1);
}

const KV = (purge: string): string =>
  `param purge bool = false\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: {\n      family: 'A'\n      name: 'standard'\n    }\n    enablePurgeProtection: ${purge}\n  }\n}\n`;
const TWIN = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'bicep', version: '0.30.23.60470' } },
    parameters: { purge: { type: 'bool', defaultValue: false } },
    resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv', location: 'westeurope', properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' }, enablePurgeProtection: "[parameters('purge')]" } }],
  },
  null,
  2,
);
const PARAMS = (parameters: Record<string, unknown>): string =>
  JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters }, null, 2);

const base = (root: string, extra: Partial<LintOptions> = {}): LintOptions => ({ paths: [root], root, noConfig: true, today: '2026-12-01', ...extra });

describe('--cache: a warm run is the run without the cache', () => {
  it('classification by content depends on the path from the root: the same file under another root is classified afresh', async () => {
    const top = tempDir();
    // A workflow by its place only (`.github/workflows/`): no `on:`, so its content alone says nothing.
    write(top, {
      '.github/workflows/deploy.yml': 'name: deploy\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az storage account create --name st --resource-group rg --allow-blob-public-access true\n',
    });
    await settle();
    const cacheLocation = path.join(tempDir(), 'c.json');
    const gh = path.join(top, '.github');
    const cached = (root: string): LintOptions => base(root, { cache: true, cacheLocation, cacheFreshMs: 0 });
    const first = await lint(cached(top));
    expect(first.files).toEqual(['.github/workflows/deploy.yml']);
    // The same cache, the folder below as the root: the file is no workflow by its path there.
    const plain = await lint(base(gh));
    expect(reports(await lint(cached(gh)), gh)).toBe(reports(plain, gh));
    // And back.
    expect(reports(await lint(cached(top)), top)).toBe(reports(await lint(base(top)), top));
  });

  it('a Bicep unit: a parameter file added beside its source (the stand-in main.json pairs it) is read, and one removed is not', async () => {
    await sameAsWithout({ 'main.bicep': KV('purge') }, [{ 'main.parameters.json': PARAMS({ purge: { value: true } }) }, { 'main.parameters.json': null }]);
  });

  it('a Bicep unit: a compiled twin added beside a source that does not parse is linted in its place, and the source\'s PARSE001 goes', async () => {
    await sameAsWithout({ 'main.bicep': `${KV('purge')}}\n` }, [{ 'main.json': TWIN }, { 'main.json': TWIN.replace('"bicep"', '"hand-written"') }, { 'main.json': null }]);
  });

  it('a .bicepparam naming an ARM template: one added elsewhere, the template edited, and the .bicepparam files removed are linted again', async () => {
    const template = (purge: string): string =>
      `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "purge": { "type": "bool", "defaultValue": ${purge} } },\n  "resources": [\n    {\n      "type": "Microsoft.KeyVault/vaults",\n      "apiVersion": "2023-07-01",\n      "name": "kv",\n      "location": "westeurope",\n      "properties": { "enableRbacAuthorization": true, "enablePurgeProtection": "[parameters('purge')]" }\n    }\n  ]\n}\n`;
    // Alone, the template's default is a finding (ARM, unknown env); a .bicepparam elsewhere that
    // names it takes its evaluation over (the ARM unit's files are unchanged); its edits reach the Bicep unit.
    await sameAsWithout({ 'infra/azuredeploy.json': template('false') }, [
      { 'params/dev.bicepparam': "using '../infra/azuredeploy.json'\n" },
      { 'infra/prod.bicepparam': "using './azuredeploy.json'\n" },
      { 'infra/azuredeploy.json': template('true') },
      { 'infra/azuredeploy.json': template('false') },
      { 'params/dev.bicepparam': null, 'infra/prod.bicepparam': null },
    ]);
  });

  it('an ARM template a .bicep file declares as a module: a caller added elsewhere, its argument edited, and the caller removed are linted again', async () => {
    const template = `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "purge": { "type": "bool", "defaultValue": false } },\n  "resources": [\n    {\n      "type": "Microsoft.KeyVault/vaults",\n      "apiVersion": "2023-07-01",\n      "name": "kv",\n      "location": "westeurope",\n      "properties": { "enableRbacAuthorization": true, "enablePurgeProtection": "[parameters('purge')]" }\n    }\n  ]\n}\n`;
    const caller = (purge: string): string => `module kv '../modules/kv.json' = {\n  name: 'kv'\n  params: { purge: ${purge} }\n}\n`;
    await sameAsWithout({ 'modules/kv.json': template }, [{ 'app/main.bicep': caller('true') }, { 'app/main.bicep': caller('false') }, { 'app/main.bicep': null }]);
  });

  it('a lone ARM parameter file: a .bicep added beside it takes its values (its SEC001 goes), removed it gives them back', async () => {
    await sameAsWithout({ 'main.parameters.json': PARAMS({ adminPassword: { value: 'P@ssw0rd-literal-123' } }) }, [{ 'main.bicep': "param adminPassword string\noutput x string = 'a'\n" }, { 'main.bicep': null }]);
  });

  it('a unit under another root: an `az ml … --file` path is looked for from the root, so the same cache with another root lints the unit again', async () => {
    const top = tempDir();
    write(top, {
      'app/.github/workflows/train.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml compute create --file ml/compute.yml --resource-group rg --workspace-name ws\n',
      'app/ml/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu\ntype: amlcompute\nsize: Standard_DS3_v2\nmin_instances: 0\nmax_instances: 4\nidle_time_before_scale_down: 120\nssh_public_access_enabled: true\n',
    });
    await settle();
    const cacheLocation = path.join(tempDir(), 'c.json');
    const app = path.join(top, 'app');
    const opts = (root: string, cache: boolean): LintOptions => base(root, { paths: [app], ...(cache ? { cache: true, cacheLocation, cacheFreshMs: 0 } : {}) });
    const fromTop = await lint(opts(top, true));
    expect(reports(fromTop, top)).toBe(reports(await lint(opts(top, false)), top));
    const plain = await lint(opts(app, false));
    // From `app` the file is found: the run says something else than from the folder above.
    expect(reports(plain, app)).not.toBe(reports(fromTop, app));
    expect(reports(await lint(opts(app, true)), app)).toBe(reports(plain, app));
  });

  it('a CI unit whose `az ml … --file` names a file no front end of the run claims reports that file\'s problems itself: a run of other families or paths, with the same cache, lints it again', async () => {
    const root = tempDir();
    write(root, {
      '.github/workflows/train.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ml compute create --file ml/compute.yml --resource-group rg --workspace-name ws\n',
      // Azure ML YAML that does not parse: the Azure ML front end claims it (and reports its PARSE001).
      'ml/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: cpu\ntype: amlcompute\nsize: [Standard_DS3_v2\n',
    });
    await sameAsWithoutAcrossRuns(root, [{}, { families: ['ci'] }, {}, { paths: [path.join(root, '.github')] }, {}]);
  });

  it('a plan unit reports the syntax errors of the .tf files it maps to that the Terraform front end does not lint: a run that leaves the .tf files out, with the same cache, lints it again', async () => {
    const root = tempDir();
    write(root, {
      // The plan maps its resource to main.tf, whose second block does not parse.
      'main.tf': 'resource "azurerm_storage_account" "st" {\n  name = "st"\n}\n\nresource "x" "y" {\n',
      'tfplan.json': JSON.stringify({
        format_version: '1.2',
        terraform_version: '1.9.0',
        planned_values: { root_module: { resources: [{ address: 'azurerm_storage_account.st', mode: 'managed', type: 'azurerm_storage_account', name: 'st', values: { name: 'st', allow_nested_items_to_be_public: true } }] } },
        resource_changes: [],
      }),
    });
    await sameAsWithoutAcrossRuns(root, [{}, { ignorePatterns: ['*.tf'] }, {}]);
  });

  // Planning's answers kept per file (`fileFact`): each changes with the file, and the warm run follows.
  const ST = (ref: string): string =>
    `resource "azurerm_storage_account" "st" {\n  name = "st"\n  resource_group_name = "rg"\n  location = "westeurope"\n  account_tier = "Standard"\n  account_replication_type = "LRS"\n  allow_nested_items_to_be_public = ${ref}\n}\n`;
  const CALL = (source: string): string => `module "st" {\n  source = "${source}"\n  public = true\n}\n`;
  const WORKFLOW = (step: string): string => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${step}\n        env:\n          PUBLIC: "true"\n`;
  const AZ = 'az storage account create --name st --resource-group rg --allow-blob-public-access $PUBLIC\n';
  const CALLED = (step: string): string => `on:\n  workflow_call:\n    inputs:\n      public:\n        type: boolean\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${step}\n`;
  const CALLER = (ref: string): string => `on: push\njobs:\n  a:\n    uses: ./.github/workflows/${ref}\n    with:\n      public: true\n`;
  const AZ_INPUT = 'az storage account create --name st --resource-group rg --allow-blob-public-access ${{ inputs.public }}';

  it('holds: a .tf whose local module source changes, and a file added to and removed from the called module outside the scanned paths', async () => {
    await sameAsWithout(
      { 'infra/main.tf': CALL('../modules/a'), 'modules/a/main.tf': `variable "public" {}\n${ST('var.public')}`, 'modules/b/main.tf': 'variable "public" {}\n' },
      [{ 'infra/main.tf': CALL('../modules/b') }, { 'modules/b/extra.tf': ST('var.public') }, { 'modules/b/extra.tf': null }],
      (root) => ({ paths: [path.join(root, 'infra')] }),
    );
  });

  it('holds: a CI file whose script reference or `uses:` changes', async () => {
    await sameAsWithout({ '.github/workflows/d.yml': WORKFLOW('bash scripts/deploy.sh'), 'scripts/deploy.sh': AZ, 'scripts/other.sh': 'echo hi\n' }, [
      { '.github/workflows/d.yml': WORKFLOW('bash scripts/other.sh') },
      { 'scripts/other.sh': AZ },
    ]);
    await sameAsWithout({ '.github/workflows/d.yml': CALLER('r1.yml'), '.github/workflows/r1.yml': CALLED(AZ_INPUT), '.github/workflows/r2.yml': CALLED('echo ${{ inputs.public }}') }, [
      { '.github/workflows/d.yml': CALLER('r2.yml') },
      { '.github/workflows/r2.yml': CALLED(AZ_INPUT) },
    ]);
  });

  it('holds: an ARM template linked by relativePath: the link edited to another file, the linked file edited, the link removed', async () => {
    const linking = (to: string): string =>
      `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "l", "properties": {"mode": "Incremental", "templateLink": {"relativePath": "${to}"}, "parameters": {"tls": {"value": "TLS1_0"}}}}]}\n`;
    const linked = (name: string, tls = '"[parameters(\'tls\')]"'): string =>
      `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": {"tls": {"type": "string", "defaultValue": "TLS1_2"}}, "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "${name}", "location": "westeurope", "properties": {"minimumTlsVersion": ${tls}}}]}\n`;
    await sameAsWithout({ 'main.json': linking('nested/a.json'), 'nested/a.json': linked('sta'), 'nested/b.json': linked('stb') }, [
      { 'main.json': linking('nested/b.json') },
      { 'nested/b.json': linked('stb', '"TLS1_1"') },
      { 'nested/b.json': linked('stb') },
      { 'main.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}\n' },
    ]);
  });

  it('holds: a .json that turns from an ARM template into a parameter file and into a Terraform plan; files that turn binary', async () => {
    const plan = JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.9.0',
      planned_values: { root_module: { resources: [{ address: 'azurerm_storage_account.st', mode: 'managed', type: 'azurerm_storage_account', name: 'st', values: { name: 'st', allow_nested_items_to_be_public: true } }] } },
      resource_changes: [],
    });
    await sameAsWithout({ 'a.json': TWIN }, [{ 'a.json': PARAMS({ purge: { value: true } }) }, { 'a.json': plan }, { 'a.json': TWIN }]);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: true\n';
    await sameAsWithout({ 'main.tf': ST('true'), 'k.yaml': pod }, [{ 'main.tf': ST('true').replace('\n  name', '\n\u0000 name'), 'k.yaml': pod.replace('\n  name', '\n\u0000 name') }, { 'main.tf': ST('false'), 'k.yaml': pod.replace('true', 'false') }]);
  });

  it('holds: a cache file hand-edited into wrong shapes is ignored with one warning (deps indexes out of range, negative, not integers; files records of the wrong arity or types) and rewritten; answers of the wrong shape are asked afresh', async () => {
    const root = tempDir();
    write(root, { 'main.tf': CALL('./mod'), 'mod/main.tf': `variable "public" {}\n${ST('var.public')}`, 'a.json': TWIN });
    await settle();
    const cacheLocation = path.join(tempDir(), 'c.json');
    const opts = (cache: boolean): LintOptions => base(root, cache ? { cache: true, cacheLocation, cacheFreshMs: 0 } : {});
    const plain = reports(await lint(opts(false)), root);
    await lint(opts(true));
    type Edit = (c: { deps: unknown[][]; entries: Record<string, { deps: unknown[] }>; files: Record<string, unknown[]> }) => void;
    const firstEntry = (c: Parameters<Edit>[0]) => Object.values(c.entries)[0]!;
    const firstFile = (c: Parameters<Edit>[0]) => Object.keys(c.files)[0]!;
    const corrupt: Edit[] = [
      (c) => (firstEntry(c).deps[0] = 1.5),
      (c) => (firstEntry(c).deps[0] = -1),
      (c) => (firstEntry(c).deps[0] = '0'),
      (c) => (firstEntry(c).deps[0] = c.deps.length),
      (c) => (c.deps[0] = c.deps[0]!.slice(0, 2)),
      (c) => (c.files[firstFile(c)] = c.files[firstFile(c)]!.slice(0, 2)),
      (c) => (c.files[firstFile(c)]![1] = 5),
      (c) => (c.files[firstFile(c)]![2] = []),
    ];
    const wrongAnswers: Edit = (c) => {
      for (const rec of Object.values(c.files)) for (const name of Object.keys(rec[2] as object)) (rec[2] as Record<string, unknown>)[name] = { x: 1 };
    };
    for (const edit of [...corrupt, wrongAnswers]) {
      // The file as the last run left it, edited and signed again (its checksum holds: the shapes are what is wrong).
      const c = readCache(cacheLocation) as unknown as Parameters<Edit>[0];
      edit(c);
      writeCache(cacheLocation, c as unknown as Parameters<typeof writeCache>[1]);
      const r = await lint(opts(true));
      expect(reports(r, root), edit.toString()).toBe(plain);
      expect(r.notices.filter((n) => /cache/.test(n)), edit.toString()).toHaveLength(edit === wrongAnswers ? 0 : 1);
      // Rewritten: the next run reads it without a word.
      const again = await lint(opts(true));
      expect(again.notices.filter((n) => /cache/.test(n))).toEqual([]);
      expect(reports(again, root)).toBe(plain);
    }
  });
});
