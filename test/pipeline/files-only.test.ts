/**
 * Files-only runs (the pre-commit case, `onlyFiles`): only the units that can place or change a
 * finding in the given files run (`unitsForFiles`), and the given files' findings are the same
 * as a run over their whole folder reports for them — also those that come from a caller in a
 * subfolder (an example calling the module with `../..`) and from a var file in a subfolder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { FRONT_ENDS } from '../../src/frontends/index.js';
import type { FrontEnd } from '../../src/frontends/types.js';
import { defineRule, registerRules } from '../../src/engine/define-rule.js';
import type { Rule } from '../../src/engine/types.js';
import { ALL_RULES } from '../../rules/index.js';
import type { LintResult } from '../../src/engine/result.js';

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

const WORKSPACE = (publicAccess: string, name = 'ws'): string => `resource "azurerm_machine_learning_workspace" "${name}" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = ${publicAccess}
  identity {
    type = "SystemAssigned"
  }
}
`;

/** A Key Vault whose purge protection is the `purge` param, with the given default. */
const KEY_VAULT_BICEP = (purgeDefault: string): string =>
  [
    `param purge bool = ${purgeDefault}`,
    "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {",
    "  name: 'kv'",
    "  location: 'westeurope'",
    '  properties: {',
    '    enableRbacAuthorization: true',
    '    enablePurgeProtection: purge',
    '  }',
    '}',
    '',
  ].join('\n');

/** A Job that requests a GPU and tolerates nothing. */
const GPU_JOB = ['apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: train', 'spec:', '  template:', '    spec:', '      containers:', '        - name: train', '          image: trainer:1', '          resources:', '            limits:', '              nvidia.com/gpu: 1', '      restartPolicy: Never', ''].join('\n');

/** A GPU pool whose taint is not the configured default: only the Terraform unit knows it. */
const TRAINING_POOL_TF =
  'resource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"\n  vm_size               = "Standard_NC24ads_A100_v4"\n  node_taints           = ["workload=training:NoSchedule"]\n}\n';

/** A module whose finding depends on who calls it, a subfolder var file, an example calling it, and an unrelated module. */
function tree(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
  temps.push(root);
  write(root, {
    'main.tf': `variable "public" {\n  type    = bool\n  default = false\n}\n\n${WORKSPACE('var.public')}\n${WORKSPACE('true', 'always')}`,
    'outputs.tf': 'output "id" {\n  value = azurerm_machine_learning_workspace.ws.id\n}\n',
    'env/prod.tfvars': 'public = true\n',
    'examples/public/main.tf': 'module "ml" {\n  source = "../.."\n  public = true\n}\n',
    'other/main.tf': WORKSPACE('true'),
    'other/deeper/main.tf': WORKSPACE('true'),
  });
  return root;
}

/** The findings as comparable lines (everything a report prints of them). */
function lines(r: LintResult, file?: string): string[] {
  return r.findings.filter((f) => file === undefined || f.location.file === file).map((f) => JSON.stringify([f.ruleId, f.location, f.level, f.message, f.fingerprint, f.variants, f.suppression ?? null])).sort();
}

/** Runs lint and counts the units it ran (the 'linting' progress total). */
async function run(options: Parameters<typeof lint>[0]): Promise<{ result: LintResult; units: number }> {
  let units = 0;
  const result = await lint({ ...options, noConfig: true, onProgress: (phase, _done, total) => (phase === 'linting' ? (units = total) : undefined) });
  return { result, units };
}

/** A temporary repository (a `.git` folder at its top) holding `files`. */
function repository(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
  temps.push(root);
  write(root, { '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  return root;
}

/** The folder run and the files-only run of `file`: the latter reports what the former reports in `file`. */
async function sameAsFolderRun(root: string, file: string): Promise<{ folder: Awaited<ReturnType<typeof run>>; only: Awaited<ReturnType<typeof run>>; inFile: string[] }> {
  const folder = await run({ paths: [root], root });
  const only = await run({ paths: [file], onlyFiles: [file], root });
  const inFile = lines(folder.result, file);
  expect(lines(only.result)).toEqual(inFile);
  return { folder, only, inFile };
}

describe('files-only runs', () => {
  it('report the same findings for a file as a run over its folder, without running the units that cannot change them', async () => {
    const root = tree();
    const main = path.join(root, 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [main], onlyFiles: [main], root });
    const inMain = lines(folder.result, main);
    expect(inMain.length).toBe(1);
    expect(lines(only.result)).toEqual(inMain);
    expect(only.result.files).toEqual(['main.tf']);
    // The folder run has the unrelated modules' units too; the files-only run only the module with its example.
    expect(folder.units).toBe(3);
    expect(only.units).toBe(1);
  });

  it('an example calling the module: its finding, placed at the call, is the folder run\'s', async () => {
    const root = tree();
    const example = path.join(root, 'examples', 'public', 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [example], onlyFiles: [example], root });
    const inExample = lines(folder.result, example);
    // `public = true` reaches the module's workspace only through this call.
    expect(inExample).toHaveLength(1);
    expect(lines(only.result)).toEqual(inExample);
    expect(only.units).toBe(1);
  });

  it('a file of an unrelated subfolder module is reported as its folder run would', async () => {
    const root = tree();
    const deeper = path.join(root, 'other', 'deeper', 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [deeper], onlyFiles: [deeper], root });
    const inDeeper = lines(folder.result, deeper);
    expect(inDeeper.length).toBeGreaterThan(0);
    expect(lines(only.result)).toEqual(inDeeper);
    expect(only.units).toBe(1);
  });

  it('an Azure ML YAML file run by an `az ml --file` command in a subfolder script is reported in the command\'s context, as in the folder run', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      'ml/compute.yml': 'type: amlcompute\nname: cpu-cluster\nmin_instances: 2\n',
      'ml/scripts/deploy.sh': 'az ml compute create -f ml/compute.yml\n',
      'ml/other/main.tf': WORKSPACE('true'),
    });
    const compute = path.join(root, 'ml', 'compute.yml');
    const folder = await run({ paths: [path.join(root, 'ml')], root });
    const only = await run({ paths: [compute], onlyFiles: [compute], root });
    const inCompute = folder.result.findings.filter((f) => f.location.file === compute);
    expect(inCompute.map((f) => f.address)).toEqual([expect.stringMatching(/^script: az ml compute create --file/)]);
    expect(lines(only.result)).toEqual(lines(folder.result, compute));
    // The script's unit runs (it evaluates the file); the Terraform module does not.
    expect([folder.units, only.units]).toEqual([3, 2]);
  });

  it('a Kubernetes manifest is judged against the GPU pools of its whole folder, as in the folder run', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      'k8s/job.yaml': GPU_JOB,
      'k8s/infra/main.tf': 'resource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"\n  vm_size               = "Standard_NC24ads_A100_v4"\n  node_taints           = ["sku=gpu:NoSchedule"]\n}\n',
    });
    const manifest = path.join(root, 'k8s', 'job.yaml');
    const folder = await run({ paths: [path.join(root, 'k8s')], root });
    const only = await run({ paths: [manifest], onlyFiles: [manifest], root });
    // The job tolerates no taint of the tainted GPU pool, which only the Terraform unit knows.
    expect(lines(folder.result, manifest).some((l) => l.includes('K8S001'))).toBe(true);
    expect(lines(only.result)).toEqual(lines(folder.result, manifest));
    expect(only.units).toBe(folder.units);
  });

  it('a JSON parameter file beside main.bicep (the azd layout) is reported as the folder run reports it: the .bicep unit that applies it runs', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      'infra/main.bicep': KEY_VAULT_BICEP('true'),
      'infra/main.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "purge": { "value": false }\n  }\n}\n',
      'other/main.tf': WORKSPACE('true'),
    });
    const params = path.join(root, 'infra', 'main.parameters.json');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [params], onlyFiles: [params], root });
    // The value `false` is applied to main.bicep by its unit (the Bicep front end); the file itself is the ARM front end's.
    expect(lines(folder.result, params).some((l) => l.includes('KV001'))).toBe(true);
    expect(lines(only.result)).toEqual(lines(folder.result, params));
    // The parameter file's own unit and the .bicep unit run; the Terraform module does not.
    expect([folder.units, only.units]).toEqual([3, 2]);
  });

  it('a module called from a root in another folder is reported as the folder run reports it: evaluated through its caller, not as a root with its defaults', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      // The module's default is public and it configures a provider (a root, if nothing called it).
      'modules/ml/main.tf': `variable "public" {\n  type    = bool\n  default = true\n}\n\nprovider "azurerm" {\n  features {}\n}\n\n${WORKSPACE('var.public')}`,
      // Its only caller, two folders away, makes it private; a second root calls the first.
      'envs/prod/main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nmodule "ml" {\n  source = "../../modules/ml"\n  public = false\n}\n',
      'other/main.tf': WORKSPACE('true'),
    });
    const module = path.join(root, 'modules', 'ml', 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [module], onlyFiles: [module], root });
    expect(lines(folder.result, module)).toEqual([]);
    // Before: AML001 at the default and TF001 for a "root" without a backend.
    expect(lines(only.result)).toEqual([]);
    // The caller's unit (the module with its caller) runs; the unrelated module does not.
    expect([folder.units, only.units]).toEqual([2, 1]);
  });

  it('a module called through another called module: every caller up to the root is walked', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'modules/ml/main.tf': `variable "public" {\n  type    = bool\n  default = true\n}\n\n${WORKSPACE('var.public')}`,
      'modules/platform/main.tf': 'variable "public" {\n  type = bool\n}\n\nmodule "ml" {\n  source = "../ml"\n  public = var.public\n}\n',
      'live/prod/main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nmodule "platform" {\n  source = "../../modules/platform"\n  public = true\n}\n',
    });
    const module = path.join(root, 'modules', 'ml', 'main.tf');
    const caller = path.join(root, 'live', 'prod', 'main.tf');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [module, caller], onlyFiles: [module, caller], root });
    // The value comes from live/prod through modules/platform: the finding is at that argument.
    expect(lines(folder.result, caller).some((l) => l.includes('AML001'))).toBe(true);
    expect(lines(only.result)).toEqual([...lines(folder.result, caller), ...lines(folder.result, module)].sort());
    // Given alone, the module is still evaluated through both callers: its public default is never used.
    expect(lines(folder.result, module)).toEqual([]);
    const moduleOnly = await run({ paths: [module], onlyFiles: [module], root });
    expect(lines(moduleOnly.result)).toEqual([]);
  });

  it('a Bicep module declared by a file in another folder, and a .bicepparam variant in a third: each given file is reported as the folder run reports it', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      // Alone, the module's default would be a finding (purge protection off).
      'infra/modules/kv.bicep': KEY_VAULT_BICEP('false'),
      'infra/main.bicep': "param purge bool = true\n\nmodule kv 'modules/kv.bicep' = {\n  name: 'kv'\n  params: {\n    purge: purge\n  }\n}\n",
      'params/prod.bicepparam': "using '../infra/main.bicep'\n\nparam purge = false\n",
      'other/main.tf': WORKSPACE('true'),
    });
    const module = path.join(root, 'infra', 'modules', 'kv.bicep');
    const params = path.join(root, 'params', 'prod.bicepparam');
    const main = path.join(root, 'infra', 'main.bicep');
    const folder = await run({ paths: [root], root });
    // The prod variant passes false: the finding is at the parameter file's value, none in the module.
    expect(lines(folder.result, params).some((l) => l.includes('KV001'))).toBe(true);
    expect(lines(folder.result, module)).toEqual([]);
    for (const given of [module, main, params]) {
      const only = await run({ paths: [given], onlyFiles: [given], root });
      expect(lines(only.result), path.relative(root, given)).toEqual(lines(folder.result, given));
    }
  });

  it('a var file in a subfolder without .tf files is applied to its module above, also when a CI file is given with a called module', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'platform/main.tf': `terraform {\n  backend "azurerm" {}\n}\n\nvariable "public" {\n  type    = bool\n  default = false\n}\n\nmodule "ml" {\n  source = "../modules/ml"\n  public = var.public\n}\n`,
      'platform/config/prod.tfvars': 'public = true\n',
      'modules/ml/main.tf': `variable "public" {\n  type    = bool\n  default = true\n}\n\nprovider "azurerm" {\n  features {}\n}\n\n${WORKSPACE('var.public')}`,
      '.github/workflows/plan.yml': 'on: push\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: terraform -chdir=platform plan\n',
    });
    const tfvars = path.join(root, 'platform', 'config', 'prod.tfvars');
    const module = path.join(root, 'modules', 'ml', 'main.tf');
    const workflow = path.join(root, '.github', 'workflows', 'plan.yml');
    const folder = await run({ paths: [root], root });
    // prod.tfvars makes the workspace public through the caller: the finding is at its value.
    expect(lines(folder.result, tfvars).some((l) => l.includes('AML001'))).toBe(true);
    expect(lines(folder.result, module)).toEqual([]);
    const onlyVars = await run({ paths: [tfvars], onlyFiles: [tfvars], root });
    expect(lines(onlyVars.result)).toEqual(lines(folder.result, tfvars));
    // A non-Terraform file given beside the module has no module of its own (it once hid the module's caller).
    const withCi = await run({ paths: [module, workflow], onlyFiles: [module, workflow], root });
    expect(lines(withCi.result)).toEqual([...lines(folder.result, module), ...lines(folder.result, workflow)].sort());
  });

  it('a template in templates/ and its parameter file in a sibling parameters/ folder: each given file is reported as the folder run reports it', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    const template = (p: string): string =>
      `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "purge": { "type": "bool", "defaultValue": ${p} } },\n  "resources": [\n    {\n      "type": "Microsoft.KeyVault/vaults",\n      "apiVersion": "2023-07-01",\n      "name": "kv",\n      "location": "westeurope",\n      "properties": { "tenantId": "t", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true, "enablePurgeProtection": "[parameters('purge')]" }\n    }\n  ]\n}\n`;
    write(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'infra/templates/kv.json': template('true'),
      'infra/parameters/kv.prod.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "purge": { "value": false }\n  }\n}\n',
      'other/main.tf': WORKSPACE('true'),
    });
    const params = path.join(root, 'infra', 'parameters', 'kv.prod.parameters.json');
    const tpl = path.join(root, 'infra', 'templates', 'kv.json');
    const folder = await run({ paths: [root], root });
    expect(lines(folder.result, params).some((l) => l.includes('KV001'))).toBe(true);
    for (const given of [params, tpl]) {
      const only = await run({ paths: [given], onlyFiles: [given], root });
      expect(lines(only.result), given).toEqual(lines(folder.result, given));
    }
  });

  it('a script and a composite action given without their callers: the workflow that runs them (its env:, its with: inputs) is walked, as the folder run reads it', async () => {
    const root = repository({
      '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      POOL_SIZE: Standard_NC6s_v3\n    steps:\n      - run: ./scripts/pool.sh\n      - uses: ./.github/actions/pool\n        with:\n          size: Standard_NC24ads_A100_v4\n',
      'scripts/pool.sh': '#!/bin/bash\naz aks nodepool add --resource-group rg --cluster-name aks --name gpu --node-vm-size "$POOL_SIZE"\n',
      '.github/actions/pool/action.yml': 'name: pool\ninputs:\n  size:\n    required: true\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: az aks nodepool add -g rg --cluster-name aks -n train --node-vm-size ${{ inputs.size }}\n',
      'other/main.tf': WORKSPACE('true'),
    });
    // Alone, the script's size is unknown ("$POOL_SIZE is not assigned") and the action's input has no value.
    const { inFile: inScript } = await sameAsFolderRun(root, path.join(root, 'scripts', 'pool.sh'));
    expect(inScript.some((l) => l.includes('TAG002') && l.includes('Standard_NC6s_v3'))).toBe(true);
    const { inFile: inAction } = await sameAsFolderRun(root, path.join(root, '.github', 'actions', 'pool', 'action.yml'));
    expect(inAction.some((l) => l.includes('AKS001') && l.includes('Standard_NC24ads_A100_v4'))).toBe(true);
  });

  it('a workflow given alone that runs a script or uses a local action: the files it calls are walked, so the findings they place in it (its env:, its with:) are the folder run\'s', async () => {
    const root = repository({
      '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      SIZE: Standard_D8s_v5\n    steps:\n      - run: ./scripts/pool.sh\n',
      'scripts/pool.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpupool --node-vm-size "$SIZE" --node-taints sku=gpu:NoSchedule\n',
      '.github/workflows/b.yml': 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/pool\n        with:\n          size: Standard_D8s_v5\n',
      '.github/actions/pool/action.yml': 'name: pool\ninputs:\n  size:\n    required: true\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: az aks nodepool add -g rg --cluster-name aks -n gpupool2 --node-vm-size "${{ inputs.size }}" --node-taints sku=gpu:NoSchedule\n',
    });
    const { inFile: inWorkflow } = await sameAsFolderRun(root, path.join(root, '.github', 'workflows', 'deploy.yml'));
    expect(inWorkflow.some((l) => l.includes('GPU001'))).toBe(true);
    const { inFile: inCaller } = await sameAsFolderRun(root, path.join(root, '.github', 'workflows', 'b.yml'));
    expect(inCaller.some((l) => l.includes('GPU001'))).toBe(true);
  });

  it('an ARM template linked by relativePath, given alone: the templates that link it are walked, so it is judged with what they pass, not with its defaults', async () => {
    const root = repository({
      'main.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "l", "properties": {"mode": "Incremental", "templateLink": {"relativePath": "nested/st.json"}, "parameters": {"tls": {"value": "TLS1_2"}, "pub": {"value": true}}}}]}\n',
      'nested/st.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": {"tls": {"type": "string", "defaultValue": "TLS1_0"}, "pub": {"type": "bool", "defaultValue": false}}, "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st", "location": "westeurope", "properties": {"minimumTlsVersion": "[parameters(\'tls\')]", "allowBlobPublicAccess": "[parameters(\'pub\')]"}}]}\n',
    });
    const { inFile } = await sameAsFolderRun(root, path.join(root, 'nested', 'st.json'));
    expect(inFile.some((l) => l.includes('ST002'))).toBe(false);
    expect(lines((await run({ paths: [root], root })).result).some((l) => l.includes('ST001'))).toBe(true);
  });

  it('an ARM template that links one in another folder (relativePath "../linked/…", a chain of three), given alone or with its caller: the linked templates are read, as in the folder run (audit 54)', async () => {
    const tpl = (resources: unknown[], parameters: Record<string, unknown> = {}): string => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters, resources }, null, 2);
    const link = (rel: string, size: string): unknown => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'l', properties: { mode: 'Incremental', templateLink: { relativePath: rel }, parameters: { gpuSize: { value: size } } } });
    const pool = { type: 'Microsoft.ContainerService/managedClusters/agentPools', apiVersion: '2024-02-01', name: 'aks1/gpupool', properties: { vmSize: "[parameters('gpuSize')]", count: 1 } };
    const root = repository({
      'a/top.json': tpl([link('../b/mid.json', 'Standard_NV6')]),
      'b/mid.json': tpl([link('../c/pool.json', "[parameters('gpuSize')]")], { gpuSize: { type: 'string' } }),
      'c/pool.json': tpl([pool], { gpuSize: { type: 'string' } }),
      'main/azuredeploy.json': tpl([link('../linked/pool.json', 'Standard_NC6s_v2')]),
      'linked/pool.json': tpl([pool], { gpuSize: { type: 'string' } }),
    });
    for (const given of [['main', 'azuredeploy.json'], ['a', 'top.json'], ['b', 'mid.json']]) {
      const { inFile } = await sameAsFolderRun(root, path.join(root, ...given));
      expect(inFile.some((l) => l.includes('EVAL001')), given.join('/')).toBe(false);
    }
    expect((await sameAsFolderRun(root, path.join(root, 'main', 'azuredeploy.json'))).inFile.some((l) => l.includes('GPU004'))).toBe(true);
  });

  it('an ARM parameter file written for a template in another folder (metadata.template), and that template, each given alone: paired as in the folder run', async () => {
    const root = repository({
      'x/t.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { admin: { type: 'bool', defaultValue: false } },
        resources: [
          { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-02-01', name: 'kv1', location: 'westeurope', properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' }, enablePurgeProtection: false, enableRbacAuthorization: true } },
          { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-01-01-preview', name: 'acr1', location: 'westeurope', sku: { name: 'Premium' }, properties: { adminUserEnabled: "[parameters('admin')]" } },
        ],
      }, null, 2),
      'y/p.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "metadata": { "template": "../x/t.json" },\n  "parameters": { "admin": { "value": true } }\n}\n',
    });
    const { inFile: inParameters } = await sameAsFolderRun(root, path.join(root, 'y', 'p.json'));
    expect(inParameters.some((l) => l.includes('ACR001'))).toBe(true);
    const { inFile: inTemplate } = await sameAsFolderRun(root, path.join(root, 'x', 't.json'));
    expect(inTemplate.some((l) => l.includes('KV001') && l.includes('../y/p.json'))).toBe(true);
  });

  it('a Terragrunt parent configuration (root.hcl) given alone: judged through the terragrunt.hcl files that include it, as in the folder run', async () => {
    const root = repository({
      'live/root.hcl': 'inputs = {\n  admin = true\n}\n',
      'live/prod/aks/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\nterraform {\n  source = "../../../modules//aks"\n}\n',
      'modules/aks/main.tf': 'terraform {\n  backend "azurerm" {}\n}\nvariable "admin" {}\nresource "azurerm_container_registry" "acr" {\n  name                = "acr"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  sku                 = "Premium"\n  admin_enabled       = var.admin\n}\n',
    });
    const { inFile } = await sameAsFolderRun(root, path.join(root, 'live', 'root.hcl'));
    expect(inFile.some((l) => l.includes('ACR001'))).toBe(true);
  });

  it('a .bicepparam base that others extend, given alone: judged through the files that extend it, as in the folder run', async () => {
    const root = repository({
      'bicep/main.bicep': "param admin bool = false\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrx'\n  location: 'westeurope'\n  sku: { name: 'Premium' }\n  properties: { adminUserEnabled: admin }\n}\n",
      'shared/base.bicepparam': 'using none\nparam admin = true\n',
      'envs/prod/main.bicepparam': "using '../../bicep/main.bicep'\nextends '../../shared/base.bicepparam'\n",
    });
    const { inFile } = await sameAsFolderRun(root, path.join(root, 'shared', 'base.bicepparam'));
    expect(inFile.some((l) => l.includes('ACR001'))).toBe(true);
  });

  it('an ARM template linked by a URL built on the linking template\'s own link (_artifactsLocation), given alone: judged with what the linking template passes', async () => {
    const root = repository({
      'main.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": {"_artifactsLocation": {"type": "string", "defaultValue": "[deployment().properties.templateLink.uri]"}}, "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "l", "properties": {"mode": "Incremental", "templateLink": {"uri": "[uri(parameters(\'_artifactsLocation\'), \'nested/st.json\')]"}, "parameters": {"tls": {"value": "TLS1_2"}}}}]}\n',
      'nested/st.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": {"tls": {"type": "string", "defaultValue": "TLS1_0"}}, "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st", "location": "westeurope", "properties": {"minimumTlsVersion": "[parameters(\'tls\')]"}}]}\n',
    });
    const { inFile } = await sameAsFolderRun(root, path.join(root, 'nested', 'st.json'));
    expect(inFile.some((l) => l.includes('ST002'))).toBe(false);
  });

  it('an ARM template linked by a URL built on the linking template\'s own link, which declares the _artifactsLocation the linking template passes it, given alone: judged with what the linking template passes', async () => {
    const root = repository({
      'main.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": {"_artifactsLocation": {"type": "string", "defaultValue": "[deployment().properties.templateLink.uri]"}}, "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "l", "properties": {"mode": "Incremental", "templateLink": {"uri": "[uri(parameters(\'_artifactsLocation\'), \'nested/st.json\')]"}, "parameters": {"tls": {"value": "TLS1_2"}, "_artifactsLocation": {"value": "[parameters(\'_artifactsLocation\')]"}}}}]}\n',
      'nested/st.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": {"_artifactsLocation": {"type": "string"}, "tls": {"type": "string", "defaultValue": "TLS1_0"}}, "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st", "location": "westeurope", "properties": {"minimumTlsVersion": "[parameters(\'tls\')]"}}]}\n',
    });
    const { inFile } = await sameAsFolderRun(root, path.join(root, 'nested', 'st.json'));
    expect(inFile.some((l) => l.includes('ST002'))).toBe(false);
  });

  it('looks for callers only inside the repository of the given files (the nearest folder with .git inside the scan root), else in the scan root', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    const MODULE = `variable "public" {\n  type    = bool\n  default = true\n}\n\n${WORKSPACE('var.public')}`;
    write(root, {
      'modules/ml/main.tf': MODULE,
      'envs/prod/main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nmodule "ml" {\n  source = "../../modules/ml"\n  public = false\n}\n',
    });
    const module = path.join(root, 'modules', 'ml', 'main.tf');
    // No .git: the scan root bounds the search, as it bounds a run over the root; the caller is found.
    const { only } = await sameAsFolderRun(root, module);
    expect(lines(only.result)).toEqual([]);
    // A repository inside the scan root (a parent folder run): its callers only, never another repository's.
    write(root, { 'proj/.git/HEAD': 'ref: refs/heads/main\n', 'proj/modules/ml/main.tf': MODULE, 'envs/dev/main.tf': 'module "ml" {\n  source = "../../proj/modules/ml"\n  public = false\n}\n' });
    const inProj = path.join(root, 'proj', 'modules', 'ml', 'main.tf');
    const alone = await run({ paths: [inProj], onlyFiles: [inProj], root });
    expect(lines(alone.result).some((l) => l.includes('AML001'))).toBe(true);
  });

  describe('without a repository in the scan root (no .git, or the current folder below the repository\'s top), a given file still gets the findings that come from other folders', () => {
    /** A temporary folder without .git. */
    const plain = (files: Record<string, string>): string => {
      const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
      temps.push(root);
      write(root, files);
      return root;
    };
    const ROOT_MODULE = `terraform {\n  backend "azurerm" {}\n}\n\nvariable "public" {\n  type    = bool\n  default = false\n}\n\n${WORKSPACE('var.public')}`;
    const KV_TEMPLATE = `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "purge": { "type": "bool", "defaultValue": true } },\n  "resources": [\n    {\n      "type": "Microsoft.KeyVault/vaults",\n      "apiVersion": "2023-07-01",\n      "name": "kv",\n      "location": "westeurope",\n      "properties": { "tenantId": "t", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true, "enablePurgeProtection": "[parameters('purge')]" }\n    }\n  ]\n}\n`;
    const KV_PARAMS = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "purge": { "value": false }\n  }\n}\n';

    it('a var file in environments/ below its root module (the layout of examples/mlops-platform)', async () => {
      const root = plain({ 'tf/main.tf': ROOT_MODULE, 'tf/environments/prod.tfvars': 'public = true\n' });
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'tf', 'environments', 'prod.tfvars'));
      expect(inFile.some((l) => l.includes('AML001'))).toBe(true);
    });

    it('the same with .git above the current folder (run from the root module): the scan root bounds the search', async () => {
      const top = repository({ 'tf/main.tf': ROOT_MODULE, 'tf/environments/prod.tfvars': 'public = true\n' });
      const root = path.join(top, 'tf');
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'environments', 'prod.tfvars'));
      expect(inFile.some((l) => l.includes('AML001'))).toBe(true);
    });

    it('an ARM parameter file in parameters/ below its template', async () => {
      const root = plain({ 'infra/arm/kv.json': KV_TEMPLATE, 'infra/arm/parameters/kv.prod.parameters.json': KV_PARAMS });
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'infra', 'arm', 'parameters', 'kv.prod.parameters.json'));
      expect(inFile.some((l) => l.includes('KV001'))).toBe(true);
    });

    it('a data file decoded by a module in another folder', async () => {
      const root = plain({
        'infra/config/pools.yaml': 'name: gpu\nsize: Standard_D16s_v5\n',
        'infra/aks/main.tf': 'locals {\n  p = yamldecode(file("${path.module}/../config/pools.yaml"))\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = local.p.name\n  kubernetes_cluster_id = "x"\n  vm_size               = local.p.size\n  node_taints           = ["sku=gpu:NoSchedule"]\n  tags                  = { "cost-center" = "ml" }\n}\n',
      });
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'infra', 'config', 'pools.yaml'));
      expect(inFile.some((l) => l.includes('GPU001'))).toBe(true);
    });

    it('a Kubernetes manifest that requests a GPU, with the GPU pool in another folder', async () => {
      const root = plain({ 'deploy/k8s/job.yaml': GPU_JOB, 'infra/aks/main.tf': TRAINING_POOL_TF });
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'deploy', 'k8s', 'job.yaml'));
      expect(inFile.some((l) => l.includes('workload=training:NoSchedule'))).toBe(true);
    });
  });

  describe('an Azure ML YAML file run by `az ml … --file` commands in other folders is reported in the commands\' context, as in the folder run', () => {
    const GPU_COMPUTE = '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\nname: gpu-cluster\ntype: amlcompute\nsize: Standard_NC24ads_A100_v4\nmin_instances: 1\nmax_instances: 4\ntags:\n  cost-center: ml\n';
    const PIPELINE = (file: string, set: string): string =>
      `trigger: none\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - task: AzureCLI@2\n    inputs:\n      azureSubscription: sc\n      scriptType: bash\n      scriptLocation: inlineScript\n      inlineScript: az ml compute create --file ${file} ${set} -w mlw -g rg\n`;

    it('a pipeline at the top whose --set scales the cluster to zero: the file alone would have AML004 and GPU003', async () => {
      const root = repository({ 'azure-pipelines.yml': PIPELINE('aml/compute.yml', '--set min_instances=0'), 'aml/compute.yml': GPU_COMPUTE, 'ops/other.sh': 'az group create -n rg -l westeurope\n', 'ops/main.tf': WORKSPACE('true') });
      const compute = path.join(root, 'aml', 'compute.yml');
      const { folder, only, inFile } = await sameAsFolderRun(root, compute);
      expect(inFile).toEqual([]);
      // The file's own unit and the pipeline's; not the unrelated script's or module's.
      expect([folder.units, only.units]).toEqual([4, 2]);
      // With the pipeline's --set removed, its findings are the command's (its address).
      write(root, { 'azure-pipelines.yml': PIPELINE('aml/compute.yml', '') });
      const { only: withoutSet } = await sameAsFolderRun(root, compute);
      expect(withoutSet.result.findings.filter((f) => f.ruleId === 'AML004').map((f) => f.address)).toEqual([expect.stringMatching(/az ml compute create --file aml\/compute\.yml$/)]);
    });

    it('a script in another folder: the findings have the command\'s address and fingerprints', async () => {
      const root = repository({ 'scripts/deploy.sh': '#!/usr/bin/env bash\naz ml compute create --file ../aml/compute.yml --set size=Standard_D8s_v3 -w mlw -g rg\n', 'aml/compute.yml': GPU_COMPUTE });
      const compute = path.join(root, 'aml', 'compute.yml');
      const { only } = await sameAsFolderRun(root, compute);
      expect(only.result.findings.length).toBeGreaterThan(0);
      expect(new Set(only.result.findings.map((f) => f.address))).toEqual(new Set(['script: az ml compute create --file ../aml/compute.yml']));
    });

    it('a workflow job in the dev environment and a script, given with the file: the command\'s environment class, and no finding lost', async () => {
      const root = repository({
        '.github/workflows/aml.yml': 'name: aml\non: workflow_dispatch\njobs:\n  compute:\n    runs-on: ubuntu-latest\n    environment: dev\n    steps:\n      - run: az ml compute create --file aml/compute.yml --set size=Standard_D4s_v3 -w mlw -g rg\n',
        'scripts/deploy-prod.sh': '#!/usr/bin/env bash\naz ml compute create --file ../aml/compute.yml --set min_instances=0 -w mlw -g rg\n',
        'aml/compute.yml': GPU_COMPUTE,
      });
      const compute = path.join(root, 'aml', 'compute.yml');
      const script = path.join(root, 'scripts', 'deploy-prod.sh');
      const { folder } = await sameAsFolderRun(root, compute);
      const inCompute = folder.result.findings.filter((f) => f.location.file === compute);
      expect(inCompute.length).toBeGreaterThan(0);
      expect(inCompute.every((f) => f.env === 'nonprod')).toBe(true);
      const both = await run({ paths: [compute, script], onlyFiles: [compute, script], root });
      expect(lines(both.result)).toEqual([...lines(folder.result, compute), ...lines(folder.result, script)].sort());
    });

    it('a YAML file no front end reads (no $schema, no type) named by a command: a data file the command reads', async () => {
      const root = repository({ 'azure-pipelines.yml': PIPELINE('aml/c.yml', ''), 'aml/c.yml': 'name: gpu-cluster\nsize: Standard_NC24ads_A100_v4\nmin_instances: 1\nmax_instances: 4\n' });
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'aml', 'c.yml'));
      expect(inFile.some((l) => l.includes('AML004'))).toBe(true);
    });
  });

  it('a Kubernetes manifest that requests a GPU is judged against the GPU pools of its whole repository, wherever they are written', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'k8s/job.yaml': GPU_JOB,
      'infra/aks/main.tf': TRAINING_POOL_TF,
    });
    const manifest = path.join(root, 'k8s', 'job.yaml');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [manifest], onlyFiles: [manifest], root });
    expect(lines(folder.result, manifest).some((l) => l.includes('workload=training:NoSchedule'))).toBe(true);
    expect(lines(only.result)).toEqual(lines(folder.result, manifest));
  });

  it('for a Kubernetes manifest, only the units that may declare an AKS cluster or pool run besides its own (the others cannot change its findings)', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    write(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'k8s/job.yaml': GPU_JOB,
      'infra/aks/main.tf': TRAINING_POOL_TF,
      // A second pool, made by a script: the manifest tolerates neither.
      'infra/scripts/pool.sh': 'az aks nodepool add --cluster-name aks -g rg -n gpu2 --node-vm-size Standard_NC6s_v3 --node-taints team=ml:NoSchedule\n',
      // Units that declare no AKS cluster or pool: a Terraform module, an ARM template, a workflow.
      'other/kv/main.tf': 'resource "azurerm_key_vault" "kv" {\n  name                = "kv"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  tenant_id           = "t"\n  sku_name            = "standard"\n}\n',
      'arm/kv.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv', location: 'westeurope', properties: { tenantId: 't', sku: { family: 'A', name: 'standard' } } }] }, null, 2),
      '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
    });
    const manifest = path.join(root, 'k8s', 'job.yaml');
    const folder = await run({ paths: [root], root });
    const only = await run({ paths: [manifest], onlyFiles: [manifest], root });
    const inManifest = lines(folder.result, manifest);
    expect(inManifest.some((l) => l.includes('workload=training:NoSchedule'))).toBe(true);
    expect(lines(only.result)).toEqual(inManifest);
    expect(folder.units).toBe(6);
    // The manifest, the Terraform pool's unit and the script's: not the Key Vaults nor the workflow.
    expect(only.units).toBe(3);
  });

  /**
   * A GPU job and what may run it: two Terraform roots that declare a GPU pool and a Kubernetes
   * workload (late units: their workloads read the scan, so a folder run gives each a first pass
   * for the other's view) and a script that adds a third pool. The job tolerates none of them.
   */
  function podAndPools(): { root: string; manifest: string } {
    const lateRoot = (pool: string, taint: string): string =>
      TRAINING_POOL_TF.replace('"gpu"', `"${pool}"`).replace('workload=training:NoSchedule', taint) +
      'resource "kubernetes_deployment" "web" {\n  metadata {\n    name = "web"\n  }\n  spec {\n    template {\n      metadata {}\n      spec {\n        container {\n          name  = "web"\n          image = "nginx:1"\n        }\n      }\n    }\n  }\n}\n';
    const root = repository({
      'k8s/job.yaml': GPU_JOB,
      'infra/a/main.tf': lateRoot('gpu_a', 'workload=training:NoSchedule'),
      'infra/b/main.tf': lateRoot('gpu_b', 'team=ml:NoSchedule'),
      'infra/scripts/pool.sh': 'az aks nodepool add --cluster-name aks -g rg -n gpu2 --node-vm-size Standard_NC6s_v3 --node-taints team=ops:NoSchedule\n',
    });
    return { root, manifest: path.join(root, 'k8s', 'job.yaml') };
  }

  it('the units kept only for their GPU pools run once each, summary-only: no rule reads them, and late ones are not run again after their first pass', async () => {
    const { root, manifest } = podAndPools();
    // What each front end was asked to run (by the unit's first file), and which files a rule saw.
    const counted = (runs: string[]): FrontEnd[] => FRONT_ENDS.map((fe) => ({ ...fe, run: (files, ctx) => (runs.push(path.relative(root, files[0]!.path)), fe.run(files, ctx)) }));
    const seenByRule = (seen: Set<string>): Rule[] => {
      const [spy] = registerRules({ core: [defineRule({ meta: { id: 'ZZZ998', name: 'spy', shortDescription: 'x', fullDescription: 'x', help: 'x', level: 'note', tags: [], messages: {}, formats: ['terraform'] }, create: () => ({ file: (f) => void seen.add(path.relative(root, f.path)) }) })] });
      return [...ALL_RULES, spy!];
    };
    const folderRuns: string[] = [];
    const folderSeen = new Set<string>();
    const folder = await lint({ paths: [root], root, noConfig: true, frontEnds: counted(folderRuns), ruleSet: seenByRule(folderSeen) });
    const onlyRuns: string[] = [];
    const onlySeen = new Set<string>();
    const only = await lint({ paths: [manifest], onlyFiles: [manifest], root, noConfig: true, frontEnds: counted(onlyRuns), ruleSet: seenByRule(onlySeen) });
    const inManifest = lines(folder, manifest);
    // The manifest tolerates none of the three pools' taints.
    expect(inManifest.filter((l) => l.includes('K8S001'))).toHaveLength(1);
    expect(lines(only)).toEqual(inManifest);
    // The folder run: each late root twice (its first pass, then with the whole view), every file seen by the rules.
    expect(folderRuns.sort()).toEqual(['infra/a/main.tf', 'infra/a/main.tf', 'infra/b/main.tf', 'infra/b/main.tf', 'infra/scripts/pool.sh', 'k8s/job.yaml']);
    expect([...folderSeen].sort()).toEqual(['infra/a/main.tf', 'infra/b/main.tf', 'infra/scripts/pool.sh', 'k8s/job.yaml']);
    // The files-only run: each unit once, and only the manifest's seen by a rule.
    expect(onlyRuns.sort()).toEqual(['infra/a/main.tf', 'infra/b/main.tf', 'infra/scripts/pool.sh', 'k8s/job.yaml']);
    expect([...onlySeen]).toEqual(['k8s/job.yaml']);
  });

  it('with --cache: the summary-only results of a files-only run serve the next one; a folder run and shards sharing the cache report what they report without it', async () => {
    const { root, manifest } = podAndPools();
    const cacheLocation = path.join(root, '.git', 'lint-cache');
    const folderUncached = await lint({ paths: [root], root, noConfig: true });
    // Each feeder has findings of its own, which a summary-only result does not hold.
    for (const file of ['infra/a/main.tf', 'infra/b/main.tf', 'infra/scripts/pool.sh']) expect(lines(folderUncached, path.join(root, file)).length).toBeGreaterThan(0);
    const first = await lint({ paths: [manifest], onlyFiles: [manifest], root, noConfig: true, cache: true, cacheLocation });
    const again = await run({ paths: [manifest], onlyFiles: [manifest], root, cache: true, cacheLocation });
    expect(lines(again.result)).toEqual(lines(first));
    const folderCached = await lint({ paths: [root], root, noConfig: true, cache: true, cacheLocation });
    expect(lines(folderCached)).toEqual(lines(folderUncached));
    // The folder run's full results serve the files-only run.
    const afterFolder = await lint({ paths: [manifest], onlyFiles: [manifest], root, noConfig: true, cache: true, cacheLocation });
    expect(lines(afterFolder)).toEqual(lines(first));
    // Shards sharing one cache, one after the other: a unit one shard ran summary-only for the
    // others (its summary, under the key the unit has in every shard) is linted in full by its own.
    const shardCache = path.join(root, '.git', 'shard-cache');
    for (let index = 1; index <= 4; index++) {
      const shard = { index, count: 4 };
      const uncached = await lint({ paths: [root], root, noConfig: true, shard });
      const cached = await lint({ paths: [root], root, noConfig: true, shard, cache: true, cacheLocation: shardCache });
      expect(lines(cached)).toEqual(lines(uncached));
    }
  });

  it('a compiled twin that lends a registry module its body: a finding placed inside it is reported when only the twin is given', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-files-only-')));
    temps.push(root);
    // A key vault in the registry module's body, as `bicep build` wrote it (language version 1).
    const twin = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      metadata: { _generator: { name: 'bicep', version: '0.22.6.54827', templateHash: '1' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: "[format('kv-{0}', deployment().name)]",
          properties: {
            expressionEvaluationOptions: { scope: 'inner' },
            mode: 'Incremental',
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv', location: 'westeurope', properties: { enableRbacAuthorization: true, enablePurgeProtection: false } }],
            },
          },
        },
      ],
    };
    write(root, {
      'infra/main.bicep': "module kv 'br/public:security/key-vault:1.0.0' = {\n  name: 'kv-${deployment().name}'\n}\n",
      'infra/azuredeploy.json': JSON.stringify(twin, null, 2) + '\n',
    });
    const compiled = path.join(root, 'infra', 'azuredeploy.json');
    const folder = await run({ paths: [root], root });
    expect(lines(folder.result, compiled).some((l) => l.includes('KV001'))).toBe(true);
    const only = await run({ paths: [compiled], onlyFiles: [compiled], root });
    expect(lines(only.result)).toEqual(lines(folder.result, compiled));
  });
  it('a data file decoded by a module that a root in another folder calls: its finding is reported as the folder run reports it', async () => {
    const pool = (id: string, file: string): string =>
      `locals {\n  ${id} = yamldecode(file(${file}))\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "${id}" {\n  name                  = local.${id}.name\n  kubernetes_cluster_id = "x"\n  vm_size               = local.${id}.size\n  node_taints           = ["sku=gpu:NoSchedule"]\n  tags                  = { "cost-center" = "ml" }\n}\n`;
    const root = repository({
      'config/pools.yaml': 'name: gpu\nsize: Standard_D16s_v5\n',
      'config/unread.yaml': 'name: gpu\nsize: Standard_D16s_v5\n',
      // The module reads the file from beside it, the root calls the module from two folders away.
      'modules/aks/main.tf': pool('gpu', '"${path.module}/../../config/pools.yaml"'),
      'envs/prod/main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nmodule "aks" {\n  source = "../../modules/aks"\n}\n',
      // Its file name is chosen by a variable: it may read any data file in its folder or below.
      'other/main.tf': 'variable "f" {\n  type = string\n}\n\n' + pool('other', '"${path.module}/pools/${var.f}.yaml"'),
      'other/pools/a.yaml': 'name: gpu\nsize: Standard_NC24ads_A100_v4\n',
      // Reads another file: its unit does not run.
      'third/main.tf': pool('third', '"${path.module}/third.yaml"'),
      'third/third.yaml': 'name: gpu\nsize: Standard_D16s_v5\n',
    });
    const data = path.join(root, 'config', 'pools.yaml');
    const { folder, only, inFile } = await sameAsFolderRun(root, data);
    expect(inFile.some((l) => l.includes('GPU001'))).toBe(true);
    // The module with its root: not the module whose data file is named by a variable (it reads
    // from its own folder), nor the one that reads another file.
    expect([folder.units, only.units]).toEqual([3, 1]);
    // A data file below the folder of a module that decodes a file it cannot name: its unit runs.
    const below = path.join(root, 'other', 'pools', 'a.yaml');
    expect((await run({ paths: [below], onlyFiles: [below], root })).units).toBe(1);
    // A data file that no unit may read: a usage error, as for any file the linter does not read.
    const unread = path.join(root, 'config', 'unread.yaml');
    await expect(run({ paths: [unread], onlyFiles: [unread], root })).rejects.toThrow(/unread\.yaml: not a file mlops-iac-lint reads .*nor a data file that a scanned file reads/);
    // Unless unmatched files are skipped (the pre-commit hook): nothing to report, nothing run.
    const skipped = await run({ paths: [unread], onlyFiles: [unread], root, errorOnUnmatchedFile: false });
    expect(lines(skipped.result)).toEqual([]);
  });

  it('an Azure Pipelines variables template no front end reads on its own: the pipeline that includes it runs, and its value is reported as the folder run reports it', async () => {
    // Review 87: naming `config-infra-prod.yml` (the file mlops-v2 users edit) was a usage error.
    const root = repository({
      'config-infra-prod.yml': 'variables:\n  environment: prod\n  gpuSize: Standard_NC6\n',
      'pipelines/deploy.yml':
        'trigger: none\nvariables:\n  - template: ../config-infra-prod.yml\nsteps:\n  - script: az aks nodepool add --name gpupool --cluster-name c -g rg --node-vm-size $(gpuSize) --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 2 --tags cost-center=data\n',
    });
    const template = path.join(root, 'config-infra-prod.yml');
    const { inFile } = await sameAsFolderRun(root, template);
    expect(inFile.some((l) => l.includes('GPU004'))).toBe(true);
  });

  it('a data file loaded by a Bicep module that a file in another folder declares: its finding is reported as the folder run reports it', async () => {
    const root = repository({
      'config/vault.json': '{\n  "purge": false\n}\n',
      'modules/kv.bicep': "param settings object = loadJsonContent('../config/vault.json')\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv'\n  location: 'westeurope'\n  properties: {\n    enableRbacAuthorization: true\n    enablePurgeProtection: settings.purge\n  }\n}\n",
      'envs/prod/main.bicep': "module kv '../../modules/kv.bicep' = {\n  name: 'kv'\n}\n",
      'other/kv.bicep': KEY_VAULT_BICEP('false'),
    });
    const data = path.join(root, 'config', 'vault.json');
    const { only, inFile } = await sameAsFolderRun(root, data);
    expect(inFile.some((l) => l.includes('KV001'))).toBe(true);
    expect(only.units).toBe(1);
  });

  it('a data file named in a var file and decoded by a module through a variable: the unit of the var file runs', async () => {
    const root = repository({
      'config/pools.yaml': 'name: gpu\nsize: Standard_D16s_v5\n',
      'modules/aks/main.tf':
        'variable "pools_file" {\n  type = string\n}\n\nlocals {\n  p = yamldecode(file(var.pools_file))\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = local.p.name\n  kubernetes_cluster_id = "x"\n  vm_size               = local.p.size\n  node_taints           = ["sku=gpu:NoSchedule"]\n  tags                  = { "cost-center" = "ml" }\n}\n',
      'envs/prod/main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\nvariable "pools_file" {\n  type = string\n}\n\nmodule "aks" {\n  source     = "../../modules/aks"\n  pools_file = var.pools_file\n}\n',
      // Relative to the root module's folder, Terraform's working directory.
      'envs/prod/terraform.tfvars': 'pools_file = "../../config/pools.yaml"\n',
    });
    const data = path.join(root, 'config', 'pools.yaml');
    const { only, inFile } = await sameAsFolderRun(root, data);
    expect(inFile.some((l) => l.includes('GPU001'))).toBe(true);
    expect(only.units).toBe(1);
  });

  describe('a data file whose path is not written out is still found', () => {
    const POOL = 'name: gpu\nsize: Standard_D16s_v5\n';
    const pool = (file: string): string =>
      `locals {\n  p = yamldecode(file(${file}))\n}\n\nresource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = local.p.name\n  kubernetes_cluster_id = "x"\n  vm_size               = local.p.size\n  node_taints           = ["sku=gpu:NoSchedule"]\n  tags                  = { "cost-center" = "ml" }\n}\n`;
    const ENV = 'variable "env" {\n  type    = string\n  default = "prod"\n}\n';
    const BACKEND = 'terraform {\n  backend "azurerm" {}\n}\n';

    it.each([
      ['a module, from the root module\'s folder', { 'modules/aks/main.tf': ENV + pool('"${path.root}/../../config/${var.env}.yaml"'), 'envs/prod/main.tf': `${BACKEND}\nmodule "aks" {\n  source = "../../modules/aks"\n}\n` }],
      ['a root, from the working directory', { 'infra/main.tf': BACKEND + ENV + pool('"../config/${var.env}.yaml"') }],
      ['a module, from a folder beside its own', { 'modules/aks/main.tf': ENV + pool('"${path.module}/../../config/${var.env}.yaml"'), 'envs/prod/main.tf': `${BACKEND}\nmodule "aks" {\n  source = "../../modules/aks"\n}\n` }],
    ])('%s', async (_name, files) => {
      const root = repository({ 'config/prod.yaml': POOL, ...files });
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'config', 'prod.yaml'));
      expect(inFile.some((l) => l.includes('GPU001'))).toBe(true);
    });

    it('named by two roots that pass it to one module: the finding names each root\'s call, as in the folder run', async () => {
      const call = 'module "aks" {\n  source     = "../../modules/aks"\n  pools_file = "${path.module}/../../config/pools.yaml"\n}\n';
      const root = repository({
        'config/pools.yaml': POOL,
        'envs/dev/main.tf': BACKEND + call,
        'envs/prod/main.tf': BACKEND + call,
        'modules/aks/main.tf': 'variable "pools_file" {}\n' + pool('var.pools_file'),
      });
      const data = path.join(root, 'config', 'pools.yaml');
      const relatedOf = (r: LintResult): string[] => r.findings.filter((f) => f.location.file === data).map((f) => `${f.ruleId} ${f.related.map((l) => `${path.relative(root, l.file)}:${l.range.start.line}`).join(' ')}`);
      const { folder, only } = await sameAsFolderRun(root, data);
      expect(relatedOf(only.result)).toEqual(relatedOf(folder.result));
      expect(relatedOf(folder.result).some((l) => l.includes('envs/dev/main.tf') && l.includes('envs/prod/main.tf'))).toBe(true);
    });

    it('named by a --var-file outside every module', async () => {
      const root = repository({ 'config/pools.yaml': POOL, 'infra/main.tf': `${BACKEND}variable "pools_file" {\n  type = string\n}\n` + pool('var.pools_file'), 'vars/prod.tfvars': 'pools_file = "../config/pools.yaml"\n' });
      const data = path.join(root, 'config', 'pools.yaml');
      const varFiles = [path.join(root, 'vars', 'prod.tfvars')];
      const folder = await run({ paths: [root], root, varFiles });
      const only = await run({ paths: [data], onlyFiles: [data], root, varFiles });
      expect(lines(folder.result, data).some((l) => l.includes('GPU001'))).toBe(true);
      expect(lines(only.result)).toEqual(lines(folder.result, data));
    });

    it('an Azure ML compute file that a Terraform root decodes too: both units\' findings', async () => {
      const root = repository({
        'infra/compute.yml': '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\ntype: amlcompute\nname: cpu\nsize: Standard_DS3_v2\nmin_instances: 2\nmax_instances: 4\n',
        'infra/main.tf': `${BACKEND}locals {\n  c = yamldecode(file("\${path.module}/compute.yml"))\n}\n\nresource "azurerm_machine_learning_compute_cluster" "c" {\n  name                          = local.c.name\n  location                      = "westeurope"\n  machine_learning_workspace_id = "x"\n  vm_priority                   = "Dedicated"\n  vm_size                       = local.c.size\n  scale_settings {\n    min_node_count                       = local.c.min_instances\n    max_node_count                       = 4\n    scale_down_nodes_after_idle_duration = "PT5M"\n  }\n  identity {\n    type = "SystemAssigned"\n  }\n}\n`,
      });
      const { inFile } = await sameAsFolderRun(root, path.join(root, 'infra', 'compute.yml'));
      expect(inFile.filter((l) => l.includes('AML004'))).toHaveLength(2);
    });
  });

  describe('policies.fromScannedCode: the policy definitions written anywhere in the repository apply to the given files, as in the folder run (review 105)', () => {
    const ACR_RULE = JSON.stringify({ if: { allOf: [{ field: 'type', equals: 'Microsoft.ContainerRegistry/registries' }, { field: 'Microsoft.ContainerRegistry/registries/adminUserEnabled', equals: 'true' }] }, then: { effect: 'deny' } }, null, 2);
    const POLICIES_TF = `resource "azurerm_policy_definition" "ml" {
  name         = "deny-public-ml"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Deny public ML workspaces (tf)"
  parameters = jsonencode({
    effect = { type = "String", defaultValue = "Audit", allowedValues = ["Audit", "Deny"] }
  })
  policy_rule = jsonencode({
    if = {
      allOf = [
        { field = "type", equals = "Microsoft.MachineLearningServices/workspaces" },
        { field = "Microsoft.MachineLearningServices/workspaces/publicNetworkAccess", notEquals = "Disabled" }
      ]
    }
    then = { effect = "[parameters('effect')]" }
  })
}

resource "azurerm_policy_definition" "acr" {
  name         = "deny-acr-admin"
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Deny ACR admin user (file)"
  policy_rule  = file("\${path.module}/acr-admin.rule.json")
}
`;
    const POLICY_BICEP = "targetScope = 'managementGroup'\n\nresource p 'Microsoft.Authorization/policyDefinitions@2023-04-01' = {\n  name: 'deny-storage-tls'\n  properties: {\n    displayName: 'Storage min TLS 1.2 (bicep)'\n    mode: 'Indexed'\n    policyType: 'Custom'\n    policyRule: {\n      if: {\n        allOf: [\n          { field: 'type', equals: 'Microsoft.Storage/storageAccounts' }\n          { field: 'Microsoft.Storage/storageAccounts/minimumTlsVersion', notEquals: 'TLS1_2' }\n        ]\n      }\n      then: { effect: 'deny' }\n    }\n  }\n}\n";
    /** A module whose definition's display name its caller passes: read through the caller, as the folder run reads it. */
    const NAMED_BY_CALLER = 'variable "display_name" {\n  type = string\n}\n\nresource "azurerm_policy_definition" "kv" {\n  name         = "deny-kv-no-purge"\n  policy_type  = "Custom"\n  mode         = "All"\n  display_name = var.display_name\n  policy_rule  = jsonencode({\n    if   = { field = "type", equals = "Microsoft.KeyVault/vaults" }\n    then = { effect = "deny" }\n  })\n}\n';
    const INFRA = `${WORKSPACE('true')}
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  location            = "westeurope"
  resource_group_name = "rg"
  sku                 = "Premium"
  admin_enabled       = true
}

resource "azurerm_storage_account" "st" {
  name                     = "stml"
  location                 = "westeurope"
  resource_group_name      = "rg"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0"
}

resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "t"
  sku_name            = "standard"
}
`;
    const policyRepository = (config: object): string =>
      repository({
        '.mlops-iac-lint.json': JSON.stringify(config),
        'governance/policy.tf': POLICIES_TF,
        'governance/acr-admin.rule.json': ACR_RULE,
        'governance/policy.bicep': POLICY_BICEP,
        'governance/modules/kv/main.tf': NAMED_BY_CALLER,
        'platform/main.tf': 'module "kv_policy" {\n  source       = "../governance/modules/kv"\n  display_name = "Deny Key Vaults (named by the platform root)"\n}\n',
        'infra/main.tf': INFRA,
        'other/main.tf': WORKSPACE('true'),
      });
    /** lint() with the repository's config file (the helper above runs without one). */
    const withConfig = (options: Parameters<typeof lint>[0]) => lint({ ...options, cacheFreshMs: 0 });

    it('a staged infra/main.tf gets the GOV002 of the definitions in governance/ (jsonencode, file(), Bicep, a module named by its caller); only their files are walked', async () => {
      const root = policyRepository({ policies: { fromScannedCode: true, parameters: { 'deny-public-ml': { effect: 'Deny' } } } });
      const main = path.join(root, 'infra', 'main.tf');
      const folder = await withConfig({ paths: [root], root });
      const only = await withConfig({ paths: [main], onlyFiles: [main], root });
      const inFile = lines(folder, main);
      const gov = inFile.filter((l) => l.includes('"GOV002"'));
      expect(gov.map((l) => /Azure Policy \\"([^\\]+)\\"/.exec(l)?.[1]).sort()).toEqual(['Deny ACR admin user (file)', 'Deny Key Vaults (named by the platform root)', 'Deny public ML workspaces (tf)', 'Storage min TLS 1.2 (bicep)']);
      expect(lines(only)).toEqual(inFile);
      // The definitions' folders and their callers' are linted; an unrelated module is not.
      expect(only.linted).toEqual(['governance/modules/kv/main.tf', 'governance/policy.bicep', 'governance/policy.tf', 'infra/main.tf', 'platform/main.tf']);
      // None of them without a GOV rule to run and parameters to check.
      write(root, { '.mlops-iac-lint.json': JSON.stringify({ policies: { fromScannedCode: true } }) });
      const aml = await withConfig({ paths: [main], onlyFiles: [main], root, rules: ['AML001'] });
      expect(aml.linted).toEqual(['infra/main.tf']);
    });

    it('policies.parameters naming a definition in governance/ is no config error for a staged file, and a misspelt one is the same notice as in the folder run', async () => {
      const root = policyRepository({ policies: { fromScannedCode: true, parameters: { 'deny-acr-admn': { effect: 'Deny' } } } });
      const main = path.join(root, 'infra', 'main.tf');
      const said = /policies\.parameters\["deny-acr-admn"\]: names no policy definition or initiative the run read, so its parameters are not used; write the name or display name of one \("deny-acr-admin", "deny-kv-no-purge", "deny-public-ml", "deny-storage-tls"\)/;
      expect((await withConfig({ paths: [root], root })).notices).toEqual([expect.stringMatching(said)]);
      expect((await withConfig({ paths: [main], onlyFiles: [main], root, rules: ['AML001'] })).notices).toEqual([expect.stringMatching(said)]);
    });

    it('an unrelated registry module without its terraform init copy, or an unrelated broken .bicep, changes nothing of what policies.parameters gets (review 106: the folder run went silent, the staged run exited 2)', async () => {
      const root = policyRepository({ policies: { fromScannedCode: true, parameters: { 'deny-acr-admn': { effect: 'Deny' }, 'deny-public-ml': { effect: 'Block' } } } });
      write(root, { 'other/registry.tf': 'module "net" {\n  source  = "contoso/network/azurerm"\n  version = "1.0.0"\n}\n', 'other/broken.bicep': "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: \n" });
      const main = path.join(root, 'infra', 'main.tf');
      // A value outside allowedValues is certain: a config error in both runs.
      const refused = /policies\.parameters\["deny-public-ml"\]\.effect: "Block" is not among the allowedValues/;
      await expect(withConfig({ paths: [root], root })).rejects.toThrow(refused);
      await expect(withConfig({ paths: [main], onlyFiles: [main], root })).rejects.toThrow(refused);
      await expect(withConfig({ paths: [root], root })).rejects.not.toThrow(/deny-acr-admn/);
      // A key naming none read: the same notice in both runs, and the same exit.
      write(root, { '.mlops-iac-lint.json': JSON.stringify({ policies: { fromScannedCode: true, parameters: { 'deny-acr-admn': { effect: 'Deny' } } } }) });
      const folder = await withConfig({ paths: [root], root });
      const only = await withConfig({ paths: [main], onlyFiles: [main], root });
      expect(folder.notices.filter((n) => n.includes('policies.parameters'))).toEqual([expect.stringMatching(/\["deny-acr-admn"\]: names no policy definition or initiative the run read/)]);
      expect(only.notices.filter((n) => n.includes('policies.parameters'))).toEqual(folder.notices.filter((n) => n.includes('policies.parameters')));
      expect(lines(only)).toEqual(lines(folder, main));
    });
  });

  /**
   * A manifest is judged against the pools of its nearest project (src/engine/scan.ts): the
   * feeders run nearest it first, and those of other projects are left out once its project is
   * known and decides (src/pipeline/feed-rings.ts). The findings stay the folder run's.
   */
  describe('a Kubernetes manifest in a repository of several projects: the feeders of other projects are left out once its own decides', () => {
    /** A GPU pool of cluster `cluster` named `name`, tainted `taint`. */
    const poolTf = (name: string, taint: string, cluster = 'aks'): string =>
      TRAINING_POOL_TF.replace('"gpu" {', `"${name}" {`).replace('= "gpu"', `= "${name}"`).replace('managedClusters/aks', `managedClusters/${cluster}`).replace('workload=training:NoSchedule', taint);
    /** An AKS cluster with a CPU default pool only. */
    const CPU_CLUSTER_TF = 'resource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks-a"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "aks"\n  default_node_pool {\n    name    = "system"\n    vm_size = "Standard_D4s_v5"\n  }\n  identity {\n    type = "SystemAssigned"\n  }\n}\n';

    it('the project holds a tainted GPU pool: the other teams\' pools are not run', async () => {
      const root = repository({
        'team-a/infra/main.tf': poolTf('gpu', 'workload=training:NoSchedule'),
        'team-a/k8s/job.yaml': GPU_JOB,
        'team-b/infra/main.tf': poolTf('gpu', 'team=b:NoSchedule', 'aks-b'),
        'team-b/scripts/pool.sh': 'az aks nodepool add --cluster-name aks-b -g rg -n gpu2 --node-vm-size Standard_NC6s_v3 --node-taints team=b:NoSchedule\n',
      });
      const { folder, only, inFile } = await sameAsFolderRun(root, path.join(root, 'team-a', 'k8s', 'job.yaml'));
      expect(inFile).toEqual([expect.stringMatching(/K8S001.*workload=training:NoSchedule/)]);
      expect(folder.units).toBe(4);
      // The manifest and its project's pool.
      expect(only.units).toBe(2);
    });

    it('a root module of another folder that calls a module of the project runs with it (its pool is the project\'s)', async () => {
      const root = repository({
        'team-a/modules/pool/main.tf': 'variable "size" {}\n' + poolTf('gpu', 'workload=training:NoSchedule').replace('"Standard_NC24ads_A100_v4"', 'var.size'),
        'team-a/k8s/job.yaml': GPU_JOB,
        'envs/prod/main.tf': 'module "pool" {\n  source = "../../team-a/modules/pool"\n  size   = "Standard_NC24ads_A100_v4"\n}\n',
        'team-b/infra/main.tf': poolTf('gpu', 'team=b:NoSchedule', 'aks-b'),
      });
      const { folder, only, inFile } = await sameAsFolderRun(root, path.join(root, 'team-a', 'k8s', 'job.yaml'));
      expect(inFile).toEqual([expect.stringMatching(/K8S001.*workload=training:NoSchedule/)]);
      expect(folder.units).toBe(3);
      expect(only.units).toBe(2);
    });

    it('the project has no GPU pool: the others run until one has a GPU pool, which the configured taint\'s reason names', async () => {
      const root = repository({
        'team-a/infra/main.tf': CPU_CLUSTER_TF,
        'team-a/k8s/job.yaml': GPU_JOB,
        'team-b/infra/main.tf': poolTf('gpu', 'team=b:NoSchedule', 'aks-b'),
        'team-c/infra/main.tf': poolTf('gpu', 'team=c:NoSchedule', 'aks-c'),
      });
      const { folder, only, inFile } = await sameAsFolderRun(root, path.join(root, 'team-a', 'k8s', 'job.yaml'));
      expect(inFile).toEqual([expect.stringMatching(/K8S001.*none of the scan's GPU node pools is known to be this manifest's cluster's/)]);
      expect(folder.units).toBe(4);
      // The manifest, its project's cluster, and team-b's pool (team-c's is not needed).
      expect(only.units).toBe(3);
    });

    it('a pool of the project is an update of a pool another project declares: every feeder runs', async () => {
      const root = repository({
        'team-a/infra/main.tf': CPU_CLUSTER_TF,
        // It leaves the taints as they are: the pool it names is team-b's, and its taints stay.
        'team-a/ops/scale.sh': 'az aks nodepool update --cluster-name aks -g rg -n gpu --enable-cluster-autoscaler --min-count 0 --max-count 3\n',
        'team-a/k8s/job.yaml': GPU_JOB,
        'team-b/infra/main.tf': poolTf('gpu', 'team=b:NoSchedule'),
        'team-c/infra/main.tf': poolTf('gpu', 'team=c:NoSchedule', 'aks-c'),
      });
      const { folder, only, inFile } = await sameAsFolderRun(root, path.join(root, 'team-a', 'k8s', 'job.yaml'));
      // The update is dropped (team-b declares the pool it names), so no pool is team-a's own.
      expect(inFile).toEqual([expect.stringMatching(/K8S001.*none of the scan's GPU node pools is known to be this manifest's cluster's/)]);
      expect(only.units).toBe(folder.units);
    });

    it('no project below the repository\'s top (the manifest beside the teams\' folders): every feeder runs', async () => {
      const root = repository({
        'team-a/infra/main.tf': poolTf('gpu', 'workload=training:NoSchedule'),
        'k8s/job.yaml': GPU_JOB,
        'team-b/infra/main.tf': poolTf('gpu', 'team=b:NoSchedule', 'aks-b'),
      });
      const { folder, only, inFile } = await sameAsFolderRun(root, path.join(root, 'k8s', 'job.yaml'));
      expect(inFile.length).toBe(1);
      expect(only.units).toBe(folder.units);
    });
  });
});
