/**
 * Facts about Azure Machine Learning compute used by the AML rules.
 *
 * Sources:
 * - ARM template reference, Microsoft.MachineLearningServices/workspaces/computes
 *   (https://learn.microsoft.com/azure/templates/microsoft.machinelearningservices/workspaces/computes):
 *   `properties.computeType` is one of `AKS`, `AmlCompute`, `ComputeInstance`, `DataFactory`,
 *   `DataLakeAnalytics`, `Databricks`, `HDInsight`, `Kubernetes`, `SynapseSpark`,
 *   `VirtualMachine`; a `ComputeStartStopSchedule` has `action` `Start` | `Stop` and
 *   `status` `Enabled` | `Disabled`.
 * - "What is an Azure Machine Learning compute cluster?"
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-create-attach-compute-cluster):
 *   `AmlCompute` is the compute cluster, `ComputeInstance` the single-user instance.
 * - "Secure an Azure Machine Learning workspace with virtual networks", "Enable Azure Container
 *   Registry" (https://learn.microsoft.com/azure/machine-learning/how-to-secure-workspace-vnet#enable-azure-container-registry-acr):
 *   image builds need a compute cluster (`image_build_compute_name`) when the registry is
 *   behind a virtual network.
 * - azurerm `azurerm_machine_learning_compute_instance`
 *   (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_compute_instance):
 *   has no argument for idle shutdown or schedules; azapi (`azapi_resource`) reaches the ARM
 *   properties.
 */

/**
 * `azapi_resource_action` actions that set properties of the resource they are called on, as an
 * `azapi_update_resource` would (model/azapi-update.ts), by lower-case action name: where the
 * action's body lands in the resource. `updateIdleShutdownSetting` on a compute instance: "Compute -
 * Update Idle Shutdown Setting", `POST …/workspaces/{ws}/computes/{name}/updateIdleShutdownSetting`
 * with an `IdleShutdownSetting` body `{ idleTimeBeforeShutdown }` (Microsoft Learn, Azure Machine
 * Learning REST API; the .NET SDK's `MachineLearningComputeResource.UpdateIdleShutdownSetting`),
 * the way to give an azurerm instance idle shutdown (review 85).
 */
export const PROPERTY_SETTING_ACTIONS: ReadonlyMap<string, readonly string[]> = new Map([['updateidleshutdownsetting', ['properties', 'properties']]]);

/**
 * ARM paths an azurerm resource never sends, because its schema has no argument for them (the
 * registry page above; hashicorp/terraform-provider-azurerm#20973 asks for idle shutdown): an
 * Azure Policy condition on them reads them as absent, as AML005 does (review 74: the built-in
 * "Compute Instance should have idle shutdown" was undecided for every azurerm instance).
 */
export const AZURERM_NEVER_SENT: Readonly<Record<string, readonly string[]>> = {
  azurerm_machine_learning_compute_instance: ['properties.properties.idleTimeBeforeShutdown', 'properties.properties.schedules'],
};

/** What an `ml.compute` is, as the AML rules distinguish it. */
export type AmlComputeType = 'cluster' | 'instance' | 'other';

/** ARM `properties.computeType` of a compute cluster and of a compute instance. */
export const ARM_COMPUTE_TYPE = { cluster: 'AmlCompute', instance: 'ComputeInstance' } as const;

/**
 * The type fixed by the azurerm resource type (the normalization tables set the canonical
 * `computeType` to `cluster` or `instance`); any other known value is another compute type.
 */
export function computeTypeFromCanonical(fixed: string): AmlComputeType {
  return fixed === 'cluster' || fixed === 'instance' ? fixed : 'other';
}

/** The type named by ARM/azapi `properties.computeType` (case-insensitive, as ARM compares it). */
export function computeTypeFromArm(raw: string): AmlComputeType {
  const l = raw.toLowerCase();
  if (l === ARM_COMPUTE_TYPE.cluster.toLowerCase()) return 'cluster';
  if (l === ARM_COMPUTE_TYPE.instance.toLowerCase()) return 'instance';
  return 'other';
}

/** The list of start/stop schedules under a compute instance's `schedules` property. */
export const START_STOP_SCHEDULES = 'computeStartStop';
/**
 * The start/stop schedule list as each format writes it under `schedules` (the Azure ML YAML
 * front end, and `az ml … --set`, read `compute_start_stop` into the ARM shape; messages name
 * the written key).
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-compute-instance
 */
export function startStopSchedulesKey(format: string): string {
  // `az ml compute create --set schedules.compute_start_stop…` writes the YAML keys too.
  return format === 'azureml-yaml' || format === 'azure-cli' ? 'compute_start_stop' : START_STOP_SCHEDULES;
}
/** A schedule's `action` that stops the instance. */
export const STOP_ACTION = 'stop';
/** A schedule's `status` that makes it inert. */
export const DISABLED_STATUS = 'disabled';
/** An example idle shutdown value for messages: ISO 8601 duration, 15 minutes to 3 days. */
export const IDLE_SHUTDOWN_EXAMPLE = 'PT60M';

/*
 * Workspace kinds and public network access.
 *
 * Sources:
 * - "What is an Azure Machine Learning hub workspace?"
 *   (https://learn.microsoft.com/azure/machine-learning/concept-hub-workspace): "Workspaces
 *   that are created using a hub, referred to as 'project workspaces,' obtain the same
 *   security settings and shared resource access. They don't require their own security
 *   settings". ARM `kind` `Project` with `properties.hubResourceId`; the hub is `kind: Hub`.
 * - ARM template reference, Microsoft.MachineLearningServices/workspaces: API versions up to
 *   2021-04-01 have only `allowPublicAccessWhenBehindVnet` ("The flag to indicate whether to
 *   allow public access when behind VNet"); `publicNetworkAccess` ("Whether requests from
 *   Public Network are allowed") first appears in the GA API version 2021-07-01
 *   (github.com/Azure/bicep-types-az, generated/machinelearningservices/…/2021-04-01 and
 *   2021-07-01 types.md).
 * - "Configure a private endpoint for an Azure Machine Learning workspace", "Enable public
 *   access" (https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link,
 *   2021 revisions): a workspace secured with a private endpoint accepts only private traffic
 *   unless public access is enabled with `allow_public_access_when_behind_vnet=True`; a
 *   workspace without a private endpoint has a public endpoint only.
 */

/** The first workspace API version with `publicNetworkAccess`. */
export const PUBLIC_NETWORK_ACCESS_API_VERSION = '2021-07-01';

/** True for a workspace API version that predates `publicNetworkAccess` (the date decides; `-preview` ignored). */
export function predatesPublicNetworkAccess(apiVersion: string): boolean {
  return apiVersion.trim().slice(0, 10) < PUBLIC_NETWORK_ACCESS_API_VERSION;
}

/** True for an AI Studio / AI Foundry project workspace (ARM `kind: Project`, case-insensitive): its hub decides its network settings. */
export function isProjectWorkspace(kind: string): boolean {
  return kind.toLowerCase() === 'project';
}
