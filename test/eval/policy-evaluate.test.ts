/**
 * The static Azure Policy evaluator (src/eval/policy): semantics of each operator and field,
 * three-valued results, count/where, value conditions with field().
 */
import { describe, expect, it } from 'vitest';
import { fromJS, unknown, str, obj } from '../../src/core/value.js';
import { effectOf, evaluateCondition, likeMatches, matchMatches, tagName, type PolicyTarget } from '../../src/eval/policy/index.js';
import { POLICY_ALIASES } from '../../src/model/tables/policy-aliases.js';

const aliases = new Map(POLICY_ALIASES.map((r) => [r.alias.toLowerCase(), r.path]));
const aliasPath = (a: string): string | undefined => aliases.get(a.toLowerCase());

function target(type: string, body: Record<string, unknown>, over: Partial<PolicyTarget> = {}): PolicyTarget {
  return { type: str(type), body: fromJS(body), aliasPath, ...over };
}

function run(cond: unknown, t: PolicyTarget, params: Record<string, unknown> = {}) {
  return evaluateCondition(fromJS(cond), { target: t, parameter: (n) => (n in params ? fromJS(params[n]) : undefined) });
}

const VM = 'Microsoft.Compute/virtualMachines';
const vm = (size: string, tags?: Record<string, string>) => target(VM, { name: 'vm1', location: 'East US', ...(tags ? { tags } : {}), properties: { hardwareProfile: { vmSize: size } } });

describe('policy evaluator', () => {
  it('compares strings without case, type too', () => {
    expect(run({ field: 'type', equals: 'microsoft.compute/VIRTUALMACHINES' }, vm('x')).result).toBe(true);
    expect(run({ field: 'Microsoft.Compute/virtualMachines/sku.name', equals: 'standard_nc6' }, vm('Standard_NC6')).result).toBe(true);
    expect(run({ field: 'Microsoft.Compute/virtualMachines/sku.name', notEquals: 'standard_nc6' }, vm('Standard_NC6')).result).toBe(false);
  });

  it('normalises location (East US = eastus)', () => {
    expect(run({ field: 'location', equals: 'eastus' }, vm('x')).result).toBe(true);
    expect(run({ field: 'location', in: ['westeurope', 'eastus'] }, vm('x')).result).toBe(true);
    expect(run({ field: 'location', notIn: ['westeurope'] }, vm('x')).result).toBe(true);
  });

  it('reads tags as tags[\'x\'], tags[x] and tags.x; exists as bool or string', () => {
    const t = vm('x', { 'cost-center': 'cc1', Owner: 'me' });
    expect(run({ field: "tags['cost-center']", exists: 'true' }, t).result).toBe(true);
    expect(run({ field: 'tags[cost-center]', exists: true }, t).result).toBe(true);
    expect(run({ field: 'tags.owner', equals: 'ME' }, t).result).toBe(true);
    expect(run({ field: "tags['missing']", exists: 'false' }, t).result).toBe(true);
    expect(run({ field: "tags['missing']", exists: false }, t).result).toBe(true);
    expect(run({ field: 'tags', containsKey: 'cost-center' }, t).result).toBe(true);
    expect(run({ field: 'tags', notContainsKey: 'cost-center' }, t).result).toBe(false);
    expect(tagName("tags['it''s']")).toBe("it's");
  });

  it('like with *, match with # and ?', () => {
    expect(likeMatches('Standard_NC24ads_A100_v4', 'standard_nc*')).toBe(true);
    expect(likeMatches('Standard_D4s_v5', 'standard_n*')).toBe(false);
    expect(likeMatches('a.b', 'a*b')).toBe(true);
    expect(likeMatches('abc', 'a*c*')).toBe(true);
    expect(likeMatches('abc', '*b')).toBe(false);
    // A hostile pattern from a policy file stays fast (no backtracking RegExp).
    const t0 = Date.now();
    expect(likeMatches('a'.repeat(5000), `${'a*'.repeat(50)}b`)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(matchMatches('ab12', '??##', false)).toBe(true);
    expect(matchMatches('AB12', 'ab##', false)).toBe(false);
    expect(matchMatches('AB12', 'ab##', true)).toBe(true);
    expect(run({ field: 'name', like: 'VM*' }, vm('x')).result).toBe(true);
    expect(run({ field: 'name', notLike: 'vm*' }, vm('x')).result).toBe(false);
  });

  it('contains, less/greater on numbers', () => {
    const ws = target('Microsoft.MachineLearningServices/workspaces/computes', { properties: { properties: { vmSize: 'Standard_NC6', scaleSettings: { minNodeCount: 2 } } } });
    expect(run({ field: 'Microsoft.MachineLearningServices/workspaces/computes/vmSize', contains: 'nc' }, ws).result).toBe(true);
    expect(run({ field: 'Microsoft.MachineLearningServices/workspaces/computes/scaleSettings.minNodeCount', greater: 0 }, ws).result).toBe(true);
    expect(run({ field: 'Microsoft.MachineLearningServices/workspaces/computes/scaleSettings.minNodeCount', lessOrEquals: 1 }, ws).result).toBe(false);
  });

  it('resolves [parameters()] on the right side and in the effect', () => {
    expect(run({ field: 'Microsoft.Compute/virtualMachines/sku.name', in: "[parameters('sizes')]" }, vm('Standard_ND96asr_v4'), { sizes: ['Standard_ND96asr_v4'] }).result).toBe(true);
    const o = run({ field: 'Microsoft.Compute/virtualMachines/sku.name', in: "[parameters('sizes')]" }, vm('x'));
    expect(o.result).toBeUndefined();
    expect(o.why).toMatch(/parameter 'sizes' has no value/);
    expect(effectOf(fromJS({ effect: "[parameters('effect')]" }), { parameter: () => str('Deny') }).effect).toBe('deny');
  });

  it('is three-valued: an unknown value decides only when it matters', () => {
    const u: PolicyTarget = { type: str(VM), aliasPath, body: obj({ name: str('vm1'), properties: obj({ hardwareProfile: obj({ vmSize: unknown('depends on var.size') }) }) }) };
    const sizeIn = { field: 'Microsoft.Compute/virtualMachines/sku.name', in: ['Standard_NC6'] };
    expect(run(sizeIn, u).result).toBeUndefined();
    expect(run({ allOf: [{ field: 'type', equals: 'Microsoft.Storage/storageAccounts' }, sizeIn] }, u).result).toBe(false);
    expect(run({ anyOf: [{ field: 'name', equals: 'vm1' }, sizeIn] }, u).result).toBe(true);
    expect(run({ not: sizeIn }, u).result).toBeUndefined();
  });

  it('an alias outside the table is undecided, with the alias named', () => {
    const o = run({ allOf: [{ field: 'type', equals: VM }, { field: 'Microsoft.Compute/virtualMachines/osProfile.linuxConfiguration.disablePasswordAuthentication', equals: false }] }, vm('x'));
    expect(o.result).toBeUndefined();
    expect(o.why).toMatch(/alias Microsoft\.Compute\/virtualMachines\/osProfile\.linuxConfiguration\.disablePasswordAuthentication is not in the alias table/);
  });

  it('an unmodelled path of a canonical view is undecided, a modelled absent one is absent', () => {
    const t = target(VM, { name: 'vm1' }, { unmodelled: (p) => (p.toLowerCase().startsWith('properties.hardwareprofile') ? undefined : `not modelled: ${p}`) });
    expect(run({ field: 'Microsoft.Compute/virtualMachines/sku.name', exists: false }, t).result).toBe(true);
    const kv = target('Microsoft.KeyVault/vaults', { name: 'kv' }, { unmodelled: (p) => `not modelled: ${p}` });
    expect(run({ field: 'Microsoft.KeyVault/vaults/enablePurgeProtection', exists: false }, kv).why).toMatch(/not modelled: properties\.enablePurgeProtection/);
  });

  it('an unknown type is decided against the types it is known not to be', () => {
    const t: PolicyTarget = { type: unknown('azurerm_resource_x is not mapped'), notTypes: new Set([VM.toLowerCase()]), body: fromJS({}), aliasPath };
    expect(run({ field: 'type', equals: VM }, t).result).toBe(false);
    expect(run({ field: 'type', equals: 'Microsoft.Web/sites' }, t).result).toBeUndefined();
  });

  it('[*] outside count holds when every member holds', () => {
    const aks = target('Microsoft.ContainerService/managedClusters', { properties: { agentPoolProfiles: [{ vmSize: 'Standard_D4s_v5' }, { vmSize: 'Standard_NC6' }] } });
    expect(run({ field: 'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].vmSize', like: 'Standard_D*' }, aks).result).toBe(false);
    expect(run({ field: 'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].vmSize', like: 'Standard_*' }, aks).result).toBe(true);
  });

  it('count over an alias with where, and over a value with name', () => {
    const nsg = target('Microsoft.Network/networkSecurityGroups', {
      properties: {
        securityRules: [
          { name: 'a', properties: { access: 'Allow', direction: 'Inbound', destinationPortRange: '22' } },
          { name: 'b', properties: { access: 'Deny', direction: 'Inbound', destinationPortRange: '3389' } },
        ],
      },
    });
    const where = (port: string) => ({
      count: {
        field: 'Microsoft.Network/networkSecurityGroups/securityRules[*]',
        where: { allOf: [{ field: 'Microsoft.Network/networkSecurityGroups/securityRules[*].access', equals: 'Allow' }, { field: 'Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange', equals: port }] },
      },
      greater: 0,
    });
    expect(run(where('22'), nsg).result).toBe(true);
    expect(run(where('3389'), nsg).result).toBe(false);
    expect(run({ count: { field: 'Microsoft.Network/networkSecurityGroups/securityRules[*]' }, equals: 2 }, nsg).result).toBe(true);
    // An absent array has no members.
    expect(run({ count: { field: 'Microsoft.Network/networkSecurityGroups/securityRules[*]' }, equals: 0 }, target('Microsoft.Network/networkSecurityGroups', {})).result).toBe(true);
    // count over a value, current() of the named iteration.
    expect(run({ count: { value: ['eastus', 'westus'], name: 'loc', where: { field: 'location', equals: "[current('loc')]" } }, equals: 1 }, vm('x')).result).toBe(true);
  });

  it('a count whose members `where` cannot decide is decided only when every possible count agrees', () => {
    const pools = (...sizes: unknown[]) => target('Microsoft.ContainerService/managedClusters', { properties: { agentPoolProfiles: sizes.map((vmSize) => ({ vmSize })) } });
    const gpuPools = (op: string, n: number) => ({ count: { field: 'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*]', where: { field: 'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].vmSize', like: 'Standard_N*' } }, [op]: n });
    const unknownSize = unknown('parameter has no value');
    const t = target('Microsoft.ContainerService/managedClusters', { properties: {} });
    const two = { ...t, body: obj({ properties: obj({ agentPoolProfiles: { kind: 'list', items: [obj({ vmSize: unknownSize }), obj({ vmSize: unknownSize })] } as never }) }) };
    // 0, 1 or 2 GPU pools: `notEquals 1` and `equals 1` cannot be told (audit 54: both sides were "decided").
    expect(run(gpuPools('notEquals', 1), two).result).toBeUndefined();
    expect(run(gpuPools('equals', 1), two).result).toBeUndefined();
    expect(run({ not: gpuPools('equals', 1) }, two).result).toBeUndefined();
    // Every count from 0 to 2 is below 3, and none is 5.
    expect(run(gpuPools('less', 3), two).result).toBe(true);
    expect(run(gpuPools('equals', 5), two).result).toBe(false);
    // Known members count as they are.
    expect(run(gpuPools('equals', 1), pools('Standard_D4s_v5', 'Standard_NC6')).result).toBe(true);
  });

  it('a value condition on a list or an object with a string operator is undecided, and so is the allOf around it', () => {
    const st = target('Microsoft.Storage/storageAccounts', { name: 'st', location: 'norwayeast' });
    for (const op of ['contains', 'notContains', 'like', 'notLike', 'match', 'notMatch']) {
      const cond = { allOf: [{ field: 'type', equals: 'Microsoft.Storage/storageAccounts' }, { value: "[parameters('regions')]", [op]: "[field('location')]" }] };
      expect(run(cond, st, { regions: ['westus', 'eastus'] }).result, op).toBeUndefined();
      expect(run({ not: cond }, st, { regions: ['westus', 'eastus'] }).result, op).toBeUndefined();
    }
  });

  it('value conditions use the ARM functions and field()', () => {
    const compute = (props: Record<string, unknown>) => target('Microsoft.MachineLearningServices/workspaces/computes', { properties: { computeType: 'ComputeInstance', properties: props } });
    const cond = { value: "[empty(field('Microsoft.MachineLearningServices/workspaces/computes/idleTimeBeforeShutdown'))]", equals: true };
    expect(run(cond, compute({})).result).toBe(true);
    expect(run(cond, compute({ idleTimeBeforeShutdown: 'PT30M' })).result).toBe(false);
    expect(run({ value: "[toLower(concat(field('name'), '-x'))]", equals: 'vm1-x' }, vm('x')).result).toBe(true);
    const o = run({ value: '[requestContext().apiVersion]', greater: '2020' }, vm('x'));
    expect(o.result).toBeUndefined();
  });

  it('an alias of another resource type has no value (a policy without a type condition)', () => {
    const linuxPasswords = { allOf: [{ field: 'Microsoft.Compute/virtualMachines/storageProfile.osDisk.osType', equals: 'Linux' }, { field: 'Microsoft.Compute/virtualMachines/osProfile.linuxConfiguration.disablePasswordAuthentication', equals: 'false' }] };
    expect(run(linuxPasswords, target('Microsoft.Storage/storageAccounts', { name: 'st' })).result).toBe(false);
    expect(run(linuxPasswords, vm('x')).why).toMatch(/storageProfile\.osDisk\.osType is not in the alias table/);
    const other: PolicyTarget = { type: unknown('azurerm_app_configuration is not mapped'), notTypes: new Set([VM.toLowerCase()]), body: fromJS({}), aliasPath };
    expect(run(linuxPasswords, other).result).toBe(false);
  });

  it('a true outcome an alias of another resource type decided is undecided (review 92: a type-less notIn denied every other type)', () => {
    // hmcts/azure-policy allowed_vm_sku: no type condition, `not … in`.
    const sku = { not: { field: 'Microsoft.Compute/virtualMachines/sku.name', in: ['Standard_D4s_v5'] } };
    const storage = run(sku, target('Microsoft.Storage/storageAccounts', { name: 'st' }));
    expect(storage.result).toBeUndefined();
    expect(storage.why).toMatch(/Microsoft\.Compute\/virtualMachines\/sku\.name is an alias of Microsoft\.Compute\/virtualMachines, not of this resource's type/);
    // A type condition beside it decides alone, and another branch that holds on its own is true.
    expect(run({ allOf: [{ field: 'type', equals: VM }, sku] }, target('Microsoft.Storage/storageAccounts', { name: 'st' })).result).toBe(false);
    const either = { anyOf: [{ allOf: [{ field: 'type', equals: VM }, sku] }, { field: 'type', equals: 'Microsoft.Storage/storageAccounts' }] };
    expect(run(either, target('Microsoft.Storage/storageAccounts', { name: 'st' })).result).toBe(true);
    // In any order, a member the resource's own fields decide keeps its verdict (self-review 93).
    const storageTls = { field: 'Microsoft.Storage/storageAccounts/minimumTlsVersion', notEquals: 'TLS1_2' };
    const st = target('Microsoft.Storage/storageAccounts', { name: 'st', properties: { minimumTlsVersion: 'TLS1_0' } });
    expect(run({ anyOf: [sku, storageTls] }, st).result).toBe(true);
    expect(run({ anyOf: [storageTls, sku] }, st).result).toBe(true);
    // field() in a count.value and a count.field of another type's array: the same (self-review 93).
    const viaValue = { count: { value: ['Standard_D4s_v5'], name: 's', where: { value: "[field('Microsoft.Compute/virtualMachines/sku.name')]", equals: "[current('s')]" } }, equals: 0 };
    expect(run(viaValue, target('Microsoft.Storage/storageAccounts', { name: 'st' })).result).toBeUndefined();
    const ipRules = { count: { field: 'Microsoft.Storage/storageAccounts/networkAcls.ipRules[*]' }, greater: 0 };
    const kv = target('Microsoft.KeyVault/vaults', { name: 'kv', properties: { networkAcls: { ipRules: [{ value: '1.2.3.4' }] } } });
    expect(run(ipRules, kv).result).toBe(false);
    expect(run({ not: ipRules }, kv).result).toBeUndefined();
  });
});
