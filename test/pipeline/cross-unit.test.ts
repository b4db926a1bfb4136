/**
 * Facts that cross units of work (issue 15 merged with the v2 formats): K8S001/K8S002 read the
 * GPU node pools of the whole scan (every unit's summary), `az ml … --file` evaluates an Azure
 * ML YAML in the command's context (the stand-alone unit's resources from it are dropped), and
 * `policies.fromScannedCode` runs the whole run as one unit. Each must give the same result
 * without a cache, with a cold and a warm `--cache`, and as the union of `--shard`s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/api.js';
import { formatResult } from '../../src/report/index.js';
import { shardOf } from '../../src/pipeline/shard.js';
import type { LintResult } from '../../src/engine/result.js';
import { DENY_PUBLIC_ML } from '../rules/policy-cases.js';

const temps: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mil-xunit-')));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  return dir;
}
function write(dir: string, name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function reports(r: LintResult, cwd: string): string {
  return ['stylish', 'json', 'sarif'].map((f) => formatResult(r, f as 'json', { cwd })).join('\n\u0000\n');
}
function findingLines(r: LintResult): string[] {
  return r.findings.map((f) => JSON.stringify([f.ruleId, f.location, f.level, f.message, f.fingerprint, f.variants, f.related ?? null])).sort();
}
function shown(r: LintResult, dir: string): string[] {
  return r.findings.map((f) => `${f.ruleId} ${path.relative(dir, f.location.file)}:${f.location.range.start.line}`).sort();
}

function tfPool(taints: string): string {
  return `resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC24ads_A100_v4"
  node_taints           = ${taints}
}
`;
}
function job(name: string, tolerations = ''): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  template:
    spec:
${tolerations}      containers:
        - name: train
          image: mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04
          resources:
            limits:
              nvidia.com/gpu: 1
      restartPolicy: Never
`;
}

/** A Terraform folder with the pool (its own unit), other Terraform folders, and several manifests (one unit each, or one for the front end). */
function k8sTree(taints = '["sku=gpu:NoSchedule"]'): Record<string, string> {
  const files: Record<string, string> = { 'infra/aks/main.tf': tfPool(taints) };
  for (let i = 0; i < 6; i++) {
    files[`k8s/job${i}.yaml`] = job(`train${i}`);
    files[`infra/other${i}/main.tf`] = `resource "azurerm_resource_group" "rg" {\n  name     = "rg${i}"\n  location = "westeurope"\n}\n`;
  }
  return files;
}

describe('K8S001 with the GPU pool in another unit (a Terraform folder)', () => {
  const opts = (dir: string, more: Partial<LintOptions> = {}): LintOptions => ({ paths: [dir], root: dir, noConfig: true, today: '2026-12-01', rules: ['K8S001', 'K8S002'], ...more });

  it('judges every manifest against the pool, the same with no cache, a cold and a warm --cache', async () => {
    const dir = tree(k8sTree());
    const cacheLocation = path.join(tree({}), 'cache');
    const plain = await lint(opts(dir));
    expect(shown(plain, dir)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `K8S001 k8s/job${i}.yaml:13`));
    for (const f of plain.findings) {
      expect(f.message).toContain('the taint "sku=gpu:NoSchedule" of GPU node pool "gpu"');
      expect(f.related?.some((l) => l.file.endsWith(path.join('infra', 'aks', 'main.tf')) && l.range.start.line === 5)).toBe(true);
    }
    const cold = await lint(opts(dir, { cache: true, cacheLocation }));
    const warm = await lint(opts(dir, { cache: true, cacheLocation }));
    expect(reports(cold, dir)).toBe(reports(plain, dir));
    expect(reports(warm, dir)).toBe(reports(plain, dir));
  });

  it('a changed pool in another unit re-judges the cached manifests (their cache key holds the pools they read)', async () => {
    const dir = tree(k8sTree());
    const cacheLocation = path.join(tree({}), 'cache');
    expect((await lint(opts(dir, { cache: true, cacheLocation }))).findings).toHaveLength(6);
    // The pool now has no hard taint: nothing to tolerate. The manifests did not change.
    write(dir, 'infra/aks/main.tf', tfPool('[]'));
    const warm = await lint(opts(dir, { cache: true, cacheLocation }));
    const plain = await lint(opts(dir));
    expect(plain.findings).toHaveLength(0);
    expect(reports(warm, dir)).toBe(reports(plain, dir));
  });

  it('the union of --shard K/N is the single run, although the pool and the manifests fall in different shards', async () => {
    const dir = tree(k8sTree());
    const single = await lint(opts(dir));
    for (const count of [2, 3, 5]) {
      const shards = await Promise.all(Array.from({ length: count }, (_, i) => lint(opts(dir, { shard: { index: i + 1, count } }))));
      expect(shards.flatMap(findingLines).sort()).toEqual(findingLines(single));
    }
    // The point of the test: the pool's unit is not in the shard of every manifest's unit.
    const poolShard = shardOf('terraform:infra/aks/main.tf', 3);
    expect([0, 1, 2, 3, 4, 5].some((i) => shardOf(`k8s:k8s/job${i}.yaml`, 3) !== poolShard) || shardOf('k8s:k8s/job0.yaml', 3) !== poolShard).toBe(true);
    // With a warm cache, shards still agree (the pool's unit comes from the cache for the manifests' shards).
    const cacheLocation = path.join(tree({}), 'cache');
    await lint(opts(dir, { cache: true, cacheLocation }));
    const cached = await Promise.all([1, 2, 3].map((index) => lint(opts(dir, { cache: true, cacheLocation, shard: { index, count: 3 } }))));
    expect(cached.flatMap(findingLines).sort()).toEqual(findingLines(single));
  });
});

describe('K8S001: the pools of the nearest project, from the units\' summaries', () => {
  const opts = (dir: string, more: Partial<LintOptions> = {}): LintOptions => ({ paths: [dir], root: dir, noConfig: true, today: '2026-12-01', rules: ['K8S001'], ...more });
  // Two repositories side by side: each manifest is judged against its own repository's pool.
  const files = {
    'repo-a/infra/main.tf': tfPool('["sku=gpu:NoSchedule"]'),
    'repo-a/k8s/job.yaml': job('train-a'),
    'repo-b/infra/main.tf': tfPool('["accelerator=a100:NoSchedule"]'),
    'repo-b/k8s/job.yaml': job('train-b', '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n'),
  };

  it('pairs each manifest with its own project\'s pool, the same with a warm cache and as the union of shards', async () => {
    const dir = tree(files);
    const plain = await lint(opts(dir));
    expect(plain.findings.map((f) => [path.relative(dir, f.location.file), /"([^"]+:NoSchedule)"/.exec(f.message)?.[1]])).toEqual([
      ['repo-a/k8s/job.yaml', 'sku=gpu:NoSchedule'],
      ['repo-b/k8s/job.yaml', 'accelerator=a100:NoSchedule'],
    ]);
    const cacheLocation = path.join(tree({}), 'cache');
    await lint(opts(dir, { cache: true, cacheLocation }));
    const warm = await lint(opts(dir, { cache: true, cacheLocation }));
    expect(reports(warm, dir)).toBe(reports(plain, dir));
    const shards = await Promise.all([1, 2, 3].map((index) => lint(opts(dir, { shard: { index, count: 3 } }))));
    expect(shards.flatMap(findingLines).sort()).toEqual(findingLines(plain));
  });
});

describe('az ml … --file across units', () => {
  const COMPUTE = 'type: amlcompute\nname: cpu-cluster\nmin_instances: 2\n';
  const opts = (dir: string, more: Partial<LintOptions> = {}): LintOptions => ({ paths: [dir], root: dir, noConfig: true, today: '2026-12-01', rules: ['AML004'], ...more });
  const files = {
    'infra/compute.yml': COMPUTE,
    'infra/deploy.sh': 'az ml compute create -f compute.yml -w ws\n',
    'scripts/setup.sh': 'az ml compute create -f infra/compute.yml\n',
    'ml/other.yml': 'type: amlcompute\nname: other\nmin_instances: 1\n',
  };

  it('reports the file once, in the command context, with and without cache and as the union of shards', async () => {
    const dir = tree(files);
    const plain = await lint(opts(dir));
    expect(shown(plain, dir)).toEqual(['AML004 infra/compute.yml:3', 'AML004 ml/other.yml:3']);
    expect(plain.findings.find((f) => f.location.file.endsWith('compute.yml'))!.address).toMatch(/^script: az ml compute create --file/);
    const cacheLocation = path.join(tree({}), 'cache');
    await lint(opts(dir, { cache: true, cacheLocation }));
    const warm = await lint(opts(dir, { cache: true, cacheLocation }));
    expect(reports(warm, dir)).toBe(reports(plain, dir));
    for (const count of [2, 3]) {
      const shards = await Promise.all(Array.from({ length: count }, (_, i) => lint(opts(dir, { shard: { index: i + 1, count } }))));
      expect(shards.flatMap(findingLines).sort()).toEqual(findingLines(plain));
    }
  });

  it('a script that stops reading the file gives the file back to its stand-alone evaluation (warm cache included)', async () => {
    const dir = tree(files);
    const cacheLocation = path.join(tree({}), 'cache');
    await lint(opts(dir, { cache: true, cacheLocation }));
    write(dir, 'infra/deploy.sh', 'echo nothing\n');
    write(dir, 'scripts/setup.sh', 'echo nothing\n');
    const warm = await lint(opts(dir, { cache: true, cacheLocation }));
    const plain = await lint(opts(dir));
    expect(plain.findings.find((f) => f.location.file.endsWith('compute.yml'))!.address).not.toMatch(/^script:/);
    expect(reports(warm, dir)).toBe(reports(plain, dir));
  });
});

describe('Azure Policy and units', () => {
  const publicWs = (name: string): string => `resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "${name}"
  location                      = "westeurope"
  public_network_access_enabled = true
}
`;
  const policy = (effect: string): string => {
    const p = JSON.parse(DENY_PUBLIC_ML) as { properties: { policyRule: { then: { effect: string } } } };
    p.properties.policyRule.then.effect = effect;
    return JSON.stringify(p);
  };
  const opts = (dir: string, more: Partial<LintOptions> = {}): LintOptions => ({ paths: [dir], root: dir, today: '2026-12-01', rules: ['GOV002', 'GOV003'], ...more });

  it('a changed policy file re-lints every cached unit (the policy files are part of the cache key)', async () => {
    const dir = tree({ 'a/main.tf': publicWs('mlw-a'), 'b/main.tf': publicWs('mlw-b'), 'policies/p.json': policy('deny'), '.mlops-iac-lint.json': JSON.stringify({ policies: { definitions: ['policies/*.json'] } }) });
    const cacheLocation = path.join(tree({}), 'cache');
    const first = await lint(opts(dir, { cache: true, cacheLocation }));
    expect(shown(first, dir)).toEqual(['GOV002 a/main.tf:4', 'GOV002 b/main.tf:4']);
    write(dir, 'policies/p.json', policy('disabled'));
    const warm = await lint(opts(dir, { cache: true, cacheLocation }));
    const plain = await lint(opts(dir));
    expect(plain.findings).toHaveLength(0);
    expect(reports(warm, dir)).toBe(reports(plain, dir));
  });

  it('policies.fromScannedCode: a definition in one folder applies to resources of another (the run is one unit), with and without cache, and as the union of shards', async () => {
    const armPolicy = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.Authorization/policyDefinitions', apiVersion: '2021-06-01', name: 'deny-public-ml-workspace', properties: JSON.parse(DENY_PUBLIC_ML).properties }],
    }, null, 2);
    const dir = tree({ 'a/main.tf': publicWs('mlw-a'), 'b/main.tf': publicWs('mlw-b'), 'governance/policy.json': armPolicy, '.mlops-iac-lint.json': JSON.stringify({ policies: { fromScannedCode: true } }) });
    const plain = await lint(opts(dir));
    expect(shown(plain, dir)).toEqual(['GOV002 a/main.tf:4', 'GOV002 b/main.tf:4']);
    const cacheLocation = path.join(tree({}), 'cache');
    await lint(opts(dir, { cache: true, cacheLocation }));
    const warm = await lint(opts(dir, { cache: true, cacheLocation }));
    expect(reports(warm, dir)).toBe(reports(plain, dir));
    const shards = await Promise.all([1, 2, 3].map((index) => lint(opts(dir, { shard: { index, count: 3 } }))));
    expect(shards.flatMap(findingLines).sort()).toEqual(findingLines(plain));
  });
});
