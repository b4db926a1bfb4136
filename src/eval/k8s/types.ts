/**
 * The Kubernetes workload model: each pod template of a manifest (a Pod's `spec`, a
 * Deployment's `spec.template.spec`, a CronJob's `spec.jobTemplate.spec.template.spec`, each
 * replica spec of a Kubeflow job, each Ray head or worker group) with what scheduling reads:
 * containers and init containers with their resource requests and limits, tolerations,
 * nodeSelector and required node affinity. Every part keeps its exact position. Built by
 * `readManifest` (read.ts); the model re-exports these types (src/model/k8s.ts).
 */
import type { Location } from '../../core/source.js';

/** One entry of `resources.limits` / `resources.requests`. */
export interface K8sResourceEntry {
  /** The resource name as written (`nvidia.com/gpu`, `cpu`). */
  name: string;
  section: 'limits' | 'requests';
  /** The key as written. */
  keyAt: Location;
  /** The quantity as written (`1`, `"2"`, `500m`); undefined when it is not a scalar. */
  quantity?: string;
  /** A quantity not known (a Terraform variable without a value): why. The count may be 0. */
  unknownQuantity?: string;
}

export interface K8sContainer {
  name: string;
  init: boolean;
  /** The container's item in `containers:` / `initContainers:`. */
  at: Location;
  resources: K8sResourceEntry[];
}

/**
 * A toleration as written; absent fields are `''` (the API's zero value). `operator` is
 * `Equal` when not written (the API default).
 */
export interface K8sToleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
  /** The toleration's item in `tolerations:`. */
  at: Location;
}

/** One node-selector requirement (a `matchExpressions` entry, or a `nodeSelector` pair as `In [value]`). */
export interface K8sNodeRequirement {
  key: string;
  /** `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`; `Unknown` for a term that cannot be read (it holds or not, unknown). */
  operator: string;
  values: string[];
  at: Location;
}

export interface K8sPodTemplate {
  file: string;
  /** The object's `kind` (`Deployment`, `PyTorchJob`, `RayCluster`). */
  workloadKind: string;
  apiVersion: string;
  /** `metadata.name` (or `generateName`), else undefined. */
  name?: string;
  namespace?: string;
  /** Where the pod spec sits in the object: `spec.template.spec`, `spec.workerGroupSpecs[0].template.spec`. */
  path: string;
  /** The replica type or group (`Worker`, `head`, a Ray worker group's name), when the object has several pod templates. */
  role?: string;
  /** The object's `kind:` value (what a finding without a better place points at). */
  header: Location;
  /**
   * For a workload written in Terraform: how its pod spec is written, for a fix in that syntax —
   * the provider's snake_case blocks (`node_selector = {…}`), the API's names as HCL values (a
   * `kubernetes_manifest` object, `nodeSelector = {…}`), or YAML text (a heredoc or template).
   */
  syntax?: 'blocks' | 'hcl' | 'yaml';
  /**
   * For a Terraform manifest resource whose object is written outside its block (a local, a
   * template, a file): the attribute that consumed it (`yaml_body`, `manifest`), labelled with the
   * resource's address — RULES.md "Location": a related location, so two resources applying one
   * template are told apart.
   */
  consumedAt?: Location;
  containers: K8sContainer[];
  tolerations: K8sToleration[];
  /** The `tolerations:` key, when written. */
  tolerationsAt?: Location;
  /** `nodeSelector` pairs, each as a requirement `key In [value]` (all must hold). */
  nodeSelector: K8sNodeRequirement[];
  /**
   * `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`:
   * the terms (any one may hold), each a list of requirements (all must hold); undefined
   * when there is no required node affinity.
   */
  requiredNodeTerms?: K8sNodeRequirement[][];
  /** `resourceClaims:` (dynamic resource allocation), when it lists claims: the pods may get a GPU that no limit names. */
  resourceClaimsAt?: Location;
  /** Parts that could not be read (not the expected shape, a YAML alias): scheduling cannot be decided for this template. */
  unreadable: K8sUnreadable[];
  /**
   * A `Namespace` of the same file whose `scheduler.alpha.kubernetes.io/defaultTolerations`
   * annotation adds tolerations to the pods created in it (PodTolerationRestriction): the
   * template's namespace, or any such namespace when the template names none (it is applied
   * into one with `-n`). Where the annotation is written.
   */
  injectedTolerationsAt?: Location;
  /**
   * The `kueue.x-k8s.io/queue-name` label (or the annotation older Kueue read) where Kueue reads it
   * (read.ts `kueueQueueOf`), or the labels not known that may hold it: Kueue admits the workload
   * and adds to its pods the tolerations of the ResourceFlavor it assigns (FORMATS.md 2(d):
   * injected tolerations are unknown). Where the key, or the labels, are written.
   */
  kueueQueueAt?: Location;
  /** The labels (or metadata) where the queue name would be are not known: why (`kueueQueueAt` is where they are written). */
  kueueQueueUnknown?: string;
}

/**
 * What an unreadable part may hide: a container's GPU request, tolerations, placement
 * (nodeSelector, node affinity), or all of them (the pod spec itself).
 */
export type K8sHidden = 'request' | 'tolerations' | 'placement' | 'pod';

export interface K8sUnreadable {
  what: string;
  at: Location;
  hides: K8sHidden;
  /** The part is a value not known (a Terraform variable without a value, a `dynamic` block over an unknown collection): why. */
  reason?: string;
}
