/**
 * Terraform resources (azurerm and azapi) → source resources for the normalizer.
 */
import type { Location } from '../core/source.js';
import type { Evaluation, Resource } from './resource.js';
import type { TfResource } from '../eval/terraform/instance.js';
import { obj, unknown, type ObjectValue, type Value } from '../core/value.js';
import { AZURERM_TABLE } from './tables/azurerm.js';
import { ARM_TABLE } from './tables/arm.js';
import { normalize, pathsRead, type SourceResource } from './normalize.js';
import { childAt } from './value-path.js';
import { takesTagsAndLocation } from './facts/tags.js';
import { isTerraformWorkloadType, loadedTerraformWorkloadReader } from '../eval/terraform/kubernetes-types.js';
import { kaitoResourceOf, workloadResourceOf } from './k8s.js';

/** What any rule reads of any resource, modelled or not: messages (`name`), TAG001 (`tags`), GOV001 (`location`). */
const READ_OF_EVERY_RESOURCE = ['name', 'location', 'tags'];

/**
 * The paths of a Terraform resource's attributes the model reads (numeric segments: any list
 * index), or undefined for all of them. azapi: its own attributes and the whole `body`.
 */
export function terraformPathsRead(type: string): string[] | undefined {
  if (type === 'azapi_resource' || type === 'azapi_update_resource') {
    // An update is read as the resource it patches (src/model/azapi-update.ts), through resource_id.
    // The body is kept whole: it is the request Azure receives, and Azure Policy may read any
    // property of it (an alias such as `…/workspaces/primaryUserAssignedIdentity`), not only those
    // the model reads (review 71: a deny on a property the plan sets said "is not set"). One
    // resource's request is small beside a plan's azurerm attributes.
    const own = type === 'azapi_resource' ? ['type', 'parent_id'] : ['type', 'resource_id'];
    return [...READ_OF_EVERY_RESOURCE, ...own, 'body', 'sensitive_body'];
  }
  // A Kubernetes workload: its pod templates are read whole (src/eval/k8s/terraform.ts).
  if (isTerraformWorkloadType(type)) return undefined;
  const spec = Object.hasOwn(AZURERM_TABLE, type) ? AZURERM_TABLE[type] : undefined;
  return [...READ_OF_EVERY_RESOURCE, ...(spec ? pathsRead(spec) : [])];
}

/** ARM child types whose `parent_id` (azapi) points at the canonical parent reference. */
export const ARM_PARENT_REF: Record<string, string> = {
  'microsoft.machinelearningservices/workspaces/computes': 'workspace',
  'microsoft.containerservice/managedclusters/agentpools': 'cluster',
  'microsoft.network/networksecuritygroups/securityrules': 'nsg',
  'microsoft.keyvault/vaults/accesspolicies': 'keyVault',
  'microsoft.storage/storageaccounts/blobservices/containers': 'storage',
};

/**
 * ARM child types whose canonical parent is not the direct parent: a blob container's
 * storage account is two levels up (past the `blobServices/default` service). azapi's
 * `parent_id` names the direct parent, so these are not linked from it.
 */
export const ARM_PARENT_LEVELS: Record<string, number> = {
  'microsoft.storage/storageaccounts/blobservices/containers': 2,
};

/** What the normalizer reads of a Terraform resource: from the static evaluator, or from a plan (`eval/terraform-plan`). */
export type TerraformResourceShape = Pick<TfResource, 'address' | 'baseAddress' | 'type' | 'header' | 'body' | 'sites' | 'vendored' | 'calledAt' | 'moduleEnv' | 'azapiDefaults'> & Partial<Pick<TfResource, 'block'>> & {
  /** A plan's top-level attributes that the configuration does not write (provider-filled): absent, with the plan's value as the default. */
  unwritten?: ReadonlySet<string>;
  /** A plan's: the top-level attributes its provider has for the type (lower case); a name outside them is not known. */
  attributes?: ReadonlySet<string>;
};

/**
 * `isManifestFile`: whether a data file a `kubernetes_manifest` decodes is a Kubernetes manifest the
 * run lints on its own (its pod templates are reported there, not again here).
 */
export function fromTerraform(r: TerraformResourceShape, evaluation: Evaluation, azurermOnlyBelow?: (version: string) => boolean, isManifestFile?: (file: string) => boolean): Resource[] {
  const site = (p: string): Location | undefined => r.sites.get(p.replace(/\.(\d+)\./g, '[$1].').replace(/\.(\d+)$/, '[$1]'));
  const base = {
    address: r.address,
    header: r.header,
    // An instance is named by its own address (`x.y["k"].id` links to that instance) and by the
    // declaration's (a reference without a key: the first instance, as before).
    identity: r.address !== r.baseAddress ? [`tf:${r.address}`, `tf:${r.baseAddress}`] : [`tf:${r.baseAddress}`],
    evaluation,
    name: r.body.entries.get('name'),
  };
  if (r.type === 'azapi_resource') return withDeclarationPlaces(normalize(azapiSource(r, base, site)), r);
  if (isTerraformWorkloadType(r.type)) return withDeclarationPlaces(terraformWorkloads(r, base.identity, evaluation, isManifestFile), r);
  const src: SourceResource = {
    ...base,
    format: 'terraform',
    sourceType: r.type,
    spec: AZURERM_TABLE[r.type],
    body: r.body,
    site,
    ...(r.unwritten ? { unwritten: r.unwritten } : {}),
    ...(r.attributes ? { providerAttributes: r.attributes } : {}),
    ...(azurermOnlyBelow ? { providerOnlyBelow: azurermOnlyBelow } : {}),
  };
  return withDeclarationPlaces(normalize(src), r);
}

/**
 * A Kubernetes workload written as a Terraform resource (`kubernetes_deployment_v1`,
 * `kubernetes_manifest`): one `k8s.workload` per pod template, named by the resource's address
 * (and the template's place when it has several: a Ray cluster's groups).
 */
function terraformWorkloads(r: TerraformResourceShape, identity: string[], evaluation: Evaluation, isManifestFile?: (file: string) => boolean): Resource[] {
  const reader = loadedTerraformWorkloadReader();
  const templates = reader?.podTemplates(r, isManifestFile) ?? [];
  const workloads: Resource[] = templates.map((t) => {
    // A name not known (`metadata { name = var.name }`): the resource's address names it in messages.
    t.name ??= r.address;
    const address = templates.length > 1 ? `${r.address}#${t.path}` : r.address;
    const w = workloadResourceOf(t, { address, identity: templates.length > 1 ? [address, ...identity] : identity, sourceType: r.type, format: 'terraform' }, evaluation);
    // The resource's block is its extent (suppressions written inside it), as for every resource.
    if (r.block) w.extent = { file: r.header.file, range: r.block.range };
    workloadSources.set(w, r);
    return w;
  });
  // A KAITO object it writes is the resource a manifest file's is (GPU004 reads its size).
  const kaito = reader?.kaitoObjects(r, isManifestFile) ?? [];
  for (const { object, size } of kaito) {
    const address = kaito.length > 1 ? `${r.address}#${object.kind}/${object.name ?? '(unnamed)'}` : r.address;
    const k = kaitoResourceOf(object, { address, identity: kaito.length > 1 ? [address, ...identity] : identity, format: 'terraform', name: object.name ?? r.address }, evaluation, size);
    if (r.block) k.extent = { file: r.header.file, range: r.block.range };
    workloads.push(k);
  }
  return workloads;
}

/** The Terraform resource each workload was read from (`withNamespaceTolerations`). */
const workloadSources = new WeakMap<Resource, TerraformResourceShape>();

/**
 * Marks the workloads of one evaluation whose namespace, declared in it with the
 * `scheduler.alpha.kubernetes.io/defaultTolerations` annotation, gives their pods tolerations at
 * admission (K8S001 does not judge their written tolerations then), as a manifest file's Namespace
 * marks the workloads of that file (self-review 97). A workload whose namespace is not known may be
 * in any of them.
 */
export function withNamespaceTolerations(tf: readonly TerraformResourceShape[], out: Resource[]): Resource[] {
  const reader = loadedTerraformWorkloadReader();
  if (!reader || !out.some((r) => workloadSources.has(r))) return out;
  const injecting = reader.injectingNamespaces(tf);
  if (injecting.size === 0) return out;
  const anyNamed = injecting.values().next().value!;
  for (const w of out) {
    const src = workloadSources.get(w);
    if (!src || !w.k8s) continue;
    const ns = reader.workloadNamespace(src);
    const at = ns === undefined ? anyNamed : (injecting.get(ns) ?? injecting.get(''));
    if (at) w.k8s.injectedTolerationsAt = at;
  }
  return out;
}

/** Resources of a registry module copy keep the call they came through (findings point there); each keeps its block's extent. */
function withDeclarationPlaces(out: Resource[], r: TerraformResourceShape): Resource[] {
  // The block is the resource's own declaration; an element of it (a default node pool) has its own.
  if (r.block) for (const x of out) if (x.header === r.header) x.extent = { file: r.header.file, range: r.block.range };
  if (r.vendored) for (const x of out) x.vendored = r.vendored;
  if (r.calledAt) for (const x of out) x.calledAt = r.calledAt;
  if (r.moduleEnv) for (const x of out) x.moduleEnv = r.moduleEnv;
  return out;
}

function azapiSource(
  r: TerraformResourceShape,
  base: Pick<SourceResource, 'address' | 'header' | 'identity' | 'evaluation' | 'name'>,
  site: (p: string) => Location | undefined,
): SourceResource {
  const typeValue = r.body.entries.get('type');
  const fullType = typeValue?.kind === 'string' ? typeValue.value : undefined;
  const [armType, apiVersion] = fullType?.split('@') ?? [];
  const key = armType?.toLowerCase();
  // The ARM shape: the body object plus the top-level name/location/tags of azapi_resource.
  // `sensitive_body` (write-only members: passwords, keys) is merged into it, as azapi sends them.
  const bodyValue = withSensitiveBody(r.body.entries.get('body'), r.body.entries.get('sensitive_body'));
  const entries = new Map<string, Value>(bodyValue?.kind === 'object' ? bodyValue.entries : []);
  for (const k of ['name', 'location', 'tags']) {
    const v = r.body.entries.get(k);
    if (v && !entries.has(k)) entries.set(k, v);
  }
  // The provider's default_tags/default_location, for a type that takes them at its top (azapi
  // sends them only when the resource sets neither the argument nor the body member, null being
  // not set (`tags = var.tags` with a null default): no merge).
  // Taken from the provider: the resource writes no place of its own for them (review 85: the
  // consuming attribute was `body = {`).
  const fromProvider = new Set<string>();
  if (r.azapiDefaults && key && takesTagsAndLocation(key)) {
    for (const k of ['location', 'tags'] as const) {
      const v = r.azapiDefaults[k];
      const own = entries.get(k);
      if (v && (own === undefined || own.kind === 'null')) {
        entries.set(k, v);
        // (A `tags = var.tags` that is null is still the resource's place for them.)
        if (own === undefined) fromProvider.add(k);
      }
    }
  }
  const refs = new Map<string, Value>();
  const parentRef = key && !ARM_PARENT_LEVELS[key] ? ARM_PARENT_REF[key] : undefined;
  const parentId = r.body.entries.get('parent_id');
  if (parentRef && parentId) refs.set(parentRef, parentId);
  if (key && parentId) blobServiceRefs(key, parentId, refs);
  return {
    ...base,
    format: 'azapi',
    sourceType: armType ?? 'azapi_resource',
    spec: key ? ARM_TABLE[key] : undefined,
    body: bodyValue?.kind === 'unknown' ? bodyValue : obj(entries, bodyValue?.origin ?? r.body.origin),
    // Properties inside `body` are object members: the member where the object literal writes
    // it (the evaluator records `body.<path>`), else the top-level attribute, else where a
    // `local` or variable the body reads writes the member's key, else `body`.
    site: (p) => (fromProvider.has(p.split('.')[0]!) ? undefined : (site(`sensitive_body.${p}`) ?? site(`body.${p}`) ?? site(p) ?? memberKeySite(bodyValue, p) ?? site('body'))),
    refs,
    ...(apiVersion ? { apiVersion } : {}),
  };
}

/**
 * Where the object that holds the member at a dotted path (numeric segments index lists) writes
 * its key, when that object is written key by key elsewhere (a `local` or a variable default the
 * body reads: `agentPoolProfiles = [local.gpu_profile]`); undefined otherwise (review 72: the
 * consuming attribute was `body = {`).
 */
function memberKeySite(body: Value | undefined, path: string): Location | undefined {
  const segs = path.split('.');
  const last = segs.pop();
  let cur = body;
  for (const seg of segs) cur = cur ? childAt(cur, seg) : undefined;
  if (cur?.kind !== 'object' || last === undefined) return undefined;
  const key = [...cur.entries.keys()].find((k) => k === last) ?? [...cur.entries.keys()].find((k) => k.toLowerCase() === last.toLowerCase());
  return key === undefined ? undefined : cur.keyOrigins?.get(key);
}

/**
 * `body` with azapi's `sensitive_body` merged in (azapi_resource: "the sensitive body … will be
 * merged with `body`"; its members are write-only, never stored in state): objects member by
 * member, any other value of `sensitive_body` over `body`'s. A `sensitive_body` whose value is
 * not known may set anything: the body is unknown then.
 */
function withSensitiveBody(body: Value | undefined, sensitive: Value | undefined): Value | undefined {
  if (!sensitive || sensitive.kind === 'null') return body;
  if (sensitive.kind === 'unknown') return unknown(`sensitive_body is unknown (${sensitive.reason}) and may set any member`, sensitive.origin);
  if (sensitive.kind !== 'object') return body;
  if (!body) return sensitive;
  return body.kind === 'object' ? mergedObjects(body, sensitive) : body;
}

function mergedObjects(a: ObjectValue, b: ObjectValue): ObjectValue {
  const entries = new Map(a.entries);
  for (const [k, v] of b.entries) {
    const mine = entries.get(k);
    entries.set(k, mine?.kind === 'object' && v.kind === 'object' ? mergedObjects(mine, v) : v);
  }
  return { ...a, entries };
}

const BLOB_SERVICES = 'microsoft.storage/storageaccounts/blobservices';
const CONTAINERS = 'microsoft.storage/storageaccounts/blobservices/containers';
/** `tf:<account address>/blobServices/default`: a container's `parent_id` written as a path below the account. */
const BELOW_ACCOUNT = /^(tf:[^/]+)\/blobServices\/default$/i;

/**
 * A blob container's storage account is two levels above it: azapi's `parent_id` names its
 * blob service, written either as a path below the account
 * (`"${azapi_resource.sa.id}/blobServices/default"`) or as a reference to an
 * `azapi_resource` of type `blobServices` whose own `parent_id` is the account. The first
 * gives the `storage` reference directly; the second is kept as `blobService`, and the graph
 * follows the service's `storage` reference (engine/graph.ts).
 */
function blobServiceRefs(key: string, parentId: Value, refs: Map<string, Value>): void {
  if (key === BLOB_SERVICES) {
    refs.set('storage', parentId);
    return;
  }
  if (key !== CONTAINERS || parentId.kind !== 'unknown' || !parentId.token) return;
  const m = BELOW_ACCOUNT.exec(parentId.token);
  if (m) refs.set('storage', unknown(parentId.reason, parentId.origin, m[1]));
  else refs.set('blobService', parentId);
}

/** Terraform reference keys: a reference evaluates to an unknown value whose token names its target (`tf:azurerm_x.y`). */
export function terraformRefKeys(ref: Value): string[] {
  if (ref.kind === 'unknown' && ref.token) return [ref.token];
  return [];
}
