/**
 * The Terraform resource types that are Kubernetes workloads (the `hashicorp/kubernetes`
 * provider), and the lazy load of their reader (`../k8s/terraform.ts`, which carries the Kubernetes
 * workload reader): a Terraform run loads it only when planning found such a type in a unit's
 * files (`FrontEnd.beforeUnits`), so a one-file `.tf` run (the pre-commit case) does not.
 *
 * Sources: hashicorp/terraform-provider-kubernetes kubernetes/provider.go (ResourcesMap) and each
 * resource's schema (resource_kubernetes_deployment_v1.go, resource_kubernetes_cron_job_v1.go,
 * resource_kubernetes_cron_job_v1beta1.go: `kubernetes_cron_job` is the batch/v1beta1 CronJob, not an
 * alias of `_v1`; docs/guides/v3-upgrade-guide.md: each other unversioned name is the deprecated
 * alias of its `_v1`); gavinbunney/terraform-provider-kubectl docs/resources/kubectl_manifest.md
 * (`yaml_body`: "YAML to apply to kubernetes", one resource only; `override_namespace`: "Override
 * the namespace to apply the kubernetes resource to, ignoring any declared namespace in the
 * `yaml_body`", read with `d.GetOk("override_namespace")` in kubernetes/resource_kubectl_manifest.go,
 * so an empty string is not set; its fork alekc/kubectl keeps the resource and both arguments).
 */
import type { TerraformKaitoObject, TerraformWorkloadResource } from '../k8s/terraform.js';
import type { Location } from '../../core/source.js';
import type { K8sPodTemplate } from '../k8s/types.js';

/** A typed workload resource: the object it stands for and the blocks down to its pod spec. */
export interface TypedWorkload {
  kind: string;
  apiVersion: string;
  /** Blocks from the body to the pod spec (each one block: `spec[0].template[0].spec[0]`). */
  path: readonly string[];
}

const TEMPLATE_SPEC = ['spec', 'template', 'spec'];
const typed = (kind: string, apiVersion: string, path: readonly string[] = TEMPLATE_SPEC): TypedWorkload => ({ kind, apiVersion, path });
const POD = typed('Pod', 'v1', ['spec']);
const DEPLOYMENT = typed('Deployment', 'apps/v1');
const DAEMON_SET = typed('DaemonSet', 'apps/v1');
const STATEFUL_SET = typed('StatefulSet', 'apps/v1');
const JOB = typed('Job', 'batch/v1');
const REPLICATION_CONTROLLER = typed('ReplicationController', 'v1');
const CRON_JOB_PATH = ['spec', 'job_template', 'spec', 'template', 'spec'];

/** The provider's workload resource types (each unversioned name but `kubernetes_cron_job` is the deprecated alias of its `_v1`). */
const TYPED_WORKLOADS: Readonly<Record<string, TypedWorkload>> = {
  kubernetes_pod: POD,
  kubernetes_pod_v1: POD,
  kubernetes_deployment: DEPLOYMENT,
  kubernetes_deployment_v1: DEPLOYMENT,
  kubernetes_daemonset: DAEMON_SET,
  kubernetes_daemon_set_v1: DAEMON_SET,
  kubernetes_stateful_set: STATEFUL_SET,
  kubernetes_stateful_set_v1: STATEFUL_SET,
  kubernetes_job: JOB,
  kubernetes_job_v1: JOB,
  kubernetes_cron_job: typed('CronJob', 'batch/v1beta1', CRON_JOB_PATH),
  kubernetes_cron_job_v1: typed('CronJob', 'batch/v1', CRON_JOB_PATH),
  kubernetes_replication_controller: REPLICATION_CONTROLLER,
  kubernetes_replication_controller_v1: REPLICATION_CONTROLLER,
};

/** The resource that writes a whole object as a value (camelCase, as in YAML). */
export const KUBERNETES_MANIFEST = 'kubernetes_manifest';

/** The kubectl provider's resource that writes a whole object as YAML text (`yaml_body`). */
export const KUBECTL_MANIFEST = 'kubectl_manifest';

/** Whether a Terraform resource type holds Kubernetes pod templates. */
export function isTerraformWorkloadType(type: string): boolean {
  return Object.hasOwn(TYPED_WORKLOADS, type) || type === KUBERNETES_MANIFEST || type === KUBECTL_MANIFEST;
}

/** The typed resource `type` stands for, if it is one. */
export function typedWorkload(type: string): TypedWorkload | undefined {
  return Object.hasOwn(TYPED_WORKLOADS, type) ? TYPED_WORKLOADS[type] : undefined;
}

/**
 * The workload resource types as one pattern over a Terraform file's text (planning): quoted
 * (`resource "kubernetes_deployment_v1" "x"`, a `.tf.json` key) or a bare label, which HCL accepts
 * (`resource kubernetes_pod_v1 x {`).
 */
const TYPES = [...Object.keys(TYPED_WORKLOADS), KUBERNETES_MANIFEST, KUBECTL_MANIFEST].join('|');
export const TERRAFORM_WORKLOAD_TYPE = new RegExp(`"(?:${TYPES})"|\\bresource\\s+(?:${TYPES})\\b`);

interface WorkloadReader {
  podTemplates(r: TerraformWorkloadResource, isManifestFile?: (file: string) => boolean): K8sPodTemplate[];
  kaitoObjects(r: TerraformWorkloadResource, isManifestFile?: (file: string) => boolean): TerraformKaitoObject[];
  injectingNamespaces(resources: readonly TerraformWorkloadResource[]): Map<string, Location>;
  workloadNamespace(r: TerraformWorkloadResource): string | undefined;
}
let reader: WorkloadReader | undefined;

/** Imports the workload reader (once). */
export async function loadTerraformWorkloadReader(): Promise<void> {
  if (reader) return;
  const m = await import('../k8s/terraform.js');
  reader = { podTemplates: m.terraformPodTemplates, kaitoObjects: m.terraformKaitoObjects, injectingNamespaces: m.injectingNamespaces, workloadNamespace: m.workloadNamespace };
}

/**
 * The workload reader once `loadTerraformWorkloadReader` has imported it; undefined before (a unit
 * planning found no workload type in: one reached only through a registry module's copy is not read).
 */
export function loadedTerraformWorkloadReader(): WorkloadReader | undefined {
  return reader;
}
