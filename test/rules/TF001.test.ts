/**
 * TF001 (local-terraform-state): Terraform root module without a remote backend.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { brief, lintTree, tempTrees } from '../support/temp-tree.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        // The terraform {} block does not parse (PARSE001): the parser drops it whole, and the
        // backend it may declare is not known (it was read as absent: a false error; review 130).
        name: 'backend-in-a-block-that-does-not-parse',
        parseError: true,
        files: {
          'main.tf': 'terraform {\n  backend "azurerm" {\n    key = "x" "y"\n  }\n}\nprovider "azurerm" {\n  features {}\n}\n',
        },
      },
      {
        name: 'child-module-used-by-root',
        files: {
          'child/main.tf': `
provider "azurerm" {
  features {}
}
`,
          'main.tf': `
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

module "child" {
  source = "./child"
}
`,
        },
      },
      {
        name: 'cloud-block',
        files: {
          'main.tf': `
terraform {
  cloud {
    organization = "contoso"
  }
}

provider "azurerm" {
  features {}
}
`,
        },
      },
      {
        name: 'empty-azurerm-backend',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}
`,
        },
      },
      {
        name: 'reusable-module-no-provider',
        files: {
          'main.tf': `
variable "x" {}

resource "azurerm_resource_group" "rg" {
  name     = var.x
  location = "westeurope"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'local-backend',
        files: {
          'main.tf': `
⟦terraform {⟧
  backend "local" {
    path = "state/terraform.tfstate"
  }
}

provider "azurerm" {
  features {}
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'localBackend',
      },
      {
        // RULES.md Location: "where the offending value is written": of two terraform {}
        // blocks, the one that holds backend "local".
        name: 'local-backend-in-second-terraform-block',
        files: {
          'versions.tf': `
terraform {
  required_version = ">= 1.5"
}
`,
          'zz-backend.tf': `
⟦terraform {⟧
  backend "local" {}
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'localBackend',
      },
      {
        // The block a syntax error dropped is a resource, which holds no backend: TF001 decides
        // (review 131: any typo in any resource hid it), also when its values name terraform (review 133).
        name: 'no-backend-beside-a-resource-that-does-not-parse',
        parseError: true,
        files: {
          'main.tf': 'provider "azurerm" {\n  features {}\n}\nresource "azurerm_resource_group" "rg" {\n  name "rg"\n  tags = { managed_by = "terraform", layer = "cloud backend" }\n}\n',
          'versions.tf': '⟦terraform {⟧\n  required_version = ">= 1.5"\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
      {
        name: 'no-backend',
        files: {
          'main.tf': `
provider "azurerm" {
  features {}
}
`,
          'versions.tf': `
⟦terraform {⟧
  required_version = ">= 1.5"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
      {
        name: 'provider-only',
        files: {
          'main.tf': `
⟦provider "azurerm" {⟧
  features {}
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
      {
        name: 'tfvars-makes-root',
        files: {
          'main.tf': `
variable "x" {}

⟦terraform {⟧
  required_version = ">= 1.5"
}
`,
          'terraform.tfvars': `
x = 1
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
    ],
  },
};

/**
 * RULES.md v2 (issue 11 item 6): a backend file beside the root gives it a remote backend;
 * a demonstration root (a folder of its path, relative to the scan root, names examples,
 * quickstarts, tests, …) is a note.
 */
const ROOT_WITHOUT_BACKEND = `
provider "azurerm" {
  features {}
}
`;

const demonstrations: RuleTable = {
  terraform: {
    valid: [
      ...['dev.tfbackend', 'backend.hcl', 'backend.conf', 'backend.azurerm', 'prod.backend.tfvars'].map((file) => ({
        name: `backend-file-${file}`,
        files: {
          'infra/main.tf': ROOT_WITHOUT_BACKEND,
          [`infra/${file}`]: `
resource_group_name  = "rg-tfstate"
storage_account_name = "sttfstate"
container_name       = "tfstate"
key                  = "ml.tfstate"
`,
        },
      })),
      {
        name: 'demonstration-root-with-backend',
        files: {
          'examples/basic/main.tf': `
terraform {
  backend "azurerm" {}
}
${ROOT_WITHOUT_BACKEND}`,
        },
      },
    ],
    invalid: [
      ...['examples', 'example', 'samples', 'sample', 'quickstart', 'quickstarts', 'test', 'tests', 'testing', 'fixtures', 'e2e', 'demo', 'demos'].map((folder) => ({
        name: `demonstration-root-under-${folder}`,
        files: { [`${folder}/basic/main.tf`]: ROOT_WITHOUT_BACKEND.replace('provider "azurerm" {', '⟦provider "azurerm" {⟧') },
        level: 'note' as const,
        env: 'unknown' as const,
        messageId: 'demoNoBackend',
        messageIncludes: `This demonstration root (under ${folder}/) has no backend`,
      })),
      {
        name: 'demonstration-root-folder-case-and-depth',
        files: { 'infra/Examples/private-workspace/main.tf': ROOT_WITHOUT_BACKEND.replace('provider "azurerm" {', '⟦provider "azurerm" {⟧') },
        level: 'note',
        env: 'unknown',
        messageId: 'demoNoBackend',
      },
      {
        name: 'demonstration-root-local-backend',
        files: {
          'tests/e2e/main.tf': `
⟦terraform {⟧
  backend "local" {}
}
${ROOT_WITHOUT_BACKEND}`,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'demoLocalBackend',
      },
      {
        name: 'word-inside-a-folder-name-is-not-a-demonstration',
        files: { 'example-platform/contest/main.tf': ROOT_WITHOUT_BACKEND.replace('provider "azurerm" {', '⟦provider "azurerm" {⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
      {
        name: 'backend-file-in-another-folder',
        files: {
          'infra/main.tf': ROOT_WITHOUT_BACKEND.replace('provider "azurerm" {', '⟦provider "azurerm" {⟧'),
          'config/dev.tfbackend': `
key = "ml.tfstate"
`,
          'infra/backend.tf.example': `
terraform {
  backend "azurerm" {}
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
    ],
  },
};

// Conformance round (c-conf2): a root known only by its var files ("a folder with .tf files
// that has … `.tfvars` files") with neither a terraform {} nor a provider block was silently
// skipped (no place to point at); it is reported at its first resource/module block.
const rootByVarFiles: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'root-known-by-tfvars-without-terraform-or-provider-block',
        files: {
          'infra/variables.tf': `
variable "location" {
  type = string
}
`,
          'infra/main.tf': `
⟦module "ml" {⟧
  source   = "../modules/ml"
  location = var.location
}
`,
          'infra/terraform.tfvars': `
location = "westeurope"
`,
          'modules/ml/main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = var.location
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
    ],
  },
};

// Conformance round (c-conf2): an override file's backend replaces the original's (Terraform
// docs, Override Files › Merging terraform blocks), so `backend "local"` in override.tf makes
// the state local whatever main.tf says; the reverse makes it remote.
const OVERRIDE_ROOT = `
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}
`;
const overrides: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'override-sets-a-remote-backend',
        files: {
          'infra/main.tf': OVERRIDE_ROOT.replace('backend "azurerm" {}', 'backend "local" {}'),
          'infra/backend_override.tf': `
terraform {
  backend "azurerm" {}
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'override-sets-a-local-backend',
        files: {
          'infra/main.tf': OVERRIDE_ROOT,
          'infra/override.tf': `
⟦terraform {⟧
  backend "local" {}
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'localBackend',
      },
    ],
  },
};

// Terragrunt runs a folder's own .tf files with the terragrunt.hcl beside them and gives them the
// backend of its remote_state (or of a generate block that writes a backend block): RULES.md
// TF001's backend "copied in at deploy time" (review 91: one TF001 error per Terragrunt module).
const ROOT_WITH_PROVIDER = `⟦provider "azurerm" {⟧
  features {}
}
`;
const terragrunt: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'terragrunt-remote-state',
        files: {
          'live/storage/main.tf': ROOT_WITHOUT_BACKEND,
          'live/storage/terragrunt.hcl': 'remote_state {\n  backend = "azurerm"\n  generate = {\n    path      = "backend.tf"\n    if_exists = "overwrite"\n  }\n  config = {\n    key = "${path_relative_to_include()}/terraform.tfstate"\n  }\n}\n',
        },
      },
      {
        name: 'terragrunt-generates-a-backend-block',
        files: {
          'live/storage/main.tf': ROOT_WITHOUT_BACKEND,
          'live/storage/terragrunt.hcl': 'generate "backend" {\n  path      = "backend.tf"\n  if_exists = "overwrite_terragrunt"\n  contents  = <<EOF\nterraform {\n  backend "azurerm" {}\n}\nEOF\n}\n',
        },
      },
      {
        // Contents that are not a template as written (file(), templatefile(), a local) or that may
        // write lines of their own (a line-leading interpolation, a %{ } directive): not known (self-review 93).
        name: 'terragrunt-generates-contents-not-known',
        files: {
          'live/a/main.tf': ROOT_WITHOUT_BACKEND,
          'live/a/terragrunt.hcl': 'generate "backend" {\n  path     = "backend.tf"\n  contents = file("backend.tpl")\n}\n',
          'live/b/main.tf': ROOT_WITHOUT_BACKEND,
          'live/b/terragrunt.hcl': 'locals {\n  block = "terraform {\\n backend \\"azurerm\\" {}\\n}"\n}\ngenerate "backend" {\n  path     = "backend.tf"\n  contents = <<EOF\n${local.block}\nEOF\n}\n',
          'live/c/main.tf': ROOT_WITHOUT_BACKEND,
          'live/c/terragrunt.hcl': 'generate "backend" {\n  path     = "backend.tf"\n  contents = <<EOF\n%{ if get_env("LOCAL", "") != "" }terraform {\n  backend "local" {}\n}%{ else }terraform {\n  backend "azurerm" {}\n}%{ endif }\nEOF\n}\n',
        },
      },
      {
        // A one-line string with escaped quotes is known text: its backend block is read.
        name: 'terragrunt-generates-a-backend-in-a-quoted-string',
        files: {
          'live/storage/main.tf': ROOT_WITHOUT_BACKEND,
          'live/storage/terragrunt.hcl': 'generate "backend" {\n  path     = "backend.tf"\n  contents = "terraform {\\n  backend \\"azurerm\\" {}\\n}\\n"\n}\n',
        },
      },
      {
        // A parent configuration it includes may set remote_state: not known (--verbose), not reported.
        name: 'terragrunt-includes-a-parent-configuration',
        files: {
          'live/storage/main.tf': ROOT_WITHOUT_BACKEND,
          'live/storage/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders()\n}\n',
        },
      },
    ],
    invalid: [
      {
        name: 'terragrunt-remote-state-local',
        files: {
          'live/storage/main.tf': ROOT_WITH_PROVIDER,
          'live/storage/terragrunt.hcl': 'remote_state {\n  backend = "local"\n  config = {}\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
      {
        // Generated contents are read as written: their ${…} are Terragrunt's (self-review 92: a
        // provider block with an interpolation made the backend undecided).
        name: 'terragrunt-generates-a-provider-with-interpolations',
        files: {
          'live/storage/main.tf': ROOT_WITH_PROVIDER,
          'live/storage/terragrunt.hcl': 'locals {\n  sub = "0000"\n}\ngenerate "provider" {\n  path     = "provider.tf"\n  contents = <<EOF\nprovider "azurerm" {\n  subscription_id = "${local.sub}"\n  features {}\n}\nEOF\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
      {
        name: 'terragrunt-generates-a-local-backend-with-an-interpolated-path',
        files: {
          'live/storage/main.tf': ROOT_WITH_PROVIDER,
          'live/storage/terragrunt.hcl': 'generate "backend" {\n  path     = "backend.tf"\n  contents = <<EOF\nterraform {\n  backend "local" {\n    path = "${get_terragrunt_dir()}/terraform.tfstate"\n  }\n}\nEOF\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
      {
        // A generate block that writes a provider says nothing of the backend.
        name: 'terragrunt-without-remote-state',
        files: {
          'live/storage/main.tf': ROOT_WITH_PROVIDER,
          'live/storage/terragrunt.hcl': 'generate "provider" {\n  path     = "provider.tf"\n  contents = <<EOF\nprovider "azurerm" {\n  features {}\n}\nEOF\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
    ],
  },
};

// The live-configuration layout: `live/prod/aks/terragrunt.hcl` runs `modules/aks` through its
// `terraform { source }` and gives it the backend (the module has no backend block of its own):
// session 38's left list (review 91's repository has this layout).
const LIVE_REMOTE_STATE = 'remote_state {\n  backend = "azurerm"\n  config = {\n    key = "${path_relative_to_include()}/terraform.tfstate"\n  }\n}\n';
const terragruntLive: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'terragrunt-live-configuration-runs-the-module',
        files: {
          'modules/aks/main.tf': ROOT_WITHOUT_BACKEND,
          'live/prod/aks/terragrunt.hcl': `terraform {\n  source = "../../../modules//aks"\n}\n${LIVE_REMOTE_STATE}`,
        },
      },
      {
        name: 'terragrunt-source-from-get-terragrunt-dir',
        files: {
          'modules/aks/main.tf': ROOT_WITHOUT_BACKEND,
          'live/prod/aks/terragrunt.hcl': `terraform {\n  source = "\${get_terragrunt_dir()}/../../../modules/aks"\n}\n${LIVE_REMOTE_STATE}`,
        },
      },
      {
        // Each environment's configuration includes the repository's root configuration, which
        // may set remote_state: not known (--verbose), not reported (the test below).
        name: 'terragrunt-live-configurations-include-a-parent',
        files: {
          'modules/aks/main.tf': ROOT_WITHOUT_BACKEND,
          'live/dev/aks/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders()\n}\nterraform {\n  source = "../../../modules//aks"\n}\n',
          'live/prod/aks/terragrunt.hcl': `terraform {\n  source = "../../../modules//aks"\n}\n${LIVE_REMOTE_STATE}`,
        },
      },
    ],
    invalid: [
      {
        // Terragrunt runs the module with no backend: its state stays on the machine that ran it.
        name: 'terragrunt-live-configuration-without-remote-state',
        files: {
          'modules/aks/main.tf': ROOT_WITH_PROVIDER,
          'live/prod/aks/terragrunt.hcl': 'terraform {\n  source = "../../../modules//aks"\n}\ninputs = {\n  name = "aks"\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
        related: [{ file: 'live/prod/aks/terragrunt.hcl', line: 2, label: 'terragrunt.hcl that runs it' }],
      },
      {
        // One environment's configuration gives a remote backend, another none: the module is
        // run with local state there.
        name: 'terragrunt-one-live-configuration-without-remote-state',
        files: {
          'modules/aks/main.tf': ROOT_WITH_PROVIDER,
          'live/dev/aks/terragrunt.hcl': 'terraform {\n  source = "../../../modules//aks"\n}\n',
          'live/prod/aks/terragrunt.hcl': `terraform {\n  source = "../../../modules//aks"\n}\n${LIVE_REMOTE_STATE}`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
        related: [{ file: 'live/dev/aks/terragrunt.hcl', line: 2, label: 'terragrunt.hcl that runs it' }],
      },
      {
        // A remote source runs another module: the scanned one is still a root of its own.
        name: 'terragrunt-live-configuration-with-a-remote-source',
        files: {
          'modules/aks/main.tf': ROOT_WITH_PROVIDER,
          'live/prod/aks/terragrunt.hcl': `terraform {\n  source = "git::https://example.com/modules.git//aks?ref=v1.0.0"\n}\n${LIVE_REMOTE_STATE}`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noBackend',
      },
    ],
  },
};

ruleTester('TF001', converted, demonstrations, rootByVarFiles, overrides, terragrunt, terragruntLive);

describe('TF001: what Terragrunt gives is not known', () => {
  const { tree, cleanup } = tempTrees('mil-tf001-tg-');
  afterAll(cleanup);

  it('a configuration that includes a parent: --verbose names it, beside the module or running it from elsewhere', async () => {
    const include = 'include "root" {\n  path = find_in_parent_folders()\n}\n';
    const dir = tree({
      'beside/main.tf': ROOT_WITHOUT_BACKEND,
      'beside/terragrunt.hcl': include,
      'modules/aks/main.tf': ROOT_WITHOUT_BACKEND,
      'live/prod/aks/terragrunt.hcl': `${include}terraform {\n  source = "../../../modules//aks"\n}\n`,
    });
    const r = await lintTree(dir, ['TF001']);
    expect(r.briefs).toEqual([]);
    expect(r.undecided.map((u) => `${path.relative(dir, u.location.file)}:${u.location.range.start.line} ${u.reason}`).sort()).toEqual([
      'beside/main.tf:2 its terragrunt.hcl includes another configuration (line 1), which may set remote_state, so whether Terragrunt gives it a remote backend is not known',
      'modules/aks/main.tf:2 live/prod/aks/terragrunt.hcl, which runs it, includes another configuration (line 1), which may set remote_state, so whether Terragrunt gives it a remote backend is not known',
    ]);
  });

  it('a pre-commit run given the module, or the configuration, decides as the folder run does', async () => {
    const dir = tree({
      'modules/aks/main.tf': 'provider "azurerm" {\n  features {}\n}\n',
      'live/dev/aks/terragrunt.hcl': 'terraform {\n  source = "../../../modules//aks"\n}\n',
      'live/prod/aks/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders()\n}\nterraform {\n  source = "../../../modules//aks"\n}\n',
    });
    const whole = await lint({ paths: [dir], root: dir, rules: ['TF001'], noConfig: true });
    expect(whole.findings.map((f) => brief(dir, f))).toEqual(['TF001 error noBackend modules/aks/main.tf:1:1']);
    const module = path.join(dir, 'modules/aks/main.tf');
    const given = await lint({ paths: [module], onlyFiles: [module], root: dir, rules: ['TF001'], noConfig: true });
    expect(given.findings.map((f) => brief(dir, f))).toEqual(['TF001 error noBackend modules/aks/main.tf:1:1']);
    expect(given.findings[0]!.related).toEqual(whole.findings[0]!.related);
    // Only a configuration whose backend is not known runs it: nothing to report, also when only the module is given.
    fs.rmSync(path.join(dir, 'live/dev'), { recursive: true });
    for (const run of [{ paths: [dir] }, { paths: [module], onlyFiles: [module] }]) {
      const r = await lint({ ...run, root: dir, rules: ['TF001'], noConfig: true });
      expect(r.findings, JSON.stringify(Object.keys(run))).toEqual([]);
      expect(r.undecided.map((u) => path.relative(dir, u.location.file))).toEqual(['modules/aks/main.tf']);
    }
  });

  it('a terragrunt.hcl that does not parse is a PARSE001 at its place', async () => {
    const dir = tree({ 'modules/aks/main.tf': ROOT_WITHOUT_BACKEND, 'live/prod/aks/terragrunt.hcl': 'terraform {\n  source = \n}\n' });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'PARSE001').map((f) => brief(dir, f))).toEqual(['PARSE001 error - live/prod/aks/terragrunt.hcl:2:12']);
  });
});

/**
 * Review 107: a demonstration root is told by the folders from its repository's top (the nearest
 * folder with a `.git`), so a scan started inside it (`cd quickstart/101-x && mlops-iac-lint .`,
 * where the CLI makes the current folder the root) gives the note a scan of the repository gives;
 * without a repository, by the folders from the scan root; never by the folders above the top.
 */
describe('TF001: a demonstration root whatever folder the scan starts from', () => {
  const { tree, cleanup } = tempTrees('mil-tf001-demo-');
  afterAll(cleanup);
  const DEMO = 'quickstart/101-storage-account-with-static-website';
  const levels = async (root: string, paths: string[] = [root]): Promise<string[]> =>
    (await lint({ paths, root, rules: ['TF001'], noConfig: true })).findings.map((f) => `${f.level} ${f.messageId ?? '-'}`);

  it('linted from inside the demonstration folder of a repository: a note, as from the top', async () => {
    const repo = tree({ '.git/HEAD': 'ref: refs/heads/main\n', [`${DEMO}/main.tf`]: ROOT_WITHOUT_BACKEND });
    expect(await levels(repo, [path.join(repo, DEMO)])).toEqual(['note demoNoBackend']);
    expect(await levels(path.join(repo, DEMO))).toEqual(['note demoNoBackend']);
    expect(await levels(path.join(repo, 'quickstart'))).toEqual(['note demoNoBackend']);
    // Without a repository, the folders from the scan root decide, as before.
    const alone = tree({ [`${DEMO}/main.tf`]: ROOT_WITHOUT_BACKEND });
    expect(await levels(alone)).toEqual(['note demoNoBackend']);
    expect(await levels(path.join(alone, DEMO))).toEqual(['error noBackend']);
  });

  it('a worktree or submodule (`.git` is a file) is a repository too', async () => {
    const repo = tree({ '.git': 'gitdir: /elsewhere/.git/worktrees/x\n', [`${DEMO}/main.tf`]: ROOT_WITHOUT_BACKEND });
    expect(await levels(path.join(repo, DEMO))).toEqual(['note demoNoBackend']);
  });

  it('a checkout under an examples folder is no demonstration: only the folders from its top count', async () => {
    const dir = tree({ 'examples/repo/.git/HEAD': 'ref: refs/heads/main\n', 'examples/repo/infra/main.tf': ROOT_WITHOUT_BACKEND });
    // Scanned from inside the checkout (the folders above its top are never read) or from above it.
    expect(await levels(path.join(dir, 'examples/repo/infra'))).toEqual(['error noBackend']);
    expect(await levels(path.join(dir, 'examples/repo'))).toEqual(['error noBackend']);
    expect(await levels(dir, [path.join(dir, 'examples/repo')])).toEqual(['error noBackend']);
  });
});
