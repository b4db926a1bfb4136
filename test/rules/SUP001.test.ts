/**
 * SUP001 (suppression-invalid): An inline suppression is malformed, names an unknown rule or has expired.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'valid',
        files: {
          'main.tf': `
# mlops-iac-lint-ignore KV001 until=2099-01-31 -- dev vault, recreated nightly
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        options: { rules: ['KV001'] },
      },
    ],
    invalid: [
      {
        // The config's level for SUP001 applies, as for any rule: a team can make a suppression without a reason fail the run.
        name: 'config-level-applies',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV001⟧
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
}
`,
        },
        options: { config: { rules: { SUP001: 'error' } } },
        level: 'error',
        env: 'unknown',
        messageIncludes: 'has no reason',
      },
      {
        // SUP001/SUP002 report suppressions: a directive naming one is itself invalid (it would hide another directive's problem).
        name: 'suppresses-a-suppression-rule',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore SUP001 -- the directive below has no reason⟧
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        message: 'Invalid suppression: SUP001 reports suppressions and cannot be suppressed inline; fix the suppression it reports, or turn it off in the config (`"rules": { "SUP001": "off" }`).',
      },
      {
        name: 'expired',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV001 until=2020-01-31 -- until the vault migration⟧
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'no-reason',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV001⟧
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'warning',
        env: 'unknown',
      },
      {
        name: 'unknown-rule',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV999 -- typo in the ID⟧
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        level: 'warning',
        env: 'unknown',
      },
      {
        // The ID as written, and the usual slip named: the reason needs blanks around `--`.
        name: 'reason-glued-to-the-id',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore kv001--shared dev vault⟧
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: "'kv001--shared' is not a rule ID (put blanks around -- before the reason)",
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'metadata-with-reason',
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
        name: 'metadata-without-reason',
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
            "id": "KV001"
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
        options: { rules: ['KV001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'valid',
        files: {
          'main.bicep': `
// mlops-iac-lint-ignore KV001 -- recreated by the pipeline
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
        name: 'no-reason',
        files: {
          'main.bicep': `
⟦// mlops-iac-lint-ignore KV001⟧
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  'github-actions': {
    valid: [
      {
        name: 'valid',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 -- internal mirror tracks main
`,
        },
        options: { rules: ['CI004'] },
      },
    ],
    invalid: [
      {
        name: 'bad-date',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main ⟦# mlops-iac-lint-ignore CI004 until=2026-13-01 -- mirror⟧
`,
        },
        options: { rules: ['CI004'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  // Azure Pipelines: the suppression comment is read from a pipeline's YAML and its inline scripts.
  'azure-pipelines': {
    valid: [
      {
        name: 'valid',
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
        name: 'no-reason',
        files: {
          'azure-pipelines.yml': `steps:
  - script: az ad sp create-for-rbac --name sp1 --sdk-auth ⟦# mlops-iac-lint-ignore CI001⟧
`,
        },
        options: { rules: ['CI001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  // k8s: the suppression comment is read from this format's files too.
  'k8s': {
    valid: [
      {
        name: 'valid',
        files: {
          'k8s/pod.yaml': `# mlops-iac-lint-ignore K8S001 until=2099-01-31 -- accepted for the demo
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
        options: { rules: ['K8S001'] },
      },
    ],
    invalid: [
      {
        name: 'no-reason',
        files: {
          'k8s/pod.yaml': `⟦# mlops-iac-lint-ignore K8S001⟧
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
        options: { rules: ['K8S001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  // azureml-yaml: the suppression comment is read from this format's files too.
  'azureml-yaml': {
    valid: [
      {
        name: 'valid',
        files: {
          'compute.yml': `# mlops-iac-lint-ignore AML004 until=2099-01-31 -- accepted for the demo
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC6s_v3
min_instances: 1
max_instances: 4
`,
        },
        options: { rules: ['AML004'] },
      },
    ],
    invalid: [
      {
        name: 'no-reason',
        files: {
          'compute.yml': `⟦# mlops-iac-lint-ignore AML004⟧
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: gpu-cluster
type: amlcompute
size: Standard_NC6s_v3
min_instances: 1
max_instances: 4
`,
        },
        options: { rules: ['AML004'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  // script: the suppression comment is read from this format's files too.
  'script': {
    valid: [
      {
        name: 'valid',
        files: {
          'scripts/train.sh': `# mlops-iac-lint-ignore CI001 until=2099-01-31 -- accepted for the demo
az ml job create --file job.yml
`,
        },
        options: { rules: ['CI001'] },
      },
    ],
    invalid: [
      {
        name: 'no-reason',
        files: {
          'scripts/train.sh': `⟦# mlops-iac-lint-ignore CI001⟧
az ml job create --file job.yml
`,
        },
        options: { rules: ['CI001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  // azure-cli: the suppression comment is read from this format's files too.
  'azure-cli': {
    valid: [
      {
        name: 'valid',
        files: {
          'deploy.sh': `# mlops-iac-lint-ignore KV001 until=2099-01-31 -- accepted for the demo
az keyvault create -n kv-ml -g rg-ml
`,
        },
        options: { rules: ['KV001'] },
      },
    ],
    invalid: [
      {
        name: 'no-reason',
        files: {
          'deploy.sh': `⟦# mlops-iac-lint-ignore KV001⟧
az keyvault create -n kv-ml -g rg-ml
`,
        },
        options: { rules: ['KV001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
};

ruleTester('SUP001', converted);
