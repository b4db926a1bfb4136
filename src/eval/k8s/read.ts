/**
 * Reads the pod templates of Kubernetes objects from positioned YAML/JSON trees
 * (`YamlTree`; JSON manifests are converted to the same shape by `jsonToTree`). Where each
 * kind keeps its pod template(s):
 * - Pod: `spec`;
 * - Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, ReplicationController: `spec.template.spec`;
 * - CronJob: `spec.jobTemplate.spec.template.spec`;
 * - Kubeflow PyTorchJob / TFJob / MPIJob: `spec.<x>ReplicaSpecs.<role>.template.spec`;
 * - Ray RayCluster: `spec.headGroupSpec.template.spec`, `spec.workerGroupSpecs[].template.spec`;
 *   RayJob: the same under `spec.rayClusterSpec`, and `spec.submitterPodTemplate.spec`;
 *   RayService: the same under `spec.rayClusterConfig`;
 * - KServe InferenceService (`serving.kserve.io/v1beta1`, earlier `serving.kubeflow.org/v1beta1`):
 *   `spec.predictor`, `spec.transformer`, `spec.explainer`, each a pod spec written inline
 *   (`containers`, `tolerations`, `nodeSelector`, `affinity` at the component's own level), and
 *   the predictor's framework or `model` field (`explainer.art`) one container written inline
 *   (its `resources` at that level). kserve/kserve pkg/apis/serving/v1beta1 `PredictorSpec`:
 *   "PodSpec `json:",inline"`"; `PredictorExtensionSpec`: "corev1.Container `json:",inline"`".
 * - List: each of `items[]`.
 * (FORMATS.md §2(a) "Workload shapes".)
 */
import type { Location, Range } from '../../core/source.js';
import type { LineMap } from '../../core/source.js';
import type { JsonNode } from '../../parse/json/index.js';
import type { YamlEntryNode, YamlTree } from '../../parse/yaml/tree.js';
import { entryOf, valueOf } from '../../parse/yaml/tree-lookup.js';
import type { K8sContainer, K8sHidden, K8sNodeRequirement, K8sPodTemplate, K8sResourceEntry, K8sUnreadable } from './types.js';

const TEMPLATE_SPEC = ['spec', 'template', 'spec'];
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: TEMPLATE_SPEC,
  ReplicaSet: TEMPLATE_SPEC,
  StatefulSet: TEMPLATE_SPEC,
  DaemonSet: TEMPLATE_SPEC,
  Job: TEMPLATE_SPEC,
  ReplicationController: TEMPLATE_SPEC,
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
/** Kubeflow training operator kinds → the field holding their replica specs. */
const REPLICA_SPECS: Record<string, string> = { PyTorchJob: 'pytorchReplicaSpecs', TFJob: 'tfReplicaSpecs', MPIJob: 'mpiReplicaSpecs' };
/** Ray kinds → where their cluster spec sits (`''`: the object's `spec` itself). */
const RAY_CLUSTER_SPEC: Record<string, string> = { RayCluster: '', RayJob: 'rayClusterSpec', RayService: 'rayClusterConfig' };

/** KServe's API groups whose v1beta1 InferenceService has the component shape above. */
const KSERVE_GROUPS = /^serving\.(?:kserve\.io|kubeflow\.org)\/v1beta1$/;
/**
 * KServe InferenceService components → the fields of each that are one container written inline
 * (`PredictorSpec` sklearn … paddle and model; `ExplainerSpec` art). KServe runs it as
 * `kserve-container`, beside the component's `containers`.
 */
const KSERVE_COMPONENTS: Record<string, readonly string[]> = {
  predictor: ['sklearn', 'xgboost', 'tensorflow', 'pytorch', 'triton', 'onnx', 'huggingface', 'pmml', 'lightgbm', 'paddle', 'model'],
  transformer: [],
  explainer: ['art'],
};
/** The name KServe gives a component's framework container (constants.InferenceServiceContainerName). */
const KSERVE_CONTAINER = 'kserve-container';

/** Pod spec fields a YAML merge key may supply, and what each one decides. */
const MERGED_FIELD_HIDES: Readonly<Record<string, K8sHidden>> = { containers: 'request', tolerations: 'tolerations', nodeSelector: 'placement', affinity: 'placement' };

/** Nested `List`s deeper than this are not followed (hostile input). */
const MAX_LIST_DEPTH = 8;

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  /** The `kind:` value. */
  kindAt: Range;
}

/** Top-level objects of a document that have `apiVersion` and `kind` (classification reads this too). */
export function isManifestObject(node: YamlTree | undefined): ManifestObject | undefined {
  if (node?.type !== 'map') return undefined;
  const apiVersion = valueOf(node, 'apiVersion');
  const kind = valueOf(node, 'kind');
  if (apiVersion?.type !== 'scalar' || kind?.type !== 'scalar' || !apiVersion.value || !kind.value) return undefined;
  return { apiVersion: apiVersion.value, kind: kind.value, kindAt: kind.range };
}

/**
 * Every pod template of the objects in one file's documents. `lineMap` (the file's) lets
 * block collections end at their last character rather than at the next line. `fileOf`: the
 * file of a range written in another (a Terraform workload's values, `terraform.ts`).
 */
export function readPodTemplates(file: string, documents: readonly YamlTree[], lineMap?: LineMap, fileOf?: (range: Range) => string | undefined): K8sPodTemplate[] {
  const out: K8sPodTemplate[] = [];
  const src: Src = { file, lineMap, fileOf };
  const visit = (node: YamlTree | undefined, depth: number): void => {
    const obj = isManifestObject(node);
    if (!obj || !node) return;
    if (obj.kind === 'List' || obj.kind.endsWith('List')) {
      const items = valueOf(node, 'items');
      if (items?.type === 'seq' && depth < MAX_LIST_DEPTH) for (const it of items.items) visit(it, depth + 1);
      return;
    }
    for (const [path, role, spec, inline] of podSpecsOf(node, obj)) out.push(readTemplate(src, node, obj, path, role, spec, inline));
  };
  for (const d of documents) visit(d, 0);
  if (out.length > 0) markInjectedTolerations(src, documents, out);
  return out;
}

/** The annotation through which a namespace gives its pods default tolerations (the PodTolerationRestriction admission plugin). */
export const DEFAULT_TOLERATIONS = 'scheduler.alpha.kubernetes.io/defaultTolerations';

/**
 * FORMATS.md 2(d): tolerations injected by a namespace are unknown. A `Namespace` written in the
 * same file with the annotation marks the templates that land in it: those in that namespace,
 * and those that name none. A namespace in another file is not seen (each manifest file is its
 * own unit of work); config `k8s.assumeInjectedTolerations` covers that.
 */
function markInjectedTolerations(src: Src, documents: readonly YamlTree[], templates: K8sPodTemplate[]): void {
  const injecting = new Map<string, Location>();
  for (const d of documents) {
    if (isManifestObject(d)?.kind !== 'Namespace' || !d) continue;
    const name = scalar(path(d, ['metadata', 'name']));
    const annotation = entryOf(path(d, ['metadata', 'annotations']), DEFAULT_TOLERATIONS);
    if (name && annotation && !isBlank(annotation.value)) injecting.set(name, at(src, annotation.keyRange));
  }
  if (injecting.size === 0) return;
  const any = injecting.values().next().value as Location;
  for (const t of templates) {
    const injectedAt = t.namespace ? injecting.get(t.namespace) : any;
    if (injectedAt) t.injectedTolerationsAt = injectedAt;
  }
}

/** The label (or, before Kueue 0.4, the annotation) that submits a workload to a Kueue LocalQueue. */
export const KUEUE_QUEUE_NAME = 'kueue.x-k8s.io/queue-name';

/**
 * Where a workload is submitted to Kueue: the queue-name key in the `metadata` labels or
 * annotations of the object Kueue's integration reads — the object itself (a Job, a Pod, a
 * PyTorchJob, a RayCluster or RayJob, a Deployment or StatefulSet), and for a CronJob the Job
 * template (`spec.jobTemplate.metadata`: each Job it creates is queued); for the kinds of
 * `POD_TEMPLATE_QUEUED` also its pod template. Not a Job's pod template: pods a Job owns are never
 * queued by themselves (Kueue's plain-pod integration skips them; review 126). Labels or metadata
 * not known may hold it (`unknown`: why). Else undefined.
 */
function kueueQueueOf(obj: YamlTree, kind: string): { at: Range; unknown?: string } | undefined {
  const owners = kind === 'CronJob' ? [path(obj, ['spec', 'jobTemplate'])] : POD_TEMPLATE_QUEUED.has(kind) ? [obj, path(obj, ['spec', 'template'])] : [obj];
  for (const owner of owners) {
    const meta = valueOf(owner, 'metadata');
    // Metadata or a labels map not known (a Terraform variable without a value, `merge(var.labels,
    // {…})`): the queue name may be among them (review 128).
    if (meta?.type === 'other' && meta.unknown !== undefined) return { at: meta.range, unknown: meta.unknown };
    for (const field of ['labels', 'annotations']) {
      const map = valueOf(meta, field);
      if (map?.type === 'other' && map.unknown !== undefined) return { at: map.range, unknown: map.unknown };
      const e = entryOf(map, KUEUE_QUEUE_NAME);
      if (e && !isBlank(e.value)) return { at: e.keyRange };
    }
  }
  return undefined;
}

/**
 * Workloads whose pods Kueue's plain-pod integration queues by their own label (their owner is
 * no kind Kueue manages): the label may be on the pod template (Kueue's serving example puts it
 * there for a Deployment; review 127).
 */
const POD_TEMPLATE_QUEUED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet']);

/** A KAITO object and the node size its provisioner creates GPU nodes of. */
export interface KaitoObject {
  kind: string;
  apiVersion: string;
  name?: string;
  /** The `kind:` value. */
  header: Location;
  /**
   * What is written at the size's path (`path`): `value` its text when it is a scalar, `node`
   * what the tree holds there (a Terraform value not known: its reason, `YamlOther.unknown`),
   * `at` where it is written, `keyAt` where its key is (none when a value not known stands for
   * the part above it).
   */
  instanceType?: { value?: string; node: YamlTree; at: Location; keyAt?: Location; path: string };
}

/**
 * Where KAITO objects name their node size (github.com/kaito-project/kaito API, v1alpha1 and
 * v1beta1): a `Workspace`'s top-level `resource.instanceType`, a `RAGEngine`'s
 * `spec.compute.instanceType`.
 */
const KAITO_INSTANCE_TYPE: Record<string, readonly string[]> = {
  Workspace: ['resource', 'instanceType'],
  RAGEngine: ['spec', 'compute', 'instanceType'],
};

/**
 * The KAITO objects (`apiVersion: kaito.sh/…`) of one file's documents; `fileOf` as for
 * `readPodTemplates` (a Terraform manifest resource's object, whose values are written elsewhere).
 */
export function readKaitoObjects(file: string, documents: readonly YamlTree[], lineMap?: LineMap, fileOf?: (range: Range) => string | undefined): KaitoObject[] {
  const src: Src = { file, lineMap, fileOf };
  const out: KaitoObject[] = [];
  for (const d of documents) {
    const o = isManifestObject(d);
    const keys = o && /^kaito\.sh\//.test(o.apiVersion) && Object.hasOwn(KAITO_INSTANCE_TYPE, o.kind) ? KAITO_INSTANCE_TYPE[o.kind]! : undefined;
    if (!o || !keys || !d) continue;
    const node = path(d, keys);
    const value = scalar(node);
    const key = entryOf(path(d, keys.slice(0, -1)), keys[keys.length - 1]!);
    out.push({
      kind: o.kind,
      apiVersion: o.apiVersion,
      name: scalar(valueOf(valueOf(d, 'metadata'), 'name')) || undefined,
      header: at(src, o.kindAt),
      ...(node && (value || node.type !== 'scalar') ? { instanceType: { ...(value ? { value } : {}), node, at: at(src, node.range), ...(key ? { keyAt: at(src, key.keyRange) } : {}), path: keys.join('.') } } : {}),
    });
  }
  return out;
}

/** The file being read. */
interface Src {
  file: string;
  lineMap?: LineMap;
  fileOf?: (range: Range) => string | undefined;
}

/** A location in the file; a block collection's range (which runs to the next line) ends at its last character. */
function at(src: Src, range: Range): Location {
  const { lineMap: lm } = src;
  const file = src.fileOf?.(range) ?? src.file;
  if (!lm) return { file, range };
  let end = range.end.offset;
  while (end > range.start.offset && /\s/.test(lm.text[end - 1]!)) end--;
  return { file, range: end === range.end.offset ? range : lm.range(range.start.offset, end) };
}

/** The node at `keys`; a value not known on the way (a Terraform workload's `spec = var.spec`) stands for all below it. */
function path(node: YamlTree | undefined, keys: readonly string[]): YamlTree | undefined {
  let cur = node;
  for (const k of keys) {
    if (cur?.type === 'other' && cur.unknown !== undefined) return cur;
    cur = valueOf(cur, k);
  }
  return cur;
}

function scalar(node: YamlTree | undefined): string | undefined {
  return node?.type === 'scalar' ? node.value : undefined;
}

/** `[path, role, podSpec, inlineContainerFields]` of each pod template of an object. */
function podSpecsOf(obj: YamlTree, o: ManifestObject): [string, string | undefined, YamlTree, readonly string[]][] {
  const kind = o.kind;
  const out: [string, string | undefined, YamlTree, readonly string[]][] = [];
  const push = (p: string, role: string | undefined, spec: YamlTree | undefined, inline: readonly string[] = []): void => {
    if (spec) out.push([p, role, spec, inline]);
  };
  if (kind === 'InferenceService' && KSERVE_GROUPS.test(o.apiVersion)) {
    for (const [component, inline] of Object.entries(KSERVE_COMPONENTS)) push(`spec.${component}`, component, path(obj, ['spec', component]), inline);
    return out;
  }
  const direct = POD_SPEC_PATHS[kind];
  if (direct) push(direct.join('.'), undefined, path(obj, direct));
  const replicaField = REPLICA_SPECS[kind];
  if (replicaField) {
    const specs = path(obj, ['spec', replicaField]);
    if (specs?.type === 'map') {
      for (const e of specs.entries) push(`spec.${replicaField}.${e.key}.template.spec`, e.key, path(e.value, ['template', 'spec']));
    }
  }
  const ray = RAY_CLUSTER_SPEC[kind];
  if (ray !== undefined) {
    const base = ray === '' ? ['spec'] : ['spec', ray];
    const cluster = path(obj, base);
    const prefix = base.join('.');
    push(`${prefix}.headGroupSpec.template.spec`, 'head', path(cluster, ['headGroupSpec', 'template', 'spec']));
    const workers = valueOf(cluster, 'workerGroupSpecs');
    if (workers?.type === 'seq') {
      workers.items.forEach((w, i) => push(`${prefix}.workerGroupSpecs[${i}].template.spec`, scalar(valueOf(w, 'groupName')) ?? `worker ${i}`, path(w, ['template', 'spec'])));
    }
    if (kind === 'RayJob') push('spec.submitterPodTemplate.spec', 'submitter', path(obj, ['spec', 'submitterPodTemplate', 'spec']));
  }
  return out;
}

/** `key:` with nothing after it (a YAML null): the field is written but holds nothing. */
function isBlank(n: YamlTree | undefined): boolean {
  return n?.type === 'scalar' && n.value === '';
}

function readTemplate(src: Src, obj: YamlTree, o: ManifestObject, p: string, role: string | undefined, spec: YamlTree, inlineContainers: readonly string[]): K8sPodTemplate {
  const meta = valueOf(obj, 'metadata');
  const t: K8sPodTemplate = {
    file: src.file,
    workloadKind: o.kind,
    apiVersion: o.apiVersion,
    name: scalar(valueOf(meta, 'name')) || scalar(valueOf(meta, 'generateName')) || undefined,
    namespace: scalar(valueOf(meta, 'namespace')) || undefined,
    path: p,
    role,
    header: at(src, o.kindAt),
    containers: [],
    tolerations: [],
    nodeSelector: [],
    unreadable: [],
  };
  const queued = kueueQueueOf(obj, o.kind);
  if (queued) {
    t.kueueQueueAt = at(src, queued.at);
    if (queued.unknown !== undefined) t.kueueQueueUnknown = queued.unknown;
  }
  if (spec.type !== 'map') {
    t.unreadable.push(part(src, p, spec, 'pod'));
    return t;
  }
  // A YAML merge key (`<<: *base`) may supply any field the pod spec does not write itself:
  // kubectl's YAML reader applies it, this copy does not follow aliases, so those fields are unknown.
  for (const field of Object.keys(MERGED_FIELD_HIDES)) {
    const merge = mergeHiding(spec, field);
    if (merge) t.unreadable.push({ what: `${field} (a YAML merge key << may supply it)`, at: at(src, merge), hides: MERGED_FIELD_HIDES[field]! });
  }
  // A KServe framework field (`model:`, `triton:`) is one container; KServe runs it first, as kserve-container.
  for (const field of inlineContainers) {
    const c = valueOf(spec, field);
    if (c === undefined || isBlank(c)) continue;
    const read = readContainer(src, c, false, t, field);
    read.name ||= KSERVE_CONTAINER;
    t.containers.push(read);
    // KServe merges this container onto the ServingRuntime's, whose resources (a GPU limit) stay
    // unless written here: that the component requests no GPU cannot be known from this file.
    t.unreadable.push({ what: `${field}.resources (the ServingRuntime's container may request a GPU)`, at: at(src, c.range), hides: 'request' });
  }
  for (const [field, init] of [['initContainers', true], ['containers', false]] as const) {
    const list = valueOf(spec, field);
    if (list === undefined) continue;
    if (list.type !== 'seq') {
      if (!isBlank(list)) t.unreadable.push(part(src, field, list, 'request'));
      continue;
    }
    for (const c of list.items) t.containers.push(readContainer(src, c, init, t));
  }
  const claims = entryOf(spec, 'resourceClaims');
  if (claims && !isBlank(claims.value) && !(claims.value?.type === 'seq' && claims.value.items.length === 0)) t.resourceClaimsAt = at(src, claims.keyRange);
  const tolEntry = entryOf(spec, 'tolerations');
  if (tolEntry) {
    t.tolerationsAt = at(src, tolEntry.keyRange);
    const v = tolEntry.value;
    if (v?.type === 'seq') for (const item of v.items) readToleration(src, item, t);
    else if (v !== undefined && !isBlank(v)) t.unreadable.push(part(src, 'tolerations', v, 'tolerations'));
  }
  const sel = valueOf(spec, 'nodeSelector');
  if (sel?.type === 'map') {
    const merged = sel.entries.find((e) => e.key === '<<');
    if (merged) t.unreadable.push({ what: 'nodeSelector (a YAML merge key << may supply labels)', at: at(src, merged.keyRange), hides: 'placement' });
    for (const e of sel.entries) {
      if (e.key === '<<') continue;
      const value = scalar(e.value);
      if (value === undefined) t.unreadable.push({ ...part(src, `nodeSelector.${e.key}`, e.value, 'placement'), at: at(src, e.range) });
      else t.nodeSelector.push({ key: e.key, operator: 'In', values: [value], at: at(src, e.range) });
    }
  } else if (sel !== undefined && !isBlank(sel)) t.unreadable.push(part(src, 'nodeSelector', sel, 'placement'));
  const required = path(spec, ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution']);
  if (required !== undefined) {
    const terms = valueOf(required, 'nodeSelectorTerms');
    if (terms?.type !== 'seq') t.unreadable.push(part(src, 'requiredDuringSchedulingIgnoredDuringExecution', terms?.type === 'other' ? terms : required, 'placement'));
    else t.requiredNodeTerms = terms.items.map((term) => readTerm(src, term, t));
  }
  return t;
}

/** The `<<` key of a mapping that has a merge key but does not write `key` itself (the merge may supply it). */
function mergeHiding(node: YamlTree | undefined, key: string): Range | undefined {
  if (node?.type !== 'map' || entryOf(node, key)) return undefined;
  return node.entries.find((e) => e.key === '<<')?.keyRange;
}

/** A part that cannot be read, located at `node`; when it is a value not known (a Terraform variable without a value), why. */
function part(src: Src, what: string, node: YamlTree | undefined, hides: K8sHidden): K8sUnreadable {
  const out: K8sUnreadable = { what, at: at(src, node?.range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }), hides };
  if (node?.type === 'other' && node.unknown !== undefined) out.reason = node.unknown;
  return out;
}


function readContainer(src: Src, c: YamlTree, init: boolean, t: K8sPodTemplate, field = init ? 'initContainers[]' : 'containers[]'): K8sContainer {
  const out: K8sContainer = { name: scalar(valueOf(c, 'name')) ?? '', init, at: at(src, c.range), resources: [] };
  if (c.type !== 'map') {
    t.unreadable.push({ ...part(src, field, c, 'request'), at: out.at });
    return out;
  }
  const res = valueOf(c, 'resources');
  // An alias (`resources: *gpu`) or a merge key may hold the GPU request: not readable here.
  const hidden = res?.type === 'other' ? res.range : mergeHiding(c, 'resources');
  if (hidden) t.unreadable.push({ ...part(src, 'resources', res, 'request'), at: at(src, hidden) });
  for (const section of ['limits', 'requests'] as const) {
    const m = valueOf(res, section);
    const merged = mergeHiding(res, section);
    if (merged) t.unreadable.push({ what: `resources.${section}`, at: at(src, merged), hides: 'request' });
    if (m === undefined) continue;
    if (m.type !== 'map') {
      if (!isBlank(m)) t.unreadable.push(part(src, `resources.${section}`, m, 'request'));
      continue;
    }
    for (const e of m.entries) {
      // (Through an alias, `limits: *gpu`: at the alias, so each template that uses it has its own place.)
      const r: K8sResourceEntry = { name: e.key, section, keyAt: at(src, e.via ?? e.keyRange) };
      const q = scalar(e.value);
      if (q !== undefined) r.quantity = q;
      else if (e.value?.type === 'other' && e.value.unknown !== undefined) r.unknownQuantity = e.value.unknown;
      out.resources.push(r);
    }
  }
  return out;
}

function readToleration(src: Src, item: YamlTree, t: K8sPodTemplate): void {
  if (item.type !== 'map') {
    t.unreadable.push(part(src, 'tolerations[]', item, 'tolerations'));
    return;
  }
  const field = (k: string): string | undefined => {
    const v = valueOf(item, k);
    if (v === undefined) return '';
    return scalar(v);
  };
  const key = field('key');
  const operator = field('operator');
  const value = field('value');
  const effect = field('effect');
  const merged = ['key', 'operator', 'value', 'effect'].some((k) => mergeHiding(item, k));
  if (merged || key === undefined || operator === undefined || value === undefined || effect === undefined) {
    // (A field whose value is not known says why: a Terraform variable without a value.)
    const unknownField = ['key', 'operator', 'value', 'effect'].map((k) => valueOf(item, k)).find((v) => v?.type === 'other' && v.unknown !== undefined);
    t.unreadable.push({ ...part(src, 'tolerations[]', unknownField ?? item, 'tolerations'), at: at(src, item.range) });
    return;
  }
  // The API's default operator is Equal (Kubernetes API, Toleration v1). Through an alias
  // (`- *gputol`): at the alias, this template's use of it.
  t.tolerations.push({ key, operator: operator || 'Equal', value, effect, at: at(src, item.via ?? item.range) });
}

/** The operator of a requirement that stands for a node selector term that cannot be read: it holds or not, unknown. */
const UNKNOWN_REQUIREMENT = 'Unknown';

function readTerm(src: Src, term: YamlTree, t: K8sPodTemplate): K8sNodeRequirement[] {
  const out: K8sNodeRequirement[] = [];
  // A term that cannot be read (an alias, a Terraform `dynamic "node_selector_term"` over an
  // unknown collection) may admit any node: terms are ORed, so placement is unknown.
  if (term.type !== 'map') {
    const u = part(src, 'nodeSelectorTerms[]', term, 'placement');
    t.unreadable.push(u);
    // A requirement that holds or not, unknown (`UNKNOWN_REQUIREMENT`): the term may admit a node
    // the known terms do not.
    out.push({ key: '', operator: UNKNOWN_REQUIREMENT, values: [], at: u.at });
    return out;
  }
  const exprs = valueOf(term, 'matchExpressions');
  if (exprs === undefined) {
    // A term with only matchFields (node name, …): not a label requirement we can weigh.
    if (valueOf(term, 'matchFields') !== undefined) t.unreadable.push({ what: 'nodeSelectorTerms[].matchFields', at: at(src, term.range), hides: 'placement' });
    return out;
  }
  if (exprs.type !== 'seq') {
    t.unreadable.push(part(src, 'matchExpressions', exprs, 'placement'));
    return out;
  }
  for (const e of exprs.items) {
    const key = scalar(valueOf(e, 'key'));
    const operator = scalar(valueOf(e, 'operator'));
    const vals = valueOf(e, 'values');
    const values = vals?.type === 'seq' ? vals.items.map(scalar) : vals === undefined ? [] : [undefined];
    if (key === undefined || operator === undefined || values.some((v) => v === undefined)) {
      t.unreadable.push(part(src, 'matchExpressions[]', e, 'placement'));
      continue;
    }
    out.push({ key, operator, values: values as string[], at: at(src, e.range) });
  }
  return out;
}

// ---- JSON manifests ----------------------------------------------------------------------

/** A JSON value as a positioned tree of the same shape as YAML's (strings keep their content range). */
export function jsonToTree(node: JsonNode, lineMap: LineMap, depth = 0): YamlTree {
  const range = lineMap.range(node.offset, node.offset + node.length);
  if (depth > 200) return { type: 'other', range };
  switch (node.type) {
    case 'object':
      return {
        type: 'map',
        range,
        entries: (node.children ?? []).flatMap((p) => {
          const [k, v] = p.children ?? [];
          if (!k || typeof k.value !== 'string') return [];
          // A key and a string are located with their quotes, as a quoted YAML scalar and an ARM
          // template's JSON are (review 71: `"nvidia.com/gpu"` was located inside its quotes).
          const e: YamlEntryNode = { key: k.value, keyRange: lineMap.range(k.offset, k.offset + k.length), range: lineMap.range(p.offset, p.offset + p.length) };
          if (v) e.value = jsonToTree(v, lineMap, depth + 1);
          return [e];
        }),
      };
    case 'array':
      return { type: 'seq', range, items: (node.children ?? []).map((c) => jsonToTree(c, lineMap, depth + 1)) };
    case 'string':
      return { type: 'scalar', value: String(node.value), plain: false, range };
    case 'null':
      return { type: 'scalar', value: '', plain: true, range };
    default:
      return { type: 'scalar', value: String(node.value), plain: true, range };
  }
}
