/**
 * SUP002 (suppression-unused): An inline suppression suppresses no finding.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'used',
        files: {
          'main.tf': `
# mlops-iac-lint-ignore KV001 -- dev vault
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        options: { rules: ['KV001'] },
      },
      {
        // The file does not parse: the finding the directive is for may be what the error hid.
        name: 'file-with-a-syntax-error',
        files: {
          'main.tf': `
# mlops-iac-lint-ignore ACR001 -- build agents pull with it
resource "azurerm_container_registry" "acr" {
  name          = "acr"
  admin_enabled = true
`,
        },
        options: { rules: ['ACR001'] },
        parseError: true,
      },
      {
        // The directive is at the value; the resource that reads it is in a sibling file that does not parse.
        name: 'sibling-file-with-a-syntax-error',
        files: {
          'variables.tf': `
variable "purge" {
  # mlops-iac-lint-ignore KV001 -- dev vault
  default = false
}
`,
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                     = "kv"
  purge_protection_enabled = var.purge
`,
        },
        options: { rules: ['KV001'] },
        parseError: true,
      },
      {
        // Its rule did not run (--disable, "off"): not reported unused, as a directive with code after it is not.
        name: 'nothing-after-it-for-a-rule-that-did-not-run',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                     = "kv"
  purge_protection_enabled = true
}
# mlops-iac-lint-ignore ACR001 -- left at the end of the file
`,
        },
        options: { rules: ['KV001'] },
      },
      {
        // The finding is at the variable default; the directive covers the resource that reads it.
        name: 'covers-a-value-from-a-variable-default',
        files: {
          'main.tf': `
variable "size" {
  default = "Standard_NC6"
}
# mlops-iac-lint-ignore GPU004 -- legacy pool
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
  vm_size               = var.size
  node_taints           = ["sku=gpu:NoSchedule"]
}
`,
        },
        options: { rules: ['GPU004'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV001 -- was needed before purge protection⟧
resource "azurerm_key_vault" "kv" {
  name                     = "kv"
  purge_protection_enabled = true
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'nothing-after-it',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                     = "kv"
  purge_protection_enabled = true
}
⟦# mlops-iac-lint-ignore KV001 -- left at the end of the file⟧
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
        message: 'Unused suppression of KV001: there is no code after it.',
      },
      {
        // Only the rules that ran are named: GPU004 is not run here.
        name: 'nothing-after-it-names-only-the-rules-that-ran',
        files: {
          'main.tf': `
resource "azurerm_key_vault" "kv" {
  name                     = "kv"
  purge_protection_enabled = true
}
⟦# mlops-iac-lint-ignore KV001,GPU004 -- left at the end of the file⟧
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
        message: 'Unused suppression of KV001: there is no code after it.',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'metadata-used',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv",
      "metadata": {
        "mlops-iac-lint-ignore": [
          {
            "id": "KV001",
            "reason": "recreated nightly"
          }
        ]
      },
      "properties": {
        "enableRbacAuthorization": true
      }
    }
  ]
}
`,
        },
        options: { rules: ['KV001'] },
      },
    ],
    invalid: [
      {
        name: 'metadata-suppresses-nothing',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv",
      "metadata": {
        "mlops-iac-lint-ignore": [
          ⟦{
            "id": "KV002",
            "reason": "access policies until the RBAC migration"
          }⟧
        ]
      },
      "properties": {
        "enableRbacAuthorization": true
      }
    }
  ]
}
`,
        },
        options: { rules: ['KV002'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // RULES.md SUP002: "one that suppresses nothing is reported": both directives cover the
        // finding (the block one and the trailing one), so neither suppresses nothing.
        name: 'block-and-trailing-directive-both-used',
        files: {
          'main.bicep': `
// mlops-iac-lint-ignore ACR001 -- legacy image pulls
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: true // mlops-iac-lint-ignore ACR001 -- until the pull secret is gone
  }
}
`,
        },
        options: { rules: ['ACR001'] },
      },
      {
        // Written between the decorator and the keyword: the next line opens the resource block, so it covers the block.
        name: 'own-line-directive-between-decorator-and-resource',
        files: {
          'main.bicep': `
@description('registry for legacy pulls')
// mlops-iac-lint-ignore ACR001 -- legacy image pulls
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: true
  }
}
`,
        },
        options: { rules: ['ACR001'] },
      },
      {
        name: 'used',
        files: {
          'main.bicep': `
// mlops-iac-lint-ignore KV001 -- dev vault
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
}
`,
        },
        options: { rules: ['KV001'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          'main.bicep': `
⟦// mlops-iac-lint-ignore KV001 -- not needed any more⟧
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
  properties: {
    enablePurgeProtection: true
  }
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  'github-actions': {
    valid: [
      {
        // Above the document's first key: the line opens the document's root mapping, so the whole workflow is covered.
        name: 'own-line-directive-above-the-root-mapping',
        files: {
          '.github/workflows/ci.yml': `# mlops-iac-lint-ignore CI004 -- internal mirrors track main
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main
`,
        },
        options: { rules: ['CI004'] },
      },
      {
        // Above `on:` below a `name:`: `on:` names the workflow, so the triggers and every job are covered (README "Suppressions").
        name: 'own-line-directive-above-on-after-name',
        files: {
          '.github/workflows/ci.yml': `name: build
# mlops-iac-lint-ignore CI004 -- internal mirrors track main
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main
`,
        },
        options: { rules: ['CI004'] },
      },
      {
        name: 'used',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 -- internal mirror
`,
        },
        options: { rules: ['CI004'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4 ⟦# mlops-iac-lint-ignore CI004 -- was on main⟧
`,
        },
        options: { rules: ['CI004'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  // Azure Pipelines: a directive that covers no finding of its rule.
  'azure-pipelines': {
    valid: [
      {
        name: 'used',
        files: {
          'azure-pipelines.yml': `steps:
  - script: az ad sp create-for-rbac --name sp1 --sdk-auth # mlops-iac-lint-ignore CI001 -- throwaway lab principal, deleted nightly
`,
        },
        options: { rules: ['CI001'] },
      },
    ],
    invalid: [
      {
        name: 'unused',
        files: {
          'azure-pipelines.yml': `steps:
  - script: az ad sp create-for-rbac --name sp1 ⟦# mlops-iac-lint-ignore CI001 -- nothing here to suppress⟧
`,
        },
        options: { rules: ['CI001'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  'k8s': {
    valid: [
      {
        name: 'used',
        files: {
          'k8s/pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: trainer
spec:
  containers:
    - name: train
      image: ghcr.io/example/train:1.0
      resources:
        limits:
          nvidia.com/gpu: 1 # mlops-iac-lint-ignore K8S001 -- the GPU pool of this cluster has no taint
`,
        },
        options: { rules: ['K8S001'] },
      },
      {
        // Above `apiVersion:` below `kind:`: apiVersion names the manifest, so the rest of the document is covered.
        name: 'own-line-directive-above-apiVersion-after-kind',
        files: {
          'k8s/pod.yaml': `kind: Pod
# mlops-iac-lint-ignore K8S001 -- the GPU pool of this cluster has no taint
apiVersion: v1
metadata:
  name: trainer
spec:
  containers:
    - name: train
      image: ghcr.io/example/train:1.0
      resources:
        limits:
          nvidia.com/gpu: 1
`,
        },
        options: { rules: ['K8S001'] },
      },
      {
        // A document with template actions is not read (its rendered output is): its directive is
        // neither used nor unused here, in a file wholly templated or beside a document that is read (review 105).
        name: 'directive-in-a-templated-document-that-is-not-read',
        files: {
          'k8s/job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Values.name }}
spec:
  template:
    spec:
      containers:
        - name: c
          image: x
          resources:
            limits:
              # mlops-iac-lint-ignore K8S001 -- the chart adds the toleration
              nvidia.com/gpu: 1
`,
          'k8s/mixed.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
data:
  a: b
---
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Values.name }}
spec:
  template:
    spec:
      containers:
        - name: c
          image: x
          resources:
            limits:
              nvidia.com/gpu: 1 # mlops-iac-lint-ignore K8S001 -- the chart adds the toleration
`,
        },
        options: { rules: ['K8S001'] },
      },
    ],
    invalid: [
      {
        // JSON without comments: the object's metadata (RULES.md "Inline suppressions").
        name: 'json-metadata-suppresses-nothing',
        files: {
          'k8s/pod.json': `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {
    "name": "trainer",
    "mlops-iac-lint-ignore": [⟦{ "id": "K8S002", "reason": "was needed once" }⟧]
  },
  "spec": { "containers": [{ "name": "train", "image": "x", "resources": { "limits": { "nvidia.com/gpu": 1 } } }] }
}
`,
        },
        options: { rules: ['K8S002'] },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'suppresses-nothing',
        files: {
          'k8s/pod.yaml': `⟦# mlops-iac-lint-ignore K8S002 -- was needed once⟧
apiVersion: v1
kind: Pod
metadata:
  name: trainer
spec:
  containers:
    - name: train
      image: ghcr.io/example/train:1.0
      resources:
        limits:
          nvidia.com/gpu: 1
`,
        },
        options: { rules: ['K8S002'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'used',
        files: {
          'compute.yml': `$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC6s_v3
min_instances: 1 # mlops-iac-lint-ignore AML004 -- a warm node for the nightly demo
max_instances: 4
`,
        },
        options: { rules: ['AML004'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          'compute.yml': `⟦# mlops-iac-lint-ignore AML004 -- was needed once⟧
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC6s_v3
min_instances: 0
max_instances: 4
`,
        },
        options: { rules: ['AML004'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  'script': {
    valid: [
      {
        name: 'used',
        files: {
          'scripts/deploy.sh': `terraform init
# mlops-iac-lint-ignore CI005 -- sandbox subscription, recreated nightly
terraform apply -auto-approve
`,
        },
        options: { rules: ['CI005'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          'scripts/train.sh': `⟦# mlops-iac-lint-ignore CI005 -- was needed once⟧
terraform apply tfplan
`,
        },
        options: { rules: ['CI005'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  'azure-cli': {
    valid: [
      {
        // One assignment read by two commands is a finding per command (c-fmt1: RULES.md merges
        // findings only for "the same rule, resource and primary location"): the directive above
        // command a suppresses a's finding and is used; b's finding stays (GPU004 table).
        name: 'covers-its-own-command-of-a-value-another-command-also-reads',
        files: { 'deploy.sh': 'SIZE=Standard_NC6\n# mlops-iac-lint-ignore GPU004 -- legacy pool\naz aks nodepool add -g rg --cluster-name aks -n a --node-taints sku=gpu:NoSchedule --node-vm-size $SIZE\naz aks nodepool add -g rg --cluster-name aks -n b --node-taints sku=gpu:NoSchedule --node-vm-size $SIZE\n' },
        options: { rules: ['GPU004'] },
      },
      {
        name: 'used',
        files: {
          'deploy.sh': `# mlops-iac-lint-ignore KV001 -- throwaway vault
az keyvault create -n kv-ml -g rg-ml
`,
        },
        options: { rules: ['KV001'] },
      },
      {
        name: 'covers-a-backslash-continued-command',
        files: { 'deploy.sh': '# mlops-iac-lint-ignore ACR001 -- build agents pull with the admin user\naz acr create -n acr1 -g rg --sku Basic \\\n  --admin-enabled true\n' },
        options: { rules: ['ACR001'] },
      },
      {
        name: 'covers-a-backtick-continued-command',
        files: { 'deploy.ps1': '# mlops-iac-lint-ignore ACR001 -- build agents pull with the admin user\naz acr create -n acr1 -g rg --sku Basic `\n  --admin-enabled true\n' },
        options: { rules: ['ACR001'] },
      },
      {
        name: 'covers-a-continued-command-in-a-workflow-run-script',
        files: {
          '.github/workflows/deploy.yml': `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          # mlops-iac-lint-ignore ACR001 -- build agents pull with the admin user
          az acr create -n acr1 -g rg --sku Basic \\
            --admin-enabled true
`,
        },
        options: { rules: ['ACR001'] },
      },
      {
        // The finding is at the assignment (the value's origin); the directive covers the command that reads it.
        name: 'covers-a-value-assigned-before-the-command',
        files: { 'deploy.sh': 'SIZE=Standard_NC6\n# mlops-iac-lint-ignore GPU004 -- legacy pool, removed in Q3\naz aks nodepool add -g rg --cluster-name aks -n gpu --node-taints sku=gpu:NoSchedule \\\n  --node-vm-size $SIZE\n' },
        options: { rules: ['GPU004'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          'deploy.sh': `⟦# mlops-iac-lint-ignore KV001 -- was needed once⟧
az keyvault create -n kv-ml -g rg-ml --enable-purge-protection true
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
      },
      {
        // The scope ends with the command: the next command is not covered.
        name: 'does-not-reach-the-next-command',
        files: { 'deploy.sh': '⟦# mlops-iac-lint-ignore ACR001 -- only the first registry⟧\naz acr create -n acr1 -g rg --sku Basic \\\n  --admin-enabled false\naz acr create -n acr2 -g rg --sku Basic --admin-enabled true\n' },
        options: { rules: ['ACR001'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
};

// A directive on the line before an object or array value inside a Bicep declaration covers the
// whole value, as one before a JSON object does (RULES.md "Inline suppressions"; review 66).
const POOLS = (before: { properties?: string; pools?: string; element?: string }): string => `resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks'
  location: 'westeurope'
  tags: { 'cost-center': 'x' }
${before.properties ?? ''}  properties: {
    dnsPrefix: 'aks'
${before.pools ?? ''}    agentPoolProfiles: [
${before.element ?? ''}      {
        name: 'gpu'
        mode: 'User'
        vmSize: 'Standard_NC24ads_A100_v4'
        enableAutoScaling: true
        minCount: 0
        maxCount: 3
        tags: { 'cost-center': 'x' }
      }
    ]
  }
}
`;
const DIRECTIVE = (indent: string): string => `${indent}// mlops-iac-lint-ignore AKS001 -- the GPU pool takes every pod here\n`;
const bicepValueBlocks: RuleTable = {
  bicep: {
    valid: [
      { name: 'before-an-array-element', files: { 'main.bicep': POOLS({ element: DIRECTIVE('      ') }) }, options: { rules: ['AKS001'] } },
      { name: 'before-an-array-property', files: { 'main.bicep': POOLS({ pools: DIRECTIVE('    ') }) }, options: { rules: ['AKS001'] } },
      { name: 'before-an-object-property', files: { 'main.bicep': POOLS({ properties: DIRECTIVE('  ') }) }, options: { rules: ['AKS001'] } },
    ],
    invalid: [
      {
        // A one-line value is its line only: the finding two lines below is not covered.
        name: 'before-a-one-line-object',
        files: { 'main.bicep': POOLS({}).replace("  tags: { 'cost-center': 'x' }\n  properties", "  ⟦// mlops-iac-lint-ignore AKS001 -- not this one⟧\n  tags: { 'cost-center': 'x' }\n  properties") },
        options: { rules: ['AKS001'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
};

ruleTester('SUP002', converted, bicepValueBlocks);
