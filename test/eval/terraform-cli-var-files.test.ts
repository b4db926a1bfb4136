/**
 * `--var-file` (lint option `varFiles`), as `terraform plan -var-file` reads it: the files are a
 * root module's values, loaded in the order given into one evaluation (a later file wins), and
 * a reusable module elsewhere in the scan keeps its defaults (review 130).
 * Every case runs lint() end to end on a temporary tree.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { brief, tempTrees } from '../support/temp-tree.js';

const trees = tempTrees('mil-cli-varfiles-');
afterAll(() => trees.cleanup());

/** An ML workspace whose public access is `public`, in a module with the given extra text. */
function workspace(extra = '', publicAccess = 'var.public'): string {
  return `${extra}variable "location" {
  type    = string
  default = "westeurope"
}
variable "public" {
  type    = bool
  default = true
}
resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw"
  location                      = var.location
  resource_group_name           = "rg"
  application_insights_id       = "ai"
  key_vault_id                  = "kv"
  storage_account_id            = "st"
  public_network_access_enabled = ${publicAccess}
  identity {
    type = "SystemAssigned"
  }
}
`;
}

const PROVIDER = 'provider "azurerm" {\n  features {}\n}\n';

async function run(dir: string, varFiles: string[], rules: string[], paths = [dir]) {
  const r = await lint({ paths, root: paths[0]!, rules, noConfig: true, varFiles: varFiles.map((f) => path.join(dir, f)) });
  const findings = r.findings.filter((f) => rules.includes(f.ruleId));
  return { findings, briefs: findings.map((f) => `${brief(dir, f)} ${f.env} ${f.variants.join('|')}`).sort(), undecided: r.undecided };
}

describe('--var-file', () => {
  it('in a root\'s folder, is that root\'s values: not a reusable module\'s, nor another root\'s (review 130, 131)', async () => {
    const dir = trees.tree({
      'app/main.tf': workspace(PROVIDER),
      'app/prod.tfvars': 'location = "northeurope"\n',
      // No provider block and no call: a reusable module, evaluated on its own with its defaults.
      'modules/ws/main.tf': workspace(),
      // Another root, with its own var file (nonprod): it keeps it, and gives no prod finding.
      'aks/main.tf': workspace(PROVIDER),
      'aks/dev.tfvars': 'public = false\n',
    });
    const r = await run(dir, ['app/prod.tfvars'], ['AML001']);
    expect(r.briefs).toEqual([
      // (The root's finding is located at the default `public = true`; the var file decides its class.)
      'AML001 error publicWorkspace app/main.tf:10:13 prod app/prod.tfvars',
      'AML001 warning publicWorkspace modules/ws/main.tf:7:13 unknown default',
    ]);
  });

  it('outside every module (a shared configuration folder), is every root module\'s values, whatever they declare (review 131)', async () => {
    const dir = trees.tree({
      'infra/main.tf': workspace(PROVIDER),
      'infra/dev.tfvars': 'public = false\n',
      'aml/main.tf': workspace(PROVIDER),
      // Assigns nothing either root declares: Terraform warns and runs them as prod all the same.
      'envs/prod.tfvars': 'subscription = "x"\n',
      'modules/ws/main.tf': workspace(),
    });
    expect((await run(dir, ['envs/prod.tfvars'], ['AML001'])).briefs).toEqual([
      'AML001 error publicWorkspace aml/main.tf:10:13 prod envs/prod.tfvars',
      'AML001 error publicWorkspace infra/main.tf:10:13 prod envs/prod.tfvars',
      'AML001 warning publicWorkspace modules/ws/main.tf:7:13 unknown default',
    ]);
  });

  it('in the folder of a module that roots call, is those roots\' values (review 132)', async () => {
    const dir = trees.tree({
      'infra/main.tf': workspace(),
      'infra/environments/prod.tfvars': 'public = true\n',
      'infra/deployments/prod/main.tf': `${PROVIDER}variable "public" {\n  type    = bool\n  default = false\n}\nmodule "platform" {\n  source = "../.."\n  public = var.public\n}\n`,
    });
    expect((await run(dir, ['infra/environments/prod.tfvars'], ['AML001'])).briefs).toEqual(['AML001 error publicWorkspace infra/environments/prod.tfvars:1:10 prod infra/environments/prod.tfvars']);
  });

  it('with Terragrunt runs, goes with the runs whose configuration is in its folder or below, over their inputs (review 132)', async () => {
    const kv = 'terraform {\n  backend "azurerm" {}\n}\nprovider "azurerm" {\n  features {}\n}\nvariable "public" {\n  type    = bool\n  default = false\n}\nvariable "location" {\n  type    = string\n  default = "westeurope"\n}\n';
    const dir = trees.tree({
      'modules/ws/main.tf': kv + workspace().replace(/variable "location" \{[^}]*\}\nvariable "public" \{[^}]*\}\n/, ''),
      'live/prod/ws/terragrunt.hcl': 'terraform {\n  source = "../../../modules/ws"\n}\ninputs = {\n  public = true\n}\n',
      'live/dev/ws/terragrunt.hcl': 'terraform {\n  source = "../../../modules/ws"\n}\ninputs = {\n  public = true\n}\n',
      'live/prod/common.tfvars': 'location = "northeurope"\n',
    });
    const r = await run(dir, ['live/prod/common.tfvars'], ['AML001']);
    // The prod run keeps its input (the var file does not set it) and takes the file; the dev run does not.
    expect(r.briefs).toEqual([
      'AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:5:12 prod live/prod/ws/terragrunt.hcl + live/prod/common.tfvars',
      'AML001 note publicWorkspace live/dev/ws/terragrunt.hcl:5:12 nonprod live/dev/ws/terragrunt.hcl',
    ].sort());
    // A file every run shares (`live/common.tfvars`): each run keeps the class of its own path (review 133).
    const shared = trees.tree({
      'modules/ws/main.tf': kv + workspace().replace(/variable "location" \{[^}]*\}\nvariable "public" \{[^}]*\}\n/, ''),
      'live/prod/ws/terragrunt.hcl': 'terraform {\n  source = "../../../modules/ws"\n}\ninputs = {\n  public = true\n}\n',
      'live/dev/ws/terragrunt.hcl': 'terraform {\n  source = "../../../modules/ws"\n}\ninputs = {\n  public = true\n}\n',
      'live/common.tfvars': 'location = "northeurope"\n',
    });
    // A var file's name decides before the run's folders (RULES.md: the file name before its folders; review 134).
    const named = trees.tree({
      'modules/ws/main.tf': kv + workspace().replace(/variable "location" \{[^}]*\}\nvariable "public" \{[^}]*\}\n/, ''),
      'live/ws/terragrunt.hcl': 'terraform {\n  source = "../../modules/ws"\n}\ninputs = {\n  public = true\n}\n',
      'live/dev.tfvars': 'location = "northeurope"\n',
    });
    expect((await run(named, ['live/dev.tfvars'], ['AML001'])).briefs).toEqual(['AML001 note publicWorkspace live/ws/terragrunt.hcl:5:12 nonprod live/ws/terragrunt.hcl + live/dev.tfvars']);
    expect((await run(shared, ['live/common.tfvars'], ['AML001'])).briefs).toEqual([
      'AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:5:12 prod live/prod/ws/terragrunt.hcl + live/common.tfvars',
      'AML001 note publicWorkspace live/dev/ws/terragrunt.hcl:5:12 nonprod live/dev/ws/terragrunt.hcl + live/common.tfvars',
    ].sort());
  });

  it('is the values of a module without a provider block when it is in its folder (the run pointed at that module)', async () => {
    const dir = trees.tree({ 'modules/ws/main.tf': workspace(), 'modules/ws/vars/values.tfvars': 'public = false\n' });
    expect((await run(dir, ['modules/ws/vars/values.tfvars'], ['AML001'], [path.join(dir, 'modules/ws')])).briefs).toEqual([]);
    expect((await run(dir, [], ['AML001'], [path.join(dir, 'modules/ws')])).briefs).toEqual(['AML001 warning publicWorkspace modules/ws/main.tf:7:13 unknown default']);
  });

  it('given several times, the files are one evaluation in the order given: a later file wins, as terraform plan -var-file a -var-file b', async () => {
    const dir = trees.tree({
      'infra/main.tf': workspace(PROVIDER),
      'infra/common.tfvars': 'public = false\n',
      'infra/prod.tfvars': 'location = "northeurope"\n',
      'infra/open.tfvars': 'public = true\n',
    });
    // common.tfvars turns public access off; prod.tfvars, loaded after it, does not touch it.
    expect((await run(dir, ['infra/common.tfvars', 'infra/prod.tfvars'], ['AML001'])).briefs).toEqual([]);
    // open.tfvars, loaded last, turns it on again: the finding points at its line, in the class prod.tfvars gives.
    const opened = await run(dir, ['infra/common.tfvars', 'infra/prod.tfvars', 'infra/open.tfvars'], ['AML001']);
    expect(opened.briefs).toEqual(['AML001 error publicWorkspace infra/open.tfvars:1:10 prod infra/common.tfvars + infra/prod.tfvars + infra/open.tfvars']);
    // Loaded before common.tfvars, open.tfvars is overridden.
    expect((await run(dir, ['infra/open.tfvars', 'infra/common.tfvars'], ['AML001'])).briefs).toEqual([]);
  });

  it('each root layers the files that are its own: a shared file and the one in its folder', async () => {
    const dir = trees.tree({
      'aml/main.tf': workspace(PROVIDER),
      'aml/prod.tfvars': 'location = "northeurope"\n',
      'aks/main.tf': workspace(PROVIDER),
      'envs/common.tfvars': 'location = "westeurope"\n',
    });
    expect((await run(dir, ['envs/common.tfvars', 'aml/prod.tfvars'], ['AML001'])).briefs).toEqual([
      'AML001 error publicWorkspace aml/main.tf:10:13 prod envs/common.tfvars + aml/prod.tfvars',
      'AML001 warning publicWorkspace aks/main.tf:10:13 unknown envs/common.tfvars',
    ]);
  });

  it('a resource the layered files switch off (count = 0) is not judged', async () => {
    const dir = trees.tree({
      'infra/main.tf': `${PROVIDER}variable "enable_gpu" {
  default = true
}
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  count                 = var.enable_gpu ? 1 : 0
  name                  = "gpu"
  kubernetes_cluster_id = "aks"
  vm_size               = "Standard_NC24ads_A100_v4"
}
`,
      'infra/common.tfvars': 'enable_gpu = false\n',
      'infra/prod.tfvars': 'enable_gpu = true\n',
    });
    expect((await run(dir, ['infra/prod.tfvars', 'infra/common.tfvars'], ['TAG002'])).briefs).toEqual([]);
    expect((await run(dir, ['infra/common.tfvars', 'infra/prod.tfvars'], ['TAG002'])).briefs).toEqual(['TAG002 error noCostCenter infra/main.tf:7:1 prod infra/common.tfvars + infra/prod.tfvars']);
  });

  it('one of them that does not parse makes every variable unknown (Terraform refuses the run)', async () => {
    const dir = trees.tree({ 'infra/main.tf': workspace(PROVIDER), 'infra/common.tfvars': 'public = false\n', 'infra/prod.tfvars': 'location = \n' });
    const r = await run(dir, ['infra/common.tfvars', 'infra/prod.tfvars'], ['AML001']);
    expect(r.briefs).toEqual([]);
    expect(r.undecided.map((u) => u.ruleId)).toContain('AML001');
  });
});
