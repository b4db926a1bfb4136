/**
 * Issue 11, items 9–12: the CI rules per RULES.md v2, through `lint()` on temporary trees.
 *
 * - CI002: any non-empty `creds`/`azure_credentials`/`azure-credentials` step input, whatever
 *   the action (local `./`, `azure/actions/login`, `azure/aks-set-context`…); `azure/login`
 *   with `client-id` ignores `creds`.
 * - CI004: `develop`, `trunk` and refs containing `/` are branches; one finding per action and
 *   ref per file, the repeats as related locations.
 * - CI005: the Azure Pipelines Terraform task (`TerraformTaskV1`…`V4`) with `command: apply`
 *   and no plan file in `commandOptions` (the task adds `-auto-approve` itself).
 * - CI001: a YAML comment outside `steps:` naming the command between backticks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import type { Finding } from '../../src/engine/types.js';

function tmp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-i11ci-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Lints a tree with one rule and returns its findings. */
async function run(ruleId: string, files: Record<string, string>): Promise<{ dir: string; findings: Finding[] }> {
  const dir = tmp(files);
  const r = await lint({ paths: [dir], root: dir, noConfig: true, rules: [ruleId] });
  return { dir, findings: r.findings.filter((f) => f.ruleId === ruleId) };
}

/** `line:column level` of a finding. */
const at = (f: Finding): string => `${f.location.range.start.line}:${f.location.range.start.column} ${f.level}`;

/** The text under a range of a file. */
function under(dir: string, file: string, f: { range: Finding['location']['range'] }): string {
  const text = fs.readFileSync(path.resolve(dir, file), 'utf8');
  return text.slice(f.range.start.offset, f.range.end.offset);
}

describe('CI002 per v2: any credentials input, whatever the action', () => {
  const workflow = [
    'name: deploy',
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - name: local action of Azure/aml-workspace', // line 8
    '        uses: ./',
    '        with:',
    '          azure_credentials: ${{ secrets.AZURE_CREDENTIALS }}', // line 11
    '          parameters_file: "test/test_workspace.json"',
    '      - uses: azure/actions/login@v1', // line 13
    '        with:',
    '          creds: ${{ secrets.AZURE_CREDENTIALS }}', // line 15
    '      - uses: azure/aks-set-context@v1',
    '        with:',
    '          creds: ${{ secrets.AZURE_CREDENTIALS }}', // line 18
    '          cluster-name: aks',
    '      - uses: someone/deploy@v2',
    '        with:',
    '          azure-credentials: ${{ secrets.AZURE_CREDENTIALS }}', // line 22
    '      - uses: Azure/aml-run@v1',
    '        with:',
    "          azure_credentials: ''", // empty: not a secret
    '      - uses: azure/login@v2',
    '        with:',
    '          client-id: ${{ vars.AZURE_CLIENT_ID }}',
    '          tenant-id: ${{ vars.AZURE_TENANT_ID }}',
    '          subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}',
    '          creds: ${{ secrets.AZURE_CREDENTIALS }}', // azure/login ignores creds with client-id
    '      - uses: azure/login@v2',
    '        with:',
    '          creds: ${{ secrets.AZURE_CREDENTIALS }}', // line 34
    '',
  ].join('\n');

  it('reports local, old-path, aks-set-context and third-party actions; not empty values or azure/login with client-id', async () => {
    const { dir, findings } = await run('CI002', { '.github/workflows/deploy.yml': workflow });
    expect(findings.map(at).sort()).toEqual(['11:11 error', '15:11 error', '18:11 error', '22:11 error', '34:11 error']);
    const byLine = new Map(findings.map((f) => [f.location.range.start.line, f]));
    expect(under(dir, '.github/workflows/deploy.yml', byLine.get(11)!.location)).toBe('azure_credentials');
    expect(byLine.get(11)!.message).toContain('`./`');
    expect(byLine.get(11)!.message).toContain('`azure_credentials:`');
    expect(byLine.get(15)!.message).toContain('`azure/actions/login@v1` with `creds:`');
    expect(byLine.get(22)!.message).toContain('`azure-credentials:`');
    // the `uses:` value is the related location
    expect(under(dir, '.github/workflows/deploy.yml', byLine.get(15)!.related[0]!)).toBe('azure/actions/login@v1');
    expect(byLine.get(11)!.attributePath).toBe('with.azure_credentials');
  });

  it('a composite action (`action.yml`) is read the same way', async () => {
    const action = [
      'name: wrap',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - uses: Azure/aml-deploy@v1',
      '      with:',
      '        azure_credentials: ${{ inputs.creds }}',
      '',
    ].join('\n');
    const { findings } = await run('CI002', { '.github/actions/wrap/action.yml': action });
    expect(findings.map(at)).toEqual(['7:9 error']);
  });
});

describe('CI004 per v2: branch-like refs, one finding per action and ref per file', () => {
  it('develop, trunk and a ref with `/` are branches; tags, SHAs, local and digest-pinned images are fine', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: someone/a@develop', // 6
      '      - uses: someone/b@trunk', // 7
      '      - uses: Azure/aml-registermodel@ashishonce/adddefaulttags', // 8
      '      - uses: someone/c@refs/heads/release', // 9
      '      - uses: someone/d@v1.2.3',
      '      - uses: someone/e@11bd71901bbe5b1630ceea73d27597364c9af683',
      '      - uses: ./.github/actions/local',
      '      - uses: docker://ghcr.io/o/i@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      '      - uses: someone/f@Develop', // 14: refs compare case-insensitively
      '',
    ].join('\n');
    const { findings } = await run('CI004', { '.github/workflows/ci.yml': wf });
    expect(findings.map(at).sort()).toEqual(['14:15 warning', '6:15 warning', '7:15 warning', '8:15 warning', '9:15 warning']);
    const f8 = findings.find((f) => f.location.range.start.line === 8)!;
    expect(f8.message).toContain('follows the branch `ashishonce/adddefaulttags`');
  });

  it('the same action and ref several times in one file: one finding at the first use, the repeats related', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@main', // 6: first
      '      - uses: someone/tool@main', // 7: other action
      '      - uses: Actions/Checkout@main', // 8: same action (case-insensitive owner/repo), same ref
      '      - uses: actions/checkout@master', // 9: other ref
      '  b:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@main', // 13: same again, other job
      '      - uses: someone/no-ref', // 14
      '      - uses: someone/no-ref', // 15
      '  c:',
      '    uses: org/repo/.github/workflows/x.yml@main', // 17
      '  d:',
      '    uses: org/repo/.github/workflows/x.yml@main', // 19
      '',
    ].join('\n');
    const { dir, findings } = await run('CI004', { '.github/workflows/ci.yml': wf });
    expect(findings.map(at).sort()).toEqual(['14:15 warning', '17:11 warning', '6:15 warning', '7:15 warning', '9:15 warning']);
    const first = findings.find((f) => f.location.range.start.line === 6)!;
    expect(first.related.map((r) => r.range.start.line)).toEqual([8, 13]);
    expect(first.related.map((r) => under(dir, '.github/workflows/ci.yml', r))).toEqual(['Actions/Checkout@main', 'actions/checkout@main']);
    expect(first.message).toContain('(also used 2 more times in this file)');
    expect(findings.find((f) => f.location.range.start.line === 14)!.related.map((r) => r.range.start.line)).toEqual([15]);
    expect(findings.find((f) => f.location.range.start.line === 17)!.related.map((r) => r.range.start.line)).toEqual([19]);
    expect(findings.find((f) => f.location.range.start.line === 7)!.related).toEqual([]);
    expect(findings.find((f) => f.location.range.start.line === 7)!.message).not.toContain('also used');
    // the files are judged separately
    const two = await run('CI004', { '.github/workflows/a.yml': wf, '.github/workflows/b.yml': wf });
    expect(two.findings).toHaveLength(10);
  });
});

describe('CI005 per v2: the Azure Pipelines Terraform task', () => {
  const pipeline = (steps: string[]): string => ['trigger: none', 'steps:', ...steps, ''].join('\n');

  it('TerraformTaskV1…V4 with `command: apply` and no plan file is reported at the `command` value', async () => {
    const text = pipeline([
      '  - task: TerraformTaskV2@2', // 3
      '    displayName: Terraform apply',
      '    inputs:',
      "      provider: 'azurerm'",
      "      command: 'apply'", // 7
      '      commandOptions: \'-var "location=$(location)" -var "client_secret=$(CLIENT_SECRET)"\'',
      '  - task: TerraformTaskV4@4', // 9
      '    inputs:',
      '      command: apply', // 11: no commandOptions
      '  - task: ms-devlabs.custom-terraform-tasks.custom-terraform-release-task.TerraformTaskV3@3', // 12
      '    inputs:',
      '      command: Apply', // 14
      '      commandOptions: -auto-approve -input=false -var-file=prod.tfvars',
      '  - task: TerraformTaskV1@0',
      '    inputs:',
      '      command: apply', // 18
      "      commandOptions: ''",
    ]);
    const { dir, findings } = await run('CI005', { 'azure-pipelines.yml': text });
    expect(findings.map(at).sort()).toEqual(['11:16 warning', '14:16 warning', '18:16 warning', '7:17 warning']);
    const f7 = findings.find((f) => f.location.range.start.line === 7)!;
    expect(under(dir, 'azure-pipelines.yml', f7.location)).toBe('apply');
    expect(f7.message).toContain('`TerraformTaskV2@2`');
    expect(f7.message).toContain('-auto-approve');
    expect(under(dir, 'azure-pipelines.yml', f7.related[0]!)).toBe('TerraformTaskV2@2');
    expect(f7.attributePath).toBe('inputs.command');
  });

  it('a plan file in `commandOptions`, another command, an unknown command or options, or another task: no finding', async () => {
    const text = pipeline([
      '  - task: TerraformTaskV4@4',
      '    inputs:',
      '      command: apply',
      "      commandOptions: '$(Pipeline.Workspace)/plan/tfplan'",
      '  - task: TerraformTaskV4@4',
      '    inputs:',
      '      command: apply',
      '      commandOptions: -input=false -lock-timeout 60s tfplan',
      '  - task: TerraformTaskV4@4',
      '    inputs:',
      '      command: plan',
      '      commandOptions: -out=tfplan',
      '  - task: TerraformTaskV4@4',
      '    inputs:',
      '      command: ${{ parameters.command }}',
      '  - task: TerraformTaskV4@4',
      '    inputs:',
      '      command: apply',
      '      commandOptions: ${{ parameters.options }}',
      '  - task: TerraformTaskV5@5',
      '    inputs:',
      '      command: apply',
      '  - task: AzureCLI@2',
      '    inputs:',
      '      command: apply',
    ]);
    const { findings } = await run('CI005', { 'azure-pipelines.yml': text });
    expect(findings).toEqual([]);
  });

  it('the shape of Azure/mlops-templates run-terraform-apply.yml (a steps template)', async () => {
    const text = [
      '# Copyright (c) Microsoft Corporation. All rights reserved.',
      '',
      'steps:',
      '  - task: TerraformTaskV2@2',
      "    displayName: 'Terraform apply'",
      '    inputs:',
      "      provider: 'azurerm'",
      "      command: 'apply'",
      "      workingDirectory: '$(System.DefaultWorkingDirectory)/$(terraform_workingdir)'",
      '      commandOptions: \'-var "location=$(location)" -var "prefix=$(namespace)"\'',
      "      environmentServiceNameAzureRM: '$(ado_service_connection_rg)'",
      '',
    ].join('\n');
    const { findings } = await run('CI005', { 'templates/infra/run-terraform-apply.yml': text });
    expect(findings.map(at)).toEqual(['8:17 warning']);
  });
});

describe('CI001: comments outside `steps:`', () => {
  it('a header comment naming `az ad sp create-for-rbac --sdk-auth` between backticks is a note', async () => {
    const wf = [
      '# This workflow will build a docker container and deploy it to AKS.',
      '#',
      '# 1. Set up the following secrets in your workspace:',
      '#     c. AZURE_CREDENTIALS with the output of `az ad sp create-for-rbac --sdk-auth`', // 4
      '',
      'on: [push]',
      'env:',
      '  # or: az ad sp create-for-rbac --json-auth', // 8: a comment outside steps, not in backticks
      '  NAMESPACE: default',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo `az ad sp create-for-rbac --name x --sdk-auth`', // 14: command substitution runs
      '',
    ].join('\n');
    const { dir, findings } = await run('CI001', { '.github/workflows/aks.yml': wf });
    expect(findings.map(at).sort()).toEqual(['14:54 error', '4:73 note', '8:34 note']);
    for (const f of findings) expect(under(dir, '.github/workflows/aks.yml', f.location)).toMatch(/^--(sdk|json)-auth$/);
    const header = findings.find((f) => f.location.range.start.line === 4)!;
    expect(header.messageId).toBe('commentedOut');
  });

  it('in a shell script a backtick substitution is a command; in PowerShell the backtick is an escape', async () => {
    const { findings } = await run('CI001', {
      'setup.sh': 'CREDS=`az ad sp create-for-rbac --name x --sdk-auth`\n',
      'setup.ps1': 'az ad sp create-for-rbac --name x `\n  --sdk-auth\n',
    });
    expect(findings.map((f) => `${path.basename(f.location.file)} ${at(f)}`).sort()).toEqual(['setup.ps1 2:3 error', 'setup.sh 1:42 error']);
  });
});
