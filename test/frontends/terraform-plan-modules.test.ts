/**
 * Plan resources inside registry modules (issue 14, items 1 and 6 joined): a resource of a
 * keyed registry module instance (`module.kv["x.y"].azurerm_key_vault.this`) is found in the
 * `terraform init` copy the module manifest names (the static run's lookup and staleness
 * rules, `--tf-data-dir` honoured), and its findings point where the static run's do: at the
 * caller's argument that supplied the value, else at the module call header, with the place
 * inside the copy related. No finding names a path under `.terraform/`, and a finding of both
 * the `.tf` run and the plan is reported once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/api.js';
import type { Finding } from '../../src/engine/types.js';
import { FIXTURES } from '../support/fixtures.js';
import { withoutInstanceKeys } from '../../src/model/address.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-planmods-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const at = (dir: string, f: Finding): string => `${path.relative(dir, f.location.file).split(path.sep).join('/')}:${f.location.range.start.line}:${f.location.range.start.column}`;
const brief = (dir: string, r: { findings: Finding[] }): string[] => r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.variants.join(',')}`);
const UNDER_TERRAFORM = /[\\/]\.terraform[\\/]|[\\/]tfdata[\\/]/;

const SOURCE = 'Azure/avm-res-keyvault-vault/azurerm';

/** The user's root module: a keyed instance of a registry module (lines matter: 5 header, 7 source, 11 the argument). */
const MAIN = `provider "azurerm" {
  features {}
}

module "kv" {
  for_each = { "x.y" = "kv-ml-xy" }
  source   = "${SOURCE}"
  version  = "0.10.1"

  name                     = each.value
  purge_protection_enabled = false
}
`;

/** The registry module as \`terraform init\` copied it. */
const COPY = `variable "name" {
  type = string
}

variable "purge_protection_enabled" {
  type    = bool
  default = true
}

resource "azurerm_key_vault" "this" {
  name                       = var.name
  location                   = "westeurope"
  resource_group_name        = "rg-ml"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  purge_protection_enabled   = var.purge_protection_enabled
  rbac_authorization_enabled = false
}
`;

function manifest(version: string, dir = '.terraform/modules/kv'): string {
  return JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'kv', Source: `registry.terraform.io/${SOURCE}`, Version: version, Dir: dir }] });
}

/** `terraform show -json` of the root above: the key vault of `module.kv["x.y"]`, with the configuration. */
const PLAN = JSON.stringify(
  {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: {} },
    resource_changes: [
      {
        address: 'module.kv["x.y"].azurerm_key_vault.this',
        module_address: 'module.kv["x.y"]',
        mode: 'managed',
        type: 'azurerm_key_vault',
        name: 'this',
        change: {
          actions: ['create'],
          before: null,
          after: { name: 'kv-ml-xy', location: 'westeurope', resource_group_name: 'rg-ml', tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'standard', purge_protection_enabled: false, rbac_authorization_enabled: false },
          after_unknown: { id: true },
          before_sensitive: false,
          after_sensitive: {},
        },
      },
    ],
    configuration: {
      root_module: {
        module_calls: {
          kv: {
            source: SOURCE,
            version_constraint: '0.10.1',
            module: {
              resources: [
                {
                  address: 'azurerm_key_vault.this',
                  mode: 'managed',
                  type: 'azurerm_key_vault',
                  name: 'this',
                  expressions: { purge_protection_enabled: { references: ['var.purge_protection_enabled'] }, rbac_authorization_enabled: { constant_value: false } },
                },
              ],
            },
          },
        },
      },
    },
  },
  null,
  2,
);

const RULES = ['KV001', 'KV002', 'EVAL002'];

function project(files: Record<string, string> = {}): string {
  return tree({ 'main.tf': MAIN, 'plan.json': PLAN, '.terraform/modules/modules.json': manifest('0.10.1'), '.terraform/modules/kv/main.tf': COPY, ...files });
}

const planAlone = (dir: string, extra: LintOptions = {}) => lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, env: 'prod', rules: RULES, ...extra });
const folder = (dir: string, extra: LintOptions = {}) => lint({ paths: [dir], root: dir, noConfig: true, env: 'prod', rules: RULES, ...extra });

describe('plan resources inside registry modules, through the module manifest', () => {
  it('a keyed registry module instance: at the caller\'s argument, else the call header with the copy related', async () => {
    const dir = project();
    const r = await planAlone(dir);
    expect(brief(dir, r)).toEqual([
      // rbac_authorization_enabled = false is the copy's own literal: the call header.
      'KV002 main.tf:5:1 plan.json',
      // purge_protection_enabled = false, written by the caller: the static chain agrees with the plan.
      'KV001 main.tf:11:30 plan.json',
    ]);
    for (const f of r.findings) {
      expect(f.location.file).not.toMatch(UNDER_TERRAFORM);
      expect(f.address).toBe('module.kv["x.y"].azurerm_key_vault.this');
    }
    const kv002 = r.findings[0]!;
    // The place inside the copy is shown at the module call, named relative to the module (never a .terraform/ path).
    expect(path.relative(dir, kv002.related[0]!.file).split(path.sep).join('/')).toBe('main.tf');
    expect(kv002.related[0]!.range.start.line).toBe(5);
    expect(kv002.related[0]!.label).toBe(`inside the module "${SOURCE}": main.tf:17`);
    // The caller's literal flowed through the module's variable: that place is related, never primary.
    expect(r.findings[1]!.related.some((l) => l.label?.startsWith(`inside the module "${SOURCE}": main.tf:`))).toBe(true);
    expect(r.findings.flatMap((f) => f.related).some((l) => UNDER_TERRAFORM.test(l.file))).toBe(false);
  });

  it('the folder scanned with the plan in it: each finding once, fingerprints as the .tf run alone gives them', async () => {
    const dir = project();
    const both = await folder(dir);
    expect(brief(dir, both)).toEqual(['KV002 main.tf:5:1 default,plan.json', 'KV001 main.tf:11:30 default,plan.json']);
    fs.rmSync(path.join(dir, 'plan.json'));
    const tfOnly = await folder(dir);
    expect(brief(dir, tfOnly)).toEqual(['KV002 main.tf:5:1 default', 'KV001 main.tf:11:30 default']);
    expect(both.findings.map((f) => f.fingerprint)).toEqual(tfOnly.findings.map((f) => f.fingerprint));
  });

  it('a value the static run cannot know flows through the caller\'s argument: the plan finding points at that argument', async () => {
    const main = MAIN.replace('purge_protection_enabled = false', 'purge_protection_enabled = data.azurerm_key_vault.old.purge_protection_enabled') + `
data "azurerm_key_vault" "old" {
  name                = "kv-old"
  resource_group_name = "rg-ml"
}
`;
    const dir = project({ 'main.tf': main });
    const r = await planAlone(dir);
    // The whole argument (the value is not written there, it is read from the data source at plan time).
    expect(brief(dir, r)).toEqual(['KV002 main.tf:5:1 plan.json', 'KV001 main.tf:11:3 plan.json']);
    expect(r.findings[1]!.related.map((l) => l.label).some((l) => l?.startsWith(`inside the module "${SOURCE}": main.tf:`))).toBe(true);
  });

  it("a stale manifest (the copy is of another version): the call header, or the caller's argument the plan configuration says the value came from", async () => {
    const dir = project({ '.terraform/modules/modules.json': manifest('0.9.0') });
    const r = await planAlone(dir);
    expect(brief(dir, r)).toEqual(['KV002 main.tf:5:1 plan.json', 'KV001 main.tf:11:30 plan.json']);
    // Scanned with the folder: the static run says once that the call is not evaluated.
    const both = await folder(dir);
    expect(brief(dir, both)).toEqual(['KV002 main.tf:5:1 plan.json', 'EVAL002 main.tf:7:14 default', 'KV001 main.tf:11:30 plan.json']);
    expect(both.findings.find((f) => f.ruleId === 'EVAL002')!.message).toContain('the module manifest\'s copy is version 0.9.0, which "0.10.1" does not admit');
  });

  it("no manifest: the call header, or the caller's argument the value came from (plan configuration: var.purge_protection_enabled), and EVAL002 once from the static run", async () => {
    const dir = tree({ 'main.tf': MAIN, 'plan.json': PLAN, '.terraform/modules/kv/main.tf': COPY });
    const r = await planAlone(dir);
    expect(brief(dir, r)).toEqual(['KV002 main.tf:5:1 plan.json', 'KV001 main.tf:11:30 plan.json']);
    const both = await folder(dir);
    expect(brief(dir, both)).toEqual(['KV002 main.tf:5:1 plan.json', 'EVAL002 main.tf:7:14 default', 'KV001 main.tf:11:30 plan.json']);
    expect(both.findings.find((f) => f.ruleId === 'EVAL002')!.message).toContain('no module manifest');
  });

  it('--tf-data-dir: the plan mapping reads a relocated manifest too', async () => {
    const dir = tree({ 'main.tf': MAIN, 'plan.json': PLAN, 'tfdata/modules/modules.json': manifest('0.10.1', 'tfdata/modules/kv'), 'tfdata/modules/kv/main.tf': COPY });
    expect(brief(dir, await planAlone(dir))).toEqual(['KV002 main.tf:5:1 plan.json', 'KV001 main.tf:11:30 plan.json']);
    const r = await planAlone(dir, { tfDataDir: 'tfdata' });
    expect(brief(dir, r)).toEqual(['KV002 main.tf:5:1 plan.json', 'KV001 main.tf:11:30 plan.json']);
    expect(r.findings[0]!.related[0]!.file).toBe(path.join(dir, 'main.tf'));
    expect(r.findings[0]!.related[0]!.label).toBe(`inside the module "${SOURCE}": main.tf:17`);
  });

  it('a manifest folder that is a symbolic link out of the scan root is not read: the call header or argument', async () => {
    const outside = tree({ 'main.tf': COPY });
    const dir = tree({ 'main.tf': MAIN, 'plan.json': PLAN, '.terraform/modules/modules.json': manifest('0.10.1') });
    fs.symlinkSync(outside, path.join(dir, '.terraform/modules/kv'));
    const r = await planAlone(dir);
    expect(brief(dir, r)).toEqual(['KV002 main.tf:5:1 plan.json', 'KV001 main.tf:11:30 plan.json']);
  });

  it('a module nested in the copy (manifest key kv.store) is followed; findings still point at the user\'s call', async () => {
    const copy = COPY + `
module "store" {
  source  = "Azure/avm-res-storage-storageaccount/azurerm"
  version = "0.6.4"
}
`;
    const nested = `resource "azurerm_storage_account" "this" {
  name                     = "stnested"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0"
}
`;
    const records = JSON.parse(manifest('0.10.1')) as { Modules: unknown[] };
    records.Modules.push({ Key: 'kv.store', Source: 'registry.terraform.io/Azure/avm-res-storage-storageaccount/azurerm', Version: '0.6.4', Dir: '.terraform/modules/kv.store' });
    const plan = JSON.parse(PLAN) as { resource_changes: Record<string, unknown>[]; configuration: { root_module: { module_calls: { kv: { module: Record<string, unknown> } } } } };
    plan.resource_changes.push({
      address: 'module.kv["x.y"].module.store.azurerm_storage_account.this',
      module_address: 'module.kv["x.y"].module.store',
      mode: 'managed',
      type: 'azurerm_storage_account',
      name: 'this',
      change: { actions: ['create'], before: null, after: { name: 'stnested', min_tls_version: 'TLS1_0', account_tier: 'Standard', account_replication_type: 'LRS' }, after_unknown: {}, before_sensitive: false, after_sensitive: {} },
    });
    plan.configuration.root_module.module_calls.kv.module.module_calls = { store: { source: 'Azure/avm-res-storage-storageaccount/azurerm', version_constraint: '0.6.4', module: {} } };
    const dir = tree({
      'main.tf': MAIN,
      'plan.json': JSON.stringify(plan, null, 2),
      '.terraform/modules/modules.json': JSON.stringify(records),
      '.terraform/modules/kv/main.tf': copy,
      '.terraform/modules/kv.store/main.tf': nested,
    });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, env: 'prod', rules: ['ST002'] });
    expect(brief(dir, r)).toEqual(['ST002 main.tf:5:1 plan.json']);
    expect(r.findings[0]!.related[0]!.file).toBe(path.join(dir, 'main.tf'));
    expect(r.findings[0]!.related[0]!.label).toMatch(/^inside the module "[^"]+": main\.tf:7$/);
    // The folder with the plan: the static run finds the same, once.
    const both = await lint({ paths: [dir], root: dir, noConfig: true, env: 'prod', rules: ['ST002'] });
    expect(brief(dir, both)).toEqual(['ST002 main.tf:5:1 default,plan.json']);
  });

  it('a syntax error inside the copy is reported at the user\'s call, by the plan run and the .tf run alike', async () => {
    const dir = project({ '.terraform/modules/kv/main.tf': COPY + '\nlocals {\n  broken = \n}\n' });
    const r = await planAlone(dir, { rules: ['KV001', 'PARSE001'] });
    const parse = r.findings.filter((f) => f.ruleId === 'PARSE001');
    expect(parse.map((f) => at(dir, f))).toEqual(['main.tf:5:1']);
    const both = await folder(dir, { rules: ['KV001', 'PARSE001'] });
    expect(both.findings.filter((f) => f.ruleId === 'PARSE001').map((f) => at(dir, f))).toEqual(['main.tf:5:1']);
    for (const f of [...r.findings, ...both.findings]) expect(f.location.file).not.toMatch(UNDER_TERRAFORM);
  });
});

describe('instances of one block in a registry module copy', () => {
  it('the plan\'s instances and the static run\'s unexpanded instance are one finding at the call', async () => {
    // for_each from a variable only the plan knows: the static run has one instance, `module.kv`.
    const main = `variable "vaults" {\n  type = map(string)\n}\n\nmodule "kv" {\n  for_each = var.vaults\n  source   = "${SOURCE}"\n  version  = "0.10.1"\n  name     = each.value\n}\n`;
    const change = (k: string): unknown => ({
      address: `module.kv["${k}"].azurerm_key_vault.this`,
      mode: 'managed',
      type: 'azurerm_key_vault',
      name: 'this',
      change: { actions: ['create'], before: null, after: { name: `kv-${k}`, location: 'westeurope', resource_group_name: 'rg-ml', tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'standard', purge_protection_enabled: true, rbac_authorization_enabled: false }, after_unknown: {}, after_sensitive: {} },
    });
    const plan = JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', variables: { vaults: { value: { 'a.b': 'kv-a', c: 'kv-c' } } }, resource_changes: [change('a.b'), change('c')] });
    const dir = project({ 'main.tf': main, 'plan.json': plan });
    const alone = await planAlone(dir);
    expect(brief(dir, alone)).toEqual(['KV002 main.tf:5:1 plan.json']);
    const both = await folder(dir);
    expect(brief(dir, both)).toEqual(['KV002 main.tf:5:1 default,plan.json']);
  });

  it('instance keys are stripped whole (dots, brackets, escaped quotes)', () => {
    expect(withoutInstanceKeys('module.a["x.y"].module.b[0].azurerm_x.y["k.[1]"]')).toBe('module.a.module.b.azurerm_x.y');
    expect(withoutInstanceKeys('module.a["say \\"hi\\"]"].azurerm_x.y')).toBe('module.a.azurerm_x.y');
  });
});

describe('a plan of the AVM ML-workspace example after terraform init (fixture of the corpus repository)', () => {
  const EXAMPLE = 'examples/private_byo_vnet';
  const rg = { location: 'westeurope', resource_group_name: 'rg-ml-example' };
  const kv = { ...rg, tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'premium', purge_protection_enabled: false, public_network_access_enabled: false, rbac_authorization_enabled: true };
  const sa = { ...rg, account_tier: 'Standard', account_replication_type: 'LRS', allow_nested_items_to_be_public: false, min_tls_version: 'TLS1_2' };
  const changes: [string, string, Record<string, unknown>][] = [
    ['module.avm_res_keyvault_vault.azurerm_key_vault.this', 'azurerm_key_vault', { ...kv, name: 'kv-ml-example' }],
    ['module.avm_res_keyvault_vault.module.secrets.azurerm_storage_account.backup', 'azurerm_storage_account', { ...sa, name: 'kv-ml-example-backup', min_tls_version: 'TLS1_1' }],
    ['module.avm_res_storage_storageaccount.azurerm_storage_account.this', 'azurerm_storage_account', { ...sa, name: 'stmlexample', allow_nested_items_to_be_public: true }],
    ['module.avm_res_containerregistry_registry.azurerm_container_registry.this', 'azurerm_container_registry', { ...rg, name: 'acrmlexample', sku: 'Standard', admin_enabled: true }],
    ['module.logs_storage.azurerm_storage_account.this', 'azurerm_storage_account', { ...sa, name: 'stmllogs', min_tls_version: 'TLS1_0' }],
    // Planned by a Terraform whose init matched; the manifest on disk is stale now: the call header.
    ['module.stale_vault.azurerm_key_vault.this', 'azurerm_key_vault', { ...kv, name: 'kv-ml-stale' }],
  ];
  /** No `configuration`: the calls' sources and versions are read from the `.tf` (a hand-trimmed or older plan). */
  const plan = JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: changes.map(([address, type, after]) => ({
      address,
      mode: 'managed',
      type,
      name: address.split('.').pop(),
      change: { actions: ['create'], before: null, after, after_unknown: { id: true }, before_sensitive: false, after_sensitive: {} },
    })),
  });

  it('the resources inside the registry modules are located where the static run puts them; each finding once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-planmods-'));
    fs.cpSync(path.join(FIXTURES, 'registry-modules/avm-ml-workspace'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, EXAMPLE, 'plan.json'), plan);
    const rules = ['KV001', 'ST001', 'ST002', 'ACR001'];
    const alone = await lint({ paths: [path.join(dir, EXAMPLE, 'plan.json')], root: dir, noConfig: true, rules });
    const main = `${EXAMPLE}/main.tf`;
    const variant = `${EXAMPLE}/plan.json`;
    expect(brief(dir, alone)).toEqual([
      `ST002 ${main}:30:1 ${variant}`, // avm_res_keyvault_vault.secrets: a literal inside the nested copy
      `KV001 ${main}:37:35 ${variant}`,
      `ST001 ${main}:48:37 ${variant}`,
      `ACR001 ${main}:59:25 ${variant}`,
      `ST002 ${main}:62:1 ${variant}`, // //subdir source, the copy's default
      `KV001 ${main}:71:1 ${variant}`, // stale_vault
    ]);
    for (const f of alone.findings) expect(f.location.file).not.toMatch(UNDER_TERRAFORM);
    const both = await lint({ paths: [dir], root: dir, noConfig: true, rules });
    expect(brief(dir, both)).toEqual([
      `ST002 ${main}:30:1 default,${variant}`,
      `KV001 ${main}:37:35 default,${variant}`,
      `ST001 ${main}:48:37 default,${variant}`,
      `ACR001 ${main}:59:25 default,${variant}`,
      `ST002 ${main}:62:1 default,${variant}`,
      `KV001 ${main}:71:1 ${variant}`,
    ]);
  });
});
