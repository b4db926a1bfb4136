/**
 * Where a nested deployment (an ARM `Microsoft.Resources/deployments`, a Bicep module) puts its
 * resources, as a key compared for equality only: resource names are unique within a resource
 * group, not across them, so one module deployed to `rg-ml-prod` and to `rg-ml-dev` declares
 * two workspaces of one name, and a compute's parent is the one in the compute's own resource
 * group (a child resource lives in its parent's scope). `undefined` is the scanned template's
 * own scope; a scope that cannot be read is a key equal to no other scope's.
 */
import type { Value } from '../../core/value.js';

/** Unknown scopes are unique across the whole run (module evaluations nest separate evaluators). */
let unknownScopes = 0;

/** A scope that cannot be read: equal to no other. */
export function unknownScope(): string {
  unknownScopes += 1;
  return `?${unknownScopes}`;
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
): string | undefined {
  if (target.other) return unknownScope();
  const { resourceGroup, subscriptionId } = target;
  if (target.subscriptionScope && subscriptionId === undefined) return enclosing?.startsWith('?') ? unknownScope() : `sub:${splitScope(enclosing)[0]}/rg:`;
  if (resourceGroup === undefined && subscriptionId === undefined) return enclosing;
  if (enclosing?.startsWith('?')) return unknownScope();
  const known = (v: Value | undefined): string | null | undefined => (v === undefined ? undefined : v.kind === 'string' && v.value !== '' ? v.value.toLowerCase() : null);
  const rg = known(resourceGroup);
  const sub = known(subscriptionId);
  if (rg === null || sub === null) return unknownScope();
  const [enclosingSub, enclosingRg] = splitScope(enclosing);
  // A new subscription without a resource group deploys at that subscription's scope.
  const subPart = sub ?? enclosingSub;
  const rgPart = rg ?? (sub === undefined ? enclosingRg : '');
  return `sub:${subPart}/rg:${rgPart}`;
}

/** A scope key's subscription and resource group parts ('' for the scanned template's own). */
function splitScope(scope: string | undefined): [string, string] {
  const m = scope === undefined ? null : /^sub:(.*)\/rg:(.*)$/.exec(scope);
  return m ? [m[1]!, m[2]!] : ['', ''];
}

/** A resource of an inner evaluation (a module's template) placed under the module's scope. */
export function withinScope(outer: string | undefined, inner: string | undefined): string | undefined {
  if (inner === undefined) return outer;
  if (inner.startsWith('?') || outer === undefined) return inner;
  if (outer.startsWith('?')) return unknownScope();
  const [outerSub, outerRg] = splitScope(outer);
  const [innerSub, innerRg] = splitScope(inner);
  return `sub:${innerSub || outerSub}/rg:${innerRg || (innerSub ? '' : outerRg)}`;
}
