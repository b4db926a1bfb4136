/**
 * K8S002 (non-gpu-workload-tolerates-gpu-taint): a workload that requests no GPU but tolerates
 * the GPU pool's taint and is not kept off GPU pools by a nodeSelector or required node
 * affinity. DaemonSets: note, and nothing when they select GPU nodes.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

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

/** A workload of `kind` with `podSpec` lines (indented 6) before its CPU-only container. */
function workload(podSpec: string, kind = 'Deployment', apiVersion = 'apps/v1', resources = 'cpu: "2"'): string {
  return `
apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
spec:
  template:
    spec:
${podSpec}      containers:
        - name: web
          image: nginx
          resources:
            requests:
              ${resources}
`;
}

const POOL = tfPool('["sku=gpu:NoSchedule"]', '  node_labels           = { "workload" = "training" }\n');
const EXACT = '      tolerations:\n        - ⟦{ key: sku, operator: Equal, value: gpu, effect: NoSchedule }⟧\n';
const plain = (s: string): string => s.replace(/[⟦⟧]/g, '');
const SPOT = '      tolerations:\n        - { key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule }\n';

/** A toleration block for the pool's GPU taint (indented 8: inside a pod spec). */
const TF_EXACT = '        toleration {\n          key      = "sku"\n          operator = "Equal"\n          value    = "gpu"\n          effect   = "NoSchedule"\n        }\n';

/** A Terraform workload `type` named web, CPU only, with `podSpec` lines (indented 8) after its container. */
function tfWorkload(type: string, podSpec: string): string {
  return `resource "${type}" "web" {\n  metadata {\n    name = "web"\n  }\n  spec {\n    template {\n      spec {\n        container {\n          name  = "web"\n          image = "nginx"\n        }\n${podSpec}      }\n    }\n  }\n}\n`;
}

const cases: RuleTable = {
  k8s: {
    valid: [
      {
        // A nodeSelector filled in when the manifest is rendered may keep the workload off the GPU
        // pool: undecided, not reported (review 47).
        name: 'node-selector-filled-in-at-render-time',
        files: {
          'infra/main.tf': POOL,
          'k8s/cpu.yaml': workload(`      nodeSelector:\n        agentpool: "\${CPU_POOL}"\n${plain(EXACT)}`),
        },
      },
      {
        // KServe merges the predictor's model container onto the ServingRuntime's, whose resources may
        // request a GPU: that it requests none is unknown (never reported).
        name: 'kserve-model-container-resources-come-from-the-runtime',
        files: {
          'infra/main.tf': POOL,
          'k8s/isvc.yaml': `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llm
spec:
  predictor:
    tolerations:
      - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }
    model:
      modelFormat: { name: huggingface }
      storageUri: hf://meta-llama/Llama-3.1-8B-Instruct
`,
        },
      },
      { name: 'no-tolerations', files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload('') } },
      {
        // `resources: *gpu`: the GPU request sits behind a YAML alias (not followed), so whether the
        // workload requests a GPU is unknown: not "requests no GPU" (RULES.md: unknown values are never reported).
        name: 'resources-behind-yaml-alias-are-unknown',
        files: {
          'infra/main.tf': POOL,
          'k8s/web.yaml': workload(plain(EXACT)).replace('  name: web\n', '  name: web\n  annotations:\n    gpu: &gpu\n      limits:\n        nvidia.com/gpu: 1\n').replace(/resources:\n\s+requests:\n\s+cpu: "2"\n/, 'resources: *gpu\n'),
        },
      },
      { name: 'gpu-workload-may-tolerate', files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(plain(EXACT), 'Deployment', 'apps/v1', 'nvidia.com/gpu: 1') } },
      { name: 'other-taint-only', files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload('      tolerations:\n        - { key: CriticalAddonsOnly, operator: Exists }\n') } },
      {
        name: 'spot-toleration-only',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]', '  priority              = "Spot"\n'), 'k8s/web.yaml': workload('      tolerations:\n        - { key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule }\n') },
      },
      {
        // AKS adds the Spot taint to a Spot pool; written or not, it is not the pool's GPU taint,
        // and a pool whose only taint is the Spot taint is AKS001's finding, not K8S002's.
        name: 'terraform-spot-pool-spot-taint-written',
        files: { 'infra/main.tf': tfPool('["kubernetes.azure.com/scalesetpriority=spot:NoSchedule"]', '  priority              = "Spot"\n'), 'k8s/web.yaml': workload(SPOT) },
      },
      {
        name: 'az-spot-pool-without-taints',
        files: { 'infra/deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC24ads_A100_v4 --priority Spot\n', 'k8s/web.yaml': workload(SPOT) },
      },
      {
        name: 'az-spot-pool-spot-taint-written',
        files: {
          'infra/deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC24ads_A100_v4 --priority Spot --node-taints kubernetes.azure.com/scalesetpriority=spot:NoSchedule\n',
          'k8s/web.yaml': workload(SPOT),
        },
      },
      {
        name: 'bicep-spot-pool-spot-taint-written',
        files: {
          'infra/main.bicep': `resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' existing = {
  name: 'aks'
}
resource gpu 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {
  parent: aks
  name: 'gpu'
  properties: {
    vmSize: 'Standard_NC24ads_A100_v4'
    mode: 'User'
    scaleSetPriority: 'Spot'
    nodeTaints: [
      'kubernetes.azure.com/scalesetpriority=spot:NoSchedule'
    ]
  }
}
`,
          'k8s/web.yaml': workload(SPOT),
        },
      },
      {
        name: 'one-of-two-taints',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "dedicated=training:NoExecute"]'), 'k8s/web.yaml': workload(plain(EXACT)) },
      },
      {
        name: 'node-selector-keeps-off',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(plain(EXACT) + '      nodeSelector:\n        kubernetes.azure.com/agentpool: system\n') },
      },
      {
        // AKS labels a pool's nodes with its mode: a GPU user pool's are `kubernetes.azure.com/mode: user`.
        name: 'mode-system-selector-keeps-off-a-user-pool',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(plain(EXACT) + '      nodeSelector:\n        kubernetes.azure.com/mode: system\n') },
      },
      {
        // Nodes carry their VM size as node.kubernetes.io/instance-type: another size keeps the workload off (review 50).
        name: 'instance-type-of-another-size-keeps-off',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(plain(EXACT) + '      nodeSelector:\n        node.kubernetes.io/instance-type: Standard_D4s_v5\n') },
      },
      {
        // A pool size written in another case may be labelled in Azure's spelling: undecided, not reported.
        name: 'instance-type-of-a-size-written-in-another-case',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]', '', 'gpu', 'standard_nc24ads_a100_v4'), 'k8s/web.yaml': workload(plain(EXACT) + '      nodeSelector:\n        node.kubernetes.io/instance-type: Standard_NC24ads_A100_v4\n') },
      },
      {
        name: 'custom-label-keeps-off',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(plain(EXACT) + '      nodeSelector:\n        workload: web\n') },
      },
      {
        name: 'required-affinity-keeps-off',
        files: {
          'infra/main.tf': POOL,
          'k8s/web.yaml': workload(plain(EXACT) + `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: kubernetes.azure.com/accelerator, operator: DoesNotExist }
`),
        },
      },
      {
        name: 'daemonset-selecting-gpu-nodes',
        files: { 'infra/main.tf': POOL, 'k8s/dp.yaml': workload(plain(EXACT) + '      nodeSelector:\n        kubernetes.azure.com/accelerator: nvidia\n', 'DaemonSet') },
      },
      {
        name: 'daemonset-selecting-gpu-pool-label',
        files: { 'infra/main.tf': POOL, 'k8s/dp.yaml': workload(plain(EXACT) + '      nodeSelector:\n        workload: training\n', 'DaemonSet') },
      },
      {
        name: 'pool-without-taint',
        files: { 'infra/main.tf': tfPool('[]'), 'k8s/web.yaml': workload('      tolerations:\n        - operator: Exists\n') },
      },
      {
        // Devices claimed through dynamic resource allocation may be GPUs: whether it requests one is not decided.
        name: 'dra-resource-claims-not-decided',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(plain(EXACT) + '      resourceClaims:\n        - name: gpu\n          resourceClaimTemplateName: single-gpu\n') },
      },
      {
        name: 'config-only-custom-selector-not-decided',
        files: { 'k8s/web.yaml': workload(plain(EXACT) + '      nodeSelector:\n        workload: web\n') },
      },
      {
        name: 'helm-template-skipped',
        files: { 'infra/main.tf': POOL, 'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n', 'chart/templates/web.yaml': workload(plain(EXACT)) },
      },
      {
        name: 'suppressed-block',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(plain(EXACT).replace('      tolerations:', '      # mlops-iac-lint-ignore K8S002 -- the batch scheduler drains GPU nodes itself\n      tolerations:')) },
      },
    ],
    invalid: [
      {
        // The pool meant for GPU got a CPU size (GPU001's finding): its taint is still the GPU
        // taint the workload tolerates (review 95: nothing was said, nor the configured taint assumed).
        name: 'pool-meant-for-gpu-with-a-cpu-size',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]', '', 'gpu', 'Standard_D16s_v5'),
          'k8s/web.yaml': workload(EXACT),
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'GPU node pool "gpu"',
      },
      {
        // With a real GPU pool beside it carrying the same taint, the finding names the real one (self-review 95).
        name: 'pool-meant-for-gpu-with-a-cpu-size-beside-a-gpu-pool',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule"]', '', 'gpu', 'Standard_D16s_v5') + tfPool('["sku=gpu:NoSchedule"]', '', 'a100'),
          'k8s/web.yaml': workload(EXACT),
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'GPU node pool "a100"',
      },
      {
        // A pool added without --labels has no labels of its own (self-review 75: they were unknown,
        // and a selector that only excludes a label was undecided).
        name: 'az-pool-without-labels-matches-an-excluding-selector',
        files: {
          'infra/deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC24ads_A100_v4 --node-taints sku=gpu:NoSchedule\n',
          'k8s/web.yaml': workload(EXACT + `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: workload, operator: DoesNotExist }
`),
        },
        level: 'warning',
        env: 'unknown',
      },
      {
        // Selecting the GPU pool's own size by node.kubernetes.io/instance-type picks its nodes, not others (review 50).
        name: 'instance-type-of-the-gpu-size-selects-the-pool',
        files: {
          'infra/main.tf': POOL,
          'k8s/web.yaml': workload('      nodeSelector:\n        node.kubernetes.io/instance-type: Standard_NC24ads_A100_v4\n      tolerations:\n        - ⟦operator: Exists⟧\n'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        // An exact toleration decides, whatever an undecidable entry before it says (review 48).
        name: 'exact-toleration-after-a-placeholder-entry',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(EXACT.replace('      tolerations:\n', '      tolerations:\n        - { key: "${X}", operator: Exists }\n')) },
        level: 'warning',
        env: 'unknown',
      },
      {
        // Inside a repository the pools of sibling folders (dev/, prod/) are the scan's: tolerating their taint is K8S002's.
        name: 'one-repository-pools-in-sibling-folders',
        files: {
          '.git/HEAD': 'ref: refs/heads/main\n',
          'dev/main.tf': POOL,
          'prod/main.tf': tfPool('["sku=gpu:NoSchedule"]', '', 'gpu2'),
          'k8s/web.yaml': workload(EXACT),
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'tolerates the taint "sku=gpu:NoSchedule" of GPU node pool',
      },
      {
        // A KServe transformer is a pod spec written inline: CPU containers that tolerate the GPU taint.
        name: 'kserve-transformer',
        files: {
          'infra/main.tf': POOL,
          'k8s/isvc.yaml': `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llm
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai
        resources: { limits: { nvidia.com/gpu: 1 } }
    tolerations:
      - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }
  transformer:
    tolerations:
      - ⟦{ key: sku, operator: Equal, value: gpu, effect: NoSchedule }⟧
    containers:
      - name: tokenizer
        image: tokenizer
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        messageIncludes: 'InferenceService "llm" (transformer) requests no GPU',
      },
      {
        name: 'exact-toleration',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(EXACT) },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        message:
          'Deployment "web" requests no GPU but tolerates the taint "sku=gpu:NoSchedule" of GPU node pool "gpu", and no nodeSelector or required node affinity keeps it off that pool, so it can land on and keep awake GPU nodes; remove the toleration or select non-GPU nodes.',
        related: [{ file: 'infra/main.tf', line: 5 }],
      },
      {
        name: 'key-only-exists',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload('      tolerations:\n        - ⟦key: sku\n          operator: Exists⟧\n') },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        name: 'empty-key-exists',
        files: { 'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "dedicated=training:NoExecute"]'), 'k8s/web.yaml': workload('      tolerations:\n        - ⟦operator: Exists⟧\n') },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        // The usual selector that keeps apps off the system pool leads them to GPU user pools
        // (review 71): azurerm pools are User by default, and AKS labels their nodes mode=user.
        name: 'mode-user-selector-does-not-keep-off',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(EXACT + '      nodeSelector:\n        kubernetes.azure.com/mode: user\n') },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        name: 'mode-user-required-affinity-does-not-keep-off-an-az-pool',
        files: {
          'deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu --node-vm-size Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule --enable-cluster-autoscaler --min-count 0 --max-count 2 --tags cost-center=ml\n',
          'k8s/web.yaml': workload(
            EXACT +
              '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - { key: kubernetes.azure.com/mode, operator: In, values: [user] }\n',
          ),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        name: 'linux-node-selector-does-not-keep-off',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(EXACT + '      nodeSelector:\n        kubernetes.io/os: linux\n') },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        name: 'pool-label-selected',
        files: { 'infra/main.tf': POOL, 'k8s/web.yaml': workload(EXACT + '      nodeSelector:\n        workload: training\n') },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        // The Spot taint written first on a Spot pool is AKS's: the finding names the pool's GPU taint.
        name: 'terraform-spot-pool-both-taints-written',
        files: {
          'infra/main.tf': tfPool('["kubernetes.azure.com/scalesetpriority=spot:NoSchedule", "sku=gpu:NoSchedule"]', '  priority              = "Spot"\n'),
          'k8s/web.yaml': workload('      tolerations:\n        - ⟦{ key: sku, operator: Equal, value: gpu, effect: NoSchedule }⟧\n        - { key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule }\n'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        messageIncludes: 'tolerates the taint "sku=gpu:NoSchedule" of GPU node pool "gpu"',
        related: [{ file: 'infra/main.tf', line: 5 }],
      },
      {
        name: 'az-spot-pool-both-taints',
        files: {
          'infra/deploy.sh': 'az aks nodepool add -g rg --cluster-name aks -n gpu -s Standard_NC24ads_A100_v4 --priority Spot --node-taints kubernetes.azure.com/scalesetpriority=spot:NoSchedule,sku=gpu:NoSchedule\n',
          'k8s/web.yaml': workload('      tolerations:\n        - ⟦operator: Exists⟧\n'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        messageIncludes: 'tolerates the taint "sku=gpu:NoSchedule" of GPU node pool "gpu"',
      },
      {
        // Terms are ORed: a known term that admits the pool decides beside one that cannot be read (self-review 100).
        name: 'known-term-admits-the-pool-beside-an-unreadable-one',
        files: {
          'infra/main.tf': POOL,
          'k8s/web.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      tolerations:\n        - ⟦{ key: sku, operator: Exists }⟧\n      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - { key: workload, operator: In, values: [training] }\n              - weird\n      containers:\n        - name: web\n          image: nginx\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        name: 'daemonset-note',
        files: { 'infra/main.tf': POOL, 'k8s/logs.yaml': workload(EXACT, 'DaemonSet') },
        level: 'note',
        env: 'unknown',
        messageId: 'daemonSet',
        messageIncludes: 'select GPU nodes with nodeSelector kubernetes.azure.com/accelerator: nvidia, otherwise',
      },
      {
        name: 'config-taint',
        files: { 'k8s/web.yaml': workload(EXACT) },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        messageIncludes: 'the GPU node pools (gpu.taint; the scan has no GPU node pool)',
      },
      {
        // The accelerator label is AKS's on NVIDIA GPU nodes: selecting it puts the pods on them.
        name: 'config-taint-deployment-selecting-accelerator-label',
        files: { 'k8s/web.yaml': workload(EXACT + '      nodeSelector:\n        kubernetes.azure.com/accelerator: nvidia\n') },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        messageIncludes: 'the GPU node pools (gpu.taint; the scan has no GPU node pool)',
      },
      {
        name: 'job-second-pool',
        files: {
          'infra/main.tf': tfPool('["sku=gpu:NoSchedule", "team=vision:NoSchedule"]') + tfPool('["gpu=a100:NoSchedule"]', '', 'a100'),
          'k8s/job.yaml': `
apiVersion: batch/v1
kind: Job
metadata:
  name: etl
spec:
  template:
    spec:
      tolerations:
        - ⟦{ key: gpu, operator: Exists }⟧
      containers:
        - name: etl
          image: python
      restartPolicy: Never
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        messageIncludes: 'GPU node pool "a100"',
      },
      {
        // A pool with several taints: the message names the one that marks it for GPU work, not
        // the first one written (a tolerate-everything toleration tolerates all of them).
        name: 'catch-all-names-the-gpu-taint',
        files: {
          'infra/main.tf': tfPool('["node.example.com/purpose=user:NoSchedule", "node.example.com/use=gpu:NoSchedule"]'),
          'k8s/web.yaml': workload('      tolerations:\n        - ⟦{ operator: Exists }⟧\n'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
        messageIncludes: 'tolerates the taint "node.example.com/use=gpu:NoSchedule" of GPU node pool "gpu"',
      },
    ],
  },
  // Workloads written as Terraform resources (the hashicorp/kubernetes provider: src/eval/k8s/terraform.ts).
  terraform: {
    valid: [
      {
        name: 'daemon-set-selecting-gpu-nodes',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_daemon_set_v1', `${TF_EXACT}        node_selector = {\n          "kubernetes.azure.com/accelerator" = "nvidia"\n        }\n`) },
      },
      {
        // A node_selector the GPU pool's labels cannot satisfy keeps it off the pool.
        name: 'kept-off-the-gpu-pool-by-node-selector',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_deployment_v1', `${TF_EXACT}        node_selector = {\n          workload = "web"\n        }\n`) },
      },
      { name: 'no-toleration', files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_deployment_v1', '') } },
      {
        // A toleration written by an interpolation is not known (the heredoc's other values are).
        name: 'kubectl-manifest-toleration-key-interpolated',
        files: { 'infra/main.tf': POOL, 'app/main.tf': `variable "key" {}\nresource "kubectl_manifest" "web" {\n  yaml_body = <<YAML${workload(plain(EXACT).replace('key: sku', 'key: ${var.key}'))}YAML\n}\n` },
      },
      {
        name: 'kubectl-manifest-without-toleration',
        files: { 'infra/main.tf': POOL, 'app/main.tf': `resource "kubectl_manifest" "web" {\n  yaml_body = <<YAML${workload('')}YAML\n}\n` },
      },
      {
        // Only a dynamic block over an unknown collection: whether it tolerates the taint is unknown.
        name: 'only-a-dynamic-toleration-over-an-unknown-collection',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': 'variable "tolerations" {}\n' + tfWorkload('kubernetes_deployment_v1', '        dynamic "toleration" {\n          for_each = var.tolerations\n          content {\n            key = toleration.value\n          }\n        }\n'),
        },
      },
    ],
    invalid: [
      {
        name: 'deployment-tolerates-the-gpu-taint',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_deployment_v1', TF_EXACT.replace('toleration {', '⟦toleration {⟧')) },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'Deployment "web" requests no GPU but tolerates the taint "sku=gpu:NoSchedule" of GPU node pool "gpu"',
        related: [{ file: 'infra/main.tf', line: 5 }],
      },
      {
        // A toleration a dynamic block writes from a variable: located at the var file's item it came
        // from, the place to change (external review 97: it pointed at the dynamic header).
        // RULES.md K8S002 "Location: the toleration entry": the item the dynamic block wrote it for.
        name: 'toleration-from-a-var-file-through-a-dynamic-block',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'variable "tolerations" {}\n' +
            tfWorkload('kubernetes_deployment_v1', '        dynamic "toleration" {\n          for_each = var.tolerations\n          content {\n            key      = toleration.value.key\n            operator = "Equal"\n            value    = toleration.value.value\n            effect   = "NoSchedule"\n          }\n        }\n'),
          'app/terraform.tfvars': 'tolerations = [\n  { key = "CriticalAddonsOnly", value = "true" },\n  ⟦{ key = "sku", value = "gpu" }⟧,\n]\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        // A dynamic toleration a module argument switches on (`for_each = var.gpu_toleration ? [1] : []`):
        // each caller's finding at its own argument (RULES.md "Values chosen by a condition"; external review 97).
        name: 'dynamic-toleration-switched-on-by-each-module-caller',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf': 'module "web" {\n  source         = "./mod"\n  gpu_toleration = ⟦true⟧\n}\nmodule "api" {\n  source         = "./mod"\n  gpu_toleration = ⟦true⟧\n}\nmodule "batch" {\n  source = "./mod"\n}\n',
          'app/mod/main.tf':
            'variable "gpu_toleration" {\n  default = false\n}\n' +
            tfWorkload('kubernetes_deployment_v1', '        dynamic "toleration" {\n          for_each = var.gpu_toleration ? ["sku"] : []\n          content {\n            key      = "sku"\n            operator = "Equal"\n            value    = "gpu"\n            effect   = "NoSchedule"\n          }\n        }\n'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        // A kubernetes_manifest writes the API's names: the fix says nodeSelector (self-review 98).
        name: 'kubernetes-manifest-daemon-set-fix-in-its-own-names',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'resource "kubernetes_manifest" "ds" {\n  manifest = {\n    apiVersion = "apps/v1"\n    kind       = "DaemonSet"\n    metadata   = { name = "mds" }\n    spec = {\n      template = {\n        spec = {\n          tolerations = [⟦{ key = "sku", operator = "Exists" }⟧]\n          containers  = [{ name = "c", image = "i" }]\n        }\n      }\n    }\n  }\n}\n',
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'select GPU nodes with nodeSelector = { "kubernetes.azure.com/accelerator" = "nvidia" }, otherwise',
      },
      {
        // concat() of a known toleration and a variable without a value: the known one decides (self-review 99).
        name: 'kubernetes-manifest-tolerations-partly-known-through-concat',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'variable "more_tolerations" {}\nresource "kubernetes_manifest" "web" {\n  manifest = {\n    apiVersion = "apps/v1"\n    kind       = "Deployment"\n    metadata   = { name = "web" }\n    spec = {\n      template = {\n        spec = {\n          tolerations = concat([⟦{ key = "sku", operator = "Exists", effect = "NoSchedule" }⟧], var.more_tolerations)\n          containers  = [{ name = "c", image = "i" }]\n        }\n      }\n    }\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        // A static toleration beside a dynamic block over a variable without a value: the unknown
        // ones can only tolerate more, so the static one decides (self-review 97: undecided).
        name: 'static-toleration-beside-a-dynamic-block-over-an-unknown-collection',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'variable "extra_tolerations" {}\n' +
            tfWorkload('kubernetes_deployment_v1', TF_EXACT.replace('toleration {', '⟦toleration {⟧') + '        dynamic "toleration" {\n          for_each = var.extra_tolerations\n          content {\n            key = toleration.value\n          }\n        }\n'),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
      {
        // An empty-key Exists tolerates every taint; a DaemonSet: note.
        name: 'daemon-set-tolerates-everything',
        files: { 'infra/main.tf': POOL, 'app/main.tf': tfWorkload('kubernetes_daemonset', '        ⟦toleration {⟧\n          operator = "Exists"\n        }\n') },
        level: 'note',
        env: 'unknown',
        message:
          'DaemonSet "web" requests no GPU but tolerates the taint "sku=gpu:NoSchedule" of GPU node pool "gpu", so it runs a pod on every GPU node; if it belongs there (a device plugin, an exporter), select GPU nodes with node_selector = { "kubernetes.azure.com/accelerator" = "nvidia" }, otherwise remove the toleration.',
      },
      {
        // A kubectl_manifest writes YAML (its heredoc): the toleration at its line there, and the fix in YAML.
        name: 'kubectl-manifest-daemon-set-fix-in-yaml',
        files: { 'infra/main.tf': POOL, 'app/main.tf': `resource "kubectl_manifest" "ds" {\n  yaml_body = <<YAML${workload(EXACT, 'DaemonSet')}YAML\n}\n` },
        level: 'note',
        env: 'unknown',
        message:
          'DaemonSet "web" requests no GPU but tolerates the taint "sku=gpu:NoSchedule" of GPU node pool "gpu", so it runs a pod on every GPU node; if it belongs there (a device plugin, an exporter), select GPU nodes with nodeSelector kubernetes.azure.com/accelerator: nvidia, otherwise remove the toleration.',
        related: [{ file: 'infra/main.tf', line: 5 }],
      },
      {
        // The fix is in the syntax the toleration is written in, not the resource type's (review 101):
        // a kubernetes_manifest decoding a YAML heredoc → YAML.
        name: 'kubernetes-manifest-yamldecode-daemon-set-fix-in-yaml',
        files: { 'infra/main.tf': POOL, 'app/main.tf': `resource "kubernetes_manifest" "ds" {\n  manifest = yamldecode(<<EOT${workload(EXACT, 'DaemonSet')}EOT\n  )\n}\n` },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'select GPU nodes with nodeSelector kubernetes.azure.com/accelerator: nvidia, otherwise',
      },
      {
        // … and a kubectl_manifest whose yaml_body is jsonencode() of an HCL object → HCL.
        name: 'kubectl-manifest-jsonencode-daemon-set-fix-in-hcl',
        files: {
          'infra/main.tf': POOL,
          'app/main.tf':
            'resource "kubectl_manifest" "ds" {\n  yaml_body = jsonencode({\n    apiVersion = "apps/v1"\n    kind       = "DaemonSet"\n    metadata   = { name = "mds" }\n    spec = {\n      template = {\n        spec = {\n          tolerations = [⟦{ key = "sku", operator = "Exists" }⟧]\n          containers  = [{ name = "c", image = "i" }]\n        }\n      }\n    }\n  })\n}\n',
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'select GPU nodes with nodeSelector = { "kubernetes.azure.com/accelerator" = "nvidia" }, otherwise',
      },
      {
        // yamldecode of a heredoc into a kubernetes_manifest: also YAML where the toleration is written.
        name: 'yamldecode-heredoc-deployment-tolerates',
        files: { 'infra/main.tf': POOL, 'app/main.tf': `resource "kubernetes_manifest" "web" {\n  manifest = yamldecode(<<EOT${workload(EXACT)}EOT\n  )\n}\n` },
        level: 'warning',
        env: 'unknown',
        messageId: 'tolerates',
      },
    ],
  },
};

ruleTester('K8S002', cases);

const { tree, cleanup } = tempTrees('k8s002-');
afterAll(cleanup);

describe('K8S002 undecided', () => {
  it('a GPU pool whose taints are unknown (its priority may be Spot) is listed, not passed over', async () => {
    const dir = tree({
      'pool.sh': 'az aks nodepool add -g $RG --cluster-name aks --name gpu --node-vm-size Standard_NC4as_T4_v3 --node-taints sku=gpu:NoSchedule\n',
      'web.yaml': workload(plain(EXACT)),
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['K8S002'] });
    expect(r.findings).toEqual([]);
    expect(r.undecided.map((u) => `${u.ruleId} ${u.attribute}`)).toEqual(['K8S002 tolerations']);
    expect(r.undecided[0]!.reason).toMatch(/^depends on the taints of GPU node pool "gpu", which are unknown \(the pool's priority is unknown/);
  });
});
