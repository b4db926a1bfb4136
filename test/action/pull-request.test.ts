/**
 * The Action on a pull request, end to end: a temporary git repository with two commits
 * (the example platform, then a change that adds findings), a pull_request payload in
 * $GITHUB_EVENT_PATH, and $GITHUB_OUTPUT / $GITHUB_STEP_SUMMARY files. Checks that the
 * findings on changed lines are annotated first even when older findings fill GitHub's
 * per-level cap, the caps, the plain closing lines, the summary and the outputs; and what
 * happens in a shallow clone without the base commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/action/run.js';
import { validateSarif } from '../report/sarif-validate.js';
import { EXAMPLE, buildTo, copyTree, parseGithubOutput, run as spawn, tempDir } from '../ship/helpers.js';
import { commitAll, git, initRepo, pullRequestPayload, writeFiles } from './git-fixture.js';

/** A Key Vault without purge protection (KV001 error) and without network rules (KV002 warning). */
const NEW_VAULT = `resource "azurerm_key_vault" "extra" {
  name                = "kv-extra"
  location            = azurerm_resource_group.ml.location
  resource_group_name = azurerm_resource_group.ml.name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"

  # An access policy keeps KV002 a warning (RULES.md v2: a note without one).
  access_policy {
    tenant_id = data.azurerm_client_config.current.tenant_id
    object_id = data.azurerm_client_config.current.object_id
  }
}
`;

const WORKSPACE_REGISTRY = '  container_registry_id   = azurerm_container_registry.ml.id\n';

interface PullRequestRepo {
  dir: string;
  base: string;
  head: string;
}

/**
 * base: the example platform (14 errors, 2 warnings: the error cap is already full; 15 errors after);
 * head: the workspace is made public on purpose (a new line 81 in main.tf, AML001 moves
 * onto it) and a new file `zz_vault.tf` (sorted after every other file) adds a vault.
 */
function pullRequestRepo(): PullRequestRepo {
  const dir = path.join(tempDir('action-pr'), 'repo');
  copyTree(EXAMPLE, dir);
  initRepo(dir);
  const base = commitAll(dir, 'the platform');
  const mainTf = path.join(dir, 'infra/terraform/main.tf');
  const text = fs.readFileSync(mainTf, 'utf8');
  expect(text).toContain(WORKSPACE_REGISTRY);
  writeFiles(dir, {
    'infra/terraform/main.tf': text.replace(WORKSPACE_REGISTRY, WORKSPACE_REGISTRY + '  public_network_access_enabled = true\n'),
    'infra/terraform/zz_vault.tf': NEW_VAULT,
  });
  const head = commitAll(dir, 'a second vault; the workspace stays public');
  return { dir, base, head };
}

interface Runner {
  env: Record<string, string>;
  summaryFile: string;
  outputFile: string;
}

function runner(workspace: string, payload: object | undefined): Runner {
  const dir = tempDir('action-pr-runner');
  const summaryFile = path.join(dir, 'step_summary.md');
  const outputFile = path.join(dir, 'output.txt');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_EVENT_NAME: 'pull_request',
    INPUT_PATH: '.',
    'INPUT_FAIL-ON': 'error',
    'INPUT_SARIF-FILE': 'mlops-iac-lint.sarif',
    INPUT_ANNOTATIONS: 'true',
    INPUT_SUMMARY: 'true',
  };
  if (payload) {
    env.GITHUB_EVENT_PATH = path.join(dir, 'event.json');
    fs.writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(payload));
  }
  return { env, summaryFile, outputFile };
}

async function runAction(r: Runner): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(r.env, { write: (l) => lines.push(l) });
  return { code, lines };
}

const annotationsOf = (lines: string[]): string[] => lines.filter((l) => /^::(error|warning|notice) file=/.test(l));
/** `file:line rule` of an annotation line. */
function where(annotation: string): string {
  const m = /^::\w+ file=([^,]+),line=(\d+),.*?title=(\S+)/.exec(annotation);
  return m ? `${m[1]}:${m[2]} ${m[3]}` : annotation;
}

/** The changed-line findings of the pull request, in file/line order. */
const CHANGED = ['infra/terraform/main.tf:81 AML001', 'infra/terraform/zz_vault.tf:1 KV001', 'infra/terraform/zz_vault.tf:1 KV002'];

describe('the Action on a pull request (head checked out, full history)', () => {
  let repo: PullRequestRepo;
  let r: Runner;
  let result: { code: number; lines: string[] };
  let plain: { code: number; lines: string[] };
  beforeAll(async () => {
    repo = pullRequestRepo();
    r = runner(repo.dir, pullRequestPayload(7, repo.base, repo.head));
    result = await runAction(r);
    plain = await runAction(runner(repo.dir, undefined)); // the same checkout, not as a pull request
  });

  it('annotates the findings on changed lines first, then the rest in file order', () => {
    const annotations = annotationsOf(result.lines).map(where);
    expect(annotations.slice(0, 3)).toEqual(CHANGED);
    const rest = annotations.slice(3);
    expect(rest.some((a) => CHANGED.includes(a))).toBe(false);
    expect(rest[0]).toBe('.github/workflows/deploy.yml:23 CI001');
    // The rest keep the file order of a run without the pull request.
    const order = annotationsOf(plain.lines).map(where);
    const positions = rest.map((a) => order.indexOf(a));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('without the pull request, the new vault’s error would have been cut by the cap', () => {
    const annotations = annotationsOf(plain.lines).map(where);
    expect(annotations).not.toContain('infra/terraform/zz_vault.tf:1 KV001');
    expect(annotations.slice(0, 3)).not.toEqual(CHANGED);
    expect(plain.lines.some((l) => /pull request|changed lines/.test(l))).toBe(false);
  });

  it('keeps GitHub’s caps: 10 errors, every warning (3 < 10), and lists the rest as not annotated', () => {
    const annotations = annotationsOf(result.lines);
    expect(annotations.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(annotations.filter((l) => l.startsWith('::warning ')).map(where)).toEqual([
      'infra/terraform/zz_vault.tf:1 KV002',
      '.github/workflows/deploy.yml:42 CI005',
      'infra/terraform/variables.tf:16 GPU002',
    ]);
    expect(result.lines).toContain("mlops-iac-lint: 5 finding(s) not annotated (GitHub's limit is 10 per level), each listed in the group below; also in the SARIF report.");
    // Every finding without an annotation is in the log, one plain line each, in a collapsed group.
    const open = result.lines.indexOf('::group::mlops-iac-lint: 5 finding(s) not annotated');
    const close = result.lines.indexOf('::endgroup::');
    expect(open).toBeGreaterThan(-1);
    const listed = result.lines.slice(open + 1, close);
    expect(listed).toHaveLength(5);
    for (const l of listed) expect(l).toMatch(/^[^:]+:\d+:\d+: error \[[A-Z0-9]+\] /);
  });

  it('no closing line is an annotation: the step fails by its exit code', () => {
    expect(result.code).toBe(1);
    expect(result.lines.filter((l) => l.startsWith('::') && !/^::(end)?group::/.test(l))).toEqual(annotationsOf(result.lines));
    expect(result.lines.at(-1)).toBe('mlops-iac-lint: failing the step: 15 finding(s) at or above "error" level (fail-on: error).');
    expect(result.lines).toContain('mlops-iac-lint: pull request #7: 3 findings on lines it changed (git diff ' + `${repo.base.slice(0, 12)}...${repo.head.slice(0, 12)}), annotated first.`);
  });

  it('the job summary lists the findings on changed lines, and those not annotated', () => {
    const md = fs.readFileSync(r.summaryFile, 'utf8');
    expect(md).toContain('## mlops-iac-lint');
    const pr = md.slice(md.indexOf('### Pull request #7: 3 findings on changed lines'), md.indexOf('### Not annotated'));
    expect(pr).toContain('These findings are on lines pull request #7 changed');
    for (const loc of ['infra/terraform/main.tf:81', 'infra/terraform/zz\\_vault.tf:1']) expect(pr).toContain(loc);
    expect(pr.split('\n').filter((l) => l.startsWith('| error ') || l.startsWith('| warning ')).length).toBe(3);
    const notAnnotated = md.slice(md.indexOf('### Not annotated (5)'));
    expect(notAnnotated.split('\n').filter((l) => l.startsWith('| error ')).length).toBe(5);
    expect(notAnnotated).not.toContain('zz\\_vault');
  });

  it('sets the outputs; the SARIF is valid and has every finding', () => {
    const out = parseGithubOutput(fs.readFileSync(r.outputFile, 'utf8'));
    expect(out).toEqual({ 'sarif-file': path.join(repo.dir, 'mlops-iac-lint.sarif'), errors: '15', warnings: '3', notes: '0' });
    const sarif = JSON.parse(fs.readFileSync(out['sarif-file']!, 'utf8'));
    expect(validateSarif(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(18);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('runs the same from the bundle, as the runner runs it (node dist/action.js)', () => {
    const out = tempDir('action-pr-build');
    buildTo(out);
    const rr = runner(repo.dir, pullRequestPayload(7, repo.base, repo.head));
    const p = spawn(process.execPath, [path.join(out, 'action.js')], { cwd: repo.dir, env: { PATH: process.env.PATH, ...rr.env } });
    expect(p.status).toBe(1);
    const lines = p.stdout.split('\n').filter((l) => l !== '');
    expect(annotationsOf(lines).slice(0, 3).map(where)).toEqual(CHANGED);
    expect(lines.filter((l) => /^::(error|warning|notice) /.test(l)).length).toBe(13);
  });
});

describe('the Action on a pull request in a shallow clone (fetch-depth: 1)', () => {
  let r: Runner;
  let result: { code: number; lines: string[] };
  let shallowDir: string;
  beforeAll(async () => {
    const repo = pullRequestRepo();
    shallowDir = path.join(tempDir('action-pr-shallow'), 'repo');
    git(path.dirname(shallowDir), 'clone', '-q', '--depth', '1', `file://${repo.dir}`, 'repo');
    r = runner(shallowDir, pullRequestPayload(8, repo.base, repo.head));
    result = await runAction(r);
  });

  it('treats every line as unchanged and says why, in the log and the summary', () => {
    const annotations = annotationsOf(result.lines).map(where);
    expect(annotations).not.toContain('infra/terraform/zz_vault.tf:1 KV001');
    expect(annotations[0]).toBe('.github/workflows/deploy.yml:23 CI001');
    const note = result.lines.find((l) => l.startsWith('mlops-iac-lint: could not tell'));
    expect(note).toMatch(/^mlops-iac-lint: could not tell which lines pull request #8 changed: the base commit [0-9a-f]{12} is not in the checkout; check out with `fetch-depth: 0` \(actions\/checkout\) so the commits are available\. All findings are treated as on unchanged lines\.$/);
    const md = fs.readFileSync(r.summaryFile, 'utf8');
    expect(md).toContain('### Pull request #8: changed lines unknown');
    expect(md).toContain('fetch-depth: 0');
    expect(md).toContain('All findings were treated as on unchanged lines');
  });

  it('still fails on the errors and sets the outputs', () => {
    expect(result.code).toBe(1);
    expect(parseGithubOutput(fs.readFileSync(r.outputFile, 'utf8')).errors).toBe('15');
    expect(result.lines.filter((l) => l.startsWith('::error::'))).toEqual([]);
  });
});

describe('an unusable event payload', () => {
  it('is reported in the log and the summary, and the run goes on', async () => {
    const repo = pullRequestRepo();
    const r = runner(repo.dir, undefined);
    r.env.GITHUB_EVENT_PATH = path.join(tempDir('bad-event'), 'event.json');
    fs.writeFileSync(r.env.GITHUB_EVENT_PATH, JSON.stringify({ pull_request: { base: { sha: 'main' }, head: { sha: repo.head } } }));
    const { code, lines } = await runAction(r);
    expect(code).toBe(1);
    expect(lines).toContain('mlops-iac-lint: could not tell which lines this pull request changed: the event payload has no valid pull_request.base.sha. All findings are treated as on unchanged lines.');
    expect(fs.readFileSync(r.summaryFile, 'utf8')).toContain('### This pull request: changed lines unknown');
  });
});

/**
 * A finding the pull request adds at a line it did not change: removing an attribute leaves the
 * finding at the resource's header (RULES.md "Location"), and a new pool that reads a variable's
 * size has its finding at the variable's default. Both are the pull request's: annotated first,
 * ahead of ten older errors.
 */
describe('findings a pull request adds on lines it did not change', () => {
  const OLD_REGISTRIES = Array.from({ length: 10 }, (_, i) => `resource "azurerm_container_registry" "r${i}" {\n  name                = "acr${i}"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  sku                 = "Basic"\n  admin_enabled       = true\n}\n`).join('');
  const PROVIDERS = 'terraform {\n  backend "azurerm" {}\n  required_providers {\n    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }\n  }\n}\nprovider "azurerm" {\n  features {}\n}\n';
  const VAULT = (purge: boolean): string =>
    `resource "azurerm_key_vault" "kv" {\n  name                       = "kv-ml"\n  location                   = "westeurope"\n  resource_group_name        = "rg"\n  tenant_id                  = "00000000-0000-0000-0000-000000000000"\n  sku_name                   = "standard"\n  rbac_authorization_enabled = true\n${purge ? '  purge_protection_enabled   = true\n' : ''}  tags                       = { environment = "prod" }\n}\n`;

  async function pullRequest(base: Record<string, string>, head: Record<string, string | null>): Promise<string[]> {
    const dir = path.join(tempDir('action-pr-unchanged'), 'repo');
    initRepo(dir);
    writeFiles(dir, { 'infra/providers.tf': PROVIDERS, 'infra/a_old.tf': OLD_REGISTRIES, ...base });
    const baseSha = commitAll(dir, 'base');
    writeFiles(dir, head);
    const headSha = commitAll(dir, 'the pull request');
    const { lines } = await runAction(runner(dir, pullRequestPayload(9, baseSha, headSha)));
    return annotationsOf(lines).map(where);
  }

  it('an attribute removed from a block: the finding at its header is annotated first', async () => {
    const annotations = await pullRequest({ 'infra/b_kv.tf': VAULT(true) }, { 'infra/b_kv.tf': VAULT(false) });
    expect(annotations[0]).toBe('infra/b_kv.tf:1 KV001');
  });

  it('the same in Bicep: the declaration runs from its header to the end of its body', async () => {
    const vault = (purge: boolean): string =>
      `resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv-ml'\n  location: 'westeurope'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n    enableRbacAuthorization: true\n${purge ? '    enablePurgeProtection: true\n' : ''}  }\n}\n`;
    const annotations = await pullRequest({ 'infra/kv.bicep': vault(true) }, { 'infra/kv.bicep': vault(false) });
    expect(annotations[0]).toBe('infra/kv.bicep:1 KV001');
  });

  it('an element of a resource is its own declaration: a change elsewhere in the resource is not one to it', async () => {
    const cluster = (prefix: string): string =>
      `resource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "${prefix}"\n  default_node_pool {\n    name    = "system"\n    vm_size = "Standard_NC24ads_A100_v4"\n  }\n  identity {\n    type = "SystemAssigned"\n  }\n}\n`;
    const annotations = await pullRequest({ 'infra/aks.tf': cluster('aks') }, { 'infra/aks.tf': cluster('aks-ml') });
    // The GPU default pool's findings (AKS001 at its block) keep their file order behind the older errors.
    expect(annotations.slice(0, 10).every((a) => a.startsWith('infra/a_old.tf'))).toBe(true);
  });

  it('a new reader of a value written on an unchanged line: the finding there is annotated first', async () => {
    const variable = 'variable "gpu_size" {\n  type    = string\n  default = "Standard_D16s_v5"\n}\n';
    const pool = 'resource "azurerm_kubernetes_cluster_node_pool" "gpu" {\n  name                  = "gpu"\n  kubernetes_cluster_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"\n  vm_size               = var.gpu_size\n  node_count            = 0\n  auto_scaling_enabled  = true\n  min_count             = 0\n  max_count             = 2\n  node_taints           = ["sku=gpu:NoSchedule"]\n  tags                  = { "cost-center" = "ml" }\n}\n';
    const annotations = await pullRequest({ 'infra/variables.tf': variable }, { 'infra/gpu.tf': pool });
    // GPU002 at the variable's header (no validation) and GPU001 at its default: both name the new pool.
    expect(annotations.slice(0, 2)).toEqual(['infra/variables.tf:1 GPU002', 'infra/variables.tf:3 GPU001']);
  });
});
