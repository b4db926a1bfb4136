/**
 * TF003 (provider-version-unpinned): Provider without a version constraint in required_providers.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/TF003: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  terraform: {
    valid: [
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
        name: 'child-module-entry-without-version',
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
        level: 'warning',
        env: 'unknown',
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
      },
      {
        name: 'missing-entry-root',
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

provider "azurerm" {
  features {}
}

⟦resource "azurerm_resource_group" "rg" {⟧
  name     = "rg-ml"
  location = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
        message: /Provider "azurerm" is used here but has no required_providers entry/,
      },
      {
        name: 'no-required-providers-provider-only',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

⟦provider "azurerm" {⟧
  features {}
}

`,
        },
        level: 'warning',
        env: 'unknown',
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

provider "azapi" {}

⟦resource "azapi_resource" "rg" {⟧
  type      = "Microsoft.Resources/resourceGroups@2022-09-01"
  name      = "rg-ml"
  parent_id = "/subscriptions/x"
  location  = "westeurope"
}
`,
        },
        level: 'warning',
        env: 'unknown',
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
      },
    ],
  },
};
// </converted>

ruleTester('TF003', converted);
