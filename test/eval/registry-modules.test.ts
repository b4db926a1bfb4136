/**
 * Registry modules from `terraform init`'s manifest (issue 14, items 1-3): a call whose key is
 * in `.terraform/modules/modules.json` with a matching source and version is evaluated from
 * its copy; findings inside the copy point at the caller (no finding names `.terraform/`);
 * without a usable copy the call gets EVAL002. The fixture imitates the AVM ML-workspace
 * repository's `examples/private_byo_vnet` after `terraform init`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/api.js';
import { buildJsonReport, buildSarif, formatResult } from '../../src/report/index.js';
import type { Finding } from '../../src/engine/types.js';
import { evaluateTerraform } from '../../src/eval/terraform/project.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { FIXTURES } from '../support/fixtures.js';

const AVM = path.join(FIXTURES, 'registry-modules/avm-ml-workspace');
const EXAMPLE = 'examples/private_byo_vnet/main.tf';

const run = (dir: string, extra: LintOptions = {}) => lint({ paths: [dir], root: dir, noConfig: true, ...extra });
const rel = (dir: string, f: Finding): string => path.relative(dir, f.location.file).split(path.sep).join('/');
const brief = (dir: string, fs_: Finding[]): string[] => fs_.map((f) => `${f.ruleId} ${f.level} ${rel(dir, f)}:${f.location.range.start.line}:${f.location.range.start.column}`);

function copyTree(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-registry-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-registry-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('Terraform registry modules from the module manifest', () => {
  it('checks the key vault, storage accounts and registry inside the registry modules, at the example\'s arguments', async () => {
    const r = await run(AVM);
    expect(brief(AVM, r.findings)).toEqual([
      `TF001 note ${EXAMPLE}:1:1`,
      `EVAL002 note ${EXAMPLE}:26:13`, // naming: no manifest entry
      `ST002 error ${EXAMPLE}:30:1`, // nested key avm_res_keyvault_vault.secrets: literal inside the copy → the outer call
      `KV001 warning ${EXAMPLE}:37:35`, // purge_protection_enabled = false
      `ST001 error ${EXAMPLE}:48:37`, // allow_nested_items_to_be_public = true
      `ACR002 error ${EXAMPLE}:58:25`, // sku = "Standard", public access disabled by the module's default
      `ACR001 error ${EXAMPLE}:59:25`, // admin_enabled = true
      `ST002 error ${EXAMPLE}:62:1`, // //subdir source, TLS1_0 default inside the copy → the call
      `EVAL002 note ${EXAMPLE}:72:13`, // stale_vault: 0.11.0 asked, 0.10.1 fetched
      `EVAL002 note ${EXAMPLE}:82:12`, // aks_gpu: git source, no entry
      `GPU005 warning ${EXAMPLE}:84:18`,
    ]);
    // No finding, and no related place of a primary, names a path under .terraform/ as its place.
    for (const f of r.findings) expect(f.location.file).not.toMatch(/[\\/]\.terraform[\\/]/);
    const kv = r.findings.find((f) => f.ruleId === 'KV001')!;
    expect(kv.message).toBe('Key Vault "kv-ml-example" has no purge protection (purge_protection_enabled is false), so deleted secrets and keys can be purged for good; set purge_protection_enabled to true.');
    expect(kv.address).toBe('module.avm_res_keyvault_vault.azurerm_key_vault.this');
    // A value from a default inside the copy: at the call header, the place inside the copy related.
    const tls = r.findings.find((f) => f.ruleId === 'ST002' && f.location.range.start.line === 62)!;
    expect(rel(AVM, { ...tls, location: tls.related[0]! })).toBe(EXAMPLE);
    expect(tls.related[0]!.range.start.line).toBe(62);
    expect(tls.related[0]!.label).toMatch(/^inside module "logs_storage" \(Azure\/avm-res-storage-storageaccount\/azurerm\/\/modules\/account [\d.]+\): main\.tf:\d+$/);
    // The places inside the copy KV001 follows are shown at the module call, named relative to the module.
    expect(kv.related.map((l) => `${rel(AVM, { ...kv, location: l })}:${l.range.start.line} ${l.label}`)).toEqual([
      `${EXAMPLE}:37 module "avm_res_keyvault_vault" argument "purge_protection_enabled"`,
      `${EXAMPLE}:30 inside module "avm_res_keyvault_vault" (Azure/avm-res-keyvault-vault/azurerm 0.10.1): main.tf:13 (variable "purge_protection_enabled")`,
      `${EXAMPLE}:30 inside module "avm_res_keyvault_vault" (Azure/avm-res-keyvault-vault/azurerm 0.10.1): main.tf:29 (attribute purge_protection_enabled)`,
    ]);
    const stale = r.findings.find((f) => f.ruleId === 'EVAL002' && f.location.range.start.line === 72)!;
    expect(stale.message).toContain(`the module manifest's copy is version 0.10.1, which "0.11.0" does not admit`);
    // --verbose: each module that is not evaluated is among what could not be decided.
    expect(r.undecided.filter((u) => u.ruleId === 'EVAL002').map((u) => u.address)).toEqual(['module.naming', 'module.stale_vault', 'module.aks_gpu']);
  });

  it('no location, related location, message or undecided line of the JSON and SARIF reports names a path under .terraform/', async () => {
    const r = await run(AVM);
    const json = buildJsonReport(r);
    const sarif = buildSarif(r) as { runs: { results: unknown[] }[] };
    const cache = /(^|[\\/])\.terraform[\\/]/;
    // Rule help texts may mention `.terraform/modules/modules.json`; findings never do.
    expect(JSON.stringify(json.findings)).not.toMatch(cache);
    expect(JSON.stringify(sarif.runs[0]!.results)).not.toMatch(cache);
    expect(JSON.stringify(r.undecided)).not.toMatch(cache);
    // The stylish report (code frames, related lines) neither.
    expect(formatResult(r, 'stylish')).not.toMatch(cache);
    expect(r.findings.flatMap((f) => f.related).length).toBeGreaterThan(5);
  });

  it('without the manifest, each remote call gets EVAL002 and nothing inside is checked', async () => {
    const r = await run(AVM, { tfDataDir: 'no-such-dir' });
    expect(brief(AVM, r.findings)).toEqual([
      `TF001 note ${EXAMPLE}:1:1`,
      `EVAL002 note ${EXAMPLE}:26:13`,
      `EVAL002 note ${EXAMPLE}:31:13`,
      `EVAL002 note ${EXAMPLE}:42:13`,
      `EVAL002 note ${EXAMPLE}:52:13`,
      `EVAL002 note ${EXAMPLE}:63:13`,
      `EVAL002 note ${EXAMPLE}:72:13`,
      `EVAL002 note ${EXAMPLE}:82:12`,
      `GPU005 warning ${EXAMPLE}:84:18`,
    ]);
    expect(r.findings[2]!.message).toBe(
      // The folder the user named, not the default one.
      'Module "avm_res_keyvault_vault" ("Azure/avm-res-keyvault-vault/azurerm") is not evaluated, so the resources it creates are not checked: no module manifest (no-such-dir/modules/modules.json): run `terraform init` with TF_DATA_DIR=no-such-dir before linting.',
    );
    expect(r.undecided.filter((u) => u.ruleId === 'EVAL002')).toHaveLength(7);
  });

  it('a relative --tf-data-dir that leads out of the scan root says a manifest there is never read', async () => {
    const out = `${'../'.repeat(24)}elsewhere`;
    const r = await run(AVM, { tfDataDir: out });
    expect(r.findings.find((f) => f.ruleId === 'EVAL002')!.message).toContain(`no module manifest (${out}/modules/modules.json) (a manifest outside the scan root is never read): run \`terraform init\` with TF_DATA_DIR=${out} before linting.`);
    // Through `..` but still inside the root: only "not found" (self-review 73).
    const inside = await run(AVM, { tfDataDir: '../x' });
    expect(inside.findings.find((f) => f.ruleId === 'EVAL002')!.message).toContain('no module manifest (../x/modules/modules.json): run');
  });

  it('an absolute --tf-data-dir that is missing or outside the scan root is a usage error', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-tfdata-'));
    await expect(run(AVM, { tfDataDir: path.join(outside, 'none') })).rejects.toThrow(`--tf-data-dir not found: ${path.join(outside, 'none')}`);
    await expect(run(AVM, { tfDataDir: outside })).rejects.toThrow(`--tf-data-dir ${outside} is outside the scan root`);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('fingerprints do not change with the module version', async () => {
    const dir = copyTree(AVM);
    const before = (await run(dir)).findings.filter((f) => f.ruleId !== 'EVAL002').map((f) => f.fingerprint);
    const main = path.join(dir, EXAMPLE);
    fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace('version = "0.10.1"', 'version = "0.10.2"'));
    const manifest = path.join(dir, 'examples/private_byo_vnet/.terraform/modules/modules.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"avm_res_keyvault_vault","Source":"registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm","Version":"0.10.1"', '"avm_res_keyvault_vault","Source":"registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm","Version":"0.10.2"'));
    const after = (await run(dir)).findings.filter((f) => f.ruleId !== 'EVAL002').map((f) => f.fingerprint);
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(5);
  });

  it('--tf-data-dir: a relocated TF_DATA_DIR, relative to the root module', async () => {
    const dir = tree({
      'main.tf': `module "acr" {\n  source  = "Azure/avm-res-containerregistry-registry/azurerm"\n  version = "0.4.0"\n  admin_enabled = true\n}\n`,
      'tfdata/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'acr', Source: 'registry.terraform.io/Azure/avm-res-containerregistry-registry/azurerm', Version: '0.4.0', Dir: 'tfdata/modules/acr' }] }),
      'tfdata/modules/acr/main.tf': `variable "admin_enabled" {\n  type = bool\n}\n\nresource "azurerm_container_registry" "this" {\n  name                = "acrml"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  sku                 = "Premium"\n  admin_enabled       = var.admin_enabled\n}\n`,
    });
    // Without the flag the copy is not found; with it, tfdata/modules/acr is read only through the call.
    const without = await run(dir);
    expect(without.findings.filter((f) => f.ruleId === 'ACR001')).toEqual([]);
    expect(without.findings.filter((f) => f.ruleId === 'EVAL002')).toHaveLength(1);
    const withFlag = await run(dir, { tfDataDir: 'tfdata' });
    expect(brief(dir, withFlag.findings)).toEqual(['ACR001 error main.tf:4:19']);
  });

  it('--tf-data-dir: the module copies in that folder are not linted as code of their own (as under .terraform/)', async () => {
    const dir = tree({
      'main.tf': `terraform {\n  backend "azurerm" {}\n}\nmodule "acr" {\n  source  = "contoso/acr/azurerm"\n  version = "1.2.0"\n  admin   = false\n}\n`,
      'envs/prod/.tfdata/modules/modules.json': '{}',
      '.tfdata/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'acr', Source: 'registry.terraform.io/contoso/acr/azurerm', Version: '1.2.0', Dir: '.tfdata/modules/acr' }] }),
      '.tfdata/modules/acr/main.tf': `variable "admin" {\n  type    = bool\n  default = true\n}\nresource "azurerm_container_registry" "acr" {\n  name                = "acr"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  sku                 = "Premium"\n  admin_enabled       = var.admin\n}\n`,
      'envs/prod/.tfdata/modules/acr/main.tf': `resource "azurerm_container_registry" "acr" {\n  admin_enabled = true\n}\n`,
    });
    for (const tfDataDir of ['.tfdata', './.tfdata/', path.join(dir, '.tfdata')]) {
      const r = await run(dir, { tfDataDir, disable: ['TF003'] });
      // The caller passes admin = false: nothing to report; the copy's default is not linted on its own.
      const outside = path.isAbsolute(tfDataDir) ? ['ACR001 error envs/prod/.tfdata/modules/acr/main.tf:2:19'] : [];
      expect(brief(dir, r.findings), tfDataDir).toEqual(outside);
    }
  });

  it('--tf-data-dir: a files-only run (pre-commit) does not take a module copy there for a caller of the given module, as the folder run does not', async () => {
    const dir = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'main.tf': `terraform {\n  backend "azurerm" {}\n}\nmodule "infra" {\n  source = "./infra"\n  admin  = false\n}\n`,
      'infra/main.tf': `variable "admin" {\n  default = true\n}\nresource "azurerm_container_registry" "acr" {\n  name          = "acr"\n  sku           = "Premium"\n  admin_enabled = var.admin\n}\n`,
      // A copy that calls the module with its default: code of its own only without the flag.
      '.tfdata/modules/wrap/main.tf': `module "inner" {\n  source = "../../../infra"\n}\n`,
    });
    const given = path.join(dir, 'infra/main.tf');
    const folder = await run(dir, { tfDataDir: '.tfdata', disable: ['TF003'] });
    const only = await run(dir, { paths: [given], onlyFiles: [given], tfDataDir: '.tfdata', disable: ['TF003'] });
    expect(brief(dir, folder.findings)).toEqual([]);
    expect(brief(dir, only.findings)).toEqual([]);
  });

  it('a manifest Dir outside the scan root is not read: EVAL002 says so', async () => {
    const outside = tree({ 'main.tf': `resource "azurerm_container_registry" "this" {\n  name = "acr"\n  admin_enabled = true\n}\n` });
    const dir = tree({
      'main.tf': `module "acr" {\n  source  = "Azure/avm-res-containerregistry-registry/azurerm"\n}\n`,
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'acr', Source: 'registry.terraform.io/Azure/avm-res-containerregistry-registry/azurerm', Version: '0.4.0', Dir: path.relative('/', outside).replace(/^/, '/') }] }),
    });
    const r = await run(dir);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['EVAL002']);
    expect(r.findings[0]!.message).toContain('is outside the scanned folder');
  });

  it('a copied folder that is a symbolic link to outside the root is not read', async () => {
    const outside = tree({ 'main.tf': `resource "azurerm_container_registry" "this" {\n  name          = "acr"\n  admin_enabled = true\n}\n` });
    const dir = tree({
      'main.tf': `module "acr" {\n  source = "Azure/avm-res-containerregistry-registry/azurerm"\n}\n`,
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'acr', Source: 'registry.terraform.io/Azure/avm-res-containerregistry-registry/azurerm', Version: '0.4.0', Dir: '.terraform/modules/acr' }] }),
    });
    fs.symlinkSync(outside, path.join(dir, '.terraform/modules/acr'));
    const r = await run(dir);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['EVAL002']);
    expect(r.findings[0]!.message).toContain("the module manifest's copy (.terraform/modules/acr) is missing or leads out of the scanned folder");
  });

  it('a manifest that does not parse is no manifest', async () => {
    const dir = tree({
      'main.tf': `module "acr" {\n  source  = "Azure/avm-res-containerregistry-registry/azurerm"\n}\n`,
      '.terraform/modules/modules.json': '{"Modules": [',
    });
    const r = await run(dir);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['EVAL002']);
    expect(r.findings[0]!.message).toContain('the module manifest (.terraform/modules/modules.json) cannot be read: it is not valid JSON');
  });

  it("a finding inside a copy whose attribute is absent points at the module block, not at another resource the rule names (AML002's registry)", async () => {
    const main = `resource "azurerm_container_registry" "acr" {
  name                          = "acrml"
  resource_group_name           = "rg"
  location                      = "westeurope"
  sku                           = "Premium"
  public_network_access_enabled = false
}

module "ws" {
  source      = "Azure/avm-res-machinelearningservices-workspace/azurerm"
  version     = "0.9.0"
  registry_id = azurerm_container_registry.acr.id
}
`;
    const files = (mainTf: string): Record<string, string> => ({
      'main.tf': mainTf,
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'ws', Source: 'registry.terraform.io/Azure/avm-res-machinelearningservices-workspace/azurerm', Version: '0.9.0', Dir: '.terraform/modules/ws' }] }),
      '.terraform/modules/ws/main.tf': `variable "registry_id" {
  type = string
}

resource "azapi_resource" "this" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"
  name      = "mlw"
  parent_id = "/subscriptions/0/resourceGroups/rg"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
      containerRegistry   = var.registry_id
    }
  }
}
`,
    });
    const dir = tree(files(main));
    const r = await run(dir, { rules: ['AML002'] });
    expect(brief(dir, r.findings)).toEqual(['AML002 error main.tf:9:1']);
    // A suppression above the module block covers it.
    const suppressed = tree(files(main.replace('module "ws" {', '# mlops-iac-lint-ignore AML002 -- serverless image builds through the managed network\nmodule "ws" {')));
    const s = await run(suppressed, { rules: ['AML002'] });
    expect(s.findings.map((f) => f.suppression?.kind)).toEqual(['inSource']);
  });

  it('a policy finding inside a copy points at the module block, not into the policy definition', async () => {
    const dir = tree({
      'main.tf': 'module "ws" {\n  source  = "Azure/avm-res-ws/azurerm"\n  version = "1.0.0"\n  name    = "mlw"\n}\n',
      '.mlops-iac-lint.json': '{ "policies": { "definitions": ["policies/*.json"] } }',
      'policies/loc.json': JSON.stringify({ properties: { displayName: 'Allowed locations', mode: 'Indexed', policyRule: { if: { not: { field: 'location', in: ['westeurope'] } }, then: { effect: 'deny' } } } }, null, 2),
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'ws', Source: 'registry.terraform.io/Azure/avm-res-ws/azurerm', Version: '1.0.0', Dir: '.terraform/modules/ws' }] }),
      '.terraform/modules/ws/main.tf':
        'variable "name" {\n  type = string\n}\n\nresource "azurerm_machine_learning_workspace" "this" {\n  name                          = var.name\n  location                      = "eastus"\n  resource_group_name           = "rg"\n  application_insights_id       = "a"\n  key_vault_id                  = "k"\n  storage_account_id            = "s"\n  public_network_access_enabled = false\n}\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['GOV002'] });
    expect(brief(dir, r.findings)).toEqual(['GOV002 error main.tf:1:1']);
  });

  it('parses a copied module folder once, however many calls use it', () => {
    const dir = tree({
      'main.tf': [1, 2, 3].map((i) => `module "dns${i}" {\n  source  = "Azure/avm-res-network-privatednszone/azurerm"\n  version = "0.3.0"\n  name    = "zone${i}"\n}\n`).join('\n') + 'provider "azurerm" {\n  features {}\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [1, 2, 3].map((i) => ({ Key: `dns${i}`, Source: 'registry.terraform.io/Azure/avm-res-network-privatednszone/azurerm', Version: '0.3.0', Dir: '.terraform/modules/dns' })),
      }),
      '.terraform/modules/dns/main.tf': `variable "name" {\n  type = string\n}\n\nresource "azurerm_private_dns_zone" "this" {\n  name                = var.name\n  resource_group_name = "rg"\n}\n`,
    });
    const parsed = new Map<string, number>();
    const main = path.join(dir, 'main.tf');
    const tf = evaluateTerraform({
      root: dir,
      tfFiles: [main],
      varFiles: [],
      cliVarFiles: [],
      parseHcl: (f) => {
        parsed.set(f, (parsed.get(f) ?? 0) + 1);
        return parseHcl(fs.readFileSync(f, 'utf8'), f);
      },
      readText: (f) => fs.readFileSync(f, 'utf8'),
      insideRoot: (d) => !path.relative(dir, d).startsWith('..'),
      listTfFiles: (d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((n) => n.endsWith('.tf')).map((n) => path.join(d, n)) : undefined),
      moduleManifest: (d) => {
        const file = path.join(d, '.terraform/modules/modules.json');
        return fs.existsSync(file) ? { file, text: fs.readFileSync(file, 'utf8') } : undefined;
      },
    });
    const resources = tf.evaluations.flatMap((e) => e.resources);
    expect(resources.map((r) => r.address)).toEqual(['module.dns1.azurerm_private_dns_zone.this', 'module.dns2.azurerm_private_dns_zone.this', 'module.dns3.azurerm_private_dns_zone.this']);
    expect(parsed.get(path.join(dir, '.terraform/modules/dns/main.tf'))).toBe(1);
    expect(resources.every((r) => r.vendored?.call.file === main)).toBe(true);
  });
});

describe('Bicep registry modules from the compiled twin', () => {
  const TWIN = path.join(FIXTURES, 'registry-modules/bicep-twin');

  it('takes a br/public: module\'s body from the twin\'s nested deployment of the same name', async () => {
    const r = await run(TWIN);
    expect(brief(TWIN, r.findings)).toEqual(['KV001 warning main.bicep:11:28']);
    const kv = r.findings[0]!;
    expect(kv.message).toContain('Key Vault "kv-ml-twin" has no purge protection');
    expect(kv.related.map((l) => `${path.basename(l.file)}:${l.range.start.line} ${l.label ?? ''}`)).toEqual([
      'main.bicep:11 module "kv" param "enablePurgeProtection"',
      'main.json:50 parameter "enablePurgeProtection"',
      // The resource property that consumed the value (4d0c2cc: RULES.md Location "The resource
      // attribute that consumed it is a relatedLocation").
      'main.json:71 attribute properties.enablePurgeProtection',
    ]);
  });

  it('a twin without the module\'s deployment: EVAL002', async () => {
    const dir = copyTree(TWIN);
    const bicep = path.join(dir, 'main.bicep');
    fs.writeFileSync(bicep, fs.readFileSync(bicep, 'utf8').replace('module kv ', 'module vault '));
    const r = await run(dir);
    expect(brief(dir, r.findings)).toEqual(['EVAL002 note main.bicep:6:14']);
    expect(r.findings[0]!.message).toContain('its compiled twin main.json has no nested deployment "vault"');
  });
});
