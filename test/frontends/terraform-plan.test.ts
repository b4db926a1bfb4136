/**
 * Terraform plan JSON as input (issue "See what the deployment sees", FORMATS.md §5): plan
 * resources are linted with their `.tf` lines, keyed module instances and `count` included;
 * sensitive and unknown values are never reported or printed; SEC001 never reads plan values;
 * a finding of both the `.tf` run and the plan is reported once; without a `.tf`, findings point
 * into the plan JSON and say so. The rule tables carry plan cases too (KV001, AML001).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/api.js';
import { tempTrees } from '../support/temp-tree.js';
import type { Finding } from '../../src/engine/types.js';
import { parseAddress, baseAddress } from '../../src/eval/terraform-plan/address.js';
import { withoutInstanceKeys } from '../../src/model/address.js';
import { JsonStreamError, streamJson } from '../../src/parse/json/stream.js';
import { evaluatePlan } from '../../src/eval/terraform-plan/evaluate.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/terraform-plan');

function tmp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-plan-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** `file:line:column` of a finding, relative to `dir`. */
const at = (dir: string, f: Finding): string => `${path.relative(dir, f.location.file).split(path.sep).join('/')}:${f.location.range.start.line}:${f.location.range.start.column}`;

/** A plan JSON with these resource changes (and configuration), as `terraform show -json` writes it. */
function plan(changes: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, resource_changes: changes, ...extra }, null, 2) + '\n';
}

function change(address: string, type: string, after: Record<string, unknown>, opts: { actions?: string[]; unknown?: Record<string, unknown>; sensitive?: Record<string, unknown>; moduleAddress?: string } = {}): unknown {
  const name = /\.([^.[]+)(\[[^\]]*\])?$/.exec(address)![1];
  return {
    address,
    ...(opts.moduleAddress ? { module_address: opts.moduleAddress } : {}),
    mode: 'managed',
    type,
    name,
    change: { actions: opts.actions ?? ['create'], before: null, after, after_unknown: opts.unknown ?? {}, before_sensitive: false, after_sensitive: opts.sensitive ?? {} },
  };
}

const KV_TF = `variable "purge" {
  type = bool
}

resource "azurerm_key_vault" "kv" {
  name                     = "kv-ml"
  location                 = "westeurope"
  resource_group_name      = "rg-ml"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = var.purge
}
`;
const KV_AFTER = { name: 'kv-ml', location: 'westeurope', resource_group_name: 'rg-ml', tenant_id: '00000000-0000-0000-0000-000000000000', sku_name: 'standard', purge_protection_enabled: false, rbac_authorization_enabled: true };


const { tree, cleanup } = tempTrees('mil-plan-');
afterAll(cleanup);

describe('plan addresses', () => {
  it('keeps instance keys with dots, brackets and quotes whole', () => {
    const a = parseAddress('module.a["x.y"].module.b[0].azurerm_key_vault.kv["k.[1]"]')!;
    expect(a.modules).toEqual([{ name: 'a', key: '["x.y"]' }, { name: 'b', key: '[0]' }]);
    expect([a.type, a.name, a.key]).toEqual(['azurerm_key_vault', 'kv', '["k.[1]"]']);
    expect(baseAddress(a)).toBe('module.a["x.y"].module.b[0].azurerm_key_vault.kv');
    expect(withoutInstanceKeys(baseAddress(a))).toBe('module.a.module.b.azurerm_key_vault.kv');
    const q = parseAddress('module.a["say \\"hi\\". now"].azurerm_x.y')!;
    expect(q.modules[0]).toEqual({ name: 'a', key: '["say \\"hi\\". now"]' });
    expect(parseAddress('data.azurerm_client_config.current')?.mode).toBe('data');
    expect(parseAddress('module.a["unterminated')).toBeUndefined();
    expect(parseAddress('azurerm_x')).toBeUndefined();
  });
});

describe('streaming JSON', () => {
  /** Feeds `text` in chunks of `n` characters. */
  const chunks = (text: string, n: number): Iterator<string, void> => {
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += n) parts.push(text.slice(i, i + n));
    return parts[Symbol.iterator]() as Iterator<string, void>;
  };

  it('hands over raw values across chunk boundaries, with positions, and skips the rest', () => {
    const text = '{\n  "skip": {"a": "}\\"]", "b": [1, [2]]},\n  "items": [ {"k": "v\\\\"}, 2 ],\n  "x": true\n}\n';
    for (const n of [1, 3, 7, 1000]) {
      const got: [string, unknown, string][] = [];
      streamJson(chunks(text, n), {
        at: (p) => (p.length === 0 || (p.length === 1 && p[0] === 'items') ? 'enter' : p[0] === 'items' ? 'raw' : 'skip'),
        raw: (p, raw, start) => void got.push([String(p[1]), JSON.parse(raw), `${start.line}:${start.column}:${start.offset}`]),
      });
      expect(got).toEqual([
        ['0', { k: 'v\\' }, '3:14:55'],
        ['1', 2, '3:28:69'],
      ]);
    }
  });

  it('a raw value or key spanning many chunks, escapes at the chunk boundaries included, is handed over whole', () => {
    // Backslash runs of every length end at a chunk boundary somewhere (chunks of 1..5).
    const long = Array.from({ length: 200 }, (_, i) => `${'\\\\'.repeat(i % 4)}\\"x${i}`).join('');
    const text = `{"items": [{"k": "${long}", "b": [1, 2]}, 3], "after": "${long}"}`;
    const expected = JSON.parse(text) as { items: unknown[] };
    for (const n of [1, 2, 3, 5, 64]) {
      const got: unknown[] = [];
      const keys: string[] = [];
      streamJson(chunks(text, n), {
        at: (p) => {
          if (p.length > 0) keys.push(String(p[p.length - 1]));
          return p.length === 0 || (p.length === 1 && p[0] === 'items') ? 'enter' : p[0] === 'items' ? 'raw' : 'skip';
        },
        raw: (_p, raw) => void got.push(JSON.parse(raw)),
      });
      expect(got).toEqual(expected.items);
      expect(keys).toEqual(['items', '0', '1', 'after']);
    }
  });

  it('reports syntax errors and the nesting limit at their position', () => {
    const err = (text: string): string => {
      try {
        streamJson(chunks(text, 4), { at: (p) => (p.length === 0 ? 'enter' : 'skip') });
      } catch (e) {
        if (e instanceof JsonStreamError) return `${e.position.line}:${e.position.column} ${e.message}`;
        throw e;
      }
      return 'no error';
    };
    expect(err('{\n  "a": 1\n  "b": 2\n}')).toBe('3:3 Expected a comma or a closing brace here');
    expect(err('{"a": [1, 2')).toMatch(/^1:\d+ Unexpected end of the file/);
    expect(err(`{"a": ${'['.repeat(600)}${']'.repeat(600)}}`)).toMatch(/^1:\d+ Nesting deeper than 500 levels/);
    expect(err('{"a": tru}')).toBe('1:7 Invalid symbol');
  });
});

describe('plan JSON linted with its .tf lines', () => {
  it('keyed module instances, count, azapi body as string and object, a registry module: each at its .tf line', async () => {
    // A copy outside this repository: inside it, the folders above the fixture (`test/…`) would class it nonprod.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-plan-keyed-'));
    fs.cpSync(path.join(FIXTURES, 'keyed'), dir, { recursive: true });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, rules: ['KV001', 'KV002', 'ST002', 'AML001', 'TF004', 'SEC001'] });
    const got = r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.level} ${f.address}`);
    expect(got).toEqual([
      // count: both instances of azurerm_key_vault.kv at the attribute that set the value (a -var, so no chain).
      'KV001 main.tf:27:3 error azurerm_key_vault.kv[0]',
      // A resource of a registry module without a terraform init copy (no manifest): the module block of its caller.
      'KV001 main.tf:36:1 error module.net.azurerm_key_vault.inner',
      'KV002 main.tf:36:1 note module.net.azurerm_key_vault.inner',
      // module.ml["x.y"]: the literal in modules/ml (the static evaluator agrees with the plan).
      'ST002 modules/ml/main.tf:11:30 error module.ml["x.y"].azurerm_storage_account.sa',
      // azapi body as a JSON string (v1 jsonencode) and as an object (v2).
      'AML001 modules/ml/main.tf:21:29 error module.ml["x.y"].azapi_resource.ws_string',
      'AML001 modules/ml/main.tf:33:29 error module.ml["x.y"].azapi_resource.ws_object',
    ]);
    // Named as a file argument: linted on purpose, so no TF004. SEC001 never reads plan values.
    expect(r.findings.every((f) => f.variants.includes('plan.json'))).toBe(true);
    // The storage account key is sensitive in the plan: never printed anywhere.
    const everything = JSON.stringify({ findings: r.findings, undecided: r.undecided, notifications: r.notifications });
    expect(everything).not.toContain('c2VjcmV0LWtleS1kby1ub3QtcHJpbnQ=');
    // The plan is streamed, never cached: no code frame or evidence can show a line of it.
    expect(r.sources.has(path.join(dir, 'plan.json'))).toBe(false);
  });

  it('a plan named on its own with its .tf beside it: a value known only after apply is listed as undecided (located in the .tf)', async () => {
    const change = { actions: ['create'], before: null, after: { name: 'acrml', location: 'westeurope', resource_group_name: 'rg-ml', sku: 'Premium' }, after_unknown: { admin_enabled: true, id: true } };
    const config = { root_module: { resources: [{ address: 'azurerm_container_registry.acr', mode: 'managed', type: 'azurerm_container_registry', name: 'acr', expressions: { admin_enabled: { references: ['data.external.flags.result.acr_admin'] }, name: { constant_value: 'acrml' }, sku: { constant_value: 'Premium' } } }] } };
    const plan = { format_version: '1.2', terraform_version: '1.7.5', resource_changes: [{ address: 'azurerm_container_registry.acr', mode: 'managed', type: 'azurerm_container_registry', name: 'acr', change }], configuration: config };
    const dir = tree({
      'main.tf': 'resource "azurerm_container_registry" "acr" {\n  name                = "acrml"\n  location            = "westeurope"\n  resource_group_name = "rg-ml"\n  sku                 = "Premium"\n  admin_enabled       = data.external.flags.result.acr_admin == "true"\n}\n',
      'plan.json': JSON.stringify(plan),
    });
    // As the CLI runs a named file (the README's CI command): only that file's results.
    const planFile = path.join(dir, 'plan.json');
    const r = await lint({ paths: [planFile], onlyFiles: [planFile], root: dir, noConfig: true, rules: ['ACR001'] });
    expect(r.findings).toEqual([]);
    expect(r.undecided.map((u) => `${u.ruleId} ${path.relative(dir, u.location.file)}:${u.location.range.start.line} ${u.reason}`)).toEqual(['ACR001 main.tf:6 admin_enabled is known only after apply']);
  });

  it('a value the plan took from a var file (the last auto file that sets it, else a -var-file) is located at its line, one finding with the static run', async () => {
    const change = { actions: ['create'], before: null, after: { name: 'mlw-prod', public_network_access_enabled: true }, after_unknown: {} };
    const config = { root_module: { resources: [{ address: 'azurerm_machine_learning_workspace.ws', mode: 'managed', type: 'azurerm_machine_learning_workspace', name: 'ws', expressions: { public_network_access_enabled: { references: ['var.public_access'] } } }] } };
    const plan = { format_version: '1.2', terraform_version: '1.7.5', variables: { public_access: { value: true } }, resource_changes: [{ address: 'azurerm_machine_learning_workspace.ws', mode: 'managed', type: 'azurerm_machine_learning_workspace', name: 'ws', change }], configuration: config };
    const dir = tree({
      'main.tf': 'variable "public_access" {\n  type    = bool\n  default = false\n}\n\nresource "azurerm_machine_learning_workspace" "ws" {\n  name                          = "mlw-prod"\n  public_network_access_enabled = var.public_access\n}\n',
      'terraform.tfvars': 'public_access = true\n',
      // Loaded after terraform.tfvars, so the value is this file's (Terraform's precedence); a backend file is no var file.
      'net.auto.tfvars': '# network\npublic_access = true\n',
      'prod.backend.tfvars': 'public_access = true\n',
      'plan.json': JSON.stringify(plan),
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['AML001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.variants.join(',')}`)).toEqual(['AML001 net.auto.tfvars:2:17 default,plan.json']);
  });

  it('a value the plan took from a var file named for an environment after the extension (terraform.tfvars.prod) is located at its line', async () => {
    const change = { actions: ['create'], before: null, after: { name: 'mlw-prod', public_network_access_enabled: true }, after_unknown: {} };
    const config = { root_module: { resources: [{ address: 'azurerm_machine_learning_workspace.ws', mode: 'managed', type: 'azurerm_machine_learning_workspace', name: 'ws', expressions: { public_network_access_enabled: { references: ['var.public_access'] } } }] } };
    const plan = { format_version: '1.2', terraform_version: '1.7.5', variables: { public_access: { value: true } }, resource_changes: [{ address: 'azurerm_machine_learning_workspace.ws', mode: 'managed', type: 'azurerm_machine_learning_workspace', name: 'ws', change }], configuration: config };
    const dir = tree({
      'main.tf': 'variable "public_access" {\n  type    = bool\n  default = false\n}\n\nresource "azurerm_machine_learning_workspace" "ws" {\n  name                          = "mlw-prod"\n  public_network_access_enabled = var.public_access\n}\n',
      'terraform.tfvars.prod': 'public_access = true\n',
      'plan.json': JSON.stringify(plan),
    });
    const planFile = path.join(dir, 'plan.json');
    const r = await lint({ paths: [planFile], onlyFiles: [planFile], root: dir, noConfig: true, rules: ['AML001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)}`)).toEqual(['AML001 terraform.tfvars.prod:1:17']);
  });

  // The usual `machine_learning_workspace_id = azurerm_machine_learning_workspace.mlw.id`: the plan
  // leaves the id unknown until apply, so the plan's compute has no parent the static run's has
  // (review 71: TAG002 twice, with one fingerprint).
  it('a resource whose parent the plan creates (its id unknown until apply) is one finding with the static run', async () => {
    const ws = { address: 'azurerm_machine_learning_workspace.mlw', mode: 'managed', type: 'azurerm_machine_learning_workspace', name: 'mlw', change: { actions: ['create'], before: null, after: { name: 'mlw-demo', location: 'westeurope', resource_group_name: 'rg-ml', public_network_access_enabled: false }, after_unknown: { id: true } } };
    const cc = {
      address: 'azurerm_machine_learning_compute_cluster.gpu',
      mode: 'managed',
      type: 'azurerm_machine_learning_compute_cluster',
      name: 'gpu',
      change: { actions: ['create'], before: null, after: { name: 'gpu', location: 'westeurope', vm_priority: 'Dedicated', vm_size: 'Standard_NC24ads_A100_v4', node_public_ip_enabled: false, tags: null, scale_settings: [{ min_node_count: 0, max_node_count: 2 }] }, after_unknown: { id: true, machine_learning_workspace_id: true, scale_settings: [{}] } },
    };
    const plan = { format_version: '1.2', terraform_version: '1.9.8', resource_changes: [ws, cc] };
    const dir = tree({
      'main.tf':
        'resource "azurerm_machine_learning_workspace" "mlw" {\n  name                          = "mlw-demo"\n  location                      = "westeurope"\n  resource_group_name           = "rg-ml"\n  public_network_access_enabled = false\n}\n\nresource "azurerm_machine_learning_compute_cluster" "gpu" {\n  name                          = "gpu"\n  location                      = "westeurope"\n  vm_priority                   = "Dedicated"\n  vm_size                       = "Standard_NC24ads_A100_v4"\n  machine_learning_workspace_id = azurerm_machine_learning_workspace.mlw.id\n  node_public_ip_enabled        = false\n  scale_settings {\n    min_node_count = 0\n    max_node_count = 2\n  }\n}\n',
      'plan.json': JSON.stringify(plan),
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['TAG002'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.variants.join(',')}`)).toEqual(['TAG002 main.tf:8:1 default,plan.json']);
  });

  it('the folder with the plan in it: static and plan findings are one, the plan is TF004', async () => {
    const dir = path.join(FIXTURES, 'keyed');
    const r = await lint({ paths: [dir], root: dir, noConfig: true, env: 'prod', rules: ['ST002', 'AML001', 'TF004'] });
    const got = r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.variants.join(',')}`);
    expect(got).toEqual([
      'ST002 modules/ml/main.tf:11:30 default,plan.json',
      'AML001 modules/ml/main.tf:21:29 default,plan.json',
      'AML001 modules/ml/main.tf:33:29 default,plan.json',
      'TF004 plan.json:1:1 default',
    ]);
  });

  it('an azapi body member: a value only the plan knows is at the member that consumes it, and a reference known after apply keeps its resource', async () => {
    // minNodeCount = var.min_nodes, 3 in the plan's variables (written in no scanned file): at
    // that member (it was the whole body = {…} block); containerRegistry = azapi_resource.acr.id
    // (known after apply): the workspace's registry is the scanned private one (AML002 was lost).
    const location = tmp({ 'main.tf': "variable \"min_nodes\" {\n  type    = number\n  default = 0\n}\n\nresource \"azapi_resource\" \"cluster\" {\n  type      = \"Microsoft.MachineLearningServices/workspaces/computes@2024-04-01\"\n  name      = \"cpu\"\n  parent_id = \"/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws\"\n  body = {\n    properties = {\n      computeType = \"AmlCompute\"\n      properties = {\n        vmSize        = \"Standard_D4s_v3\"\n        scaleSettings = { minNodeCount = var.min_nodes, maxNodeCount = 4 }\n      }\n    }\n  }\n}\n", 'plan.json': "{\n  \"format_version\": \"1.2\",\n  \"terraform_version\": \"1.9.5\",\n  \"variables\": { \"min_nodes\": { \"value\": 3 } },\n  \"resource_changes\": [\n    { \"address\": \"azapi_resource.cluster\", \"mode\": \"managed\", \"type\": \"azapi_resource\", \"name\": \"cluster\",\n      \"change\": { \"actions\": [\"create\"], \"before\": null,\n        \"after\": { \"type\": \"Microsoft.MachineLearningServices/workspaces/computes@2024-04-01\", \"name\": \"cpu\",\n                   \"parent_id\": \"/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws\",\n                   \"body\": { \"properties\": { \"computeType\": \"AmlCompute\", \"properties\": { \"vmSize\": \"Standard_D4s_v3\", \"scaleSettings\": { \"minNodeCount\": 3, \"maxNodeCount\": 4 } } } } },\n        \"after_unknown\": { \"id\": true, \"output\": true }, \"after_sensitive\": {} } }\n  ]\n}\n" });
    const r1 = await lint({ paths: [path.join(location, 'plan.json')], root: location, noConfig: true });
    expect(r1.findings.filter((f) => f.ruleId === 'AML004').map((f) => at(location, f))).toEqual(['main.tf:15:27']);
    const reference = tmp({ 'main.tf': "resource \"azapi_resource\" \"acr\" {\n  type      = \"Microsoft.ContainerRegistry/registries@2023-07-01\"\n  name      = \"acrplan\"\n  parent_id = \"/subscriptions/0/resourceGroups/rg\"\n  body = {\n    sku        = { name = \"Premium\" }\n    properties = { publicNetworkAccess = \"Disabled\" }\n  }\n}\n\nresource \"azapi_resource\" \"ws\" {\n  type      = \"Microsoft.MachineLearningServices/workspaces@2024-04-01\"\n  name      = \"ws-plan\"\n  parent_id = \"/subscriptions/0/resourceGroups/rg\"\n  body = {\n    properties = {\n      publicNetworkAccess = \"Disabled\"\n      containerRegistry   = azapi_resource.acr.id\n    }\n  }\n}\n", 'plan.json': "{\n  \"format_version\": \"1.2\",\n  \"terraform_version\": \"1.9.5\",\n  \"resource_changes\": [\n    { \"address\": \"azapi_resource.acr\", \"mode\": \"managed\", \"type\": \"azapi_resource\", \"name\": \"acr\",\n      \"change\": { \"actions\": [\"create\"], \"before\": null,\n        \"after\": { \"type\": \"Microsoft.ContainerRegistry/registries@2023-07-01\", \"name\": \"acrplan\", \"parent_id\": \"/subscriptions/0/resourceGroups/rg\",\n                   \"body\": { \"sku\": { \"name\": \"Premium\" }, \"properties\": { \"publicNetworkAccess\": \"Disabled\" } } },\n        \"after_unknown\": { \"id\": true, \"output\": true }, \"after_sensitive\": {} } },\n    { \"address\": \"azapi_resource.ws\", \"mode\": \"managed\", \"type\": \"azapi_resource\", \"name\": \"ws\",\n      \"change\": { \"actions\": [\"create\"], \"before\": null,\n        \"after\": { \"type\": \"Microsoft.MachineLearningServices/workspaces@2024-04-01\", \"name\": \"ws-plan\", \"parent_id\": \"/subscriptions/0/resourceGroups/rg\",\n                   \"body\": { \"properties\": { \"publicNetworkAccess\": \"Disabled\" } } },\n        \"after_unknown\": { \"id\": true, \"output\": true, \"body\": { \"properties\": { \"containerRegistry\": true } } }, \"after_sensitive\": {} } }\n  ],\n  \"configuration\": { \"root_module\": { \"resources\": [\n    { \"address\": \"azapi_resource.acr\", \"mode\": \"managed\", \"type\": \"azapi_resource\", \"name\": \"acr\",\n      \"expressions\": { \"type\": { \"constant_value\": \"Microsoft.ContainerRegistry/registries@2023-07-01\" } } },\n    { \"address\": \"azapi_resource.ws\", \"mode\": \"managed\", \"type\": \"azapi_resource\", \"name\": \"ws\",\n      \"expressions\": { \"type\": { \"constant_value\": \"Microsoft.MachineLearningServices/workspaces@2024-04-01\" },\n                       \"body\": { \"references\": [\"azapi_resource.acr.id\", \"azapi_resource.acr\"] } } }\n  ] } }\n}\n" });
    const r2 = await lint({ paths: [path.join(reference, 'plan.json')], root: reference, noConfig: true });
    expect(r2.findings.filter((f) => f.ruleId === 'AML002').map((f) => at(reference, f))).toEqual(['main.tf:11:1']);
  });

  it('azapi_update_resource in a plan patches the resource its resource_id references (src/model/azapi-update.ts)', async () => {
    const tf = `resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "ws"
  location                = "westeurope"
  resource_group_name     = "rg"
  application_insights_id = "x"
  key_vault_id            = "y"
  storage_account_id      = "z"
  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_update_resource" "ws_private" {
  type        = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  resource_id = azurerm_machine_learning_workspace.ws.id
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
`;
    const ws = change('azurerm_machine_learning_workspace.ws', 'azurerm_machine_learning_workspace', { name: 'ws', location: 'westeurope', resource_group_name: 'rg', application_insights_id: 'x', key_vault_id: 'y', storage_account_id: 'z', public_network_access_enabled: true }, { unknown: { id: true } });
    const update = change('azapi_update_resource.ws_private', 'azapi_update_resource', { type: 'Microsoft.MachineLearningServices/workspaces@2024-04-01', body: { properties: { publicNetworkAccess: 'Disabled' } } }, { unknown: { id: true, resource_id: true } });
    const configuration = {
      root_module: {
        resources: [
          { address: 'azurerm_machine_learning_workspace.ws', mode: 'managed', type: 'azurerm_machine_learning_workspace', name: 'ws', expressions: {} },
          { address: 'azapi_update_resource.ws_private', mode: 'managed', type: 'azapi_update_resource', name: 'ws_private', expressions: { resource_id: { references: ['azurerm_machine_learning_workspace.ws.id', 'azurerm_machine_learning_workspace.ws'] } } },
        ],
      },
    };
    const dir = tmp({ 'main.tf': tf, 'plan.json': plan([ws, update], { configuration }) });
    const patched = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, rules: ['AML001'] });
    expect(patched.findings).toEqual([]);
    const alone = tmp({ 'main.tf': tf.slice(0, tf.indexOf('resource "azapi_update_resource"')), 'plan.json': plan([ws], { configuration }) });
    const unpatched = await lint({ paths: [path.join(alone, 'plan.json')], root: alone, noConfig: true, rules: ['AML001'] });
    expect(unpatched.findings.map((f) => f.ruleId)).toEqual(['AML001']);
  });

  it('TF004: a plan named alone or as planFiles is linted on purpose; one a folder walk finds is reported', async () => {
    const dir = tmp({ 'infra/main.tf': KV_TF, 'infra/plan.json': plan([change('azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER)]) });
    const planFile = path.join(dir, 'infra/plan.json');
    const tf004 = async (o: Parameters<typeof lint>[0]): Promise<string[]> =>
      (await lint({ root: dir, noConfig: true, rules: ['TF004'], ...o })).findings.map((f) => at(dir, f));
    expect(await tf004({ paths: [planFile] })).toEqual([]);
    expect(await tf004({ paths: [dir] })).toEqual(['infra/plan.json:1:1']);
    // Named as well as walked: it still sits in the scanned tree (RULES.md TF004).
    expect(await tf004({ paths: [dir, planFile] })).toEqual(['infra/plan.json:1:1']);
    // planFiles (the Action's plan input): left out of the walk, so not reported.
    expect(await tf004({ paths: [dir], planFiles: [planFile] })).toEqual([]);
    // The CLI's files-only mode (`mlops-iac-lint infra/plan.json`): on purpose; the pre-commit
    // hook's (every staged file, --no-error-on-unmatched-pattern): a plan about to be committed.
    expect(await tf004({ paths: [planFile], onlyFiles: [planFile] })).toEqual([]);
    expect(await tf004({ paths: [planFile], onlyFiles: [planFile], errorOnUnmatchedFile: false })).toEqual(['infra/plan.json:1:1']);
  });

  it('the CLI files-only mode reports the plan findings located in the .tf files', async () => {
    const dir = tmp({ 'infra/main.tf': KV_TF, 'infra/other.tf': 'variable "unused" {}\n', 'infra/plan.json': plan([change('azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER)], { variables: { purge: { value: false } } }) });
    const planFile = path.join(dir, 'infra/plan.json');
    const r = await lint({ paths: [planFile], onlyFiles: [planFile], root: dir, noConfig: true, env: 'prod', rules: ['KV001', 'TF004'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)}`)).toEqual(['KV001 infra/main.tf:11:3']);
  });

  it('a value only the plan knows (-var) is reported at its attribute; unknown and sensitive values never are', async () => {
    const dir = tmp({
      'main.tf': KV_TF,
      'plan.json': plan([
        change('azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER),
      ], { variables: { purge: { value: false }, environment: { value: 'prod' } } }),
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['KV001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.env} ${f.level}`)).toEqual(['KV001 main.tf:11:3 prod error']);

    // after_unknown: not reported; --verbose says it could not decide.
    const unk = tmp({
      'main.tf': KV_TF,
      'plan.json': plan([change('azurerm_key_vault.kv', 'azurerm_key_vault', { ...KV_AFTER, purge_protection_enabled: null }, { unknown: { purge_protection_enabled: true } })]),
    });
    const u = await lint({ paths: [path.join(unk, 'plan.json')], root: unk, noConfig: true, rules: ['KV001'] });
    expect(u.findings).toEqual([]);
    expect(u.undecided.map((x) => `${x.ruleId} ${x.reason}`)).toContain('KV001 purge_protection_enabled is known only after apply');

    // after_sensitive: the value is never read (so neither reported nor printed).
    const sens = tmp({
      'main.tf': KV_TF,
      'plan.json': plan([change('azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER, { sensitive: { purge_protection_enabled: true } })]),
    });
    const s = await lint({ paths: [path.join(sens, 'plan.json')], root: sens, noConfig: true, rules: ['KV001'] });
    expect(s.findings).toEqual([]);
    expect(s.undecided[0]?.reason).toBe('purge_protection_enabled is sensitive in the plan (its value is never read)');
  });

  it('where the static evaluation agrees, the plan value keeps its origin and chain (one finding with the .tf run)', async () => {
    const dir = tmp({
      'main.tf': `variable "purge" {
  type    = bool
  default = false
}

module "vaults" {
  source   = "./vault"
  for_each = toset(["a.b"])
  purge    = var.purge
}
`,
      'vault/main.tf': KV_TF.replace('purge_protection_enabled = var.purge', 'purge_protection_enabled = var.purge\n  rbac_authorization_enabled = true'),
      'plan.json': plan([change('module.vaults["a.b"].azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER, { moduleAddress: 'module.vaults["a.b"]' })], {
        variables: { purge: { value: false } },
        configuration: { root_module: { module_calls: { vaults: { source: './vault', module: { resources: [] } } } } },
      }),
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, env: 'prod', rules: ['KV001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.variants.join(',')} ${f.related.map((l) => `${path.relative(dir, l.file)}:${l.range.start.line}`).join(' ')}`)).toEqual([
      // The default of var.purge, through the module argument, as the static run reports it.
      'KV001 main.tf:3:13 default,plan.json main.tf:1 main.tf:9 vault/main.tf:1 vault/main.tf:11',
    ]);
  });

  it('a location written as a display name ("West Europe") agrees with the plan\'s westeurope: one finding at the literal (review 82)', async () => {
    const dir = tmp({
      '.mlops-iac-lint.jsonc': '{ "allowedLocations": ["norwayeast"] }',
      'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg-ml"\n  location = "West Europe"\n}\n\nresource "azurerm_container_registry" "acr" {\n  name                = "acrml"\n  resource_group_name = azurerm_resource_group.rg.name\n  location            = azurerm_resource_group.rg.location\n  sku                 = "Premium"\n}\n',
      'plan.json': plan([
        change('azurerm_resource_group.rg', 'azurerm_resource_group', { name: 'rg-ml', location: 'westeurope' }),
        change('azurerm_container_registry.acr', 'azurerm_container_registry', { name: 'acrml', resource_group_name: 'rg-ml', location: 'westeurope', sku: 'Premium' }),
      ]),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['GOV001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.variants.join(',')} ${f.message.includes('"West Europe"')}`)).toEqual([
      'GOV001 main.tf:3:14 default,plan.json true',
      'GOV001 main.tf:3:14 default,plan.json true',
    ]);
  });

  it('a plan with more resources than the cap: the rest are not linted, and EVAL001 says so', () => {
    const text = plan(Array.from({ length: 5 }, (_, i) => change(`azurerm_key_vault.kv${i}`, 'azurerm_key_vault', KV_AFTER)));
    const r = evaluatePlan({
      file: '/nowhere/plan.json',
      root: '/nowhere',
      chunks: () => [text][Symbol.iterator]() as Iterator<string, void>,
      parseHcl: () => undefined,
      listTfFiles: () => undefined,
      insideRoot: () => false,
      pathsRead: () => undefined,
      maxResources: 3,
    });
    expect(r.resources.map((x) => x.address)).toEqual(['azurerm_key_vault.kv0', 'azurerm_key_vault.kv1', 'azurerm_key_vault.kv2']);
    expect(r.problems.map((p) => `${p.ruleId} ${p.location.range.start.line} ${p.message}`)).toEqual(['EVAL001 80 the plan has more than 3 resources; the 2 resource changes after them are not linted']);
  });

  it('an inline suppression on the .tf line suppresses the plan finding (a plan named alone)', async () => {
    const dir = tmp({
      'main.tf': KV_TF.replace('  purge_protection_enabled = var.purge', '  # mlops-iac-lint-ignore KV001 -- sandbox vault, deleted nightly\n  purge_protection_enabled = var.purge'),
      'plan.json': plan([change('azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER)]),
    });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, env: 'prod', rules: ['KV001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.suppression?.kind ?? 'active'}`)).toEqual(['KV001 main.tf:12:3 inSource']);
  });

  it('references link plan resources: an unknown ID through the configuration references, a known ID through the resource it names', async () => {
    const tf = `variable "acr_public" {
  type = bool
}

resource "azurerm_container_registry" "acr" {
  name                          = "acrml"
  resource_group_name           = "rg-ml"
  location                      = "westeurope"
  sku                           = "Premium"
  public_network_access_enabled = var.acr_public
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false
}
`;
    const acrId = '/subscriptions/0/resourceGroups/rg-ml/providers/Microsoft.ContainerRegistry/registries/acrml';
    const acr = { name: 'acrml', location: 'westeurope', sku: 'Premium', public_network_access_enabled: false };
    const ws = { name: 'mlw-private', location: 'westeurope', public_network_access_enabled: false, image_build_compute_name: null };
    const configuration = {
      root_module: {
        resources: [
          { address: 'azurerm_machine_learning_workspace.ws', mode: 'managed', type: 'azurerm_machine_learning_workspace', name: 'ws', expressions: { container_registry_id: { references: ['azurerm_container_registry.acr.id', 'azurerm_container_registry.acr'] } } },
        ],
      },
    };
    const created = tmp({
      'main.tf': tf,
      'plan.json': plan([
        change('azurerm_container_registry.acr', 'azurerm_container_registry', acr, { unknown: { id: true } }),
        change('azurerm_machine_learning_workspace.ws', 'azurerm_machine_learning_workspace', ws, { unknown: { id: true, container_registry_id: true } }),
      ], { configuration, variables: { acr_public: { value: false } } }),
    });
    const existing = tmp({
      'main.tf': tf,
      'plan.json': plan([
        change('azurerm_container_registry.acr', 'azurerm_container_registry', { ...acr, id: acrId }, { actions: ['no-op'] }),
        change('azurerm_machine_learning_workspace.ws', 'azurerm_machine_learning_workspace', { ...ws, container_registry_id: acrId }, { unknown: { id: true } }),
      ], { variables: { acr_public: { value: false } } }),
    });
    for (const dir of [created, existing]) {
      const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, env: 'prod', rules: ['AML002'] });
      expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)}`)).toEqual(['AML002 main.tf:13:1']);
    }
  });

  it('SEC001 never reads plan values (resolved -var secrets are not hard-coded)', async () => {
    const dir = tmp({
      'main.tf': `variable "admin_password" {
  type      = string
  sensitive = true
}

resource "azurerm_linux_virtual_machine" "vm" {
  name           = "vm-ml"
  admin_password = var.admin_password
}
`,
      'plan.json': plan([change('azurerm_linux_virtual_machine.vm', 'azurerm_linux_virtual_machine', { name: 'vm-ml', admin_password: 'Pl4n-Secret-Value!', custom_data: 'connection_string=Pl4n-Secret-Value!' })], {
        variables: { admin_password: { value: 'Pl4n-Secret-Value!' } },
      }),
    });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, rules: ['SEC001'] });
    expect(r.findings).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('Pl4n-Secret-Value!');
  });

  it('a -target plan is partial: what it has is linted, what it lacks is not invented', async () => {
    const dir = tmp({
      'main.tf': `${KV_TF}
resource "azurerm_storage_account" "sa" {
  name                     = "stml"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = var.tls
}

variable "tls" {
  type = string
}
`,
      // terraform plan -target=azurerm_storage_account.sa: only that resource changes.
      'plan.json': plan([change('azurerm_storage_account.sa', 'azurerm_storage_account', { name: 'stml', min_tls_version: 'TLS1_1', allow_nested_items_to_be_public: false })], {
        variables: { tls: { value: 'TLS1_1' } },
      }),
    });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, rules: ['KV001', 'ST002'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)}`)).toEqual(['ST002 main.tf:20:3']);
  });

  it('delete-only and deposed changes and data sources are not resources; no-op ones are', async () => {
    const dir = tmp({
      'main.tf': KV_TF,
      'plan.json': plan([
        change('azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER, { actions: ['no-op'] }),
        change('azurerm_key_vault.gone', 'azurerm_key_vault', KV_AFTER, { actions: ['delete'] }),
        { ...(change('azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER, { actions: ['delete'] }) as object), deposed: '00000001' },
        { ...(change('data.azurerm_key_vault.x', 'azurerm_key_vault', KV_AFTER, { actions: ['read'] }) as object), mode: 'data' },
      ]),
    });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, env: 'prod', rules: ['KV001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${f.address}`)).toEqual(['KV001 azurerm_key_vault.kv']);
  });

  it('without a .tf source the finding points into the plan JSON and says so', async () => {
    const dir = tmp({ 'plans/plan.json': plan([change('module.m["a.b"].azurerm_key_vault.kv', 'azurerm_key_vault', KV_AFTER, { moduleAddress: 'module.m["a.b"]' })]) });
    const r = await lint({ paths: [path.join(dir, 'plans/plan.json')], root: dir, noConfig: true, env: 'prod', rules: ['KV001'] });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    // At the value in `change.after` (`"purge_protection_enabled": false`), not the whole resource change.
    expect(at(dir, f)).toBe('plans/plan.json:25:39');
    expect(f.message).toMatch(/\(located in the plan JSON: its \.tf source was not found in the scan root\)\.$/);
  });

  describe('without a .tf source, a finding points at the value in change.after (RULES.md "Location")', () => {
    /** `line:column-endLine:endColumn` of a finding's primary location. */
    const span = (f: Finding): string => {
      const { start, end } = f.location.range;
      return `${start.line}:${start.column}-${end.line}:${end.column}`;
    };
    /** The same span for the `nth` (0-based) occurrence of `needle` in `text` (lines end at \n). */
    const spanOf = (text: string, needle: string, nth = 0): string => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
      expect(at, `${needle} #${nth}`).toBeGreaterThanOrEqual(0);
      const pos = (o: number): string => {
        const before = text.slice(0, o);
        return `${before.split('\n').length}:${o - (before.lastIndexOf('\n') + 1) + 1}`;
      };
      return `${pos(at)}-${pos(at + needle.length)}`;
    };
    const ST_AFTER = { name: 'stml', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'LRS', allow_nested_items_to_be_public: false };

    it('a one-line plan: ST002 at the "TLS1_0" token; an attribute the configuration does not write stays at the entry', async () => {
      const configuration = {
        root_module: {
          resources: [
            { address: 'azurerm_storage_account.written', mode: 'managed', type: 'azurerm_storage_account', name: 'written', expressions: { name: { constant_value: 'stml' }, min_tls_version: { constant_value: 'TLS1_0' } } },
            { address: 'azurerm_storage_account.defaulted', mode: 'managed', type: 'azurerm_storage_account', name: 'defaulted', expressions: { name: { constant_value: 'stml' } } },
          ],
        },
      };
      const changes = [
        change('azurerm_storage_account.written', 'azurerm_storage_account', { ...ST_AFTER, min_tls_version: 'TLS1_0' }),
        change('azurerm_storage_account.defaulted', 'azurerm_storage_account', { ...ST_AFTER, min_tls_version: 'TLS1_1' }),
      ];
      // `terraform show -json` writes one line.
      const text = JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, resource_changes: changes, configuration }) + '\n';
      const dir = tmp({ 'plans/plan.json': text });
      const r = await lint({ paths: [path.join(dir, 'plans/plan.json')], root: dir, noConfig: true, rules: ['ST002'] });
      const entry = text.indexOf('{"address":"azurerm_storage_account.defaulted"');
      const entryEnd = text.indexOf(',"configuration"') - 1;
      expect(r.findings.map((f) => `${f.address} ${at(dir, f)} ${span(f)} ${f.related.length}`)).toEqual([
        `azurerm_storage_account.written plans/plan.json:1:${text.indexOf('"TLS1_0"') + 1} ${spanOf(text, '"TLS1_0"')} 0`,
        // Not in the configuration's expressions: the provider's value, absent (README "Terraform plans"): the resource change.
        `azurerm_storage_account.defaulted plans/plan.json:1:${entry + 1} 1:${entry + 1}-1:${entryEnd + 1} 0`,
      ]);
      expect(r.findings.every((f) => f.message.endsWith('(located in the plan JSON: its .tf source was not found in the scan root).'))).toBe(true);
    });

    it('a pretty-printed plan (LF and CRLF): NET001 at the port and the source inside an inline security_rule', async () => {
      const rule = (name: string, port: string, source: string) => ({
        name,
        priority: 100,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        source_port_range: '*',
        destination_port_range: port,
        source_address_prefix: source,
        destination_address_prefix: '*',
      });
      const nsg = { name: 'nsg-ml', location: 'westeurope', resource_group_name: 'rg-ml', security_rule: [rule('https', '443', 'Internet'), rule('ssh', '22', 'Internet')] };
      const text = plan([change('azurerm_network_security_group.nsg', 'azurerm_network_security_group', nsg)]);
      for (const eol of ['\n', '\r\n']) {
        const dir = tmp({ 'plan.json': text.replace(/\n/g, eol) });
        const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, rules: ['NET001'] });
        expect(r.findings).toHaveLength(1);
        const f = r.findings[0]!;
        // The second rule's port, then its source and the rule (its object) as related places.
        expect(span(f)).toBe(spanOf(text, '"22"'));
        expect(f.related.map((l) => `${l.label}: ${l.range.start.line}:${l.range.start.column}-${l.range.end.line}:${l.range.end.column}`)).toEqual([
          `security rule "ssh": ${spanOf(text, '{\n              "name": "ssh"').split('-')[0]}-${spanOf(text, '"destination_address_prefix": "*"\n            }', 1).split('-')[1]}`,
          `source Internet: ${spanOf(text, '"Internet"', 1)}`,
        ]);
      }
    });

    it('azapi: a body object member at its value; a v1 body string as the whole string', async () => {
      const storage = (body: unknown) =>
        change('azapi_resource.st', 'azapi_resource', { type: 'Microsoft.Storage/storageAccounts@2023-01-01', name: 'stml', location: 'westeurope', parent_id: '/subscriptions/0/resourceGroups/rg', body });
      const props = { kind: 'StorageV2', properties: { minimumTlsVersion: 'TLS1_0', allowBlobPublicAccess: false } };
      for (const [body, needle] of [
        [props, '"TLS1_0"'],
        [JSON.stringify(props), JSON.stringify(JSON.stringify(props))],
      ] as const) {
        const text = plan([storage(body)]);
        const dir = tmp({ 'plan.json': text });
        const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, rules: ['ST002'] });
        expect(r.findings.map(span)).toEqual([spanOf(text, needle)]);
      }
    });
  });

  it('a provider-filled value (not written in the .tf, nor in the configuration expressions) is absent: its default', async () => {
    // RULES.md: absent = "not written: the provider/ARM default applies"; FORMATS.md §5(e):
    // "provider defaults present in after (absent vs written-default only decidable via expressions)".
    const after = { name: 'kv-ml', purge_protection_enabled: true, enable_rbac_authorization: false, access_policy: [] };
    const kv = (written: string[]) => ({
      configuration: { root_module: { resources: [{ address: 'azurerm_key_vault.kv', mode: 'managed', type: 'azurerm_key_vault', name: 'kv', expressions: Object.fromEntries(written.map((k) => [k, { constant_value: true }])) }] } },
    });
    const brief = async (written: string[]) => {
      const dir = tmp({ 'plans/plan.json': plan([change('azurerm_key_vault.kv', 'azurerm_key_vault', after)], kv(written)) });
      const r = await lint({ paths: [path.join(dir, 'plans/plan.json')], root: dir, noConfig: true, rules: ['KV002'] });
      return r.findings.map((f) => `${f.level} ${f.message.includes('is not set (defaults to false)') ? 'defaulted' : 'written'}`);
    };
    // Not written: the access-policy default of azurerm, no policy declared: note.
    expect(await brief(['name', 'purge_protection_enabled'])).toEqual(['note defaulted']);
    // Written as false: warning.
    expect(await brief(['name', 'purge_protection_enabled', 'enable_rbac_authorization'])).toEqual(['warning written']);
  });

  it('an attribute the .tf does not write and the provider computes at apply (after_unknown) is absent, as in the static run', async () => {
    // azurerm_key_vault access_policy is Optional+Computed: a create plan marks it unknown. The .tf
    // declares no access_policy block, so KV002 is the note "declares no access policy" (RULES.md
    // KV002), not the warning for a vault whose policies are "not evaluated".
    const after = { ...KV_AFTER, rbac_authorization_enabled: false };
    const dir = tmp({
      'main.tf': KV_TF,
      'plan.json': plan([change('azurerm_key_vault.kv', 'azurerm_key_vault', after, { unknown: { id: true, access_policy: true } })]),
    });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, rules: ['KV002'] });
    expect(r.findings.map((f) => `${f.level} ${at(dir, f)} ${f.messageId}`)).toEqual(['note main.tf:5:1 defaultNoPolicies']);
  });

  it('format_version 2.x is refused with a clear PARSE001; a syntax error is PARSE001 at its place', async () => {
    const dir = tmp({ 'plan.json': plan([]).replace('"1.2"', '"2.0"') });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)} ${f.message}`)).toEqual([
      'PARSE001 plan.json:2:21 Terraform plan JSON format_version "2.0" is not supported (this linter reads format 1.x); the plan is not linted.',
    ]);
    const bad = tmp({ 'plan.json': '{\n  "format_version": "1.2",\n  "resource_changes": [\n    {"address": "a.b" "mode": "managed"}\n  ]\n}\n' });
    const b = await lint({ paths: [path.join(bad, 'plan.json')], root: bad, noConfig: true });
    expect(b.findings.map((f) => `${f.ruleId} ${at(bad, f)} ${f.message}`)).toEqual(['PARSE001 plan.json:4:23 Expected a comma or a closing brace here.']);
  });

  it('a syntax error in a part of the plan the linter does not read (planned_values) is PARSE001 at its place too', async () => {
    const dir = tmp({ 'plan.json': '{"format_version": "1.2",\n "planned_values": {"root_module": {"resources": [{"values": {"admin_enabled": tru}}]}},\n "resource_changes": []}' });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)}`)).toEqual(['TF004 plan.json:1:1', 'PARSE001 plan.json:2:80']);
  });

  it('plans of any shape never crash: what is not as Terraform writes it is not a resource', async () => {
    const weird = [
      { address: 7, mode: 'managed', type: 'azurerm_key_vault', name: 'kv', change: { actions: ['create'], after: {} } },
      { address: 'azurerm_key_vault.a', mode: 'managed', change: { actions: 'create', after: 'x' } },
      { address: 'azurerm_key_vault.b', mode: 'managed', change: 'create' },
      { address: 'module.m.azurerm_key_vault.c', mode: 'managed', change: { actions: ['create'], after: [1, 2], after_unknown: 'yes', after_sensitive: 3 } },
      'not an object',
      { address: 'azurerm_key_vault.kv', mode: 'managed', type: 'azurerm_key_vault', name: 'kv', change: { actions: ['create'], after: KV_AFTER } },
    ];
    const dir = tmp({
      'main.tf': KV_TF,
      'plan.json': plan(weird, { variables: 'none', configuration: { root_module: { module_calls: { m: { source: 12, module: 'x' } }, resources: { not: 'a list' } } } }),
    });
    const r = await lint({ paths: [path.join(dir, 'plan.json')], root: dir, noConfig: true, env: 'prod', rules: ['KV001', 'EVAL001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${at(dir, f)}`)).toEqual(['KV001 main.tf:11:3']);
    const shapes = tmp({ 'a.json': plan([]).replace('"resource_changes": []', '"resource_changes": {"x": 1}'), 'b.json': '{"format_version": "1.0", "planned_values": 3}' });
    const s = await lint({ paths: [shapes], root: shapes, noConfig: true });
    // A top-level member of the wrong shape: the plan cannot be read, and PARSE001 says so there (never a silent pass).
    expect(s.findings.map((f) => `${f.ruleId} ${at(shapes, f)}${f.ruleId === 'PARSE001' ? ` ${f.message}` : ''}`).sort()).toEqual([
      'PARSE001 a.json:7:23 Terraform plan JSON "resource_changes" is an object, not an array as Terraform writes it; the plan is not linted.',
      'PARSE001 b.json:1:45 Terraform plan JSON "planned_values" is a number, not an object as Terraform writes it; the plan is not linted.',
      'TF004 a.json:1:1',
      'TF004 b.json:1:1',
    ]);
    // A syntax error inside a member read whole (variables): PARSE001 at the error, and the message never quotes the plan's text.
    const bad = tmp({ 'd.json': '{"format_version": "1.2",\n "variables": {"client_secret": {"value": "hunter2-plan-secret"}, "b": tru},\n "resource_changes": []}' });
    const d = await lint({ paths: [bad], root: bad, noConfig: true });
    const parse = d.findings.filter((f) => f.ruleId === 'PARSE001');
    expect(parse.map((f) => at(bad, f))).toEqual(['d.json:2:72']);
    expect(parse[0]!.message).not.toContain('hunter2');
    // planned_values without resource_changes (cut down by hand): an EVAL001 note at planned_values, never a silent pass.
    const cut = tmp({ 'c.json': '{"format_version": "1.2", "planned_values": {"root_module": {"resources": []}}}' });
    const c = await lint({ paths: [cut], root: cut, noConfig: true });
    expect(c.findings.map((f) => `${f.ruleId} ${at(cut, f)}`).sort()).toEqual(['EVAL001 c.json:1:45', 'TF004 c.json:1:1']);
    expect(c.findings.find((f) => f.ruleId === 'EVAL001')!.message).toContain('no "resource_changes"');
  });

  it('does not take ARM templates or other JSON for plans', async () => {
    const dir = tmp({
      'azuredeploy.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { format_version: { type: 'string', defaultValue: '1.0' } },
        resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv', location: 'westeurope', properties: { resource_changes: [], tenantId: 't', sku: { family: 'A', name: 'standard' } } }],
      }),
      'other.json': '{ "format_version": "1.0", "provider_schemas": {} }\n',
    });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, env: 'prod', rules: ['KV001', 'TF004'] });
    expect(r.findings.map((f) => `${f.ruleId} ${path.basename(f.location.file)}`)).toEqual(['KV001 azuredeploy.json']);
  });

  // Windows PowerShell 5's `terraform show -json plan > plan.json` writes UTF-16 LE with a BOM;
  // the Host decodes such a file (README "Encoding"), and so do the plan peek and the stream.
  it.each([
    ['UTF-16 LE', (t: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16 BE', (t: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
  ])('a %s plan with a BOM is a plan: TF004, and its values are linted at their place', async (_name, encode) => {
    // Two lines, the value after a non-ASCII character: its column counts UTF-16 code units.
    const head = JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} } });
    const changes = JSON.stringify({ resource_changes: [change('azurerm_container_registry.acr', 'azurerm_container_registry', { name: 'acrmlé', admin_enabled: true })] });
    const body = `${head.slice(0, -1)},\n${changes.slice(1)}\n`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-plan-'));
    fs.writeFileSync(path.join(dir, 'plan.json'), encode(body));
    const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: ['TF004', 'ACR001'] });
    expect(r.findings.map((f) => [f.ruleId, at(dir, f), f.level, f.message])).toEqual([
      [
        'TF004',
        'plan.json:1:1',
        'error',
        'Terraform plan "plan.json" is among the scanned files and holds every sensitive value of its deployment in plain text; delete it, rotate its secrets and keep plans out of the repository.',
      ],
      [
        'ACR001',
        // `true` after `"admin_enabled":` on line 2 (its `é` one code unit, as in the decoded text).
        'plan.json:2:217',
        'error',
        'Container registry "acrmlé" enables the shared admin user (admin_enabled is true); set admin_enabled to false and grant AcrPull/AcrPush to managed identities (located in the plan JSON: its .tf source was not found in the scan root).',
      ],
    ]);
  });

  it('the pre-commit hook passes a staged binary plan: TF004, no PARSE001', async () => {
    const dir = tmp({ 'infra/main.tfplan': `PK\u0003\u0004${'\u0000'.repeat(22)}\u0006\u0000\u0000\u0000tfplan` });
    const f = path.join(dir, 'infra/main.tfplan');
    const r = await lint({ paths: [f], onlyFiles: [f], root: dir, noConfig: true, errorOnUnmatchedFile: false });
    expect(r.findings.map((x) => `${x.ruleId} ${at(dir, x)}`)).toEqual(['TF004 infra/main.tfplan:1:1']);
  });

  it('a binary plan named on purpose is not read, and says how to lint it', async () => {
    const dir = tmp({ 'main.tfplan': `PK\u0003\u0004${'\u0000'.repeat(22)}\u0006\u0000\u0000\u0000tfplan` });
    const r = await lint({ paths: [path.join(dir, 'main.tfplan')], root: dir, noConfig: true });
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      'PARSE001 A binary Terraform plan is not read: convert it with `terraform show -json plan.tfplan > plan.json` and lint the JSON.',
    ]);
  });
});

describe('a plan given by name is streamed, never read whole', () => {
  // A 200 MB plan named on the command line was read whole twice before any unit ran (the
  // files-only planners of Bicep and Kubernetes tested its text with a pattern): peak RSS 700 MB
  // instead of 300. They now skip a file the run classified as a plan (frontends/shared.ts givenTextUnlessPlan).
  it('only its head is read outside the plan front end', async () => {
    const changes = Array.from({ length: 400 }, (_, i) =>
      change(`azurerm_storage_account.s${i}`, 'azurerm_storage_account', { name: `st${i}`, min_tls_version: 'TLS1_2', allow_nested_items_to_be_public: false, tags: { note: 'x'.repeat(200) } }),
    );
    const dir = tmp({ 'plan.json': JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, resource_changes: changes }) });
    const file = path.join(dir, 'plan.json');
    expect(fs.statSync(file).size).toBeGreaterThan(128 * 1024);
    const whole: string[] = [];
    const real = fs.readFileSync;
    const spy = vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (p === file) whole.push(String(p));
      return (real as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.readFileSync);
    try {
      const r = await lint({ paths: [file], onlyFiles: [file], root: dir, noConfig: true });
      expect(r.findings.filter((f) => f.ruleId !== 'TF004')).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    expect(whole).toEqual([]);
  });
});
