/**
 * Which resources carry Azure Resource Manager tags (TAG001; documented in
 * rules/tags/TAG001-missing-required-tags.md, "Which resources are checked").
 *
 * Sources:
 * - azurerm resource documentation
 *   (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/<type>):
 *   the types below either list no `tags` argument, or list "tags - (Optional) A mapping of
 *   tags to assign to the resource." Storage containers, blobs, queues, tables and shares have
 *   `metadata`, not tags. Key Vault secrets, keys and certificates do have `tags`, but those
 *   are data-plane metadata, not Azure Resource Manager tags (they never appear in Cost
 *   Management or Azure Policy): not checked.
 * - ARM template reference (https://learn.microsoft.com/azure/templates/): the types in
 *   `NOT_TAGGABLE_ARM` have no `tags` property; top-level (`Provider/type`) types are tracked
 *   resources and accept tags ("Use tags to organize your Azure resources",
 *   https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources).
 * - "Use Azure tags in AKS" (https://learn.microsoft.com/azure/aks/use-tags): node pools do
 *   not inherit the cluster's tags (TAG002).
 */
import type { Resource } from '../resource.js';
import type { ResourceKind } from '../kinds.js';
import { isInlineElement } from '../normalize.js';
import { valueAt } from '../value-path.js';

/** azurerm types without a `tags` argument (or with data-plane tags only): never checked. */
export const NOT_TAGGABLE_AZURERM: readonly RegExp[] = [
  /_association$/,
  /^azurerm_role_(assignment|definition)$/,
  /^azurerm_pim_/,
  /^azurerm_subnet$/,
  /^azurerm_network_security_rule$/,
  /^azurerm_(management_)?lock$/,
  /^azurerm_monitor_diagnostic_setting$/,
  /^azurerm_storage_(container|blob|queue|table|share|share_directory|data_lake_gen2_filesystem|management_policy)$/,
  /^azurerm_federated_identity_credential$/,
  /^azurerm_key_vault_(access_policy|secret|key|certificate)$/,
  /_policy_assignment$/,
  /^azurerm_resource_provider_registration$/,
];

/**
 * azurerm types with a `tags` argument: checked even when `tags` is not written. Types in
 * neither list are checked only when they write `tags` (then the argument exists).
 */
export const TAGGABLE_AZURERM: ReadonlySet<string> = new Set([
  'azurerm_resource_group',
  'azurerm_virtual_network',
  'azurerm_public_ip',
  'azurerm_network_interface',
  'azurerm_nat_gateway',
  'azurerm_route_table',
  'azurerm_bastion_host',
  'azurerm_firewall',
  'azurerm_application_gateway',
  'azurerm_lb',
  'azurerm_private_dns_zone',
  'azurerm_private_dns_zone_virtual_network_link',
  'azurerm_user_assigned_identity',
  'azurerm_log_analytics_workspace',
  'azurerm_application_insights',
  'azurerm_managed_disk',
  'azurerm_machine_learning_inference_cluster',
  'azurerm_machine_learning_synapse_spark',
  'azurerm_cognitive_account',
  'azurerm_search_service',
  'azurerm_databricks_workspace',
  'azurerm_data_factory',
  'azurerm_synapse_workspace',
  'azurerm_cosmosdb_account',
  'azurerm_mssql_server',
  'azurerm_mssql_database',
  'azurerm_postgresql_flexible_server',
  'azurerm_eventhub_namespace',
  'azurerm_servicebus_namespace',
  'azurerm_service_plan',
  'azurerm_linux_web_app',
  'azurerm_linux_function_app',
  'azurerm_container_app',
  'azurerm_container_app_environment',
  'azurerm_container_group',
]);

/**
 * ARM types without `tags`, lower-case. Other top-level (`Provider/type`) ARM types are
 * tracked resources and accept tags; child types (`Provider/type/child`) are checked only
 * when they write `tags`.
 */
export const NOT_TAGGABLE_ARM: ReadonlySet<string> = new Set([
  'microsoft.authorization/roleassignments',
  'microsoft.authorization/roledefinitions',
  'microsoft.authorization/locks',
  'microsoft.authorization/policyassignments',
  'microsoft.authorization/policydefinitions',
  'microsoft.insights/diagnosticsettings',
  'microsoft.network/virtualnetworks/subnets',
  'microsoft.network/networksecuritygroups/securityrules',
  'microsoft.storage/storageaccounts/blobservices/containers',
  'microsoft.managedidentity/userassignedidentities/federatedidentitycredentials',
  'microsoft.keyvault/vaults/accesspolicies',
  'microsoft.keyvault/vaults/secrets',
]);

/**
 * ARM types that accept tags but are checked only when they write them: a deployment (every
 * Bicep `module`, every nested template) is not a tracked resource — no location at resource
 * group scope, so Azure Policy's `indexed` mode (the mode of tag policies) skips it — and its
 * tags never reach cost reports ("Tag support for Azure resources": Microsoft.Resources
 * deployments, "Supports tags: Yes, Tag in cost report: No").
 */
const TAGS_OPTIONAL_ARM: ReadonlySet<string> = new Set(['microsoft.resources/deployments']);

/** Canonical kinds that are taggable resources (an NSG rule is not). */
const TAGGABLE_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['ml.workspace', 'ml.compute', 'aks.cluster', 'aks.nodepool', 'keyvault', 'acr', 'storage', 'nsg', 'vm', 'vmss', 'private-endpoint']);

/** Whether the resource carries Azure Resource Manager tags (see the tables above). */
export function isTaggable(r: Resource): boolean {
  if (isInlineElement(r)) return false;
  if (r.format === 'k8s') return false; // Kubernetes objects carry labels, not Azure tags
  const written = valueAt(r.body, 'tags') !== undefined;
  if (r.format === 'terraform') {
    if (NOT_TAGGABLE_AZURERM.some((re) => re.test(r.sourceType))) return false;
    if (r.kind !== 'other') return TAGGABLE_KINDS.has(r.kind);
    return TAGGABLE_AZURERM.has(r.sourceType) || written;
  }
  // Every `az` command of the table creates a tracked resource (`az group create` is kind
  // `other`; an NSG rule is the only untaggable kind, excluded below).
  if (r.format === 'azure-cli' && r.kind === 'other') return true;
  const type = r.sourceType.toLowerCase();
  if (NOT_TAGGABLE_ARM.has(type)) return false;
  if (TAGS_OPTIONAL_ARM.has(type)) return written;
  if (r.kind !== 'other' && TAGGABLE_KINDS.has(r.kind)) return true;
  if (r.kind === 'nsg.rule') return false;
  return isTopLevelArmType(type) || written;
}

/** A top-level ARM type (`provider.namespace/type`, lower-cased): a tracked resource. */
function isTopLevelArmType(type: string): boolean {
  return type.split('/').length === 2 && type.includes('.');
}

/**
 * Child ARM types that are tracked resources, with a top-level `location` and `tags` (the Azure ML
 * compute, online and batch endpoint and deployment templates: "Microsoft.MachineLearningServices
 * workspaces/computes", ARM template reference).
 */
const TRACKED_CHILD_ARM: ReadonlySet<string> = new Set([
  'microsoft.machinelearningservices/workspaces/computes',
  'microsoft.machinelearningservices/workspaces/onlineendpoints',
  'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments',
  'microsoft.machinelearningservices/workspaces/batchendpoints',
  'microsoft.machinelearningservices/workspaces/batchendpoints/deployments',
]);

/**
 * Whether an ARM type takes `tags` and `location` at its top, as a tracked resource does (the
 * azapi provider's default_tags/default_location go only to such types): a top-level type but the
 * untaggable ones and deployments, or a tracked child type.
 */
export function takesTagsAndLocation(armType: string): boolean {
  const type = armType.toLowerCase();
  if (NOT_TAGGABLE_ARM.has(type) || TAGS_OPTIONAL_ARM.has(type)) return false;
  return isTopLevelArmType(type) || TRACKED_CHILD_ARM.has(type);
}

/** Tag names compare case-insensitively (Azure Resource Manager tag names are case-insensitive). */
export function sameTagName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A tag as one string, for sets of tags: the name compared as `sameTagName` does, the value as
 * written ("Tag names are case-insensitive for operations. … Tag values are case-sensitive",
 * Microsoft Learn, "Use tags to organize your Azure resources and management hierarchy").
 */
export function tagKey(name: string, value: string): string {
  return `${name.toLowerCase()}\u0000${value}`;
}
