/**
 * Azure CLI commands that create or update resources → canonical kinds and attributes
 * (FORMATS.md §1; the `azure-cli` front end, src/frontends/azure-cli.ts).
 *
 * Each row is one `az <group…> <verb>` command: the flags it reads (long names and short
 * aliases), how each flag's value is read, the canonical attribute it sets, and the
 * documented default an absent flag takes on `create` — only where that default is stable
 * across CLI versions (FORMATS.md §1(a) "three-valued"). `update` rows carry no defaults:
 * absent means unchanged.
 *
 * Sources (Microsoft Learn, Azure CLI reference):
 * - az aks create / az aks nodepool add|update: https://learn.microsoft.com/cli/azure/aks ,
 *   https://learn.microsoft.com/cli/azure/aks/nodepool — `--node-vm-size`: "If the user does
 *   not specify one, server will select a default VM size" (never a GPU size); `--node-taints`
 *   comma-separated `key=value:Effect`; `--labels`/`--tags` space-separated `k=v`;
 *   `--nodepool-taints` applies to every node pool of the cluster; autoscaler off unless
 *   `--enable-cluster-autoscaler`; `--mode` defaults to `User` on `nodepool add`.
 * - Spot node pools: https://learn.microsoft.com/azure/aks/spot-node-pool — "AKS applies the
 *   taint `kubernetes.azure.com/scalesetpriority=spot:NoSchedule`" to a Spot pool; `nodepool
 *   add --priority` "Accepted values: Regular, Spot; Default value: Regular" (a pool added
 *   without it has neither the Spot taint nor the Spot label).
 * - az ml compute create: https://learn.microsoft.com/cli/azure/ml/compute — `--min-instances`
 *   default 0; YAML schema default size `Standard_DS3_v2`
 *   (https://learn.microsoft.com/azure/machine-learning/reference-yaml-compute-aml).
 * - az ml workspace create: https://learn.microsoft.com/cli/azure/ml/workspace — the SDK
 *   template behind it has `publicNetworkAccess` default `Enabled` (FORMATS.md §1(a)).
 * - az keyvault create|update: https://learn.microsoft.com/cli/azure/keyvault — purge
 *   protection off unless `--enable-purge-protection`; `--enable-rbac-authorization`
 *   defaults to true only since CLI 2.61.0 (VERSION_DEPENDENT_DEFAULTS) → unknown when absent
 *   and the CLI version is not known; without RBAC, `create` adds an access policy for the
 *   signed-in principal unless `--no-self-perms` (KEYVAULT_CREATOR_POLICY, azure-cli's custom.py).
 * - az acr create|update: https://learn.microsoft.com/cli/azure/acr — `--admin-enabled`
 *   three-state, default false.
 * - az storage account create|update: https://learn.microsoft.com/cli/azure/storage/account
 * - az network nsg rule create|update: https://learn.microsoft.com/cli/azure/network/nsg/rule
 *   — create defaults checked against the CLI's own argument schema (Azure/azure-cli:
 *   src/azure-cli/azure/cli/command_modules/network/aaz/latest/network/nsg/rule/_create.py):
 *   `--access` default `Allow`, `--direction` `Inbound`, `--protocol` `*`,
 *   `--source-address-prefixes` "Default: *", `--destination-port-ranges` "Default: 80".
 * - az vm create / az vmss create: https://learn.microsoft.com/cli/azure/vm ,
 *   https://learn.microsoft.com/cli/azure/vmss — default size is version-dependent (unknown).
 * - Three-state booleans: azure-cli core `get_three_state_flag` — a bare flag is true; else
 *   `true`/`false` compared case-insensitively.
 */
import type { ResourceKind } from '../kinds.js';
import { DEFAULT_PRIORITY, MANUAL_NODE_PROVISIONING } from '../facts/aks.js';

/**
 * How a flag's value is read:
 * - `string`, `number`: one word;
 * - `bool`: three-state (bare flag = true, else `true`/`false`);
 * - `enabled`: `Enabled`/`Disabled` → true/false (one word);
 * - `keyValues`: space-separated `k=v` words until the next flag → an object;
 * - `commaList`: one word, comma-separated → a list;
 * - `words`: space-separated words until the next flag → a list.
 */
/** How a flag's words are read; `off`: a switch that sets its attribute to false (`--disable-cluster-autoscaler`). */
export type FlagReading = 'string' | 'number' | 'bool' | 'off' | 'enabled' | 'keyValues' | 'commaList' | 'words';

export interface FlagSpec {
  /** Long names and short aliases, as written (`--node-vm-size`, `-s`). */
  names: readonly string[];
  attr: string;
  read: FlagReading;
  /**
   * For `aks create`: the attribute belongs to the cluster's default node pool, not the
   * cluster (`--node-vm-size`, `--nodepool-taints`).
   */
  pool?: boolean;
  /** Read when written, never named as the fix in a message (a flag scripts use that the reference does not list). */
  unnamed?: boolean;
  /**
   * Sets no attribute of its own: read only for what the command does with it (`--no-self-perms`
   * decides the access policy `keyvault create` adds: AzCommandSpec.creatorAccessPolicy); `attr`
   * is the attribute it decides.
   */
  decides?: true;
}

/**
 * The access policy a command adds for the principal it runs as (signed in with `az login`):
 * to `attr`, when `unlessEnabled` is known false and the `optOut` switch is not given.
 */
export interface CreatorAccessPolicy {
  attr: string;
  /** The switch that leaves it out (a `decides` flag of the command). */
  optOut: FlagSpec;
  /** The attribute that leaves it out when true (RBAC authorization). */
  unlessEnabled: string;
  /** How messages name the entry ("1 access policy (…)"). */
  described: string;
}

/** A default an absent flag takes on `create` (stable across CLI versions only). */
export type DefaultValue = string | number | boolean | readonly string[] | Record<string, string>;

export interface AzCommandSpec {
  /** The words after `az`, lower-case: `aks nodepool add`. */
  command: string;
  kind: ResourceKind;
  verb: 'create' | 'update';
  /** The flags naming the resource and its parent (`--name/-n`, `--cluster-name`). */
  nameFlags: readonly string[];
  parentFlags?: readonly string[];
  /** The canonical reference the parent name goes to (`cluster`, `workspace`, `nsg`). */
  parentRef?: string;
  /** The `az configure --defaults` key that names the parent when no parent flag is given (`workspace`). */
  parentDefault?: string;
  /** Flags that name another resource (an ARM id or a name; its last segment is the name): canonical reference → flags and kind. */
  refFlags?: readonly { ref: string; names: readonly string[]; kind: ResourceKind }[];
  flags: readonly FlagSpec[];
  /** Defaults of absent flags on create (never on update). */
  defaults?: Readonly<Record<string, DefaultValue>>;
  /** For `aks create`: defaults of its default node pool. */
  poolDefaults?: Readonly<Record<string, DefaultValue>>;
  /** Attributes fixed by the command itself. */
  fixed?: Readonly<Record<string, DefaultValue>>;
  /** Attributes fixed when the command writes one of `flags` (`az ml compute update --min-instances` updates a cluster). */
  fixedByFlags?: { flags: readonly string[]; attrs: Readonly<Record<string, DefaultValue>> };
  /**
   * For an update: attributes it can only clear a create's finding with, never raise one itself
   * when the file does not create the resource (FORMATS.md §1(d) "KV001 / KV002 | keyvault create
   * (update only clears)"; Azure refuses to turn purge protection off again).
   */
  onlyClears?: readonly string[];
  /** The access policy the command itself adds (`keyvault create`). */
  creatorAccessPolicy?: CreatorAccessPolicy;
  /** The documentation page. */
  source: string;
}

/** What `--node-vm-size` means when absent: a size the server chooses, never a GPU size (az aks help). */
export const SERVER_DEFAULT_SIZE = 'the default size the AKS server chooses (never a GPU size)';

const TAGS: FlagSpec = { names: ['--tags'], attr: 'tags', read: 'keyValues' };

const POOL_FLAGS: FlagSpec[] = [
  { names: ['--node-vm-size', '-s'], attr: 'vmSize', read: 'string' },
  { names: ['--node-taints'], attr: 'taints', read: 'commaList' },
  { names: ['--labels'], attr: 'labels', read: 'keyValues' },
  TAGS,
  { names: ['--mode'], attr: 'mode', read: 'string' },
  { names: ['--enable-cluster-autoscaler', '-e'], attr: 'autoscale', read: 'bool' },
  { names: ['--min-count'], attr: 'minCount', read: 'number' },
  { names: ['--node-count', '-c'], attr: 'nodeCount', read: 'number' },
];

const ML_COMPUTE_FLAGS: FlagSpec[] = [
  { names: ['--type', '-t'], attr: 'computeTypeRaw', read: 'string' },
  { names: ['--size'], attr: 'vmSize', read: 'string' },
  { names: ['--min-instances'], attr: 'minNodeCount', read: 'number' },
  { names: ['--max-instances'], attr: 'maxNodeCount', read: 'number' },
  { names: ['--enable-node-public-ip'], attr: 'nodePublicIp', read: 'bool' },
  // A compute instance's idle shutdown, as public scripts and tutorials write it (`az ml compute
  // create|update --idle-time-before-shutdown-minutes 30`). Whether or not the installed ml
  // extension knows the flag, a command that writes it creates no instance without idle
  // shutdown (an unknown flag fails the command), so it is read as set: never an AML005. The
  // fix a message names stays the documented `--set idle_time_before_shutdown`.
  { names: ['--idle-time-before-shutdown-minutes', '--idle-time-before-shutdown'], attr: 'idleTimeBeforeShutdown', read: 'string', unnamed: true },
  TAGS,
];

const ML_WORKSPACE_FLAGS: FlagSpec[] = [
  { names: ['--public-network-access'], attr: 'publicNetworkAccess', read: 'enabled' },
  { names: ['--image-build-compute'], attr: 'imageBuildCompute', read: 'string' },
  TAGS,
];

/**
 * `--kind hub|project` (Microsoft Learn, "Create a hub-based project": `az ml workspace create
 * --kind project --hub-id <hub id> …`): a project takes its network settings from its hub. Only
 * `create` takes it.
 */
const ML_WORKSPACE_CREATE_FLAGS: FlagSpec[] = [...ML_WORKSPACE_FLAGS, { names: ['--kind'], attr: 'workspaceKind', read: 'string' }];

const KEYVAULT_FLAGS: FlagSpec[] = [
  { names: ['--enable-purge-protection'], attr: 'purgeProtection', read: 'bool' },
  { names: ['--enable-rbac-authorization'], attr: 'rbacAuthorization', read: 'bool' },
  TAGS,
];

/**
 * `az keyvault create` adds an access policy for the signed-in user or service principal (every
 * key, secret, certificate and storage permission) unless `--no-self-perms` is given or RBAC
 * authorization is enabled: Azure/azure-cli, src/azure-cli/azure/cli/command_modules/keyvault/
 * custom.py, `create_vault`: "if no_self_perms or enable_rbac_authorization: access_policies = []
 * else: … access_policies = [AccessPolicyEntry(tenant_id=tenant_id, object_id=object_id,
 * permissions=permissions)]" (object_id: `_get_current_user_object_id`, the signed-in principal);
 * `--no-self-perms` is a three-state flag ("Don't add permissions for the current user/service
 * principal in the new vault", _params.py).
 */
const NO_SELF_PERMS: FlagSpec = { names: ['--no-self-perms'], attr: 'accessPolicies', read: 'bool', decides: true };
const KEYVAULT_CREATOR_POLICY: CreatorAccessPolicy = {
  attr: 'accessPolicies',
  optOut: NO_SELF_PERMS,
  unlessEnabled: 'rbacAuthorization',
  described: "the signed-in principal's, without --no-self-perms",
};

const ACR_FLAGS: FlagSpec[] = [
  { names: ['--admin-enabled'], attr: 'adminEnabled', read: 'bool' },
  { names: ['--sku'], attr: 'sku', read: 'string' },
  { names: ['--public-network-enabled'], attr: 'publicNetworkAccess', read: 'bool' },
  { names: ['--default-action'], attr: 'networkDefaultAction', read: 'string' },
  TAGS,
];

const STORAGE_FLAGS: FlagSpec[] = [
  { names: ['--allow-blob-public-access'], attr: 'allowBlobPublicAccess', read: 'bool' },
  { names: ['--min-tls-version'], attr: 'minTls', read: 'string' },
  TAGS,
];

const NSG_RULE_FLAGS: FlagSpec[] = [
  { names: ['--access'], attr: 'access', read: 'string' },
  { names: ['--direction'], attr: 'direction', read: 'string' },
  { names: ['--protocol'], attr: 'protocol', read: 'string' },
  { names: ['--destination-port-ranges'], attr: 'destinationPorts', read: 'words' },
  { names: ['--source-address-prefixes'], attr: 'sourceAddresses', read: 'words' },
];

/**
 * `az ml` commands take their workspace from `-w`, else from the CLI's configured default:
 * "az configure --defaults group=$GROUP workspace=$WORKSPACE location=$LOCATION" (Microsoft Learn,
 * "Install and set up the CLI (v2)", https://learn.microsoft.com/azure/machine-learning/how-to-configure-cli:
 * later commands then need no `--workspace-name`).
 */
const ML_PARENT = { parentFlags: ['--workspace-name', '-w'], parentRef: 'workspace', parentDefault: 'workspace' } as const;

export const AZ_COMMANDS: readonly AzCommandSpec[] = [
  {
    command: 'aks create',
    kind: 'aks.cluster',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    flags: [
      TAGS,
      { names: ['--node-vm-size', '-s'], attr: 'vmSize', read: 'string', pool: true },
      { names: ['--nodepool-taints'], attr: 'taints', read: 'commaList', pool: true },
      { names: ['--nodepool-labels'], attr: 'labels', read: 'keyValues', pool: true },
      { names: ['--nodepool-tags'], attr: 'tags', read: 'keyValues', pool: true },
      { names: ['--nodepool-name'], attr: 'name', read: 'string', pool: true },
      { names: ['--enable-cluster-autoscaler', '-e'], attr: 'autoscale', read: 'bool', pool: true },
      { names: ['--min-count'], attr: 'minCount', read: 'number', pool: true },
      { names: ['--node-count', '-c'], attr: 'nodeCount', read: 'number', pool: true },
      // Node auto-provisioning (facts/aks.ts); Manual when not given.
      { names: ['--node-provisioning-mode'], attr: 'nodeProvisioningMode', read: 'string' },
    ],
    defaults: { nodeProvisioningMode: MANUAL_NODE_PROVISIONING },
    // The pool it creates is the system pool, and a Spot pool must be a user pool ("Spot node
    // pools require user node pools", https://learn.microsoft.com/azure/aks/use-system-pools),
    // so it is Regular: `az aks create` has no --priority for it.
    poolDefaults: { vmSize: SERVER_DEFAULT_SIZE, taints: [], labels: {}, autoscale: false, name: 'nodepool1', priority: DEFAULT_PRIORITY },
    source: 'https://learn.microsoft.com/cli/azure/aks#az-aks-create',
  },
  {
    command: 'aks nodepool add',
    kind: 'aks.nodepool',
    verb: 'create',
    nameFlags: ['--name', '-n', '--nodepool-name'],
    parentFlags: ['--cluster-name'],
    parentRef: 'cluster',
    flags: POOL_FLAGS,
    // No `--labels`: the pool has no labels of its own (AKS adds only its system labels; review 74).
    defaults: { vmSize: SERVER_DEFAULT_SIZE, taints: [], labels: {}, autoscale: false, mode: 'User', priority: DEFAULT_PRIORITY },
    fixed: { isDefault: false },
    source: 'https://learn.microsoft.com/cli/azure/aks/nodepool#az-aks-nodepool-add',
  },
  {
    command: 'aks nodepool update',
    kind: 'aks.nodepool',
    verb: 'update',
    nameFlags: ['--name', '-n', '--nodepool-name'],
    parentFlags: ['--cluster-name'],
    parentRef: 'cluster',
    // "--disable-cluster-autoscaler -d: Disable cluster autoscaler." (azure-cli aks _help.py, `aks nodepool update`).
    flags: [...POOL_FLAGS.filter((f) => ['taints', 'labels', 'tags', 'mode', 'autoscale', 'minCount'].includes(f.attr)), { names: ['--disable-cluster-autoscaler', '-d'], attr: 'autoscale', read: 'off' }],
    source: 'https://learn.microsoft.com/cli/azure/aks/nodepool#az-aks-nodepool-update',
  },
  {
    command: 'ml compute create',
    kind: 'ml.compute',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    ...ML_PARENT,
    flags: ML_COMPUTE_FLAGS,
    defaults: { vmSize: 'Standard_DS3_v2', minNodeCount: 0, nodePublicIp: true },
    source: 'https://learn.microsoft.com/cli/azure/ml/compute#az-ml-compute-create',
  },
  {
    command: 'ml compute update',
    kind: 'ml.compute',
    verb: 'update',
    nameFlags: ['--name', '-n'],
    ...ML_PARENT,
    flags: ML_COMPUTE_FLAGS.filter((f) => ['minNodeCount', 'maxNodeCount', 'idleTimeBeforeShutdown', 'tags'].includes(f.attr)),
    // Only an AmlCompute cluster has scale settings (REST "Compute - Update" updates
    // `properties.scaleSettings`, AmlComputeScaleSettings): an update that writes
    // --min-instances/--max-instances is one of a cluster, whichever script created it.
    fixedByFlags: { flags: ['--min-instances', '--max-instances'], attrs: { computeTypeRaw: 'AmlCompute' } },
    source: 'https://learn.microsoft.com/cli/azure/ml/compute#az-ml-compute-update',
  },
  {
    command: 'ml workspace create',
    kind: 'ml.workspace',
    verb: 'create',
    nameFlags: ['--name', '-n', '--workspace-name', '-w'],
    // "--container-registry: ARM id of the container registry associated with this workspace."
    refFlags: [{ ref: 'containerRegistry', names: ['--container-registry', '-c'], kind: 'acr' }],
    flags: ML_WORKSPACE_CREATE_FLAGS,
    defaults: { publicNetworkAccess: true },
    source: 'https://learn.microsoft.com/cli/azure/ml/workspace#az-ml-workspace-create',
  },
  {
    command: 'ml workspace update',
    kind: 'ml.workspace',
    verb: 'update',
    nameFlags: ['--name', '-n', '--workspace-name', '-w'],
    refFlags: [{ ref: 'containerRegistry', names: ['--container-registry', '-c'], kind: 'acr' }],
    flags: ML_WORKSPACE_FLAGS,
    source: 'https://learn.microsoft.com/cli/azure/ml/workspace#az-ml-workspace-update',
  },
  {
    command: 'keyvault create',
    kind: 'keyvault',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    flags: [...KEYVAULT_FLAGS, NO_SELF_PERMS],
    defaults: { purgeProtection: false },
    creatorAccessPolicy: KEYVAULT_CREATOR_POLICY,
    source: 'https://learn.microsoft.com/cli/azure/keyvault#az-keyvault-create',
  },
  {
    command: 'keyvault update',
    kind: 'keyvault',
    verb: 'update',
    nameFlags: ['--name', '-n'],
    flags: KEYVAULT_FLAGS,
    onlyClears: ['purgeProtection', 'rbacAuthorization'],
    source: 'https://learn.microsoft.com/cli/azure/keyvault#az-keyvault-update',
  },
  {
    command: 'acr create',
    kind: 'acr',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    flags: ACR_FLAGS,
    defaults: { adminEnabled: false },
    source: 'https://learn.microsoft.com/cli/azure/acr#az-acr-create',
  },
  {
    command: 'acr update',
    kind: 'acr',
    verb: 'update',
    nameFlags: ['--name', '-n'],
    flags: ACR_FLAGS,
    source: 'https://learn.microsoft.com/cli/azure/acr#az-acr-update',
  },
  {
    command: 'storage account create',
    kind: 'storage',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    flags: STORAGE_FLAGS,
    source: 'https://learn.microsoft.com/cli/azure/storage/account#az-storage-account-create',
  },
  {
    command: 'storage account update',
    kind: 'storage',
    verb: 'update',
    nameFlags: ['--name', '-n'],
    flags: STORAGE_FLAGS,
    source: 'https://learn.microsoft.com/cli/azure/storage/account#az-storage-account-update',
  },
  // A blob container: "Containers are private by default; use --public-access to allow
  // anonymous read access", `--public-access {blob, container, off}`, parent `--account-name`
  // (https://learn.microsoft.com/cli/azure/storage/container). ST001 judges it with its account.
  {
    command: 'storage container create',
    kind: 'storage.container',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    parentFlags: ['--account-name'],
    parentRef: 'storage',
    flags: [{ names: ['--public-access'], attr: 'publicAccess', read: 'string' }],
    source: 'https://learn.microsoft.com/cli/azure/storage/container#az-storage-container-create',
  },
  {
    command: 'storage container set-permission',
    kind: 'storage.container',
    verb: 'update',
    nameFlags: ['--name', '-n'],
    parentFlags: ['--account-name'],
    parentRef: 'storage',
    flags: [{ names: ['--public-access'], attr: 'publicAccess', read: 'string' }],
    source: 'https://learn.microsoft.com/cli/azure/storage/container#az-storage-container-set-permission',
  },
  {
    command: 'network nsg rule create',
    kind: 'nsg.rule',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    parentFlags: ['--nsg-name'],
    parentRef: 'nsg',
    flags: NSG_RULE_FLAGS,
    defaults: { access: 'Allow', direction: 'Inbound', protocol: '*', sourceAddresses: ['*'], destinationPorts: ['80'] },
    source: 'https://learn.microsoft.com/cli/azure/network/nsg/rule#az-network-nsg-rule-create',
  },
  {
    command: 'network nsg rule update',
    kind: 'nsg.rule',
    verb: 'update',
    nameFlags: ['--name', '-n'],
    parentFlags: ['--nsg-name'],
    parentRef: 'nsg',
    flags: NSG_RULE_FLAGS,
    source: 'https://learn.microsoft.com/cli/azure/network/nsg/rule#az-network-nsg-rule-update',
  },
  // A resource group: a tracked resource with a location and tags (GOV001, TAG001), as
  // azurerm_resource_group and Microsoft.Resources/resourceGroups are. "az group create
  // --location --name [--managed-by] [--tags]"; `--name` has the aliases `--resource-group`,
  // `-g`, `-n`; `--location` is required (https://learn.microsoft.com/cli/azure/group).
  {
    command: 'group create',
    kind: 'other',
    verb: 'create',
    nameFlags: ['--name', '-n', '--resource-group', '-g'],
    flags: [TAGS],
    source: 'https://learn.microsoft.com/cli/azure/group#az-group-create',
  },
  {
    command: 'group update',
    kind: 'other',
    verb: 'update',
    nameFlags: ['--name', '-n', '--resource-group', '-g'],
    flags: [TAGS],
    source: 'https://learn.microsoft.com/cli/azure/group#az-group-update',
  },
  {
    command: 'vm create',
    kind: 'vm',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    flags: [{ names: ['--size'], attr: 'vmSize', read: 'string' }, TAGS],
    source: 'https://learn.microsoft.com/cli/azure/vm#az-vm-create',
  },
  {
    command: 'vmss create',
    kind: 'vmss',
    verb: 'create',
    nameFlags: ['--name', '-n'],
    flags: [{ names: ['--vm-sku'], attr: 'vmSize', read: 'string' }, TAGS],
    source: 'https://learn.microsoft.com/cli/azure/vmss#az-vmss-create',
  },
];

/** A default that changed in one CLI release: `before` it in older versions, `from` it on. */
export interface VersionedDefault {
  /** The first CLI version with the new default (`major.minor.patch`). */
  since: string;
  before: DefaultValue;
  from: DefaultValue;
}

/**
 * Defaults that differ between Azure CLI versions (FORMATS.md §1(e) trap 4), by command and
 * attribute: an absent flag is unknown unless the CLI version the command runs with is known
 * (a GitHub `azure/cli` step's `azcliversion`) and the change is one release (`VersionedDefault`);
 * `undefined`: no version decides it (a VM's default size follows the CLI's image and size lists).
 *
 * - `keyvault create --enable-rbac-authorization`: true since 2.61.0, false before — Azure CLI
 *   release notes, "May 21, 2024 · Version 2.61.0 · Key Vault: [BREAKING CHANGE] `az keyvault
 *   create`: Default `--enable-rbac-authorization` to true" (MicrosoftDocs/azure-docs-cli,
 *   docs-ref-conceptual/release-notes-azure-cli.md), made by Azure/azure-cli#28886; the
 *   parameter's help was corrected in Azure/azure-cli#29268 ("enableRbacAuthorization=True (as
 *   of Azure CLI 2.61.0)").
 * - `vm create`/`vmss create` `--size`/`--vm-sku`: https://learn.microsoft.com/cli/azure/vm —
 *   version-dependent, not one release.
 */
export const VERSION_DEPENDENT_DEFAULTS: Readonly<Record<string, Readonly<Record<string, VersionedDefault | undefined>>>> = {
  'keyvault create': { rbacAuthorization: { since: '2.61.0', before: false, from: true } },
  'vm create': { vmSize: undefined },
  'vmss create': { vmSize: undefined },
};

/** `2.50.0` → [2, 50, 0]; undefined for anything but a release number (`latest`, `agentazcliversion`, `2.61`). */
export function cliVersionParts(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** The default a CLI release number gives (`version` as cliVersionParts reads it); undefined when it is not one. */
export function defaultInVersion(d: VersionedDefault, version: string): DefaultValue | undefined {
  const v = cliVersionParts(version);
  const since = cliVersionParts(d.since)!;
  if (!v) return undefined;
  for (let i = 0; i < 3; i++) if (v[i] !== since[i]) return v[i]! > since[i]! ? d.from : d.before;
  return d.from;
}

/** Flags every command reads besides its own: where it goes (GOV001) and the file it reads (`az ml … --file`). */
export const LOCATION_FLAGS = ['--location', '-l'] as const;
export const FILE_FLAGS = ['--file', '-f'] as const;
export const SET_FLAG = '--set';

/** Flags that take no value (so the next word is not theirs): the global switches of every command. */
export const SWITCH_FLAGS = new Set(['--yes', '-y', '--no-wait', '--debug', '--verbose', '--only-show-errors', '--help', '-h', '--generate-ssh-keys', '--no-ssh-key', '--enable-managed-identity', '--attach-acr-skip']);

/** Each command's words, split once (commandSpecOf runs for every `az` command of every script). */
const COMMAND_WORDS: readonly (readonly [AzCommandSpec, readonly string[]])[] = AZ_COMMANDS.map((spec) => [spec, spec.command.split(' ')]);

/** The spec of `az <words…>`: the longest command that the words start with. */
export function commandSpecOf(words: readonly string[]): AzCommandSpec | undefined {
  const lower = words.map((w) => w.toLowerCase());
  for (const [spec, parts] of COMMAND_WORDS) {
    if (parts.every((p, i) => lower[i] === p)) return spec;
  }
  return undefined;
}

// ---- known reusable templates -------------------------------------------------------------

/**
 * A reusable workflow or pipeline template whose body creates a resource from its inputs
 * (FORMATS.md §1(a) "Known reusable templates"): a call site becomes that resource, its
 * attributes taken from the caller's `with:` / `parameters:`.
 */
export interface KnownTemplate {
  /** What the row is, for messages and the address. */
  label: string;
  /** GitHub: `owner/repo/path` of the reusable workflow (lower-case, ref ignored). */
  githubWorkflow?: string;
  /** Azure Pipelines: the template path's file name and the repository alias it is read from (substring). */
  pipelineTemplate?: { fileName: string; repositoryIncludes: string };
  kind: ResourceKind;
  /** Input name → canonical attribute and reading. */
  inputs: Readonly<Record<string, { attr: string; read: 'string' | 'number' }>>;
  nameInput: string;
  /** The input naming the parent (`workspace_name` → the `workspace` reference), when the body passes it to its command. */
  parentInput?: { input: string; ref: 'workspace' };
  fixed?: Readonly<Record<string, DefaultValue>>;
  /** The `az` command the body runs (`ml compute create`): what it leaves unset gets that command's row's defaults. */
  command: string;
  /** Where the template is (its body read to build the row). */
  source: string;
}

const CREATE_COMPUTE_INPUTS = {
  cluster_name: { attr: 'name', read: 'string' },
  size: { attr: 'vmSize', read: 'string' },
  min_instances: { attr: 'minNodeCount', read: 'number' },
  max_instances: { attr: 'maxNodeCount', read: 'number' },
} as const;

export const KNOWN_TEMPLATES: readonly KnownTemplate[] = [
  {
    label: 'mlops-templates create-compute',
    githubWorkflow: 'azure/mlops-templates/.github/workflows/create-compute.yml',
    kind: 'ml.compute',
    inputs: CREATE_COMPUTE_INPUTS,
    nameInput: 'cluster_name',
    // The body runs `az ml compute create --type AmlCompute … --workspace-name ${{ inputs.workspace_name }}`
    // with no `--tags` and no `--enable-node-public-ip` (the command's default: true).
    parentInput: { input: 'workspace_name', ref: 'workspace' },
    fixed: { computeTypeRaw: 'AmlCompute' },
    command: 'ml compute create',
    source: 'https://github.com/Azure/mlops-templates/blob/main/.github/workflows/create-compute.yml',
  },
  {
    label: 'mlops-templates create-compute',
    pipelineTemplate: { fileName: 'create-compute.yml', repositoryIncludes: 'mlops-templates' },
    kind: 'ml.compute',
    inputs: CREATE_COMPUTE_INPUTS,
    nameInput: 'cluster_name',
    // `az ml compute create -n … --type amlcompute --size … --min-instances … --max-instances …`: the
    // workspace from `az configure --defaults`, no `--enable-node-public-ip` (the command's default: true).
    fixed: { computeTypeRaw: 'AmlCompute' },
    command: 'ml compute create',
    source: 'https://github.com/Azure/mlops-templates/blob/main/templates/aml-cli-v2/create-compute.yml',
  },
];

/**
 * The known template a resource was made from (its `sourceType` is the row's label) when none of
 * its inputs sets `attr`: a caller cannot pass that attribute, so a fix must change the template
 * or the resource after it (TAG002's message). Undefined for any other resource.
 */
export function knownTemplateWithout(sourceType: string, attr: string): KnownTemplate | undefined {
  const rows = KNOWN_TEMPLATES.filter((t) => t.label === sourceType);
  return rows.length > 0 && rows.every((t) => !Object.values(t.inputs).some((i) => i.attr === attr)) ? rows[0] : undefined;
}
