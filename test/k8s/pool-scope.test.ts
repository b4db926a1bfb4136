/**
 * K8S001/K8S002 pair a manifest with "the pools of the nearest project" (src/engine/scan.ts
 * gpuNodePools): walking up from the manifest's folder, the first folder below the scan root
 * that holds any AKS pool. Two sibling projects, one with a tainted GPU pool and one with an
 * untainted one, are judged apart; a monorepo whose infra/ and k8s/ are siblings at the root
 * still uses every pool.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-pool-scope-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const pool = (taints: string) =>
  `resource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "x"\n  vm_size               = "Standard_NC24ads_A100_v4"\n${taints}}\n`;
const TAINTED = pool('  node_taints           = ["sku=gpu:NoSchedule"]\n');
const UNTAINTED = pool('');

/** A GPU pod; with `tolerate`, it tolerates sku=gpu:NoSchedule. */
const gpuPod = (name: string, tolerate: boolean) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${tolerate ? '  tolerations:\n    - key: sku\n      operator: Equal\n      value: gpu\n      effect: NoSchedule\n' : ''}  containers:
    - name: train
      image: ghcr.io/example/train:1.0
      resources:
        limits:
          nvidia.com/gpu: 1
`;
/** A CPU pod that tolerates the GPU taint (K8S002's subject). */
const cpuPodTolerating = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  tolerations:
    - key: sku
      operator: Equal
      value: gpu
      effect: NoSchedule
  containers:
    - name: web
      image: nginx:1.27
`;

const brief = (root: string, r: Awaited<ReturnType<typeof lint>>) =>
  r.findings.filter((f) => f.ruleId.startsWith('K8S')).map((f) => `${f.ruleId} ${path.relative(root, f.location.file).split(path.sep).join('/')}`).sort();

describe('GPU pools of the nearest project', () => {
  it('two sibling projects: each manifest is judged against its own project\'s pools only', async () => {
    const root = tree({
      // Project a: a tainted GPU pool; its GPU pod tolerates the taint.
      'a/infra/aks.tf': TAINTED,
      'a/k8s/train.yaml': gpuPod('train-a', true),
      // Project b: an untainted GPU pool; its GPU pod needs no toleration, and a CPU pod
      // tolerating sku=gpu is harmless there (no pool carries that taint).
      'b/infra/aks.tf': UNTAINTED,
      'b/k8s/train.yaml': gpuPod('train-b', false),
      'b/k8s/web.yaml': cpuPodTolerating,
    });
    const r = await lint({ paths: [root], root, noConfig: true, rules: ['K8S001', 'K8S002'] });
    // With every pool of the scan, b's pods would be paired with a's tainted pool (K8S001 on train-b, K8S002 on web).
    expect(brief(root, r)).toEqual([]);
  });

  it('a project whose own pool is tainted still gets its findings', async () => {
    const root = tree({
      'a/infra/aks.tf': TAINTED,
      'a/k8s/train.yaml': gpuPod('train-a', false),
      'b/infra/aks.tf': UNTAINTED,
    });
    const r = await lint({ paths: [root], root, noConfig: true, rules: ['K8S001'] });
    expect(brief(root, r)).toEqual(['K8S001 a/k8s/train.yaml']);
  });

  it('a monorepo (infra/ and k8s/ siblings at the scan root) uses every pool', async () => {
    const root = tree({ 'infra/aks.tf': TAINTED, 'k8s/train.yaml': gpuPod('train', false) });
    const r = await lint({ paths: [root], root, noConfig: true, rules: ['K8S001'] });
    expect(brief(root, r)).toEqual(['K8S001 k8s/train.yaml']);
  });

  it('a manifest outside every project, with pools in several top-level folders: no scanned pool is its pool (the configured taint, a warning)', async () => {
    const root = tree({
      'a/infra/aks.tf': UNTAINTED,
      'b/infra/aks.tf': TAINTED,
      'samples/train.yaml': gpuPod('train', false),
    });
    const r = await lint({ paths: [root], root, noConfig: true, rules: ['K8S001'] });
    // Every pool of the scan would include a's untainted pool and leave the pod silent.
    expect(r.findings.filter((f) => f.ruleId === 'K8S001').map((f) => `${f.level} ${path.relative(root, f.location.file)}`)).toEqual(['warning samples/train.yaml']);
  });

  it('a root module at the scan root and its modules/ folder are one project: its pools are the manifest\'s', async () => {
    const root = tree({
      'main.tf': TAINTED,
      'modules/cpu/aks.tf': 'resource "azurerm_kubernetes_cluster_node_pool" "cpu" {\n  name                  = "cpu"\n  kubernetes_cluster_id = "x"\n  vm_size               = "Standard_D4s_v5"\n}\n',
      'k8s/train.yaml': gpuPod('train', false),
    });
    const r = await lint({ paths: [root], root, noConfig: true, rules: ['K8S001'] });
    // The pool's taint (error), not the configured one (warning): files at the root and one folder are not two projects.
    expect(r.findings.filter((f) => f.ruleId === 'K8S001').map((f) => `${f.level} ${path.relative(root, f.location.file)}`)).toEqual(['error k8s/train.yaml']);
  });

  it('the same repository linted from a folder above it: its project is asked the same question (the scan root does not matter)', async () => {
    const parent = tree({
      'repo/a/infra/aks.tf': UNTAINTED,
      'repo/b/infra/aks.tf': TAINTED,
      'repo/samples/train.yaml': gpuPod('train', false),
    });
    const level = async (root: string) =>
      (await lint({ paths: [root], root, noConfig: true, rules: ['K8S001'] })).findings
        .filter((f) => f.ruleId === 'K8S001')
        .map((f) => `${f.level} ${path.relative(parent, f.location.file).split(path.sep).join('/')}`);
    // From repo/ its pools sit in two top-level folders: the cluster is unknown, the configured taint applies.
    expect(await level(path.join(parent, 'repo'))).toEqual(['warning repo/samples/train.yaml']);
    // From the parent, repo/ is the nearest project; every pool of it used to be the pod's (a's untainted pool left it silent).
    expect(await level(parent)).toEqual(['warning repo/samples/train.yaml']);
  });
});
