/**
 * CI005 (terraform-apply-without-plan): A CI step runs `terraform apply -auto-approve` without a saved plan file.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'apply.yml',
        files: {
          '.github/workflows/apply.yml': `
name: infra
on: push
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: |
          terraform plan -out=tfplan
          terraform apply -auto-approve tfplan
      - run: terraform apply -input=false -auto-approve "$PLAN_FILE"
      - run: terraform apply -var-file prod.tfvars
      - run: terraform apply -auto-approve=false
      - run: terraform apply -auto-approve \${{ env.PLAN_FILE }}
      - run: terraform apply -auto-approve $(cat plan-path.txt)
      - run: terraform apply -auto-approve \`ls *.tfplan\`
      - run: |
          # terraform apply -auto-approve
          terraform destroy -auto-approve
`,
        },
      },
      {
        // Every caller passes `plan`: the reusable workflow never applies.
        name: 'subcommand-every-caller-passes-is-plan',
        files: {
          '.github/workflows/caller.yml': 'on: push\njobs:\n  tf:\n    uses: ./.github/workflows/tf.yml\n    with:\n      cmd: plan\n',
          '.github/workflows/tf.yml': 'on:\n  workflow_call:\n    inputs:\n      cmd:\n        type: string\n        default: apply\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform ${{ inputs.cmd }} -auto-approve\n',
        },
      },
      {
        // A variable Terraform never receives: a shell variable not exported, a PowerShell `$x` (no environment variable).
        name: 'tf-cli-args-that-terraform-never-sees',
        files: {
          '.github/workflows/ci.yml':
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          TF_CLI_ARGS_apply=-auto-approve\n          terraform apply\n      - shell: pwsh\n        run: |\n          $TF_CLI_ARGS_apply = '-auto-approve'\n          terraform apply\n      - run: |\n          export TF_CLI_ARGS_apply=-auto-approve\n          env -i PATH=\"$PATH\" terraform apply\n          env -u TF_CLI_ARGS_apply terraform apply\n      - run: |\n          export TF_CLI_ARGS_apply=-no-color\n          unset TF_CLI_ARGS_apply\n          TF_CLI_ARGS_apply=-auto-approve\n          terraform apply\n      - run: |\n          export TF_CLI_ARGS_apply=-auto-approve\n          export -n TF_CLI_ARGS_apply\n          terraform apply\n",
        },
      },
    ],
    invalid: [
      {
        // `-auto-approve` a `${{ }}` condition chose because of an input: at that input (review 62).
        name: 'flag-chosen-by-a-condition-an-input-decides',
        files: { '.github/workflows/w.yml': "on:\n  workflow_dispatch:\n    inputs:\n      admin:\n        default: '⟦yes⟧'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform apply ${{ inputs.admin == 'yes' && '-auto-approve' || '' }}\n" },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        related: [{ label: 'value chosen by the condition', line: 10 }, { label: 'condition', line: 10 }, { label: 'terraform apply', line: 10 }],
      },
      {
        // A substitution joined to a word (`-var rg=$(echo x)`) is one argument: the command goes on after it (review 49).
        name: 'argument-joined-to-a-substitution',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform ⟦apply⟧ -var rg=$(echo x) -auto-approve\n' },
        level: 'warning',
        env: 'unknown',
      },
      {
        // The subcommand a caller passes to a reusable workflow or a composite action is the finding at the caller's value (review 57: nothing, not even --verbose).
        name: 'subcommand-a-caller-passes',
        files: {
          '.github/workflows/caller.yml': 'on: push\njobs:\n  tf:\n    uses: ./.github/workflows/tf.yml\n    with:\n      cmd: ⟦apply⟧\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/tf\n        with:\n          cmd: ⟦apply⟧\n',
          '.github/workflows/tf.yml': 'on:\n  workflow_call:\n    inputs:\n      cmd:\n        type: string\n        default: plan\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform ${{ inputs.cmd }} -auto-approve\n',
          '.github/actions/tf/action.yml': "name: tf\ninputs:\n  cmd:\n    default: plan\nruns:\n  using: composite\n  steps:\n    - run: terraform ${{ inputs.cmd }} -auto-approve\n      shell: bash\n",
        },
        level: 'warning',
        env: 'unknown',
        related: [{ label: 'terraform apply' }],
      },
      {
        // A flag a step passes to a scanned script (its env: read as $AA, or TF_CLI_ARGS_apply) is reported where the step writes it.
        name: 'auto-approve-passed-to-a-called-script',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          AA: ⟦-auto-approve⟧\n        run: ./apply.sh\n      - env:\n          AA: ⟦--auto-approve⟧\n        run: ./apply.sh\n      - env:\n          TF_CLI_ARGS_apply: ⟦-auto-approve⟧\n        run: ./apply2.sh\n',
          'apply.sh': '#!/bin/bash\nterraform apply $AA\n',
          'apply2.sh': '#!/bin/bash\nterraform apply\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        related: [{ label: 'terraform apply' }],
      },
      {
        // Written before the program (`X=v terraform …`, `env X=v terraform …`), exported, or `$env:` in PowerShell: Terraform's environment.
        name: 'tf-cli-args-in-terraforms-environment',
        files: {
          '.github/workflows/ci.yml':
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          declare -x TF_CLI_ARGS_apply=⟦-auto-approve⟧\n          terraform apply\n      - run: TF_CLI_ARGS_apply=⟦-auto-approve⟧ terraform apply\n      - run: env TF_CLI_ARGS_apply=⟦-auto-approve⟧ terraform apply\n      - run: |\n          export TF_CLI_ARGS=⟦-auto-approve⟧\n          terraform apply\n      - shell: pwsh\n        run: |\n          $env:TF_CLI_ARGS_apply = '⟦-auto-approve⟧'\n          terraform apply\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        // TF_CLI_ARGS_apply (and TF_CLI_ARGS) are read as if written after the subcommand (Terraform's CLI environment
        // variables): -auto-approve set there, with no plan file, is reported where it is written, the apply related.
        name: 'auto-approve-from-tf-cli-args-apply',
        files: {
          '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      TF_CLI_ARGS_apply: ⟦-auto-approve⟧\n    steps:\n      - run: terraform apply\n      - run: terraform apply tfplan\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        related: [{ label: 'terraform apply' }],
      },
      {
        name: 'apply.yml',
        files: {
          '.github/workflows/apply.yml': `
name: infra
on: push
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: terraform ⟦apply⟧ -auto-approve
      - run: terraform -chdir=infra ⟦apply⟧ -input=false --auto-approve
      - run: |
          cd infra && terraform ⟦apply⟧ \\
            -var-file prod.tfvars \\
            -auto-approve=true
      - run: |
          terraform ⟦apply⟧ -auto-approve -var "env=prod" | tee apply.log
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        // The CI system substitutes `${{ … }}` before the shell runs: `-var-file=${{ inputs.environment }}.tfvars`
        // is one word, not a plan file named `inputs.environment` (GitHub and Azure Pipelines alike).
        name: 'expression-in-var-file',
        files: {
          '.github/workflows/hotfix.yml': `
on:
  workflow_dispatch:
    inputs:
      environment:
        default: dev
jobs:
  hotfix:
    runs-on: ubuntu-latest
    steps:
      - run: terraform ⟦apply⟧ -var-file=\${{ inputs.environment }}.tfvars -auto-approve
      - run: |
          terraform ⟦apply⟧ \\
            -var "location=\${{ vars.LOCATION }}" -var env=\${{ inputs.environment }} \\
            -auto-approve
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
    ],
  },
  'azure-pipelines': {
    valid: [
      {
        // A template runs only as its callers call it: a default that every scanned caller overrides never runs.
        name: 'template-default-every-caller-overrides',
        files: {
          'azure-pipelines.yml': "trigger: none\njobs:\n  - template: templates/tf.yml\n    parameters:\n      tfArgs: '-input=false'\n",
          'templates/tf.yml': "parameters:\n  - name: tfArgs\n    type: string\n    default: '-auto-approve'\njobs:\n  - job: apply\n    steps:\n      - script: terraform apply ${{ parameters.tfArgs }}\n",
        },
      },
      {
        name: 'azure-pipelines.yml',
        files: {
          'azure-pipelines.yml': `
trigger: none
steps:
  - script: |
      terraform plan -out $(Build.ArtifactStagingDirectory)/tfplan
      terraform apply -auto-approve $(Build.ArtifactStagingDirectory)/tfplan
  - bash: terraform apply -input=false tfplan
`,
        },
      },
      {
        // The caller passes the plan file: the template's apply applies it, the task too.
        name: 'template-options-a-caller-passes-name-the-plan',
        files: {
          'azure-pipelines.yml': "steps:\n  - template: templates/tf.yml\n    parameters:\n      opts: tfplan\n",
          'templates/tf.yml':
            "parameters:\n  - name: opts\n    type: string\n    default: ''\nsteps:\n  - script: terraform apply -auto-approve ${{ parameters.opts }}\n  - task: TerraformTaskV4@4\n    inputs:\n      command: apply\n      commandOptions: ${{ parameters.opts }}\n",
        },
      },
      {
        // Under `${{ if }}` blocks the file's values decide against (its defaults; each caller's for a template): never compiled in (review 62).
        name: 'steps-under-template-conditions-decided-against',
        files: {
          'azure-pipelines.yml':
            "parameters:\n  - name: env\n    default: dev\nsteps:\n  - ${{ if eq(parameters.env, 'prod') }}:\n    - script: terraform apply -auto-approve\n    - task: TerraformTaskV4@4\n      inputs:\n        command: apply\n  - template: templates/tf.yml\n    parameters:\n      apply: false\n",
          'templates/tf.yml': "parameters:\n  - name: apply\n    type: boolean\n    default: true\nsteps:\n  - ${{ if parameters.apply }}:\n    - script: terraform apply -auto-approve\n",
        },
      },
      {
        // `enabled: false`: the step never runs.
        name: 'disabled-steps',
        files: {
          'azure-pipelines.yml': `
steps:
  - script: terraform apply -auto-approve
    enabled: false
  - task: TerraformTaskV4@4
    enabled: False
    inputs:
      provider: azurerm
      command: apply
`,
        },
      },
      {
        name: 'terraform-task.yml',
        files: {
          'terraform-task.yml': `
steps:
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      command: plan
      commandOptions: -out=$(Pipeline.Workspace)/tfplan
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      command: apply
      commandOptions: $(Pipeline.Workspace)/tfplan
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      command: \${{ parameters.command }}
`,
        },
      },
    ],
    invalid: [
      {
        // One caller's values compile the step under `${{ if }}` in: it runs (review 62).
        name: 'step-under-a-template-condition-one-caller-decides-for',
        files: {
          'azure-pipelines.yml': 'steps:\n  - template: templates/tf.yml\n    parameters:\n      apply: false\n  - template: templates/tf.yml\n    parameters:\n      apply: true\n',
          'templates/tf.yml': "parameters:\n  - name: apply\n    type: boolean\n    default: false\nsteps:\n  - ${{ if parameters.apply }}:\n    - script: terraform ⟦apply⟧ -auto-approve\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        // A caller that does not pass the parameter runs the template's default: reported there.
        name: 'template-default-a-caller-runs',
        files: {
          'azure-pipelines.yml': "trigger: none\njobs:\n  - template: templates/tf.yml\n    parameters:\n      tfArgs: '-input=false'\n  - template: templates/tf.yml\n",
          'templates/tf.yml': "parameters:\n  - name: tfArgs\n    type: string\n    default: '⟦-auto-approve⟧'\njobs:\n  - job: apply\n    steps:\n      - script: terraform apply ${{ parameters.tfArgs }}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        related: [{ label: 'terraform apply' }],
      },
      {
        // The caller's options name no plan file: the template's own `apply` is the finding, the caller's value related.
        name: 'template-script-options-a-caller-passes',
        files: {
          'azure-pipelines.yml': "steps:\n  - template: templates/tf.yml\n    parameters:\n      opts: -var-file=prod.tfvars\n",
          'templates/tf.yml': "parameters:\n  - name: opts\n    type: string\n    default: tfplan\nsteps:\n  - script: terraform ⟦apply⟧ -auto-approve ${{ parameters.opts }}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        related: [{ file: 'azure-pipelines.yml', line: 4, label: 'argument -var-file=prod.tfvars' }],
      },
      {
        // A Terraform task's commandOptions a caller passes (review 57: was undecided, "decided at run time").
        name: 'template-task-options-a-caller-passes',
        files: {
          'azure-pipelines.yml': "steps:\n  - template: templates/tf.yml\n    parameters:\n      opts: -var-file=prod.tfvars\n",
          'templates/tf.yml': "parameters:\n  - name: opts\n    type: string\n    default: tfplan\nsteps:\n  - task: TerraformTaskV4@4\n    inputs:\n      command: ⟦apply⟧\n      commandOptions: ${{ parameters.opts }}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
        related: [{ label: 'task: TerraformTaskV4@4' }, { label: 'commandOptions' }, { file: 'azure-pipelines.yml', line: 4, label: 'commandOptions -var-file=prod.tfvars' }],
      },
      {
        // Two callers that both leave out the plan file: one finding, both callers' values related (review 59: the second was lost).
        name: 'template-task-options-two-callers-pass',
        files: {
          'azure-pipelines.yml': "steps:\n  - template: templates/tf.yml\n    parameters:\n      opts: -input=false\n  - template: templates/tf.yml\n    parameters:\n      opts: -lock=false\n",
          'templates/tf.yml': "parameters:\n  - name: opts\n    type: string\n    default: tfplan\nsteps:\n  - task: TerraformTaskV4@4\n    inputs:\n      command: ⟦apply⟧\n      commandOptions: ${{ parameters.opts }}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
        related: [
          { label: 'task: TerraformTaskV4@4' },
          { label: 'commandOptions' },
          { file: 'azure-pipelines.yml', line: 4, label: 'commandOptions -input=false' },
          { file: 'azure-pipelines.yml', line: 7, label: 'commandOptions -lock=false' },
        ],
      },
      {
        // The command a caller passes is the finding at the caller's value.
        name: 'template-task-command-a-caller-passes',
        files: {
          'azure-pipelines.yml': "steps:\n  - template: templates/tf.yml\n    parameters:\n      command: ⟦apply⟧\n",
          'templates/tf.yml': "parameters:\n  - name: command\n    type: string\n    default: plan\nsteps:\n  - task: TerraformTaskV4@4\n    inputs:\n      command: ${{ parameters.command }}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
        related: [{ label: 'task: TerraformTaskV4@4' }, { file: 'templates/tf.yml', line: 8, label: 'command' }],
      },
      {
        name: 'expression-in-var-file',
        files: {
          'pipelines/deploy.yml': `
parameters:
  - name: env
    default: prod
steps:
  - script: terraform ⟦apply⟧ -auto-approve -var-file=\${{ parameters.env }}.tfvars
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        name: 'azure-pipelines.yml',
        files: {
          'azure-pipelines.yml': `
trigger: none
stages:
  - stage: deploy
    jobs:
      - job: apply
        steps:
          - task: AzureCLI@2
            inputs:
              azureSubscription: prod
              scriptType: bash
              scriptLocation: inlineScript
              inlineScript: |
                terraform init
                terraform ⟦apply⟧ -auto-approve -var-file=prod.tfvars
          - pwsh: |
              terraform ⟦apply⟧ \`
                -auto-approve
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        name: 'terraform-task.yml',
        files: {
          'terraform-task.yml': `
steps:
  - task: TerraformTaskV2@2
    displayName: 'Terraform apply'
    inputs:
      provider: 'azurerm'
      command: '⟦apply⟧'
      commandOptions: '-var "location=$(location)" -var "prefix=$(namespace)"'
      environmentServiceNameAzureRM: '$(ado_service_connection_rg)'
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      command: ⟦apply⟧
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
        messageIncludes: 'runs `terraform apply -auto-approve` (the task adds it)',
      },
      {
        // Charles Zipp's TerraformCLI task adds -auto-approve too (tf-apply.ts `.withAutoApprove()`); a plan file in its options is fine.
        name: 'terraform-cli-task-apply',
        files: {
          'terraform-cli.yml': `
steps:
  - task: TerraformCLI@0
    inputs:
      command: ⟦apply⟧
      workingDirectory: infra
  - task: charleszipp.azure-pipelines-tasks-terraform.azure-pipelines-tasks-terraform-cli.TerraformCLI@1
    inputs:
      command: ⟦apply⟧
      commandOptions: -var-file=prod.tfvars
  - task: TerraformCLI@1
    inputs:
      command: apply
      commandOptions: tfplan
  - task: TerraformCLI@1.2
    inputs:
      command: ⟦apply⟧
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
        messageIncludes: '(the task adds it)',
      },
      {
        // Inputs under `\${{ if }}` / `\${{ else }}`: each branch is read over the inputs outside it;
        // the branch with a plan file is fine.
        name: 'terraform-task-inputs-under-template-conditions',
        files: {
          'terraform-task.yml': `
parameters:
  - name: verbose
    type: boolean
    default: false
steps:
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      \${{ if parameters.verbose }}:
        command: ⟦apply⟧
      \${{ else }}:
        command: apply
        commandOptions: tfplan
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
      },
      {
        // A branch nested in a branch is read too.
        name: 'terraform-task-inputs-under-nested-template-conditions',
        files: {
          'terraform-task.yml': `
steps:
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      \${{ if eq(parameters.apply, true) }}:
        \${{ if eq(parameters.region, 'weu') }}:
          command: ⟦apply⟧
      \${{ else }}:
        command: plan
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
      },
      {
        // The options write -auto-approve themselves: the message says so, not that the task adds it.
        name: 'terraform-task-options-approve',
        files: {
          'terraform-task.yml': `
steps:
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      command: ⟦apply⟧
      commandOptions: -auto-approve -var-file=prod.tfvars
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
        messageIncludes: 'runs `terraform apply -auto-approve` (as its options say)',
      },
    ],
  },
  script: {
    valid: [
      // A plan file a variable holds is a plan file.
      { name: 'plan-file-held-by-a-variable', files: { 'deploy.sh': 'PLAN=tfplan\nterraform plan -out=$PLAN\nterraform apply -auto-approve $PLAN\n' } },
      { name: 'arguments-variable-not-known', files: { 'deploy.sh': 'terraform apply $TF_ARGS\n' } },
      {
        name: 'deploy.ps1',
        files: {
          'deploy.ps1': `
terraform plan -out tfplan
terraform apply -auto-approve tfplan
`,
        },
      },
      {
        name: 'deploy.sh',
        files: {
          'deploy.sh': `
#!/usr/bin/env bash
set -e
terraform plan -out=tfplan
terraform apply tfplan -auto-approve 2>&1
`,
        },
      },
    ],
    invalid: [
      {
        // -auto-approve a variable holds (an input default, a job env: value too): reported where it is written, the apply related.
        name: 'auto-approve-held-by-a-variable',
        files: { 'deploy.sh': 'AA="⟦-auto-approve⟧"\nterraform apply $AA\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        related: [{ label: 'terraform apply' }],
      },
      {
        name: 'deploy.ps1',
        files: {
          'deploy.ps1': `
terraform ⟦apply⟧ -auto-approve -var "env=prod"
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        name: 'deploy.sh',
        files: {
          'deploy.sh': `
#!/usr/bin/env bash
set -e
terraform init -backend-config=prod.tfbackend
terraform ⟦apply⟧ \\
  -lock-timeout 5m \\
  -auto-approve
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        // A shell function's body runs where it is called: `-auto-approve` passed as its $1 is
        // reported where the call writes it.
        name: 'auto-approve-passed-to-a-shell-function',
        files: { 'apply.sh': 'tf() {\n  terraform apply $1\n}\ntf ⟦-auto-approve⟧\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        // `2>&1` is a complete redirect: the word after it is an argument of apply, not its file.
        name: 'redirect-before-auto-approve',
        files: {
          'apply.sh': `
terraform ⟦apply⟧ 2>&1 -auto-approve
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
    ],
  },
};


// `terraform` is the program a command runs, not a word of another program's arguments.
const programPosition: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'printed, not run',
        files: {
          '.github/workflows/apply.yml': `
name: infra
on: push
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: echo terraform apply -auto-approve
      - run: |
          printf '%s\\n' terraform apply -auto-approve
          command -v terraform apply -auto-approve
          export TF_CMD=terraform apply -auto-approve
`,
        },
      },
      {
        // find hands each plan file it finds to apply ({}): a plan file is given.
        name: 'find-exec-with-the-found-plan-file',
        files: {
          '.github/workflows/apply.yml': `
name: infra
on: push
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: find plans -name '*.tfplan' -exec terraform apply -auto-approve {} \\;
`,
        },
      },
    ],
    invalid: [
      {
        // A default in quotes is its text, as the shell removes the quotes (review 55).
        name: 'quoted-default-of-a-parameter-expansion',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform apply ${ARGS:-⟦"-auto-approve"⟧}\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        // A wrapper's "$@" is the step's arguments when every one is known (review 51).
        name: 'wrapper-passes-all-arguments',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./tf.sh apply ⟦-auto-approve⟧\n      - run: ./tf.sh apply -auto-approve tfplan\n',
          'tf.sh': '#!/bin/bash\ncd infra\nterraform "$@"\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        // An expression with `||` before the subcommand is one word (review 50).
        name: 'expression-with-an-operator-before-apply',
        files: { '.github/workflows/w.yml': "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform -chdir=${{ vars.DIR || 'infra' }} ⟦apply⟧ -auto-approve\n" },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
      {
        name: 'after wrappers, keywords and assignments',
        files: {
          '.github/workflows/apply.yml': `
name: infra
on: push
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: sudo -E terraform ⟦apply⟧ -auto-approve
      - run: TF_LOG=debug terraform ⟦apply⟧ -auto-approve
      - run: env TF_IN_AUTOMATION=1 timeout 30m terraform ⟦apply⟧ -auto-approve
      - run: |
          if [ "$BRANCH" = main ]; then terraform ⟦apply⟧ -auto-approve; fi
          time ./bin/terraform ⟦apply⟧ -auto-approve
          time -p terraform ⟦apply⟧ -auto-approve
          sudo TF_LOG=DEBUG terraform ⟦apply⟧ -auto-approve
          env -- TF_IN_AUTOMATION=1 terraform ⟦apply⟧ -auto-approve
          >apply.log terraform ⟦apply⟧ -auto-approve
          nice -n 10 terraform ⟦apply⟧ -auto-approve
          echo infra | xargs -I{} terraform -chdir={} ⟦apply⟧ -auto-approve
          doppler run -- terraform ⟦apply⟧ -auto-approve
          find envs -mindepth 1 -maxdepth 1 -type d -exec terraform -chdir={} ⟦apply⟧ -auto-approve \\;
          find envs -type d -execdir terraform ⟦apply⟧ -auto-approve -var-file=prod.tfvars +
          eval "terraform -chdir=net ⟦apply⟧ -auto-approve"
          terraform ⟦apply⟧ -auto-approve &>apply.log
          terraform ⟦apply⟧ -auto-approve >| apply.log
          terraform ⟦apply⟧ -auto-approve &>> apply.log
      - shell: pwsh
        run: |
          try { terraform ⟦apply⟧ -auto-approve } catch { exit 1 }
          $out = terraform ⟦apply⟧ -auto-approve
          . terraform ⟦apply⟧ -auto-approve
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
    ],
  },
  script: {
    valid: [
      {
        name: 'printed, not run',
        files: {
          'deploy.ps1': `
Write-Host terraform apply -auto-approve
`,
        },
      },
    ],
    invalid: [
      {
        name: 'PowerShell call operator',
        files: {
          'deploy.ps1': `
& terraform ⟦apply⟧ -auto-approve
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
    ],
  },
};

// A Terraform task's inputs expand `$(var)` macros before the task runs: a known variable is read
// (review 67: `commandOptions: $(applyOpts)` was undecided, the same options inline were reported).
const TASK = (options: string): string => `trigger: none
variables:
  applyOpts: '-input=false -var-file=prod.tfvars'
  planFile: tfplan
steps:
  - task: TerraformTaskV4@4
    inputs:
      provider: azurerm
      command: ⟦apply⟧
      commandOptions: ${options}
`;
const taskMacros: RuleTable = {
  'azure-pipelines': {
    valid: [
      { name: 'plan-file-from-a-variable', files: { 'azure-pipelines.yml': TASK('$(planFile)').replace('⟦apply⟧', 'apply') } },
      // A variable the file does not set may hold the plan file: undecided, as before.
      { name: 'options-from-an-unset-variable', files: { 'azure-pipelines.yml': TASK('$(otherOpts)').replace('⟦apply⟧', 'apply') } },
    ],
    invalid: [
      {
        name: 'options-without-a-plan-file-from-a-variable',
        files: { 'azure-pipelines.yml': TASK('$(applyOpts)') },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
      },
    ],
  },
};

// A template parameter not known inside a longer commandOptions is judged where it stands, as a
// macro is (review 91: `-var "pw=${{ parameters.pw }}"` made the whole input undecided).
const TEMPLATE = (options: string, declared = '- name: pw\n  type: string\n'): string => `parameters:
${declared}steps:
  - task: TerraformTaskV2@2
    inputs:
      provider: azurerm
      command: ⟦apply⟧
      commandOptions: ${options}
`;
const templateExpressions: RuleTable = {
  'azure-pipelines': {
    valid: [
      // Alone, a parameter not known may be the plan file: undecided.
      { name: 'plan-file-from-a-parameter-not-known', files: { 'templates/apply.yml': TEMPLATE("'${{ parameters.pw }}'").replace('⟦apply⟧', 'apply') } },
      { name: 'plan-file-after-a-parameter-not-known', files: { 'templates/apply.yml': TEMPLATE('\'-var "pw=${{ parameters.pw }}" tfplan\'').replace('⟦apply⟧', 'apply') } },
    ],
    invalid: [
      {
        name: 'parameter-not-known-inside-a-quoted-var',
        files: { 'templates/apply.yml': TEMPLATE('\'-var "location=$(location)" -var "pw=${{ parameters.pw }}"\'') },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
      },
      {
        name: 'expression-with-quotes-and-spaces-inside-a-var',
        files: { 'templates/apply.yml': TEMPLATE("-var \"name=${{ format('{0} {1}', parameters.pw, 'x') }}\" -input=false") },
        level: 'warning',
        env: 'unknown',
        messageId: 'taskApplyWithoutPlan',
      },
    ],
  },
};

// OpenTofu (a fork of Terraform with the same commands and flags): `tofu apply -auto-approve`
// without a plan file is the same risk (review 92: no finding, no --verbose line).
const openTofu: RuleTable = {
  'github-actions': {
    valid: [{ name: 'tofu-apply-of-a-saved-plan', files: { '.github/workflows/apply.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: tofu apply -auto-approve tfplan\n' } }],
    invalid: [
      {
        name: 'tofu-apply-without-a-plan',
        files: { '.github/workflows/apply.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: tofu -chdir=infra ⟦apply⟧ -input=false -auto-approve\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        messageIncludes: '`tofu apply -auto-approve` without a saved plan',
      },
    ],
  },
};

// -auto-approve=<value>: Terraform reads it as Go's strconv.ParseBool (1, t, true in any of its spellings approve; 0, f, false do not).
const approveValues: RuleTable = {
  'github-actions': {
    valid: [{ name: 'auto-approve-zero-or-f', files: { '.github/workflows/apply.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform apply -auto-approve=0\n      - run: terraform apply -auto-approve=F\n' } }],
    invalid: [
      {
        name: 'auto-approve-one-or-t',
        files: { '.github/workflows/apply.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform ⟦apply⟧ -auto-approve=1\n      - run: terraform ⟦apply⟧ -auto-approve=T\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
    ],
  },
};

// Each matrix leg and `${{ each }}` copy runs the step with its own values: a leg past the first
// that passes `-auto-approve` (or `command: apply`) is a finding at its value (audit 54: only the
// first leg was read).
const legs: RuleTable = {
  'github-actions': {
    valid: [{ name: 'every-leg-applies-a-plan', files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        plan: [a.tfplan, b.tfplan]\n    steps:\n      - run: terraform apply -auto-approve ${{ matrix.plan }}\n' } }],
    invalid: [
      {
        name: 'a-later-leg-passes-the-flag',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        args: ["tfplan", "⟦-auto-approve⟧"]\n    steps:\n      - run: terraform apply ${{ matrix.args }}\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
        related: [{ label: 'terraform apply', line: 9 }],
      },
      {
        // The first leg is a finding, the second is not, the third is one of its own.
        name: 'first-and-third-legs-each-at-their-value',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        args:\n          - "⟦-auto-approve⟧"\n          - "tfplan"\n          - "⟦-auto-approve -lock=false⟧"\n    steps:\n      - run: terraform apply ${{ matrix.args }}\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'applyWithoutPlan',
      },
    ],
  },
  'azure-pipelines': {
    invalid: [
      {
        name: 'matrix-leg-variables-in-a-script-and-a-task',
        files: {
          'azure-pipelines.yml':
            'jobs:\n  - job: j\n    pool:\n      vmImage: ubuntu-latest\n    strategy:\n      matrix:\n        planned:\n          tfArgs: tfplan\n          tfCommand: plan\n        direct:\n          tfArgs: ⟦-auto-approve⟧\n          tfCommand: ⟦apply⟧\n    steps:\n      - script: terraform apply $(tfArgs)\n      - task: TerraformTaskV4@4\n        inputs:\n          command: $(tfCommand)\n',
        },
        level: 'warning',
        env: 'unknown',
      },
      {
        name: 'each-copy-of-a-script-and-a-task',
        files: {
          'azure-pipelines.yml':
            'parameters:\n  - name: argsList\n    type: object\n    default:\n      - tfplan\n      - ⟦-auto-approve⟧\n  - name: cmds\n    type: object\n    default: [plan, ⟦apply⟧]\nsteps:\n  - ${{ each a in parameters.argsList }}:\n    - script: terraform apply ${{ a }}\n  - ${{ each c in parameters.cmds }}:\n    - task: TerraformTaskV4@4\n      inputs:\n        command: ${{ c }}\n',
        },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  script: {
    // A program that runs none of its words: `:` and `true` switch a line off, `mkdir`/`git` take names and text.
    valid: [{ name: 'handed-to-a-program-that-runs-nothing', files: { 'run.sh': ': terraform apply -auto-approve\ntrue terraform apply -auto-approve\nfalse terraform apply -auto-approve\nmkdir terraform apply -auto-approve\ngit commit -m terraform apply -auto-approve\n' } }],
    invalid: [],
  },
};

ruleTester('CI005', converted, programPosition, taskMacros, templateExpressions, openTofu, approveValues, legs);
