/**
 * GOV002/GOV003 end to end through lint(): what `--verbose` lists as undecided, a broken
 * policy file (PARSE001, the others still count), initiatives, definitions in the scanned code,
 * modify policies that run before a deny, an alias dump, a policy folder outside the scan root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, UsageError } from '../../src/api.js';
import { ConfigError, parseConfig } from '../../src/config/index.js';
import { tempTrees } from '../support/temp-tree.js';
import { DENY_GPU_NO_COST_CENTER, DENY_PUBLIC_ML, PARAM_EFFECT_PUBLIC_ML } from './policy-cases.js';

const { tree, cleanup } = tempTrees('gov-policy-');
afterAll(cleanup);

const config = (policies: Record<string, unknown>): string => JSON.stringify({ policies });
const gpuVm = (tags = ''): string => `
resource "azurerm_linux_virtual_machine" "gpu" {
  name     = "vm-train"
  location = "westeurope"
  size     = "Standard_NC24ads_A100_v4"
${tags}
}
`;
const publicWs = `
resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-demo"
  location                      = "westeurope"
  public_network_access_enabled = true
}
`;

async function run(dir: string, extra: Parameters<typeof lint>[0] = {}) {
  const r = await lint({ paths: [dir], root: dir, rules: ['GOV002', 'GOV003'], ...extra });
  return {
    r,
    gov: r.findings.filter((f) => f.ruleId.startsWith('GOV')).map((f) => `${f.ruleId} ${path.relative(dir, f.location.file)}:${f.location.range.start.line}`),
  };
}

describe('policies config', () => {
  it('an alias outside the table: no finding, and --verbose names the policy and the alias', async () => {
    const policy = JSON.stringify({
      name: 'deny-password-vms',
      properties: {
        displayName: 'Deny VMs with password login',
        policyRule: {
          if: { allOf: [{ field: 'type', equals: 'Microsoft.Compute/virtualMachines' }, { field: 'Microsoft.Compute/virtualMachines/osProfile.linuxConfiguration.disablePasswordAuthentication', equals: false }] },
          then: { effect: 'deny' },
        },
      },
    });
    const dir = tree({ 'main.tf': gpuVm(), 'policies/p.json': policy, '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }) });
    const { r, gov } = await run(dir);
    expect(gov).toEqual([]);
    const u = r.undecided.filter((x) => x.ruleId === 'GOV002');
    expect(u).toHaveLength(1);
    expect(u[0]!.attribute).toBe('policy "Deny VMs with password login"');
    expect(u[0]!.reason).toMatch(/alias Microsoft\.Compute\/virtualMachines\/osProfile\.linuxConfiguration\.disablePasswordAuthentication is not in the alias table/);

    // The same alias from an `az provider show --expand resourceTypes/aliases` dump decides it.
    const dump = { namespace: 'Microsoft.Compute', resourceTypes: [{ resourceType: 'virtualMachines', aliases: [{ name: 'Microsoft.Compute/virtualMachines/osProfile.linuxConfiguration.disablePasswordAuthentication', defaultPath: 'properties.osProfile.linuxConfiguration.disablePasswordAuthentication', paths: [] }] }] };
    fs.writeFileSync(path.join(dir, 'aliases.json'), JSON.stringify(dump));
    const withDump = await run(dir, { policyAliasesFile: path.join(dir, 'aliases.json') });
    // azurerm's reverse table does not model the OS profile: still undecided, now for that reason.
    expect(withDump.r.undecided.find((x) => x.ruleId === 'GOV002')?.reason).toMatch(/properties\.osProfile\.linuxConfiguration\.disablePasswordAuthentication is not modelled from Terraform attributes/);
  });

  it('an alias dump that is not JSON is one usage line with its place, not the engine\'s text quoting the file (audit 54)', async () => {
    const dir = tree({ 'main.tf': gpuVm(), 'policies/p.json': DENY_PUBLIC_ML, '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }), 'aliases.json': '{\n  "value": [\n    not json\n  ]\n}\n' });
    const bad = lint({ paths: [dir], root: dir, policyAliasesFile: path.join(dir, 'aliases.json') });
    await expect(bad).rejects.toBeInstanceOf(UsageError);
    await expect(bad).rejects.toThrow(`${path.join(dir, 'aliases.json')}:3:5: the policy alias file is not valid JSON: Invalid symbol (expected the output of az provider show)`);
  });

  it('a broken policy file is PARSE001 at its position; the other policy files still count', async () => {
    const dir = tree({
      'main.tf': publicWs,
      'policies/broken.json': '{\n  "properties": {\n    "policyRule": {\n      "if": { "field": "type" "equals": "x" }\n    }\n  }\n}\n',
      'policies/ml.json': DENY_PUBLIC_ML,
      '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }),
    });
    const r = await lint({ paths: [dir], root: dir });
    const parse = r.findings.filter((f) => f.ruleId === 'PARSE001');
    expect(parse.map((f) => `${path.relative(dir, f.location.file)}:${f.location.range.start.line}:${f.location.range.start.column}`)).toEqual(['policies/broken.json:4:31']);
    expect(r.findings.filter((f) => f.ruleId === 'GOV002').map((f) => path.relative(dir, f.location.file))).toEqual(['main.tf']);
  });

  it('a Bicep or Terraform file named in policies.definitions is a note saying fromScannedCode reads it, not a JSON error', async () => {
    const dir = tree({
      'main.tf': publicWs,
      'policies/kv.bicep': "targetScope = 'subscription'\nresource p 'Microsoft.Authorization/policyDefinitions@2021-06-01' = {\n  name: 'kv'\n}\n",
      'policies/ml.json': DENY_PUBLIC_ML,
      '.mlops-iac-lint.json': config({ definitions: ['policies/*'] }),
    });
    const r = await lint({ paths: [dir], root: dir });
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001')).toEqual([]);
    const note = r.findings.filter((f) => f.ruleId === 'EVAL001' && path.relative(dir, f.location.file) === 'policies/kv.bicep');
    expect(note.map((f) => [f.level, f.location.range.start.line, f.message])).toEqual([
      ['note', 1, "Not a policy definition file: policies.definitions reads JSON definitions; a Bicep file's policy resources are read with policies.fromScannedCode when the file is scanned."],
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'GOV002').map((f) => path.relative(dir, f.location.file))).toEqual(['main.tf']);
  });

  it('an initiative passes its parameters to its members (effect Deny), and a missing member is a note', async () => {
    const initiative = JSON.stringify({
      name: 'mlops-guardrails',
      properties: {
        displayName: 'MLOps guardrails',
        parameters: { mlEffect: { type: 'String', defaultValue: 'Deny' } },
        policyDefinitions: [
          { policyDefinitionId: '/providers/Microsoft.Management/managementGroups/contoso/providers/Microsoft.Authorization/policyDefinitions/ml-public-network-param', parameters: { effect: { value: "[parameters('mlEffect')]" } } },
          { policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/438c38d2-3772-465a-a9cc-7a6666a275ce' },
        ],
      },
    });
    const dir = tree({ 'main.tf': publicWs, 'policies/ml.json': PARAM_EFFECT_PUBLIC_ML, 'policies/set.json': initiative, '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }) });
    const r = await lint({ paths: [dir], root: dir });
    const gov = r.findings.filter((f) => f.ruleId.startsWith('GOV'));
    expect(gov.map((f) => f.ruleId)).toEqual(['GOV002']);
    expect(gov[0]!.message).toMatch(/initiative "MLOps guardrails"/);
    expect(r.findings.some((f) => f.ruleId === 'EVAL001' && /438c38d2-3772-465a-a9cc-7a6666a275ce, which is not among the configured definitions/.test(f.message))).toBe(true);
  });

  it('an initiative may name its members by policyDefinitionName (Enterprise Policy as Code), and a member naming neither is a note that says so', async () => {
    const initiative = JSON.stringify({
      name: 'mlops-guardrails',
      properties: {
        displayName: 'MLOps guardrails',
        parameters: { mlEffect: { type: 'String', defaultValue: 'Deny' } },
        policyDefinitions: [{ policyDefinitionName: 'ml-public-network-param', parameters: { effect: { value: "[parameters('mlEffect')]" } } }, { parameters: {} }],
      },
    });
    const dir = tree({ 'main.tf': publicWs, 'policies/ml.json': PARAM_EFFECT_PUBLIC_ML, 'policies/set.json': initiative, '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }) });
    const r = await lint({ paths: [dir], root: dir });
    const gov = r.findings.filter((f) => f.ruleId.startsWith('GOV'));
    // The member gets the initiative's effect (Deny): GOV002, not the definition's default Audit.
    expect(gov.map((f) => f.ruleId)).toEqual(['GOV002']);
    expect(gov[0]!.message).toMatch(/initiative "MLOps guardrails"/);
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001').map((f) => f.message)).toEqual([
      'Initiative "MLOps guardrails" references a policy definition without policyDefinitionId or policyDefinitionName; that member is not evaluated.',
    ]);
  });

  it('fromScannedCode reads azurerm_policy_definition and Microsoft.Authorization/policyDefinitions', async () => {
    const tfPolicy = `
resource "azurerm_policy_definition" "gpu" {
  name         = "deny-gpu-no-cost-center"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Deny GPU VMs without cost-center (Terraform)"
  policy_rule  = jsonencode({
    if = {
      allOf = [
        { field = "type", equals = "Microsoft.Compute/virtualMachines" },
        { field = "Microsoft.Compute/virtualMachines/sku.name", like = "Standard_N*" },
        { field = "tags['cost-center']", exists = "false" },
      ]
    }
    then = { effect = "deny" }
  })
}
`;
    const armPolicy = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.Authorization/policyDefinitions', apiVersion: '2021-06-01', name: 'deny-public-ml-workspace', properties: JSON.parse(DENY_PUBLIC_ML).properties }],
    }, null, 2);
    const files = { 'main.tf': gpuVm() + publicWs + tfPolicy, 'governance/policy.json': armPolicy };
    const off = await run(tree(files));
    expect(off.gov).toEqual([]);
    const dir = tree({ ...files, '.mlops-iac-lint.json': config({ fromScannedCode: true }) });
    const on = await run(dir);
    expect(on.gov.sort()).toEqual(['GOV002 main.tf:12', 'GOV002 main.tf:5']);
    // RULES.md GOV002 "related: the policy's condition in its file": a condition written in HCL
    // inside jsonencode() is located at its own line (review 71: it was at `jsonencode(`).
    const text = gpuVm() + publicWs + tfPolicy;
    const conditionLine = text.split('\n').findIndex((l) => l.includes('{ field = "Microsoft.Compute/virtualMachines/sku.name", like = "Standard_N*" }')) + 1;
    const vm = on.r.findings.find((f) => f.location.file.endsWith('main.tf') && f.location.range.start.line === 5)!;
    expect(vm.related.filter((l) => /the condition$/.test(l.label ?? '')).map((l) => `${path.basename(l.file)}:${l.range.start.line}`)).toEqual([`main.tf:${conditionLine}`]);
  });

  it('fromScannedCode reads a policy_rule and parameters given as file() of JSON documents beside the module; other files stay unread', async () => {
    const rule = JSON.stringify({ if: { allOf: [{ field: 'type', equals: 'Microsoft.Compute/virtualMachines' }, { field: "tags['cost-center']", exists: 'false' }] }, then: { effect: "[parameters('effect')]" } });
    const params = JSON.stringify({ effect: { type: 'String', defaultValue: 'Deny' } });
    const tfPolicy = (ruleFile: string): string => `
resource "azurerm_policy_definition" "gpu" {
  name         = "deny-vm-no-cost-center"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Deny VMs without cost-center"
  policy_rule  = file("\${path.module}/${ruleFile}")
  parameters   = file("./policy_rules/params.json")
}
`;
    const files = (ruleFile: string) => ({ 'main.tf': gpuVm() + tfPolicy(ruleFile), 'policy_rules/rule.json': rule, 'policy_rules/rule.txt': rule, 'policy_rules/params.json': params, '.mlops-iac-lint.json': config({ fromScannedCode: true }) });
    const read = await run(tree(files('policy_rules/rule.json')));
    expect(read.gov).toEqual(['GOV002 main.tf:2']);
    // Only JSON documents are read whole: any other file's text stays unknown (a note says the definition is not evaluated).
    const unread = await lint({ paths: [tree(files('policy_rules/rule.txt'))] });
    expect(unread.findings.filter((f) => f.ruleId.startsWith('GOV'))).toEqual([]);
    expect(unread.findings.some((f) => f.ruleId === 'EVAL001' && /policy_rule is not known/.test(f.message))).toBe(true);
  });

  it('a policy definition that is not evaluated in each of two module calls is one EVAL001 for its file and cause, with the count', async () => {
    const mod = `
resource "azurerm_policy_definition" "def" {
  name         = "from-template"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "From a template"
  policy_rule  = templatefile("\${path.module}/\${var.rule}", {})
}

variable "rule" {
  type = string
}
`;
    const dir = tree({ 'main.tf': 'module "a" {\n  source = "./mod"\n  rule   = "a.json"\n}\n\nmodule "b" {\n  source = "./mod"\n  rule   = "b.json"\n}\n', 'mod/main.tf': mod, '.mlops-iac-lint.json': config({ fromScannedCode: true }) });
    const notes = (await lint({ paths: [dir] })).findings.filter((f) => f.ruleId === 'EVAL001');
    expect(notes.map((f) => [f.location.file.split('/').slice(-2).join('/'), f.location.range.start.line, f.message])).toEqual([
      ['mod/main.tf', 2, expect.stringMatching(/^The policy definition `module\.a\.azurerm_policy_definition\.def` is not evaluated: policy_rule is not known .*\(and 1 more like it in this file\)\.$/)],
    ]);
  });

  it('a policy_rule nested 5,000 levels deep (in a file() document or inline) is undecided, never a crash', async () => {
    // JSON.parse accepts it; the evaluator's data stops at the parsers' nesting limit.
    const deep = `{"if": {"allOf": [{"field": "type", "equals": "Microsoft.Compute/virtualMachines"}, ${'['.repeat(5000)}1${']'.repeat(5000)}]}, "then": {"effect": "deny"}}`;
    const policy = (rule: string): string => `
resource "azurerm_policy_definition" "gpu" {
  name         = "deny-deep"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Deny deep"
  policy_rule  = ${rule}
}
`;
    for (const rule of ['file("rule.json")', `<<JSON\n${deep}\nJSON`]) {
      const { r, gov } = await run(tree({ 'main.tf': gpuVm() + policy(rule), 'rule.json': deep, '.mlops-iac-lint.json': config({ fromScannedCode: true }) }));
      expect(gov).toEqual([]);
      expect(r.undecided.some((x) => x.ruleId === 'GOV002' && x.attribute === 'policy "Deny deep"')).toBe(true);
    }
  });

  it('a modify policy that may add the tag a deny reads leaves the deny undecided', async () => {
    const inherit = JSON.stringify({
      name: 'inherit-cost-center',
      properties: {
        displayName: 'Inherit cost-center from the resource group',
        mode: 'Indexed',
        policyRule: {
          if: { field: "tags['cost-center']", exists: 'false' },
          then: { effect: 'modify', details: { roleDefinitionIds: [], operations: [{ operation: 'add', field: "tags['cost-center']", value: "[resourceGroup().tags['cost-center']]" }] } },
        },
      },
    });
    const dir = tree({ 'main.tf': gpuVm(), 'policies/gpu.json': DENY_GPU_NO_COST_CENTER, 'policies/inherit.json': inherit, '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }) });
    const { r, gov } = await run(dir);
    expect(gov).toEqual([]);
    expect(r.undecided.find((u) => u.ruleId === 'GOV002')?.reason).toMatch(/the modify policy "Inherit cost-center from the resource group" may set tags\.cost-center/);
  });

  it('reads a policy folder outside the scan root (config above it)', async () => {
    const dir = tree({
      'infra/main.tf': gpuVm(),
      'governance/policies/gpu.json': DENY_GPU_NO_COST_CENTER,
      '.mlops-iac-lint.json': config({ definitions: ['governance/policies/**/*.json', 'governance/none/*.json'] }),
    });
    const infra = path.join(dir, 'infra');
    const r = await lint({ paths: [infra], root: infra, rules: ['GOV002'] });
    expect(r.findings.map((f) => `${f.ruleId} ${path.basename(f.location.file)}:${f.location.range.start.line}`)).toEqual(['GOV002 main.tf:5']);
    expect(r.notices).toContain("policies.definitions: 'governance/none/*.json' matches no file");
  });

  it('a glob whose files an earlier glob took already matches them: no "matches no file" notice', async () => {
    const dir = tree({
      'main.tf': gpuVm(),
      'governance/policies/gpu.json': DENY_GPU_NO_COST_CENTER,
      '.mlops-iac-lint.json': config({ definitions: ['governance/policies/*.json', 'governance/policies/gpu.json', 'governance/**/*'] }),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['GOV002'] });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['GOV002']);
    expect(r.notices.filter((n) => n.includes('matches no file'))).toEqual([]);
  });

  it('the policies section is validated and resolved relative to the config file', async () => {
    const ok = await parseConfig(JSON.stringify({ policies: { definitions: ['p/*.json'], parameters: { x: { effect: 'Deny' } }, fromScannedCode: true, aliases: 'a.json' } }), '/repo/.mlops-iac-lint.json');
    expect(ok.policies).toEqual({ definitions: ['p/*.json'], parameters: { x: { effect: 'Deny' } }, fromScannedCode: true, aliases: path.resolve('/repo', 'a.json'), placeOf: expect.any(Function) });
    const bad = parseConfig(JSON.stringify({ policies: { definition: ['p/*.json'] } }), '/repo/.mlops-iac-lint.json');
    await expect(bad).rejects.toBeInstanceOf(ConfigError);
    await expect(bad).rejects.toThrow(/definition/);
  });

  it('an ARM property azurerm has no argument for is not modelled from Terraform (undecided), but is absent in a template that omits it', async () => {
    const policy = JSON.stringify({
      name: 'deny-public-behind-vnet',
      properties: {
        displayName: 'Deny public access behind vnet',
        mode: 'All',
        policyRule: {
          if: { allOf: [{ field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' }, { field: 'Microsoft.MachineLearningServices/workspaces/allowPublicAccessWhenBehindVnet', exists: false }] },
          then: { effect: 'deny' },
        },
      },
    });
    const arm = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.MachineLearningServices/workspaces', apiVersion: '2024-04-01', name: 'mlw-arm', location: 'westeurope', properties: {} }],
    }, null, 2);
    const dir = tree({ 'main.tf': publicWs, 'arm/main.json': arm, 'policies/p.json': policy, '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }) });
    const { r, gov } = await run(dir);
    expect(gov).toEqual(['GOV002 arm/main.json:6']);
    expect(r.undecided.find((u) => u.ruleId === 'GOV002' && u.address.includes('azurerm'))?.reason).toMatch(/properties\.allowPublicAccessWhenBehindVnet is not modelled from Terraform attributes/);
  });

  it('AKS pools inline (agentPoolProfiles[*]) and standalone (agentPools) are each matched by the policy written for their shape', async () => {
    const gpuSizes = ['Standard_NC24ads_A100_v4'];
    const inline = JSON.stringify({
      name: 'audit-gpu-system-pool',
      properties: {
        displayName: 'Audit clusters with a GPU pool profile',
        mode: 'All',
        policyRule: {
          if: { allOf: [{ field: 'type', equals: 'Microsoft.ContainerService/managedClusters' }, { count: { field: 'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*]', where: { field: 'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].vmSize', in: gpuSizes } }, greater: 0 }] },
          then: { effect: 'audit' },
        },
      },
    });
    const standalone = JSON.stringify({
      name: 'audit-gpu-agent-pool',
      properties: {
        displayName: 'Audit GPU agent pools',
        mode: 'All',
        policyRule: {
          if: { allOf: [{ field: 'type', equals: 'Microsoft.ContainerService/managedClusters/agentPools' }, { field: 'Microsoft.ContainerService/managedClusters/agentPools/vmSize', in: gpuSizes }] },
          then: { effect: 'audit' },
        },
      },
    });
    const tf = `
resource "azurerm_kubernetes_cluster" "aks" {
  name       = "aks-ml"
  location   = "westeurope"
  dns_prefix = "aksml"
  default_node_pool {
    name    = "system"
    vm_size = "Standard_NC24ads_A100_v4"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_NC24ads_A100_v4"
}
`;
    const dir = tree({ 'main.tf': tf, 'policies/inline.json': inline, 'policies/standalone.json': standalone, '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'] }) });
    const r = await lint({ paths: [dir], root: dir, rules: ['GOV003'] });
    expect(r.findings.map((f) => `${f.location.range.start.line} ${/"([^"]+)" \(audit\)/.exec(f.message)?.[1]}`).sort()).toEqual(['15 Audit GPU agent pools', '8 Audit clusters with a GPU pool profile']);
  });
});

describe('policies config mistakes, arrays of definitions, a policy file given by name (review 105)', () => {
  const mlDir = (parameters: Record<string, unknown>, extra: Record<string, string> = {}): string =>
    tree({ 'main.tf': publicWs, 'policies/ml.json': PARAM_EFFECT_PUBLIC_ML, 'policies/gpu.json': DENY_GPU_NO_COST_CENTER, ...extra, '.mlops-iac-lint.json': JSON.stringify({ policies: { definitions: ['policies/*.json'], parameters } }, null, 2) });
  /** The UsageError's lines, the config file's path made relative. */
  const usageLines = async (dir: string, extra: Parameters<typeof lint>[0] = {}): Promise<string[]> => {
    const e = await lint({ paths: [dir], root: dir, ...extra }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message.split('\n').map((l) => l.replace(`${dir}${path.sep}`, ''));
  };

  it('a parameters key naming no loaded definition, a misspelt parameter and a value outside allowedValues are config errors, one line each at its place', async () => {
    const dir = mlDir({ 'ml-public-network-parm': { effect: 'Deny' }, 'ml-public-network-param': { efect: 'Deny' }, 'Deny GPU VMs without a cost-center tag': { effect: 'Deny' } });
    expect(await usageLines(dir)).toEqual([
      '.mlops-iac-lint.json:7:7: policies.parameters["ml-public-network-parm"]: names no loaded policy definition or initiative, so its parameters are not used; write the name or display name of one ("deny-gpu-no-cost-center", "ml-public-network-param"), or remove the entry',
      '.mlops-iac-lint.json:11:9: policies.parameters["ml-public-network-param"].efect: "Azure Machine Learning Workspaces should disable public network access" declares no parameter "efect", so its value is not used; write one of its parameters (effect), or remove it',
      '.mlops-iac-lint.json:14:9: policies.parameters["Deny GPU VMs without a cost-center tag"].effect: "Deny GPU VMs without a cost-center tag" declares no parameters, so "effect" is not used; remove it',
    ]);
    const wrapped = mlDir({ 'ml-public-network-param': { effect: { value: 'Block' } } });
    expect(await usageLines(wrapped)).toEqual([
      '.mlops-iac-lint.json:9:20: policies.parameters["ml-public-network-param"].effect: "Block" is not among the allowedValues of parameter "effect" of "Azure Machine Learning Workspaces should disable public network access" (Audit, Deny, Disabled); an assignment takes only those: write one of them',
    ]);
    // The `{ "value": x }` wrapper is the value.
    const fine = await lint({ paths: [mlDir({ 'ml-public-network-param': { effect: { value: 'Deny' } } })], rules: ['GOV002'] });
    expect(fine.findings.map((f) => f.ruleId)).toEqual(['GOV002']);
  });

  it('allowedValues are compared with case, as Azure compares them when a policy is assigned (review 106: "deny" was taken for Deny)', async () => {
    expect(await usageLines(mlDir({ 'ml-public-network-param': { effect: 'deny' } }))).toEqual([
      '.mlops-iac-lint.json:8:19: policies.parameters["ml-public-network-param"].effect: "deny" is not among the allowedValues of parameter "effect" of "Azure Machine Learning Workspaces should disable public network access" (Audit, Deny, Disabled); allowed values are compared with case when a policy is assigned: write "Deny"',
    ]);
  });

  it('an array value is checked element by element against allowedValues (review 106: ["westus", "eastus2"] was a config error)', async () => {
    // Learn's own example (definition-structure-parameters): an array parameter with allowedValues, assigned ["westus", "eastus2"].
    const allowedLocations = JSON.stringify({
      name: 'allowed-ml-locations',
      properties: {
        displayName: 'Allowed ML locations',
        mode: 'Indexed',
        parameters: { listOfAllowedLocations: { type: 'Array', defaultValue: ['westus2'], allowedValues: ['eastus2', 'westus2', 'westus'] } },
        policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' }, { field: 'location', notIn: "[parameters('listOfAllowedLocations')]" }] }, then: { effect: 'deny' } },
      },
    });
    const dir = (value: unknown): string => mlDir({ 'allowed-ml-locations': { listOfAllowedLocations: value } }, { 'policies/loc.json': allowedLocations });
    const r = await lint({ paths: [dir(['westus', 'eastus2'])], rules: ['GOV002'] });
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^Azure Policy "Allowed ML locations" \(deny\) rejects azurerm_machine_learning_workspace "mlw-demo"/)]);
    expect((await lint({ paths: [dir([])], rules: ['GOV002'] })).findings.map((f) => f.ruleId)).toEqual(['GOV002']);
    expect(await usageLines(dir(['westus', 'westeurope']))).toEqual([
      '.mlops-iac-lint.json:8:35: policies.parameters["allowed-ml-locations"].listOfAllowedLocations: "westeurope" (in ["westus","westeurope"]) is not among the allowedValues of parameter "listOfAllowedLocations" of "Allowed ML locations" (eastus2, westus2, westus); an assignment takes only those: each element must be one of them',
    ]);
    expect(await usageLines(dir(['WestUS']))).toEqual([expect.stringMatching(/"WestUS" \(in \["WestUS"\]\) is not among the allowedValues .*; allowed values are compared with case when a policy is assigned: write "westus"$/)]);
  });

  it('a glob that also matches a README or a .tf file still decides a misspelt key (review 106: their notes turned every key check off); a README is a note, not a PARSE001', async () => {
    const dir = tree({
      'main.tf': publicWs,
      'policies/ml.json': PARAM_EFFECT_PUBLIC_ML,
      'policies/README.md': '# Our policies\n\nSee the JSON files.\n',
      'policies/unrelated.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n',
      '.mlops-iac-lint.json': JSON.stringify({ policies: { definitions: ['policies/*'], parameters: { 'ml-public-network-parm': { effect: 'Deny' } } } }, null, 2),
    });
    expect(await usageLines(dir)).toEqual([expect.stringMatching(/^\.mlops-iac-lint\.json:\d+:\d+: policies\.parameters\["ml-public-network-parm"\]: names no loaded policy definition or initiative, .*\("ml-public-network-param"\)/)]);
    fs.writeFileSync(path.join(dir, '.mlops-iac-lint.json'), JSON.stringify({ policies: { definitions: ['policies/*'], parameters: { 'ml-public-network-param': { effect: 'Deny' } } } }));
    const r = await lint({ paths: [dir], root: dir });
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001')).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'EVAL001').map((f) => `${path.relative(dir, f.location.file)} ${f.level} ${f.message}`)).toEqual([
      'policies/README.md note Not a policy definition file: policies.definitions reads JSON definitions, and this file is not JSON (line 1: Invalid symbol); narrow the glob to *.json.',
      "policies/unrelated.tf note Not a policy definition file: policies.definitions reads JSON definitions; a Terraform file's policy resources are read with policies.fromScannedCode when the file is scanned.",
    ]);
  });

  it('a key is not judged unknown while a policy file is broken (its PARSE001 is the report), nor with fromScannedCode when it names a definition in the code', async () => {
    const broken = mlDir({ 'deny-from-the-broken-file': { effect: 'Deny' } }, { 'policies/broken.json': '{ "name": "deny-from-the-broken-file", ' });
    const r = await lint({ paths: [broken], root: broken });
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001').map((f) => path.relative(broken, f.location.file))).toEqual(['policies/broken.json']);
    const tfPolicy = `resource "azurerm_policy_definition" "p" {\n  name         = "deny-public-ml-tf"\n  policy_type  = "Custom"\n  mode         = "All"\n  display_name = "Deny public ML (tf)"\n  parameters   = jsonencode({ effect = { type = "String", defaultValue = "Audit", allowedValues = ["Audit", "Deny"] } })\n  policy_rule  = jsonencode({\n    if   = { field = "type", equals = "Microsoft.MachineLearningServices/workspaces" }\n    then = { effect = "[parameters('effect')]" }\n  })\n}\n`;
    const inCode = (parameters: Record<string, unknown>): string => tree({ 'main.tf': publicWs, 'governance/policy.tf': tfPolicy, '.mlops-iac-lint.json': JSON.stringify({ policies: { fromScannedCode: true, parameters } }) });
    const named = await lint({ paths: [inCode({ 'deny-public-ml-tf': { effect: 'Deny' } })], rules: ['GOV002'] });
    expect(named.findings.map((f) => f.ruleId)).toEqual(['GOV002']);
    // A key naming none the run read is a notice with fromScannedCode (review 106): an unread module may write it.
    const misspelt = await lint({ paths: [inCode({ 'deny-public-ml-tff': { effect: 'Deny' } })], rules: ['GOV002', 'GOV003'] });
    expect(misspelt.findings.map((f) => f.ruleId)).toEqual(['GOV003']);
    expect(misspelt.notices).toEqual([expect.stringMatching(/^.*\.mlops-iac-lint\.json:1:\d+: policies\.parameters\["deny-public-ml-tff"\]: names no policy definition or initiative the run read, .*\("deny-public-ml-tf"\)/)]);
  });

  describe('definitions in the scanned code: only what is certain is a config error (review 106)', () => {
    const definitionTf = (attrs: { name: string; parameters: string }): string => `resource "azurerm_policy_definition" "ml" {
  name         = ${attrs.name}
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Deny public ML workspaces"
  parameters   = ${attrs.parameters}
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
`;
    const declared = 'jsonencode({ effect = { type = "String", defaultValue = "Audit", allowedValues = ["Audit", "Deny", "Disabled"] } })';
    const inCode = (files: Record<string, string>, parameters: Record<string, unknown>): string => tree({ 'infra/main.tf': publicWs, ...files, '.mlops-iac-lint.json': JSON.stringify({ policies: { fromScannedCode: true, parameters } }) });

    it('a definition whose name is not known may be the one a key names: no "names no definition", and its address is never offered as a name', async () => {
      const variable = 'variable "prefix" {\n  type = string\n}\n';
      const dir = inCode({ 'governance/main.tf': variable + definitionTf({ name: '"${var.prefix}-deny-ml-public"', parameters: declared }) }, { 'contoso-deny-ml-publc': { effect: 'Deny' } });
      const r = await lint({ paths: [dir], rules: ['GOV002', 'GOV003'] });
      expect(r.notices).toEqual([]);
      expect(r.findings.map((f) => f.ruleId)).toEqual(['GOV003']);
      // Its parameters still count for every key: a value no candidate allows is an error.
      const refused = inCode({ 'governance/main.tf': variable + definitionTf({ name: '"${var.prefix}-deny-ml-public"', parameters: declared }), 'governance/known.tf': definitionTf({ name: '"deny-ml-known"', parameters: declared }).replace('"ml"', '"known"') }, { 'deny-ml-known': { effect: 'Block' } });
      expect(await usageLines(refused)).toEqual([expect.stringMatching(/policies\.parameters\["deny-ml-known"\]\.effect: "Block" is not among the allowedValues/)]);
    });

    it('a definition whose parameters are not known declares any parameter: no "declares no parameters"', async () => {
      const dir = inCode({ 'governance/main.tf': 'variable "policy_parameters" {\n  type = string\n}\n' + definitionTf({ name: '"deny-ml-public"', parameters: 'var.policy_parameters' }) }, { 'deny-ml-public': { effect: 'Deny' } });
      const r = await lint({ paths: [dir], rules: ['GOV002', 'GOV003'] });
      expect(r.findings.map((f) => f.ruleId)).toEqual(['GOV002']);
      expect(r.notices).toEqual([]);
      // Known parameters: a misspelt one is still an error.
      expect(await usageLines(inCode({ 'governance/main.tf': definitionTf({ name: '"deny-ml-public"', parameters: declared }) }, { 'deny-ml-public': { efect: 'Deny' } }))).toEqual([
        expect.stringMatching(/policies\.parameters\["deny-ml-public"\]\.efect: "Deny public ML workspaces" declares no parameter "efect"/),
      ]);
    });

    it('a key naming an initiative written in the code says initiatives in the code are not read', async () => {
      const initiative = 'resource "azurerm_policy_set_definition" "baseline" {\n  name         = "ml-baseline"\n  policy_type  = "Custom"\n  display_name = "ML baseline"\n  parameters   = jsonencode({ mlEffect = { type = "String", defaultValue = "Audit" } })\n  policy_definition_reference {\n    policy_definition_id = azurerm_policy_definition.ml.id\n    parameter_values     = jsonencode({ effect = { value = "[parameters(\'mlEffect\')]" } })\n  }\n}\n';
      const dir = inCode({ 'governance/main.tf': definitionTf({ name: '"deny-ml-public"', parameters: declared }) + initiative }, { 'ML baseline': { mlEffect: 'Deny' } });
      const r = await lint({ paths: [dir], rules: ['GOV002', 'GOV003'] });
      expect(r.notices).toEqual([
        expect.stringMatching(/policies\.parameters\["ML baseline"\]: names the initiative `azurerm_policy_set_definition\.baseline` written in the scanned code, and policies\.fromScannedCode reads policy definitions only, not initiatives, so its parameters are not used; add the initiative's JSON to policies\.definitions/),
      ]);
    });
  });

  it('a file holding an array of definitions (az policy definition list): each element is read, and one that is not a definition is a note at it naming the shapes read', async () => {
    const list = JSON.stringify([JSON.parse(PARAM_EFFECT_PUBLIC_ML), 42, { name: 'x' }], null, 2);
    const dir = tree({ 'main.tf': publicWs, 'policies/list.json': list, 'policies/empty.json': '[]', 'policies/text.json': '"deny"', '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'], parameters: { 'ml-public-network-param': { effect: 'Deny' } } }) });
    const r = await lint({ paths: [dir], root: dir });
    expect(r.findings.filter((f) => f.ruleId === 'GOV002').map((f) => path.relative(dir, f.location.file))).toEqual(['main.tf']);
    const notes = r.findings.filter((f) => f.ruleId === 'EVAL001').map((f) => `${path.relative(dir, f.location.file)}:${f.location.range.start.line} ${f.message}`);
    const shapes = 'policies.definitions reads a policy definition (policyRule at the top or under properties), an initiative (properties.policyDefinitions), or a JSON array of them (the output of az policy definition list).';
    expect(notes).toEqual([
      `policies/empty.json:1 No policy definition: the file holds an empty array; ${shapes}`,
      `policies/list.json:${list.split('\n').indexOf('  42,') + 1} Not a policy definition: element [1] is a number; ${shapes}`,
      `policies/list.json:${list.split('\n').lastIndexOf('  {') + 1} Not a policy definition: element [2] has no policyRule and no properties.policyDefinitions; ${shapes}`,
      `policies/text.json:1 Not a policy definition: the document is a string; ${shapes}`,
    ]);
  });

  it('a configured policy file given by name is read as the folder run reads it, with the other given files', async () => {
    const dir = tree({ 'infra/main.tf': publicWs, 'policies/ml.json': PARAM_EFFECT_PUBLIC_ML, 'policies/broken.json': '{ "name": ', '.mlops-iac-lint.json': config({ definitions: ['policies/*.json'], parameters: { 'ml-public-network-param': { effect: 'Deny' } } }) });
    const [ml, broken, main] = ['policies/ml.json', 'policies/broken.json', 'infra/main.tf'].map((f) => path.join(dir, f));
    const shown = (r: Awaited<ReturnType<typeof lint>>): string[] => r.findings.map((f) => `${f.ruleId} ${path.relative(dir, f.location.file)}`).sort();
    // Files-only (pre-commit): the policy file's own problems, and the other file's findings.
    expect(shown(await lint({ paths: [ml, main], onlyFiles: [ml, main], root: dir, rules: ['GOV002', 'PARSE001'] }))).toEqual(['GOV002 infra/main.tf']);
    expect(shown(await lint({ paths: [broken], onlyFiles: [broken], root: dir }))).toEqual(['PARSE001 policies/broken.json']);
    // Named beside a folder.
    expect(shown(await lint({ paths: [path.join(dir, 'infra'), broken], root: dir, rules: ['GOV002', 'PARSE001'] }))).toEqual(['GOV002 infra/main.tf', 'PARSE001 policies/broken.json']);
  });
});
