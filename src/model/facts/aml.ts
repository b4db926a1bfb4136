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
/** A schedule's `action` that stops the instance. */
export const STOP_ACTION = 'stop';
/** A schedule's `status` that makes it inert. */
export const DISABLED_STATUS = 'disabled';
/** An example idle shutdown value for messages: ISO 8601 duration, 15 minutes to 3 days. */
export const IDLE_SHUTDOWN_EXAMPLE = 'PT60M';
