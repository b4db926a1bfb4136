/**
 * The key of a deployment scope (`eval/arm/deployment-scope.ts` makes them, `engine/graph.ts`
 * compares them): `sub:<subscription>/rg:<resource group>`, each part lower-case and `''` for
 * the scanned template's own; a scope that cannot be read starts with `?` (and one inside it
 * appends `>` and its own key). Written and read only here.
 */

/** The key of a subscription and resource group (`''` for the scanned template's own). */
export function scopeKey(subscription: string, resourceGroup: string): string {
  return `sub:${subscription}/rg:${resourceGroup}`;
}

/** A key's subscription and resource group parts (`''` for the scanned template's own, and for an unreadable key). */
export function splitScopeKey(key: string | undefined): [string, string] {
  const m = key === undefined ? null : /^sub:(.*)\/rg:(.*)$/.exec(key);
  return m ? [m[1]!, m[2]!] : ['', ''];
}

/** The resource group a key names, when it names one (also inside an unreadable scope: `?…>sub:/rg:rg-x`). */
export function scopeResourceGroup(key: string | undefined): string | undefined {
  const m = key === undefined ? null : /\/rg:(.+)$/.exec(key);
  return m ? m[1] : undefined;
}

/** Whether a key is a scope that cannot be read. */
export function isUnknownScope(key: string | undefined): boolean {
  return key?.startsWith('?') === true;
}
