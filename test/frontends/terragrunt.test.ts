/**
 * Terragrunt live configurations (`live/<env>/<component>/terragrunt.hcl` running a module through
 * `terraform { source = "../../../modules//<component>" }`): each is a variant of the module it
 * runs, with its `inputs` as the variables' values (Terragrunt passes them as TF_VAR_ variables)
 * and its own path's environment; a parent configuration it includes may set any other variable.
 */
import fs from 'node:fs';
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
    expect(r.undecided.map((u) => `${u.ruleId} ${u.attribute}: ${u.reason}`)).toEqual(['AML001 publicNetworkAccess: ws/terragrunt.hcl includes another configuration (no terragrunt.hcl in the scanned folders above it), whose inputs may set it']);
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

  it('a parent it includes is read: its remote_state and inputs are merged (the child wins); one without inputs sets nothing', async () => {
    const include = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n';
    const root = `${REMOTE_STATE}inputs = {\n  location = "westeurope"\n}\n`;
    const files = { 'modules/ws/main.tf': `provider "azurerm" {\n  features {}\n}\n${WORKSPACE_MODULE.replace('default = false', 'default = true')}`, 'live/root.hcl': root, 'live/prod/ws/terragrunt.hcl': `${include}${SOURCE}` };
    const dir = tree(files);
    const r = await lint({ paths: [dir], root: dir, rules: ['AML001', 'TF001'], noConfig: true });
    // The module's default applies (the parent sets no such input), and the parent's backend is the module's.
    expect(r.findings.map((f) => brief(dir, f))).toEqual(['AML001 error publicWorkspace modules/ws/main.tf:6:13']);
    expect(r.undecided).toEqual([]);
    // The parent's input, the child's winning over it.
    const parentSets = await run({ ...files, 'live/root.hcl': `${REMOTE_STATE}inputs = {\n  public_network_access_enabled = false\n}\n` });
    expect(parentSets.briefs).toEqual([]);
    const childWins = await run({ ...files, 'live/root.hcl': `${REMOTE_STATE}inputs = {\n  public_network_access_enabled = false\n}\n`, 'live/prod/ws/terragrunt.hcl': `${include}${SOURCE}inputs = {\n  public_network_access_enabled = true\n}\n` });
    expect(childWins.briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:8:35']);
  });

  it("the configuration's own literal locals are read; extra_arguments var files may set any variable", async () => {
    const withLocals = `locals {\n  open = true\n}\n${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = local.open\n}\n`;
    expect((await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': withLocals })).briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:2:10']);
    const extra = `terraform {\n  source = "../../../modules//ws"\n  extra_arguments "vars" {\n    commands           = ["plan", "apply"]\n    required_var_files = ["\${get_parent_terragrunt_dir()}/common.tfvars"]\n  }\n}\n${REMOTE_STATE}`;
    const r = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE.replace('default = false', 'default = true'), 'live/prod/ws/terragrunt.hcl': extra });
    expect(r.briefs).toEqual([]);
    expect(r.r.undecided.map((u) => u.reason)).toEqual([expect.stringContaining('the extra_arguments of ws/terragrunt.hcl pass var files or -var arguments to terraform')]);
  });

  it("a var file beside the configuration overrides its inputs (Terragrunt copies it into the working directory)", async () => {
    const prod = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const { briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': prod, 'live/prod/ws/terraform.tfvars': 'public_network_access_enabled = false\n' });
    expect(briefs).toEqual([]);
    const open = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': `${SOURCE}${REMOTE_STATE}`, 'live/prod/ws/terraform.tfvars': 'public_network_access_enabled = true\n' });
    expect(open.briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terraform.tfvars:1:33']);
  });

  it('a module a Terraform module block also calls is still run by Terragrunt with its inputs; so is one whose source is "."', async () => {
    const prod = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const example = 'module "ws" {\n  source = "../../modules/ws"\n}\n';
    const called = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'examples/basic/main.tf': example, 'live/prod/ws/terragrunt.hcl': prod });
    expect(called.briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:9:35']);
    const dot = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'modules/ws/terragrunt.hcl': `terraform {\n  source = "."\n}\n${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n` });
    expect(dot.briefs).toEqual(['AML001 warning publicWorkspace modules/ws/terragrunt.hcl:9:35']);
  });

  it('a literal secret in inputs is SEC001, whatever module it reaches (a remote source too)', async () => {
    const t = 'terraform {\n  source = "git::https://example.com/modules.git//sql?ref=v1.2.0"\n}\ninputs = {\n  admin_password = "Zx9!kPq2#Lm7"\n}\n';
    const dir = tree({ 'live/prod/sql/terragrunt.hcl': t });
    const r = await lint({ paths: [dir], root: dir, rules: ['SEC001'], noConfig: true });
    expect(r.findings.map((f) => brief(dir, f))).toEqual(['SEC001 error varFile live/prod/sql/terragrunt.hcl:5:20']);
  });

  it("what Terragrunt copies from the configuration's folder counts: a backend written there (TF001), the lock file kept there (TF003)", async () => {
    const provider = 'terraform {\n  required_providers {\n    azurerm = {\n      source = "hashicorp/azurerm"\n    }\n  }\n}\nprovider "azurerm" {\n  features {}\n}\n';
    const lock = 'provider "registry.terraform.io/hashicorp/azurerm" {\n  version = "4.20.0"\n  hashes  = []\n}\n';
    const files = {
      'modules/ws/main.tf': provider + WORKSPACE_MODULE,
      'live/prod/ws/terragrunt.hcl': SOURCE,
      'live/prod/ws/backend.tf': 'terraform {\n  backend "azurerm" {}\n}\n',
      'live/prod/ws/.terraform.lock.hcl': lock,
    };
    const dir = tree(files);
    const r = await lint({ paths: [dir], root: dir, rules: ['TF001', 'TF003'], noConfig: true });
    expect(r.findings.map((f) => brief(dir, f))).toEqual([]);
    // Without them: no backend, no lock.
    const bare = tree({ 'modules/ws/main.tf': provider + WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': SOURCE });
    const b = await lint({ paths: [bare], root: bare, rules: ['TF001', 'TF003'], noConfig: true });
    expect(b.findings.map((f) => f.ruleId).sort()).toEqual(['TF001', 'TF003']);
  });

  it('an include path written from get_terragrunt_dir() is read', async () => {
    const include = 'include "env" {\n  path = "${get_terragrunt_dir()}/../../_common/ws.hcl"\n}\n';
    const { r, briefs } = await run({
      'modules/ws/main.tf': WORKSPACE_MODULE,
      'live/_common/ws.hcl': `${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`,
      'live/prod/ws/terragrunt.hcl': `${include}${SOURCE}`,
    });
    expect(briefs).toEqual(['AML001 error publicWorkspace live/_common/ws.hcl:6:35']);
    expect(r.undecided).toEqual([]);
  });

  it("a parent whose inputs are not known leaves the child's own inputs known (the child's win)", async () => {
    const include = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n';
    const { r, briefs } = await run({
      'modules/ws/main.tf': WORKSPACE_MODULE,
      'live/root.hcl': `${REMOTE_STATE}inputs = merge(local.common, {})\n`,
      'live/prod/ws/terragrunt.hcl': `${include}${SOURCE}inputs = {\n  public_network_access_enabled = true\n}\n`,
    });
    expect(briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:8:35']);
    expect(r.undecided).toEqual([]);
  });

  it('var files of extra_arguments override even the inputs it sets: every variable is unknown', async () => {
    const extra = `terraform {\n  source = "../../../modules//ws"\n  extra_arguments "vars" {\n    commands           = ["plan", "apply"]\n    required_var_files = ["common.tfvars"]\n  }\n}\n${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const { r, briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': extra });
    expect(briefs).toEqual([]);
    expect(r.undecided).toHaveLength(1);
  });

  it('merge_strategy = "deep" merges a map input key by key', async () => {
    const include = 'include "root" {\n  path           = find_in_parent_folders("root.hcl")\n  merge_strategy = "deep"\n}\n';
    const module = WORKSPACE_MODULE.replace('variable "public_network_access_enabled" {\n  type    = bool\n  default = false\n}', 'variable "network" {\n  type = object({ public = bool, name = string })\n}').replace('var.public_network_access_enabled', 'var.network.public');
    const { briefs } = await run({
      'modules/ws/main.tf': module,
      'live/root.hcl': `${REMOTE_STATE}inputs = {\n  network = { public = false, name = "a" }\n}\n`,
      'live/prod/ws/terragrunt.hcl': `${include}${SOURCE}inputs = {\n  network = { name = "b" }\n}\n`,
    });
    // Shallowly, the child's map would replace the parent's and leave `public` out; deeply, the parent's false stays.
    expect(briefs).toEqual([]);
  });

  it('a var file beside the configuration replaces the module\'s of the same name; auto var files load by file name', async () => {
    const prod = `${SOURCE}${REMOTE_STATE}`;
    const same = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'modules/ws/terraform.tfvars': 'public_network_access_enabled = true\n', 'live/prod/ws/terragrunt.hcl': prod, 'live/prod/ws/terraform.tfvars': 'public_network_access_enabled = false\n' });
    expect(same.briefs).toEqual([]);
    const order = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'modules/ws/z.auto.tfvars': 'public_network_access_enabled = false\n', 'live/prod/ws/terragrunt.hcl': prod, 'live/prod/ws/a.auto.tfvars': 'public_network_access_enabled = true\n' });
    expect(order.briefs).toEqual([]);
  });

  it('a literal secret in a configuration under an example or template folder is a warning, as in a var file there', async () => {
    const dir = tree({ 'template/app/terragrunt.hcl': 'inputs = {\n  client_secret = "Hk29!dLq0pZx77"\n}\n' });
    const r = await lint({ paths: [dir], root: dir, rules: ['SEC001'], noConfig: true });
    expect(r.findings.map((f) => brief(dir, f))).toEqual(['SEC001 warning varFile template/app/terragrunt.hcl:2:19']);
  });

  it('a pre-commit run given the configuration reports its finding, as the folder run does', async () => {
    const prod = `${SOURCE}${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`;
    const { briefs } = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': prod }, 'live/prod/ws/terragrunt.hcl');
    expect(briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terragrunt.hcl:9:35']);
    // So does one given the var file beside it (self-review 96).
    const beside = await run({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': `${SOURCE}${REMOTE_STATE}`, 'live/prod/ws/terraform.tfvars': 'public_network_access_enabled = true\n' }, 'live/prod/ws/terraform.tfvars');
    expect(beside.briefs).toEqual(['AML001 error publicWorkspace live/prod/ws/terraform.tfvars:1:33']);
  });

  it('--cache re-lints the module when a parent configuration that was absent appears', async () => {
    const include = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n';
    const dir = tree({ 'modules/ws/main.tf': WORKSPACE_MODULE, 'live/prod/ws/terragrunt.hcl': `${include}${SOURCE}` });
    const cacheLocation = path.join(dir, '.cache');
    const lintCached = () => lint({ paths: [dir], root: dir, rules: ['AML001'], noConfig: true, cache: true, cacheLocation });
    expect((await lintCached()).undecided).toHaveLength(1);
    fs.writeFileSync(path.join(dir, 'live/root.hcl'), `${REMOTE_STATE}inputs = {\n  public_network_access_enabled = true\n}\n`);
    const warm = await lintCached();
    expect(warm.findings.map((f) => brief(dir, f))).toEqual(['AML001 error publicWorkspace live/root.hcl:6:35']);
  });
});
