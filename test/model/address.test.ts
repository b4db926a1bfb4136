/**
 * One way to strip Terraform instance keys (src/model/address.ts), shared by the engine's
 * finding keys, the EVAL002 problem of a registry module call and GPU005's subject. A quoted
 * key may hold `]`, dots and escaped quotes: it is stripped whole, never up to its first `]`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lastAddressWord, withoutInstanceKeys, withoutTrailingInstanceKey } from '../../src/model/address.js';
import { displayName } from '../../src/engine/facts.js';
import type { Resource } from '../../src/model/resource.js';
import { remoteModuleProblem } from '../../src/frontends/remote-modules.js';
import { fileStart } from '../../src/core/source.js';
import { lintTree, tempTrees } from '../support/temp-tree.js';

const { tree, cleanup } = tempTrees('mil-address-');
afterAll(cleanup);

describe('withoutInstanceKeys', () => {
  it('strips numeric and quoted keys, a quoted key whole', () => {
    expect(withoutInstanceKeys('azurerm_x.y[0]')).toBe('azurerm_x.y');
    expect(withoutInstanceKeys('module.x["a]b"].azurerm_x.y')).toBe('module.x.azurerm_x.y');
    expect(withoutInstanceKeys('module.x["a]b"].module.y["c[d]"]')).toBe('module.x.module.y');
    expect(withoutInstanceKeys('module.a["x.y"].module.b[0].azurerm_x.y["k.[1]"]')).toBe('module.a.module.b.azurerm_x.y');
    expect(withoutInstanceKeys('module.a["say \\"hi\\"]"].azurerm_x.y')).toBe('module.a.azurerm_x.y');
    expect(withoutInstanceKeys('azurerm_x.y')).toBe('azurerm_x.y');
  });
});

describe('withoutTrailingInstanceKey', () => {
  it("strips the address's own key only, a quoted key whole", () => {
    expect(withoutTrailingInstanceKey('azurerm_x.y[0]')).toBe('azurerm_x.y');
    expect(withoutTrailingInstanceKey('azurerm_x.y["a]b"]')).toBe('azurerm_x.y');
    expect(withoutTrailingInstanceKey('azurerm_x.y["say \\"hi\\"]"]')).toBe('azurerm_x.y');
    expect(withoutTrailingInstanceKey('module.x["a]b"].azurerm_x.y')).toBe('module.x["a]b"].azurerm_x.y');
    expect(withoutTrailingInstanceKey('module.x["a"].azurerm_x.y["k.[1]"]')).toBe('module.x["a"].azurerm_x.y');
  });

  it('gives a resource of unknown name its label in messages (displayName)', () => {
    const named = (address: string): string => displayName({ address } as Resource);
    expect(named('azurerm_kubernetes_cluster_node_pool.gpu["a]b"]')).toBe('gpu');
    expect(named('module.m["x.y"].azurerm_kubernetes_cluster_node_pool.gpu[0]')).toBe('gpu');
    // An ARM name built by an expression: its dots and slashes inside calls are not separators.
    expect(named('Microsoft.KeyVault/vaults/kv-{parameters(\'env\')}')).toBe("kv-{parameters('env')}");
    expect(named('Microsoft.ContainerRegistry/registries/cr{uniqueString(resourceGroup().id, format(\'ml{uniqueString(resourceGroup().id)}\'))}')).toBe('cr{…}');
    // Review 126: a call of a template whose full text is too long to show, cut short in the
    // address, is written as the ARM call it stands for (never the internal template text).
    const token = "take(format('aaaaaaaaaaaaaaaaaaaa{parameters(''prefix'')}{uniqueString(resourceGroup().id)}'), 50)";
    const cut = displayName({ address: "Microsoft.ContainerRegistry/registries/take(format('aaaaaaaaaaaaaaaaaaaa{…}{…}'), 50)", name: { kind: 'unknown', reason: 'r', token } } as unknown as Resource);
    expect(cut).toBe("<take(format('aaaaaaaaaaaaaaaaaaaa{0}{1}', …, …), 50)>");
  });
});

describe('lastAddressWord', () => {
  it('is the resource label, or its instance key when it has one', () => {
    expect(lastAddressWord('azurerm_kubernetes_cluster_node_pool.gpu_pool')).toBe('gpu_pool');
    expect(lastAddressWord('module.m.azurerm_kubernetes_cluster_node_pool.pool["gpu"]')).toBe('gpu');
  });
});

describe('its users', () => {
  it('the EVAL002 problem of a call inside a keyed module names the call without keys', () => {
    const at = fileStart('main.tf');
    const problem = remoteModuleProblem({ format: 'terraform', name: 'gpu', address: 'module.x["a]b"].module.gpu', source: 'contoso/gpu/azurerm', sourceAt: at, reason: 'no copy', args: new Map(), argSites: new Map() });
    expect(problem.address).toBe('module.x.module.gpu');
  });

  it('GPU005 reports a registry call inside a keyed local module under its address without keys', async () => {
    const dir = tree({
      'main.tf': `
module "x" {
  for_each = { "a]b" = "Standard_D16s_v5" }
  source   = "./pool"
  size     = each.value
}
`,
      'pool/main.tf': `
variable "size" {
  type = string
}

module "aks_gpu" {
  source      = "contoso/aks-gpu/azurerm"
  version     = "1.2.0"
  gpu_vm_size = var.size
}
`,
    });
    const { findings } = await lintTree(dir, ['GPU005']);
    expect(findings.map((f) => f.address)).toEqual(['module.x.module.aks_gpu']);
  });
});
