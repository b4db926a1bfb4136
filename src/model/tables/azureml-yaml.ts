/**
 * Azure ML CLI v2 YAML (compute cluster, compute instance, workspace) → canonical kinds and
 * attributes, with the documented defaults (FORMATS.md §4). Keys are as the YAML writes them;
 * enums compare case-insensitively downstream (`enabledToBool` lower-cases).
 *
 * Sources:
 * - Compute cluster YAML, https://learn.microsoft.com/azure/machine-learning/reference-yaml-compute-aml:
 *   `size` default `Standard_DS3_v2`; `min_instances` default 0; `max_instances` (default 1 in
 *   the YAML reference but 4 in the SDK v2 `AmlCompute` class — no default is assumed);
 *   `enable_node_public_ip` default true; `tier` dedicated | low_priority;
 *   `idle_time_before_scale_down` in seconds.
 * - Compute instance YAML, https://learn.microsoft.com/azure/machine-learning/reference-yaml-compute-instance
 *   and the SDK schema (azure-ai-ml `_schema/compute/compute_instance.py`): `size` default
 *   `Standard_DS3_v2`; `idle_time_before_shutdown` (ISO 8601, e.g. `PT30M`) or
 *   `idle_time_before_shutdown_minutes`; `schedules.compute_start_stop[]` with `action` and
 *   `state` (read by the front end into the ARM shape `computeStartStop[].status`);
 *   `enable_node_public_ip` default true.
 * - Workspace YAML, https://learn.microsoft.com/azure/machine-learning/reference-yaml-workspace:
 *   `public_network_access` enabled | disabled. The reference says the default is disabled
 *   (Private Link wording), but the CLI's ARM template (workspace_base.json) defaults to
 *   `Enabled`: absent is Enabled, as for ARM. `image_build_compute`, `container_registry`,
 *   `key_vault`, `storage_account` (resource IDs), `tags`.
 */
import type { KindSpec } from './spec.js';

/** The size the Azure ML CLI gives a compute created without `size`. */
const DEFAULT_SIZE = 'Standard_DS3_v2';

const common = [
  { canonical: 'name', paths: ['name'] },
  { canonical: 'tags', paths: ['tags'] },
  { canonical: 'computeTypeRaw', paths: ['type'] },
  { canonical: 'vmSize', paths: ['size'], default: DEFAULT_SIZE },
  { canonical: 'nodePublicIp', paths: ['enable_node_public_ip'], default: true },
];

/** Keyed by the document type (lower-case `type`, or the `$schema` name for a workspace). */
export const AZUREML_YAML_TABLE: Record<'amlcompute' | 'computeinstance' | 'workspace', KindSpec> = {
  amlcompute: {
    kind: 'ml.compute',
    fixed: { computeType: 'cluster' },
    attrs: [...common, { canonical: 'minNodeCount', paths: ['min_instances'], default: 0 }, { canonical: 'maxNodeCount', paths: ['max_instances'] }],
  },
  computeinstance: {
    kind: 'ml.compute',
    fixed: { computeType: 'instance' },
    attrs: [
      ...common,
      { canonical: 'idleTimeBeforeShutdown', paths: ['idle_time_before_shutdown', 'idle_time_before_shutdown_minutes'] },
      { canonical: 'schedules', paths: ['schedules'] },
    ],
  },
  workspace: {
    kind: 'ml.workspace',
    attrs: [
      { canonical: 'publicNetworkAccess', paths: ['public_network_access'], default: true, convert: 'enabledToBool' },
      { canonical: 'imageBuildCompute', paths: ['image_build_compute'] },
      { canonical: 'workspaceKind', paths: ['kind'] },
      { canonical: 'tags', paths: ['tags'] },
    ],
    refs: { containerRegistry: ['container_registry'], keyVault: ['key_vault'], storage: ['storage_account'] },
  },
};
