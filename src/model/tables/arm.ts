/**
 * ARM resource types (also the shape of azapi `body`) → canonical kinds and attributes,
 * with ARM defaults.
 *
 * Sources: the ARM template reference, learn.microsoft.com/azure/templates/<provider>/<type>,
 * and the REST API defaults it documents:
 * - workspaces `publicNetworkAccess`: "Whether requests from Public Network are allowed" (absent → Enabled).
 * - computes `enableNodePublicIp`: "Enable or disable node public IP address provisioning" (default true).
 * - workspaces `allowPublicAccessWhenBehindVnet`: "The flag to indicate whether to allow public
 *   access when behind VNet" (absent = false); `kind` (`Default`, `Hub`, `Project`, …) and
 *   `hubResourceId` of a project.
 * - vaults `enablePurgeProtection` (absent = not enabled). `enableRbacAuthorization`: absent =
 *   access policies before API version 2026-02-01; from 2026-02-01 a new vault is created with
 *   Azure RBAC ("Prepare for Key Vault API version 2026-02-01 and later: Azure RBAC as default
 *   access control", https://learn.microsoft.com/azure/key-vault/general/access-control-default).
 *   `accessPolicies`: the vault's inline access policies; `vaults/accessPolicies` adds more.
 * - registries `adminUserEnabled` (default false), `publicNetworkAccess` (default Enabled),
 *   `networkRuleSet.defaultAction` (default Allow).
 * - managedClusters `agentPoolProfiles[].mode`: the first pool of a cluster is its system pool;
 *   `managedClusters/agentPools` `mode` defaults to User; `enableAutoScaling` defaults to false.
 * - storageAccounts `allowBlobPublicAccess`: absent = false. The REST reference of recent API
 *   versions says "The default interpretation is false for this property" (older versions said
 *   true), and since the 2023 server-side change new accounts disallow anonymous access whatever
 *   the API version ("Azure Storage updating some default security settings on new storage
 *   accounts", Azure Storage blog, announced in Azure/azure-powershell#22360: "The change will
 *   impact all API versions"; learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent:
 *   "The default configuration for an Azure Resource Manager storage account prohibits users
 *   from configuring anonymous access"). So only an explicit true is reported (RULES.md ST001).
 * - storageAccounts/blobServices/containers `publicAccess`: `None` (default), `Blob`, `Container`.
 *   `minimumTlsVersion`: Azure Storage rejects TLS < 1.2 since 2025-11-01, so only an explicit
 *   lower value is reported.
 */
import type { AttrSpec, KindSpec } from './spec.js';
import { RBAC_DEFAULT_API_VERSION } from '../facts/keyvault.js';
import { MANUAL_NODE_PROVISIONING } from '../facts/aks.js';

const agentPoolAttrs: AttrSpec[] = [
  { canonical: 'vmSize', paths: ['vmSize'] },
  { canonical: 'taints', paths: ['nodeTaints'], default: [] },
  { canonical: 'labels', paths: ['nodeLabels'], default: {} },
  { canonical: 'tags', paths: ['tags'] },
  { canonical: 'autoscale', paths: ['enableAutoScaling'], default: false },
  { canonical: 'minCount', paths: ['minCount'] },
  { canonical: 'nodeCount', paths: ['count'] },
  { canonical: 'name', paths: ['name'] },
  { canonical: 'mode', paths: ['mode'] },
  // ScaleSetPriority: `Spot` or `Regular` (the default), AgentPool REST API.
  { canonical: 'priority', paths: ['scaleSetPriority'], default: 'Regular' },
];

const computeAttrs: AttrSpec[] = [
  { canonical: 'computeTypeRaw', paths: ['properties.computeType'] },
  { canonical: 'vmSize', paths: ['properties.properties.vmSize'] },
  { canonical: 'minNodeCount', paths: ['properties.properties.scaleSettings.minNodeCount'], default: 0 },
  { canonical: 'maxNodeCount', paths: ['properties.properties.scaleSettings.maxNodeCount'] },
  { canonical: 'nodePublicIp', paths: ['properties.properties.enableNodePublicIp'], default: true },
  { canonical: 'idleTimeBeforeShutdown', paths: ['properties.properties.idleTimeBeforeShutdown'] },
  { canonical: 'schedules', paths: ['properties.properties.schedules'] },
  { canonical: 'subnet', paths: ['properties.properties.subnet.id'] },
  { canonical: 'idleBeforeScaleDown', paths: ['properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown'] },
  // Compute.disableLocalAuth (on the compute, not under its properties) and
  // AmlComputeProperties.remoteLoginPortPublicAccess (Enabled, Disabled, NotSpecified): ML REST API.
  { canonical: 'disableLocalAuth', paths: ['properties.disableLocalAuth'] },
  { canonical: 'remoteLoginPortPublicAccess', paths: ['properties.properties.remoteLoginPortPublicAccess'] },
  { canonical: 'tags', paths: ['tags'] },
  { canonical: 'name', paths: ['name'] },
];

const nsgRuleAttrs: AttrSpec[] = [
  { canonical: 'name', paths: ['name'] },
  { canonical: 'direction', paths: ['properties.direction'] },
  { canonical: 'access', paths: ['properties.access'] },
  { canonical: 'protocol', paths: ['properties.protocol'] },
  { canonical: 'destinationPort', paths: ['properties.destinationPortRange'] },
  { canonical: 'destinationPorts', paths: ['properties.destinationPortRanges'] },
  { canonical: 'sourceAddress', paths: ['properties.sourceAddressPrefix'] },
  { canonical: 'sourceAddresses', paths: ['properties.sourceAddressPrefixes'] },
];

/** Keyed by lower-case ARM type. */
export const ARM_TABLE: Record<string, KindSpec> = {
  'microsoft.machinelearningservices/workspaces': {
    kind: 'ml.workspace',
    attrs: [
      { canonical: 'publicNetworkAccess', paths: ['properties.publicNetworkAccess'], default: true, convert: 'enabledToBool' },
      { canonical: 'publicAccessBehindVnet', paths: ['properties.allowPublicAccessWhenBehindVnet'], default: false },
      { canonical: 'workspaceKind', paths: ['kind'] },
      { canonical: 'imageBuildCompute', paths: ['properties.imageBuildCompute'] },
      { canonical: 'hbiWorkspace', paths: ['properties.hbiWorkspace'] },
      { canonical: 'tags', paths: ['tags'] },
    ],
    refs: { containerRegistry: ['properties.containerRegistry'], keyVault: ['properties.keyVault'], storage: ['properties.storageAccount'], hub: ['properties.hubResourceId'] },
  },
  'microsoft.machinelearningservices/workspaces/computes': { kind: 'ml.compute', attrs: computeAttrs },
  'microsoft.containerservice/managedclusters': {
    kind: 'aks.cluster',
    attrs: [
      { canonical: 'tags', paths: ['tags'] },
      { canonical: 'name', paths: ['name'] },
      // "The node provisioning mode. If not specified, the default is Manual." (facts/aks.ts)
      { canonical: 'nodeProvisioningMode', paths: ['properties.nodeProvisioningProfile.mode'], default: MANUAL_NODE_PROVISIONING },
    ],
    elements: [
      {
        kind: 'aks.nodepool',
        path: 'properties.agentPoolProfiles',
        attrs: agentPoolAttrs,
        firstDefaults: { mode: 'System' },
        fixed: { inline: true },
        namePath: 'name',
        derived: { facts: 'aksVirtualMachinesPool', base: '' },
      },
    ],
  },
  'microsoft.containerservice/managedclusters/agentpools': {
    kind: 'aks.nodepool',
    attrs: [
      ...agentPoolAttrs.filter((a) => a.canonical !== 'mode' && a.canonical !== 'name').map((a) => ({ ...a, paths: a.paths.map((p) => `properties.${p}`) })),
      { canonical: 'name', paths: ['name'] },
      { canonical: 'mode', paths: ['properties.mode'], default: 'User' },
    ],
    derived: { facts: 'aksVirtualMachinesPool', base: 'properties.' },
  },
  'microsoft.keyvault/vaults': {
    kind: 'keyvault',
    attrs: [
      { canonical: 'purgeProtection', paths: ['properties.enablePurgeProtection'], default: false },
      {
        canonical: 'rbacAuthorization',
        paths: ['properties.enableRbacAuthorization'],
        default: false,
        defaultSince: [{ apiVersion: RBAC_DEFAULT_API_VERSION, value: true }],
      },
      { canonical: 'accessPolicies', paths: ['properties.accessPolicies'] },
      { canonical: 'tags', paths: ['tags'] },
    ],
  },
  // The child's name is the operation (`add`, `replace`, `remove`); `properties.accessPolicies` its entries.
  'microsoft.keyvault/vaults/accesspolicies': {
    kind: 'keyvault.accesspolicy',
    attrs: [
      { canonical: 'name', paths: ['name'] },
      { canonical: 'entries', paths: ['properties.accessPolicies'] },
    ],
  },
  'microsoft.containerregistry/registries': {
    kind: 'acr',
    attrs: [
      { canonical: 'sku', paths: ['sku.name'] },
      { canonical: 'adminEnabled', paths: ['properties.adminUserEnabled'], default: false },
      { canonical: 'publicNetworkAccess', paths: ['properties.publicNetworkAccess'], default: true, convert: 'enabledToBool' },
      { canonical: 'networkDefaultAction', paths: ['properties.networkRuleSet.defaultAction'], default: 'Allow' },
      { canonical: 'tags', paths: ['tags'] },
    ],
  },
  'microsoft.storage/storageaccounts': {
    kind: 'storage',
    attrs: [
      { canonical: 'allowBlobPublicAccess', paths: ['properties.allowBlobPublicAccess'], default: false },
      { canonical: 'minTls', paths: ['properties.minimumTlsVersion'], default: 'TLS1_2' },
      // Storage accounts REST API: `kind` is required (StorageV2, FileStorage, …).
      { canonical: 'accountKind', paths: ['kind'] },
      { canonical: 'tags', paths: ['tags'] },
    ],
  },
  'microsoft.storage/storageaccounts/blobservices/containers': {
    kind: 'storage.container',
    attrs: [
      { canonical: 'publicAccess', paths: ['properties.publicAccess'], default: 'None' },
      { canonical: 'name', paths: ['name'] },
    ],
  },
  'microsoft.compute/virtualmachines': {
    kind: 'vm',
    attrs: [{ canonical: 'vmSize', paths: ['properties.hardwareProfile.vmSize'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }],
  },
  'microsoft.compute/virtualmachinescalesets': {
    kind: 'vmss',
    attrs: [{ canonical: 'vmSize', paths: ['sku.name'] }, { canonical: 'tags', paths: ['tags'] }, { canonical: 'name', paths: ['name'] }],
  },
  'microsoft.network/networksecuritygroups': {
    kind: 'nsg',
    attrs: [{ canonical: 'tags', paths: ['tags'] }],
    elements: [{ kind: 'nsg.rule', path: 'properties.securityRules', attrs: nsgRuleAttrs, namePath: 'name' }],
  },
  'microsoft.network/networksecuritygroups/securityrules': { kind: 'nsg.rule', attrs: nsgRuleAttrs },
  'microsoft.network/privateendpoints': {
    kind: 'private-endpoint',
    attrs: [
      // An endpoint connects automatically or, awaiting the owner's approval (another tenant's
      // registry), manually: either list says what it targets (Microsoft.Network/privateEndpoints
      // ARM reference, `privateLinkServiceConnections` / `manualPrivateLinkServiceConnections`).
      { canonical: 'targets', paths: ['properties.privateLinkServiceConnections.0.properties.privateLinkServiceId', 'properties.manualPrivateLinkServiceConnections.0.properties.privateLinkServiceId'] },
      { canonical: 'groupIds', paths: ['properties.privateLinkServiceConnections.0.properties.groupIds', 'properties.manualPrivateLinkServiceConnections.0.properties.groupIds'], default: [] },
      { canonical: 'tags', paths: ['tags'] },
    ],
    refs: { target: ['properties.privateLinkServiceConnections.0.properties.privateLinkServiceId', 'properties.manualPrivateLinkServiceConnections.0.properties.privateLinkServiceId'] },
  },
};
