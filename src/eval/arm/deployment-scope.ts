/**
 * Where a nested deployment (an ARM `Microsoft.Resources/deployments`, a Bicep module) puts its
 * resources, as a key compared for equality only: resource names are unique within a resource
 * group, not across them, so one module deployed to `rg-ml-prod` and to `rg-ml-dev` declares
 * two workspaces of one name, and a compute's parent is the one in the compute's own resource
 * group (a child resource lives in its parent's scope). `undefined` is the scanned template's
 * own scope; a scope that cannot be read is a key equal to no other deployment's (the key format: core/scope-key.ts).
 */
import { isUnknownScope, scopeKey, splitScopeKey } from '../../core/scope-key.js';
import type { Value } from '../../core/value.js';

/**
 * A scope that cannot be read, named by the deployment that has it (`at`: where it is written
 * and the chain of deployments above it): equal to every other scope of that deployment and to
 * no other deployment's. Derived from the code, not from a counter, so a unit evaluated twice,
 * or on another thread, keys its resources the same way.
 */
export function unknownScope(at: string): string {
  return `?${at}`;
}

/**
 * The scope of a deployment that names its target: `resourceGroup` and `subscriptionId` values
 * (either may be absent: the enclosing scope's part applies), `subscriptionScope` for the
 * enclosing subscription itself (Bicep `subscription()`), or `other` for a scope this reader
 * does not follow (a management group, a tenant, an extension scope).
 */
export function deploymentScope(
  enclosing: string | undefined,
  target: { resourceGroup?: Value; subscriptionId?: Value; subscriptionScope?: boolean; other?: boolean },
  at: string,
): string | undefined {
  if (target.other) return unknownScope(at);
  const { resourceGroup, subscriptionId } = target;
  if (target.subscriptionScope && subscriptionId === undefined) return isUnknownScope(enclosing) ? unknownScope(at) : scopeKey(splitScopeKey(enclosing)[0], '');
  if (resourceGroup === undefined && subscriptionId === undefined) return enclosing;
  if (isUnknownScope(enclosing)) return unknownScope(at);
  const known = (v: Value | undefined): string | null | undefined => (v === undefined ? undefined : v.kind === 'string' && v.value !== '' ? v.value.toLowerCase() : null);
  const rg = known(resourceGroup);
  const sub = known(subscriptionId);
  if (rg === null || sub === null) return unknownScope(at);
  const [enclosingSub, enclosingRg] = splitScopeKey(enclosing);
  // A new subscription without a resource group deploys at that subscription's scope.
  const subPart = sub ?? enclosingSub;
  const rgPart = rg ?? (sub === undefined ? enclosingRg : '');
  return scopeKey(subPart, rgPart);
}

/**
 * A resource of an inner evaluation (a module's template) placed under the module's scope. Under
 * a scope that cannot be read, an inner deployment's resource group is still one place for all
 * its resources: the unknown outer key with the inner one appended.
 */
export function withinScope(outer: string | undefined, inner: string | undefined): string | undefined {
  if (inner === undefined) return outer;
  if (isUnknownScope(inner) || outer === undefined) return inner;
  if (isUnknownScope(outer)) return `${outer}>${inner}`;
  const [outerSub, outerRg] = splitScopeKey(outer);
  const [innerSub, innerRg] = splitScopeKey(inner);
  return scopeKey(innerSub || outerSub, innerRg || (innerSub ? '' : outerRg));
}
