/**
 * CI001 (sdk-auth-deprecated): `az ad sp create-for-rbac --sdk-auth` (or `--json-auth`) in a CI script mints a long-lived client secret as JSON.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

/** A text written with lone CR line ends (classic Mac OS): a YAML 1.2 line break, like LF (its leading newline dropped). */
const loneCr = (text: string): string => text.replace(/^\n/, '').replace(/\n/g, '\r');

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'create-sp.yml',
        files: {
          '.github/workflows/create-sp.yml': `
name: bootstrap
on: workflow_dispatch
jobs:
  bootstrap:
    runs-on: ubuntu-latest
    steps:
      - name: federated identity instead of a secret
        run: |
          az ad sp create-for-rbac --name ml-deployer --role contributor --scopes "$SCOPE"
          az ad app federated-credential create --id "$APP_ID" --parameters fic.json
      - name: mentions only
        run: |
          echo "do not use --sdk-auth"
          az ad sp create-for-rbac --name ml-deployer --sdk-auth false
          az ad sp create-for-rbac --name ml-deployer --SDK-AUTH
`,
        },
      },
    ],
    invalid: [
      {
        // `--sdk-auth` a `${{ }}` condition chose because of an input: at that input (review 62).
        name: 'flag-chosen-by-a-condition-an-input-decides',
        files: { '.github/workflows/w.yml': "on:\n  workflow_dispatch:\n    inputs:\n      admin:\n        default: '⟦yes⟧'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ad sp create-for-rbac -n sp ${{ inputs.admin == 'yes' && '--sdk-auth' || '' }}\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        related: [{ label: 'value chosen by the condition', line: 10 }, { label: 'condition', line: 10 }, { label: 'az ad sp create-for-rbac', line: 10 }],
      },
      {
        // A flag a step passes to a scanned script (its argument, its env:) is reported where the step writes it.
        name: 'sdk-auth-passed-to-a-called-script',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./sp.sh ⟦--sdk-auth⟧\n      - env:\n          AUTH: ⟦--json-auth⟧\n        run: ./sp2.sh\n',
          'sp.sh': '#!/bin/bash\naz ad sp create-for-rbac -n x "$1"\n',
          'sp2.sh': '#!/bin/bash\naz ad sp create-for-rbac -n y $AUTH\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        related: [{ label: 'az ad sp create-for-rbac' }],
      },
      {
        // A written --sdk-auth whose value a caller gives (a reusable workflow's input, a script's
        // argument): true there is the flag, reported where it is written (review 53).
        name: 'sdk-auth-value-given-by-a-caller',
        files: {
          '.github/workflows/c.yml': "on: push\njobs:\n  c:\n    uses: ./.github/workflows/w.yml\n    with:\n      mode: 'true'\n",
          '.github/workflows/w.yml':
            "on:\n  workflow_call:\n    inputs:\n      mode:\n        type: string\n        default: 'false'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ad sp create-for-rbac -n x ⟦--sdk-auth⟧ ${{ inputs.mode }}\n",
          '.github/workflows/run.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/sp.sh true\n',
          'scripts/sp.sh': 'MODE=${1:-false}\naz ad sp create-for-rbac -n x ⟦--sdk-auth⟧ $MODE\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
      {
        // "$@" is the caller's arguments when every one is known: each where the step writes it (review 51).
        name: 'sdk-auth-passed-through-all-arguments',
        files: {
          '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./sp.sh --role reader ⟦--sdk-auth⟧\n      - run: bash sp.sh ⟦--json-auth⟧\n',
          'sp.sh': '#!/bin/bash\naz ad sp create-for-rbac -n x "$@"\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        related: [{ label: 'az ad sp create-for-rbac' }],
      },
      {
        name: 'create-sp.yml',
        files: {
          '.github/workflows/create-sp.yml': `
name: bootstrap
on: workflow_dispatch
permissions:
  id-token: write
  contents: read
jobs:
  bootstrap:
    runs-on: ubuntu-latest
    steps:
      - name: one line
        run: az ad sp create-for-rbac --name ml-deployer --role contributor ⟦--sdk-auth⟧ > creds.json
      - name: continued lines
        run: |
          az ad sp create-for-rbac \\
            --name ml-deployer \\
            --role contributor \\
            ⟦--json-auth⟧
      - name: commented out
        run: |
          echo "creating"
          # az ad sp create-for-rbac --name ml-deployer ⟦--sdk-auth⟧
      - name: folded
        run: >-
          CREDS=$(az ad sp create-for-rbac
          --name ml-deployer ⟦--sdk-auth⟧)
      - name: windows
        shell: pwsh
        run: |
          $sp = az ad sp create-for-rbac \`
            --name ml-deployer \`
            ⟦--sdk-auth⟧
`,
        },
        env: 'unknown',
        errors: [
          { level: 'error', messageId: 'sdkAuth' },
          { level: 'error', messageId: 'sdkAuth' },
          { level: 'note', messageId: 'commentedOut' },
          { level: 'error', messageId: 'sdkAuth' },
          { level: 'error', messageId: 'sdkAuth' },
        ],
      },
      {
        name: 'header-comment.yml',
        files: {
          '.github/workflows/header-comment.yml': `
# To configure this workflow:
#
# 1. Set up the following secrets in your workspace:
#     c. AZURE_CREDENTIALS with the output of \`az ad sp create-for-rbac ⟦--sdk-auth⟧\`

on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'commentedOut',
      },
      {
        // YAML 1.2 ends a line at a lone CR as at LF: a workflow written so is classified by
        // its content (not under .github/workflows), read without a PARSE001, and its script's
        // lines (a backslash continuation inside a block scalar) are found at their own lines.
        name: 'lone-cr-line-breaks',
        files: {
          'ci/deploy.yml': loneCr(`
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          az ad sp create-for-rbac --name ml-deployer \\
            ⟦--sdk-auth⟧ > creds.json
`),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
  'azure-pipelines': {
    valid: [
      {
        name: 'azure-pipelines.yml',
        files: {
          'azure-pipelines.yml': `
trigger: none
pool:
  vmImage: ubuntu-latest
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: bootstrap-wif
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: |
        az ad sp create-for-rbac --name ml-deployer --role contributor --scopes "$SCOPE"
  - task: Bash@3
    inputs:
      targetType: filePath
      filePath: scripts/bootstrap.sh
      script: az ad sp create-for-rbac --sdk-auth
`,
        },
      },
      {
        // A step under `\${{ if }}` blocks the file's defaults decide against is never compiled in (review 62).
        name: 'step-under-a-template-condition-decided-against',
        files: {
          'azure-pipelines.yml': "parameters:\n  - name: env\n    default: dev\nsteps:\n  - ${{ if eq(parameters.env, 'prod') }}:\n    - script: az ad sp create-for-rbac -n x --sdk-auth\n",
        },
      },
    ],
    invalid: [
      {
        // An inline script under `\${{ if }}` / `\${{ else }}` in the task's inputs: each branch's script is read.
        name: 'inline-script-under-template-conditions',
        files: {
          'azure-pipelines.yml': `
parameters:
  - name: verbose
    type: boolean
    default: false
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: conn
      scriptType: bash
      scriptLocation: inlineScript
      \${{ if parameters.verbose }}:
        inlineScript: az ad sp create-for-rbac -n sp1 ⟦--sdk-auth⟧ --debug
      \${{ else }}:
        inlineScript: az ad sp create-for-rbac -n sp1 ⟦--sdk-auth⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
      {
        name: 'azure-pipelines.yml',
        files: {
          'azure-pipelines.yml': `
trigger: none
pool:
  vmImage: ubuntu-latest
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: bootstrap
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: |
        az ad sp create-for-rbac --name ml-deployer \\
          ⟦--sdk-auth⟧ > $(Build.ArtifactStagingDirectory)/creds.json
  - script: az ad sp create-for-rbac --name ml-deployer ⟦--json-auth⟧
    displayName: one line
  - pwsh: |
      az ad sp create-for-rbac \`
        --name ml-deployer ⟦--sdk-auth⟧
  - task: Bash@3
    inputs:
      targetType: inline
      script: "az ad sp create-for-rbac --name ml-deployer ⟦--sdk-auth⟧"
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        // The fix in Azure Pipelines' terms, not azure/login's.
        messageIncludes: 'use OIDC: an Azure Resource Manager service connection with workload identity federation instead.',
      },
      {
        // A pipeline template with lone CR line ends (a YAML line break), recognised by its steps.
        name: 'lone-cr-line-breaks',
        files: {
          'templates/bootstrap.yml': loneCr(`
steps:
  - bash: |
      echo start
      az ad sp create-for-rbac --name ml-deployer ⟦--json-auth⟧
    displayName: bootstrap
`),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        messageIncludes: 'use OIDC: an Azure Resource Manager service connection with workload identity federation instead.',
      },
    ],
  },
  script: {
    valid: [
      // Not known: not reported (--verbose records it: test/rules/ci-expanded-words.test.ts).
      { name: 'flag-variable-not-known', files: { 'create-sp.sh': 'az ad sp create-for-rbac --name sp1 $EXTRA\n' } },
      { name: 'variable-holds-another-flag', files: { 'create-sp.sh': 'ROLE="--role contributor"\naz ad sp create-for-rbac --name sp1 $ROLE\n' } },
      {
        name: 'create-sp.sh',
        files: {
          'create-sp.sh': `
#!/usr/bin/env bash
# Do not use --sdk-auth: it prints a client secret.
az ad sp create-for-rbac --name "$NAME" --role contributor --scopes "/subscriptions/$SUB"
cat <<EOT
az ad sp create-for-rbac --sdk-auth
EOT
echo 'az ad sp create-for-rbac --sdk-auth'
echo 'CREDS="$(az ad sp create-for-rbac --sdk-auth)"'
CREDS="$(az ad sp create-for-rbac --name "$NAME" --sdk-auth false)"
`,
        },
      },
    ],
    invalid: [
      {
        // A shell function's body runs where it is called: the flag its caller passes as $1 is
        // reported where the call writes it (also for a body on the function's own line).
        name: 'flag-passed-to-a-shell-function',
        files: {
          'create-sp.sh': 'sp() { az ad sp create-for-rbac --name sp1 $1; }\nsp ⟦--sdk-auth⟧\n',
          'create-sp2.sh': 'login() {\n  az ad sp create-for-rbac --name sp2 "$@"\n}\nmain() {\n  login --role reader ⟦--json-auth⟧\n}\nmain\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        related: [{ label: 'az ad sp create-for-rbac' }],
      },
      {
        // The flag a variable holds: reported where it is written (RULES.md Location), the command related.
        name: 'flag-held-by-a-variable',
        files: { 'create-sp.sh': 'AUTH="⟦--sdk-auth⟧"\naz ad sp create-for-rbac --name sp1 $AUTH\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        related: [{ label: 'az ad sp create-for-rbac' }],
      },
      {
        // A PowerShell block comment's lines are commented-out lines too (help text included).
        name: 'powershell-block-comment',
        files: { 'setup.ps1': '<#\n.EXAMPLE\n  az ad sp create-for-rbac --name sp1 --role contributor ⟦--sdk-auth⟧\n#>\n<# az ad sp create-for-rbac ⟦--sdk-auth⟧ #>\n' },
        level: 'note',
        env: 'unknown',
        messageId: 'commentedOut',
      },
      {
        name: 'create-sp.ps1',
        files: {
          'create-sp.ps1': `
# Creates the deployment principal
$sp = az ad sp create-for-rbac --name $Name \`
  --role contributor \`
  ⟦--json-auth⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        message:
          '`az ad sp create-for-rbac --json-auth` mints a long-lived client secret as JSON; use OIDC federated credentials (azure/login with client-id in GitHub Actions, a workload identity federation service connection in Azure Pipelines) instead.',
      },
      {
        // RULES.md CI001: "az ad sp create-for-rbac with --sdk-auth … in a shell/PowerShell
        // script": a command substitution inside double quotes runs it too.
        name: 'quoted-command-substitution',
        files: {
          'bootstrap.sh': `
CREDS="$(az ad sp create-for-rbac --name ml --role contributor ⟦--sdk-auth⟧)"
echo "\`az ad sp create-for-rbac -n ml2 ⟦--json-auth=true⟧\`" > creds.json
`,
        },
        env: 'unknown',
        errors: [
          { level: 'error', messageId: 'sdkAuth' },
          { level: 'error', messageId: 'sdkAuth' },
        ],
      },
      {
        name: 'create-sp.sh',
        files: {
          'create-sp.sh': `
#!/usr/bin/env bash
set -euo pipefail
# Old way, kept for reference:
# az ad sp create-for-rbac --name "$NAME" ⟦--sdk-auth⟧
az ad sp create-for-rbac --name "$NAME" --role contributor \\
  --scopes "/subscriptions/$SUB" \\
  ⟦--sdk-auth⟧ > creds.json
creds=$(az ad sp create-for-rbac --name "$NAME" ⟦--json-auth⟧)
`,
        },
        env: 'unknown',
        errors: [
          { level: 'note', messageId: 'commentedOut' },
          { level: 'error', messageId: 'sdkAuth' },
          { level: 'error', messageId: 'sdkAuth' },
        ],
      },
    ],
  },
};

// An Azure Pipelines task runs its inline script only when its selector says so: left out, each
// selector's default is the script file (AzureCLI scriptLocation, AzurePowerShell ScriptType,
// Bash/PowerShell targetType), and the inline text never runs.
const taskScriptSelectors: RuleTable = {
  'azure-pipelines': {
    valid: [
      {
        name: 'selectors left out: the script file runs',
        files: {
          'azure-pipelines.yml': `
trigger: none
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: bootstrap
      scriptType: bash
      scriptPath: scripts/bootstrap.sh
      inlineScript: az ad sp create-for-rbac --name a --sdk-auth
  - task: AzurePowerShell@5
    inputs:
      azureSubscription: bootstrap
      ScriptPath: scripts/bootstrap.ps1
      Inline: az ad sp create-for-rbac --name b --sdk-auth
  - task: Bash@3
    inputs:
      filePath: scripts/bootstrap.sh
      script: az ad sp create-for-rbac --name c --sdk-auth
  - task: PowerShell@2
    inputs:
      filePath: scripts/bootstrap.ps1
      script: az ad sp create-for-rbac --name d --sdk-auth
  - task: AzureCLI@2
    inputs:
      azureSubscription: bootstrap
      scriptType: bash
      scriptLocation: $(location)
      inlineScript: az ad sp create-for-rbac --name e --sdk-auth
`,
        },
      },
    ],
    invalid: [
      {
        name: 'selectors set to the inline script',
        files: {
          'azure-pipelines.yml': `
trigger: none
steps:
  - task: AzurePowerShell@5
    inputs:
      azureSubscription: bootstrap
      ScriptType: InlineScript
      Inline: az ad sp create-for-rbac --name b ⟦--sdk-auth⟧
  - task: PowerShell@2
    inputs:
      targetType: Inline
      script: az ad sp create-for-rbac --name d ⟦--sdk-auth⟧
  - task: CmdLine@2
    inputs:
      script: az ad sp create-for-rbac --name f ⟦--sdk-auth⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
};

// `script:` is the CmdLine task: cmd.exe on a Windows agent (a `^` ends a continued line), bash on
// Linux and macOS (where a `^` is a character and the next line another command).
const agentShell: RuleTable = {
  'azure-pipelines': {
    valid: [
      {
        name: 'caret-on-a-linux-agent-is-no-continuation',
        files: {
          'azure-pipelines.yml': 'pool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: |\n      az ad sp create-for-rbac ^\n        --sdk-auth\n  - task: CmdLine@2\n    inputs:\n      script: |\n        az ad sp create-for-rbac ^\n          --sdk-auth\n',
        },
      },
      {
        // `rem` after a separator ignores the rest of the line (a trailing comment, as bash's `echo hi # az …`).
        name: 'rem-after-a-separator-on-a-windows-agent',
        files: {
          'azure-pipelines.yml': 'pool:\n  vmImage: windows-latest\nsteps:\n  - script: |\n      echo hi & rem az ad sp create-for-rbac --sdk-auth\n      echo hi && REM az ad sp create-for-rbac --sdk-auth\n      echo hi || @rem az ad sp create-for-rbac --sdk-auth\n      echo caret ^^& rem az ad sp create-for-rbac --sdk-auth\n',
        },
      },
    ],
    invalid: [
      {
        name: 'caret-continuation-on-a-windows-agent',
        files: {
          'azure-pipelines.yml':
            'stages:\n  - stage: s\n    jobs:\n      - job: j\n        pool:\n          vmImage: windows-latest\n        steps:\n          - script: |\n              az ad sp create-for-rbac ^\n                ⟦--sdk-auth⟧\n      - job: k\n        pool:\n          name: Default\n          demands:\n            - Agent.OS -equals Windows_NT\n        steps:\n          - script: |\n              az ad sp create-for-rbac ^\n                ⟦--sdk-auth⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
      {
        // A template's step runs on its caller's agent, not known where the template is read: a line
        // ending in ` ^` is cmd's continuation (bash would run the next line as a command of its own).
        // The command before `& rem` runs; a `^&` or a quoted `&` is text, so `rem` there is an argument.
        name: 'command-before-rem-and-escaped-or-quoted-separators',
        files: {
          'azure-pipelines.yml':
            'pool:\n  vmImage: windows-latest\nsteps:\n  - script: |\n      az ad sp create-for-rbac -n a ⟦--sdk-auth⟧ & rem done\n      echo ^"quote & az ad sp create-for-rbac -n d ⟦--sdk-auth⟧\n      echo x ^& rem & az ad sp create-for-rbac -n b ⟦--sdk-auth⟧\n      echo "x & rem" & az ad sp create-for-rbac -n c ⟦--sdk-auth⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
      {
        name: 'caret-continuation-where-the-agent-is-not-known',
        files: {
          'azure-pipelines.yml': 'pool:\n  vmImage: windows-latest\nsteps:\n  - template: s.yml\n',
          's.yml': 'steps:\n  - script: |\n      az ad sp create-for-rbac --name x ^\n        ⟦--sdk-auth⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
      {
        // cmd.exe's comment lines (`rem`, `@rem`, `::`) comment the command out: a note, as a shell `#` line is.
        name: 'cmd-comment-lines-on-a-windows-agent',
        files: {
          'azure-pipelines.yml':
            'pool:\n  vmImage: windows-latest\nsteps:\n  - script: |\n      rem az ad sp create-for-rbac ⟦--sdk-auth⟧\n      @REM az ad sp create-for-rbac -n b ⟦--sdk-auth⟧\n      :: az ad sp create-for-rbac -n c ⟦--sdk-auth⟧\n      echo done\n',
        },
        level: 'note',
        env: 'unknown',
        messageId: 'commentedOut',
      },
    ],
  },
};

// A shell started with a literal script runs it: `bash -c '…'` (FORMATS.md: what a step runs).
// So does `eval` of one literal string. A string the linter would have to unescape or build is
// not read (a continuation, `eval` of several words or of a variable).
const shellStrings: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'escaped-or-built-strings-are-not-read',
        files: {
          '.github/workflows/w.yml':
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          bash -c 'az ad sp create-for-rbac -n a \\\n            --sdk-auth'\n          bash -c \"$CMD --sdk-auth\"\n          echo 'bash -c az ad sp create-for-rbac --sdk-auth'\n          bash -c \"echo 'a\n            b'; az ad sp create-for-rbac -n b --sdk-auth\"\n          echo eval 'az ad sp create-for-rbac -n c --sdk-auth'\n",
        },
      },
    ],
    invalid: [
      {
        name: 'bash-c-and-sh-c-with-a-literal-script',
        files: {
          '.github/workflows/w.yml':
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          bash -c 'az ad sp create-for-rbac -n a ⟦--sdk-auth⟧'\n          /bin/sh -ec \"echo start; az ad sp create-for-rbac -n b ⟦--json-auth⟧\"\n          bash -c 'echo one\n            az ad sp create-for-rbac -n c ⟦--sdk-auth⟧'\n          if true; then bash -c 'az ad sp create-for-rbac -n d ⟦--sdk-auth⟧'; fi\n          FOO=1 bash -e -o pipefail -c 'az ad sp create-for-rbac -n e ⟦--sdk-auth⟧'\n          az ad sp create-for-rbac --name sp-$(date +%s) --role contributor ⟦--sdk-auth⟧\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
      {
        name: 'eval-of-a-literal-string',
        files: {
          '.github/workflows/w.yml':
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          eval \"az ad sp create-for-rbac -n a ⟦--sdk-auth⟧\"\n          if true; then eval 'az ad sp create-for-rbac -n b ⟦--json-auth⟧'; fi\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
};

// PowerShell's stop-parsing token passes the rest of the line to az as written (review 49).
const stopParsing: RuleTable = {
  script: {
    valid: [{ name: 'stop-parsing-without-the-flag', files: { 'sp.ps1': 'az --% ad sp create-for-rbac -n a\n' } }],
    invalid: [
      {
        name: 'stop-parsing-before-the-command',
        files: { 'sp.ps1': 'az --% ad sp create-for-rbac -n a ⟦--sdk-auth⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
};

// A CI expression is put in before the shell reads the text: its `||`, `(` and blanks split no
// command, so the flags after it are read (review 50).
const ciExpressions: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'expression-without-the-flag',
        files: { '.github/workflows/w.yml': "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ad sp create-for-rbac -n ${{ vars.SP || 'sp' }} --role contributor # --sdk-auth\n" },
      },
    ],
    invalid: [
      {
        name: 'flag-after-an-expression-with-operators',
        files: {
          '.github/workflows/w.yml':
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ad sp create-for-rbac -n ${{ vars.SP || 'sp' }} ⟦--sdk-auth⟧\n      - run: az ad sp create-for-rbac -n ${{ format('sp-{0}', github.run_id) }} ⟦--sdk-auth⟧\n      - shell: pwsh\n        run: az ad sp create-for-rbac -n ${{ inputs.sp && 'a' || 'b' }} ⟦--json-auth⟧\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
  'azure-pipelines': {
    valid: [
      {
        name: 'expression-without-the-flag',
        files: { 'azure-pipelines.yml': 'trigger: none\nsteps:\n  - script: az ad sp create-for-rbac -n sp-${{ lower(parameters.env) }} --role contributor\n' },
      },
    ],
    invalid: [
      {
        name: 'flag-after-a-function-call-expression',
        files: { 'azure-pipelines.yml': 'trigger: none\nparameters:\n  - name: env\n    default: Dev\nsteps:\n  - script: az ad sp create-for-rbac -n sp-${{ lower(parameters.env) }} ⟦--sdk-auth⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
};

// An Azure Pipelines steps template kept in .github/workflows (no `on:`, so GitHub cannot run it;
// Azure Pipelines reads templates from any folder) is linted as the template it is (review 91:
// it was read as an empty workflow, in silence).
const templateInWorkflowsFolder: RuleTable = {
  'azure-pipelines': {
    valid: [],
    invalid: [
      {
        name: 'steps-template-in-the-workflows-folder',
        files: {
          '.github/workflows/job-apply.yml':
            'parameters:\n- name: environment\n  type: string\nsteps:\n  - task: AzureCLI@2\n    inputs:\n      azureSubscription: "COIN-${{ parameters.environment }}"\n      scriptType: bash\n      scriptLocation: inlineScript\n      inlineScript: |\n        az ad sp create-for-rbac --name ci ⟦--sdk-auth⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
};

// A flag only a later matrix leg passes is read too, at its value; a command that prints or
// switches off `az ad sp …` runs nothing (audit 54).
const legsAndPrograms: RuleTable = {
  'github-actions': {
    valid: [],
    invalid: [
      {
        name: 'a-later-leg-passes-the-flag',
        files: { '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        auth: ["--years 1", "⟦--sdk-auth⟧"]\n    steps:\n      - run: az ad sp create-for-rbac -n x ${{ matrix.auth }}\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
        related: [{ label: 'az ad sp create-for-rbac', line: 9 }],
      },
    ],
  },
  script: {
    valid: [{ name: 'printed-or-switched-off', files: { 'setup.sh': 'echo To create the secret run: az ad sp create-for-rbac --name ci --sdk-auth\nprintf "%s\\n" az ad sp create-for-rbac --sdk-auth\n: az ad sp create-for-rbac --sdk-auth\n' } }],
    invalid: [
      {
        name: 'run-by-a-wrapper',
        files: { 'setup.sh': 'sudo az ad sp create-for-rbac --name ci ⟦--sdk-auth⟧\nretry az ad sp create-for-rbac --name ci ⟦--json-auth⟧\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'sdkAuth',
      },
    ],
  },
};

ruleTester('CI001', converted, taskScriptSelectors, agentShell, shellStrings, stopParsing, ciExpressions, templateInWorkflowsFolder, legsAndPrograms);

describe('CI001 undecided', () => {
  const { tree, cleanup } = tempTrees('ci001-');
  afterAll(cleanup);
  it('records nothing for a command reported anyway (the flag is written beside an unknown word)', async () => {
    const dir = tree({
      '.github/workflows/w.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: az ad sp create-for-rbac -n ${{ vars.SP }} --sdk-auth\n      - run: az ad sp create-for-rbac -n $SP --sdk-auth\n      - run: az ad sp create-for-rbac -n $SP2\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.range.start.line}`)).toEqual(['CI001 6', 'CI001 7']);
    expect(r.undecided.map((u) => `${u.ruleId} ${u.location?.range.start.line}`)).toEqual(['CI001 8']);
  });

  it('reads the value of --sdk-auth from a variable: false is no finding, unknown is undecided (review 52)', async () => {
    const dir = tree({
      'sp.sh': 'MODE=false\naz ad sp create-for-rbac --name b --sdk-auth $MODE\naz ad sp create-for-rbac --name c --sdk-auth "$UNSET"\nON=true\naz ad sp create-for-rbac --name d --sdk-auth=$ON\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI001'] });
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.range.start.line}:${f.location.range.start.column}`)).toEqual(['CI001 5:35']);
    expect(r.undecided.map((u) => `${u.ruleId} ${u.location?.range.start.line}:${u.location?.range.start.column} ${u.reason}`)).toEqual([
      'CI001 3:46 the value "$UNSET" of --sdk-auth is not known ($UNSET is not assigned a literal in this script), so whether it is false is not known',
    ]);
  });

  it('records an unknown word of a template that only its callers run (review 51)', async () => {
    const dir = tree({
      'azure-pipelines.yml': 'trigger: none\nsteps:\n  - template: t.yml\n    parameters:\n      extra: --years\n',
      't.yml': 'parameters:\n  - name: extra\n    default: ""\nsteps:\n  - script: az ad sp create-for-rbac -n t ${{ parameters.extra }} $X\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['CI001'] });
    expect(r.findings).toEqual([]);
    expect(r.undecided.map((u) => `${u.ruleId} ${u.location?.file.endsWith('t.yml')} ${u.location?.range.start.line}:${u.location?.range.start.column}`)).toEqual(['CI001 true 5:67']);
  });
});
