/**
 * AML001 (workspace-public-network-access): Azure ML workspace reachable from the public internet.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
/**
 * An azurerm workspace "mlw-demo" in resource group rg-ml (its header marked ⟦ ⟧ when `marked`)
 * and an `azapi_update_resource` that turns its public access off, naming it by `name` and the
 * given `parent_id`.
 */
function workspaceMadePrivateByName(parentId: string, marked = false, group = '"rg-ml"'): string {
  const header = 'resource "azurerm_machine_learning_workspace" "ws" {';
  return `
${marked ? `⟦${header}⟧` : header}
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = ${group}
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"

  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_update_resource" "ws_private" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = ${parentId}
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
`;
}

const converted: RuleTable = {
  terraform: {
    valid: [
      {
        // A counted registry module that is not evaluated (no copy): its instances' outputs are not known, not an empty list.
        name: 'splat-over-a-module-that-is-not-evaluated',
        files: { 'main.tf': 'module "net" {\n  source  = "Azure/avm-res-network/azurerm"\n  version = "1.0.0"\n  count   = 1\n}\n\nresource "azurerm_machine_learning_workspace" "w" {\n  name                          = "mlw"\n  location                      = "westeurope"\n  resource_group_name           = "rg"\n  application_insights_id       = "x"\n  key_vault_id                  = "y"\n  storage_account_id            = "z"\n  public_network_access_enabled = one(module.net[*].public_access)\n}\n' },
      },
      {
        // Only the first 1,024 instances are expanded: the whole collection (its length) is not known.
        name: 'length-of-a-capped-module',
        files: { 'main.tf': 'module "m" {\n  source = "./m"\n  count  = 1100\n}\n\nresource "azurerm_machine_learning_workspace" "w" {\n  name                          = "mlw"\n  location                      = "westeurope"\n  resource_group_name           = "rg"\n  application_insights_id       = "x"\n  key_vault_id                  = "y"\n  storage_account_id            = "z"\n  public_network_access_enabled = length(module.m) == 1100 ? false : true\n}\n', 'm/main.tf': 'output "v" {\n  value = 1\n}\n' },
      },
      {
        // name + parent_id (the azapi docs' alternative to resource_id): the workspace's resource group.
        name: 'azurerm-workspace-patched-by-name-in-its-resource-group',
        files: {
          'main.tf': workspaceMadePrivateByName('"/subscriptions/x/resourceGroups/rg-ml"'),
        },
      },
      {
        // parent_id = the id of the workspace's resource group, named by reference or by its name.
        name: 'azurerm-workspace-patched-by-name-under-its-resource-group-resource',
        files: {
          'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg-ml"\n  location = "westeurope"\n}\n' + workspaceMadePrivateByName('azurerm_resource_group.rg.id'),
          'by-name/main.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg-ml"\n  location = "westeurope"\n}\n' + workspaceMadePrivateByName('azurerm_resource_group.rg.id', false, 'azurerm_resource_group.rg.name'),
        },
      },
      {
        // azapi_update_resource switches public access off after azurerm creates the workspace.
        name: 'azurerm-workspace-patched-private-by-azapi-update',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"

  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_update_resource" "ws_private" {
  type        = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  resource_id = azurerm_machine_learning_workspace.ws.id
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
        },
      },
      {
        name: 'dev-tfvars-false',
        files: {
          'environments/dev.tfvars': `
public_access = false
`,
          'environments/prod.tfvars': `
public_access = false
`,
          'main.tf': `
variable "public_access" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.public_access
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
      {
        name: 'disabled',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
      {
        name: 'unknown-from-data-source',
        files: {
          'main.tf': `
data "azurerm_client_config" "current" {}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = data.azurerm_client_config.current.object_id == "x"
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
      {
        name: 'unknown-variable',
        files: {
          'main.tf': `
variable "public_access" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.public_access
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // An update reading another workspace's name (unknown) may patch that one only: this one keeps its finding (self-review 61).
        name: 'update-reads-another-workspace-s-unknown-name',
        files: { 'main.tf': `variable "suffix" {}
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "ws-\${var.suffix}"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "x"
  key_vault_id            = "y"
  storage_account_id      = "z"
  identity {
    type = "SystemAssigned"
  }
}
⟦resource "azurerm_machine_learning_workspace" "other" {⟧
  name                    = "ws-fixed"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "x"
  key_vault_id            = "y"
  storage_account_id      = "z"
  identity {
    type = "SystemAssigned"
  }
}
resource "azapi_update_resource" "pna" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = azurerm_machine_learning_workspace.ws.name
  parent_id = "/subscriptions/s/resourceGroups/rg-ml"
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
` },
        level: 'warning',
        env: 'unknown',
      },
      {
        // An update whose name reads a storage account patches no workspace.
        name: 'update-reads-a-resource-of-another-kind',
        files: { 'main.tf': `⟦resource "azurerm_machine_learning_workspace" "ws" {⟧
  name                    = "ws-fixed"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "x"
  key_vault_id            = "y"
  storage_account_id      = "z"
  identity {
    type = "SystemAssigned"
  }
}
resource "azurerm_storage_account" "sa" {
  name                     = "st\${var.suffix}"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
variable "suffix" {}
resource "azapi_update_resource" "pna" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = azurerm_storage_account.sa.name
  parent_id = "/subscriptions/s/resourceGroups/rg-ml"
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
` },
        level: 'warning',
        env: 'unknown',
      },
      {
        // An update of unknown name whose parent is a resource group of the scan named otherwise patches no workspace of rg-ml.
        name: 'update-parent-group-another-than-the-workspace-s',
        files: { 'main.tf': `variable "n" {}
resource "azurerm_resource_group" "other" {
  name     = "rg-other"
  location = "westeurope"
}
⟦resource "azurerm_machine_learning_workspace" "ws" {⟧
  name                    = "ws-fixed"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "x"
  key_vault_id            = "y"
  storage_account_id      = "z"
  identity {
    type = "SystemAssigned"
  }
}
resource "azapi_update_resource" "pna" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = var.n
  parent_id = azurerm_resource_group.other.id
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
` },
        level: 'warning',
        env: 'unknown',
      },
      {
        // The same name in another resource group is another workspace: this one stays public.
        name: 'update-by-name-in-another-resource-group',
        files: {
          'main.tf': workspaceMadePrivateByName('"/subscriptions/x/resourceGroups/rg-other"', true),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'update-by-name-under-another-resource-group-resource',
        files: {
          'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name     = "rg-ml"\n  location = "westeurope"\n}\nresource "azurerm_resource_group" "other" {\n  name     = "rg-other"\n  location = "westeurope"\n}\n' + workspaceMadePrivateByName('azurerm_resource_group.other.id', true),
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        // One instance's output name: the token names the whole expanded resource, so which
        // instance it patches is not known and none is patched (resource_id = …["a"].id is exact).
        name: 'update-by-output-name-of-one-for-each-instance',
        files: {
          'main.tf': `
⟦resource "azapi_resource" "ws" {⟧
  for_each  = toset(["a", "b"])
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-\${each.key}"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {}
  }
}

resource "azapi_update_resource" "a_private" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = azapi_resource.ws["a"].output.name
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = { publicNetworkAccess = "Disabled" }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'absent-default',
        files: {
          'main.tf': `
⟦resource "azurerm_machine_learning_workspace" "ws" {⟧
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'env-variable-prod',
        files: {
          'main.tf': `
variable "environment" {
  default = "prod"
}

⟦resource "azurerm_machine_learning_workspace" "ws" {⟧
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
      {
        name: 'explicit-true',
        files: {
          'main.tf': `
resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = ⟦true⟧
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
        messageIncludes: 'because public_network_access_enabled is true; set public_network_access_enabled to false and',
      },
      {
        name: 'module-argument',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

module "workspace" {
  source        = "./modules/workspace"
  public_access = ⟦true⟧
}
`,
          'modules/workspace/main.tf': `
variable "public_access" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.public_access
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        // A membership test decided by a var file's value is located there, as `var.env == "dev"`
        // is (review 71: it was at `contains(`, one finding for every variant).
        name: 'contains-decided-by-a-tfvars-value',
        files: {
          'dev.tfvars': `
env = ⟦"dev"⟧
`,
          'prod.tfvars': `
env = "prod"
`,
          'main.tf': `
variable "env" {
  type = string
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = contains(["dev", "test"], var.env)
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'note',
        env: 'nonprod',
        messageId: 'publicWorkspace',
      },
      {
        name: 'nonprod-tfvars-note',
        files: {
          'dev.tfvars': `
public_access = ⟦true⟧
`,
          'main.tf': `
variable "public_access" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.public_access
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'note',
        env: 'nonprod',
        messageId: 'publicWorkspace',
      },
      {
        name: 'prod-tfvars-variant',
        files: {
          'environments/dev.tfvars': `
public_access = false
`,
          'environments/prod.tfvars': `
public_access = ⟦true⟧
`,
          'main.tf': `
variable "public_access" {
  type    = bool
  default = false
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.public_access
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "ws_public" {
  type    = bool
  default = ⟦true⟧
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  public_network_access_enabled = var.ws_public
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
    ],
  },
  azapi: {
    valid: [
      {
        // azapi v1: body as a JSON heredoc, decoded as the provider decodes it.
        name: 'json-heredoc-body-disabled',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = <<BODY
{
  "properties": {
    "publicNetworkAccess": "Disabled"
  }
}
BODY
}
`,
        },
      },
      {
        // An interpolated value that is not known is not reported (RULES.md: unknown values never are).
        name: 'json-heredoc-body-interpolated-unknown',
        files: {
          'main.tf': `
variable "pna" {
  type = string
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = <<-BODY
    {
      "properties": {
        "publicNetworkAccess": "\${var.pna}"
      }
    }
  BODY
}
`,
        },
      },
      {
        // azapi v2 body as an object in the plan.
        name: 'plan-body-object-disabled',
        files: {
          'main.tf': `
variable "public_access" {
  type = string
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = var.public_access
    }
  }
}
`,
          'plan.json': `
{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "variables": {
    "public_access": {
      "value": "Disabled"
    },
    "environment": {
      "value": "prod"
    }
  },
  "planned_values": {
    "root_module": {}
  },
  "resource_changes": [
    {
      "address": "azapi_resource.ws",
      "mode": "managed",
      "type": "azapi_resource",
      "name": "ws",
      "change": {
        "actions": [
          "create"
        ],
        "before": null,
        "after": {
          "type": "Microsoft.MachineLearningServices/workspaces@2024-04-01",
          "name": "mlw-demo",
          "parent_id": "/subscriptions/x/resourceGroups/rg-ml",
          "location": "westeurope",
          "body": {
            "properties": {
              "publicNetworkAccess": "Disabled"
            }
          }
        },
        "after_unknown": {
          "id": true,
          "output": true
        },
        "before_sensitive": false,
        "after_sensitive": {}
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'disabled',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      friendlyName = "demo"
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // A template that is one %{if} directive chooses its text as a conditional does: the finding
        // is at the var file's value that decided it (RULES.md "Values chosen by a condition").
        name: 'template-if-directive-decided-by-a-var-file',
        files: {
          'main.tf': `
variable "private" {
  type = bool
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = "%{if var.private}Disabled%{else}Enabled%{endif}"
    }
  }
}
`,
          'terraform.tfvars': 'private = ⟦false⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'json-heredoc-body-enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = <<BODY
{
  "properties": {
    "publicNetworkAccess": ⟦"Enabled"⟧
  }
}
BODY
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        // RULES.md "Location": a value interpolated as a whole JSON string ("${var.pna}") is
        // located where it is written (the variable's default); the heredoc property that
        // consumes it is related, as for jsonencode({ publicNetworkAccess = var.pna }).
        name: 'json-heredoc-body-interpolated-variable-default',
        files: {
          'main.tf': `
variable "pna" {
  type    = string
  default = ⟦"Enabled"⟧
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = <<BODY
{
  "properties": {
    "publicNetworkAccess": "\${var.pna}"
  }
}
BODY
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
        related: [{ file: 'main.tf', line: 14, label: 'attribute properties.publicNetworkAccess' }],
      },
      {
        // The same with the value from a var file: located at the .tfvars line.
        name: 'json-heredoc-body-interpolated-tfvars',
        files: {
          'dev.tfvars': `
pna = ⟦"Enabled"⟧
`,
          'main.tf': `
variable "pna" {
  type    = string
  default = "Disabled"
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = <<BODY
{
  "properties": {
    "publicNetworkAccess": "\${var.pna}"
  }
}
BODY
}
`,
        },
        level: 'note',
        env: 'nonprod',
        messageId: 'publicWorkspace',
        related: [{ file: 'main.tf', line: 14, label: 'attribute properties.publicNetworkAccess' }],
      },
      {
        // <<- removes the common indentation: each character still maps to its own column.
        name: 'json-indented-heredoc-body-enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = <<-BODY
    {
      "properties": {
        "description": "costs $\${n} a month",
        "publicNetworkAccess": ⟦"Enabled"⟧
      }
    }
  BODY
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        // An interpolation in another property that is not known does not hide a literal one.
        name: 'json-heredoc-body-other-property-unknown',
        files: {
          'main.tf': `
variable "friendly" {
  type = string
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  location  = "westeurope"
  body      = <<BODY
{
  "properties": {
    "friendlyName": "ws-\${var.friendly}",
    "publicNetworkAccess": ⟦"Enabled"⟧
  }
}
BODY
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        // azapi v1 body as a JSON string in the plan; the value came from a -var (written in no scanned
        // file): reported at the body member that consumes it.
        name: 'plan-body-string-from-var',
        files: {
          'main.tf': `
variable "public_access" {
  type = string
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = jsonencode({
    properties = {
      ⟦publicNetworkAccess = var.public_access⟧
    }
  })
}
`,
          'plan.json': `
{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "variables": {
    "public_access": {
      "value": "Enabled"
    },
    "environment": {
      "value": "prod"
    }
  },
  "planned_values": {
    "root_module": {}
  },
  "resource_changes": [
    {
      "address": "azapi_resource.ws",
      "mode": "managed",
      "type": "azapi_resource",
      "name": "ws",
      "change": {
        "actions": [
          "create"
        ],
        "before": null,
        "after": {
          "type": "Microsoft.MachineLearningServices/workspaces@2024-04-01",
          "name": "mlw-demo",
          "parent_id": "/subscriptions/x/resourceGroups/rg-ml",
          "location": "westeurope",
          "body": "{\\"properties\\": {\\"publicNetworkAccess\\": \\"Enabled\\"}}"
        },
        "after_unknown": {
          "id": true,
          "output": true
        },
        "before_sensitive": false,
        "after_sensitive": {}
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
      {
        name: 'absent-default',
        files: {
          'main.tf': `
⟦resource "azapi_resource" "ws" {⟧
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      friendlyName = "demo"

    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      friendlyName = "demo"
      publicNetworkAccess = ⟦"Enabled"⟧
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'jsonencode-body',
        files: {
          'main.tf': `
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = jsonencode({
    properties = {
      friendlyName = "demo"
      publicNetworkAccess = ⟦"Enabled"⟧
    }
  })
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'condition-false',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Enabled"
      },
      "condition": "[equals('a', 'b')]"
    }
  ]
}
`,
        },
      },
      {
        name: 'disabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'unknown-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "[parameters('publicAccess')]"
      }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'absent-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      ⟦"type": "Microsoft.MachineLearningServices/workspaces"⟧,
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "friendlyName": "demo"
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
        // ARM takes the text, not a boolean.
        messageIncludes: 'because properties.publicNetworkAccess is not set (defaults to Enabled); set properties.publicNetworkAccess to Disabled and',
      },
      {
        name: 'enabled-literal',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "friendlyName": "demo",
        "publicNetworkAccess": ⟦"Enabled"⟧
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'language-version-2',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "languageVersion": "2.0",
  "parameters": {},
  "resources": {
    "ws": {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": ⟦"Enabled"⟧
      }
    }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'nested-deployment-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": {
      "type": "string",
      "defaultValue": ⟦"Enabled"⟧
    }
  },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "workspace",
      "properties": {
        "expressionEvaluationOptions": {
          "scope": "inner"
        },
        "mode": "Incremental",
        "parameters": {
          "access": {
            "value": "[parameters('publicAccess')]"
          }
        },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
            "access": {
              "type": "string"
            }
          },
          "resources": [
            {
              "type": "Microsoft.MachineLearningServices/workspaces",
              "apiVersion": "2024-04-01",
              "name": "mlw-demo",
              "location": "westeurope",
              "identity": {
                "type": "SystemAssigned"
              },
              "properties": {
                "publicNetworkAccess": "[parameters('access')]"
              }
            }
          ]
        }
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": {
      "type": "string",
      "defaultValue": ⟦"Enabled"⟧,
      "allowedValues": [
        "Enabled",
        "Disabled"
      ]
    }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "[parameters('publicAccess')]"
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'prod-parameter-file',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": {
      "type": "string",
      "defaultValue": "Disabled"
    }
  },
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "[parameters('publicAccess')]"
      }
    }
  ]
}
`,
          'azuredeploy.parameters.dev.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": {
      "value": "Disabled"
    }
  }
}
`,
          'azuredeploy.parameters.prod.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": {
      "value": ⟦"Enabled"⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'disabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'absent-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": [
    {
      ⟦"type": "Microsoft.MachineLearningServices/workspaces"⟧,
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "friendlyName": "demo"
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'enabled-literal',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "friendlyName": "demo",
        "publicNetworkAccess": ⟦"Enabled"⟧
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'twin-with-broken-bicep',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}
`,
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": ⟦"Enabled"⟧
      }
    }
  ]
}
`,
        },
        parseError: true,
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // The paired main.parameters.json (azd layout) sets Disabled; its `\${NAME}` placeholders
        // are replaced by azd when it deploys: unknown, never reported.
        name: 'json-parameter-file-beside-bicep-disables',
        files: {
          'main.bicep': `
param publicAccess string = 'Enabled'
param name string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: name
  location: 'westeurope'
  properties: {
    publicNetworkAccess: publicAccess
  }
}

resource ws2 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: '\${name}-2'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: name == 'x' ? 'Disabled' : 'Enabled'
  }
}
`,
          'main.parameters.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": { "value": "Disabled" },
    "name": { "value": "\${AZURE_ENV_NAME=x}" }
  }
}
`,
        },
      },
      {
        name: 'condition-false',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = if (false) {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
  }
}
`,
        },
      },
      {
        name: 'disabled',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}
`,
        },
      },
      {
        name: 'module-param-disabled',
        files: {
          'main.bicep': `
module ml './modules/ml.bicep' = {
  name: 'ml'
  params: {
    access: 'Disabled'
  }
}
`,
          'modules/ml.bicep': `
param access string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: access
  }
}
`,
        },
      },
      {
        name: 'unknown-parameter',
        files: {
          'main.bicep': `
param publicAccess string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: publicAccess
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'absent-default',
        files: {
          'main.bicep': `
⟦resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01'⟧ = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'compiled-twin-reported-once',
        files: {
          'main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: ⟦'Enabled'⟧
  }
}
`,
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "publicNetworkAccess": "Enabled"
      }
    }
  ]
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'condition-true',
        files: {
          'main.bicep': `
param deploy bool = true

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = if (deploy) {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: ⟦'Enabled'⟧
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'module-param',
        files: {
          'main.bicep': `
module ml './modules/ml.bicep' = {
  name: 'ml'
  params: {
    access: ⟦'Enabled'⟧
  }
}
`,
          'modules/ml.bicep': `
param access string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: access
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'param-default',
        files: {
          'main.bicep': `
param publicAccess string = ⟦'Enabled'⟧

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: publicAccess
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'prod-bicepparam',
        files: {
          'main.bicep': `
param publicAccess string = 'Disabled'

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: publicAccess
  }
}
`,
          'prod.bicepparam': `
using './main.bicep'

param publicAccess = ⟦'Enabled'⟧
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
      {
        // RULES.md "Variants": "ARM: once per paired parameter file". `main.parameters.json` beside
        // `main.bicep` (the azd layout) is that file: its value is where the finding points.
        name: 'json-parameter-file-beside-bicep',
        files: {
          'main.bicep': `
param publicAccess string = 'Disabled'

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: publicAccess
  }
}
`,
          'main.parameters.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "publicAccess": { "value": ⟦"Enabled"⟧ }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        // A parameter file without the $schema/parameters wrapper, which the Azure CLI reads as the
        // wrapped form (`--parameters @main.prod.parameters.json`), is a variant too (it was dropped).
        name: 'json-parameter-file-without-its-wrapper',
        files: {
          'main.bicep': `
param publicAccess string = 'Disabled'

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: publicAccess
  }
}
`,
          'main.prod.parameters.json': `{
  "publicAccess": { "value": ⟦"Enabled"⟧ }
}
`,
          // Not a parameter file: a member that is no parameter value.
          'settings.parameters.json': '{ "publicAccess": { "value": "Enabled" }, "note": "x" }\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
      {
        // RULES.md "Environments": "the variable file's name or folder" — the folder below the
        // template's decides when the file name does not (`params/production/main.bicepparam`).
        name: 'bicepparam-in-prod-folder',
        files: {
          'main.bicep': `
param publicAccess string = 'Disabled'

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: publicAccess
  }
}
`,
          'params/production/main.bicepparam': `
using '../../main.bicep'

param publicAccess = ⟦'Enabled'⟧
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
      {
        // RULES.md "Environments": the config file's environments glob map comes second (after --env).
        name: 'config-environments-glob',
        files: {
          'infra/main.bicep': `
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: ⟦'Enabled'⟧
  }
}
`,
        },
        options: { config: { environments: { 'infra/**': 'prod' } } },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
    ],
  },
  'azureml-yaml': {
    valid: [
      {
        name: 'disabled-mixed-case',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
location: westeurope
public_network_access: Disabled
`,
        },
      },
    ],
    invalid: [
      {
        name: 'absent-defaults-enabled',
        files: {
          'workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
⟦name: mlw-demo⟧
location: westeurope
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        name: 'enabled-lower-case-in-prod-folder',
        files: {
          'prod/workspace.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json
name: mlw-demo
public_network_access: ⟦enabled⟧
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
        // The fix in the case the file writes the value.
        messageIncludes: 'because public_network_access is enabled; set public_network_access to disabled and',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'disabled', files: { 'deploy.sh': 'az ml workspace create -n ws -g rg --public-network-access Disabled\n' } },
      {
        name: 'update-fixes-create',
        files: { 'deploy.sh': 'az ml workspace create -n ws -g rg\naz ml workspace update -n ws -g rg --public-network-access Disabled\n' },
      },
      { name: 'from-yaml-file', files: { 'deploy.sh': 'az ml workspace create -g rg --file workspace.yml\n' } },
      {
        // A template parameter whose default is a macro: the text is put in at compile time and the
        // macro expanded at run time, as if written in the script: unknown, so the command may hold any flag.
        name: 'template-parameter-default-is-a-macro',
        files: { 'create-ws.yml': 'parameters:\n- name: ws\n  type: string\n  default: $(aml_workspace)\nsteps:\n- script: az ml workspace create --name ${{ parameters.ws }} -g rg\n' },
      },
      {
        // A hub-based project takes its network settings from its hub (as `kind: project` in YAML, ARM and Terraform).
        name: 'project-of-a-hub',
        files: { 'deploy.sh': 'az ml workspace create --kind project -n proj1 -g rg --hub-id /subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub1\n' },
      },
      {
        // A variables template included under a condition may not be: its variables stay unknown.
        name: 'pipeline-variables-template-under-a-condition',
        files: {
          'vars-prod.yml': 'variables:\n  publicAccess: Enabled\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n- ${{ if eq(variables[\'Build.SourceBranchName\'], \'main\') }}:\n  - template: vars-prod.yml\nsteps:\n- script: az ml workspace create -n ws -g rg --public-network-access $(publicAccess)\n',
        },
      },
      {
        // A value built from the template's own parameters is not known (the include's parameters are not applied).
        name: 'pipeline-variables-template-parameter-value',
        files: {
          'vars.yml': 'parameters:\n- name: access\n  default: Enabled\nvariables:\n  publicAccess: ${{ parameters.access }}\n',
          'azure-pipelines.yml': 'trigger: none\nvariables:\n- template: vars.yml\n  parameters:\n    access: Disabled\nsteps:\n- script: az ml workspace create -n ws -g rg --public-network-access $(publicAccess)\n',
        },
      },
      {
        // The command's flag overrides the file (absent there, so Enabled by default).
        name: 'file-with-flag-override',
        files: { 'workspace.yml': 'name: mlw\nlocation: westeurope\n', 'deploy.sh': 'az ml workspace create -g rg --file workspace.yml --public-network-access Disabled\n' },
      },
    ],
    invalid: [
      {
        name: 'absent-default-enabled',
        files: { 'deploy.sh': '⟦az⟧ ml workspace create -n ws -g rg\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
        // The default as the flag spells it (Enabled), not the boolean it is read as; the fix as the flag takes it.
        messageIncludes: 'because --public-network-access is not set (defaults to Enabled); set --public-network-access to Disabled and',
      },
      {
        // A choice input is one of its options, each one word: unquoted, it cannot carry the flag
        // (review 74: "may expand to several words" for `${{ inputs.environment }}`).
        name: 'choice-input-of-words-is-one-argument',
        files: {
          '.github/workflows/w.yml':
            "on:\n  workflow_dispatch:\n    inputs:\n      environment:\n        type: choice\n        options: [dev, test]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ⟦az⟧ ml workspace create -g rg -n ws-${{ inputs.environment }}\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      {
        // PowerShell's default idiom is one string however it ends (an environment variable or a
        // literal): unquoted, it cannot carry the flag (review 71: "may expand to several words").
        name: 'powershell-default-idiom-is-one-argument',
        files: { 'setup.ps1': '$rg = if ($env:AZURE_RESOURCE_GROUP) { $env:AZURE_RESOURCE_GROUP } else { "rg-ml" }\n⟦az⟧ ml workspace create -g $rg -n ws\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      { name: 'prod-by-file-name', files: { 'deploy-prod.sh': 'az ml workspace create -n ws -g rg --public-network-access=⟦Enabled⟧\n' }, level: 'error', env: 'prod', messageId: 'publicWorkspace' },
      {
        // The YAML key --set writes takes enabled/disabled (FORMATS.md, workspace YAML): the message says the word as written, not true/false.
        name: 'set-public-network-access-word-as-written',
        files: { 'deploy-prod.sh': 'az ml workspace create -n ws -g rg --set public_network_access=⟦Enabled⟧\n' },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
        messageIncludes: 'because public_network_access is Enabled; set public_network_access to Disabled and',
      },
      {
        // The macro a parameter default holds is the pipeline's variable when it has one.
        name: 'template-parameter-default-is-a-known-macro',
        files: { 'azure-pipelines.yml': 'variables:\n  aml_workspace: mlw-dev\nparameters:\n- name: ws\n  type: string\n  default: $(aml_workspace)\nsteps:\n- script: ⟦az⟧ ml workspace create --name ${{ parameters.ws }} -g rg\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
        messageIncludes: 'ML workspace "mlw-dev" is reachable',
      },
      {
        // Azure Pipelines expands the macros in a variable's value (mlops-v2's `mlw-$(namespace)-$(postfix)$(environment)`).
        name: 'variable-built-from-macros',
        files: { 'azure-pipelines.yml': 'variables:\n  namespace: mlops\n  environment: prod\n  aml_workspace: mlw-$(namespace)-$(environment)\nsteps:\n- script: ⟦az⟧ ml workspace create -n $(aml_workspace) -g rg\n' },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
        messageIncludes: 'ML workspace "mlw-mlops-prod" is reachable',
      },
      {
        // Azure Pipelines variable names are case-insensitive: $(AML_WORKSPACE) reads aml_workspace.
        name: 'macro-name-in-another-case',
        files: { 'azure-pipelines.yml': 'variables:\n  aml_workspace: mlw-dev\nsteps:\n- script: ⟦az⟧ ml workspace create -n $(AML_WORKSPACE) -g rg\n' },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
        messageIncludes: 'ML workspace "mlw-dev" is reachable',
      },
      {
        // A parameter whose value is one macro points where the variable is written (the parameter is related).
        name: 'template-parameter-value-is-one-macro',
        files: {
          'azure-pipelines.yml': 'variables:\n  pna_var: ⟦Enabled⟧\nparameters:\n- name: pna\n  type: string\n  default: $(pna_var)\nsteps:\n- script: az ml workspace create --name ws -g rg --public-network-access ${{ parameters.pna }}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'publicWorkspace',
      },
      // A hub is judged: its projects take its network settings.
      { name: 'hub-by-kind', files: { 'deploy.sh': '⟦az⟧ ml workspace create --kind hub -n hub1 -g rg\n' }, level: 'warning', env: 'unknown', messageId: 'publicWorkspace' },
      {
        name: 'environment-assignment-nonprod',
        files: { 'setup.sh': 'ENVIRONMENT="dev"\n⟦az⟧ ml workspace create -n ws-$ENVIRONMENT -g rg\n' },
        level: 'note',
        env: 'nonprod',
        messageId: 'publicWorkspace',
      },
      {
        // An Azure Pipelines variable named environment is a variable named environment (RULES.md "Environments").
        name: 'pipeline-variable-environment-prod',
        files: {
          'azure-pipelines.yml': `trigger: none
variables:
  environment: prod
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: sc
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: |
        ⟦az⟧ ml workspace create -n ws -g rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
      },
      {
        // An Azure Pipelines variables template is a variable file: its name decides the class
        // (RULES.md "Environments": the variable file's name or folder), and its values are read.
        name: 'pipeline-variables-template-named-prod',
        files: {
          'config-infra-prod.yml': 'variables:\n  workspaceName: mlw-prod\n',
          'mlops/azure-pipelines.yml': `trigger: none
variables:
- template: ../config-infra-prod.yml
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: sc
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: |
        ⟦az⟧ ml workspace create -n $(workspaceName) -g rg
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
        messageIncludes: 'ML workspace "mlw-prod"',
      },
      {
        // Nested: a template that includes another; its environment variable decides.
        name: 'pipeline-variables-template-nested',
        files: {
          'config/common.yml': 'variables:\n  - name: environment\n    value: dev\n  - template: names.yml\n',
          'config/names.yml': 'variables:\n  workspaceName: mlw-dev\n',
          'azure-pipelines.yml': `trigger: none
variables:
- template: config/common.yml
steps:
  - task: AzureCLI@2
    inputs:
      azureSubscription: sc
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: |
        ⟦az⟧ ml workspace create -n $(workspaceName) -g rg
`,
        },
        level: 'note',
        env: 'nonprod',
        messageId: 'publicWorkspace',
        messageIncludes: 'ML workspace "mlw-dev"',
      },
      {
        // A matrix runs the step once per environment: one finding at the command, in the words of the
        // most production-like run, naming the other runs (review 105: it named "mlw-prod" twice and lost "mlw-dev").
        name: 'matrix-over-environments-names-every-other-run',
        files: {
          '.github/workflows/m.yml':
            'on: push\njobs:\n  ws:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        env: [dev, test, prod]\n    environment: ${{ matrix.env }}\n    steps:\n      - run: ⟦az⟧ ml workspace create -n mlw-${{ matrix.env }} -g rg-${{ matrix.env }}\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'publicWorkspace',
        message: /^ML workspace "mlw-prod" is reachable .* \(also reported for "mlw-dev", "mlw-test", other instances of the same declaration, with their own values\)\.$/,
      },
      {
        // So is a workflow_dispatch input's default (a parameter named stage).
        name: 'workflow-input-default-stage',
        files: {
          '.github/workflows/infra.yml': `name: infra
on:
  workflow_dispatch:
    inputs:
      stage:
        default: dev
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ⟦az⟧ ml workspace create -n ws -g rg
`,
        },
        level: 'note',
        env: 'nonprod',
        messageId: 'publicWorkspace',
      },
    ],
  },
};

// An `optional()` object attribute left out is null because of the object written without it:
// a coalesce or `!= null` over it is decided there (RULES.md "Values chosen by a condition";
// review 66: the finding was at the module's fallback, shared by every caller).
const WS_MODULE = (expr: string): string => `
variable "settings" {
  type = object({
    public_access = optional(bool)
  })
  default = {}
}
resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw"
  location                      = "westeurope"
  resource_group_name           = "rg"
  application_insights_id       = "x"
  key_vault_id                  = "y"
  storage_account_id            = "z"
  public_network_access_enabled = ${expr}
  identity {
    type = "SystemAssigned"
  }
}
`;
const optionalAttributes: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'omitted-optional-attribute-coalesced-to-false',
        files: { 'main.tf': WS_MODULE('coalesce(var.settings.public_access, false)') },
      },
    ],
    invalid: [
      {
        name: 'omitted-optional-attribute-coalesced-to-true',
        files: { 'main.tf': WS_MODULE('coalesce(var.settings.public_access, true)').replace('default = {}', 'default = ⟦{}⟧') },
        level: 'warning',
        env: 'unknown',
        related: [{ file: 'main.tf', line: 14, label: 'value chosen by the condition' }],
      },
      {
        name: 'omitted-optional-attribute-tested-for-null',
        files: { 'main.tf': WS_MODULE('var.settings.public_access != null ? var.settings.public_access : true').replace('default = {}', 'default = ⟦{}⟧') },
        level: 'warning',
        env: 'unknown',
        related: [{ file: 'main.tf', line: 14, label: 'value chosen by the condition' }],
      },
      {
        name: 'each-caller-that-leaves-it-out',
        files: {
          'modules/ws/main.tf': WS_MODULE('coalesce(var.settings.public_access, true)').replace('"mlw"', 'var.name').replace('variable "settings"', 'variable "name" {}\nvariable "settings"'),
          'main.tf': 'module "a" {\n  source   = "./modules/ws"\n  name     = "mlw-a"\n  settings = ⟦{}⟧\n}\n',
          'b.tf': 'module "b" {\n  source   = "./modules/ws"\n  name     = "mlw-b"\n  settings = { public_access = false }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        message: /"mlw-a"/,
      },
      {
        // A `null` an input passes ("use the provider default") is the attribute absent: the finding
        // is where the null is written, the variable and the attribute related (review 87: it was
        // the resource header, "is not set", with nothing related).
        name: 'null-from-a-variable-default',
        files: {
          'main.tf':
            'variable "public_network_access_enabled" {\n  type    = bool\n  default = ⟦null⟧\n}\n\nresource "azurerm_machine_learning_workspace" "ws" {\n  name                          = "mlw"\n  location                      = "westeurope"\n  resource_group_name           = "rg"\n  application_insights_id       = "a"\n  key_vault_id                  = "k"\n  storage_account_id            = "s"\n  public_network_access_enabled = var.public_network_access_enabled\n  identity {\n    type = "SystemAssigned"\n  }\n}\n',
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'public_network_access_enabled is null (defaults to true)',
        related: [
          { file: 'main.tf', line: 1, label: 'variable "public_network_access_enabled"' },
          { file: 'main.tf', line: 13, label: 'attribute public_network_access_enabled' },
        ],
      },
      {
        name: 'null-from-a-var-file',
        files: {
          'main.tf':
            'variable "pna" {\n  type    = bool\n  default = false\n}\n\nresource "azurerm_machine_learning_workspace" "ws" {\n  name                          = "mlw"\n  location                      = "westeurope"\n  resource_group_name           = "rg"\n  application_insights_id       = "a"\n  key_vault_id                  = "k"\n  storage_account_id            = "s"\n  public_network_access_enabled = var.pna\n  identity {\n    type = "SystemAssigned"\n  }\n}\n',
          'terraform.tfvars': 'pna = ⟦null⟧\n',
        },
        level: 'warning',
        env: 'unknown',
        messageIncludes: 'public_network_access_enabled is null (defaults to true)',
      },
    ],
  },
};

// The optional-property idiom in Terraform (`c ? { publicNetworkAccess = "Disabled" } : {}`, inside
// merge() too): the key the chosen `{}` leaves out is located at the input that decided it, each
// module caller's own argument, as in Bicep and ARM (audit 54: one finding at the resource header).
const AZAPI_WS = (properties: string, vars = 'variable "private" {\n  type    = bool\n  default = true\n}\nvariable "name" {\n  type = string\n}\n'): string =>
  `${vars}resource "azapi_resource" "ws" {\n  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"\n  name      = var.name\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  location  = "westeurope"\n  body = {\n    properties = ${properties}\n  }\n}\n`;
const keyLeftOutByACondition: RuleTable = {
  terraform: {
    valid: [{ name: 'the-condition-keeps-the-key', files: { 'main.tf': AZAPI_WS('var.private ? { publicNetworkAccess = "Disabled" } : {}').replace('type = string', 'default = "ws"') } }],
    invalid: [
      {
        name: 'each-caller-whose-argument-leaves-the-key-out',
        files: {
          'main.tf': 'module "a" {\n  source  = "./ws"\n  name    = "ws-a"\n  private = ⟦false⟧\n}\nmodule "b" {\n  source  = "./ws"\n  name    = "ws-b"\n  private = ⟦false⟧\n}\nmodule "c" {\n  source = "./ws"\n  name   = "ws-c"\n}\n',
          'ws/main.tf': AZAPI_WS('merge(\n      { friendlyName = var.name },\n      var.private ? { publicNetworkAccess = "Disabled" } : {}\n    )'),
        },
        level: 'warning',
        env: 'unknown',
        related: [{ file: 'ws/main.tf', line: 16, label: 'object chosen by the condition, without this key' }],
      },
    ],
  },
};

ruleTester('AML001', converted, azureCli, optionalAttributes, keyLeftOutByACondition);
