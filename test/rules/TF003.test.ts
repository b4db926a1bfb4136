/**
 * TF003 (provider-version-unpinned): Provider without a version constraint in required_providers.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        // The terraform {} block does not parse (PARSE001): its required_providers may constrain
        // azurerm (it was read as absent; review 130). Also in a called module's broken file.
        name: 'required-providers-in-a-block-that-does-not-parse',
        parseError: true,
        files: {
          'main.tf': 'terraform {\n  backend "azurerm" {}\n  required_providers {\n    azurerm = { source = "hashicorp/azurerm" version = "~> 4.0" }\n  }\n}\nprovider "azurerm" {\n  features {}\n}\nmodule "net" {\n  source = "./net"\n}\n',
          'net/main.tf': 'terraform {\n  required_providers {\n    random = { source = "hashicorp/random", version = "~> 3.0" } oops\n  }\n}\nresource "random_string" "s" {\n  length = 4\n}\n',
        },
      },
      {
        // A module call written with an unquoted label that does not parse: the constraint may be in its module (review 134).
        name: 'module-call-with-an-unquoted-label-that-does-not-parse',
        parseError: true,
        files: {
          'main.tf': 'terraform {\n  backend "azurerm" {}\n}\nprovider "azurerm" {\n  features {}\n}\nmodule net {\n  source = "./net"\n  oops\n}\n',
          'net/main.tf': 'terraform {\n  required_providers {\n    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }\n  }\n}\n',
        },
      },
      {
        // HCL's JSON syntax writes a block as an object or as an array of objects: a
        // `required_providers` given as `[{ … }]` constrains the provider as the object form does.
        name: 'tf-json-required-providers-array',
        files: {
          'main.tf.json': `
{
  "terraform": [{
    "backend": [{ "azurerm": [{}] }],
    "required_providers": [{ "azurerm": { "source": "hashicorp/azurerm", "version": "~> 4.0" } }]
  }],
  "provider": { "azurerm": { "features": {} } },
  "resource": {
    "azurerm_resource_group": { "rg": { "name": "rg-ml", "location": "westeurope" } }
  }
}
`,
        },
      },
      {
        // Terraform 0.12's provider-block version: deprecated but still applied as a constraint,
        // so the provider has "a version constraint" (microsoft/MLOpsPython tf-templates/main.tf:2).
        name: 'provider-block-version',
        files: {
          'main.tf': `
provider "azurerm" {
  version = "=2.3.0"
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'builtin-terraform-provider',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}

resource "terraform_data" "marker" {
  input = "x"
}
`,
        },
      },
      {
        name: 'child-module-without-required-providers',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

module "net" {
  source = "./modules/net"
}
`,
          'modules/net/main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
      },
      // v2: was invalid (a warning at the child's entry); the root's constraint applies to the whole configuration.
      {
        name: 'child-module-entry-without-version-root-pins',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

module "net" {
  source = "./modules/net"
}
`,
          'modules/net/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'legacy-string-constraint',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = "~> 3.100"
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'pinned',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
      },
    ],
    invalid: [
      {
        // An ephemeral resource (Terraform 1.10+) and a data source scoped to a check block come
        // from their providers as resources do: `random` and `http` are used, not constrained.
        name: 'ephemeral-and-check-data-providers',
        files: {
          'main.tf': `
⟦⟦terraform {⟧⟧
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

ephemeral "random_password" "db" {
  length = 24
}

check "endpoint" {
  data "http" "health" {
    url = "https://example.invalid/health"
  }
  assert {
    condition     = data.http.health.status_code == 200
    error_message = "down"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
      },
      {
        name: 'empty-version',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    ⟦azurerm = {
      source  = "hashicorp/azurerm"
      version = ""
    }⟧
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noVersion',
      },
      {
        name: 'entry-without-version',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    ⟦azurerm = {
      source = "hashicorp/azurerm"
    }⟧
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noVersion',
      },
      {
        name: 'missing-entry-root',
        // v2: at the root's \`terraform {}\` block (was the first resource that uses it).
        files: {
          'main.tf': `
⟦terraform {⟧
  backend "azurerm" {}
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        // At the terraform {} block, which does not configure azurerm: the message names the provider block.
        message: /^Provider "azurerm" is configured in main\.tf:11 but no module of this configuration constrains its version/,
        related: [{ file: 'main.tf', line: 11, label: 'provider "azurerm"' }],
      },
      {
        name: 'no-required-providers-provider-only',
        // v2: at the root's \`terraform {}\` block (was the provider block).
        files: {
          'main.tf': `
⟦terraform {⟧
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'pinned',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azapi" {}

resource "azapi_resource" "rg" {
  type      = "Microsoft.Resources/resourceGroups@2022-09-01"
  name      = "rg-ml"
  parent_id = "/subscriptions/x"
  location  = "westeurope"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'azapi-not-listed',
        // v2: at the root's \`terraform {}\` block (was the first resource that uses it).
        files: {
          'main.tf': `
⟦terraform {⟧
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

resource "azapi_resource" "rg" {
  type      = "Microsoft.Resources/resourceGroups@2022-09-01"
  name      = "rg-ml"
  parent_id = "/subscriptions/x"
  location  = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
      },
      {
        name: 'azapi-without-version',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    ⟦azapi = {
      source = "Azure/azapi"
    }⟧
  }
}

provider "azapi" {}

resource "azapi_resource" "rg" {
  type      = "Microsoft.Resources/resourceGroups@2022-09-01"
  name      = "rg-ml"
  parent_id = "/subscriptions/x"
  location  = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noVersion',
      },
    ],
  },
};

/** A root's `terraform {}` block that pins azurerm and keeps state remote. */
const PINNED_ROOT = `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}
`;

/** A module manifest (`.terraform/modules/modules.json`) with these records besides the root's. */
const manifest = (...records: { Key: string; Source: string; Version?: string; Dir: string }[]): string =>
  JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, ...records] });

/**
 * RULES.md v2 (issue 11 item 5): judged per configuration — a root module and the local
 * modules it calls, transitively; a committed lock file pins; reusable modules get a note.
 */
const configurations: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'grandchild-entry-pinned-by-root',
        files: {
          'main.tf': `${PINNED_ROOT}
module "app" {
  source = "./modules/app"
}
`,
          'modules/app/main.tf': `
module "net" {
  source = "../net"
}
`,
          'modules/net/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'child-pins-what-root-lists-without-version',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

provider "azurerm" {
  features {}
}

module "net" {
  source = "./modules/net"
}
`,
          'modules/net/versions.tf': `
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.100"
    }
  }
}
`,
        },
      },
      {
        name: 'lock-file-beside-root',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "random_string" "suffix" {
  length = 6
}
`,
          '.terraform.lock.hcl': `
# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "4.14.0"
  constraints = ">= 4.0.0"
  hashes = [
    "h1:FYZ9qh8i3X2gDmUTe1jJ/VzdSyjGjVmhBzv2R8D6CBo=",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version = "3.6.3"
  hashes = [
    "h1:zG9uFP8l9u+yGZZvi5Te7PV62j50azpgwPunq2vTm1E=",
  ]
}
`,
        },
      },
      {
        // The registry module's required_providers are unknown: it may pin azurerm (CAF's
        // landing zones rely on it: "azurerm version driven by the caf module").
        name: 'registry-module-may-constrain',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

module "caf" {
  source  = "aztfmod/caf/azurerm"
  version = "5.7.11"
}
`,
        },
      },
      {
        name: 'reusable-module-states-minimum',
        files: {
          'versions.tf': `
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.100"
    }
  }
}
`,
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'reusable-module-child-pinned-by-caller',
        files: {
          'main.tf': `
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.100"
    }
  }
}

module "net" {
  source = "./modules/net"
}
`,
          'modules/net/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'provider-used-only-in-child',
        files: {
          'main.tf': `
⟦terraform {⟧
  backend "azurerm" {}
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

module "names" {
  source = "./modules/names"
}
`,
          'modules/names/main.tf': `
resource "random_string" "suffix" {
  length = 6
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        messageIncludes: 'Provider "random" is used in module ./modules/names but',
        related: [{ file: 'modules/names/main.tf', line: 1, label: 'random_string.suffix' }],
      },
      {
        // A root without a `terraform {}` block (an example): still at the root, its first provider
        // block, the module's entry related (review 105: it was in the module's own file).
        name: 'provider-used-only-in-child-of-a-root-without-terraform-block',
        files: {
          'examples/basic/main.tf': `
⟦provider "azurerm" {⟧
  features {}
}

module "net" {
  source = "../../modules/net"
}
`,
          'modules/net/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    random = {
      source = "hashicorp/random"
    }
  }
}

resource "random_string" "suffix" {
  length = 6
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        message: /^Provider "random" is used in module \.\.\/\.\.\/modules\/net but .*; add it to required_providers in a terraform \{\} block of this root module with a version constraint/,
        related: [{ file: 'modules/net/main.tf', line: 7, label: 'required_providers.random' }],
      },
      {
        name: 'unpinned-anywhere-reported-once-at-root',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
  required_providers {
    ⟦azurerm = {
      source = "hashicorp/azurerm"
    }⟧
  }
}

provider "azurerm" {
  features {}
}

module "a" {
  source = "./modules/a"
}

module "b" {
  source = "./modules/b"
}
`,
          'modules/a/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}
`,
          'modules/b/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noVersion',
      },
      {
        name: 'two-providers-missing-at-one-block',
        files: {
          'main.tf': `${PINNED_ROOT.replace('terraform {', '⟦⟦terraform {⟧⟧')}
resource "random_string" "suffix" {
  length = 6
}

resource "time_sleep" "wait" {
  create_duration = "30s"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
      },
      {
        name: 'lock-file-locks-another-provider',
        files: {
          'main.tf': `${PINNED_ROOT.replace('terraform {', '⟦terraform {⟧')}
resource "random_string" "suffix" {
  length = 6
}
`,
          '.terraform.lock.hcl': `
provider "registry.terraform.io/hashicorp/azurerm" {
  version = "4.14.0"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        // At the terraform {} block: the message names the resource, which is a related location.
        messageIncludes: 'Provider "random" is used by random_string.suffix but',
        related: [{ file: 'main.tf', line: 15, label: 'random_string.suffix' }],
      },
      {
        // Review 20 (repro tf003-used-here): the finding is at the terraform {} block, which
        // neither configures azapi nor uses random; each message names the real place, and that
        // place is a related location (was "is configured here" / "is used here" at line 1).
        name: 'use-elsewhere-named-at-terraform-block',
        files: {
          'main.tf': `
⟦⟦terraform {⟧⟧
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

resource "random_string" "suffix" {
  length  = 4
  special = false
}

provider "azapi" {}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        errors: [
          {
            message: /^Provider "azapi" is configured in main\.tf:20 but no module of this configuration constrains its version/,
            related: [{ file: 'main.tf', line: 20, label: 'provider "azapi"' }],
          },
          {
            message: /^Provider "random" is used by random_string\.suffix but no module of this configuration constrains its version/,
            related: [{ file: 'main.tf', line: 15, label: 'random_string.suffix' }],
          },
        ],
      },
      {
        // A backend.tf that holds only the backend is where the finding points; the provider is
        // configured in providers.tf and used by a data source in main.tf.
        name: 'backend-file-names-the-use-in-another-file',
        files: {
          'backend.tf': `
⟦⟦terraform {⟧⟧
  backend "azurerm" {}
}
`,
          'providers.tf': `
provider "azurerm" {
  features {}
}
`,
          'main.tf': `
data "external" "ip" {
  program = ["sh", "-c", "echo {}"]
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        errors: [
          {
            messageIncludes: 'Provider "azurerm" is configured in providers.tf:1 but',
            related: [{ file: 'providers.tf', line: 1, label: 'provider "azurerm"' }],
          },
          {
            messageIncludes: 'Provider "external" is used by data.external.ip but',
            related: [{ file: 'main.tf', line: 1, label: 'data.external.ip' }],
          },
        ],
      },
      {
        name: 'root-without-terraform-block',
        files: {
          'main.tf': `
⟦provider "azurerm" {⟧
  features {}
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        messageIncludes: 'Provider "azurerm" is configured here',
      },
      {
        name: 'root-with-resource-only',
        files: {
          'main.tf': `
variable "location" {}

⟦resource "azurerm_resource_group" "rg" {⟧
  name     = "rg-ml"
  location = var.location
}
`,
          'terraform.tfvars': `
location = "westeurope"
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        messageIncludes: 'Provider "azurerm" is used here',
      },
      {
        name: 'reusable-module-without-version',
        files: {
          'main.tf': `
terraform {
  required_providers {
    ⟦azurerm = {
      source = "hashicorp/azurerm"
    }⟧
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'reusableNoVersion',
      },
      {
        name: 'reusable-module-child-without-version',
        files: {
          'main.tf': `
module "net" {
  source = "./modules/net"
}
`,
          'modules/net/main.tf': `
terraform {
  required_providers {
    ⟦azurerm = {
      source = "hashicorp/azurerm"
    }⟧
  }
}
`,
        },
        level: 'note',
        env: 'unknown',
        messageId: 'reusableNoVersion',
      },
      {
        // Review 20 (repro tf003-manifest-copy): a registry module with a copy in the module
        // manifest is read (no EVAL002), so it is part of the configuration: it constrains
        // nothing, and the provider the root uses without a constraint is reported (was
        // "could not decide … may be in module Azure/naming/azurerm, which is not read").
        name: 'manifest-copy-read-root-provider-unconstrained',
        files: {
          'main.tf': `
⟦terraform {⟧
  backend "azurerm" {}
}

module "naming" {
  source  = "Azure/naming/azurerm"
  version = "0.4.1"
}

data "external" "ip" {
  program = ["sh", "-c", "echo {}"]
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'naming', Source: 'registry.terraform.io/Azure/naming/azurerm', Version: '0.4.1', Dir: '.terraform/modules/naming' }),
          '.terraform/modules/naming/main.tf': `
output "x" { value = "n" }
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        messageIncludes: 'Provider "external" is used by data.external.ip but',
      },
      {
        // A provider the copy uses without a constraint counts like one a local module uses: the
        // message names the module by the user's call, and the call (never a path under
        // .terraform/) is the related location.
        name: 'manifest-copy-uses-unconstrained-provider',
        files: {
          'main.tf': `${PINNED_ROOT.replace('terraform {', '⟦terraform {⟧')}
module "kv" {
  source  = "Azure/avm-res-keyvault-vault/azurerm"
  version = "0.10.1"
}
`,
          '.terraform/modules/modules.json': manifest({ Key: 'kv', Source: 'registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm', Version: '0.10.1', Dir: '.terraform/modules/kv' }),
          '.terraform/modules/kv/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.100"
    }
  }
}

resource "random_string" "suffix" {
  length = 4
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'noEntry',
        messageIncludes: 'Provider "random" is used in module Azure/avm-res-keyvault-vault/azurerm but',
        related: [{ file: 'main.tf', line: 15, label: 'module "kv"' }],
      },
    ],
  },
};

ruleTester('TF003', converted, configurations);

// RULES.md Conventions: "Where an unknown value hides a possible finding, the run records it".
// A configuration that calls a module the linter cannot read may constrain any provider there:
// no finding, and each provider that would have been reported is listed as undecided.
const { tree, cleanup } = tempTrees('tf003-');
afterAll(cleanup);

describe('TF003 undecided', () => {
  it('lists each unconstrained provider of a configuration that calls an unreadable module', async () => {
    const dir = tree({
      'root/main.tf': `
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

resource "random_string" "s" {
  length = 4
}

module "missing" {
  source = "../not-here"
}
`,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['TF003'] });
    expect(r.findings.filter((f) => f.ruleId === 'TF003')).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'TF003').map((u) => [u.address, u.attribute, u.reason, u.location.range.start.line])).toEqual([
      ['module:root', 'required_providers.azurerm', 'its version constraint may be in module "../not-here", which is not read', 2],
      ['module:root', 'required_providers.random', 'its version constraint may be in module "../not-here", which is not read', 2],
    ]);
  });

  // Review 20: a remote module read through the module manifest's copy is part of the
  // configuration like a local module, so the constraint it writes decides (nothing undecided);
  // a copy the manifest no longer matches (stale) is not read, and stays undecided.
  const withCopy = (version: string): Record<string, string> => ({
    'root/main.tf': `
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

module "net" {
  source = "./modules/net"
}
`,
    // The remote call is in a local module: its manifest key is the call path, net.naming.
    'root/modules/net/main.tf': `
module "naming" {
  source  = "Azure/naming/azurerm"
  version = "${version}"
}
`,
    'root/.terraform/modules/modules.json': manifest(
      { Key: 'net', Source: './modules/net', Dir: 'modules/net' },
      { Key: 'net.naming', Source: 'registry.terraform.io/Azure/naming/azurerm', Version: '0.4.1', Dir: '.terraform/modules/net.naming' },
    ),
    'root/.terraform/modules/net.naming/main.tf': `
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.0"
    }
  }
}
`,
  });

  it('reads the constraint of a module copy recorded in the module manifest', async () => {
    const dir = tree(withCopy('0.4.1'));
    const r = await lint({ paths: [dir], root: dir, rules: ['TF003', 'EVAL002'] });
    expect(r.findings.map((f) => f.ruleId)).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'TF003')).toEqual([]);
  });

  it('leaves a configuration whose copy is stale undecided', async () => {
    const dir = tree(withCopy('0.5.0'));
    const r = await lint({ paths: [dir], root: dir, rules: ['TF003', 'EVAL002'] });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['EVAL002']);
    expect(r.undecided.filter((u) => u.ruleId === 'TF003').map((u) => [u.attribute, u.reason])).toEqual([
      ['required_providers.azurerm', 'its version constraint may be in module "Azure/naming/azurerm", which is not read'],
    ]);
  });
});
