/**
 * Kubernetes scheduling facts used by K8S001 and K8S002 (FORMATS.md §2).
 *
 * Sources:
 * - Kubernetes, "Schedule GPUs" (https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/):
 *   device plugins expose `amd.com/gpu` and `nvidia.com/gpu` as schedulable resources;
 *   GPUs are requested in `limits` (requests, if given, must equal limits).
 * - NVIDIA GPU Operator, "GPU Operator with MIG"
 *   (https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/gpu-operator-mig.html):
 *   with the `mixed` MIG strategy each profile is its own resource, `nvidia.com/mig-<profile>`
 *   (`nvidia.com/mig-1g.5gb`).
 * - NVIDIA k8s-device-plugin README, "Shared Access to GPUs" (https://github.com/NVIDIA/k8s-device-plugin):
 *   time-slicing with `renameByDefault: true` advertises `nvidia.com/gpu.shared`.
 * - Kubernetes API, Toleration v1
 *   (https://kubernetes.io/docs/reference/kubernetes-api/definitions/toleration-v1/):
 *   `operator` defaults to `Equal`; `Exists` is a wildcard for the value; an empty key with
 *   `Exists` matches every key (and so every taint); an empty effect matches every effect;
 *   `Lt`/`Gt` compare numbers behind the `TaintTolerationComparisonOperators` feature gate.
 * - Kubernetes, "Taints and Tolerations"
 *   (https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/): a pod is
 *   scheduled onto a node only if it tolerates every `NoSchedule` and `NoExecute` taint of it
 *   (`PreferNoSchedule` is a preference only).
 * - Kubernetes admission plugin ExtendedResourceToleration
 *   (https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#extendedresourcetoleration):
 *   adds `{key: <extended resource name>, operator: Exists, effect: NoSchedule}` to pods that
 *   request that resource; enabled on AKS (Azure/AKS#1449, resolution/shipped).
 * - "Use GPUs for compute-intensive workloads on AKS" (https://learn.microsoft.com/azure/aks/gpu-cluster):
 *   the NVIDIA device-plugin DaemonSet selects GPU nodes with `kubernetes.azure.com/accelerator: nvidia`.
 * - "Node pool labels" / "Use labels in an AKS cluster" (https://learn.microsoft.com/azure/aks/use-labels):
 *   AKS labels every node with `kubernetes.azure.com/agentpool` (and the older `agentpool`)
 *   = the pool name, `kubernetes.io/os`, `kubernetes.io/arch`; `kubernetes.azure.com/mode`
 *   = the pool's mode (POOL_MODE_LABEL below).
 */

/** Resource names that request a GPU (exact), and prefixes of the MIG profile resources. */
export const GPU_RESOURCE_NAMES = ['nvidia.com/gpu', 'nvidia.com/gpu.shared', 'amd.com/gpu'] as const;
export const GPU_RESOURCE_PREFIXES = ['nvidia.com/mig-'] as const;

/** Whether a container resource name requests a GPU (or a slice of one). */
export function isGpuResourceName(name: string): boolean {
  const n = name.trim().toLowerCase();
  return (GPU_RESOURCE_NAMES as readonly string[]).includes(n) || GPU_RESOURCE_PREFIXES.some((p) => n.startsWith(p) && n.length > p.length);
}

/** Taint effects that keep a pod off a node it does not tolerate (PreferNoSchedule only prefers). */
export const HARD_TAINT_EFFECTS = ['NoSchedule', 'NoExecute'] as const;

export function isHardEffect(effect: string): boolean {
  return (HARD_TAINT_EFFECTS as readonly string[]).includes(effect);
}

export interface TaintParts {
  key: string;
  value: string;
  effect: string;
}

export interface TolerationParts {
  key: string;
  /** `Equal` (the default), `Exists`, `Lt`, `Gt`. */
  operator: string;
  value: string;
  /** `''` matches every effect. */
  effect: string;
}

/**
 * Whether a toleration tolerates a taint (Toleration v1 `ToleratesTaint`): true, false, or
 * undefined when it cannot be decided statically (`Lt`/`Gt`, feature-gated).
 */
export function tolerates(t: TolerationParts, taint: TaintParts): boolean | undefined {
  // A field filled in when the manifest is rendered (`value: "${GPU_TAINT_VALUE}"`) may be
  // anything: it leaves the answer open unless a written field already rules the taint out.
  const effect = isRenderPlaceholder(t.effect) ? undefined : t.effect === '' || t.effect === taint.effect;
  const key = isRenderPlaceholder(t.key) ? undefined : t.key === '' || t.key === taint.key;
  if (effect === false || key === false) return false;
  const operator = isRenderPlaceholder(t.operator) ? undefined : t.operator;
  let matches: boolean | undefined;
  if (operator === undefined) matches = undefined;
  else if (t.key === '') matches = operator === 'Exists';
  else if (operator === 'Exists') matches = true;
  else if (operator === 'Equal') matches = isRenderPlaceholder(t.value) ? undefined : t.value === taint.value;
  else if (operator === 'Lt' || operator === 'Gt') matches = undefined;
  else matches = false; // an operator the API rejects
  if (matches === false) return false;
  return effect === undefined || key === undefined || matches === undefined ? undefined : true;
}

/**
 * Text a tool fills in before the manifest is applied: `${VAR}` (envsubst, Kustomize's replacement
 * vars, azd), `$(VAR)` (Azure Pipelines macros), `#{VAR}#` (the Replace Tokens task), `{{ … }}`
 * (Go templates). Such a field's value is not known.
 */
export function isRenderPlaceholder(text: string | undefined): boolean {
  return text !== undefined && /\$\{[^}]*\}|\$\([A-Za-z_][\w.]*\)|#\{[^}]*\}#|\{\{[^}]*\}\}/.test(text);
}

/** The toleration ExtendedResourceToleration adds for a requested extended resource. */
export function extendedResourceToleration(resource: string): TolerationParts {
  return { key: resource, operator: 'Exists', value: '', effect: 'NoSchedule' };
}

/** The label AKS puts on NVIDIA GPU nodes, and its value. */
export const ACCELERATOR_LABEL = 'kubernetes.azure.com/accelerator';
export const ACCELERATOR_NVIDIA = 'nvidia';

/** Labels AKS sets to the pool's name. */
export const POOL_NAME_LABELS = ['kubernetes.azure.com/agentpool', 'agentpool'] as const;

/**
 * The label AKS sets to the pool's mode, in lower case: `system` on a system pool ("Manage
 * system node pools in AKS", https://learn.microsoft.com/azure/aks/use-system-pools: "AKS assigns
 * the label kubernetes.azure.com/mode: system to its nodes"), `user` on a user pool (AKS's node
 * bootstrapper writes `kubernetes.azure.com/mode=user` into every user pool node's kubelet
 * `--node-labels`, Azure/AgentBaker; `kubectl describe node` of a GPU user pool shows it). GPU
 * pools are user pools by default, so `nodeSelector: kubernetes.azure.com/mode: user` does not
 * keep a pod off them.
 */
export const POOL_MODE_LABEL = 'kubernetes.azure.com/mode';

/** The mode label's value for a pool mode as the APIs spell it (`System`, `User`); undefined for another mode. */
export function poolModeLabelValue(mode: string): string | undefined {
  const m = mode.toLowerCase();
  return m === 'system' || m === 'user' ? m : undefined;
}

/** Node labels every AKS Linux x64 node carries with these values (GPU sizes are x64; GPU pools here are Linux). */
export const LINUX_NODE_LABELS: Readonly<Record<string, string>> = {
  'kubernetes.io/os': 'linux',
  'beta.kubernetes.io/os': 'linux',
  'kubernetes.io/arch': 'amd64',
  'beta.kubernetes.io/arch': 'amd64',
};

/**
 * The node label the kubelet sets to the cloud's instance type (Kubernetes "Well-Known Labels,
 * Annotations and Taints", https://kubernetes.io/docs/reference/labels-annotations-taints/#nodekubernetesioinstance-type);
 * on AKS, the pool's VM size as Azure names it (`node.kubernetes.io/instance-type=Standard_D2s_v3`
 * in `kubectl get nodes --show-labels`). The deprecated `beta.kubernetes.io/instance-type` twin
 * is not read: whether current AKS nodes still carry it is not documented.
 */
export const INSTANCE_TYPE_LABEL = 'node.kubernetes.io/instance-type';

/**
 * A pool's VM size as its nodes' instance-type label value: Azure's spelling (`Standard_…`); a
 * size written in another case may be labelled otherwise (label values compare exactly), so unknown.
 */
export function instanceTypeLabelValue(size: string): string | undefined {
  return /^Standard_[A-Z]/.test(size) ? size : undefined;
}

/** Label keys whose value differs per node (host name, zone): a selector on them never keeps a whole pool off. */
export function isPerNodeLabel(key: string): boolean {
  return key === 'kubernetes.io/hostname' || key.startsWith('topology.kubernetes.io/') || key.startsWith('failure-domain.beta.kubernetes.io/');
}

/** Workload kinds that run one pod per node (device plugins, exporters, log shippers). */
export function isDaemonSetKind(kind: string): boolean {
  return kind === 'DaemonSet';
}
