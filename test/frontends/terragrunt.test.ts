/**
 * Terragrunt live configurations (`live/<env>/<component>/terragrunt.hcl` running a module through
 * `terraform { source = "../../../modules//<component>" }`): each is a variant of the module it
 * runs, with its `inputs` as the variables' values (Terragrunt passes them as TF_VAR_ variables)
 * and its own path's environment; a parent configuration it includes may set any other variable.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { brief, tempTrees } from '../support/temp-tree.js';

const { tree, cleanup } = tempTrees('mil-terragrunt-');
afterAll(cleanup);

const WORKSPACE_MODULE = `variable "public_network_access_enabled" {
  type    = bool
  default = false
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "/x/appi"
  key_vault_id                  = "/x/kv"
  storage_account_id            = "/x/st"
  public_network_access_enabled = var.public_network_access_enabled
  identity {
    type = "SystemAssigned"
  }
}
`;
const SOURCE = 'terraform {\n  source = "../../../modules//ws"\n}\n';
const REMOTE_STATE = 'remote_state {\n  backend = "azurerm"\n  config  = {}\n}\n';

async function run(files: Record<string, string>, given?: string) {
  const dir = tree(files);
  const only = given === undefined ? {} : { paths: [path.join(dir, given)], onlyFiles: [path.join(dir, given)] };
  const r = await lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true, ...only });
  return { dir, r, briefs: r.findings.map((f) => brief(dir, f)).sort() };
}

describe('Terragrunt inputs', () => {
  it('each live configuration is a variant: its inputs are the values, its path the environment', async () => {
    const prod = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const dev = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const { r, briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': prod, 'live/dev/ws/terragrunt.hcl': dev });
    expect(briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:9:35', 'AML001 note publicWorkspace live/dev/ws/terragrunt.hcl:9:35']);
    expect(r.findings.map((f) => f.variants).sort()).toEqual([['live/dev/ws/terragrunt.hcl'], ['live/prod/ws/terragrunt.hcl']]);
  });

  it("a configuration that sets nothing leaves the module's default (reported in the module, at the configuration's environment)", async () => {
    const { briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE.replace('default = false', 'default = true'), 'live/prod/ws/terragrunt.hcl': `${SOURCE}${REMOTE_STATE}` });
    expect(briefs).toEqual(['AML001 error publicWorkspace modules/ws/main.tf:3:13']);
  });

  it('a parent configuration it includes may set any variable its own inputs do not: not known, listed by --verbose', async () => {
    const include = 'include "root" {\n  path = find_in_parent_folders()\n}\n';
    const { r, briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE.replace('default = false', 'default = true'), 'live/prod/ws/terragrunt.hcl': `${include}${SOURCE}` });
    expect(briefs).toEqual([]);
    expect(r.undecided.map((u) => `${u.ruleId} ${u.attribute}: ${u.reason}`)).toEqual(['AML001 publicNetworkAccess: the terragrunt.hcl that runs the module includes another configuration, whose inputs may set it']);
  });

  it('inputs that are not an object literal make every variable unknown; a reference inside is unknown alone', async () => {
    const merged = `${SOURCE}${REMOTE_STATE}inputs = merge(local.common, {\n  public_network_access_enabled = true\n})\n`;
    const dependency = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = dependency.net.outputs.public\n}\n`;
    for (const t of [merged, dependency]) {
      const { r, briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': t });
      expect(briefs).toEqual([]);
      expect(r.undecided.filter((u) => u.ruleId === 'AML001')).toHaveLength(1);
    }
  });

  it("the module's own auto-loaded var files override the inputs (TF_VAR_ variables come first)", async () => {
    const prod = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const { briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'modules/ws/terraform.tfvars': 'public_network_access_enabled = false\n', 'live/prod/ws/terragrunt.hcl': prod });
    expect(briefs).toEqual([]);
  });

  it('a pre-commit run given the configuration reports its finding, as the folder run does', async () => {
    const prod = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const { briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': prod }, 'live/prod/ws/terragrunt.hcl');
    expect(briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:9:35']);
  });
});
