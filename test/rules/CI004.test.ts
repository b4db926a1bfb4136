/**
 * CI004 (action-not-pinned): `uses:` of a third-party action or reusable workflow at a branch (`@main`, `@master`, `@latest`, `@dev`) or with no ref.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  'github-actions': {
    valid: [
      {
        // The repository itself, by owner/repo (`Azure/azureml-assets/...@main` in Azure/azureml-assets,
        // as its checkout's remote says): first-party code, not a third-party action (review 130).
        name: 'reference-to-the-repository-itself',
        files: {
          '.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = https://github.com/Azure/azureml-assets\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
          '.github/workflows/test.yml':
            'on: pull_request_target\njobs:\n  ctx:\n    uses: Azure/azureml-assets/.github/workflows/check-execution-context.yaml@main\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/AzureML-Assets/.github/actions/clone-repo@main\n',
        },
      },
      {
        // A fully qualified tag ref is a tag ("tags are fine"), though it contains a `/`.
        name: 'fully-qualified-tag-ref.yml',
        files: {
          '.github/workflows/tag-ref.yml': `
name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@refs/tags/v2
`,
        },
      },
      {
        name: 'pinned.yml',
        files: {
          '.github/workflows/pinned.yml': `
name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: azure/login@v2
      - uses: actions/setup-python@v5.3.0
      - uses: ./.github/actions/local-thing
      # No owner/repo: not another repository's action (GitHub rejects it), pinning is not the fix.
      - uses: create-compute.yml
      - uses: docker://ghcr.io/owner/image@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      - uses: docker://alpine:3.20
  shared:
    uses: ./.github/workflows/deploy.yml
    secrets: inherit
  remote:
    uses: Azure/mlops-templates/.github/workflows/read-yaml.yml@v1.2.0
`,
        },
      },
    ],
    invalid: [
      {
        // The checkout's origin is another repository; another remote (a fork's upstream) is not the
        // repository itself: a push to its branch runs under this repository's secrets (review 131).
        name: 'reference-to-another-repository-of-the-owner',
        files: {
          '.git/config': '[remote "origin"]\n\turl = git@github.com:Azure/azureml-examples.git\n[remote "upstream"]\n\turl = https://github.com/Azure/azureml-assets\n',
          '.github/workflows/test.yml': 'on: push\njobs:\n  ctx:\n    uses: ⟦Azure/azureml-assets/.github/workflows/check-execution-context.yaml@main⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'branch',
      },
      {
        // A composite action's step runs in the workflows that use it (review 70: "runs in this workflow").
        name: 'composite-action-step-on-a-branch',
        files: {
          '.github/actions/setup/action.yml': 'name: setup\nruns:\n  using: composite\n  steps:\n    - uses: ⟦hashicorp/setup-terraform@main⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'so any push there runs in every workflow that uses this action, with its secrets;',
      },
      {
        name: 'branch-like.yml',
        files: {
          '.github/workflows/branch-like.yml': `
name: branch-like refs, repeats
on: push
jobs:
  register:
    runs-on: ubuntu-latest
    steps:
      - uses: ⟦Azure/aml-registermodel@ashishonce/adddefaulttags⟧
      - uses: ⟦someone/a@develop⟧
      - uses: ⟦someone/b@trunk⟧
      - uses: ⟦actions/checkout@main⟧
      - uses: actions/checkout@main
  compute:
    uses: ⟦Azure/mlops-templates/.github/workflows/create-compute.yml@main⟧
  compute2:
    uses: Azure/mlops-templates/.github/workflows/create-compute.yml@main
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'branch',
      },
      {
        // Owner and repository compare without case (GitHub's names); a path inside the repository
        // is a git path: two sub-actions that differ in case are two actions, one finding each.
        name: 'sub-action-paths-differ-in-case.yml',
        files: {
          '.github/workflows/sub-actions.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ⟦owner/repo/sub/action@master⟧
      - uses: ⟦owner/repo/Sub/action@master⟧
      - uses: Owner/Repo/sub/action@master
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'branch',
      },
      {
        name: 'unpinned.yml',
        files: {
          '.github/workflows/unpinned.yml': `
name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ⟦actions/checkout@main⟧
      - uses: ⟦Azure/login@master⟧
      - uses: ⟦someone/setup-thing@latest⟧
      - uses: "⟦someone/other-thing@dev⟧"
      - uses: ⟦someone/no-ref⟧
      - uses: ⟦docker://alpine⟧
  shared:
    uses: ⟦Azure/mlops-templates/.github/workflows/read-yaml.yml@main⟧
    secrets: inherit
`,
        },
        level: 'warning',
        env: 'unknown',
        errors: [
          { messageId: 'branch' },
          { messageId: 'branch' },
          { messageId: 'branch' },
          { messageId: 'branch' },
          { messageId: 'noRef' },
          { messageId: 'dockerLatest' },
          { messageId: 'branch' },
        ],
      },
    ],
  },
};

ruleTester('CI004', converted);
