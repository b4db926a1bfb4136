/**
 * The canonical vocabulary of the normalized model: every resource kind and the canonical
 * attributes it may carry, with their value types. The normalization tables
 * (`tables/azurerm.ts`, `tables/arm.ts`) may only produce these names (a test checks it),
 * and rules read attributes through `ctx.fact(resource, attr)`, whose `attr` is typed
 * from this table, so a typo such as `publicNetworkAcess` does not compile.
 */

/** What an attribute's known value is (a string attribute may also hold a number, as ARM allows). */
export type AttrType = 'string' | 'bool' | 'number' | 'list' | 'object' | 'any';

export const KINDS = {
  'ml.workspace': {
    publicNetworkAccess: 'bool',
    /** The legacy `allowPublicAccessWhenBehindVnet` (AML001 reads it on API versions before `publicNetworkAccess`). */
    publicAccessBehindVnet: 'bool',
    /** ARM `kind`: `Default`, `Hub`, `Project`, `FeatureStore`. */
    workspaceKind: 'string',
    imageBuildCompute: 'string',
    /** ARM `hbiWorkspace` (azurerm `high_business_impact`): read only by Azure Policy's view. */
    hbiWorkspace: 'bool',
    tags: 'object',
  },
  'ml.compute': {
    computeType: 'string',
    computeTypeRaw: 'string',
    idleTimeBeforeShutdown: 'string',
    maxNodeCount: 'number',
    minNodeCount: 'number',
    name: 'string',
    nodePublicIp: 'bool',
    schedules: 'any',
    /** ARM `subnet.id` (azurerm `subnet_resource_id`) and `scaleSettings.nodeIdleTimeBeforeScaleDown`: read only by Azure Policy's view. */
    subnet: 'string',
    idleBeforeScaleDown: 'string',
    /** ARM `disableLocalAuth` (azurerm `local_auth_enabled`, inverted) and `remoteLoginPortPublicAccess` (azurerm `ssh_public_access_enabled`): read only by Azure Policy's view. */
    disableLocalAuth: 'bool',
    remoteLoginPortPublicAccess: 'string',
    tags: 'object',
    vmSize: 'string',
  },
  'aks.cluster': {
    name: 'string',
    /** `Manual` or `Auto` (node auto-provisioning: AKS adds nodes from Karpenter NodePools, `facts/aks.ts`). */
    nodeProvisioningMode: 'string',
    tags: 'object',
  },
  'aks.nodepool': {
    autoscale: 'bool',
    /** azurerm `only_critical_addons_enabled`: the default pool is tainted `CriticalAddonsOnly=true:NoSchedule` (`facts/aks.ts`). */
    criticalAddonsOnly: 'bool',
    inline: 'bool',
    isDefault: 'bool',
    labels: 'object',
    minCount: 'number',
    mode: 'string',
    name: 'string',
    nodeCount: 'number',
    /** `Regular` or `Spot` (a Spot pool gets an automatic taint, `facts/aks.ts` SPOT_TAINT). */
    priority: 'string',
    /** A VirtualMachines pool's scale profiles: `manual` or `autoscale` (`aks-virtual-machines-pool.ts`); absent for other pools. */
    scaleProfile: 'string',
    tags: 'object',
    taints: 'list',
    vmSize: 'string',
  },
  keyvault: { purgeProtection: 'bool', rbacAuthorization: 'bool', accessPolicies: 'list', tags: 'object' },
  /** A standalone access policy of a vault (its `keyVault` reference / ARM parent). */
  'keyvault.accesspolicy': { name: 'string', entries: 'list' },
  acr: { adminEnabled: 'bool', networkDefaultAction: 'string', publicNetworkAccess: 'bool', sku: 'string', tags: 'object' },
  /** `accountKind`: `StorageV2`, `FileStorage` (Azure Files only: no Blob service), … (ST001). */
  storage: { accountKind: 'string', allowBlobPublicAccess: 'bool', minTls: 'string', tags: 'object' },
  /** A blob container of a storage account (its `storage` reference / ARM grandparent). */
  'storage.container': { name: 'string', publicAccess: 'string' },
  vm: { name: 'string', tags: 'object', vmSize: 'string' },
  vmss: { name: 'string', tags: 'object', vmSize: 'string' },
  nsg: { tags: 'object' },
  'nsg.rule': {
    access: 'string',
    destinationPort: 'any',
    destinationPorts: 'list',
    direction: 'string',
    name: 'string',
    protocol: 'string',
    sourceAddress: 'string',
    sourceAddresses: 'list',
  },
  'private-endpoint': { groupIds: 'list', tags: 'object', targets: 'any' },
  /**
   * A KAITO object (kaito.sh `Workspace`, `RAGEngine`): its provisioner creates GPU nodes of
   * `vmSize` (`resource.instanceType`, `spec.compute.instanceType`). Only GPU004 reads it: the
   * nodes' taints, scaling and tags are KAITO's, not written in the manifest.
   */
  'kaito.workspace': { name: 'string', vmSize: 'string' },
  /** One pod template of a Kubernetes manifest (src/model/k8s.ts; the typed template is `Resource.k8s`). */
  'k8s.workload': { workloadKind: 'string', name: 'string' },
  other: { tags: 'object' },
} as const satisfies Record<string, Record<string, AttrType>>;

export type ResourceKind = keyof typeof KINDS;

/** The canonical attribute names of one kind (`AttrOf<'keyvault'>` = `'purgeProtection' | …`). */
export type AttrOf<K extends ResourceKind> = keyof (typeof KINDS)[K] & string;

/** Every canonical attribute name of any kind. */
export type AnyAttr = { [K in ResourceKind]: AttrOf<K> }[ResourceKind];

/** Kinds that carry a VM size and can be GPU workloads (GPU001, GPU003, GPU004, TAG002). */
export const SIZED_KINDS = ['aks.nodepool', 'ml.compute', 'vm', 'vmss'] as const satisfies readonly ResourceKind[];
export type SizedKind = (typeof SIZED_KINDS)[number];

export function isKnownAttr(kind: ResourceKind, attr: string): boolean {
  return Object.prototype.hasOwnProperty.call(KINDS[kind], attr);
}
