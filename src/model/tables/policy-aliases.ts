/**
 * Azure Policy aliases → ARM paths (the `defaultPath` of each alias) for the resource types
 * the rules know. A policy `field` that names an alias outside this table (and outside a
 * `--policy-aliases` dump) leaves the policy undecided for the resource.
 *
 * What an alias is: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias
 * ("an alias maps to paths in different API versions"; listed by
 * `az provider show --namespace <ns> --expand "resourceTypes/aliases"`).
 *
 * Sources of the rows (checked in this change):
 * - jeircul/azure-policy-aliases (MIT; a daily `Get-AzPolicyAlias` dump, one table per type,
 *   `Default Path | Alias`), rows marked `dump`: aliases/Microsoft.Network/networkSecurityGroups.md
 *   (`securityRules[*].<x>` → `properties.securityRules[*].properties.<x>`),
 *   aliases/Microsoft.MachineLearningServices/workspaces.md and workspaces-computes.md (note
 *   `computes/disableLocalAuth` → `properties.disableLocalAuth` but `computes/vmSize` →
 *   `properties.properties.vmSize`), aliases/Microsoft.KeyVault/vaults.md,
 *   aliases/Microsoft.Storage/storageAccounts.md;
 * - ../shared/FORMATS.md §3(a) "Aliases → ARM paths", verified against the same dump and
 *   PSRule.Rules.Azure data/providers/microsoft.machinelearningservices/types.json: the ML
 *   workspace and compute rows, `virtualMachines/sku.name` → `properties.hardwareProfile.vmSize`
 *   (not the top-level `sku`), the AKS `agentPoolProfiles[*]` and `agentPools` rows, Key Vault
 *   `sku.name` under `properties`, the storage rows;
 * - the rest follow the provider's rule for simple aliases, `<type>/<x>` → `properties.<x>`
 *   (the same dump's rows for vaults, registries and storageAccounts), and are marked `rule`.
 */

export interface AliasRow {
  alias: string;
  /** The default path, `[*]` for every member of an array. */
  path: string;
  /** `dump`: read in the alias dump; `formats`: FORMATS.md §3(a) verified row; `rule`: the simple-alias rule. */
  source: 'dump' | 'formats' | 'rule';
}

const ML = 'Microsoft.MachineLearningServices/workspaces';
const AKS = 'Microsoft.ContainerService/managedClusters';
const NSG = 'Microsoft.Network/networkSecurityGroups';

export const POLICY_ALIASES: readonly AliasRow[] = [
  // Azure Machine Learning
  { alias: `${ML}/publicNetworkAccess`, path: 'properties.publicNetworkAccess', source: 'formats' },
  { alias: `${ML}/imageBuildCompute`, path: 'properties.imageBuildCompute', source: 'formats' },
  { alias: `${ML}/allowPublicAccessWhenBehindVnet`, path: 'properties.allowPublicAccessWhenBehindVnet', source: 'dump' },
  { alias: `${ML}/hbiWorkspace`, path: 'properties.hbiWorkspace', source: 'dump' },
  { alias: `${ML}/containerRegistry`, path: 'properties.containerRegistry', source: 'dump' },
  { alias: `${ML}/keyVault`, path: 'properties.keyVault', source: 'dump' },
  { alias: `${ML}/storageAccount`, path: 'properties.storageAccount', source: 'dump' },
  { alias: `${ML}/computes/computeType`, path: 'properties.computeType', source: 'formats' },
  { alias: `${ML}/computes/vmSize`, path: 'properties.properties.vmSize', source: 'formats' },
  { alias: `${ML}/computes/scaleSettings.minNodeCount`, path: 'properties.properties.scaleSettings.minNodeCount', source: 'formats' },
  { alias: `${ML}/computes/scaleSettings.maxNodeCount`, path: 'properties.properties.scaleSettings.maxNodeCount', source: 'formats' },
  { alias: `${ML}/computes/idleTimeBeforeShutdown`, path: 'properties.properties.idleTimeBeforeShutdown', source: 'formats' },
  { alias: `${ML}/computes/enableNodePublicIp`, path: 'properties.properties.enableNodePublicIp', source: 'dump' },
  { alias: `${ML}/computes/disableLocalAuth`, path: 'properties.disableLocalAuth', source: 'dump' },
  { alias: `${ML}/v1LegacyMode`, path: 'properties.v1LegacyMode', source: 'dump' },
  { alias: `${ML}/managedNetwork.isolationMode`, path: 'properties.managedNetwork.isolationMode', source: 'dump' },
  { alias: `${ML}/encryption.status`, path: 'properties.encryption.status', source: 'dump' },
  { alias: `${ML}/primaryUserAssignedIdentity`, path: 'properties.primaryUserAssignedIdentity', source: 'dump' },
  { alias: `${ML}/privateEndpointConnections[*]`, path: 'properties.privateEndpointConnections[*]', source: 'dump' },
  { alias: `${ML}/computes/subnet.id`, path: 'properties.properties.subnet.id', source: 'dump' },
  { alias: `${ML}/computes/resourceId`, path: 'properties.resourceId', source: 'dump' },
  { alias: `${ML}/computes/remoteLoginPortPublicAccess`, path: 'properties.properties.remoteLoginPortPublicAccess', source: 'dump' },
  { alias: `${ML}/computes/scaleSettings.nodeIdleTimeBeforeScaleDown`, path: 'properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown', source: 'dump' },
  { alias: `${ML}/computes/sshSettings.sshPublicAccess`, path: 'properties.properties.sshSettings.sshPublicAccess', source: 'dump' },
  { alias: `${ML}/computes/schedules.computeStartStop[*]`, path: 'properties.properties.schedules.computeStartStop[*]', source: 'dump' },
  // AKS: inline pools on the cluster, standalone pools as agentPools.
  { alias: `${AKS}/agentPoolProfiles[*]`, path: 'properties.agentPoolProfiles[*]', source: 'formats' },
  { alias: `${AKS}/agentPoolProfiles[*].vmSize`, path: 'properties.agentPoolProfiles[*].vmSize', source: 'formats' },
  { alias: `${AKS}/agentPoolProfiles[*].nodeTaints[*]`, path: 'properties.agentPoolProfiles[*].nodeTaints[*]', source: 'formats' },
  { alias: `${AKS}/agentPoolProfiles[*].nodeTaints`, path: 'properties.agentPoolProfiles[*].nodeTaints', source: 'rule' },
  { alias: `${AKS}/agentPoolProfiles[*].mode`, path: 'properties.agentPoolProfiles[*].mode', source: 'rule' },
  { alias: `${AKS}/agentPoolProfiles[*].enableAutoScaling`, path: 'properties.agentPoolProfiles[*].enableAutoScaling', source: 'rule' },
  { alias: `${AKS}/agentPoolProfiles[*].minCount`, path: 'properties.agentPoolProfiles[*].minCount', source: 'rule' },
  { alias: `${AKS}/agentPools/vmSize`, path: 'properties.vmSize', source: 'formats' },
  { alias: `${AKS}/agentPools/nodeTaints[*]`, path: 'properties.nodeTaints[*]', source: 'formats' },
  { alias: `${AKS}/agentPools/nodeTaints`, path: 'properties.nodeTaints', source: 'rule' },
  { alias: `${AKS}/agentPools/mode`, path: 'properties.mode', source: 'rule' },
  { alias: `${AKS}/agentPools/enableAutoScaling`, path: 'properties.enableAutoScaling', source: 'rule' },
  { alias: `${AKS}/agentPools/minCount`, path: 'properties.minCount', source: 'rule' },
  // VMs and scale sets: the VM's "sku.name" alias is its hardware profile's size.
  { alias: 'Microsoft.Compute/virtualMachines/sku.name', path: 'properties.hardwareProfile.vmSize', source: 'formats' },
  { alias: 'Microsoft.Compute/virtualMachines/hardwareProfile.vmSize', path: 'properties.hardwareProfile.vmSize', source: 'formats' },
  { alias: 'Microsoft.Compute/VirtualMachineScaleSets/sku.name', path: 'sku.name', source: 'dump' },
  // Key Vault: sku is under properties.
  { alias: 'Microsoft.KeyVault/vaults/enablePurgeProtection', path: 'properties.enablePurgeProtection', source: 'formats' },
  { alias: 'Microsoft.KeyVault/vaults/enableRbacAuthorization', path: 'properties.enableRbacAuthorization', source: 'dump' },
  { alias: 'Microsoft.KeyVault/vaults/enableSoftDelete', path: 'properties.enableSoftDelete', source: 'dump' },
  { alias: 'Microsoft.KeyVault/vaults/publicNetworkAccess', path: 'properties.publicNetworkAccess', source: 'dump' },
  { alias: 'Microsoft.KeyVault/vaults/sku.name', path: 'properties.sku.name', source: 'formats' },
  { alias: 'Microsoft.KeyVault/vaults/networkAcls.defaultAction', path: 'properties.networkAcls.defaultAction', source: 'dump' },
  { alias: 'Microsoft.KeyVault/vaults/networkAcls.ipRules[*]', path: 'properties.networkAcls.ipRules[*]', source: 'dump' },
  { alias: 'Microsoft.KeyVault/vaults/softDeleteRetentionInDays', path: 'properties.softDeleteRetentionInDays', source: 'dump' },
  { alias: 'Microsoft.KeyVault/vaults/createMode', path: 'properties.createMode', source: 'dump' },
  { alias: 'Microsoft.KeyVault/vaults/privateEndpointConnections[*]', path: 'properties.privateEndpointConnections[*]', source: 'dump' },
  // Container Registry
  { alias: 'Microsoft.ContainerRegistry/registries/adminUserEnabled', path: 'properties.adminUserEnabled', source: 'rule' },
  { alias: 'Microsoft.ContainerRegistry/registries/publicNetworkAccess', path: 'properties.publicNetworkAccess', source: 'rule' },
  { alias: 'Microsoft.ContainerRegistry/registries/networkRuleSet.defaultAction', path: 'properties.networkRuleSet.defaultAction', source: 'rule' },
  { alias: 'Microsoft.ContainerRegistry/registries/sku.name', path: 'sku.name', source: 'rule' },
  // Storage
  { alias: 'Microsoft.Storage/storageAccounts/allowBlobPublicAccess', path: 'properties.allowBlobPublicAccess', source: 'formats' },
  { alias: 'Microsoft.Storage/storageAccounts/minimumTlsVersion', path: 'properties.minimumTlsVersion', source: 'formats' },
  { alias: 'Microsoft.Storage/storageAccounts/publicNetworkAccess', path: 'properties.publicNetworkAccess', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly', path: 'properties.supportsHttpsTrafficOnly', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/networkAcls.defaultAction', path: 'properties.networkAcls.defaultAction', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/allowSharedKeyAccess', path: 'properties.allowSharedKeyAccess', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/allowCrossTenantReplication', path: 'properties.allowCrossTenantReplication', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/sasPolicy', path: 'properties.sasPolicy', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/sasPolicy.sasExpirationPeriod', path: 'properties.sasPolicy.sasExpirationPeriod', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/keyPolicy.keyExpirationPeriodInDays', path: 'properties.keyPolicy.keyExpirationPeriodInDays', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/networkAcls.bypass', path: 'properties.networkAcls.bypass', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/networkAcls.ipRules[*]', path: 'properties.networkAcls.ipRules[*]', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/networkAcls.virtualNetworkRules[*]', path: 'properties.networkAcls.virtualNetworkRules[*]', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/networkAcls.resourceAccessRules[*]', path: 'properties.networkAcls.resourceAccessRules[*]', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/encryption.keySource', path: 'properties.encryption.keySource', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/encryption.requireInfrastructureEncryption', path: 'properties.encryption.requireInfrastructureEncryption', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/encryption.services.queue.keyType', path: 'properties.encryption.services.queue.keyType', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/encryption.services.table.keyType', path: 'properties.encryption.services.table.keyType', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/sku.name', path: 'sku.name', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/customDomain', path: 'properties.customDomain', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/customDomain.useSubDomainName', path: 'properties.customDomain.useSubDomainName', source: 'dump' },
  { alias: 'Microsoft.Storage/storageAccounts/privateEndpointConnections[*]', path: 'properties.privateEndpointConnections[*]', source: 'dump' },
  // NSG: inline rules on the group, standalone rules as securityRules.
  ...['protocol', 'sourcePortRange', 'destinationPortRange', 'priority', 'direction', 'access', 'destinationAddressPrefix', 'sourceAddressPrefix'].map(
    (p): AliasRow => ({ alias: `${NSG}/securityRules[*].${p}`, path: `properties.securityRules[*].properties.${p}`, source: 'dump' }),
  ),
  ...['destinationPortRanges', 'sourceAddressPrefixes', 'destinationAddressPrefixes', 'sourcePortRanges'].map(
    (p): AliasRow => ({ alias: `${NSG}/securityRules[*].${p}[*]`, path: `properties.securityRules[*].properties.${p}[*]`, source: 'dump' }),
  ),
  { alias: `${NSG}/securityRules[*].name`, path: 'properties.securityRules[*].name', source: 'dump' },
  { alias: `${NSG}/securityRules[*]`, path: 'properties.securityRules[*]', source: 'dump' },
  { alias: `${NSG}/securityRules`, path: 'properties.securityRules', source: 'dump' },
  ...['protocol', 'sourcePortRange', 'destinationPortRange', 'priority', 'direction', 'access', 'destinationAddressPrefix', 'sourceAddressPrefix'].map(
    (p): AliasRow => ({ alias: `${NSG}/securityRules/${p}`, path: `properties.${p}`, source: 'rule' }),
  ),
  ...['destinationPortRanges', 'sourceAddressPrefixes', 'destinationAddressPrefixes', 'sourcePortRanges'].map(
    (p): AliasRow => ({ alias: `${NSG}/securityRules/${p}[*]`, path: `properties.${p}[*]`, source: 'rule' }),
  ),
];

/**
 * Resource types Azure Policy's `Indexed` mode evaluates (they support tags and location) and
 * types it skips, per "Tag support for Azure resources"
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-support) and
 * "Resource Manager modes" (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics#resource-manager-modes).
 * A type in neither list leaves an `Indexed` policy undecided when its result would matter.
 */
export const INDEXED_TYPES: ReadonlySet<string> = new Set(
  [
    'Microsoft.MachineLearningServices/workspaces',
    'Microsoft.MachineLearningServices/workspaces/computes',
    'Microsoft.ContainerService/managedClusters',
    'Microsoft.Compute/virtualMachines',
    'Microsoft.Compute/virtualMachineScaleSets',
    'Microsoft.KeyVault/vaults',
    'Microsoft.ContainerRegistry/registries',
    'Microsoft.Storage/storageAccounts',
    'Microsoft.Network/networkSecurityGroups',
    'Microsoft.Network/privateEndpoints',
  ].map((t) => t.toLowerCase()),
);
export const NOT_INDEXED_TYPES: ReadonlySet<string> = new Set(
  [
    'Microsoft.Network/networkSecurityGroups/securityRules',
    'Microsoft.KeyVault/vaults/accessPolicies',
    'Microsoft.Storage/storageAccounts/blobServices/containers',
    // The built-in "Require a tag and its value on resources" (mode Indexed): "Does not apply to resource groups."
    'Microsoft.Resources/subscriptions/resourceGroups',
  ].map((t) => t.toLowerCase()),
);

/**
 * The type Azure Policy's `field: "type"` sees, for template types it names otherwise. A resource
 * group a template creates (`Microsoft.Resources/resourceGroups`) is evaluated as
 * `Microsoft.Resources/subscriptions/resourceGroups`: the built-in policies 8ce3da23-7156-49e4-b145-24f95f9dcb46
 * ("Require a tag and its value on resource groups") and the sample
 * Azure/azure-policy samples/ResourceGroup/audit-resourceGroup-tags match that type
 * (learn.microsoft.com/azure/governance/policy/samples/pattern-tags). Keys lower-case.
 */
export const POLICY_TYPE_OF_TEMPLATE_TYPE: Readonly<Record<string, string>> = {
  'microsoft.resources/resourcegroups': 'Microsoft.Resources/subscriptions/resourceGroups',
};

/** The type Azure Policy evaluates a resource of template type `type` as. */
export function policyResourceType(type: string): string {
  return POLICY_TYPE_OF_TEMPLATE_TYPE[type.toLowerCase()] ?? type;
}

/**
 * Reads an alias dump: the JSON of `az provider show --namespace <ns> --expand
 * "resourceTypes/aliases"` (one provider) or of `az provider list --expand …` (a list).
 * Each alias's `defaultPath` (else its first `paths[].path`). Returns the rows and the
 * number of aliases without a path.
 */
export function aliasesFromDump(json: unknown): AliasRow[] {
  const providers = Array.isArray(json) ? json : [json];
  const out: AliasRow[] = [];
  for (const p of providers) {
    if (typeof p !== 'object' || p === null) continue;
    const types = (p as { resourceTypes?: unknown }).resourceTypes;
    if (!Array.isArray(types)) continue;
    for (const t of types) {
      const aliases = (t as { aliases?: unknown }).aliases;
      if (!Array.isArray(aliases)) continue;
      for (const a of aliases) {
        const name = (a as { name?: unknown }).name;
        const def = (a as { defaultPath?: unknown }).defaultPath;
        const paths = (a as { paths?: { path?: unknown }[] }).paths;
        const path = typeof def === 'string' ? def : Array.isArray(paths) && typeof paths[0]?.path === 'string' ? paths[0].path : undefined;
        if (typeof name === 'string' && path) out.push({ alias: name, path, source: 'dump' });
      }
    }
  }
  return out;
}
