/**
 * CI003 (oidc-without-id-token-permission): `azure/login` with `client-id` (OIDC) in a job whose effective permissions do not grant `id-token: write`.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

/** A local composite action whose only step signs in with azure/login over OIDC (its client-id from the caller's with:). */
const LOGIN_ACTION = `name: login
runs:
  using: composite
  steps:
    - uses: azure/login@v2
      with:
        client-id: \${{ inputs.client-id }}
        tenant-id: t
        subscription-id: s
`;

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  'github-actions': {
    valid: [
      {
        // Inside a composite action, client-id: \${{ inputs.client-id }} is what the call passes, else the default:
        // here '' (the call signs in with creds), so no ID token is needed. Actions that run each other are searched once.
        name: 'composite-action-login-with-the-callers-inputs',
        files: {
          '.github/workflows/w.yml': `
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/login
        with:
          creds: \${{ secrets.AZURE_CREDENTIALS }}
`,
          '.github/actions/login/action.yml': `name: login
inputs:
  creds:
    default: ''
  client-id:
    default: ''
runs:
  using: composite
  steps:
    - uses: ./.github/actions/other
    - uses: azure/login@v2
      with:
        creds: \${{ inputs.creds }}
        client-id: \${{ inputs.client-id }}
`,
          '.github/actions/other/action.yml': `name: other
runs:
  using: composite
  steps:
    - uses: ./.github/actions/login
`,
        },
      },
      {
        // The job grants id-token: write: the composite action's login has its token.
        name: 'login-inside-a-local-composite-action-with-id-token',
        files: {
          '.github/workflows/w.yml': `
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: ./.github/actions/login
`,
          '.github/actions/login/action.yml': LOGIN_ACTION,
        },
      },
      {
        // GitHub Actions reads a workflow's aliases (anchors since September 2025): job b's permissions are job a's.
        name: 'permissions-by-alias',
        files: {
          '.github/workflows/w.yml': `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: &perms
      id-token: write
    steps:
      - run: echo a
  b:
    runs-on: ubuntu-latest
    permissions: *perms
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
      },
      {
        // RULES.md CI003 is about "azure/login with client-id (OIDC)": with auth-type IDENTITY
        // the client-id names a user-assigned managed identity (self-hosted runner), no ID token.
        name: 'managed-identity-login.yml',
        files: {
          '.github/workflows/mi.yml': `
name: deploy
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: [self-hosted, azure-vm]
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.MI_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
          auth-type: IDENTITY
`,
        },
      },
      {
        name: 'caller.yml',
        files: {
          '.github/workflows/caller.yml': `
name: caller
on: push
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    uses: ./.github/workflows/reusable.yml
    secrets: inherit
`,
        },
      },
      {
        // A reusable workflow without permissions that calls another one passes its caller's token
        // on (nested reusable workflows): the caller grants id-token: write, nothing is reported.
        name: 'nested-reusable-workflows',
        files: {
          '.github/workflows/main.yml': `
on: push
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    uses: ./.github/workflows/middle.yml
`,
          '.github/workflows/middle.yml': `
on: workflow_call
jobs:
  infra:
    uses: ./.github/workflows/login.yml
`,
          '.github/workflows/login.yml': `
on: workflow_call
jobs:
  login:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
      },
      {
        name: 'job-level.yml',
        files: {
          '.github/workflows/job-level.yml': `
name: deploy
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
  all:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
      },
      {
        name: 'reusable.yml',
        files: {
          '.github/workflows/reusable.yml': `
name: reusable deploy
on:
  workflow_call:
    secrets:
      AZURE_CLIENT_ID:
        required: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
      },
      {
        name: 'workflow-level.yml',
        files: {
          '.github/workflows/workflow-level.yml': `
name: deploy
on: push
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
  creds-only:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: azure/login@v2
        with:
          creds: \${{ secrets.AZURE_CREDENTIALS }}
`,
        },
      },
    ],
    invalid: [
      {
        // Reusable, and also run by hand (review 95: the mlops-v2 layout): dispatched, it has the
        // default token, which has no id-token; called, the caller's.
        name: 'reusable-workflow-also-run-by-workflow-dispatch.yml',
        files: {
          '.github/workflows/deploy.yml': `
name: deploy
on:
  workflow_call:
  workflow_dispatch:
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - ⟦uses: azure/login@v2⟧
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'defaultPermissionsWhenNotCalled',
        messageIncludes: 'run by `workflow_dispatch` it has the default token',
      },
      {
        // The same action called twice, first with creds, then with client-id: the second call signs in over OIDC.
        name: 'composite-login-action-called-twice-with-different-inputs',
        files: {
          '.github/workflows/deploy.yml': 'on: push\npermissions:\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - ⟦uses: ./.github/actions/outer⟧\n',
          '.github/actions/outer/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses: ./.github/actions/login\n      with:\n        creds: ${{ secrets.AZ }}\n    - uses: ./.github/actions/login\n      with:\n        client-id: ${{ vars.CLIENT_ID }}\n',
          '.github/actions/login/action.yml': "inputs:\n  client-id:\n    default: ''\n  creds:\n    default: ''\nruns:\n  using: composite\n  steps:\n    - uses: azure/login@v2\n      with:\n        client-id: ${{ inputs.client-id }}\n        creds: ${{ inputs.creds }}\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'workflowPermissions',
      },
      {
        // Nesting is counted in depth: eight sibling actions before the login do not use up GitHub's ten levels.
        name: 'composite-login-after-many-sibling-actions',
        files: {
          '.github/workflows/deploy.yml': 'on: push\npermissions:\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - ⟦uses: ./.github/actions/outer⟧\n',
          '.github/actions/outer/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses: ./.github/actions/a1\n    - uses: ./.github/actions/a2\n    - uses: ./.github/actions/a3\n    - uses: ./.github/actions/a4\n    - uses: ./.github/actions/a5\n    - uses: ./.github/actions/a6\n    - uses: ./.github/actions/a7\n    - uses: ./.github/actions/a8\n    - uses: ./.github/actions/login\n      with:\n        client-id: ${{ vars.CLIENT_ID }}\n',
          '.github/actions/a1/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 1\n      shell: bash\n',
          '.github/actions/a2/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 2\n      shell: bash\n',
          '.github/actions/a3/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 3\n      shell: bash\n',
          '.github/actions/a4/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 4\n      shell: bash\n',
          '.github/actions/a5/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 5\n      shell: bash\n',
          '.github/actions/a6/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 6\n      shell: bash\n',
          '.github/actions/a7/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 7\n      shell: bash\n',
          '.github/actions/a8/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo 8\n      shell: bash\n',
          '.github/actions/login/action.yml': LOGIN_ACTION,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'workflowPermissions',
      },
      {
        // A workflow's own input passed to the action is a value given there, as on a direct azure/login step.
        name: 'composite-login-given-a-workflow-input',
        files: {
          '.github/workflows/deploy.yml': 'on:\n  workflow_dispatch:\n    inputs:\n      client-id:\n        required: true\npermissions:\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - ⟦uses: ./.github/actions/login⟧\n        with:\n          client-id: ${{ inputs.client-id }}\n',
          '.github/actions/login/action.yml': LOGIN_ACTION,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'workflowPermissions',
      },
      {
        // A local composite action's steps run in the calling job, with its token: its OIDC login needs the job's id-token: write.
        name: 'login-inside-a-local-composite-action',
        files: {
          '.github/workflows/w.yml': `
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - ⟦uses: ./.github/actions/login⟧
        with:
          client-id: \${{ vars.AZURE_CLIENT_ID }}
`,
          '.github/actions/login/action.yml': LOGIN_ACTION,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'workflowPermissions',
        messageIncludes: '`azure/login` (in the local action `./.github/actions/login`) with `client-id`',
      },
      {
        // A login step reused by alias in a job without id-token: write is that job's login, located where the step is written.
        name: 'login-step-by-alias',
        files: {
          '.github/workflows/w.yml': `
on: push
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - &login
        ⟦uses: azure/login@v2⟧
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
  b:
    runs-on: ubuntu-latest
    steps:
      - *login
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'workflowPermissions',
      },
      {
        // Nested reusable workflows pass the top caller's token down: without id-token: write at
        // the top, the innermost OIDC login fails; reported at the top call (the middle workflow,
        // without permissions of its own, is not reported).
        name: 'nested-reusable-workflows-caller-without-id-token',
        files: {
          '.github/workflows/main.yml': `
on: push
permissions:
  contents: read
jobs:
  deploy:
    ⟦uses: ./.github/workflows/middle.yml⟧
`,
          '.github/workflows/middle.yml': `
on: workflow_call
jobs:
  infra:
    uses: ./.github/workflows/login.yml
`,
          '.github/workflows/login.yml': `
on: workflow_call
jobs:
  login:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'callerPermissionsNested',
        message: "Job `deploy` calls `./.github/workflows/middle.yml`, which passes its permissions on to `login.yml`, whose job `login` signs in with `azure/login` over OIDC, but the workflow permissions `contents: read` grants no `id-token: write`; add `id-token: write` (with `contents: read`) to the permissions of job `deploy`.",
        related: [{ file: '.github/workflows/login.yml', label: 'azure/login in job login' }, { label: 'workflow permissions' }],
      },
      {
        // The reusable workflow runs with this call's permissions: its OIDC login fails; reported at the call.
        name: 'caller-without-id-token-calls-oidc-reusable.yml',
        files: {
          '.github/workflows/cd.yml': `
name: cd
on: push
permissions:
  contents: read
jobs:
  dev:
    ⟦uses: ./.github/workflows/reusable.yml⟧
    secrets: inherit
`,
          '.github/workflows/reusable.yml': `
name: reusable deploy
on:
  workflow_call:
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'callerPermissions',
        related: [{ file: '.github/workflows/reusable.yml', label: 'azure/login in job deploy' }, { label: 'workflow permissions' }],
      },
      {
        // A called workflow can only narrow its caller's token: its own id-token: write does not help.
        name: 'reusable-asks-id-token-the-caller-does-not-grant.yml',
        files: {
          '.github/workflows/cd.yml': `
name: cd
on: push
jobs:
  prod:
    permissions:
      contents: read
    ⟦uses: ./.github/workflows/reusable.yml⟧
`,
          '.github/workflows/reusable.yml': `
name: reusable deploy
on:
  workflow_call:
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'callerPermissions',
      },
      {
        // The called job signs in through a local composite action: the action is named as what the
        // job uses, not as a workflow with jobs (review 73: "passes its permissions on to `action.yml`").
        name: 'caller-of-a-workflow-that-signs-in-through-an-action.yml',
        files: {
          '.github/workflows/caller.yml': `
name: caller
on: push
permissions:
  contents: read
jobs:
  call:
    ⟦uses: ./.github/workflows/reuse.yml⟧
`,
          '.github/workflows/reuse.yml': `
name: reuse
on:
  workflow_call:
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/deploy
`,
          '.github/actions/deploy/action.yml': `
name: deploy
runs:
  using: composite
  steps:
    - uses: azure/login@v2
      with:
        client-id: \${{ env.AZURE_CLIENT_ID }}
        tenant-id: \${{ env.AZURE_TENANT_ID }}
        subscription-id: \${{ env.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'callerPermissionsAction',
        message:
          'Job `call` calls `./.github/workflows/reuse.yml`, whose job `deploy` signs in over OIDC through action `./.github/actions/deploy`, but the workflow permissions `contents: read` grants no `id-token: write`; add `id-token: write` (with `contents: read`) to the permissions of job `call`.',
      },
      {
        // GitHub input names are case-insensitive (INPUT_CLIENT-ID); auth-type SERVICE_PRINCIPAL is OIDC.
        name: 'client-id-any-case.yml',
        files: {
          '.github/workflows/deploy.yml': `
name: deploy
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - ⟦uses: azure/login@v2⟧
        with:
          Client-Id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          auth-type: SERVICE_PRINCIPAL
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'workflowPermissions',
      },
      {
        name: 'job-overrides.yml',
        files: {
          '.github/workflows/job-overrides.yml': `
name: deploy
on: push
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - ⟦uses: azure/login@v2⟧
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'jobReplacesWorkflow',
      },
      {
        name: 'no-permissions.yml',
        files: {
          '.github/workflows/no-permissions.yml': `
name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - ⟦uses: azure/login@v2⟧
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'defaultPermissions',
      },
      {
        name: 'workflow-level.yml',
        files: {
          '.github/workflows/workflow-level.yml': `
name: deploy
on: push
permissions:
  contents: read
jobs:
  inherit:
    runs-on: ubuntu-latest
    steps:
      - ⟦uses: Azure/login@v2⟧
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
  read-all:
    runs-on: ubuntu-latest
    permissions: read-all
    steps:
      - ⟦uses: azure/login@v2⟧
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
  empty:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - ⟦uses: azure/login@v2⟧
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`,
        },
        level: 'error',
        env: 'unknown',
        errors: [
          { messageId: 'workflowPermissions' },
          { messageId: 'jobReplacesWorkflow' },
          { messageId: 'jobReplacesWorkflow' },
        ],
      },
    ],
  },
};

// Conformance round (c-conf2): `client-id: ''` is no OIDC sign-in (the step uses `creds`), so
// it needs no ID token. RULES.md CI003: "azure/login with client-id (OIDC)".
const emptyClientId: RuleTable = {
  'github-actions': {
    valid: [
      {
        name: 'empty-client-id-with-creds-needs-no-id-token',
        files: {
          '.github/workflows/deploy.yml': `
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: ''
          creds: \${{ secrets.AZURE_CREDENTIALS }}
`,
        },
      },
    ],
    invalid: [],
  },
};

ruleTester('CI003', converted, emptyClientId);
