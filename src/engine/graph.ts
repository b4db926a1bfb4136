/**
 * The resource graph of one evaluation: resources indexed by identity, references
 * resolved to resources (DESIGN.md §5).
 */
import type { Evaluation, OpaqueModuleCall, Resource, ResourceKind } from '../model/resource.js';
import { isUnknownScope, scopeResourceGroup } from '../core/scope-key.js';
import type { Value } from '../core/value.js';
import { SIZED_KINDS } from '../model/kinds.js';
import { tagKey } from '../model/facts/tags.js';
import type { Graph } from './types.js';

/** Identity keys a reference value can match: its token, or a resource id key. */
export type RefKeyFn = (ref: Value) => string[];

/** The reference that names a kind's parent. */
const PARENT_REF: Partial<Record<ResourceKind, string>> = {
  'aks.nodepool': 'cluster',
  'ml.compute': 'workspace',
  'nsg.rule': 'nsg',
  'keyvault.accesspolicy': 'keyVault',
  'storage.container': 'storage',
};

/** Kinds whose parent reference may be the parent's name (azurerm v3 `storage_account_name`), and the parent's kind. */
const PARENT_BY_NAME: Partial<Record<ResourceKind, ResourceKind>> = { 'storage.container': 'storage' };

/** The parent named by a known name in `ref` (a name is unique per kind within one evaluation). */
function byName(resources: Resource[], r: Resource, ref: string): Resource | undefined {
  const kind = PARENT_BY_NAME[r.kind];
  const v = r.refs.get(ref);
  if (!kind || v?.kind !== 'string') return undefined;
  const hits = resources.filter((p) => p.kind === kind && p.name?.kind === 'string' && p.name.value === v.value);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The resource group a reference's id writes as text (`/resourceGroups/rg-ml-dev/`), lower-case; undefined when it writes none or an expression. */
function writtenResourceGroup(ref: Value): string | undefined {
  const text = ref.kind === 'string' ? ref.value : ref.kind === 'unknown' ? ref.token : undefined;
  const m = text === undefined ? null : /\/resourceGroups\/([^/{}[\]()'"]+)\//i.exec(text);
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Whether the one resource of a name the scan has is not the one a reference names, by scope
 * (ARM and Bicep, whose resources know the scope they are deployed to): the reference writes a
 * resource group (`resourceId('shared-rg', …)`, an `existing` resource scoped there) that is not
 * the resource's (or its group is the deployment's own, whose name is not known); or a child's
 * parent, which is always in the child's own scope, is in another one (a module deployed to
 * another group, under an `existing` workspace of the same name). Not guessed: no link.
 */
function elsewhere(hit: Resource, ref: Value, from: Resource | undefined, parent: boolean): boolean {
  if (hit.format !== 'arm' && hit.format !== 'bicep') return false;
  const rg = writtenResourceGroup(ref);
  if (rg !== undefined && scopeResourceGroup(hit.scope) !== rg) return true;
  // (Scopes that cannot be read, `resourceGroup(rg.name)` with an unknown name, are not told apart.)
  return parent && from !== undefined && (from.format === 'arm' || from.format === 'bicep') && from.scope !== hit.scope && !isUnknownScope(from.scope) && !isUnknownScope(hit.scope);
}

export function buildGraph(resources: Resource[], evaluation: Evaluation, refKeys: RefKeyFn, opaqueModules: readonly OpaqueModuleCall[] = [], unboundCalls: readonly OpaqueModuleCall[] = [], inertResources: readonly Resource[] = []): Graph {
  const byIdentity = new Map<string, Resource>();
  // Identities that resources in different scopes share (one module deployed to two resource
  // groups declares two workspaces of one name): every claimant, first one first.
  const scopedApart = new Map<string, Resource[]>();
  for (const r of resources) {
    for (const id of r.identity) {
      const first = byIdentity.get(id);
      if (!first) byIdentity.set(id, r);
      else if (first.scope !== r.scope || scopedApart.has(id)) {
        const all = scopedApart.get(id);
        if (all) all.push(r);
        else scopedApart.set(id, [first, r]);
      }
    }
  }
  /**
   * The resource a reference from `from` names. A name several scopes share: the one in the
   * resource group the reference writes (`/resourceGroups/rg-ml-dev/…`), else the one in the
   * referrer's own scope (`acr.id`, `resourceId(type, name)` and a child's parent resolve in the
   * deployment that writes them); no referrer, or no claimant there: not guessed at.
   */
  const resolve = (ref: Value | undefined, from?: Resource, parent = false): Resource | undefined => {
    if (!ref) return undefined;
    for (const key of refKeys(ref)) {
      const apart = scopedApart.get(key);
      if (apart) {
        const rg = writtenResourceGroup(ref);
        if (rg !== undefined) {
          const inGroup = apart.filter((r) => scopeResourceGroup(r.scope) === rg);
          return inGroup.length === 1 ? inGroup[0] : undefined;
        }
        return from ? apart.find((r) => r.scope === from.scope) : undefined;
      }
      const hit = byIdentity.get(key);
      if (hit) return elsewhere(hit, ref, from, parent) ? undefined : hit;
    }
    return undefined;
  };
  // An azapi container whose parent_id is its blob service: the service's own parent_id
  // (from-terraform.ts blobServiceRefs) is the storage account.
  const viaBlobService = (r: Resource): Resource | undefined => {
    const svc = r.kind === 'storage.container' ? resolve(r.refs.get('blobService'), r) : undefined;
    return svc ? resolve(svc.refs.get('storage'), svc) : undefined;
  };
  // Parents from references: node pool → cluster, compute → workspace, rule → NSG,
  // access policy → vault, blob container → storage account.
  for (const r of resources) {
    if (r.parent) continue;
    const parentRef = PARENT_REF[r.kind];
    if (parentRef) r.parent = resolve(r.refs.get(parentRef), r, true) ?? byName(resources, r, parentRef) ?? viaBlobService(r);
  }
  markProjectTags(resources);
  const byKind = new Map<ResourceKind, Resource[]>();
  for (const r of resources) {
    const same = byKind.get(r.kind);
    if (same) same.push(r);
    else byKind.set(r.kind, [r]);
  }
  // Who refers to whom, per (kind, reference), built on first use: a rule asking for the
  // referrers of every resource stays linear instead of filtering all resources each time.
  const referrerIndex = new Map<string, Map<Resource, Resource[]>>();
  const referrersOf = (kind: ResourceKind, ref: string): Map<Resource, Resource[]> => {
    const key = `${kind}\u0000${ref}`;
    let index = referrerIndex.get(key);
    if (!index) {
      index = new Map();
      for (const r of byKind.get(kind) ?? []) {
        const target = resolve(r.refs.get(ref), r);
        if (!target) continue;
        const list = index.get(target);
        if (list) list.push(r);
        else index.set(target, [r]);
      }
      referrerIndex.set(key, index);
    }
    return index;
  };
  return {
    resources,
    evaluation,
    opaqueModules,
    unboundCalls,
    inertResources,
    ofKind: <K extends ResourceKind>(kind: K) => (byKind.get(kind) ?? []) as Resource<K>[],
    target: (from, ref) => resolve(from.refs.get(ref), from),
    referrers: (to, kind, ref) => referrersOf(kind, ref).get(to) ?? [],
    sameTarget: (a, b) => {
      if (!a || !b) return false;
      const keys = new Set(refKeys(a));
      return refKeys(b).some((k) => keys.has(k));
    },
    refersTo: (v, to) => someLeaf(v, (leaf) => resolve(leaf) === to),
  };
}

const SIZED: ReadonlySet<ResourceKind> = new Set(SIZED_KINDS);

/**
 * Sets `Resource.projectTags` on the node pools and computes: the known tags (name and value) their
 * parent carries too (the cluster of a pool, the workspace of a compute). A tags map written once
 * for the whole project (`tags = var.tags` on the cluster and every pool, `Project =
 * "aks-gpu-demo"`) describes the project; were it read as each pool's GPU intent (RULES.md GPU001),
 * the CPU system pool of every GPU project would be reported (review 66, two repositories). Only
 * the parent: a VM's `role = "gpu-inference"` written on the VM and its NSG is still the VM's own
 * (self-review 67), and the parent is modelled in every format (a resource group is not).
 */
function markProjectTags(resources: readonly Resource[]): void {
  for (const r of resources) {
    if (!SIZED.has(r.kind) || !r.parent || SIZED.has(r.parent.kind)) continue;
    const tags = r.parent.attrs.get('tags')?.value;
    // Tags not known (`merge(var.tags, …)` with an unknown map): any of the pool's may be the project's.
    if (tags?.kind === 'unknown') {
      r.projectTags = 'unknown';
      continue;
    }
    if (tags?.kind !== 'object') continue;
    const shared = new Set<string>();
    for (const [k, v] of tags.entries) if (v.kind === 'string') shared.add(tagKey(k, v.value));
    if (shared.size > 0) r.projectTags = shared;
  }
}

/** Members deeper than this are not searched (a value is a tree; hostile input may nest deeply). */
const MAX_REFERENCE_DEPTH = 16;

/** Whether `test` holds for `v` or a member of it (objects and lists, MAX_REFERENCE_DEPTH levels). */
function someLeaf(v: Value, test: (leaf: Value) => boolean, depth = 0): boolean {
  if (test(v)) return true;
  if (depth >= MAX_REFERENCE_DEPTH) return false;
  if (v.kind === 'object') for (const m of v.entries.values()) if (someLeaf(m, test, depth + 1)) return true;
  if (v.kind === 'list') for (const m of v.items) if (someLeaf(m, test, depth + 1)) return true;
  return false;
}
