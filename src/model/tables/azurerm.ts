/**
 * azurerm resource types → canonical kinds and attributes, with provider defaults.
 *
 * Source of every default: the azurerm provider documentation, registry.terraform.io/
 * providers/hashicorp/azurerm/latest/docs/resources/<type> ("Defaults to …"), checked for
 * v3.x and v4.x; where v4 renamed an argument both names are listed (v4 name first).
 */
import type { AttrSpec, KindSpec } from './spec.js';
import { MANUAL_NODE_PROVISIONING } from '../facts/aks.js';

const nodePoolAttrs: AttrSpec[] = [
  { canonical: 'vmSize', paths: ['vm_size'] },
  { canonical: 'taints', paths: ['node_taints'], default: [] },
  { canonical: 'labels', paths: ['node_labels'], default: {} },
  { canonical: 'tags', paths: ['tags'] },
  // v4: auto_scaling_enabled; v3: enable_auto_scaling (renamed in 4.0.0, azurerm 4.0 upgrade
  // guide). Default false. A configuration pinned below 4.0 is told the name its provider takes.
  { canonical: 'autoscale', paths: ['auto_scaling_enabled', 'enable_auto_scaling'], default: false, providerHistory: [{ before: '4.0.0', path: 'enable_auto_scaling' }] },
  { canonical: 'minCount', paths: ['min_count'] },
  { canonical: 'nodeCount', paths: ['node_count'] },
  { canonical: 'name', paths: ['name'] },
  // "priority - (Optional) … Possible values are Regular and Spot. Defaults to Regular."
  { canonical: 'priority', paths: ['priority'], default: 'Regular' },
];

/** A cluster's `default_node_pool`: a pool's arguments and `only_critical_addons_enabled` ("Defaults to false"; facts/aks.ts CRITICAL_ADDONS_TAINT). */
const defaultNodePoolAttrs: AttrSpec[] = [...nodePoolAttrs, { canonical: 'criticalAddonsOnly', paths: ['only_critical_addons_enabled'], default: false }];

/**
 * azurerm 1.x's `agent_pool_profile` blocks (superseded by `default_node_pool`, removed in 2.0;
 * azurerm 1.x docs, kubernetes_cluster: "One or more agent_pool_profile blocks"): each is a pool
 * of the cluster, the first its system pool. Its arguments: `name`, `count` ("Defaults to 1"),
 * `vm_size`, `enable_auto_scaling`, `min_count`, `node_taints`; no labels, tags or priority
 * exist on it. `enable_auto_scaling` is a bool the provider sends as false when unset, as the
 * same page documents for `default_node_pool` ("Defaults to false").
 */
const agentPoolProfileAttrs: AttrSpec[] = [
  { canonical: 'vmSize', paths: ['vm_size'] },
  { canonical: 'taints', paths: ['node_taints'], default: [] },
  { canonical: 'labels', paths: ['node_labels'], default: {} },
  { canonical: 'autoscale', paths: ['enable_auto_scaling'], default: false },
  { canonical: 'minCount', paths: ['min_count'] },
  { canonical: 'nodeCount', paths: ['count'], default: 1 },
  { canonical: 'name', paths: ['name'] },
  { canonical: 'priority', paths: ['priority'], default: 'Regular' },
];

/**
 * AML computes: "local_auth_enabled - (Optional) Whether local authentication methods is enabled.
 * Defaults to true." The provider always sends `disableLocalAuth: !local_auth_enabled`
 * (machine_learning_compute_cluster_resource.go, machine_learning_compute_instance_resource.go):
 * ARM `disableLocalAuth`, read only by Azure Policy's view. The default is the ARM value (false).
 */
const localAuthAttr: AttrSpec = {
  canonical: 'disableLocalAuth',
  paths: ['local_auth_enabled'],
  default: false,
  convert: 'invertBool',
  // Added in 2.84.0 (CHANGELOG: "support for the `local_auth_enabled` property", #13820): an older
  // provider sends no disableLocalAuth (self-review 92).
  providerHistory: [{ before: '2.84.0', default: undefined }],
};

export const AZURERM_TABLE: Record<string, KindSpec> = {
  azurerm_machine_learning_workspace: {
    kind: 'ml.workspace',
    attrs: [
      // "public_network_access_enabled - (Optional) Enable public access when this Machine Learning Workspace is behind VNet. Defaults to true."
      { canonical: 'publicNetworkAccess', paths: ['public_network_access_enabled'], default: true },
      { canonical: 'imageBuildCompute', paths: ['image_build_compute_name'] },
      // "high_business_impact - (Optional) Flag to signal High Business Impact (HBI) data in the
      // workspace …" (renamed from hbi_enabled before release, hashicorp/terraform-provider-azurerm#7703):
      // ARM `hbiWorkspace`. No default is documented: absent, not known (Azure Policy's view; review 90).
      { canonical: 'hbiWorkspace', paths: ['high_business_impact'], absentUnknown: true },
      { canonical: 'tags', paths: ['tags'] },
    ],
    refs: { containerRegistry: ['container_registry_id'], keyVault: ['key_vault_id'], storage: ['storage_account_id'] },
  },
  // An AI Foundry hub is an ML workspace of kind Hub (its projects inherit its network settings).
  azurerm_ai_foundry: {
    kind: 'ml.workspace',
    fixed: { workspaceKind: 'Hub' },
    attrs: [
      // "public_network_access - (Optional) … Possible values include Enabled and Disabled. Defaults to Enabled."
      { canonical: 'publicNetworkAccess', paths: ['public_network_access'], default: true, convert: 'enabledToBool' },
      { canonical: 'tags', paths: ['tags'] },
    ],
    refs: { containerRegistry: ['container_registry_id'], keyVault: ['key_vault_id'], storage: ['storage_account_id'] },
  },
  azurerm_machine_learning_compute_cluster: {
    kind: 'ml.compute',
    fixed: { computeType: 'cluster' },
    attrs: [
      { canonical: 'vmSize', paths: ['vm_size'] },
      { canonical: 'minNodeCount', paths: ['scale_settings.0.min_node_count'] },
      { canonical: 'maxNodeCount', paths: ['scale_settings.0.max_node_count'] },
      // "node_public_ip_enabled - … Defaults to true."
      { canonical: 'nodePublicIp', paths: ['node_public_ip_enabled'], default: true },
      // "subnet_resource_id - (Optional) The ID of the Subnet that the Compute Cluster should reside in."
      // and scale_settings "scale_down_nodes_after_idle_duration - (Required) Node Idle Time Before
      // Scale Down …": ARM `subnet.id`, `scaleSettings.nodeIdleTimeBeforeScaleDown` (Azure Policy's view).
      { canonical: 'subnet', paths: ['subnet_resource_id'], absentUnknown: true },
      { canonical: 'idleBeforeScaleDown', paths: ['scale_settings.0.scale_down_nodes_after_idle_duration'], absentUnknown: true },
      localAuthAttr,
      // "ssh_public_access_enabled - (Optional) A boolean value indicating whether enable the public
      // SSH port." The provider sends `remoteLoginPortPublicAccess: Enabled` for true, `Disabled`
      // otherwise (machine_learning_compute_cluster_resource.go); no default is documented (the
      // argument is Computed): left out, not known.
      { canonical: 'remoteLoginPortPublicAccess', paths: ['ssh_public_access_enabled'], convert: 'boolToEnabled', absentUnknown: true },
      { canonical: 'tags', paths: ['tags'] },
      { canonical: 'name', paths: ['name'] },
    ],
    refs: { workspace: ['machine_learning_workspace_id'] },
  },
  azurerm_machine_learning_compute_instance: {
    kind: 'ml.compute',
    fixed: { computeType: 'instance' },
    attrs: [
      { canonical: 'vmSize', paths: ['virtual_machine_size'] },
      { canonical: 'nodePublicIp', paths: ['node_public_ip_enabled'], default: true },
      // "subnet_resource_id - (Optional) Virtual network subnet resource ID the compute nodes belong to." (ARM `subnet.id`)
      { canonical: 'subnet', paths: ['subnet_resource_id'], absentUnknown: true },
      localAuthAttr,
      { canonical: 'tags', paths: ['tags'] },
      { canonical: 'name', paths: ['name'] },
    ],
    refs: { workspace: ['machine_learning_workspace_id'] },
  },
  // Attached computes (an AKS inference cluster, a Synapse Spark pool): computes of the workspace
  // that are no AML compute cluster (AML003: an image build cannot run on them). Docs:
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_inference_cluster
  // and …/machine_learning_synapse_spark ("machine_learning_workspace_id - (Required)").
  azurerm_machine_learning_inference_cluster: {
    kind: 'ml.compute',
    fixed: { computeType: 'aks' },
    attrs: [
      { canonical: 'tags', paths: ['tags'] },
      { canonical: 'name', paths: ['name'] },
    ],
    refs: { workspace: ['machine_learning_workspace_id'] },
  },
  azurerm_machine_learning_synapse_spark: {
    kind: 'ml.compute',
    fixed: { computeType: 'synapseSpark' },
    attrs: [
      { canonical: 'tags', paths: ['tags'] },
      { canonical: 'name', paths: ['name'] },
    ],
    refs: { workspace: ['machine_learning_workspace_id'] },
  },
  azurerm_kubernetes_cluster: {
    kind: 'aks.cluster',
    attrs: [
      { canonical: 'tags', paths: ['tags'] },
      { canonical: 'name', paths: ['name'] },
      // "node_provisioning_profile - mode: Auto or Manual" (required since azurerm 5.x); without it, Manual (facts/aks.ts).
      { canonical: 'nodeProvisioningMode', paths: ['node_provisioning_profile.0.mode'], default: MANUAL_NODE_PROVISIONING },
    ],
    elements: [
      // The default node pool is the cluster's system pool.
      { kind: 'aks.nodepool', path: 'default_node_pool', attrs: defaultNodePoolAttrs, fixed: { mode: 'System', isDefault: true }, namePath: 'name' },
      { kind: 'aks.nodepool', path: 'agent_pool_profile', attrs: agentPoolProfileAttrs, firstDefaults: { mode: 'System', isDefault: true }, namePath: 'name' },
    ],
  },
  azurerm_kubernetes_cluster_node_pool: {
    kind: 'aks.nodepool',
    attrs: [
      ...nodePoolAttrs,
      // "mode - (Optional) Should this Node Pool be used for System or User resources? Defaults to User."
      { canonical: 'mode', paths: ['mode'], default: 'User' },
    ],
    refs: { cluster: ['kubernetes_cluster_id'] },
  },
  azurerm_key_vault: {
    kind: 'keyvault',
    attrs: [
      // "purge_protection_enabled - (Optional) Is Purge Protection enabled for this Key Vault?" Defaults to false.
      { canonical: 'purgeProtection', paths: ['purge_protection_enabled'], default: false },
      // v4.42+: rbac_authorization_enabled; before: enable_rbac_authorization (the new name "was
      // introduced in azurerm v4.42.0", Azure/terraform-azurerm-avm-res-keyvault-vault#254, #329;
      // 4.37 rejects it, hashicorp/terraform-provider-azurerm#31406). Defaults to false.
      { canonical: 'rbacAuthorization', paths: ['rbac_authorization_enabled', 'enable_rbac_authorization'], default: false, providerHistory: [{ before: '4.42.0', path: 'enable_rbac_authorization' }] },
      // "access_policy - (Optional) A list of up to 1024 objects describing access policies."
      { canonical: 'accessPolicies', paths: ['access_policy'] },
      { canonical: 'tags', paths: ['tags'] },
    ],
  },
  // "Manages a Key Vault Access Policy": key_vault_id names the vault it adds a policy to.
  azurerm_key_vault_access_policy: { kind: 'keyvault.accesspolicy', attrs: [], refs: { keyVault: ['key_vault_id'] } },
  azurerm_container_registry: {
    kind: 'acr',
    attrs: [
      { canonical: 'sku', paths: ['sku'] },
      // "admin_enabled - (Optional) Specifies whether the admin user is enabled. Defaults to false."
      { canonical: 'adminEnabled', paths: ['admin_enabled'], default: false },
      // "public_network_access_enabled - (Optional) Whether public network access is allowed. Defaults to true."
      { canonical: 'publicNetworkAccess', paths: ['public_network_access_enabled'], default: true },
      // network_rule_set.default_action: "Defaults to Allow."
      { canonical: 'networkDefaultAction', paths: ['network_rule_set.0.default_action'], default: 'Allow' },
      { canonical: 'tags', paths: ['tags'] },
    ],
  },
  azurerm_storage_account: {
    kind: 'storage',
    attrs: [
      // v3+/v4: allow_nested_items_to_be_public "Allow or disallow nested items within this Account
      // to opt into being public. Defaults to true." (the provider sends true, whatever the ARM
      // default). v2: allow_blob_public_access, "Defaults to `false`." (v2 docs); renamed in 3.0.0
      // (CHANGELOG 3.0.0: "the `allow_blob_public_access` property has been renamed to
      // `allow_nested_items_to_be_public`", #12689).
      {
        canonical: 'allowBlobPublicAccess',
        paths: ['allow_nested_items_to_be_public', 'allow_blob_public_access'],
        default: true,
        providerHistory: [{ before: '3.0.0', path: 'allow_blob_public_access', default: false }],
      },
      // min_tls_version: "Defaults to TLS1_2 for new storage accounts" (v3.0+, CHANGELOG 3.0.0 "now
      // defaults to `1.2`", #10276); v2: "Defaults to `TLS1_0` for new storage accounts."
      { canonical: 'minTls', paths: ['min_tls_version'], default: 'TLS1_2', providerHistory: [{ before: '3.0.0', default: 'TLS1_0' }] },
      // "account_kind - (Optional) Defines the Kind of account. Valid options are BlobStorage,
      // BlockBlobStorage, FileStorage, Storage and StorageV2. Defaults to StorageV2."
      { canonical: 'accountKind', paths: ['account_kind'], default: 'StorageV2' },
      { canonical: 'tags', paths: ['tags'] },
    ],
  },
  azurerm_storage_container: {
    kind: 'storage.container',
    attrs: [
      // "container_access_type - (Optional) … Possible values are blob, container or private. Defaults to private."
      { canonical: 'publicAccess', paths: ['container_access_type'], default: 'private' },
      { canonical: 'name', paths: ['name'] },
    ],
    // v4: storage_account_id; v3 (deprecated in v4): storage_account_name, matched by name in the graph.
    refs: { storage: ['storage_account_id', 'storage_account_name'] },
  },
  azurerm_linux_virtual_machine: { kind: 'vm', attrs: [{ canonical: 'vmSize', paths: ['size'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }] },
  azurerm_windows_virtual_machine: { kind: 'vm', attrs: [{ canonical: 'vmSize', paths: ['size'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }] },
  azurerm_virtual_machine: { kind: 'vm', attrs: [{ canonical: 'vmSize', paths: ['vm_size'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }] },
  azurerm_linux_virtual_machine_scale_set: { kind: 'vmss', attrs: [{ canonical: 'vmSize', paths: ['sku'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }] },
  azurerm_windows_virtual_machine_scale_set: { kind: 'vmss', attrs: [{ canonical: 'vmSize', paths: ['sku'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }] },
  azurerm_orchestrated_virtual_machine_scale_set: { kind: 'vmss', attrs: [{ canonical: 'vmSize', paths: ['sku_name'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }] },
  // The legacy scale set (superseded by the linux/windows ones, still in the provider): its size is
  // the `sku` block's `name` ("sku - (Required) A sku block …: name - (Required) Specifies the size of virtual machines in a scale set").
  azurerm_virtual_machine_scale_set: { kind: 'vmss', attrs: [{ canonical: 'vmSize', paths: ['sku.0.name'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }] },
  azurerm_network_security_group: {
    kind: 'nsg',
    attrs: [{ canonical: 'tags', paths: ['tags'] }],
    elements: [{ kind: 'nsg.rule', path: 'security_rule', attrs: nsgRuleAttrs(), namePath: 'name' }],
  },
  azurerm_network_security_rule: {
    kind: 'nsg.rule',
    attrs: nsgRuleAttrs(),
    refs: { nsg: ['network_security_group_name'] },
  },
  azurerm_private_endpoint: {
    kind: 'private-endpoint',
    attrs: [
      { canonical: 'targets', paths: ['private_service_connection.0.private_connection_resource_id'] },
      { canonical: 'groupIds', paths: ['private_service_connection.0.subresource_names'], default: [] },
      { canonical: 'tags', paths: ['tags'] },
    ],
    refs: { target: ['private_service_connection.0.private_connection_resource_id'] },
  },
};

function nsgRuleAttrs(): AttrSpec[] {
  return [
    { canonical: 'name', paths: ['name'] },
    { canonical: 'direction', paths: ['direction'] },
    { canonical: 'access', paths: ['access'] },
    { canonical: 'protocol', paths: ['protocol'] },
    { canonical: 'destinationPort', paths: ['destination_port_range'] },
    { canonical: 'destinationPorts', paths: ['destination_port_ranges'] },
    { canonical: 'sourceAddress', paths: ['source_address_prefix'] },
    { canonical: 'sourceAddresses', paths: ['source_address_prefixes'] },
  ];
}
