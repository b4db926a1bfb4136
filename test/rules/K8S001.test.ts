/**
 * K8S001 (gpu-workload-without-gpu-toleration): a Kubernetes workload that requests a GPU but
 * does not tolerate every NoSchedule/NoExecute taint of at least one GPU node pool. The pools
 * come from the scanned Terraform, ARM or Bicep; without one, from config `gpu.taint`.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { lint } from '../../src/api.js';
import { brief, lintTree, tempTrees } from '../support/temp-tree.js';

/** An azurerm GPU pool with these taints (written as given, e.g. `["sku=gpu:NoSchedule"]`). */
function tfPool(taints: string, extra = '', name = 'gpu', size = 'Standard_NC24ads_A100_v4'): string {
  return `
resource "azurerm_kubernetes_cluster_node_pool" "${name}" {
  name                  = "${name}"
  kubernetes_cluster_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = "${size}"
  node_taints           = ${taints}
${extra}}
`;
}

/** A Job whose container asks for `resource` (`⟦nvidia.com/gpu⟧` to mark it), with `tolerations` (YAML, indented 6). */
function job(resource = '⟦nvidia.com/gpu⟧', tolerations = '', kind = 'Job', apiVersion = 'batch/v1'): string {
  return `
apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: train
spec:
  template:
    spec:
${tolerations}      containers:
        - name: train
          image: mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.8-cudnn8-ubuntu22.04
          resources:
            limits:
              ${resource}: 1
      restartPolicy: Never
`;
}


/** A KServe InferenceService whose predictor is `predictor` (YAML, indented 4). */
function isvc(predictor: string, apiVersion = 'serving.kserve.io/v1beta1'): string {
  return `
apiVersion: ${apiVersion}
kind: InferenceService
metadata:
  name: llm
spec:
  predictor:
${predictor}`;
}

const MODEL_GPU = `    model:
      modelFormat:
        name: huggingface
      storageUri: hf://meta-llama/Llama-3.1-8B-Instruct
      resources:
        limits:
          ⟦nvidia.com/gpu⟧: "1"
`;

const SKU_GPU = `      tolerations:
        - key: sku
          operator: Equal
          value: gpu
          effect: NoSchedule
`;

/** A GPU Job that selects Spot nodes and tolerates only the sku=gpu taint (not the Spot taint AKS adds). */
const SPOT_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: spot-train
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.azure.com/scalesetpriority: spot
      tolerations:
        - {key: sku, operator: Equal, value: gpu, effect: NoSchedule}
      containers:
        - name: c
          image: x
          resources:
            limits:
              ⟦nvidia.com/gpu⟧: 1
`;
/** A toleration block for the AKS default GPU taint (indented 8: inside a pod spec). */
const TF_TOLERATION = '        toleration {\n          key      = "sku"\n          operator = "Equal"\n          value    = "gpu"\n          effect   = "NoSchedule"\n        }\n';

/**
 * A Terraform workload `type` named train whose container's limits hold `resource = 1` (`⟦…⟧` to
 * mark it), with `podSpec` lines (indented 8) beside the container; `path`: its blocks down to the pod spec.
 */
function tfWorkload(type: string, resource: string, podSpec = '', path = ['spec', 'template', 'spec']): string {
  const open = path.map((b, i) => `${'  '.repeat(i + 1)}${b} {\n`).join('');
  const close = path.map((_, i) => `${'  '.repeat(path.length - i)}}\n`).join('');
  const inner = '  '.repeat(path.length + 1);
  const container = `${inner}container {\n${inner}  name  = "c"\n${inner}  image = "i"\n${inner}  resources {\n${inner}    limits = {\n${inner}      ${resource} = 1\n${inner}    }\n${inner}  }\n${inner}}\n`;
  return `resource "${type}" "train" {\n  metadata {\n    name = "train"\n  }\n${open}${container}${podSpec.replace(/^ {8}/gm, inner)}${close}}\n`;
}
const POOL = tfPool('["sku=gpu:NoSchedule"]');

/**
 * A kubectl provider `kubectl_manifest` (or, with `open`, another way in) whose heredoc is a job
 * YAML: `job(resource, tolerations)` as the heredoc's body.
 */
function kubectlJob(resource: string, tolerations = '', open = 'resource "kubectl_manifest" "train" {\n  yaml_body = <<YAML', close = 'YAML\n}\n'): string {
  return `${open}${job(resource, tolerations)}${close}`;
}

/** K8S001's message for the Job named train against POOL. */
const TRAIN_PENDING =
  'Job "train" requests "nvidia.com/gpu" but does not tolerate the taint "sku=gpu:NoSchedule" of GPU node pool "gpu", so its pods stay Pending; add a toleration for "sku=gpu:NoSchedule" to the pod template.';
const RELATED_POOL = [{ file: 'infra/main.tf', line: 5, label: 'taint "sku=gpu:NoSchedule" of GPU node pool "gpu"' }];

const cases: RuleTable = {
  k8s: {
    valid: [
      {
        // JSON without comments suppresses through the object's metadata (RULES.md "Inline suppressions"),
        // each object of a List through its own (review 105: ignored).
        name: 'json-manifest-suppressed-through-its-metadata',
        files: {
          'k8s/job.json': JSON.stringify({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'train', 'mlops-iac-lint-ignore': [{ id: 'K8S001', reason: 'the team operator adds the toleration' }] }, spec: { template: { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { 'nvidia.com/gpu': 1 } } }], restartPolicy: 'Never' } } } }, null, 2),
          'k8s/list.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', 'mlops-iac-lint-ignore': [{ id: 'K8S001', reason: 'the team operator adds the toleration' }] }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { 'nvidia.com/gpu': 1 } } }] } }] }, null, 2),
        },
      },
      {
        // A pool list only partly known (`concat([sys, t4], deployA100 ? [a100] : [])`): the pools
        // that may follow may be tolerated GPU pools, so the T4 pool alone decides nothing (self-review 81).
        name: 'pools-that-may-follow-a-partly-known-list-are-unknown',
        files: {
          'infra/main.bicep':
            "param deployA100 bool\nparam a100Pool object\nvar sysCpu = { name: 'system', vmSize: 'Standard_D4s_v5', mode: 'System', count: 1 }\nvar t4Pool = { name: 'gput4', vmSize: 'Standard_NC4as_T4_v3', mode: 'User', count: 1, nodeTaints: [ 'team=vision:NoSchedule' ] }\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks-ml'\n  location: 'westeurope'\n  properties: {\n    dnsPrefix: 'aks'\n    agentPoolProfiles: concat([ sysCpu, t4Pool ], deployA100 ? [ a100Pool ] : [])\n  }\n}\n",
          'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
      },
      {
        // The same toleration with value gpu, its effect from the merge key: tolerated.
        name: 'toleration-completed-by-a-merge-key-tolerates',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.yaml':
            'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  labels: &base\n    effect: NoSchedule\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      tolerations:\n      - <<: *base\n        key: sku\n        operator: Equal\n        value: gpu\n      containers:\n      - name: c\n        image: x\n        resources:\n          limits:\n            nvidia.com/gpu: 1\n',
        },
      },
      {
        // A repository's pools in sibling folders (terraform/ and bicep/), all tainted workload=gpu, which the job tolerates.
        name: 'one-repository-tolerated-pools-in-sibling-folders',
        files: {
          '.git/HEAD': 'ref: refs/heads/main\n',
          'terraform/main.tf': tfPool('["workload=gpu:NoSchedule"]'),
          'bicep/main.tf': tfPool('["workload=gpu:NoSchedule"]', '', 'gpu2'),
          'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: workload, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
      },
      {
        // Outside a repository (several checkouts side by side) no scanned pool is known to be the
        // manifest's; but it tolerates every taint of a GPU pool of the scan, so RULES.md's "at
        // least one GPU pool" holds and the configured taint is not demanded instead.
        name: 'pools-of-other-projects-tolerated',
        files: {
          'dev/main.tf': tfPool('["workload=gpu:NoSchedule"]'),
          'prod/main.tf': tfPool('["workload=gpu:NoSchedule"]', '', 'gpu2'),
          'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: workload, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
      },
      {
        // The same one folder down: the manifest's project (teamA) holds its AKS code in two child
        // folders outside a repository, so neither is known to be its cluster's; it tolerates every
        // taint of one of them, so "at least one GPU pool" holds (whichever folder the run starts from).
        name: 'pools-of-checkouts-in-its-project-tolerated',
        files: {
          'teamA/dev/main.tf': tfPool('["dev=gpu:NoSchedule"]'),
          'teamA/prod/main.tf': tfPool('["prod=gpu:NoSchedule"]', '', 'gpu2'),
          'teamA/k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: dev, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
      },
      { name: 'equal-toleration', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu', SKU_GPU) } },
      {
        // A toleration filled in when the manifest is rendered (envsubst, Replace Tokens) may be the
        // pool's taint: undecided, not reported (review 47).
        name: 'toleration-value-filled-in-at-render-time',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: sku, operator: Equal, value: "${GPU_TAINT_VALUE}", effect: NoSchedule }\n'),
          'k8s/job2.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: "#{taintKey}#", operator: Exists, effect: NoSchedule }\n'),
        },
      },
      {
        // The only GPU pool is meant for GPU but has a CPU size (GPU001 reports it): the scan has a
        // GPU pool, so the configured taint is not assumed, and no GPU pod runs there.
        name: 'only-a-cpu-sized-pool-meant-for-gpu',
        files: { 'infra/main.tf': tfPool('["workload=gpu:NoSchedule"]', '', 'gpu', 'Standard_D16s_v5'), 'k8s/job.yaml': job('nvidia.com/gpu') },
      },
      {
        // The only GPU pool is meant for GPU by its name but has a CPU size (GPU001 reports it): the job tolerates its taint.
        name: 'tolerates-a-cpu-sized-pool-meant-for-gpu',
        files: {
          'infra/main.tf': tfPool('["workload=gpu:NoSchedule"]', '', 'gpu', 'Standard_D16s_v5'),
          'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: workload, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
      },
      {
        // A directive above apiVersion: covers the document (its root mapping opens on the next line).
        name: 'suppressed-above-the-manifest',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': '# mlops-iac-lint-ignore K8S001 -- a Kyverno policy injects the toleration' + job('nvidia.com/gpu') },
      },
      {
        // A directive above a document's `---` (at the end of the previous document) covers the
        // document after it, not only the separator line.
        name: 'suppressed-above-the-document-separator',
        files: {
          'infra/main.tf': POOL,
          'k8s/jobs.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n# mlops-iac-lint-ignore K8S001 -- a Kyverno policy injects the toleration\n---' + job('nvidia.com/gpu'),
        },
      },
      {
        // kubectl's YAML reader applies a merge key (`<<: *base`): the tolerations it may supply are
        // unknown here (aliases are not followed), never "no toleration" (RULES.md: a rule never reports on an unknown value).
        name: 'tolerations-from-yaml-merge-key-are-unknown',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.yaml': job('nvidia.com/gpu', '      <<: *base\n').replace('  name: train\n', '  name: train\n  annotations:\n    base: &base\n      tolerations: [{ key: sku, operator: Equal, value: gpu, effect: NoSchedule }]\n'),
        },
      },
      {
        name: 'operator-defaults-to-equal',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: sku, value: gpu, effect: NoSchedule }\n') },
      },
      {
        name: 'exists-with-key',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - key: sku\n          operator: Exists\n          effect: NoSchedule\n') },
      },
      {
        name: 'exists-without-key-tolerates-everything',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "team=ml:NoExecute"]'), 'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - operator: Exists\n') },
      },
      {
        name: 'empty-effect-matches-every-effect',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoExecute"]'), 'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - key: sku\n          value: gpu\n') },
      },
      {
        name: 'prefer-no-schedule-needs-no-toleration',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "zone=slow:PreferNoSchedule"]'), 'k8s/job.yaml': job('nvidia.com/gpu', SKU_GPU) },
      },
      {
        name: 'two-pools-second-fully-tolerated',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "team=vision:NoSchedule"]') + tfPool('["gpu=a100:NoSchedule"]', '', 'a100'),
          'k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: gpu, operator: Equal, value: a100, effect: NoSchedule }\n'),
        },
      },
      {
        name: 'pool-with-two-taints-both-tolerated',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "dedicated=training:NoExecute"]'),
          'k8s/job.yaml': job('nvidia.com/gpu', SKU_GPU + '        - { key: dedicated, operator: Equal, value: training, effect: NoExecute }\n'),
        },
      },
      {
        name: 'spot-pool-both-taints-tolerated',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]', '  priority              = "Spot"\n'),
          'k8s/job.yaml': job('nvidia.com/gpu', SKU_GPU + '        - { key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule }\n'),
        },
      },
      { name: 'pool-without-taints', files: { 'infra/main.tf': tfPool('[]'), 'k8s/job.yaml': job('nvidia.com/gpu') } },
      { name: 'cpu-workload', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('cpu') } },
      { name: 'zero-gpus', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: 0') } },
      // A count filled in when the manifest is rendered (envsubst, Terraform templatefile) may be 0: undecided.
      { name: 'gpu-count-placeholder', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: "${GPU_COUNT}"') } },
      { name: 'gpu-count-placeholder-unquoted', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: $GPU_COUNT') } },
      { name: 'config-taint-tolerated', files: { 'k8s/job.yaml': job('nvidia.com/gpu', SKU_GPU) } },
      {
        name: 'taints-unknown-not-decided',
        files: {
          'infra/main.tf': tfPool('var.gpu_taints') + '\nvariable "gpu_taints" {\n  type = list(string)\n}\n',
          'k8s/job.yaml': job('nvidia.com/gpu'),
        },
      },
      // FORMATS.md 2(d): tolerations a namespace injects (PodTolerationRestriction's
      // defaultTolerations annotation) are unknown: a Namespace written in the same file makes its
      // workloads (and those that name no namespace) undecided.
      {
        name: 'namespace-in-the-file-injects-default-tolerations',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: training
  annotations:
    scheduler.alpha.kubernetes.io/defaultTolerations: '[{"key": "sku", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"}]'
---${job('nvidia.com/gpu').replace('  name: train\n', '  name: train\n  namespace: training\n')}---${job('nvidia.com/gpu').replace('  name: train\n', '  name: train-unplaced\n')}`,
        },
      },
      {
        name: 'assume-injected-tolerations',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu') },
        options: { config: { k8s: { assumeInjectedTolerations: true } } },
      },
      {
        name: 'suppressed-in-yaml',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.yaml': job('nvidia.com/gpu').replace('              nvidia.com/gpu: 1', '              # mlops-iac-lint-ignore K8S001 -- a Kyverno policy adds the toleration\n              nvidia.com/gpu: 1'),
        },
      },
      {
        name: 'suppressed-in-jsonc',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.json': `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": { "name": "cuda" },
  "spec": {
    "containers": [
      {
        "name": "cuda",
        "resources": {
          "limits": {
            // mlops-iac-lint-ignore K8S001 -- tolerations come from the namespace (PodTolerationRestriction)
            "nvidia.com/gpu": 1
          }
        }
      }
    ]
  }
}
`,
        },
      },
      {
        name: 'helm-chart-folder-skipped',
        files: {
          'infra/main.tf': POOL,
          'charts/trainer/Chart.yaml': 'apiVersion: v2\nname: trainer\nversion: 0.1.0\n',
          'charts/trainer/templates/job.yaml': job('nvidia.com/gpu').replace('name: train', 'name: {{ .Release.Name }}-train\n  labels:\n    {{- include "trainer.labels" . | nindent 4 }}'),
          'charts/trainer/templates/plain.yaml': job('nvidia.com/gpu'),
        },
      },
      {
        name: 'template-actions-skipped',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('nvidia.com/gpu').replace('name: train', 'name: {{ .Values.name }}') },
      },
      {
        name: 'kustomize-base-skipped',
        files: {
          'infra/main.tf': POOL,
          'k8s/base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - job.yaml\n',
          'k8s/base/job.yaml': job('nvidia.com/gpu'),
        },
      },
      {
        // Two project folders declare a pool of one address (each its cluster's): each manifest is judged
        // against its own project's pool, not the configured taint (the pools are not one pool).
        name: 'same-pool-address-in-two-projects',
        files: {
          'team-a/infra/main.tf': tfPool('["gpu=true:NoSchedule"]'),
          'team-a/k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: gpu, operator: Equal, value: "true", effect: NoSchedule }\n'),
          'team-b/infra/main.tf': tfPool('["gpu=true:NoSchedule"]'),
          'team-b/k8s/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: gpu, operator: Equal, value: "true", effect: NoSchedule }\n'),
        },
      },
      {
        // KServe: a component's tolerations sit at its own level (PodSpec inline in PredictorSpec).
        name: 'kserve-predictor-tolerates',
        files: { 'infra/main.tf': POOL, 'k8s/isvc.yaml': isvc(MODEL_GPU.replace('⟦nvidia.com/gpu⟧', 'nvidia.com/gpu') + '    tolerations:\n      - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n') },
      },
      {
        // The v1alpha2 (KFServing) shape (spec.default.predictor) is not read: nothing is guessed.
        name: 'kfserving-v1alpha2-not-read',
        files: { 'infra/main.tf': POOL, 'k8s/isvc.yaml': isvc(MODEL_GPU.replace('⟦nvidia.com/gpu⟧', 'nvidia.com/gpu'), 'serving.kubeflow.org/v1alpha2') },
      },
    ],
    invalid: [
      {
        // A taint surely lacking decides the pool, whatever a placeholder may tolerate of its other taint (review 49).
        name: 'one-taint-surely-lacking-beside-a-placeholder-toleration',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "team=ml:NoSchedule"]'),
          'k8s/job.yaml': job(undefined, '      tolerations:\n        - { key: sku, operator: Equal, value: "${X}", effect: NoSchedule }\n'),
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'does not tolerate the taint "team=ml:NoSchedule"',
      },
      {
        // A placeholder in a toleration whose written key already rules the taint out decides nothing (review 48).
        name: 'placeholder-in-a-toleration-of-another-key',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job(undefined, '      tolerations:\n        - { key: foo, operator: Equal, value: "${X}", effect: NoSchedule }\n') },
        level: 'error',
        env: 'unknown',
      },
      {
        // A replica spec that reuses another's through YAML aliases (`tolerations: *tol`,
        // `limits: *gpu`) is read as kubectl reads it: its own finding, at its use of the alias.
        name: 'replica-specs-sharing-values-through-aliases',
        files: {
          'infra/main.tf': POOL,
          'k8s/ptjob.yaml':
            'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: dist\nspec:\n  pytorchReplicaSpecs:\n    Master:\n      template:\n        spec:\n          tolerations: &tol\n          - {key: sku, operator: Equal, value: "true", effect: NoSchedule}\n          containers:\n          - name: pytorch\n            image: x\n            resources:\n              limits: &gpu\n                ⟦nvidia.com/gpu⟧: 1\n    Worker:\n      template:\n        spec:\n          tolerations: *tol\n          containers:\n          - name: pytorch\n            image: x\n            resources:\n              limits: ⟦*gpu⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // A toleration that takes its effect from a merge key (`<<: *base`, YAML 1.1, which
        // kubectl applies) is read whole: value "true" does not match sku=gpu.
        name: 'toleration-completed-by-a-merge-key',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.yaml':
            'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  labels: &base\n    effect: NoSchedule\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      tolerations:\n      - <<: *base\n        key: sku\n        operator: Equal\n        value: "true"\n      containers:\n      - name: c\n        image: x\n        resources:\n          limits:\n            ⟦nvidia.com/gpu⟧: 1\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        name: 'job-terraform-pool',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job() },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        message: TRAIN_PENDING,
        related: RELATED_POOL,
      },
      {
        // YAML's other ways of writing the top-level keys (a flow mapping, quoted keys, a document
        // indented under its `---`) are manifests too (they were never read).
        name: 'flow-style-quoted-keys-and-indented-documents',
        files: {
          'k8s/flow.yaml':
            '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p1"}, "spec": {"containers": [{"name": "c", "image": "i", "resources": {"limits": {⟦"nvidia.com/gpu"⟧: 1}}}]}}\n',
          'k8s/quoted.yaml': '"apiVersion": v1\n"kind": Pod\nmetadata:\n  name: p2\nspec:\n  containers:\n    - name: c\n      image: i\n      resources:\n        limits:\n          ⟦nvidia.com/gpu⟧: 1\n',
          'k8s/indented.yaml': '---\n  apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p3\n  spec:\n    containers:\n      - name: c\n        image: i\n        resources:\n          limits:\n            ⟦nvidia.com/gpu⟧: 1\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
      },
      {
        // Lone CR line ends are YAML 1.2 line breaks (the manifest was PARSE001 "Nested mappings
        // are not allowed in compact mappings"): the request is found on its own line.
        name: 'lone-cr-line-breaks',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job().replace(/^\n/, '').replace(/\n/g, '\r') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        message: TRAIN_PENDING,
        related: RELATED_POOL,
      },
      {
        // An annotated Namespace in the file does not reach a workload of another namespace.
        name: 'namespace-in-the-file-injects-into-another-namespace',
        files: {
          'infra/main.tf': POOL,
          'k8s/job.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: inference
  annotations:
    scheduler.alpha.kubernetes.io/defaultTolerations: '[{"key": "sku", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"}]'
---${job().replace('  name: train\n', '  name: train\n  namespace: training\n')}`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        related: RELATED_POOL,
      },
      {
        // A cluster whose whole pool list is unknown has no GPU pool the scan knows of: the configured
        // taint, as before partly known lists (self-review 83).
        name: 'wholly-unknown-pool-list-config-taint',
        files: {
          'infra/main.bicep': "param pools array\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks-ml'\n  location: 'westeurope'\n  properties: {\n    dnsPrefix: 'aks'\n    agentPoolProfiles: pools\n  }\n}\n",
          'k8s/job.yaml': job(),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
      },
      {
        name: 'no-pool-config-taint',
        files: { 'k8s/job.yaml': job() },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
        messageIncludes: '"sku=gpu:NoSchedule" (gpu.taint; the scan has no GPU node pool)',
      },
      {
        // A folder of two checkouts (no .git at or above the scan root): the scan has GPU pools,
        // but none is known to be the manifest's cluster's (src/engine/scan.ts): the message says so.
        name: 'pools-of-other-projects-config-taint',
        files: { 'a/infra/main.tf': POOL, 'b/infra/main.tf': tfPool('["team=ml:NoSchedule"]'), 'samples/job.yaml': job() },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
        message:
          `Job "train" requests "nvidia.com/gpu" but does not tolerate the GPU taint "sku=gpu:NoSchedule" (gpu.taint; none of the scan's GPU node pools is known to be this manifest's cluster's), so on a cluster whose GPU pools carry it its pods stay Pending; add a toleration for "sku=gpu:NoSchedule" to the pod template.`,
      },
      {
        // The manifest's own project (teamA) has no GPU pool: another project's pool, tolerated
        // or not, is not its cluster's (in a repository too), so the configured taint is expected.
        name: 'own-project-without-gpu-pool-another-projects-pool-tolerated',
        files: {
          '.git/HEAD': 'ref: refs/heads/main\n',
          'teamA/infra/main.tf': 'resource "azurerm_kubernetes_cluster" "a" {\n  name = "aks-a"\n  default_node_pool {\n    name    = "system"\n    vm_size = "Standard_D4s_v5"\n  }\n}\n',
          'teamA/k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      tolerations:\n        - { key: team, operator: Equal, value: b, effect: NoSchedule }\n'),
          'teamB/infra/main.tf': tfPool('["team=b:NoSchedule"]'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
      },
      {
        // The manifest's project (teamA) is read as two checkouts: a pool of another project
        // (teamB) that it tolerates is not one of them, so the configured taint is still demanded.
        name: 'pool-of-another-project-tolerated-project-of-checkouts-config-taint',
        files: {
          'teamA/dev/main.tf': tfPool('["dev=gpu:NoSchedule"]'),
          'teamA/prod/main.tf': tfPool('["prod=gpu:NoSchedule"]', '', 'gpu2'),
          'teamA/k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      tolerations:\n        - { key: team, operator: Equal, value: b, effect: NoSchedule }\n'),
          'teamB/infra/main.tf': tfPool('["team=b:NoSchedule"]', '', 'gpu3'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
        messageIncludes: "none of the scan's GPU node pools is known to be this manifest's cluster's",
      },
      {
        // An untainted GPU pool of another checkout is no sign the manifest is written for it
        // (every pod tolerates no taint): the configured taint is still demanded.
        name: 'untainted-pool-of-another-checkout-config-taint',
        files: { 'a/infra/main.tf': tfPool('[]'), 'b/infra/main.tf': POOL.replace(/"gpu"/g, '"gpu2"'), 'samples/job.yaml': job() },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
      },
      {
        // Inside a repository (a .git at or above the scan root) the top-level folders are one
        // project's (dev/ and prod/ beside k8s/): the pools are the scan's, and an error names one.
        name: 'one-repository-pools-in-sibling-folders',
        files: {
          '.git/HEAD': 'ref: refs/heads/main\n',
          'dev/main.tf': POOL,
          'prod/main.tf': tfPool('["sku=gpu:NoSchedule"]', '', 'train'),
          'k8s/job.yaml': job(),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'does not tolerate the taint "sku=gpu:NoSchedule" of GPU node pool',
      },
      {
        name: 'no-pool-configured-taint',
        files: { 'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU) },
        options: { config: { gpu: { taint: 'accelerator=a100:NoSchedule' } } },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
        messageIncludes: '"accelerator=a100:NoSchedule"',
      },
      {
        // A pool meant for GPU with a CPU size runs no GPU pod (GPU001's finding), even untainted:
        // the pods must tolerate the GPU-sized pool's taints.
        name: 'cpu-sized-pool-meant-for-gpu-beside-a-gpu-pool',
        files: {
          'infra/main.tf': tfPool('[]', '', 'gpu', 'Standard_D16s_v5') + tfPool('["sku=gpu:NoSchedule"]', '', 'train'),
          'k8s/job.yaml': job(),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'of GPU node pool "train"',
      },
      {
        name: 'wrong-value',
        files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      tolerations:\n        - { key: sku, operator: Equal, value: "true", effect: NoSchedule }\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        related: [{ label: 'tolerations' }, ...RELATED_POOL],
      },
      {
        name: 'noexecute-taint-noschedule-toleration',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoExecute"]'), 'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU) },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'taint "sku=gpu:NoExecute"',
      },
      {
        name: 'exists-with-key-other-effect',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoExecute"]'), 'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      tolerations:\n        - { key: sku, operator: Exists, effect: NoSchedule }\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        name: 'pool-with-two-taints-one-tolerated',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "dedicated=training:NoExecute"]'), 'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU) },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'add a toleration for "dedicated=training:NoExecute"',
      },
      {
        // AKS tolerates the nvidia.com/gpu taint for a pod that requests nvidia.com/gpu (ExtendedResourceToleration):
        // the taint it really lacks names the cause and is the related location.
        name: 'extended-resource-taint-and-a-missing-one',
        files: { 'infra/main.tf': tfPool('["nvidia.com/gpu=present:NoSchedule", "workload=training:NoExecute"]'), 'k8s/job.yaml': job() },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'does not tolerate the taint "workload=training:NoExecute" of GPU node pool "gpu"',
        related: [{ label: 'taint "workload=training:NoExecute" of GPU node pool "gpu"' }],
      },
      {
        // Two pools of one name in two clusters are two pools (review 106: counted by name, the second disappeared).
        name: 'two-clusters-each-with-a-pool-named-gpu',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]') + tfPool('["accel=a100:NoSchedule"]').replace('"gpu" {', '"gpu_b" {').replace('managedClusters/aks"', 'managedClusters/aks2"'),
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      tolerations:\n        - { key: accel, operator: Equal, value: zzz, effect: NoSchedule }\n'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'of GPU node pool "gpu" (nor every taint of the other GPU pool)',
      },
      {
        name: 'two-pools-neither-fully-tolerated',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "team=vision:NoSchedule"]') + tfPool('["gpu=a100:NoSchedule"]', '', 'a100'),
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: '(nor every taint of the other GPU pool)',
        related: [{ label: 'taint "team=vision:NoSchedule" of GPU node pool "gpu"' }, { label: 'taint "gpu=a100:NoSchedule" of GPU node pool "a100"' }],
      },
      {
        name: 'node-selector-picks-the-untolerated-pool',
        files: {
          'infra/main.tf': tfPool('["gpu=a100:NoSchedule"]', '', 'a100') + tfPool('["sku=gpu:NoSchedule"]', '', 't4', 'Standard_NC4as_T4_v3'),
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      nodeSelector:\n        kubernetes.azure.com/agentpool: t4\n      tolerations:\n        - { key: gpu, operator: Equal, value: a100, effect: NoSchedule }\n'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'taint "sku=gpu:NoSchedule" of GPU node pool "t4", so',
      },
      {
        // Nodes carry their VM size as node.kubernetes.io/instance-type: selecting the T4 size picks the t4 pool (review 50).
        name: 'instance-type-selector-picks-the-untolerated-pool',
        files: {
          'infra/main.tf': tfPool('["gpu=a100:NoSchedule"]', '', 'a100') + tfPool('["sku=gpu:NoSchedule"]', '', 't4', 'Standard_NC4as_T4_v3'),
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      nodeSelector:\n        node.kubernetes.io/instance-type: Standard_NC4as_T4_v3\n      tolerations:\n        - { key: gpu, operator: Equal, value: a100, effect: NoSchedule }\n'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'taint "sku=gpu:NoSchedule" of GPU node pool "t4", so',
      },
      {
        name: 'spot-pool-automatic-taint',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]', '  priority              = "Spot"\n'), 'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU) },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'taint "kubernetes.azure.com/scalesetpriority=spot:NoSchedule" that AKS adds to Spot GPU node pool "gpu"',
        related: [{ file: 'infra/main.tf', line: 6 }],
      },
      {
        // Written on a Spot pool (azurerm users write it to avoid drift), the Spot taint is still AKS's.
        name: 'spot-pool-spot-taint-written',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "kubernetes.azure.com/scalesetpriority=spot:NoSchedule"]', '  priority              = "Spot"\n'),
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'taint "kubernetes.azure.com/scalesetpriority=spot:NoSchedule" that AKS adds to Spot GPU node pool "gpu"',
        related: [{ file: 'infra/main.tf', line: 5 }],
      },
      {
        name: 'az-spot-pool-automatic-taint',
        files: {
          'infra/deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC24ads_A100_v4 --priority Spot --node-taints sku=gpu:NoSchedule\n',
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'taint "kubernetes.azure.com/scalesetpriority=spot:NoSchedule" that AKS adds to Spot GPU node pool "gpu"',
        related: [{ file: 'infra/deploy.sh', line: 1, label: 'taint "kubernetes.azure.com/scalesetpriority=spot:NoSchedule" that AKS adds to Spot GPU node pool "gpu"' }],
      },
      {
        // A pool added without --priority is Regular (the CLI's default): it has no Spot label, so a Spot
        // nodeSelector rules it out and the Spot pool's taint is the one to tolerate.
        name: 'az-spot-selector-rules-out-a-pool-added-without-priority',
        files: {
          'infra/deploy.sh':
            'az aks nodepool add -g rg --cluster-name aks -n gpuspot -s Standard_NC24ads_A100_v4 --priority Spot --node-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks -n gpureg -s Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n',
          'k8s/job.yaml': SPOT_JOB,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'that AKS adds to Spot GPU node pool "gpuspot"',
      },
      {
        // The pool `az aks create` makes is the system pool, which cannot be Spot: a Spot nodeSelector
        // rules it out as it does a pool added without --priority.
        name: 'az-spot-selector-rules-out-the-pool-of-aks-create',
        files: {
          'infra/deploy.sh':
            'az aks create -g rg -n aks --node-vm-size Standard_NC24ads_A100_v4 --nodepool-name gpusys --nodepool-taints sku=gpu:NoSchedule\naz aks nodepool add -g rg --cluster-name aks -n gpuspot -s Standard_NC24ads_A100_v4 --priority Spot --node-taints sku=gpu:NoSchedule\n',
          'k8s/job.yaml': SPOT_JOB,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'that AKS adds to Spot GPU node pool "gpuspot"',
      },
      {
        // An ops script that scales the declared GPU pool changes none of its taints, and declares
        // no pool of its own (review 74: the error became "could not decide").
        name: 'az-nodepool-update-of-the-declared-pool-keeps-its-taints',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]'),
          'scripts/ops.sh': 'az aks get-credentials -g rg -n aks\naz aks nodepool update -g rg --cluster-name aks -n gpu --enable-cluster-autoscaler --min-count 0 --max-count 4\n',
          'k8s/job.yaml': job(),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // azurerm's only_critical_addons_enabled taints the default pool CriticalAddonsOnly=true:NoSchedule
        // (review 77: a GPU default pool's taint was read as none).
        name: 'azurerm-only-critical-addons-taints-the-default-pool',
        files: {
          'infra/main.tf': 'resource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "aks"\n  default_node_pool {\n    name                         = "gpusys"\n    vm_size                      = "Standard_NC4as_T4_v3"\n    node_count                   = 1\n    only_critical_addons_enabled = true\n  }\n}\n',
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'does not tolerate the taint "CriticalAddonsOnly=true:NoSchedule" of GPU node pool "gpusys"',
      },
      {
        // Written as a string, as Terraform converts it ("1" is true; self-review 78/79).
        name: 'azurerm-only-critical-addons-as-a-string',
        files: {
          'infra/main.tf': 'resource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "aks"\n  default_node_pool {\n    name                         = "gpusys"\n    vm_size                      = "Standard_NC4as_T4_v3"\n    node_count                   = 1\n    only_critical_addons_enabled = "1"\n  }\n}\n',
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        name: 'nvidia-taint-extended-resource-toleration',
        files: { 'infra/main.tf': tfPool('["nvidia.com/gpu=present:NoSchedule"]'), 'k8s/job.yaml': job() },
        level: 'note',
        env: 'unknown',
        messageId: 'extendedResource',        messageIncludes: 'relies on AKS adding the toleration for the taint "nvidia.com/gpu=present:NoSchedule" of GPU node pool "gpu" (ExtendedResourceToleration)',
      },
      {
        // Round 74: it said 'the taint … of the configured GPU taint'.
        name: 'configured-nvidia-taint-extended-resource-toleration',
        files: { 'k8s/job.yaml': job() },
        options: { config: { gpu: { taint: 'nvidia.com/gpu:NoSchedule' } } },
        level: 'note',
        env: 'unknown',
        messageId: 'extendedResource',
        messageIncludes: 'relies on AKS adding the toleration for the taint "nvidia.com/gpu:NoSchedule" configured as the GPU taint (gpu.taint) (ExtendedResourceToleration)',
      },
      {
        name: 'arm-pool',
        files: {
          'infra/aks.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters/agentPools",
      "apiVersion": "2024-02-01",
      "name": "aks/gpu",
      "properties": { "vmSize": "Standard_NC24ads_A100_v4", "nodeTaints": ["sku=gpu:NoSchedule"], "mode": "User" }
    }
  ]
}
`,
          'k8s/job.yaml': job(),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        related: [{ file: 'infra/aks.json', line: 9 }],
      },
      {
        name: 'arm-inline-spot-pool',
        files: {
          'infra/aks.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-02-01",
      "name": "aks",
      "location": "westeurope",
      "properties": {
        "dnsPrefix": "aks",
        "agentPoolProfiles": [
          { "name": "system", "mode": "System", "vmSize": "Standard_D4s_v5", "count": 2 },
          { "name": "spotgpu", "mode": "User", "vmSize": "Standard_NC24ads_A100_v4", "scaleSetPriority": "Spot", "nodeTaints": ["sku=gpu:NoSchedule"] }
        ]
      }
    }
  ]
}
`,
          'k8s/job.yaml': job('⟦nvidia.com/gpu⟧', SKU_GPU),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'that AKS adds to Spot GPU node pool "spotgpu"',
        related: [{ file: 'infra/aks.json', line: 14 }],
      },
      {
        name: 'bicep-pool',
        files: {
          'infra/aks.bicep': `
resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: 'aks'
}

resource gpu 'Microsoft.ContainerService/managedClusters/agentPools@2024-02-01' = {
  parent: aks
  name: 'gpu'
  properties: {
    vmSize: 'Standard_NC24ads_A100_v4'
    nodeTaints: [ 'sku=gpu:NoSchedule' ]
    mode: 'User'
  }
}
`,
          'k8s/job.yaml': job(),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        related: [{ file: 'infra/aks.bicep', line: 10 }],
      },
      { name: 'pod', files: { 'infra/main.tf': POOL, 'pod.yaml': `
apiVersion: v1
kind: Pod
metadata:
  name: cuda
spec:
  containers:
    - name: cuda
      image: nvidia/cuda
      resources:
        limits:
          ⟦nvidia.com/gpu⟧: 1
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'Pod "cuda"' },
      {
        // A broken document of a multi-document manifest is PARSE001; the sound ones are still checked.
        name: 'next-to-a-broken-document',
        files: { 'infra/main.tf': POOL, 'k8s/all.yaml': `
apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
data:
  key: a
   bad: b
---` + job() },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        messageIncludes: 'Job "train"',
        parseError: true,
      },
      { name: 'deployment', files: { 'infra/main.tf': POOL, 'k8s/deploy.yaml': job(undefined, '', 'Deployment', 'apps/v1') }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'Deployment "train"' },
      { name: 'replicaset', files: { 'infra/main.tf': POOL, 'k8s/rs.yaml': job(undefined, '', 'ReplicaSet', 'apps/v1') }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'ReplicaSet "train"' },
      { name: 'statefulset', files: { 'infra/main.tf': POOL, 'k8s/sts.yaml': job(undefined, '', 'StatefulSet', 'apps/v1') }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'StatefulSet "train"' },
      { name: 'daemonset', files: { 'infra/main.tf': POOL, 'k8s/ds.yaml': job(undefined, '', 'DaemonSet', 'apps/v1') }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'DaemonSet "train"' },
      { name: 'cronjob', files: { 'infra/main.tf': POOL, 'k8s/cron.yaml': `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          tolerations:
            - { key: sku, operator: Equal, value: cpu, effect: NoSchedule }
          containers:
            - name: train
              image: trainer
              resources:
                limits:
                  ⟦nvidia.com/gpu⟧: 2
          restartPolicy: OnFailure
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'CronJob "nightly"' },
      { name: 'init-container', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': `
apiVersion: batch/v1
kind: Job
metadata:
  name: warmup
spec:
  template:
    spec:
      initContainers:
        - name: warm
          image: trainer
          resources:
            requests:
              ⟦nvidia.com/mig-1g.5gb⟧: 1
      containers:
        - name: main
          image: busybox
      restartPolicy: Never
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'requests "nvidia.com/mig-1g.5gb"' },
      { name: 'gpu-shared', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('⟦nvidia.com/gpu.shared⟧') }, level: 'error', env: 'unknown', messageId: 'scannedPool' },
      { name: 'amd-gpu', files: { 'infra/main.tf': POOL, 'k8s/job.yaml': job('⟦amd.com/gpu⟧') }, level: 'error', env: 'unknown', messageId: 'scannedPool' },
      { name: 'pytorchjob', files: { 'infra/main.tf': POOL, 'k8s/ptj.yaml': `
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: bert
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          tolerations:
            - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }
          containers:
            - name: pytorch
              image: trainer
              resources:
                limits:
                  nvidia.com/gpu: 1
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: trainer
              resources:
                limits:
                  ⟦nvidia.com/gpu⟧: 1
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'PyTorchJob "bert" (Worker)' },
      { name: 'tfjob', files: { 'infra/main.tf': POOL, 'k8s/tfj.yaml': `
apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: mnist
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: tensorflow
              image: trainer
              resources:
                limits:
                  ⟦nvidia.com/gpu⟧: 1
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'TFJob "mnist" (Worker)' },
      { name: 'mpijob', files: { 'infra/main.tf': POOL, 'k8s/mpi.yaml': `
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: horovod
spec:
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
            - name: launcher
              image: horovod
    Worker:
      replicas: 4
      template:
        spec:
          containers:
            - name: worker
              image: horovod
              resources:
                limits:
                  ⟦nvidia.com/gpu⟧: 1
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'MPIJob "horovod" (Worker)' },
      { name: 'raycluster-head-and-worker', files: { 'infra/main.tf': POOL, 'k8s/ray.yaml': `
apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: ray
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray-ml
            resources:
              limits:
                ⟦nvidia.com/gpu⟧: 1
  workerGroupSpecs:
    - groupName: cpu
      replicas: 2
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray-ml
    - groupName: a100
      replicas: 2
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray-ml
              resources:
                limits:
                  ⟦nvidia.com/gpu⟧: 1
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', errors: [{ messageIncludes: 'RayCluster "ray" (head)' }, { messageIncludes: 'RayCluster "ray" (a100)' }] },
      { name: 'rayjob', files: { 'infra/main.tf': POOL, 'k8s/rayjob.yaml': `
apiVersion: ray.io/v1
kind: RayJob
metadata:
  name: tune
spec:
  entrypoint: python tune.py
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray-ml
    workerGroupSpecs:
      - groupName: gpu
        replicas: 1
        rayStartParams: {}
        template:
          spec:
            containers:
              - name: ray-worker
                image: rayproject/ray-ml
                resources:
                  limits:
                    ⟦nvidia.com/gpu⟧: 1
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'RayJob "tune" (gpu)' },
      { name: 'list-items', files: { 'infra/main.tf': POOL, 'k8s/list.yaml': `
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      epochs: "3"
  - apiVersion: batch/v1
    kind: Job
    metadata:
      name: listed
    spec:
      template:
        spec:
          containers:
            - name: train
              image: trainer
              resources:
                limits:
                  ⟦nvidia.com/gpu⟧: 1
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'Job "listed"' },
      { name: 'multi-document', files: { 'infra/main.tf': POOL, 'k8s/all.yaml': `
apiVersion: v1
kind: Namespace
metadata:
  name: ml
---
# the GPU job
` + job().trimStart() + '---\n' + job('⟦nvidia.com/gpu⟧', '', 'Deployment', 'apps/v1').trimStart() }, level: 'error', env: 'unknown', messageId: 'scannedPool', errors: [{ messageIncludes: 'Job "train"' }, { messageIncludes: 'Deployment "train"' }] },
      { name: 'json-manifest', files: { 'infra/main.tf': POOL, 'k8s/job.json': `{
  "apiVersion": "batch/v1",
  "kind": "Job",
  "metadata": { "name": "json-train" },
  "spec": {
    "template": {
      "spec": {
        "containers": [
          { "name": "train", "image": "trainer", "resources": { "limits": { ⟦"nvidia.com/gpu"⟧: 1 } } }
        ]
      }
    }
  }
}
` }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'Job "json-train"' },
      {
        name: 'rendered-helm-output-is-linted',
        files: {
          'infra/main.tf': POOL,
          'charts/trainer/Chart.yaml': 'apiVersion: v2\nname: trainer\nversion: 0.1.0\n',
          'charts/trainer/templates/job.yaml': job('nvidia.com/gpu').replace('name: train', 'name: {{ .Release.Name }}'),
          'rendered/trainer.yaml': '---\n# Source: trainer/templates/job.yaml\n' + job().trimStart(),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        name: 'env-from-folder',
        files: { 'infra/main.tf': POOL, 'deploy/prod/job.yaml': job() },
        level: 'error',
        env: 'prod',
        messageId: 'scannedPool',
      },
      { name: 'kserve-model-predictor', files: { 'infra/main.tf': POOL, 'k8s/isvc.yaml': isvc(MODEL_GPU) }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'InferenceService "llm" (predictor) requests "nvidia.com/gpu"' },
      { name: 'kserve-framework-field', files: { 'infra/main.tf': POOL, 'k8s/isvc.yaml': isvc(`    triton:
      storageUri: gs://models/triton
      resources:
        requests:
          ⟦nvidia.com/gpu⟧: 1
`) }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'InferenceService "llm" (predictor)' },
      { name: 'kserve-custom-containers', files: { 'infra/main.tf': POOL, 'k8s/isvc.yaml': isvc(`    containers:
      - name: kserve-container
        image: vllm/vllm-openai
        resources:
          limits:
            ⟦nvidia.com/gpu⟧: 1
`, 'serving.kubeflow.org/v1beta1') }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'InferenceService "llm" (predictor)' },
      { name: 'kserve-transformer', files: { 'infra/main.tf': POOL, 'k8s/isvc.yaml': isvc(MODEL_GPU.replace('⟦nvidia.com/gpu⟧', 'nvidia.com/gpu') + `    tolerations:
      - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }
  transformer:
    containers:
      - name: tokenizer
        image: tokenizer
        resources:
          limits:
            ⟦nvidia.com/gpu⟧: 1
`) }, level: 'error', env: 'unknown', messageId: 'scannedPool', messageIncludes: 'InferenceService "llm" (transformer)' },
    ],
  },
  // Workloads written as Terraform resources (the hashicorp/kubernetes provider: src/eval/k8s/terraform.ts).
  terraform: {
    valid: [
      {
        name: 'pod-with-toleration-block',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_pod_v1', 'nvidia.com/gpu', TF_TOLERATION, ['spec']) },
      },
      {
        // A dynamic block over a known list writes one toleration per item.
        name: 'dynamic-toleration-over-a-known-list',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': tfWorkload(
            'kubernetes_deployment_v1',
            'nvidia.com/gpu',
            '        dynamic "toleration" {\n          for_each = [{ key = "sku", value = "gpu" }]\n          content {\n            key      = toleration.value.key\n            operator = "Equal"\n            value    = toleration.value.value\n            effect   = "NoSchedule"\n          }\n        }\n',
          ),
        },
      },
      {
        // Over an unknown collection: the tolerations are not known, so nothing is reported (--verbose says so).
        name: 'dynamic-toleration-over-an-unknown-collection',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'variable "tolerations" {}\n' +
            tfWorkload('kubernetes_deployment_v1', 'nvidia.com/gpu', '        dynamic "toleration" {\n          for_each = var.tolerations\n          content {\n            key = toleration.value\n          }\n        }\n'),
        },
      },
      {
        // A manifest decoded from a file is that file's: the file is linted as a manifest of its own (here it tolerates).
        name: 'kubernetes-manifest-decoded-from-a-file',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': 'resource "kubernetes_manifest" "job" {\n  manifest = yamldecode(file("${path.module}/job.yaml"))\n}\n',
          'app/job.yaml': job('nvidia.com/gpu', '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n'),
        },
      },
      { name: 'cpu-only-deployment', files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_deployment_v1', 'cpu') } },
      // kubectl_manifest (the kubectl provider): its yaml_body heredoc is decoded where it is written.
      {
        name: 'kubectl-manifest-heredoc-that-tolerates',
        files: { 'infra/main.tf': POOL, 'app/main.tf': kubectlJob('nvidia.com/gpu', '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n') },
      },
      {
        // The heredoc is YAML: a YAML comment in it is an inline suppression (RULES.md "Inline suppressions": YAML `#`).
        name: 'kubectl-manifest-suppressed-by-a-yaml-comment-in-the-heredoc',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': kubectlJob('nvidia.com/gpu').replace('            limits:\n', '            limits:\n              # mlops-iac-lint-ignore K8S001 -- scheduled by the team operator, which adds the toleration\n'),
        },
      },
      {
        // … and in a template, a file() the run does not lint, a var file's heredoc (review 102: not collected).
        name: 'suppressed-by-yaml-comments-in-a-template-a-read-file-and-a-var-file',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'variable "job" {}\nresource "kubectl_manifest" "tpl" {\n  yaml_body = templatefile("${path.module}/tpl/job.yaml.tftpl", {})\n}\n' +
            'resource "kubectl_manifest" "file" {\n  yaml_body = file("${path.module}/base/job.yaml")\n}\n' +
            'resource "kubectl_manifest" "var" {\n  yaml_body = var.job\n}\n',
          'app/tpl/job.yaml.tftpl': job('nvidia.com/gpu').replace('            limits:\n', '            limits:\n              # mlops-iac-lint-ignore K8S001 -- scheduled by the team operator, which adds the toleration\n'),
          'app/base/job.yaml': job('nvidia.com/gpu').replace('            limits:\n', '            limits:\n              # mlops-iac-lint-ignore K8S001 -- scheduled by the team operator, which adds the toleration\n'),
          'app/base/kustomization.yaml': 'resources:\n  - job.yaml\n',
          'app/terraform.tfvars': `job = <<EOT${job('nvidia.com/gpu').replace('            limits:\n', '            limits:\n              # mlops-iac-lint-ignore K8S001 -- scheduled by the team operator, which adds the toleration\n')}EOT\n`,
        },
      },
      {
        // The count is interpolated: not known, so not reported (--verbose lists it).
        name: 'kubectl-manifest-gpu-count-interpolated',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'variable "gpus" {}\n' + kubectlJob('nvidia.com/gpu').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: ${var.gpus}') },
      },
      {
        // A known value that tolerates, substituted where it is one scalar.
        name: 'known-interpolations-that-tolerate',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': 'variable "taint_value" {\n  default = "gpu"\n}\n' + kubectlJob('nvidia.com/gpu', '      tolerations:\n        - { key: sku, operator: Equal, value: \'${var.taint_value}\', effect: NoSchedule }\n'),
        },
      },
      // Text YAML would not read back as written stays unknown (each case would be reported were it substituted):
      // a YAML 1.1 bool word unquoted, a quote inside quotes, a leading zero (octal in YAML 1.1).
      ...[
        ['bool-word', 'v = "yes"', '${local.v}'],
        ['quote-in-quotes', 'v = "gp\\"u"', '"${local.v}"'],
      ].map(([what, local, value]) => ({
        name: `known-interpolation-yaml-would-misread-stays-unknown-${what}`,
        files: { 'infra/main.tf': POOL, 'app/main.tf': `locals {\n  ${local}\n}\n` + kubectlJob('nvidia.com/gpu', `      tolerations:\n        - { key: sku, operator: Equal, value: ${value}, effect: NoSchedule }\n`) },
      })),
      {
        // A number Terraform writes as 0.0000001 (JavaScript: 1e-7) stays unknown inside quotes (review 104: a wrong error).
        name: 'known-interpolation-number-javascript-writes-otherwise-stays-unknown',
        files: {
          'infra/main.tf': tfPool('["sku=0.0000001:NoSchedule"]'),
          'app/main.tf': 'variable "v" {\n  default = 0.0000001\n}\n' + kubectlJob('nvidia.com/gpu', '      tolerations:\n        - { key: sku, operator: Equal, value: "${var.v}", effect: NoSchedule }\n'),
        },
      },
      {
        name: 'known-interpolation-yaml-would-misread-stays-unknown-leading-zero',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'locals {\n  n = "01"\n}\n' + kubectlJob('nvidia.com/gpu').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: ${local.n}') },
      },
      {
        // An interpolation on a line of its own may write any YAML (the tolerations): the document is not decoded.
        name: 'kubectl-manifest-interpolation-that-may-write-yaml',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'variable "tolerations" {}\n' + kubectlJob('nvidia.com/gpu', '      tolerations:\n${var.tolerations}\n') },
      },
      {
        // A template directive is not evaluated: the document is not decoded.
        name: 'kubectl-manifest-heredoc-with-a-directive',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'variable "tolerate" {}\n' + kubectlJob('nvidia.com/gpu', '%{ if var.tolerate }      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n%{ endif }') },
      },
      {
        // yaml_body from a data source (kubectl_file_documents): not known.
        name: 'kubectl-manifest-from-a-data-source',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'data "kubectl_file_documents" "docs" {\n  content = file("jobs.yaml")\n}\nresource "kubectl_manifest" "all" {\n  for_each  = data.kubectl_file_documents.docs.manifests\n  yaml_body = each.value\n}\n' },
      },
      {
        // yamldecode of an indented heredoc (<<-) into a kubernetes_manifest, tolerating.
        name: 'kubernetes-manifest-yamldecode-of-an-indented-heredoc-that-tolerates',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': `resource "kubernetes_manifest" "job" {\n  manifest = yamldecode(<<-EOT\n${job('nvidia.com/gpu', '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n').replace(/^(?=.)/gm, '    ')}    EOT\n  )\n}\n`,
        },
      },
    ],
    invalid: [
      {
        // The pool in another root module of the repository: the workload's unit runs after it and sees it.
        name: 'deployment-without-toleration',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_deployment_v1', '⟦"nvidia.com/gpu"⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        message:
          'Deployment "train" requests "nvidia.com/gpu" but does not tolerate the taint "sku=gpu:NoSchedule" of GPU node pool "gpu", so its pods stay Pending; add a toleration for "sku=gpu:NoSchedule" to the pod template.',
        related: RELATED_POOL,
      },
      {
        name: 'pool-and-workload-in-one-module',
        files: { 'infra/main.tf': POOL + tfWorkload('kubernetes_job_v1', '⟦"nvidia.com/gpu"⟧', TF_TOLERATION.replace('"gpu"', '"a100"')) },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        related: RELATED_POOL,
      },
      {
        // The deprecated unversioned name, and a cron job's pod spec under job_template.
        name: 'cron-job-unversioned-name',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_cron_job', '⟦"nvidia.com/gpu"⟧', '', ['spec', 'job_template', 'spec', 'template', 'spec']) },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'CronJob "train" requests "nvidia.com/gpu"',
      },
      {
        // Provider 4.x writes a container's resources as an object attribute (`resources = { limits = … }`).
        name: 'resources-as-an-object-attribute',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_daemon_set_v1', '⟦"nvidia.com/gpu"⟧').replace('resources {', 'resources = {').replace('limits = {', 'limits = {') },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'DaemonSet "train"',
      },
      {
        // The request from a variable's default: located where the key is written, in variables.tf.
        name: 'limits-from-a-variable-default',
        files: {
          'infra/main.tf': POOL,
          'app/variables.tf': 'variable "limits" {\n  default = {\n    ⟦"nvidia.com/gpu"⟧ = 1\n  }\n}\n',
          'app/main.tf': tfWorkload('kubernetes_deployment_v1', 'cpu').replace(/limits = \{\n\s+cpu = 1\n\s+\}/, 'limits = var.limits'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // The AKS root also deploys a Kubernetes object (a cert-manager issuer): both roots run late,
        // and each sees the other's summary (self-review 97: the app saw no pool and assumed gpu.taint).
        name: 'late-units-see-each-others-pools',
        files: {
          'infra/main.tf': POOL + 'resource "kubernetes_manifest" "issuer" {\n  manifest = { apiVersion = "cert-manager.io/v1", kind = "ClusterIssuer", metadata = { name = "le" } }\n}\n',
          'app/main.tf': tfWorkload('kubernetes_deployment_v1', '⟦"nvidia.com/gpu"⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        related: RELATED_POOL,
      },
      {
        // A shared module's workload runs on the cluster of the configuration that calls it: the
        // pools are looked for from the caller's folder, not the module's (external review 97).
        name: 'shared-module-judged-by-the-calling-configuration',
        files: {
          '.git/HEAD': 'ref: refs/heads/main\n',
          'envs/prod/main.tf': tfPool('["sku=gpu:NoSchedule"]') + 'module "app" {\n  source = "../../modules/app"\n}\n',
          'envs/dev/main.tf': tfPool('["pool=gpu:NoSchedule"]') + 'module "app" {\n  source = "../../modules/app"\n}\n',
          'modules/app/main.tf': tfWorkload('kubernetes_job_v1', '⟦"nvidia.com/gpu"⟧', TF_TOLERATION),
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'does not tolerate the taint "pool=gpu:NoSchedule" of GPU node pool "gpu"',
        related: [{ file: 'envs/dev/main.tf', line: 5 }],
      },
      {
        // HCL takes a bare resource type label (external review 97: the type was looked for quoted only).
        name: 'unquoted-resource-labels',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_pod_v1', '⟦"nvidia.com/gpu"⟧', '', ['spec']).replace('resource "kubernetes_pod_v1" "train"', 'resource kubernetes_pod_v1 train') },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Pod "train" requests',
      },
      {
        // A name not known: the resource's address names the workload.
        name: 'name-not-known',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'variable "name" {}\n' + tfWorkload('kubernetes_deployment_v1', '⟦"nvidia.com/gpu"⟧').replace('name = "train"', 'name = var.name') },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Deployment "kubernetes_deployment_v1.train" requests',
      },
      {
        // kubernetes_manifest writes the object as in YAML; without a scanned pool, the configured taint.
        name: 'kubernetes-manifest-without-a-pool',
        files: {
          'app/main.tf':
            'resource "kubernetes_manifest" "job" {\n  manifest = {\n    apiVersion = "batch/v1"\n    kind       = "Job"\n    metadata   = { name = "train" }\n    spec = {\n      template = {\n        spec = {\n          containers = [{ name = "c", image = "i", resources = { limits = { ⟦"nvidia.com/gpu"⟧ = "1" } } }]\n        }\n      }\n    }\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'configTaint',
        message:
          'Job "train" requests "nvidia.com/gpu" but does not tolerate the GPU taint "sku=gpu:NoSchedule" (gpu.taint; the scan has no GPU node pool), so on a cluster whose GPU pools carry it its pods stay Pending; add a toleration for "sku=gpu:NoSchedule" to the pod template.',
      },
      {
        // The request at its line of the heredoc; an interpolated image leaves the rest known.
        name: 'kubectl-manifest-heredoc',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'variable "tag" {}\n' + kubectlJob('⟦nvidia.com/gpu⟧').replace('ubuntu22.04', 'ubuntu22.04:${var.tag}') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
        message: TRAIN_PENDING,
        related: RELATED_POOL,
      },
      {
        // A <<- heredoc whose body starts with an indented document marker: Terraform removes the
        // indentation, so it starts the one document (review 101: read as invalid YAML).
        name: 'indented-heredoc-with-an-indented-document-marker',
        files: { 'infra/main.tf': POOL, 'app/main.tf': `resource "kubectl_manifest" "train" {\n  yaml_body = <<-YAML\n    ---${job().replace(/^(?=.)/gm, '    ')}    YAML\n}\n` },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // An escape in a YAML comment yields `${` and no line break: the document is read (review 101).
        name: 'escape-in-a-yaml-comment-of-the-heredoc',
        files: { 'infra/main.tf': POOL, 'app/main.tf': kubectlJob('⟦nvidia.com/gpu⟧').replace('kind: Job\n', () => 'kind: Job\n# run with $${HOME} and %%{x}\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // yamlencode() of an HCL object as the yaml_body: the object itself, where it is written.
        name: 'kubectl-manifest-yamlencode',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'resource "kubectl_manifest" "job" {\n  yaml_body = yamlencode({\n    apiVersion = "batch/v1"\n    kind       = "Job"\n    metadata   = { name = "train" }\n    spec = { template = { spec = { containers = [{ name = "c", image = "i", resources = { limits = { ⟦"nvidia.com/gpu"⟧ = 1 } } }] } } }\n  })\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Job "train" requests "nvidia.com/gpu"',
      },
      {
        // A heredoc in a variable's default and in a var file is decoded where it is written (review 101).
        name: 'yaml-heredoc-in-a-variable-default-and-a-var-file',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': `variable "job" {\n  default = <<-YAML\n${job().replace(/^(?=.)/gm, '    ')}    YAML\n}\nvariable "other" {}\nresource "kubectl_manifest" "train" {\n  yaml_body = var.job\n}\nresource "kubectl_manifest" "other" {\n  yaml_body = var.other\n}\n`,
          'app/terraform.tfvars': `other = <<EOT${job().replace('name: train', 'name: other')}EOT\n`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // A scalar that is one interpolation with a known value is that value, as Terraform writes
        // it (review 101): the toleration's value "cpu" does not match the pool's taint.
        name: 'known-interpolation-in-a-toleration',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': 'locals {\n  tolerated = "cpu"\n  key       = "sku"\n}\n' + kubectlJob('⟦nvidia.com/gpu⟧', '      tolerations:\n        - key: ${local.key}\n          operator: Equal\n          value: "${local.tolerated}"\n          effect: NoSchedule\n'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // A known count: reported (the count from the variable's default).
        name: 'known-interpolated-gpu-count',
        files: { 'infra/main.tf': POOL, 'app/main.tf': 'variable "gpus" {\n  default = 2\n}\n' + kubectlJob('⟦nvidia.com/gpu⟧').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: ${var.gpus}') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // An escape ($${) is one character shorter than written: the value it is in is unknown, the rest is read.
        name: 'kubectl-manifest-heredoc-with-an-escape',
        files: { 'infra/main.tf': POOL, 'app/main.tf': kubectlJob('⟦nvidia.com/gpu⟧').replace('name: train\n', () => 'name: train\n  annotations:\n    note: "$${HOME}"\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // A <<- heredoc indented with tabs (which Terraform removes; YAML refuses tabs as indentation), CRLF line ends.
        name: 'kubectl-manifest-indented-heredoc-with-tabs-and-crlf',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': kubectlJob('⟦nvidia.com/gpu⟧', '', 'resource "kubectl_manifest" "train" {\n  yaml_body = <<-YAML', '\tYAML\n}\n').replace(/^(?=[a-z ])/gm, (_, offset: number) => (offset > 40 ? '\t' : '')).replace(/\n/g, '\r\n'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'scannedPool',
      },
      {
        // yamldecode of an indented heredoc (<<-), through a local: located in the heredoc, as written.
        name: 'yamldecode-of-an-indented-heredoc-through-a-local',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': `locals {\n  job = <<-EOT\n${job().replace(/^(?=.)/gm, '    ')}    EOT\n}\nresource "kubernetes_manifest" "job" {\n  manifest = yamldecode(local.job)\n}\n`,
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Job "train" requests "nvidia.com/gpu"',
      },
      {
        // yaml_body = file(): a YAML file the run does not lint as a manifest (a Kustomize input) is read as the body.
        name: 'kubectl-manifest-from-a-file-the-run-does-not-lint',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': 'resource "kubectl_manifest" "job" {\n  yaml_body = file("${path.module}/base/job.yaml")\n}\n',
          'app/base/job.yaml': job(),
          'app/base/kustomization.yaml': 'resources:\n  - job.yaml\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Job "train" requests "nvidia.com/gpu"',
      },
      {
        // A manifest file the run lints is reported once, as the file's: not again through the kubectl_manifest that applies it.
        name: 'kubectl-manifest-from-a-linted-manifest-file-reported-once',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': 'resource "kubectl_manifest" "job" {\n  yaml_body = file("${path.module}/job.yaml")\n}\n',
          'app/job.yaml': job(),
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'Job "train" requests "nvidia.com/gpu"',
      },
    ],
  },
};

// Two pools named "gpu" of two clusters (one `az aks nodepool add -n gpu` per cluster): two pools,
// and the message counts the other (audit 54: one address, so the message read as if there were one).
const poolsOfOneNameInTwoClusters: RuleTable = {
  k8s: {
    valid: [],
    invalid: [
      {
        name: 'the-other-pool-of-the-same-name-is-counted',
        files: {
          'infra/dev/pool.sh': 'az aks nodepool add -g rg --cluster-name a -n gpu --node-vm-size Standard_NC24ads_A100_v4 --node-taints env=dev:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 1\n',
          'infra/prod/pool.sh': 'az aks nodepool add -g rg --cluster-name b -n gpu --node-vm-size Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 1\n',
          'k8s/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: x\n        resources:\n          limits:\n            ⟦nvidia.com/gpu⟧: 1\n',
        },
        level: 'error',
        env: 'unknown',
        messageIncludes: '(nor every taint of the other GPU pool)',
      },
    ],
  },
};

ruleTester('K8S001', cases, poolsOfOneNameInTwoClusters);

// RULES.md Conventions: an unknown value is recorded only where it hides a possible finding.
describe('K8S001: what --verbose lists for a GPU count not known', () => {
  const trees = tempTrees('mil-k8s001-');
  afterAll(() => trees.cleanup());
  const POOL_TF = tfPool('["sku=gpu:NoSchedule"]');
  const count = (tolerations: string): string => job('nvidia.com/gpu', tolerations).replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: "${GPU_COUNT}"');
  const tolerates = '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n';

  it('a workload that tolerates the pool taint: no finding hides behind its count (review 87: it was listed)', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/job.yaml': count(tolerates) }), ['K8S001']);
    expect(r.findings).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'K8S001')).toEqual([]);
  });

  it('one that does not: its count decides, listed', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/job.yaml': count('') }), ['K8S001']);
    expect(r.findings).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => u.attribute)).toEqual(['resources']);
  });
});

// A Terraform workload's values not known (src/eval/k8s/terraform.ts): listed with the reason, never reported.
describe('K8S001: what --verbose lists for a Terraform workload with values not known', () => {
  const trees = tempTrees('mil-k8s001-tf-');
  afterAll(() => trees.cleanup());

  it('a GPU count from a variable without a value, and tolerations from a dynamic block over an unknown collection', async () => {
    const count = tfWorkload('kubernetes_job_v1', '"nvidia.com/gpu"').replace('"nvidia.com/gpu" = 1', '"nvidia.com/gpu" = var.gpus');
    const dynamic = tfWorkload('kubernetes_deployment_v1', '"nvidia.com/gpu"', '        dynamic "toleration" {\n          for_each = var.tolerations\n          content {\n            key = toleration.value\n          }\n        }\n').replace('"train"', '"serve"');
    const r = await lintTree(trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': `variable "gpus" {}\nvariable "tolerations" {}\n${count}${dynamic}` }), ['K8S001']);
    expect(r.findings).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => `${u.attribute}: ${u.reason}`).sort()).toEqual([
      'resources: the count of "nvidia.com/gpu" is not known: variable "gpus" has no value',
      'tolerations: tolerations: dynamic "toleration" iterates over an unknown collection',
    ]);
  });
});

describe('K8S001: Terraform workloads in scans of part of a repository and pre-commit runs', () => {
  const trees = tempTrees('mil-k8s001-tf-scope-');
  afterAll(() => trees.cleanup());
  const run = async (root: string, paths: string[], onlyFiles?: string[]) => {
    const r = await lint({ paths: paths.map((p) => path.join(root, p)), root, rules: ['K8S001'], noConfig: true, ...(onlyFiles ? { onlyFiles: onlyFiles.map((p) => path.join(root, p)) } : {}) });
    return r.findings.filter((f) => f.ruleId === 'K8S001').map((f) => brief(root, f));
  };

  it('a workload of a local module outside the scanned folders is read, against the pools of the scan (self-review 97)', async () => {
    const root = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'live/aks.tf': POOL,
      'live/apps.tf': 'module "trainer" {\n  source = "../modules/gpu-app"\n  limits = { "nvidia.com/gpu" = 1 }\n}\n',
      'modules/gpu-app/main.tf': 'variable "limits" {}\n' + tfWorkload('kubernetes_deployment_v1', 'cpu').replace(/limits = \{\n\s+cpu = 1\n\s+\}/, 'limits = var.limits'),
    });
    const expected = ['K8S001 error scannedPool live/apps.tf:3:14'];
    expect(await run(root, ['live'])).toEqual(expected);
    // Pre-commit: the staged caller makes the run walk the repository for the pools.
    expect(await run(root, ['live/apps.tf'], ['live/apps.tf'])).toEqual(expected);
  });

  it('a staged var file of a configuration that declares workloads walks the repository for the pools (self-review 97)', async () => {
    const root = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'infra/main.tf': tfPool('["workload=gpu:NoSchedule"]'),
      'app/main.tf': 'variable "limits" {}\n' + tfWorkload('kubernetes_deployment_v1', 'cpu').replace(/limits = \{\n\s+cpu = 1\n\s+\}/, 'limits = var.limits'),
      'app/terraform.tfvars': 'limits = { "nvidia.com/gpu" = 1 }\n',
    });
    const folder = await run(root, ['.']);
    expect(folder).toEqual(['K8S001 error scannedPool app/terraform.tfvars:1:12']);
    expect(await run(root, ['app/terraform.tfvars'], ['app/terraform.tfvars'])).toEqual(folder);
  });

  it('a staged template or YAML heredoc configuration: the same finding as the folder run', async () => {
    const root = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'infra/main.tf': POOL,
      'app/main.tf': 'resource "kubectl_manifest" "train" {\n  yaml_body = templatefile("${path.module}/templates/job.yaml.tftpl", {})\n}\n' + kubectlJob('nvidia.com/gpu').replace('"train"', '"inline"'),
      'app/templates/job.yaml.tftpl': job('nvidia.com/gpu'),
    });
    const folder = await run(root, ['.']);
    expect(folder).toEqual(['K8S001 error scannedPool app/main.tf:18:15', 'K8S001 error scannedPool app/templates/job.yaml.tftpl:14:15']);
    expect(await run(root, ['app/templates/job.yaml.tftpl'], ['app/templates/job.yaml.tftpl'])).toEqual(folder.slice(1));
    // (A pre-commit run reports in the files given.)
    expect(await run(root, ['app/main.tf'], ['app/main.tf'])).toEqual(folder.slice(0, 1));
  });

  // Review 102: a usage error (exit 2) for a template named in a var file; review 103: for any extension but .tftpl/.tpl/.tmpl.
  for (const name of ['job.yaml.tftpl', 'job.yaml.j2']) {
    it(`a staged template named in a var file, not in the templatefile call (${name}): the same finding as the folder run`, async () => {
      const root = trees.tree({
        '.git/HEAD': 'ref: refs/heads/main\n',
        'infra/main.tf': POOL,
        'app/main.tf': 'variable "tpl" {\n  type = string\n}\nresource "kubectl_manifest" "j" {\n  yaml_body = templatefile(var.tpl, {})\n}\n',
        'app/terraform.tfvars': `tpl = "../shared/${name}"\n`,
        [`shared/${name}`]: job('nvidia.com/gpu'),
      });
      const folder = await run(root, ['.']);
      expect(folder).toEqual([`K8S001 error scannedPool shared/${name}:14:15`]);
      expect(await run(root, [`shared/${name}`], [`shared/${name}`])).toEqual(folder);
    });
  }

  it('two kubectl_manifests whose object is one template are two findings, each naming its resource (review 102: merged as instances)', async () => {
    const root = trees.tree({
      'infra/main.tf': POOL,
      'app/main.tf': ['a', 'b'].map((n) => `resource "kubectl_manifest" "${n}" {\n  yaml_body = templatefile("\${path.module}/job.yaml.tftpl", {})\n}\n`).join(''),
      'app/job.yaml.tftpl': job('nvidia.com/gpu').replace('name: train', 'name: ${name}'),
    });
    const r = await lint({ paths: [root], root, rules: ['K8S001'], noConfig: true });
    expect(r.findings.map((f) => `${brief(root, f)} ${/^Job "([^"]+)"/.exec(f.message)?.[1]}`)).toEqual([
      'K8S001 error scannedPool app/job.yaml.tftpl:14:15 kubectl_manifest.a',
      'K8S001 error scannedPool app/job.yaml.tftpl:14:15 kubectl_manifest.b',
    ]);
    expect(r.findings.every((f) => !f.message.includes('another instance'))).toBe(true);
    // Each names the attribute that applies the template (RULES.md "Location": the consuming attribute is related; review 103).
    expect(r.findings.map((f) => f.related?.[0] && `${path.relative(root, f.related[0].file)}:${f.related[0].range.start.line} ${f.related[0].label}`)).toEqual([
      'app/main.tf:2 yaml_body of kubectl_manifest.a',
      'app/main.tf:5 yaml_body of kubectl_manifest.b',
    ]);
  });

  it('a kubernetes_manifest whose object is not known is listed, not reported; one whose spec comes from a manifest file is that file\'s (self-review 97)', async () => {
    const root = trees.tree({
      'infra/main.tf': POOL,
      'app/main.tf':
        'variable "m" {}\nresource "kubernetes_manifest" "unknown" {\n  manifest = var.m\n}\n' +
        'locals {\n  job = yamldecode(file("${path.module}/job.yaml"))\n}\nresource "kubernetes_manifest" "spec_from_file" {\n  manifest = { apiVersion = "batch/v1", kind = "Job", metadata = { name = "from-tf" }, spec = local.job.spec }\n}\n',
      'app/job.yaml': job('nvidia.com/gpu'),
    });
    const r = await lintTree(root, ['K8S001']);
    // Once, as the manifest file's own finding.
    expect(r.briefs).toEqual(['K8S001 error scannedPool app/job.yaml:14:15']);
    expect(r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => `${u.attribute}: ${u.reason}`)).toEqual(['resources: manifest: variable "m" has no value, and a container may request a GPU there']);
  });
});

describe('K8S001: a plan JSON beside the configuration', () => {
  const trees = tempTrees('mil-k8s001-plan-');
  afterAll(() => trees.cleanup());

  it("the workload is the static run's finding, once (review 103: the plan's unit judged it again without the scan's pools)", async () => {
    const manifest = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'train' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { 'nvidia.com/gpu': 1 } } }] } } } };
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.5',
      planned_values: { root_module: { resources: [] } },
      resource_changes: [{ address: 'kubernetes_manifest.job', mode: 'managed', type: 'kubernetes_manifest', name: 'job', provider_name: 'registry.terraform.io/hashicorp/kubernetes', change: { actions: ['create'], before: null, after: { manifest, object: null }, after_unknown: { object: true } } }],
      configuration: { root_module: { resources: [{ address: 'kubernetes_manifest.job', mode: 'managed', type: 'kubernetes_manifest', name: 'job', expressions: {} }] } },
    };
    const root = trees.tree({
      'infra/main.tf': POOL,
      'app/main.tf': 'resource "kubernetes_manifest" "job" {\n  manifest = {\n    apiVersion = "batch/v1"\n    kind       = "Job"\n    metadata   = { name = "train" }\n    spec = { template = { spec = { containers = [{ name = "c", image = "i", resources = { limits = { "nvidia.com/gpu" = 1 } } }] } } }\n  }\n}\n',
      'app/plan.json': JSON.stringify(plan, null, 1),
    });
    expect((await lintTree(root, ['K8S001'])).briefs).toEqual(['K8S001 error scannedPool app/main.tf:6:102']);
  });
});

describe('K8S001: a Terraform namespace that gives its pods default tolerations', () => {
  const trees = tempTrees('mil-k8s001-tf-ns-');
  afterAll(() => trees.cleanup());

  it('its workloads are listed, not reported; a workload in another namespace is judged (self-review 97)', async () => {
    const ns = 'resource "kubernetes_namespace_v1" "ml" {\n  metadata {\n    name = "ml"\n    annotations = {\n      "scheduler.alpha.kubernetes.io/defaultTolerations" = jsonencode([{ key = "sku", operator = "Equal", value = "gpu", effect = "NoSchedule" }])\n    }\n  }\n}\n';
    const inMl = tfWorkload('kubernetes_deployment_v1', '"nvidia.com/gpu"').replace('name = "train"', 'name      = "train"\n    namespace = kubernetes_namespace_v1.ml.metadata[0].name');
    const inDefault = tfWorkload('kubernetes_job_v1', '"nvidia.com/gpu"').replace(/"train"/g, '"other"');
    const root = trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': ns + inMl + inDefault });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool app/main.tf:42:15']);
    expect(r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => `${u.attribute}: ${u.reason} (${path.relative(root, u.location.file)}:${u.location.range.start.line})`)).toEqual([
      'tolerations: a Namespace this configuration declares adds default tolerations to its pods (scheduler.alpha.kubernetes.io/defaultTolerations), which the pods get at admission (app/main.tf:5)',
    ]);
  });
});

describe('K8S001: a kubectl_manifest or yamldecode heredoc with values not known', () => {
  const trees = tempTrees('mil-k8s001-heredoc-');
  afterAll(() => trees.cleanup());
  const listed = (root: string, r: Awaited<ReturnType<typeof lintTree>>): string[] =>
    r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => `${u.attribute}: ${u.reason} (${path.relative(root, u.location.file)}:${u.location.range.start.line}:${u.location.range.start.column})`);

  it('an interpolated count is listed at its line of the heredoc, with the interpolation', async () => {
    const root = trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': 'variable "gpus" {}\n' + kubectlJob('nvidia.com/gpu').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: ${var.gpus}') });
    const r = await lintTree(root, ['K8S001']);
    expect(r.findings).toEqual([]);
    expect(listed(root, r)).toEqual(['resources: the count of "nvidia.com/gpu" is not known: depends on ${var.gpus}, interpolated into the heredoc, which is not known: variable "gpus" has no value (app/main.tf:16:15)']);
  });

  it('a heredoc with a directive, or an interpolation that may write YAML, is listed as not decoded, at yaml_body', async () => {
    const directive = kubectlJob('nvidia.com/gpu', '%{ if var.tolerate }      tolerations: []\n%{ endif }');
    // On a line of its own (not YAML as written), or in a comment (its text may hold a line break).
    const own = kubectlJob('nvidia.com/gpu', '      tolerations:\n${var.tolerations}\n').replace(/"train"/, '"own"');
    const comment = kubectlJob('nvidia.com/gpu', '      # tolerations: ${var.tolerations}\n').replace(/"train"/, '"comment"');
    const root = trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': 'variable "tolerate" {}\nvariable "tolerations" {}\n' + directive + own + comment });
    const r = await lintTree(root, ['K8S001']);
    expect(r.findings).toEqual([]);
    expect(listed(root, r)).toEqual([
      "resources: yaml_body: the heredoc's YAML is not decoded: a template directive (%{ … }) is not evaluated statically, and a container may request a GPU there (app/main.tf:4:3)",
      "resources: yaml_body: the heredoc's YAML is not decoded: not valid YAML (Implicit keys need to be on a single line), and a container may request a GPU there (app/main.tf:23:3)",
      "resources: yaml_body: the heredoc's YAML is not decoded: an interpolation outside its values may change its shape, and a container may request a GPU there (app/main.tf:43:3)",
    ]);
  });

  it('templatefile() of a manifest the run lints is left to that file: reported there once, nothing listed for the kubectl_manifest', async () => {
    const tf = 'variable "image" {}\nresource "kubectl_manifest" "train" {\n  yaml_body = templatefile("${path.module}/job.yaml", { IMAGE = var.image })\n}\n';
    const root = trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': tf, 'app/job.yaml': job('nvidia.com/gpu').replace(/image: .*/, 'image: ${IMAGE}') });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool app/job.yaml:14:15']);
    expect(listed(root, r)).toEqual([]);
  });

  it('a template the run does not lint (a .tftpl, a Kustomize input) is read as YAML, each interpolation unknown where it stands', async () => {
    const tf = 'variable "image" {}\nvariable "gpus" {}\nresource "kubectl_manifest" "train" {\n  yaml_body = templatefile("${path.module}/templates/job.yaml.tftpl", { IMAGE = var.image })\n}\n' +
      'resource "kubectl_manifest" "count" {\n  yaml_body = templatefile("${path.module}/templates/count.yaml.tftpl", { GPUS = var.gpus })\n}\n' +
      'resource "kubectl_manifest" "loop" {\n  yaml_body = templatefile("${path.module}/templates/loop.yaml.tftpl", {})\n}\n';
    const root = trees.tree({
      'infra/main.tf': POOL,
      'app/main.tf': tf,
      'app/templates/job.yaml.tftpl': job('nvidia.com/gpu').replace(/image: .*/, 'image: ${IMAGE}'),
      'app/templates/count.yaml.tftpl': job('nvidia.com/gpu').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: ${GPUS}').replace('name: train', 'name: count'),
      'app/templates/loop.yaml.tftpl': job('nvidia.com/gpu', '%{ for t in [] }\n%{ endfor }').replace('name: train', 'name: loop'),
    });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool app/templates/job.yaml.tftpl:14:15']);
    expect(listed(root, r)).toEqual([
      'resources: yaml_body: the template file is not decoded as YAML: a template directive (%{ … }) is not evaluated statically, and a container may request a GPU there (app/main.tf:10:3)',
      'resources: the count of "nvidia.com/gpu" is not known: depends on ${GPUS}, interpolated into the template, which is not known: variable "gpus" has no value (app/templates/count.yaml.tftpl:14:15)',
    ]);
  });

  it("templatefile()'s variables fill in a template's scalars that are one variable each, per call, located where the call's values are written", async () => {
    const call = (name: string, vars: string): string => `resource "kubectl_manifest" "${name}" {\n  yaml_body = templatefile("\${path.module}/templates/job.yaml.tftpl", ${vars})\n}\n`;
    const tf =
      'variable "gpus" {\n  default = 2\n}\nvariable "unset" {}\n' +
      call('literal', '{ GPUS = 1, TAINT = { value = "cpu" } }') +
      call('from_a_variable', '{ GPUS = var.gpus, TAINT = { value = "cpu" } }') +
      call('none', '{ GPUS = 0, TAINT = { value = "cpu" } }') +
      call('tolerates', '{ GPUS = 1, TAINT = { value = "gpu" } }') +
      call('unknown', '{ GPUS = var.unset, TAINT = { value = "cpu" } }') +
      call('missing_variable', '{ TAINT = { value = "cpu" } }');
    const template = job('nvidia.com/gpu', "      tolerations:\n        - { key: sku, operator: Equal, value: '${TAINT.value}', effect: NoSchedule }\n").replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: ${GPUS}');
    const root = trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': tf, 'app/templates/job.yaml.tftpl': template });
    const r = await lintTree(root, ['K8S001']);
    // One place (the template's key), two resources: two findings, each naming its own.
    expect(r.briefs).toEqual(['K8S001 error scannedPool app/templates/job.yaml.tftpl:16:15', 'K8S001 error scannedPool app/templates/job.yaml.tftpl:16:15']);
    expect(r.findings.map((f) => f.address)).toEqual(['kubectl_manifest.literal', 'kubectl_manifest.from_a_variable']);
    expect(listed(root, r)).toEqual([
      'resources: the count of "nvidia.com/gpu" is not known: depends on ${GPUS}, interpolated into the template, which is not known: variable "unset" has no value (app/templates/job.yaml.tftpl:16:15)',
      'resources: the count of "nvidia.com/gpu" is not known: depends on ${GPUS}, interpolated into the template (app/templates/job.yaml.tftpl:16:15)',
    ]);
  });

  it("override_namespace puts the object in the namespace it names (whose default tolerations it gets at admission)", async () => {
    const ns = 'resource "kubernetes_namespace_v1" "ml" {\n  metadata {\n    name = "ml"\n    annotations = {\n      "scheduler.alpha.kubernetes.io/defaultTolerations" = jsonencode([{ key = "sku", operator = "Equal", value = "gpu", effect = "NoSchedule" }])\n    }\n  }\n}\n';
    const intoMl = kubectlJob('nvidia.com/gpu', '', 'resource "kubectl_manifest" "train" {\n  override_namespace = "ml"\n  yaml_body = <<YAML');
    const outOfMl = kubectlJob('nvidia.com/gpu', '', 'resource "kubectl_manifest" "other" {\n  override_namespace = "batch"\n  yaml_body = <<YAML').replace('name: train\n', 'name: other\n  namespace: ml\n');
    // An empty override is no override (the provider reads it with GetOk; review 101): `namespace: ml` stands.
    const emptyOverride = kubectlJob('nvidia.com/gpu', '', 'resource "kubectl_manifest" "empty" {\n  override_namespace = ""\n  yaml_body = <<YAML').replace('name: train\n', 'name: empty\n  namespace: ml\n');
    const root = trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': ns + intoMl + outOfMl + emptyOverride });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool app/main.tf:44:15']);
    expect(listed(root, r)).toEqual([
      'tolerations: a Namespace this configuration declares adds default tolerations to its pods (scheduler.alpha.kubernetes.io/defaultTolerations), which the pods get at admission (app/main.tf:5:7)',
      'tolerations: a Namespace this configuration declares adds default tolerations to its pods (scheduler.alpha.kubernetes.io/defaultTolerations), which the pods get at admission (app/main.tf:5:7)',
    ]);
  });
});

describe('K8S001: Terraform workloads, review round 98', () => {
  const trees = tempTrees('mil-k8s001-tf-98-');
  afterAll(() => trees.cleanup());

  it("a GPU pool declared in a module is the calling configuration's pool (the project of its root call)", async () => {
    const root = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'envs/dev/main.tf': 'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks-dev"\n}\nmodule "gpupool" {\n  source = "../../modules/gpupool"\n}\nmodule "app" {\n  source = "../../modules/app"\n}\n',
      'envs/prod/main.tf': tfPool('["other=x:NoSchedule"]', '', 'prodgpu'),
      'modules/gpupool/main.tf': tfPool('["workload=gpu:NoSchedule"]'),
      'modules/app/main.tf': tfWorkload('kubernetes_job_v1', '"nvidia.com/gpu"', TF_TOLERATION.replace('"sku"', '"workload"')),
    });
    const r = await lintTree(root, ['K8S001']);
    // It tolerates dev's pool (declared through dev's module call): no finding, and no "none of the scan's GPU node pools" warning.
    expect(r.briefs).toEqual([]);
  });

  it('a spec from a var file is read; one decoded from a manifest file is left to that file', async () => {
    const root = trees.tree({
      'infra/main.tf': POOL,
      'app/main.tf': 'variable "spec" {}\nresource "kubernetes_manifest" "job" {\n  manifest = { apiVersion = "batch/v1", kind = "Job", metadata = { name = "tfv" }, spec = var.spec }\n}\n',
      'app/terraform.tfvars': 'spec = { template = { spec = { containers = [{ name = "c", resources = { limits = { "nvidia.com/gpu" = 1 } } }] } } }\n',
    });
    expect((await lintTree(root, ['K8S001'])).briefs).toEqual(['K8S001 error scannedPool app/terraform.tfvars:1:85']);
  });

  it('a workload of a registry module copy is read, and its finding moves to the module call', async () => {
    const root = trees.tree({
      'root/main.tf': POOL + 'module "w" {\n  source  = "acme/gpuworker/kubernetes"\n  version = "1.0.0"\n}\n',
      'root/.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'w', Source: 'registry.terraform.io/acme/gpuworker/kubernetes', Version: '1.0.0', Dir: '.terraform/modules/w' }] }),
      'root/.terraform/modules/w/main.tf': tfWorkload('kubernetes_deployment_v1', '"nvidia.com/gpu"'),
    });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool root/main.tf:8:1']);
  });

  it('a static toleration that tolerates the pool decides, beside a dynamic block over an unknown collection', async () => {
    const root = trees.tree({
      'infra/main.tf': POOL,
      'app/main.tf': 'variable "extra" {}\n' + tfWorkload('kubernetes_deployment_v1', '"nvidia.com/gpu"', TF_TOLERATION + '        dynamic "toleration" {\n          for_each = var.extra\n          content {\n            key = toleration.value\n          }\n        }\n'),
    });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'K8S001')).toEqual([]);
  });
});

describe('K8S001: Terraform workloads, review round 99', () => {
  const trees = tempTrees('mil-k8s001-tf-99-');
  afterAll(() => trees.cleanup());
  const gpuJob = (tolerations = ''): string => job('nvidia.com/gpu', tolerations);

  it('a checkout whose AKS code is all in a module it calls is one project (no .git): its manifest gets the module pool', async () => {
    const root = trees.tree({
      'shop/infra/main.tf': 'module "aks" {\n  source = "../modules/aks"\n}\n',
      'shop/modules/aks/main.tf': 'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n}\n' + tfPool('["workload=gpu:NoSchedule"]'),
      'shop/k8s/job.yaml': gpuJob(),
    });
    expect((await lintTree(root, ['K8S001'])).briefs).toEqual(['K8S001 error scannedPool shop/k8s/job.yaml:14:15']);
  });

  it('two configurations calling one pool module each keep their own pool', async () => {
    const cluster = (n: string): string => `resource "azurerm_kubernetes_cluster" "aks" {\n  name = "${n}"\n}\nmodule "gpupool" {\n  source = "../../modules/gpupool"\n}\n`;
    const tolerates = '      tolerations:\n        - { key: workload, operator: Exists }\n';
    const root = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'modules/gpupool/main.tf': tfPool('["workload=gpu:NoSchedule"]'),
      'clusters/a/main.tf': cluster('a'),
      'clusters/b/main.tf': cluster('b'),
      'clusters/a/k8s/job.yaml': gpuJob(tolerates),
      'clusters/b/k8s/job.yaml': gpuJob(tolerates),
    });
    expect((await lintTree(root, ['K8S001'])).briefs).toEqual([]);
  });

  it('a pool of a local module the run does not scan reaches another late unit', async () => {
    const root = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'modules/aks/main.tf': tfPool('["workload=gpu:NoSchedule"]'),
      'infra/main.tf': 'module "aks" {\n  source = "../modules/aks"\n}\n' + tfWorkload('kubernetes_daemon_set_v1', 'cpu').replace(/"train"/g, '"plugin"'),
      'apps/a/main.tf': tfWorkload('kubernetes_deployment_v1', '"nvidia.com/gpu"', TF_TOLERATION),
    });
    const r = await lint({ paths: [path.join(root, 'apps'), path.join(root, 'infra')], root, rules: ['K8S001'], noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'K8S001').map((f) => brief(root, f))).toEqual(['K8S001 error scannedPool apps/a/main.tf:13:15']);
  });

  it('a node selector term that cannot be read may admit another pool: the known term alone does not decide', async () => {
    const term = (values: string): string => `            node_selector_term {\n              match_expressions {\n                key      = "kubernetes.azure.com/agentpool"\n                operator = "In"\n                values   = [${values}]\n              }\n            }\n`;
    const affinity = `        affinity {\n          node_affinity {\n            required_during_scheduling_ignored_during_execution {\n${term('"ga"')}              dynamic "node_selector_term" {\n                for_each = var.extra_terms\n                content {\n                  match_expressions {\n                    key      = "kubernetes.azure.com/agentpool"\n                    operator = "In"\n                    values   = node_selector_term.value\n                  }\n                }\n              }\n            }\n          }\n        }\n`;
    const root = trees.tree({
      'infra/main.tf': tfPool('["a=gpu:NoSchedule"]', '', 'ga') + tfPool('["b=gpu:NoSchedule"]', '', 'gb'),
      'app/main.tf': 'variable "extra_terms" {}\n' + tfWorkload('kubernetes_job_v1', '"nvidia.com/gpu"', '        toleration {\n          key      = "b"\n          operator = "Exists"\n        }\n' + affinity),
    });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual([]);
    // Listed: it tolerates only a pool the known term rules out (self-review 100: silent).
    expect(r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => u.attribute)).toEqual(['nodeSelector']);
  });

  it('environments that each call one shared AKS module are projects of their own (self-review 100)', async () => {
    const env = (e: string): string => `module "aks" {\n  source = "../../modules/aks"\n  taint  = "${e}=gpu:NoSchedule"\n}\n`;
    const root = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'modules/aks/main.tf': 'variable "taint" {}\nresource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n}\n' + tfPool('[var.taint]'),
      'envs/dev/main.tf': env('dev'),
      'envs/prod/main.tf': env('prod'),
      'envs/dev/k8s/job.yaml': gpuJob('      tolerations:\n        - { key: dev, operator: Exists }\n'),
      'envs/prod/k8s/job.yaml': gpuJob('      tolerations:\n        - { key: dev, operator: Exists }\n'),
    });
    const r = await lintTree(root, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool envs/prod/k8s/job.yaml:16:15']);
  });

  it('a manifest file the run does not lint (a Kustomize input) is read through the kubernetes_manifest that decodes it', async () => {
    const root = trees.tree({
      'infra/main.tf': POOL,
      'kz/base/kustomization.yaml': 'resources:\n  - job.yaml\n',
      'kz/base/job.yaml': gpuJob(),
      'tf/main.tf': 'resource "kubernetes_manifest" "job" {\n  manifest = yamldecode(file("${path.module}/../kz/base/job.yaml"))\n}\n',
    });
    expect((await lintTree(root, ['K8S001'])).briefs).toEqual(['K8S001 error scannedPool kz/base/job.yaml:14:15']);
  });

  it('a blank defaultTolerations annotation gives no tolerations (as in a manifest file)', async () => {
    const ns = 'resource "kubernetes_namespace_v1" "blank" {\n  metadata {\n    name        = "blank"\n    annotations = { "scheduler.alpha.kubernetes.io/defaultTolerations" = "" }\n  }\n}\n';
    const w = tfWorkload('kubernetes_job_v1', '"nvidia.com/gpu"').replace('name = "train"', 'name      = "train"\n    namespace = "blank"');
    const root = trees.tree({ 'infra/main.tf': POOL, 'app/main.tf': ns + w });
    expect((await lintTree(root, ['K8S001'])).briefs).toEqual(['K8S001 error scannedPool app/main.tf:20:15']);
  });
});

// Node auto-provisioning (review 119): a cluster whose mode is Auto gets nodes from Karpenter
// NodePools chosen by the taints a pod tolerates, which the code declares no pool for.
describe('K8S001: a cluster of the project with node auto-provisioning', () => {
  const trees = tempTrees('mil-k8s001-nap-');
  afterAll(() => trees.cleanup());
  const tfCluster = (profile: string): string =>
    `resource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks-nap"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "nap"\n  default_node_pool {\n    name    = "system"\n    vm_size = "Standard_D4s_v5"\n  }\n${profile}  identity {\n    type = "SystemAssigned"\n  }\n}\n`;
  const armCluster = (mode: string): string =>
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2024-09-01', name: 'aks-nap', location: 'westeurope', properties: { dnsPrefix: 'nap', nodeProvisioningProfile: { mode }, agentPoolProfiles: [{ name: 'system', mode: 'System', vmSize: 'Standard_D4s_v5', count: 1 }] } }],
    }, null, 2);
  const napReason = (at: string, why: string, may = false): string =>
    `tolerations: AKS cluster "aks-nap" (${at}) ${may ? 'may provision' : 'provisions'} nodes by itself (${why}): its pods may get a node whose taints they tolerate from a Karpenter NodePool`;
  const gpuJob = (): string => job('nvidia.com/gpu');
  /** A tainted GPU pool of cluster aks-nap, its resource group quoted (an unquoted one leaves the pool's priority, so its taints, unknown). */
  const AZ_GPU_POOL = 'az aks nodepool add -g "$RG" --cluster-name aks-nap -n gpu -s Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n';
  const k8s001 = (r: Awaited<ReturnType<typeof lintTree>>): string[] => r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => `${u.attribute}: ${u.reason}`);

  it('Terraform, mode "Auto", no GPU pool declared: the configured taint is not demanded, and --verbose says why', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': tfCluster('  node_provisioning_profile {\n    mode = "Auto"\n  }\n'), 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([napReason('infra/main.tf:11', 'node provisioning mode "Auto"')]);
  });

  it('Terraform, mode "Auto" beside a tainted GPU pool the pod does not tolerate: undecided too (a NodePool may serve it)', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': tfCluster('  node_provisioning_profile {\n    mode = "Auto"\n  }\n') + POOL, 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([napReason('infra/main.tf:11', 'node provisioning mode "Auto"')]);
  });

  it('Terraform, mode from a variable without a value: not known to be Manual, undecided', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': `variable "nap" {}\n${tfCluster('  node_provisioning_profile {\n    mode = var.nap\n  }\n')}`, 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([napReason('infra/main.tf:12', 'node provisioning mode not known: variable "nap" has no value', true)]);
  });

  it('Terraform, mode "Manual" or no profile (Manual by default): judged as before', async () => {
    for (const profile of ['  node_provisioning_profile {\n    mode = "Manual"\n  }\n', '']) {
      const dir = trees.tree({ 'infra/main.tf': tfCluster(profile) + POOL, 'k8s/job.yaml': gpuJob() });
      const r = await lintTree(dir, ['K8S001']);
      expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
      expect(k8s001(r)).toEqual([]);
    }
  });

  it('ARM, properties.nodeProvisioningProfile.mode "Auto": undecided; "Manual": the configured taint', async () => {
    const auto = await lintTree(trees.tree({ 'infra/aks.json': armCluster('Auto'), 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(auto.briefs).toEqual([]);
    expect(k8s001(auto)).toEqual([napReason('infra/aks.json:13', 'node provisioning mode "Auto"')]);
    const manual = await lintTree(trees.tree({ 'infra/aks.json': armCluster('Manual'), 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(manual.briefs).toEqual(['K8S001 warning configTaint k8s/job.yaml:14:15']);
  });

  it('az aks create --node-provisioning-mode Auto: undecided; without the flag (Manual): the configured taint', async () => {
    const auto = await lintTree(trees.tree({ 'infra/aks.sh': 'az aks create -g rg -n aks-nap --node-provisioning-mode Auto\n', 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(auto.briefs).toEqual([]);
    expect(k8s001(auto)).toEqual([napReason('infra/aks.sh:1', 'node provisioning mode "Auto"')]);
    const manual = await lintTree(trees.tree({ 'infra/aks.sh': 'az aks create -g rg -n aks-nap\n', 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(manual.briefs).toEqual(['K8S001 warning configTaint k8s/job.yaml:14:15']);
  });

  it("another project's cluster with node auto-provisioning does not change this project's verdict", async () => {
    const dir = trees.tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'team-a/infra/main.tf': tfCluster('  node_provisioning_profile {\n    mode = "Auto"\n  }\n'),
      'team-b/infra/main.tf': POOL,
      'team-b/k8s/job.yaml': gpuJob(),
    });
    const r = await lintTree(dir, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool team-b/k8s/job.yaml:14:15']);
    expect(k8s001(r)).toEqual([]);
  });

  it('a tolerated pool still clears the workload, and a tolerating workload lists nothing', async () => {
    const tolerates = '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n';
    const r = await lintTree(trees.tree({ 'infra/main.tf': tfCluster('  node_provisioning_profile {\n    mode = "Auto"\n  }\n') + POOL, 'k8s/job.yaml': job('nvidia.com/gpu', tolerates) }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([]);
  });

  it('the ExtendedResourceToleration note stays: what the admission plugin tolerates holds on any node (review 120)', async () => {
    const pluginPool = tfPool('["nvidia.com/gpu=present:NoSchedule"]');
    const r = await lintTree(trees.tree({ 'infra/main.tf': tfCluster('  node_provisioning_profile {\n    mode = "Auto"\n  }\n') + pluginPool, 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 note extendedResource k8s/job.yaml:14:15']);
  });

  it('an az aks update of the cluster that writes no mode changes nothing (review 122)', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': tfCluster('') + POOL, 'scripts/ops.sh': 'az aks update -g rg -n "aks-nap" --attach-acr myacr\n', 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
  });

  it('Auto in a text a variable of the command holds in one branch: undecided (review 122)', async () => {
    const r = await lintTree(
      trees.tree({
        'infra/aks.sh': 'EXTRA=""\nif [ "$USE_NAP" = "true" ]; then\n  EXTRA="--node-provisioning-mode Auto"\nfi\naz aks create -g $RG -n aks-nap $EXTRA\n' + AZ_GPU_POOL,
        'k8s/job.yaml': gpuJob(),
      }),
      ['K8S001'],
    );
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([napReason('infra/aks.sh:5', 'node provisioning mode not known: the unquoted $RG in this az command may expand to several words, --node-provisioning-mode among them (quote it to decide)', true)]);
  });

  it('the flag written in a text a function sets (texts are not read in a body): undecided (review 122)', async () => {
    const r = await lintTree(
      trees.tree({
        'infra/aks.sh': 'create() {\n  local extra=""\n  if [ "$1" = "nap" ]; then extra="--node-provisioning-mode Auto"; fi\n  az aks create -g "$RG" -n aks-nap $extra\n}\ncreate nap\n' + AZ_GPU_POOL,
        'k8s/job.yaml': gpuJob(),
      }),
      ['K8S001'],
    );
    expect(r.briefs).toEqual([]);
    expect(k8s001(r).length).toBe(1);
  });

  it('an az flag not written that an unquoted expansion might carry is not taken for auto-provisioning (review 120)', async () => {
    const r = await lintTree(
      trees.tree({ 'infra/aks.sh': `az aks create -g $RG -n aks-nap\n${AZ_GPU_POOL}az aks update -g $RG -n aks-nap --attach-acr $ACR\n`, 'k8s/job.yaml': gpuJob() }),
      ['K8S001'],
    );
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
  });

  it('a mode that is no mode AKS takes ("") is not Auto (review 120)', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': tfCluster('  node_provisioning_profile {\n    mode = ""\n  }\n') + POOL, 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
  });

  it("a module instance's cluster: the place named is the caller's value", async () => {
    const r = await lintTree(
      trees.tree({
        'modules/aks/main.tf': `variable "nap_mode" {\n  default = "Manual"\n}\n${tfCluster('  node_provisioning_profile {\n    mode = var.nap_mode\n  }\n')}`,
        'envs/prod/main.tf': 'module "aks" {\n  source   = "../../modules/aks"\n  nap_mode = "Auto"\n}\n',
        'envs/prod/k8s/job.yaml': gpuJob(),
      }),
      ['K8S001'],
    );
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([napReason('envs/prod/main.tf:3', 'node provisioning mode "Auto"')]);
  });

  // Reviews 123–124: which mentions may reach a variable or an argument list is not worked out:
  // a script that mentions the flag at all is read as possibly passing it (undecided, never a guess).
  it('a script that mentions the flag anywhere (a comment, an echo, another az command): undecided', async () => {
    for (const [name, line] of [
      ['comment', '# add --node-provisioning-mode Auto below once NAP is GA\n'],
      ['echo', 'echo "usage: create.sh [--node-provisioning-mode Auto]"\n'],
      ['printf -v', "printf -v EXTRA -- '--node-provisioning-mode %s' Auto\n"],
      ['another az command', 'sudo az aks create -g "$RG" -n other --node-provisioning-mode Manual\n'],
    ] as const) {
      const r = await lintTree(trees.tree({ 'infra/aks.sh': `${line}az aks create -g $RG -n aks-nap $EXTRA\n${AZ_GPU_POOL}`, 'k8s/job.yaml': gpuJob() }), ['K8S001']);
      expect(r.briefs, name).toEqual([]);
      expect(k8s001(r).length, name).toBe(1);
    }
  });

  it("the flag given to a function's \"$@\", or to a PowerShell splat: undecided", async () => {
    const bash = await lintTree(trees.tree({ 'infra/aks.sh': `create() {\n  az aks create -g rg -n aks-nap "$@"\n}\ncreate --node-provisioning-mode Auto\n${AZ_GPU_POOL}`, 'k8s/job.yaml': gpuJob() }), ['K8S001']);
    expect(bash.briefs).toEqual([]);
    const pwsh = await lintTree(
      trees.tree({ 'infra/aks.ps1': `param([switch]$Nap)\n$extra = @()\nif ($Nap) { $extra += @('--node-provisioning-mode', 'Auto') }\naz aks create -g rg -n aks-nap @extra\n${AZ_GPU_POOL.replace('"$RG"', 'rg')}`, 'k8s/job.yaml': gpuJob() }),
      ['K8S001'],
    );
    expect(pwsh.briefs).toEqual([]);
  });
});

// FORMATS.md 2(d): tolerations injected at admission are unknown. Kueue adds the tolerations of
// the ResourceFlavor it admits a workload with to the workload's pods (review 125: a Job labelled
// kueue.x-k8s.io/queue-name, whose flavor tolerates sku=gpu:NoSchedule, got a K8S001 error).
describe('K8S001: a workload submitted to Kueue', () => {
  const trees = tempTrees('mil-k8s001-kueue-');
  afterAll(() => trees.cleanup());
  const POOL_TF = tfPool('["sku=gpu:NoSchedule"]');
  const KUEUE_REASON = "tolerations: depends on the ResourceFlavor Kueue admits it with (it is submitted by kueue.x-k8s.io/queue-name): Kueue adds that flavor's tolerations to its pods, and they are not known here";
  const k8s001 = (r: Awaited<ReturnType<typeof lintTree>>): string[] => r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => `${u.attribute}: ${u.reason} (${u.location.range.start.line})`);
  const labelled = (where: 'object-label' | 'object-annotation' | 'template-label'): string => {
    const base = job('nvidia.com/gpu');
    if (where === 'object-label') return base.replace('  name: train\n', '  name: train\n  labels:\n    kueue.x-k8s.io/queue-name: team-a\n');
    if (where === 'object-annotation') return base.replace('  name: train\n', '  name: train\n  annotations:\n    kueue.x-k8s.io/queue-name: team-a\n');
    return base.replace('  template:\n', '  template:\n    metadata:\n      labels:\n        kueue.x-k8s.io/queue-name: team-a\n');
  };

  it('a scanned pool the pods do not tolerate: undecided at the queue-name key (the label, the older annotation)', async () => {
    for (const where of ['object-label', 'object-annotation'] as const) {
      const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/job.yaml': labelled(where) }), ['K8S001']);
      expect(r.briefs).toEqual([]);
      expect(k8s001(r)).toEqual([`${KUEUE_REASON} (7)`]);
    }
  });

  // Review 126: Kueue reads the label of the object its integration handles; pods a Job owns are
  // never queued by themselves, and a CronJob's Jobs are queued by the label of its jobTemplate.
  it('a label on a Job\'s pod template or on a CronJob itself queues nothing: reported as before', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/job.yaml': labelled('template-label') }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:17:15']);
    const cron = (labels: 'object' | 'jobTemplate'): string => `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
${labels === 'object' ? '  labels:\n    kueue.x-k8s.io/queue-name: team-a\n' : ''}spec:
  schedule: "0 2 * * *"
  jobTemplate:
${labels === 'jobTemplate' ? '    metadata:\n      labels:\n        kueue.x-k8s.io/queue-name: team-a\n' : ''}    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: train
              image: pytorch/pytorch
              resources:
                limits:
                  nvidia.com/gpu: 1
`;
    const onObject = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/cron.yaml': cron('object') }), ['K8S001']);
    expect(onObject.briefs).toEqual(['K8S001 error scannedPool k8s/cron.yaml:20:19']);
    const onTemplate = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/cron.yaml': cron('jobTemplate') }), ['K8S001']);
    expect(onTemplate.briefs).toEqual([]);
    expect(k8s001(onTemplate)).toEqual([`${KUEUE_REASON} (11)`]);
  });

  it('a Deployment whose pod template has the label: undecided (Kueue queues those pods by their own label; review 127)', async () => {
    const deployment = job('nvidia.com/gpu', '', 'Deployment', 'apps/v1').replace('  template:\n', '  selector:\n    matchLabels: { app: train }\n  template:\n    metadata:\n      labels:\n        app: train\n        kueue.x-k8s.io/queue-name: team-a\n').replace('      restartPolicy: Never\n', '');
    const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/deploy.yaml': deployment }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([`${KUEUE_REASON} (13)`]);
  });

  it('a ReplicationController or DaemonSet whose pod template has the label: undecided (review 128)', async () => {
    for (const kind of ['ReplicationController', 'DaemonSet']) {
      const w = job('nvidia.com/gpu', '', kind, kind === 'DaemonSet' ? 'apps/v1' : 'v1').replace('  template:\n', '  template:\n    metadata:\n      labels:\n        kueue.x-k8s.io/queue-name: team-a\n');
      const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/w.yaml': w }), ['K8S001']);
      expect(r.briefs, kind).toEqual([]);
    }
  });

  it('labels not known (merge(var.labels, {…}), a variable without a value): the queue name may be among them, undecided (review 128)', async () => {
    const tfJob = (labels: string): string => `variable "labels" {}
resource "kubernetes_job_v1" "train" {
  metadata {
    name   = "train"
    labels = ${labels}
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "train"
          image = "pytorch/pytorch"
          resources {
            limits = {
              "nvidia.com/gpu" = 1
            }
          }
        }
      }
    }
  }
}
`;
    for (const labels of ['merge(var.labels, { "kueue.x-k8s.io/queue-name" = "team-a" })', 'var.labels']) {
      const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'app/job.tf': tfJob(labels) }), ['K8S001']);
      expect(r.briefs, labels).toEqual([]);
      expect(k8s001(r)[0], labels).toContain('its labels are not known');
    }
  });

  it('a Terraform kubernetes_job_v1 with the label in its metadata block: undecided', async () => {
    const tfJob = `resource "kubernetes_job_v1" "train" {
  metadata {
    name = "train"
    labels = {
      "kueue.x-k8s.io/queue-name" = "team-a"
    }
  }
  spec {
    template {
      metadata {}
      spec {
        restart_policy = "Never"
        container {
          name  = "train"
          image = "pytorch/pytorch"
          resources {
            limits = {
              "nvidia.com/gpu" = 1
            }
          }
        }
      }
    }
  }
}
`;
    const r = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'app/job.tf': tfJob }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([`${KUEUE_REASON} (5)`]);
  });

  it('the configured taint (no pool in the scan): undecided too', async () => {
    const r = await lintTree(trees.tree({ 'k8s/job.yaml': labelled('object-label') }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([`${KUEUE_REASON} (7)`]);
  });

  it('a workload that tolerates the pool lists nothing; one without the label is reported as before', async () => {
    const tolerates = '      tolerations:\n        - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }\n';
    const tolerating = job('nvidia.com/gpu', tolerates).replace('  name: train\n', '  name: train\n  labels:\n    kueue.x-k8s.io/queue-name: team-a\n');
    const ok = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/job.yaml': tolerating }), ['K8S001']);
    expect([ok.briefs, k8s001(ok)]).toEqual([[], []]);
    const plain = await lintTree(trees.tree({ 'infra/main.tf': POOL_TF, 'k8s/job.yaml': job('nvidia.com/gpu').replace('  name: train\n', '  name: train\n  labels:\n    app: train\n') }), ['K8S001']);
    expect(plain.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:16:15']);
  });

  it('a taint keyed by the GPU resource keeps its note (AKS tolerates it whatever Kueue adds)', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': tfPool('["nvidia.com/gpu=present:NoSchedule"]'), 'k8s/job.yaml': labelled('object-label') }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 note extendedResource k8s/job.yaml:16:15']);
  });
});

// RULES.md: a rule never reports on an unknown value. A pool of the project whose size is not
// known may be a GPU pool its pods can run on (review 125: an untainted default pool sized by a
// variable without a value, and the configured taint demanded as if the scan had no GPU pool).
describe('K8S001: a node pool of the project whose size is not known', () => {
  const trees = tempTrees('mil-k8s001-size-');
  afterAll(() => trees.cleanup());
  const cluster = (extra = ''): string =>
    `variable "node_size" {\n  type = string\n}\nresource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "aks"\n  default_node_pool {\n    name       = "system"\n    vm_size    = var.node_size\n    node_count = 1\n${extra}  }\n  identity {\n    type = "SystemAssigned"\n  }\n}\n`;
  const reason = (taints: string): string =>
    `tolerations: depends on the size of node pool "system" (infra/main.tf:9), which is unknown (variable "node_size" has no value): if it is a GPU size, its pods may run there (${taints})`;
  const k8s001 = (r: Awaited<ReturnType<typeof lintTree>>): string[] => r.undecided.filter((u) => u.ruleId === 'K8S001').map((u) => `${u.attribute}: ${u.reason}`);

  it('an untainted pool of unknown size and no GPU pool: the configured taint, a convention, as for a pool list wholly unknown; the reason names the pool', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': cluster(), 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 warning configTaint k8s/job.yaml:14:15']);
    expect(r.findings[0]!.message).toContain('(gpu.taint; no pool is known to have a GPU size, that of "system" being unknown)');
  });

  it('az aks create -g $RG without --node-vm-size: the server default size, not a size an unquoted $RG may carry (review 120)', async () => {
    const r = await lintTree(trees.tree({ 'infra/aks.sh': 'az aks create -g $RG -n aks\n' + 'az aks nodepool add -g "$RG" --cluster-name aks -n gpu -s Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n', 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
  });

  it('beside a tainted GPU pool the pods do not tolerate: undecided, not that pool\'s error', async () => {
    const r = await lintTree(trees.tree({ 'infra/main.tf': cluster() + POOL, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(r.briefs).toEqual([]);
    expect(k8s001(r)).toEqual([reason('it has no taints')]);
  });

  it('a pool of unknown size whose taint the pods do not tolerate changes nothing (they cannot run there either)', async () => {
    const dir = trees.tree({ 'infra/main.tf': cluster('    only_critical_addons_enabled = true\n') + POOL, 'k8s/job.yaml': job('nvidia.com/gpu') });
    const r = await lintTree(dir, ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
    expect(k8s001(r)).toEqual([]);
  });

  // Review 126: a pool that cannot be a GPU pool changes nothing either.
  it('az aks create -g $RG in a script that writes --node-vm-size elsewhere: the default pool\'s size is not a size $RG may carry', async () => {
    const script = 'az aks create -g $RG -n aks\naz aks nodepool add -g "$RG" --cluster-name aks -n gpu --node-vm-size Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n';
    const r = await lintTree(trees.tree({ 'infra/aks.sh': script, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
  });

  it('a standalone unquoted $EXTRA_ARGS, or a variable of known texts that may pass --node-vm-size, leaves the size unknown (review 127)', async () => {
    for (const script of [
      'az aks nodepool add -g rg --cluster-name aks -n extra $EXTRA_ARGS\n',
      'ARGS=""\nif [ "$BIG" = 1 ]; then ARGS="--node-vm-size Standard_NC6s_v3"; fi\naz aks nodepool add -g rg --cluster-name aks -n extra $ARGS\n',
    ]) {
      const gpuPool = 'az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n';
      const r = await lintTree(trees.tree({ 'infra/aks.sh': script + gpuPool, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
      expect(r.briefs).toEqual([]);
      expect(k8s001(r)).toEqual([expect.stringContaining('tolerations: depends on the size of node pool "extra"')]);
    }
  });

  it('an unquoted $EXTRA_ARGS after a switch (or an option this reader does not know) may be an argument list (review 128)', async () => {
    for (const words of ['--enable-cluster-autoscaler $EXTRA_ARGS', '--enable-encryption-at-host $EXTRA_ARGS']) {
      const script = `az aks nodepool add -g rg --cluster-name aks -n extra ${words}\naz aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n`;
      const r = await lintTree(trees.tree({ 'infra/aks.sh': script, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
      expect(r.briefs).toEqual([]);
    }
    // (Any other option takes the expansion after it as its value — `--kubernetes-version $V`,
    // `--service-principal $SP_ID --client-secret $SP_SECRET` —: the size stays the server default; review 129.)
    // (Or inline after `=`, one word: `--resource-group=$RG`; the flag is written, its value is the expansion.)
    for (const words of ['--kubernetes-version $VERSION', '--service-principal $SP_ID --client-secret $SP_SECRET', '--node-resource-group $NODE_RG', '--resource-group=$RG', '--kubernetes-version="$VERSION"']) {
      const script = `az aks create -g $RG -n aks ${words}\naz aks nodepool add -g "$RG" --cluster-name aks -n gpu --node-vm-size Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n`;
      const v = await lintTree(trees.tree({ 'infra/aks.sh': script, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
      expect(v.briefs, words).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
    }
  });

  it('a guard whose conditions include a plain contains() of the size rules a GPU size out (parentheses, && another check, toset, upper, == true)', async () => {
    for (const condition of ['(contains(["Standard_D4s_v5"], var.node_size))', 'contains(["Standard_D4s_v5"], var.node_size) && length(var.node_size) > 0', 'contains(toset(["Standard_D4s_v5"]), var.node_size)', 'contains(["STANDARD_D4S_V5"], upper(var.node_size))', 'contains(["Standard_D4s_v5"], var.node_size) == true']) {
      const guarded = cluster().replace('variable "node_size" {\n  type = string\n}', `variable "node_size" {\n  type = string\n  validation {\n    condition     = ${condition}\n    error_message = "A D-series size."\n  }\n}`);
      const r = await lintTree(trees.tree({ 'infra/main.tf': guarded + POOL, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
      expect(r.briefs, condition).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
    }
  });

  it('a contains() joined by && but under a looser || or ?: does not rule a GPU size out (review 129)', async () => {
    for (const condition of ['contains(["Standard_D4s_v5"], var.node_size) && length(var.node_size) > 0 || var.node_size == "Standard_NC24ads_A100_v4"', 'contains(["Standard_D4s_v5"], var.node_size) && var.strict ? true : var.node_size != ""']) {
      const guarded = cluster().replace('variable "node_size" {\n  type = string\n}', `variable "strict" {\n  type = bool\n}\nvariable "node_size" {\n  type = string\n  validation {\n    condition     = ${condition}\n    error_message = "A D-series size."\n  }\n}`);
      const r = await lintTree(trees.tree({ 'infra/main.tf': guarded + POOL, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
      expect(r.briefs, condition).toEqual([]);
    }
  });

  it('a guard that is not a plain contains() of the size (a deny list) does not rule a GPU size out (review 127)', async () => {
    const denied = cluster().replace('variable "node_size" {\n  type = string\n}', 'variable "node_size" {\n  type = string\n  validation {\n    condition     = !contains(["Standard_D4s_v5"], var.node_size)\n    error_message = "Not that one."\n  }\n}');
    const r = await lintTree(trees.tree({ 'infra/main.tf': denied + POOL, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(r.briefs).toEqual([]);
  });

  it('a size whose guard lists only sizes without a GPU (a Terraform contains() validation, a Bicep @allowed)', async () => {
    const guarded = cluster().replace('variable "node_size" {\n  type = string\n}', 'variable "node_size" {\n  type = string\n  validation {\n    condition     = contains(["Standard_D4s_v5", "Standard_D8s_v5"], var.node_size)\n    error_message = "A D-series size."\n  }\n}');
    const tf = await lintTree(trees.tree({ 'infra/main.tf': guarded + POOL, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(tf.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
    const bicep = `@allowed([ 'Standard_D4s_v5', 'Standard_D8s_v5' ])
param systemSize string
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks'
    agentPoolProfiles: [
      { name: 'system', mode: 'System', vmSize: systemSize, count: 1 }
      { name: 'gpu', mode: 'User', vmSize: 'Standard_NC24ads_A100_v4', count: 1, nodeTaints: [ 'sku=gpu:NoSchedule' ] }
    ]
  }
}
`;
    const b = await lintTree(trees.tree({ 'infra/main.bicep': bicep, 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(b.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:14:15']);
    // (Without the guard, undecided.)
    const open = await lintTree(trees.tree({ 'infra/main.bicep': bicep.replace("@allowed([ 'Standard_D4s_v5', 'Standard_D8s_v5' ])\n", ''), 'k8s/job.yaml': job('nvidia.com/gpu') }), ['K8S001']);
    expect(open.briefs).toEqual([]);
  });

  it('a pool of unknown size that the pods\' nodeSelector rules out changes nothing', async () => {
    const selected = job('nvidia.com/gpu').replace('      containers:', '      nodeSelector:\n        kubernetes.azure.com/agentpool: gpu\n      containers:');
    const r = await lintTree(trees.tree({ 'infra/main.tf': cluster() + POOL, 'k8s/job.yaml': selected }), ['K8S001']);
    expect(r.briefs).toEqual(['K8S001 error scannedPool k8s/job.yaml:16:15']);
  });
});
