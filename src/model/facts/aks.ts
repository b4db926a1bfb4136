/**
 * Facts about AKS node pools used by AKS001, AKS002 and GPU003.
 *
 * Sources:
 * - "Manage system node pools in Azure Kubernetes Service"
 *   (https://learn.microsoft.com/azure/aks/use-system-pools): a pool's mode is `System` or
 *   `User`; the cluster's default (first) pool is a system pool; system pools run CoreDNS,
 *   metrics-server and other add-ons and must keep at least one node.
 * - "Use GPUs for compute-intensive workloads on AKS"
 *   (https://learn.microsoft.com/azure/aks/gpu-cluster): GPU pools carry the taint
 *   `sku=gpu:NoSchedule` and GPU workloads a matching toleration.
 * - Kubernetes, "Taints and Tolerations"
 *   (https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/): a taint
 *   is `key[=value]:Effect` with effect `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
 */
import { mentionsGpu } from './gpu.js';

/** The `mode` of a system node pool (compared without case). */
export const SYSTEM_MODE = 'System';

/** Whether a known `mode` makes the pool a system pool. */
export function isSystemMode(mode: string): boolean {
  return mode.toLowerCase() === SYSTEM_MODE.toLowerCase();
}

/**
 * Whether AKS accepts a taint on a system pool: `CriticalAddonsOnly`, or one with the effect
 * `PreferNoSchedule`; any other (a GPU `NoSchedule` taint) fails with SystemPoolHasRestrictedTaint
 * ("Placing custom taints on system pool is not supported (except 'CriticalAddonsOnly' taint or
 * taint effect is 'PreferNoSchedule')", https://aka.ms/aks/system-taints; Azure/AKS#2578). AKS001
 * on a system pool therefore does not ask for the GPU taint there.
 */
export function systemPoolAcceptsTaint(t: { key: string; effect: string }): boolean {
  return t.key === 'CriticalAddonsOnly' || t.effect === 'PreferNoSchedule';
}

/** The taint AKS documents for GPU pools (AKS001's default expectation). */
export const GPU_TAINT = 'sku=gpu:NoSchedule';

/** Taint effects; only `NoSchedule` keeps ordinary pods off a pool. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** JSON-schema pattern of a taint as configured: `key[=value]:Effect`. */
export const TAINT_PATTERN = `^[^=:\\s]+(=[^=:\\s]*)?:(${TAINT_EFFECTS.join('|')})$`;

/**
 * The `gpu.taint` option of the Kubernetes rules (K8S001, K8S002): the GPU taint assumed when
 * the scan has no GPU node pool (a rule option spec, `RuleOptionSpec`).
 */
export const ASSUMED_GPU_TAINT_OPTION = {
  description: 'The GPU taint assumed when the scan has no GPU node pool, as key=value:Effect.',
  schema: { type: 'string', pattern: TAINT_PATTERN },
  default: GPU_TAINT,
  configPath: ['gpu', 'taint'],
} as const;

/** `key=value:Effect` → parts (value optional). */
export function parseTaint(t: string): { key: string; value: string; effect: string } | undefined {
  const m = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(t.trim());
  return m ? { key: m[1]!, value: m[2] ?? '', effect: m[3]! } : undefined;
}

/** True when a taint list keeps non-GPU pods off: the configured taint, or a NoSchedule taint naming GPU. */
export function hasGpuTaint(taints: readonly string[], expected: string): boolean {
  return taints.some((t) => {
    if (t.trim().toLowerCase() === expected.trim().toLowerCase()) return true;
    const p = parseTaint(t);
    return p !== undefined && p.effect === 'NoSchedule' && (mentionsGpu(p.key) || mentionsGpu(p.value));
  });
}

/**
 * A taint whose key or value names GPU, whatever its effect (`sku=gpu:PreferNoSchedule`): in a
 * list without a GPU taint (`hasGpuTaint`), the one to fix (AKS001 points at where it is written).
 */
export function namesGpu(taint: string): boolean {
  const p = parseTaint(taint);
  return p !== undefined && (mentionsGpu(p.key) || mentionsGpu(p.value));
}

/**
 * Spot node pools: AKS adds the taint `kubernetes.azure.com/scalesetpriority=spot:NoSchedule`
 * (and the label `kubernetes.azure.com/scalesetpriority=spot`) to every node of a pool whose
 * priority is `Spot` ("Add an Azure Spot node pool to an AKS cluster",
 * https://learn.microsoft.com/azure/aks/spot-node-pool). azurerm `priority`, ARM
 * `scaleSetPriority`, `az aks nodepool add --priority Spot`; the default is `Regular`.
 */
export const SPOT_TAINT = 'kubernetes.azure.com/scalesetpriority=spot:NoSchedule';
export const SPOT_LABEL = { key: 'kubernetes.azure.com/scalesetpriority', value: 'spot' } as const;
export const DEFAULT_PRIORITY = 'Regular';

/**
 * The taint azurerm's `default_node_pool.only_critical_addons_enabled = true` puts on the default
 * pool ("Enabling this option will taint default node pool with CriticalAddonsOnly=true:NoSchedule
 * taint. temporary_name_for_rotation must be specified when changing this property.",
 * registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster).
 */
export const CRITICAL_ADDONS_TAINT = 'CriticalAddonsOnly=true:NoSchedule';

export function isSpotPriority(priority: string): boolean {
  return priority.trim().toLowerCase() === 'spot';
}

/** Whether a parsed taint is the one AKS adds to Spot pools (keys compare exactly, as in Kubernetes). */
export function isSpotTaint(t: { key: string; value: string; effect: string }): boolean {
  const spot = parseTaint(SPOT_TAINT)!;
  return t.key === spot.key && t.value === spot.value && t.effect === spot.effect;
}

/**
 * Node auto-provisioning (NAP): a cluster whose node provisioning mode is `Auto` gets its nodes
 * from Karpenter NodePools that AKS runs for it, chosen for each pending pod among the NodePools
 * whose taints the pod tolerates ("NAP skips NodePools with taints not tolerated by a pod"), so
 * the pools the code declares are not all the nodes its pods may get. The mode is `Manual` when
 * not given: ARM `properties.nodeProvisioningProfile.mode` ("If not specified, the default is
 * Manual", Microsoft.ContainerService ManagedClusterNodeProvisioningProfile), azurerm
 * `node_provisioning_profile { mode }`, `az aks create --node-provisioning-mode`.
 * Sources: https://learn.microsoft.com/azure/aks/node-autoprovision ,
 * https://learn.microsoft.com/azure/aks/node-auto-provisioning-node-pools .
 */
export const MANUAL_NODE_PROVISIONING = 'Manual';
export const AUTO_NODE_PROVISIONING = 'Auto';

/** Whether a known node provisioning mode lets AKS provision nodes by itself (compared without case; any other text is no mode AKS takes). */
export function isAutoProvisioningMode(mode: string): boolean {
  return mode.trim().toLowerCase() === AUTO_NODE_PROVISIONING.toLowerCase();
}
