/**
 * K8S001's related locations: the untolerated taint of at most ten GPU pools (the closest first),
 * however many the scan has; the message counts them all.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { tree } from '../eval/tree.js';

const pool = (i: number): string => `resource "azurerm_kubernetes_cluster_node_pool" "gpu${i}" {
  name                  = "gpu${i}"
  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "Standard_NC24ads_A100_v4"
  node_taints           = ["team${i}=gpu:NoSchedule"]
}
`;

describe('K8S001 related locations', () => {
  it('lists at most ten pools of many, and the message counts every other pool', async () => {
    const dir = tree({
      'infra/main.tf': Array.from({ length: 25 }, (_, i) => pool(i)).join('\n'),
      'k8s/job.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n      resources:\n        limits:\n          nvidia.com/gpu: 1\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['K8S001'], noConfig: true });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.message).toContain('(nor every taint of the 24 other GPU pools)');
    expect(f.related).toHaveLength(10);
  });
});
