/**
 * Real Azure Policy definitions from ../shared/corpus (Azure/azure-policy built-ins for Machine
 * Learning, Compute, Kubernetes, Key Vault, Container Registry, Storage and Tags; Enterprise-Scale
 * and Community-Policy customs): every file with a `policyRule` parses with positions, and each
 * definition is judged on a sample of resources — the Azure ML quickstart templates of the corpus
 * (ARM, evaluated by the project's ARM evaluator) and one hand-written ARM body per curated type.
 * Prints how many evaluate fully and why the others are undecided (the measurement).
 * MLOPS_IAC_LINT_CORPUS overrides where the corpus is (a worktree's `../shared` is not the corpus).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../src/core/host.js';
import { fromJS, str } from '../../src/core/value.js';
import { parseJsonc } from '../../src/parse/json/index.js';
import { evaluateArmTemplate } from '../../src/eval/arm/template.js';
import { loadPolicyFiles, type PolicyDefinition } from '../../src/eval/policy/index.js';
import { buildGraph } from '../../src/engine/graph.js';
import { armRefKeys, fromArm } from '../../src/model/from-arm.js';
import { buildPolicySet } from '../../src/model/policy.js';
import { judgeResource } from '../../src/model/policy-judgement.js';
import type { Evaluation, Resource } from '../../src/model/resource.js';
import { CORPUS } from '../support/fixtures.js';

const ROOT = process.env.MLOPS_IAC_LINT_CORPUS ?? CORPUS;
const BUILTINS = path.join(ROOT, 'Azure__azure-policy/built-in-policies/policyDefinitions');
const present = fs.existsSync(BUILTINS);
if (!present) console.warn('!!! ../shared/corpus is absent: Azure Policy corpus tests are SKIPPED');

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) jsonFiles(p, out);
    else if (e.name.endsWith('.json') && fs.readFileSync(p, 'utf8').includes('"policyRule"')) out.push(p);
  }
  return out;
}

/** One resource per curated type, as an ARM body (what ARM/Bicep/azapi would send). */
function sampleResources(): Resource[] {
  const evaluation: Evaluation = { variant: 'default', env: 'unknown', unit: 'sample.json', inputs: [] };
  const header = { file: 'sample.json', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  const bodies: [string, Record<string, unknown>][] = [
    ['Microsoft.MachineLearningServices/workspaces', { name: 'mlw', location: 'westeurope', kind: 'Default', identity: { type: 'SystemAssigned' }, tags: { env: 'dev' }, properties: { publicNetworkAccess: 'Enabled', hbiWorkspace: false } }],
    ['Microsoft.MachineLearningServices/workspaces/computes', { name: 'mlw/ci', location: 'westeurope', properties: { computeType: 'ComputeInstance', disableLocalAuth: true, properties: { vmSize: 'Standard_DS3_v2' } } }],
    ['Microsoft.MachineLearningServices/workspaces/computes', { name: 'mlw/gpu', location: 'westeurope', properties: { computeType: 'AmlCompute', properties: { vmSize: 'Standard_NC24ads_A100_v4', scaleSettings: { minNodeCount: 0, maxNodeCount: 4 } } } }],
    ['Microsoft.ContainerService/managedClusters', { name: 'aks', location: 'westeurope', properties: { agentPoolProfiles: [{ name: 'sys', vmSize: 'Standard_D4s_v5', mode: 'System', count: 3 }] } }],
    ['Microsoft.Compute/virtualMachines', { name: 'vm', location: 'westeurope', properties: { hardwareProfile: { vmSize: 'Standard_NC6s_v3' } } }],
    ['Microsoft.KeyVault/vaults', { name: 'kv', location: 'westeurope', properties: { tenantId: 't', sku: { family: 'A', name: 'standard' }, enablePurgeProtection: true } }],
    ['Microsoft.ContainerRegistry/registries', { name: 'acr', location: 'westeurope', sku: { name: 'Premium' }, properties: { adminUserEnabled: false } }],
    ['Microsoft.Storage/storageAccounts', { name: 'st', location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: { minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false } }],
    ['Microsoft.Network/networkSecurityGroups', { name: 'nsg', location: 'westeurope', properties: { securityRules: [{ name: 'ssh', properties: { access: 'Allow', direction: 'Inbound', destinationPortRange: '22', sourceAddressPrefix: '*' } }] } }],
  ];
  return bodies.map(([type, body], i) => ({
    address: `sample/${i}`,
    kind: 'other',
    sourceType: type,
    format: 'arm',
    header,
    attrs: new Map(),
    body: fromJS(body, header),
    name: str(String(body.name)),
    identity: [],
    refs: new Map(),
    evaluation,
  }));
}

function quickstartResources(): Resource[] {
  const qs = path.join(ROOT, 'Azure__azure-quickstart-templates/quickstarts/microsoft.machinelearningservices');
  if (!fs.existsSync(qs)) return [];
  const out: Resource[] = [];
  for (const d of fs.readdirSync(qs).sort()) {
    const file = path.join(qs, d, 'azuredeploy.json');
    if (!fs.existsSync(file)) continue;
    const parsed = parseJsonc(fs.readFileSync(file, 'utf8'), file);
    const result = evaluateArmTemplate({ file, parsed });
    const evaluation: Evaluation = { variant: 'default', env: 'unknown', unit: file, inputs: result.inputs };
    out.push(...buildGraph(result.resources.filter((r) => !r.existing).flatMap((r) => fromArm(r, evaluation)), evaluation, armRefKeys).resources);
  }
  return out;
}

/** A reason without names, values and ids: its category. */
function category(why: string): string {
  if (/is not in the alias table/.test(why)) return 'an alias outside the curated table';
  if (/resource-provider mode/.test(why)) return 'a resource-provider mode';
  if (/auditIfNotExists/.test(why)) return 'auditIfNotExists (related resource not decidable)';
  if (/has no value/.test(why)) return 'a parameter without value or default';
  if (/function \S+ is not evaluated|lambda|requestContext|policy\(\)/.test(why)) return 'an unsupported function';
  if (/depends on deployment state|resourceGroup|subscription/.test(why)) return 'deployment state (resourceGroup(), subscription(), reference())';
  if (/mode Indexed/.test(why)) return 'mode Indexed on a type outside the tag table';
  if (/\[\*\] condition over no members/.test(why)) return 'a [*] condition over an empty array';
  if (/is not known/.test(why)) return 'a value that is not known statically';
  if (/may set/.test(why)) return 'a modify/append policy of the set';
  return why.replace(/"[^"]*"|'[^']*'|\S+\/\S+/g, '…');
}

describe.skipIf(!present)('Azure Policy definitions of the corpus', () => {
  const files = present ? jsonFiles(ROOT) : [];
  const host = createHost(ROOT);
  const loaded = loadPolicyFiles(host, files);

  it('parses every file that holds a policy rule', () => {
    const parseProblems = loaded.problems.filter((p) => p.kind === 'parse');
    expect(parseProblems, parseProblems.map((p) => `${p.location.file}: ${p.message}`).join('\n')).toEqual([]);
    expect(loaded.definitions.length + loaded.problems.length).toBe(files.length);
    expect(files.length).toBeGreaterThan(300);
  });

  it('judges the definitions on the sample resources; reports how many evaluate fully', () => {
    const resources = [...sampleResources(), ...quickstartResources()];
    const undecidedBy = new Map<PolicyDefinition, string>();
    let applied = 0;
    // Each definition on its own (as if assigned alone), so one modify policy does not affect the others.
    for (const d of loaded.definitions) {
      const set = buildPolicySet({ definitions: [d], initiatives: [], parameters: {} });
      for (const r of resources) {
        for (const j of judgeResource(set, r, resources) ?? []) {
          if (j.result === undefined && !undecidedBy.has(d)) undecidedBy.set(d, category(j.why ?? 'unknown'));
          if (j.result === true) applied++;
        }
      }
    }
    const reasons = new Map<string, number>();
    for (const c of undecidedBy.values()) reasons.set(c, (reasons.get(c) ?? 0) + 1);
    const full = loaded.definitions.length - undecidedBy.size;
    const lines = [
      `policy corpus: ${files.length} files with a policyRule, ${loaded.definitions.length} definitions parsed, ${loaded.problems.length} not definitions`,
      `judged on ${resources.length} resources: ${full} definitions evaluate fully on every one, ${undecidedBy.size} are undecided on at least one; ${applied} (resource, definition) pairs match`,
      ...[...reasons].sort((a, b) => b[1] - a[1]).map(([c, n]) => `  ${n} ${c}`),
    ];
    console.log(lines.join('\n'));
    expect(full).toBeGreaterThan(loaded.definitions.length / 3);
  });

  it('the built-ins the MLOps rules mirror decide as Azure would', () => {
    const byFile = (rel: string): PolicyDefinition => {
      const d = loaded.definitions.find((x) => x.location.file === path.join(BUILTINS, rel));
      if (!d) throw new Error(`${rel} not loaded`);
      return d;
    };
    const set = buildPolicySet({ definitions: [byFile('Machine Learning/IdleShutdown_Audit.json'), byFile('Machine Learning/Workspace_PublicNetworkAccessDisabled_Audit.json')], initiatives: [], parameters: {} });
    const [ws, instance] = sampleResources();
    const onWs = judgeResource(set, ws!, [])!;
    expect(onWs.map((j) => [j.definition.displayName, j.effect, j.result])).toEqual([
      ['Azure Machine Learning Compute Instance should have idle shutdown.', 'audit', false],
      ['Azure Machine Learning Workspaces should disable public network access', 'audit', true],
    ]);
    // The compute instance has no idleTimeBeforeShutdown: `exists: false` (a boolean) holds.
    expect(judgeResource(set, instance!, [])!.map((j) => j.result)).toEqual([true, false]);
  });

  it('reads Enterprise-Scale definitions kept escaped for ARM templates ([[parameters()]) as deployed', () => {
    const file = path.join(ROOT, 'Azure__Enterprise-Scale/src/resources/Microsoft.Authorization/policyDefinitions/Deny-MachineLearning-Compute-VmSize.json');
    const d = loaded.definitions.find((x) => x.location.file === file);
    expect(d).toBeDefined();
    const set = buildPolicySet({ definitions: [d!], initiatives: [], parameters: {} });
    const [, instance, gpu] = sampleResources();
    // Standard_DS3_v2 is in its default allow list; the A100 size is not.
    expect(judgeResource(set, instance!, [])!.map((j) => [j.effect, j.result])).toEqual([['deny', false]]);
    expect(judgeResource(set, gpu!, [])!.map((j) => [j.effect, j.result])).toEqual([['deny', true]]);
  });
});
