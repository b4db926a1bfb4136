/**
 * EVAL001 (evaluation-incomplete): Evaluation stopped early; part of the code was not linted.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'count-at-cap',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  count    = 1024
  name     = "rg-\${count.index}"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'count-under-cap',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  count    = 3
  name     = "rg-\${count.index}"
  location = "westeurope"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'count-over-cap',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  count    = ⟦1500⟧
  name     = "rg-\${count.index}"
  location = "westeurope"
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
      {
        // A dynamic block over more than 1,024 items: the blocks past the cap are not linted, and
        // the note says so at its for_each (audit 54: cut silently).
        name: 'dynamic-block-over-cap',
        files: {
          'main.tf': 'resource "azurerm_network_security_group" "nsg" {\n  name                = "nsg"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dynamic "security_rule" {\n    for_each = ⟦concat(range(1000), range(1000, 1025))⟧\n    content {\n      name      = "r${security_rule.value}"\n      priority  = 100 + security_rule.value\n      direction = "Inbound"\n      access    = "Deny"\n      protocol  = "Tcp"\n    }\n  }\n}\n',
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'Dynamic block "security_rule" makes 1025 blocks; only the first 1024 are linted.',
      },
      {
        // A count past what a number holds exactly is "more than" the cap, not "Infinity" or a rounded number.
        name: 'count-past-a-number',
        files: { 'main.tf': 'resource "azurerm_resource_group" "rg" {\n  count    = ⟦1e400⟧\n  name     = "rg-${count.index}"\n  location = "westeurope"\n}\n' },
        level: 'note',
        env: 'unknown',
        messageIncludes: "'azurerm_resource_group.rg' expands to more than 1024 instances; only the first 1024 are linted.",
      },
      {
        // RULES.md EVAL001: "An evaluation that had to stop (for example … a local module file
        // that is missing)": the call's source, once however many instances call it.
        name: 'local-module-missing',
        files: {
          'main.tf': `
module "net" {
  count  = 2
  ⟦source = "./modules/network"⟧
}

module "shared" {
  source = "./modules/shared"
}
`,
          'modules/shared/main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  arm: {
    valid: [
      {
        // A valid expression nested past the cap (1,500 calls, 12 KB) is an unknown value, not
        // an internal error ("Maximum call stack size exceeded") that loses the resource.
        name: 'expression-past-the-nesting-cap',
        files: {
          'azuredeploy.json': `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [
  {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "[${'concat('.repeat(1500)}'acr'${')'.repeat(1500)}]", "location": "westeurope", "sku": {"name": "Basic"}}
]}
`,
        },
      },
      {
        name: 'copy-under-cap',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "[format('st{0}', copyIndex())]",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "copy": {
        "name": "accounts",
        "count": 5
      },
      "properties": {
        "minimumTlsVersion": "TLS1_2"
      }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        // Variables that read one another 300 deep are followed 256 levels, as Terraform's
        // references are: the rest is unknown, here, and the resource is still linted (review 69:
        // 900 levels overflowed the stack and lost the resource's findings).
        name: 'variable-chain-past-256-levels',
        files: {
          'main.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "variables": {
${Array.from({ length: 300 }, (_, i) => (i === 256 ? `    ⟦"v${i}"⟧: "[variables('v${i + 1}')]",` : `    "v${i}": "[variables('v${i + 1}')]",`)).join('\n')}
    "v300": "x"
  },
  "resources": [
    { "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acr1", "location": "westeurope", "sku": { "name": "Premium" }, "tags": { "t": "[variables('v0')]" }, "properties": { "adminUserEnabled": false } }
  ]
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'copy-over-cap',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "[format('st{0}', copyIndex())]",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "copy": {
        "name": "accounts",
        "count": ⟦1500⟧
      },
      "properties": {
        "minimumTlsVersion": "TLS1_2"
      }
    }
  ]
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'loop-under-cap',
        files: {
          'main.bicep': `
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 5): {
  name: 'st\${i}'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}]
`,
        },
      },
    ],
    invalid: [
      {
        name: 'variable-chain-past-256-levels',
        files: {
          'main.bicep': `${Array.from({ length: 300 }, (_, i) => `var ${i === 256 ? `⟦v${i}⟧` : `v${i}`} = v${i + 1}`).join('\n')}
var v300 = 'x'
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Premium' }
  tags: { t: v0 }
  properties: { adminUserEnabled: false }
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'loop-over-cap',
        files: {
          'main.bicep': `
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in ⟦range(0, 1500)⟧: {
  name: 'st\${i}'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}]
`,
        },
        level: 'note',
        env: 'unknown',
      },
      {
        // A closed module cycle that no other file calls: both files are used as modules, so
        // neither was an entry and nothing was linted or said. The first by name is evaluated
        // (its ACR001 is reported, see test/rules/ACR001.test.ts) and the cycle is EVAL001.
        name: 'closed-module-cycle-without-a-caller',
        files: {
          'a.bicep': `module b 'b.bicep' = {
  name: 'b'
}
`,
          'b.bicep': `module a ⟦'a.bicep'⟧ = {
  name: 'a'
}
`,
        },
        level: 'note',
        env: 'unknown',
        message: 'Module cycle: a.bicep is already being evaluated.',
      },
    ],
  },
  // An unclosed quote that runs into an az command (src/frontends/azure-cli.ts unreadableAz).
  'azure-cli': {
    valid: [
      { name: 'closed-quotes', files: { 'deploy.sh': 'echo "deploying"\naz acr create -n acr1 -g rg --sku Basic --tags "owner=ml"\n' } },
      // The shell would fail on it too, but no az command is hidden: nothing to say.
      { name: 'unclosed-quote-after-the-last-az-command', files: { 'deploy.sh': 'az acr create -n acr1 -g rg --sku Basic\necho "done\n' } },
    ],
    invalid: [
      {
        name: 'unclosed-quote-swallows-an-az-command',
        files: { 'deploy.sh': 'echo ⟦"⟧deploying\naz acr create -n acr1 -g rg --sku Basic --admin-enabled true\n' },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'The quote " opened here is never closed, so the az command it runs into could not be read',
      },
      {
        // Bash ANSI-C quoting and a PowerShell here-string never closed (an indented `"@` closes nothing) (self-review 65).
        name: 'unclosed-ansi-c-quote-swallows-an-az-command',
        files: { 'deploy.sh': "X=$⟦'⟧unterminated\naz acr create -n acr1 -g rg --sku Basic --admin-enabled true\n" },
        level: 'note',
        env: 'unknown',
        messageIncludes: "The quote ' opened here is never closed",
      },
      {
        name: 'unclosed-here-string-swallows-an-az-command',
        files: { 'deploy.ps1': '$b = @⟦"⟧\n{ "x": 1 }\n  "@\naz acr create -n acr1 -g rg --sku Basic --admin-enabled true\n' },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'unclosed-quote-inside-an-az-command',
        files: { 'deploy.sh': 'az acr create -n ⟦"⟧a -g rg --admin-enabled true\n' },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'unclosed-quote-in-a-workflow-run-script',
        files: {
          '.github/workflows/deploy.yml': `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo ⟦'⟧starting
          az acr create -n acr1 -g rg --sku Basic --admin-enabled true
`,
        },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
};

// Conformance round (c-conf2): RULES.md EVAL001 "one finding per file and cause, with the
// count": two resources of one file hitting the expansion cap are one cause (the address was
// not quoted, so it made each message a cause of its own).
const perCause: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'expansion-cap-once-per-file-with-the-count',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "a" {
  count    = ⟦1500⟧
  name     = "a-\${count.index}"
  location = "westeurope"
}

resource "azurerm_resource_group" "b" {
  count    = 3000
  name     = "b-\${count.index}"
  location = "westeurope"
}
`,
        },
        level: 'note',
        env: 'unknown',
        message: "'azurerm_resource_group.a' expands to 1500 instances; only the first 1024 are linted (and 1 more like it in this file).",
      },
    ],
  },
};

// RULES.md EVAL001: "an evaluation that had to stop (for example … a local module file that is
// missing)". A CI file's local template, reusable workflow or composite action is its module:
// one that names no file inside the scanned folder is a note at the reference.
const missingLocalCalls: RuleTable = {
  arm: {
    valid: [
      {
        name: 'linked-template-present',
        files: {
          'azuredeploy.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "kv", "properties": {"mode": "Incremental", "templateLink": {"relativePath": "nested/kv.json"}}}]}\n',
          'nested/kv.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}\n',
        },
      },
    ],
    invalid: [
      {
        // RULES.md: "a local module file that is missing" is EVAL001.
        name: 'linked-template-missing',
        files: {
          'azuredeploy.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "kv", "properties": {"mode": "Incremental", "templateLink": {"relativePath": ⟦"nested/kv.json"⟧}}}]}\n',
        },
        level: 'note',
        env: 'unknown',
        message: 'The template this deployment links (relativePath "nested/kv.json") is not an ARM template of the scanned files, so the resources it deploys are not checked; add the file, or check the path.',
      },
    ],
  },
  'azure-cli': {
    valid: [
      {
        name: 'template-present',
        files: {
          'azure-pipelines.yml': 'steps:\n- template: templates/deploy.yml\n',
          'templates/deploy.yml': 'steps:\n- script: echo deploy\n',
        },
      },
      {
        name: 'template-from-the-repository-top-present',
        files: {
          'pipelines/ci.yml': 'steps:\n- template: /templates/deploy.yml\n',
          'templates/deploy.yml': 'steps:\n- script: echo deploy\n',
        },
      },
      {
        // A repository linted from the folder above it: `/…` is from the repository's top, which
        // holds the files (review 69: both were "not a file inside the scanned folder"); a
        // template that does not parse is its own PARSE001, still the file named.
        name: 'root-paths-of-a-repository-linted-from-above',
        files: {
          'repo/infra/pipeline.yml': 'variables:\n- template: /infra/config/dev.variables.yml\njobs:\n- template: /infra/templates/deploy.yml\n',
          'repo/infra/config/dev.variables.yml': 'variables:\n  size: Standard_NC6s_v3\n',
          'repo/infra/templates/deploy.yml': 'jobs:\n- job: d\n  steps:\n  - script: echo\n    inputs: [a\n',
        },
        parseError: true,
      },
      // In another repository (`@alias`) or named by an unknown expression: not the scan's to find.
      {
        name: 'template-in-another-repository',
        files: { 'azure-pipelines.yml': 'steps:\n- template: templates/deploy.yml@mlops-templates\n' },
      },
      {
        name: 'template-path-is-an-unknown-expression',
        files: { 'azure-pipelines.yml': 'parameters:\n- name: t\n  type: string\nsteps:\n- template: ${{ parameters.t }}\n' },
      },
      {
        name: 'composite-action-present-as-action-yaml',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/setup\n',
          '.github/actions/setup/action.yaml': 'name: setup\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n',
        },
      },
      {
        name: 'reusable-workflow-present',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    uses: ./.github/workflows/deploy.yml\n',
          '.github/workflows/deploy.yml': 'on: workflow_call\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
        },
      },
    ],
    invalid: [
      {
        name: 'pipeline-template-missing',
        files: { 'azure-pipelines.yml': 'steps:\n- template: ⟦templates/deploy.yml⟧\n  parameters:\n    env: prod\n' },
        level: 'note',
        env: 'unknown',
        message: "The local template 'templates/deploy.yml' does not exist: the steps it adds are not checked.",
      },
      {
        name: 'pipeline-template-missing-twice-is-one-note-with-the-count',
        files: {
          'azure-pipelines.yml': 'jobs:\n- job: a\n  steps:\n  - template: ⟦templates/deploy.yml⟧\n- job: b\n  steps:\n  - template: templates/deploy.yml\n',
        },
        level: 'note',
        env: 'unknown',
        message: "The local template 'templates/deploy.yml' does not exist (2 references): the steps it adds are not checked.",
      },
      {
        // A variables template that is no file: its variables are unknown, and the run says so (a
        // stage's too, counted in the same note: one per file and cause; a present one, and another
        // repository's, say nothing).
        name: 'variables-template-missing',
        files: {
          'azure-pipelines.yml':
            'variables:\n- template: ⟦config-infra-prod.yml⟧\n- template: vars.yml\n- template: common.yml@templates\nstages:\n- stage: a\n  variables:\n  - template: stage-vars.yml\n  jobs:\n  - job: j\n    steps:\n    - script: echo\n',
          'vars.yml': 'variables:\n  x: 1\n',
        },
        level: 'note',
        env: 'unknown',
        message: "The local variables template 'config-infra-prod.yml' does not exist: the variables it sets are unknown (and 1 more like it in this file).",
      },
      {
        // Two missing templates, one referenced twice: one cause, one note (its count of references is no cause of its own).
        name: 'missing-templates-one-referenced-twice-one-note',
        files: {
          'azure-pipelines.yml': 'jobs:\n- job: a\n  steps:\n  - template: ⟦one.yml⟧\n  - template: one.yml\n  - template: two.yml\n',
        },
        level: 'note',
        env: 'unknown',
        message: "The local template 'one.yml' does not exist (2 references): the steps it adds are not checked (and 1 more like it in this file).",
      },
      {
        // A path that leaves the pipeline's folder is shown resolved (review 107: the file is nowhere).
        name: 'variables-template-missing-up-the-tree',
        files: {
          'infra/pipelines/deploy.yml': 'variables:\n- template: ⟦../../config-infra-prod.yml⟧\nsteps:\n- script: echo\n',
          'infra/main.tf': 'terraform {}\n',
        },
        level: 'note',
        env: 'unknown',
        message: "The local variables template '../../config-infra-prod.yml' does not exist (it would be 'config-infra-prod.yml'): the variables it sets are unknown.",
      },
      {
        // A folder where a file is named (a reusable workflow's `uses:` of a folder).
        name: 'reusable-workflow-path-is-a-folder',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    uses: ⟦./.github/workflows/shared⟧\n',
          '.github/workflows/shared/readme.md': 'x\n',
        },
        level: 'note',
        env: 'unknown',
        message: "The local reusable workflow './.github/workflows/shared' is a folder, not a file: the steps it adds are not checked.",
      },
      {
        // A path out of the scanned folder is not read (nothing outside the scan root is).
        name: 'template-outside-the-scanned-folder',
        files: { 'azure-pipelines.yml': 'steps:\n- template: ⟦../shared/deploy.yml⟧\n' },
        level: 'note',
        env: 'unknown',
        message: "The local template '../shared/deploy.yml' is outside the scanned folder ('../shared/deploy.yml' from it) and is not read: the steps it adds are not checked.",
      },
      {
        // `@self` is the pipeline's own repository: a local template.
        name: 'pipeline-template-at-self-missing',
        files: { 'azure-pipelines.yml': 'steps:\n- template: ⟦templates/deploy.yml@self⟧\n' },
        level: 'note',
        env: 'unknown',
        message: "The local template 'templates/deploy.yml@self' does not exist: the steps it adds are not checked.",
      },
      {
        // A template called through templates five levels deep: callers are followed up to three levels above the
        // direct ones; what the top passes is not read, and the run says so at the file's start.
        name: 'callers-beyond-the-depth-followed',
        files: {
          'azure-pipelines.yml': 'steps:\n- template: t/t0.yml\n  parameters:\n    admin: true\n',
          't/t0.yml': 'parameters:\n- name: admin\n  default: false\nsteps:\n- template: t1.yml\n  parameters:\n    admin: ${{ parameters.admin }}\n',
          't/t1.yml': 'parameters:\n- name: admin\n  default: false\nsteps:\n- template: t2.yml\n  parameters:\n    admin: ${{ parameters.admin }}\n',
          't/t2.yml': 'parameters:\n- name: admin\n  default: false\nsteps:\n- template: t3.yml\n  parameters:\n    admin: ${{ parameters.admin }}\n',
          't/t3.yml': 'parameters:\n- name: admin\n  default: false\nsteps:\n- template: t4.yml\n  parameters:\n    admin: ${{ parameters.admin }}\n',
          't/t4.yml': '⟦⟧parameters:\n- name: admin\n  default: false\nsteps:\n- script: az acr create -n acr1 -g rg --sku Basic --admin-enabled ${{ parameters.admin }}\n',
        },
        level: 'note',
        env: 'unknown',
        message: "This file's callers are followed through their own callers up to 3 levels; the values that callers farther up pass are not read.",
      },
      {
        // A script a matrix job runs counts toward the file's matrix work: past the budget the remaining legs do not run it, and the run says so.
        name: 'matrix-legs-running-a-long-called-script',
        files: {
          '.github/workflows/ci.yml': "on: push\njobs:\n  ⟦a⟧:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        admin: ['false', 'no', 'true']\n    steps:\n      - run: ./s/acr.sh ${{ matrix.admin }}\n",
          's/acr.sh': 'az acr create -n acr1 -g rg --sku Basic --admin-enabled "$1"\n' + 'echo step\n'.repeat(20_000),
        },
        level: 'note',
        env: 'unknown',
        messageIncludes: 'matrix values are not expanded',
      },
      {
        name: 'reusable-workflow-missing',
        files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    uses: ⟦./.github/workflows/deploy.yml⟧\n    with:\n      env: prod\n' },
        level: 'note',
        env: 'unknown',
        message: "The local reusable workflow './.github/workflows/deploy.yml' does not exist: the steps it adds are not checked.",
      },
      {
        name: 'composite-action-missing',
        files: { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ⟦./.github/actions/setup⟧\n' },
        level: 'note',
        env: 'unknown',
        message: "The local action './.github/actions/setup' has no action.yml or action.yaml: the steps it adds are not checked.",
      },
    ],
  },
};

ruleTester('EVAL001', converted, perCause, missingLocalCalls);
