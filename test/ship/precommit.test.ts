/**
 * The pre-commit mode: given file names, the CLI lints each file's whole module folder
 * (so variables declared in sibling files resolve) but reports only findings located in
 * the given files. Then the hook for real with `pre-commit try-repo`, when installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/api.js';
import { ENVIRONMENT_WORDS } from '../../src/core/env.js';
import { isEnvironmentSuffixedVarFile } from '../../src/core/file-kind.js';
import { REPO_ROOT, buildTo, hasCommand, run, tempDir, warnSkip } from './helpers.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
}

// The module: variables in variables.tf, backend and provider pins in versions.tf, resources in
// main.tf. Linting main.tf on its own cannot see either sibling.
const VARIABLES_TF = `variable "inference_node_size" {
  type    = string
  default = "Standard_NC6s_v3"
}

variable "gpu_size" {
  type    = string
  default = "Standard_D16s_v5"
}
`;

const VERSIONS_TF = `terraform {
  backend "azurerm" {}

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}
`;

const MAIN_TF = `provider "azurerm" {
  features {}
}

resource "azurerm_kubernetes_cluster_node_pool" "inference" {
  name                  = "inference"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.inference_node_size
  auto_scaling_enabled  = true
  min_count             = 0
  max_count             = 2
  tags                  = { "cost-center" = "ml" }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = "/subscriptions/x/aks"
  vm_size               = var.gpu_size
  auto_scaling_enabled  = true
  min_count             = 0
  max_count             = 2
  node_taints           = ["sku=gpu:NoSchedule"]
}
`;

function writeModule(root: string): void {
  fs.mkdirSync(path.join(root, 'infra'), { recursive: true });
  fs.writeFileSync(path.join(root, 'infra/variables.tf'), VARIABLES_TF);
  fs.writeFileSync(path.join(root, 'infra/versions.tf'), VERSIONS_TF);
  fs.writeFileSync(path.join(root, 'infra/main.tf'), MAIN_TF);
}

let cli: string;
let dir: string;

beforeAll(() => {
  const out = tempDir('precommit-build');
  buildTo(out);
  cli = path.join(out, 'cli.cjs');
  dir = tempDir('precommit');
  writeModule(dir);
});

function lintJson(args: string[]): { status: number | null; findings: JsonFinding[] } {
  const p = run(process.execPath, [cli, '--format', 'json', '--env', 'prod', ...args], { cwd: dir });
  if (p.status !== 0 && p.status !== 1) throw new Error(`exit ${p.status}: ${p.stderr}`);
  return { status: p.status, findings: (JSON.parse(p.stdout) as { findings: JsonFinding[] }).findings };
}

describe('the built CLI is the package bin', () => {
  it('is executable as built (`npx mlops-iac-lint` in a checkout runs dist/cli.cjs itself), and so is dist/cli.js', () => {
    for (const bin of [cli, path.join(path.dirname(cli), 'cli.js')]) {
      expect(fs.statSync(bin).mode & 0o111).toBe(0o111);
      const p = run(bin, ['--version'], { cwd: dir });
      expect(p.status).toBe(0);
    }
  });
});

describe('CLI files mode (what the hook runs)', () => {
  const ids = (fs: JsonFinding[]): string[] => fs.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();

  it('the whole folder has findings in main.tf and variables.tf', () => {
    const { findings } = lintJson(['infra']);
    expect(ids(findings)).toContain('AKS001 infra/main.tf:5');
    expect(ids(findings)).toContain('GPU001 infra/variables.tf:8'); // the offending value is the default
  });

  it('why: linting main.tf on its own misses the variable and reports false positives', async () => {
    const result = await lint({ paths: [path.join(dir, 'infra/main.tf')], root: dir, env: 'prod' });
    const alone = result.findings.map((f) => f.ruleId);
    expect(alone).toContain('TF001'); // the backend is in versions.tf
    expect(alone).not.toContain('AKS001'); // var.inference_node_size is unknown without variables.tf
  });

  it('given only main.tf: resolves the variable from the sibling file and reports only main.tf', () => {
    const { status, findings } = lintJson(['infra/main.tf']);
    expect(status).toBe(1);
    // A real finding located in main.tf, found through the default in variables.tf
    // (Standard_NC6s_v3 is a GPU size; the pool has no GPU taint).
    expect(findings.some((f) => f.ruleId === 'AKS001' && f.file === 'infra/main.tf' && f.line === 5)).toBe(true);
    // No false positive: the backend and the provider pin in versions.tf are seen.
    expect(findings.some((f) => f.ruleId === 'TF001' || f.ruleId === 'TF003')).toBe(false);
    // GPU001 is located at the default in variables.tf: not reported when only main.tf is given.
    expect(findings.every((f) => f.file === 'infra/main.tf')).toBe(true);
  });

  it('given only variables.tf: reports the findings located there, nothing from main.tf', () => {
    const { findings } = lintJson(['infra/variables.tf']);
    expect(findings.some((f) => f.ruleId === 'GPU001' && f.line === 8)).toBe(true);
    expect(findings.every((f) => f.file === 'infra/variables.tf')).toBe(true);
  });

  it('a folder among the paths keeps the normal mode', () => {
    const { findings } = lintJson(['infra', 'infra/main.tf']);
    expect(findings.some((f) => f.file === 'infra/variables.tf')).toBe(true);
  });

  it('--format github and --format markdown work in files mode', () => {
    const gh = run(process.execPath, [cli, '--format', 'github', '--env', 'prod', 'infra/main.tf'], { cwd: dir });
    expect(gh.status).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=infra\/main\.tf,line=5,col=1,endLine=5,endColumn=\d+,title=AKS001 gpu-node-pool-without-taint::/m);
    const md = run(process.execPath, [cli, '--format', 'markdown', '--env', 'prod', 'infra/main.tf'], { cwd: dir });
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('## mlops-iac-lint');
    expect(md.stdout).toContain('| 🔴 error | AKS001 | infra/main.tf:5 |');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  const hook = hooks.find((h) => h.id === 'mlops-iac-lint')!;

  it('declares a node hook running the package bin on the passed file names', () => {
    expect(hook).toBeDefined();
    // Staged files that are not infrastructure code (a plain .json or .yml) are skipped, not a usage error.
    expect(hook.entry).toBe('mlops-iac-lint --no-error-on-unmatched-pattern');
    expect(hook.language).toBe('node');
    expect(hook.pass_filenames).toBe(true);
    expect(hook.language_version).toBeUndefined();
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['mlops-iac-lint']).toBe('dist/cli.cjs');
  });

  it.each([
    ['infra/main.tf', true],
    ['env/prod.tfvars', true],
    ['arm/main.json', true],
    ['bicep/main.bicep', true],
    ['bicep/main.bicepparam', true],
    ['.github/workflows/ci.yml', true],
    ['azure-pipelines.yaml', true],
    ['scripts/bootstrap.sh', true],
    ['scripts/setup.bash', true],
    ['scripts/bootstrap.ps1', true],
    ['infra/terraform.tfstate', true],
    ['infra/terraform.tfstate.backup', true],
    // Binary Terraform plans (TF004): a staged plan is reported.
    ['infra/main.tfplan', true],
    ['infra/tfplan', true],
    ['tfplan', true],
    ['infra/prod.plan', true],
    // Var files to copy and fill in (SEC001 reads them).
    ['infra/terraform.tfvars.example', true],
    ['infra/prod.tfvars.sample', true],
    ['infra/terraform.tfvars.bak', false],
    // Var files named for an environment after the extension (given to -var-file).
    ['infra/terraform.tfvars.prod', true],
    ['infra/app.tfvars.Dev', true],
    ['infra/terraform.tfvars.nonprod', true],
    ['infra/terraform.tfvars.old', false],
    ['infra/myplan', false],
    ['README.md', false],
    ['src/app.py', false],
    ['main.tf.orig', false],
    // The linter reads these names in any case, and ARM with comments as .jsonc.
    ['scripts/Rotate.PS1', true],
    ['infra/arm/kv.jsonc', true],
    ['infra/arm/Main.JSON', true],
    // Terragrunt configurations, and templates a templatefile() renders (data files).
    ['live/prod/aks/terragrunt.hcl', true],
    ['k8s/job.yaml.tftpl', true],
  ])('files regex: %s → %s', (file, matches) => {
    // pre-commit uses Python's re.search; a leading (?i) is JavaScript's `i` flag (Node 20 has no inline modifiers).
    const pattern = String(hook.files);
    const regex = pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
    expect(regex.test(file)).toBe(matches);
  });

  it('files regex: a var file suffixed with any environment word the linter reads as one (terraform.tfvars.<env>)', () => {
    const pattern = String(hook.files);
    const regex = new RegExp(pattern.slice(4), 'i');
    for (const w of [...ENVIRONMENT_WORDS, 'nonprod', 'preprod', 'prelive']) {
      expect(isEnvironmentSuffixedVarFile(`terraform.tfvars.${w}`), w).toBe(true);
      expect(regex.test(`infra/terraform.tfvars.${w}`), w).toBe(true);
    }
  });
});

describe('pre-commit try-repo (real pre-commit)', () => {
  const available = hasCommand('pre-commit') && hasCommand('git') && hasCommand('npm');
  if (!available) {
    warnSkip(
      'pre-commit try-repo test',
      'pre-commit (or git/npm) is not installed, so the hook was not exercised for real.',
      'Install it: apt-get install -y pre-commit',
    );
  }

  it.skipIf(!available)('installs the hook from a clone and reports only the staged file\'s findings', () => {
    const base = tempDir('precommit-try');
    const gitEnv = {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    };
    // The hook repository: what a clone of this repository contains (dist/cli.js is built by
    // pre-commit's `npm install` through the `prepare` script).
    const hookRepo = path.join(base, 'hook');
    fs.mkdirSync(hookRepo);
    for (const entry of ['package.json', 'package-lock.json', '.npmrc', '.pre-commit-hooks.yaml', 'tsconfig.json', 'scripts', 'src', 'rules', 'schema', 'examples']) {
      const from = path.join(REPO_ROOT, entry);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(hookRepo, entry), { recursive: true });
    }
    const env: NodeJS.ProcessEnv = {
      ...gitEnv,
      PRE_COMMIT_HOME: path.join(base, 'cache'),
      // Use the local npm cache first (the network only for what it lacks).
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    const npmrc = path.join(REPO_ROOT, '.npmrc');
    if (!fs.existsSync(npmrc) || !/^\s*foreground-scripts\s*=\s*false\s*$/m.test(fs.readFileSync(npmrc, 'utf8'))) {
      // pre-commit takes `npm pack`'s stdout as the tarball name; npm prints lifecycle-script
      // banners (prepack/prepare) there unless foreground-scripts is false.
      warnSkip(
        'part of the pre-commit check: the repository has no .npmrc with foreground-scripts=false',
        "pre-commit's node install reads the tarball name from `npm pack` stdout, which the prepare banner pollutes.",
        'Add a .npmrc with `foreground-scripts=false`; this test sets it through the environment meanwhile.',
      );
      env.npm_config_foreground_scripts = 'false';
    }
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'hook']]) {
      const g = run('git', args, { cwd: hookRepo, env: gitEnv });
      expect(g.status, g.stderr).toBe(0);
    }

    const work = path.join(base, 'work');
    writeModule(work);
    fs.writeFileSync(path.join(work, 'README.md'), '# not linted\n');
    for (const args of [['init', '-q'], ['add', '-A']]) expect(run('git', args, { cwd: work, env: gitEnv }).status).toBe(0);

    const p = run('pre-commit', ['try-repo', hookRepo, 'mlops-iac-lint', '--files', 'infra/main.tf', 'README.md'], { cwd: work, env });
    const out = p.stdout + p.stderr;
    expect(out).not.toMatch(/An unexpected error has occurred/);
    expect(p.status, out).toBe(1);
    expect(out).toMatch(/mlops-iac-lint\.+Failed/);
    expect(out).toContain('infra/main.tf');
    expect(out).toContain('AKS001');
    expect(out).not.toContain('infra/variables.tf');
    expect(out).not.toContain('GPU001');
    expect(out).not.toMatch(/TF00[13]/);
  });
});
