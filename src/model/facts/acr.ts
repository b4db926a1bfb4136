/**
 * Facts about Azure Container Registry used by the ACR and AML rules.
 *
 * Sources:
 * - "Azure Container Registry service tiers"
 *   (https://learn.microsoft.com/azure/container-registry/container-registry-skus): the SKUs
 *   are Basic, Standard and Premium; private link with private endpoints, public network
 *   access disabled and network (firewall) rules are Premium only.
 * - ARM template reference, Microsoft.ContainerRegistry/registries
 *   (https://learn.microsoft.com/azure/templates/microsoft.containerregistry/registries):
 *   `sku.name` `Basic` | `Classic` | `Premium` | `Standard`; `networkRuleSet.defaultAction`
 *   `Allow` | `Deny`.
 * - "What is a private endpoint?", private-link resource table
 *   (https://learn.microsoft.com/azure/private-link/private-endpoint-overview#private-link-resource):
 *   the sub-resource (group ID) of a container registry is `registry`.
 */

/** The only SKU on which a registry may be network-restricted. */
export const NETWORK_RESTRICTED_SKU = 'Premium';

export function isPremiumSku(sku: string): boolean {
  return sku.toLowerCase() === NETWORK_RESTRICTED_SKU.toLowerCase();
}

/** `networkRuleSet.defaultAction` / `network_rule_set.default_action` that denies by default. */
export function deniesByDefault(defaultAction: string): boolean {
  return defaultAction.toLowerCase() === 'deny';
}

/** The private-link group ID (sub-resource) of a container registry. */
export const REGISTRY_PRIVATE_LINK_GROUP = 'registry';

export function isRegistryGroup(groupId: string): boolean {
  return groupId.toLowerCase() === REGISTRY_PRIVATE_LINK_GROUP;
}
