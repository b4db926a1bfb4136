/**
 * The resource graph of one evaluation: resources indexed by identity, references
 * resolved to resources (DESIGN.md §5).
 */
import type { Evaluation, Resource, ResourceKind } from '../model/resource.js';
import type { Value } from '../core/value.js';
import type { Graph } from './types.js';

/** Identity keys a reference value can match: its token, or a resource id key. */
export type RefKeyFn = (ref: Value) => string[];

export function buildGraph(resources: Resource[], evaluation: Evaluation, refKeys: RefKeyFn): Graph {
  const byIdentity = new Map<string, Resource>();
  for (const r of resources) for (const id of r.identity) if (!byIdentity.has(id)) byIdentity.set(id, r);
  const resolve = (ref: Value | undefined): Resource | undefined => {
    if (!ref) return undefined;
    for (const key of refKeys(ref)) {
      const hit = byIdentity.get(key);
      if (hit) return hit;
    }
    return undefined;
  };
  // Parents from references: node pool → cluster, compute → workspace, rule → NSG.
  for (const r of resources) {
    if (r.parent) continue;
    const parentRef = r.kind === 'aks.nodepool' ? 'cluster' : r.kind === 'ml.compute' ? 'workspace' : r.kind === 'nsg.rule' ? 'nsg' : undefined;
    if (parentRef) r.parent = resolve(r.refs.get(parentRef));
  }
  const byKind = new Map<ResourceKind, Resource[]>();
  for (const r of resources) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  return {
    resources,
    evaluation,
    ofKind: <K extends ResourceKind>(kind: K) => (byKind.get(kind) ?? []) as Resource<K>[],
    target: (from, ref) => resolve(from.refs.get(ref)),
    referrers: (to, kind, ref) => (byKind.get(kind) ?? []).filter((r) => resolve(r.refs.get(ref)) === to),
    resolve,
  };
}
