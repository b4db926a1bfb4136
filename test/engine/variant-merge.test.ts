/**
 * RULES.md "Variants": one finding per rule, resource and place across var files. Which
 * variant's finding is kept decides its message and environment class (part of the
 * fingerprint): the more severe, and at equal levels the more production-like class, so the
 * finding does not change when a var file that sorts first (`dev.tfvars`) is added or removed.
 * Its fingerprint is always the most production-like variant's, so a baseline still matches it
 * when the less production-like variant is the more severe one (a cost rule: dev warning, prod note).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tempDirs } from '../support/cache-runs.js';

const tempDir = tempDirs('mil-variants-');

const REGISTRY = `variable "sku" {
  type = string
}
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = var.sku
  admin_enabled       = true
}
provider "azurerm" {
  features {}
}
terraform {
  backend "azurerm" {}
}
`;

async function findingsOf(rule: string, files: Record<string, string>): Promise<{ env: string; level: string; fingerprint: string; message: string; variants: string[] }[]> {
  const root = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const r = await lint({ paths: [root], root, rules: [rule], noConfig: true, today: '2026-12-01' });
  return r.findings.map((f) => ({ env: f.env, level: f.level, fingerprint: f.fingerprint, message: f.message, variants: f.variants }));
}
const acr001 = (files: Record<string, string>): ReturnType<typeof findingsOf> => findingsOf('ACR001', files);

const GPU_POOL = `resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC24ads_A100_v4"
  node_count            = 1
  node_taints           = ["sku=gpu:NoSchedule"]
  tags                  = { "cost-center" = "ml" }
}
`;

describe('a finding merged across variants', () => {
  it('at equal levels keeps the prod variant: adding or removing dev.tfvars leaves it unchanged', async () => {
    const both = await acr001({ 'main.tf': REGISTRY, 'dev.tfvars': 'sku = "Basic"\n', 'prod.tfvars': 'sku = "Premium"\n' });
    const prodOnly = await acr001({ 'main.tf': REGISTRY, 'prod.tfvars': 'sku = "Premium"\n' });
    expect(both).toHaveLength(1);
    expect(both[0]!.env).toBe('prod');
    expect(both[0]!.variants).toEqual(['dev.tfvars', 'prod.tfvars']);
    expect(both[0]!.fingerprint).toBe(prodOnly[0]!.fingerprint);
    expect(both[0]!.message).toBe(prodOnly[0]!.message);
  });

  it('keeps the fingerprint of its prod variant when the dev variant is the more severe', async () => {
    // GPU003: prod note, nonprod warning. The merged finding is the dev warning, with prod's fingerprint.
    const prodOnly = await findingsOf('GPU003', { 'main.tf': GPU_POOL, 'prod.tfvars': '' });
    const both = await findingsOf('GPU003', { 'main.tf': GPU_POOL, 'prod.tfvars': '', 'dev.tfvars': '' });
    expect(prodOnly).toHaveLength(1);
    expect(prodOnly[0]!.level).toBe('note');
    expect(both).toHaveLength(1);
    expect(both[0]!.level).toBe('warning');
    expect(both[0]!.env).toBe('nonprod');
    expect(both[0]!.fingerprint).toBe(prodOnly[0]!.fingerprint);
  });
});

describe('findings of different resources at one place (review 64)', () => {
  // RULES.md merges only "the same rule, resource and primary location": two resources that read
  // one value are two findings, however alike their words; the instances of one declaration are
  // one finding that names the others, an element by its parent.
  it('two az node pools of one name in two clusters, sized by one variable, are two findings', async () => {
    const found = await findingsOf('GPU001', {
      'pools.sh':
        'SIZE=Standard_D16s_v5\naz aks nodepool add -g rg1 --cluster-name aks1 -n gpupool --node-vm-size "$SIZE"\naz aks nodepool add -g rg2 --cluster-name aks2 -n gpupool --node-vm-size "$SIZE"\n',
    });
    expect(found).toHaveLength(2);
    expect(new Set(found.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('pools of two ARM clusters from one variable are two findings each', async () => {
    const pool = '{ "name": "gpu", "mode": "User", "vmSize": "Standard_NC4as_T4_v3", "count": 1 }';
    const cluster = (name: string): string =>
      `{ "type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-05-01", "name": "${name}", "location": "westeurope", "properties": { "agentPoolProfiles": "[variables('pools')]" } }`;
    const found = await findingsOf('AKS001', {
      'azuredeploy.json': `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "variables": { "pools": [${pool}] }, "resources": [${cluster('aks-a')}, ${cluster('aks-b')}] }\n`,
    });
    expect(found).toHaveLength(2);
  });

  it('a pool of a copied cluster names the other copies by their cluster', async () => {
    const found = await findingsOf('AKS001', {
      'azuredeploy.json':
        '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [ { "type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-05-01", "name": "[concat(\'aks\', copyIndex())]", "location": "westeurope", "copy": { "name": "c", "count": 2 }, "properties": { "agentPoolProfiles": [ { "name": "gpu", "mode": "User", "vmSize": "Standard_NC4as_T4_v3", "count": 1 } ] } } ] }\n',
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('(the same holds for "gpu" of "aks1", another instance of the same declaration)');
  });
});
