/**
 * The GPU and AKS facts (src/model/facts/) and the structured `via` entries GPU intent reads:
 * each evaluator marks the declaration of an input or template variable a size flowed
 * through (`Location.symbol`), and intent reads that, never the display label.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { gpuFamilyNames, gpuIntent, gpuSizePatterns, gpuSizeRegex, GPU_FAMILIES, isGpuSize, NON_GPU_PROBE_SIZES } from '../../src/model/facts/gpu.js';
import { GPU_TAINT, hasGpuTaint, TAINT_PATTERN } from '../../src/model/facts/aks.js';
import { compileRegex } from '../../src/eval/terraform/regex.js';

describe('GPU size facts', () => {
  it('knows the GPU families from one table, and NP is not one', () => {
    expect(GPU_FAMILIES.map((f) => f.prefix)).toEqual(['NC', 'ND', 'NG', 'NV']);
    for (const s of ['Standard_NC6s_v3', 'standard_nc24ads_a100_v4', 'Standard_ND96asr_v4', 'Standard_NG8ads_V620_v1', 'Standard_NV36ads_A10_v5', 'Standard_NCC40ads_H100_v5'])
      expect(isGpuSize(s), s).toBe(true);
    for (const s of NON_GPU_PROBE_SIZES) expect(isGpuSize(s), s).toBe(false);
  });
  it('says the family list the same way everywhere', () => {
    expect(gpuFamilyNames()).toBe('NC, ND, NG, NV');
    expect(gpuSizePatterns()).toBe('Standard_NC*, Standard_ND*, Standard_NG*, Standard_NV*');
  });
  it('suggests a guard regex that admits exactly the GPU families, in any case (Terraform regex: RE2)', () => {
    const re = compileRegex(gpuSizeRegex());
    expect(gpuSizeRegex()).toBe('(?i)^Standard_N[CDGV]');
    for (const s of NON_GPU_PROBE_SIZES) for (const x of [s, s.toLowerCase()]) expect(re.first(x), x).toBeUndefined();
    for (const f of GPU_FAMILIES) for (const x of [`Standard_${f.prefix}6`, `standard_${f.prefix.toLowerCase()}6`]) expect(re.first(x), x).toBeDefined();
  });
});

describe('GPU intent', () => {
  const none = { read: () => undefined, sizeSymbols: [] };
  it('reads the name, then labels, tags and taints, then the inputs the size came from', () => {
    expect(gpuIntent({ ...none, name: 'gpu-pool' })).toBe('its name "gpu-pool" says GPU');
    expect(gpuIntent({ ...none, label: 'gpu1' })).toBe('its name "gpu1" says GPU');
    expect(gpuIntent({ ...none, sizeSymbols: [{ kind: 'input', name: 'pool_size' }, { kind: 'input', name: 'gpu_vm_size' }] })).toBe('its size comes from "gpu_vm_size"');
    expect(gpuIntent({ ...none, sizeSymbols: [{ kind: 'variable', name: 'gpuSku' }] })).toBe('its size comes from "gpuSku"');
    expect(gpuIntent({ ...none, name: 'workers', sizeSymbols: [{ kind: 'input', name: 'cpu_size' }] })).toBeUndefined();
  });
  it('names a partly known name with one … for unknown parts side by side', () => {
    expect(gpuIntent({ ...none, nameParts: ['gpu-', '', '', ''] })).toBe('its name "gpu-…" says GPU');
    expect(gpuIntent({ ...none, nameParts: ['gpu-', '', '', '-x'] })).toBe('its name "gpu-…-x" says GPU');
  });
  it('reads only until one source says GPU', () => {
    const read: string[] = [];
    gpuIntent({ name: 'gpu', read: (a) => (read.push(a), undefined), sizeSymbols: [] });
    expect(read).toEqual([]);
  });
});

describe('GPU intent from the structured via of every evaluator', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  async function gpu001(files: Record<string, string>): Promise<string[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-gpu-via-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const result = await lint({ paths: [dir], root: dir, rules: ['GPU001'] });
    return result.findings.map((f) => f.message);
  }
  const pool = (size: string): string => `{
  "type": "Microsoft.ContainerService/managedClusters/agentPools",
  "apiVersion": "2024-02-01",
  "name": "aks/workers",
  "properties": { "vmSize": ${size}, "mode": "User", "count": 1 }
}`;

  it('Terraform: a variable', async () => {
    const m = await gpu001({
      'main.tf': `variable "gpu_node_size" {
  type    = string
  default = "Standard_D16s_v5"
}
resource "azurerm_kubernetes_cluster_node_pool" "workers" {
  name                  = "workers"
  kubernetes_cluster_id = "x"
  vm_size               = var.gpu_node_size
}
`,
    });
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('its size comes from "gpu_node_size"');
  });
  it('ARM: a parameter and a template variable', async () => {
    const template = (resources: string, extra: string): string => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  ${extra}
  "resources": [${resources}]
}`;
    const byParam = await gpu001({
      'azuredeploy.json': template(pool(`"[parameters('gpuVmSize')]"`), `"parameters": { "gpuVmSize": { "type": "string", "defaultValue": "Standard_D16s_v5" } },`),
    });
    expect(byParam).toHaveLength(1);
    expect(byParam[0]).toContain('its size comes from "gpuVmSize"');
    const byVariable = await gpu001({
      'azuredeploy.json': template(pool(`"[variables('gpuSku')]"`), `"variables": { "gpuSku": "Standard_D16s_v5" },`),
    });
    expect(byVariable).toHaveLength(1);
    expect(byVariable[0]).toContain('its size comes from "gpuSku"');
  });
  it('Bicep: a param and a var', async () => {
    const bicep = (decl: string, ref: string): string => `${decl}
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks'
}
resource workers 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'workers'
  properties: {
    vmSize: ${ref}
    mode: 'User'
    count: 1
  }
}
`;
    const byParam = await gpu001({ 'main.bicep': bicep(`param gpuVmSize string = 'Standard_D16s_v5'`, 'gpuVmSize') });
    expect(byParam).toHaveLength(1);
    expect(byParam[0]).toContain('its size comes from "gpuVmSize"');
    const byVar = await gpu001({ 'main.bicep': bicep(`var gpuSku = 'Standard_D16s_v5'`, 'gpuSku') });
    expect(byVar).toHaveLength(1);
    expect(byVar[0]).toContain('its size comes from "gpuSku"');
  });
});

describe('AKS taint facts', () => {
  it('accepts the configured taint or a NoSchedule taint naming GPU', () => {
    expect(hasGpuTaint([GPU_TAINT], GPU_TAINT)).toBe(true);
    expect(hasGpuTaint(['nvidia.com/gpu=present:NoSchedule'], GPU_TAINT)).toBe(true);
    expect(hasGpuTaint(['nvidia.com/gpu=present:PreferNoSchedule'], GPU_TAINT)).toBe(false);
    expect(hasGpuTaint(['CriticalAddonsOnly=true:NoSchedule'], GPU_TAINT)).toBe(false);
  });
  it('validates configured taints with the effects Kubernetes knows', () => {
    const re = new RegExp(TAINT_PATTERN);
    expect(re.test(GPU_TAINT)).toBe(true);
    expect(re.test('gpu:NoExecute')).toBe(true);
    expect(re.test('sku=gpu:Sometimes')).toBe(false);
  });
});
