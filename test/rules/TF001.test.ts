/**
 * TF001 (local-terraform-state): Terraform root module without a remote backend.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/TF001: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  terraform: {
    valid: [
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
      },
    ],
  },
};
// </converted>

ruleTester('TF001', converted);
