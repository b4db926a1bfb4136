import type { Rule } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import type { Location } from '../../src/core/source.js';
import type { Value } from '../../src/core/value.js';
import { valueAt } from '../../src/model/normalize.js';
import { displayName, factLocations } from '../../src/engine/facts.js';

/**
 * Taggability (documented in TAG001-missing-required-tags.md, "Which resources are checked").
 *
 * Not taggable — the type has no `tags` argument / ARM `tags` property:
 * azurerm docs (registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/<type>)
 * list no `tags` argument for role assignments/definitions, associations, subnets, NSG rules,
 * locks, diagnostic settings, storage containers/blobs/queues/tables/shares (they have
 * `metadata`), federated identity credentials, key vault access policies. Key Vault secrets,
 * keys and certificates do have `tags`, but those are data-plane metadata, not Azure Resource
 * Manager tags (they never appear in Cost Management or Azure Policy): not checked.
 */
const NOT_TAGGABLE_AZURERM: RegExp[] = [
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
 * azurerm types with a `tags` argument (azurerm docs: "tags - (Optional) A mapping of tags to
 * assign to the resource."): checked even when `tags` is not written. Types in neither list
 * are checked only when they write `tags` (then the argument exists).
 */
const TAGGABLE_AZURERM = new Set([
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
 * ARM types without `tags` (learn.microsoft.com/azure/templates: no `tags` property), lower-case.
 * Other top-level (`Provider/type`) ARM types are tracked resources and accept tags; child types
 * (`Provider/type/child`) are checked only when they write `tags`.
 */
const NOT_TAGGABLE_ARM = new Set([
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

/** Canonical kinds that are taggable resources (an NSG rule is not). */
const TAGGABLE_KINDS = new Set(['ml.workspace', 'ml.compute', 'aks.cluster', 'aks.nodepool', 'keyvault', 'acr', 'storage', 'nsg', 'vm', 'vmss', 'private-endpoint']);

/** The tags value of a resource and where the attribute is written. */
function tagsOf(r: Resource): { value: Value | undefined; location: Location; related: Location[] } {
  if (r.attrs.has('tags')) {
    const f = r.attrs.get('tags')!;
    return { value: f.value, ...factLocations(r, 'tags') };
  }
  const v = valueAt(r.body, 'tags');
  const related = [...(v?.via ?? [])];
  if (v?.origin) related.push({ ...r.header, label: `resource ${r.address}` });
  return { value: v, location: v?.origin ?? r.header, related };
}

/** Whether the rule checks the resource (see the tables above). */
export function isTaggable(r: Resource): boolean {
  // Inline elements (default_node_pool, agentPoolProfiles[], security_rule) belong to their parent.
  if (r.parent && r.identity.length === 0) return false;
  const written = valueAt(r.body, 'tags') !== undefined;
  if (r.format === 'terraform') {
    if (NOT_TAGGABLE_AZURERM.some((re) => re.test(r.sourceType))) return false;
    if (r.kind !== 'other') return TAGGABLE_KINDS.has(r.kind);
    return TAGGABLE_AZURERM.has(r.sourceType) || written;
  }
  const type = r.sourceType.toLowerCase();
  if (NOT_TAGGABLE_ARM.has(type)) return false;
  if (r.kind !== 'other' && TAGGABLE_KINDS.has(r.kind)) return true;
  if (r.kind === 'nsg.rule') return false;
  const segments = type.split('/').length;
  return (segments === 2 && type.includes('.')) || written;
}

const rule: Rule = {
  meta: {
    id: 'TAG001',
    name: 'missing-required-tags',
    shortDescription: 'Taggable resource missing a required tag.',
    fullDescription:
      'Tags are how Azure Cost Management, budgets, chargeback and Azure Policy know who owns a resource and what it is for. An untagged ML workspace, storage account or GPU cluster shows up as unattributed spend nobody can be asked about, escapes tag-based policies and clean-up automation, and is typically found only when the invoice arrives. Tags set after the fact miss all the cost already incurred.',
    help: 'Add every required tag (configured with `requiredTags`) to the resource’s tags, for example through a shared `local.common_tags` merged into each resource’s tags.',
    level: 'warning',
    tags: ['governance', 'cost', 'tags'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    options: {
      required: {
        description: 'Tag names every taggable resource must carry (compared without case). Empty: the rule is inactive.',
        schema: { type: 'array', items: { type: 'string', minLength: 1 } },
        default: [],
        configPath: ['tags', 'required'],
      },
    },
    docPath: 'rules/tags/TAG001-missing-required-tags.md',
  },
  create(ctx) {
    const required = ctx.options.required as string[];
    return {
      graph(g) {
        if (required.length === 0) return; // inactive until configured
        for (const r of g.resources) {
          if (!isTaggable(r)) continue;
          const tags = tagsOf(r);
          const v = tags.value;
          let keys: string[];
          if (!v || v.kind === 'null') keys = [];
          else if (v.kind === 'object') keys = [...v.entries.keys()].map((k) => k.toLowerCase());
          else continue; // unknown tag map (or not a map): never reported
          const missing = required.filter((t) => !keys.includes(t.toLowerCase()));
          if (missing.length === 0) continue;
          const absent = !v || v.kind === 'null';
          const list = missing.map((t) => `"${t}"`).join(', ');
          ctx.report({
            resource: r,
            attributePath: 'tags',
            location: tags.location,
            related: tags.related,
            message: `Resource "${displayName(r)}" (${r.sourceType}) ${absent ? 'has no tags, so it lacks' : 'lacks'} the required tag${missing.length > 1 ? 's' : ''} ${list}; add ${missing.length > 1 ? 'them' : 'it'} to its tags.`,
          });
        }
      },
    };
  },
};
export default rule;
