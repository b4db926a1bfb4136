/**
 * Kubernetes workloads as rules read them: one `k8s.workload` resource per pod template
 * (its typed template is `Resource.k8s`, see src/eval/k8s/types.ts), and the scheduling
 * questions K8S001 and K8S002 ask of it: which GPU resources it requests, whether its
 * tolerations let it onto a node pool with given taints, and whether its nodeSelector /
 * required node affinity admits a pool with given labels. The facts behind the answers
 * (toleration matching, GPU resource names) are in `facts/k8s.ts`.
 */
import type { Location } from '../core/source.js';
import { str, type Value } from '../core/value.js';
import type { KaitoObject } from '../eval/k8s/read.js';
import type { K8sNodeRequirement, K8sPodTemplate, K8sResourceEntry, K8sToleration, K8sUnreadable } from '../eval/k8s/types.js';
import type { Evaluation, Fact, Resource, SourceFormat } from './resource.js';
import { extendedResourceToleration, isGpuResourceName, isHardEffect, isRenderPlaceholder, tolerates, type TaintParts } from './facts/k8s.js';

export type * from '../eval/k8s/types.js';
/** The Terraform resource that writes a whole Kubernetes object in the API's own (camelCase) names. */

/** A known string fact written at `at`. */
export function literalFact(value: string, at: Location, sourcePath: string): Fact {
  return { value: str(value, at), defaulted: false, at, sourcePath };
}

/**
 * A resource of a Kubernetes object: its header is where its kind is written (a manifest's
 * `kind:` value, a Terraform resource's header), its `metadata.name` the name.
 */
export function manifestResource<K extends 'k8s.workload' | 'kaito.workspace'>(
  kind: K,
  o: { address: string; sourceType: string; header: Location; name?: string; identity: string[]; format?: SourceFormat },
  attrs: Map<string, Fact>,
  evaluation: Evaluation,
): Resource<K> {
  if (o.name !== undefined) attrs.set('name', literalFact(o.name, o.header, 'metadata.name'));
  return {
    address: o.address,
    kind,
    sourceType: o.sourceType,
    format: o.format ?? 'k8s',
    header: o.header,
    name: o.name !== undefined ? str(o.name, o.header) : undefined,
    attrs,
    identity: o.identity,
    refs: new Map(),
    evaluation,
  };
}

/**
 * A KAITO Workspace or RAGEngine as a resource whose `vmSize` is its instance type (GPU004), read
 * alike from a manifest file and from a Terraform manifest resource (`kubectl_manifest`,
 * `kubernetes_manifest`). `size`: the size as evaluated, when it is not the text the tree holds (a
 * Terraform value, with where it came from, or not known), consumed where its key is written; a
 * manifest's is the literal where it is written.
 */
export function kaitoResourceOf(
  k: KaitoObject,
  o: { address: string; identity: string[]; format: SourceFormat; name?: string },
  evaluation: Evaluation,
  size?: Value,
): Resource<'kaito.workspace'> {
  const attrs = new Map<string, Fact>();
  const it = k.instanceType;
  if (it && size) attrs.set('vmSize', { value: size, defaulted: false, at: it.keyAt ?? it.at, sourcePath: it.path });
  else if (it?.value !== undefined) attrs.set('vmSize', literalFact(it.value, it.at, it.path));
  return manifestResource('kaito.workspace', { ...o, sourceType: `${k.apiVersion}/${k.kind}`, header: k.header, name: o.name ?? k.name }, attrs, evaluation);
}

/**
 * The file whose project a workload's GPU pools are looked for from (the scan view's nearest
 * project): a manifest's own; a Terraform workload's resource's (whose object may be a template
 * in another folder); for a workload of a Terraform module instance, the root module's
 * call it came through (a shared module deployed by `envs/dev` runs on dev's cluster, not on one
 * found from the module's folder).
 */
export function workloadPlace(w: Pick<Resource, 'header' | 'calledAt' | 'extent'>): string {
  // (A Terraform workload's extent is its resource block: its object may be a template elsewhere.)
  return w.calledAt?.file ?? w.extent?.file ?? w.header.file;
}

/** The `k8s.workload` resource of one pod template (K8S001/K8S002 read `Resource.k8s`). */
export function workloadResourceOf(t: K8sPodTemplate, o: { address: string; identity: string[]; sourceType: string; format: SourceFormat }, evaluation: Evaluation): Resource<'k8s.workload'> {
  const attrs = new Map<string, Fact>([['workloadKind', literalFact(t.workloadKind, t.header, 'kind')]]);
  const r = manifestResource('k8s.workload', { ...o, header: t.header, name: t.name }, attrs, evaluation);
  r.k8s = t;
  return r;
}

type GpuEntry = { container: string; init: boolean; entry: K8sResourceEntry };

/** The GPU resource entries of a template's containers and init containers that ask for at least one GPU, in file order. */
export function gpuRequests(t: K8sPodTemplate): GpuEntry[] {
  return gpuEntries(t, (q, e) => !isZero(q) && !isPlaceholder(q) && e.unknownQuantity === undefined);
}

/**
 * GPU resource entries whose quantity is not a quantity (`nvidia.com/gpu: ${GPU_COUNT}`, a
 * placeholder filled in when the manifest is rendered): the count may be 0, so whether the
 * workload requests a GPU is unknown.
 */
export function unknownGpuRequests(t: K8sPodTemplate): GpuEntry[] {
  return gpuEntries(t, (q, e) => isPlaceholder(q) || e.unknownQuantity !== undefined);
}

/** A node selector term that cannot be read (read.ts: it stands as a requirement that holds or not, unknown, in its term). */
export function isUnknownTerm(u: K8sUnreadable): boolean {
  return u.hides === 'placement' && u.what === 'nodeSelectorTerms[]';
}

/** Why a GPU entry's count is not known, for --verbose. */
export function unknownCountReason(e: K8sResourceEntry): string {
  return e.unknownQuantity !== undefined ? `the count of "${e.name}" is not known: ${e.unknownQuantity}` : `the quantity of "${e.name}" is "${e.quantity}", not a number`;
}

/** Why a part of a pod template cannot be read, for --verbose (`fallback`: the rule's words for a part written in a shape it cannot read). */
export function unreadableReason(u: K8sUnreadable, fallback: string): string {
  return u.reason !== undefined ? `${u.what}: ${u.reason}` : fallback;
}

function gpuEntries(t: K8sPodTemplate, keep: (quantity: string | undefined, entry: K8sResourceEntry) => boolean): GpuEntry[] {
  const out = t.containers.flatMap((c) => c.resources.filter((r) => isGpuResourceName(r.name) && keep(r.quantity, r)).map((entry) => ({ container: c.name, init: c.init, entry })));
  return out.sort((a, b) => a.entry.keyAt.range.start.offset - b.entry.keyAt.range.start.offset);
}

function isZero(q: string | undefined): boolean {
  return q !== undefined && /^\s*0+(\.0*)?\s*$/.test(q);
}

/**
 * A written scalar that is not a Kubernetes quantity (digits with an optional exponent or
 * SI/binary suffix, https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/).
 * An entry that is not a scalar (undefined) is no placeholder: it stays a request, as before.
 */
function isPlaceholder(q: string | undefined): boolean {
  return q !== undefined && !/^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?\s*$/.test(q);
}

/** A short name for messages: `Job "train"`, `PyTorchJob "bert" (Worker)`. */
export function templateName(t: K8sPodTemplate): string {
  return `${t.workloadKind} "${t.name ?? '(unnamed)'}"${t.role ? ` (${t.role})` : ''}`;
}

/** Why a toleration cannot be matched (`TaintVerdict.maybe`), for --verbose. */
export const UNDECIDED_TOLERATION = 'a toleration uses the Lt/Gt operator or a field filled in when the manifest is rendered (${VAR}, $(VAR), #{VAR}#, {{ … }})';

export interface TaintVerdict {
  /** Hard taints (NoSchedule/NoExecute) no written toleration tolerates. */
  missing: TaintParts[];
  /** Of those, the ones ExtendedResourceToleration tolerates (a taint keyed by a requested GPU resource). */
  byExtendedResource: TaintParts[];
  /** Of `missing`, the taints a toleration that cannot be decided (`Lt`/`Gt`, a render-time placeholder) may tolerate. */
  maybe: TaintParts[];
  /** For each tolerated hard taint, the first toleration that tolerates it. */
  toleratedBy: Map<TaintParts, K8sToleration>;
}

/** How a template's tolerations meet one pool's taints (only NoSchedule/NoExecute taints keep pods off). */
export function taintVerdict(t: K8sPodTemplate, taints: readonly TaintParts[], requested: readonly string[] = []): TaintVerdict {
  const v: TaintVerdict = { missing: [], maybe: [], byExtendedResource: [], toleratedBy: new Map() };
  for (const taint of taints) {
    if (!isHardEffect(taint.effect)) continue;
    let found: K8sToleration | undefined;
    let maybe = false;
    for (const tol of t.tolerations) {
      const r = tolerates(tol, taint);
      if (r === undefined) maybe = true;
      if (r === true) {
        found = tol;
        break;
      }
    }
    if (found) {
      v.toleratedBy.set(taint, found);
      continue;
    }
    v.missing.push(taint);
    // Only a taint no toleration surely tolerates leaves the verdict open (an exact match written
    // after an undecidable entry decides it).
    if (maybe) v.maybe.push(taint);
    if (requested.some((res) => tolerates(extendedResourceToleration(res), taint) === true)) v.byExtendedResource.push(taint);
  }
  return v;
}

/**
 * Whether the pool may be tolerated after all: some taint it lacks may be (a toleration that cannot
 * be decided), and every other is tolerated for the workload by the admission plugin. One taint
 * surely lacking decides that it is not.
 */
export function mayBeTolerated(v: TaintVerdict): boolean {
  return v.maybe.length > 0 && v.missing.every((m) => v.maybe.includes(m) || v.byExtendedResource.includes(m));
}

/** What is known of a node's label: its value, absent (`null`), or unknown (`undefined`). */
export type LabelLookup = (key: string) => string | null | undefined;

/**
 * Whether the template's nodeSelector and required node affinity admit a node with these
 * labels: true, false, or undefined when a label they read is unknown.
 */
export function selectorAdmits(t: K8sPodTemplate, label: LabelLookup): boolean | undefined {
  const all = (reqs: readonly K8sNodeRequirement[]): boolean | undefined => {
    let result: boolean | undefined = true;
    for (const r of reqs) {
      const m = requirementHolds(r, label(r.key));
      if (m === false) return false;
      if (m === undefined) result = undefined;
    }
    return result;
  };
  const sel = all(t.nodeSelector);
  if (sel === false) return false;
  if (!t.requiredNodeTerms) return sel;
  // Terms are ORed; an empty term list matches no node, an empty term matches no node either (API docs).
  let any: boolean | undefined = false;
  for (const term of t.requiredNodeTerms) {
    if (term.length === 0) continue;
    const r = all(term);
    if (r === true) {
      any = true;
      break;
    }
    if (r === undefined) any = undefined;
  }
  if (any === false) return false;
  return sel === undefined || any === undefined ? undefined : true;
}

function requirementHolds(r: K8sNodeRequirement, value: string | null | undefined): boolean | undefined {
  // A key or value filled in when the manifest is rendered (`agentpool: "${CPU_POOL}"`) may be anything.
  if (isRenderPlaceholder(r.key) || r.values.some(isRenderPlaceholder)) return undefined;
  switch (r.operator) {
    case 'Exists':
      return value === undefined ? undefined : value !== null;
    case 'DoesNotExist':
      return value === undefined ? undefined : value === null;
    case 'In':
      return value === undefined ? undefined : value !== null && r.values.includes(value);
    case 'NotIn':
      return value === undefined ? undefined : value === null || !r.values.includes(value);
    default:
      return undefined; // Gt, Lt: numeric labels we do not model
  }
}

/** Whether the template selects nodes by any of these label keys (nodeSelector or required affinity). */
export function selectsLabel(t: K8sPodTemplate, keys: (key: string) => boolean): boolean {
  const reqs = [...t.nodeSelector, ...(t.requiredNodeTerms ?? []).flat()];
  return reqs.some((r) => keys(r.key) && r.operator !== 'DoesNotExist' && r.operator !== 'NotIn');
}
