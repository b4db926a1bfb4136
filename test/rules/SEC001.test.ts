/**
 * SEC001 (hardcoded-secret): Secret written as a literal in infrastructure code, or a secret parameter not typed securestring.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { describe, expect, it } from 'vitest';
import { isPlaceholder, looksSecret } from '../../rules/secrets/SEC001-hardcoded-secret.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/SEC001: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'connection-string-without-credentials',
        files: {
          'main.tf': `
variable "connection_string" {
  default = "Server=myserver;Database=app;Integrated Security=SSPI"
}
`,
        },
      },
      {
        name: 'map-of-secret-names',
        files: {
          'configuration.tfvars': `
launchpad_key_names = {
  keyvault_client_secret = "aadapp-caf-launchpad-level0"
}
`,
        },
      },
      {
        name: 'placeholders',
        files: {
          'main.tf': `
variable "admin_password" {
  default = ""
}

variable "client_secret" {
  default = "changeme"
}

variable "api_key" {
  default = "<your-api-key>"
}

variable "sas_token" {
  default = "********"
}

variable "db_password" {
  default = "TODO"
}

variable "connection_string" {
  default = "$\${CONNECTION_STRING}"
}

variable "access_key" {
  default = "xxxx"
}

variable "app_secret" {
  default = "REPLACE-ME"
}
`,
          'terraform.tfvars': `
admin_password = "change-me"
client_secret  = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/sp)"
`,
        },
      },
      {
        name: 'references-and-non-secret-names',
        files: {
          'main.tf': `
data "azurerm_key_vault_secret" "pw" {
  name         = "vm-admin-password"
  key_vault_id = "/subscriptions/x/kv"
}

resource "random_password" "pw" {
  length = 24
}

resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm-jump"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = data.azurerm_key_vault_secret.pw.value
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/x/nic"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}

resource "azurerm_key_vault_secret" "s" {
  name         = "db-password"
  value        = random_password.pw.result
  key_vault_id = "/subscriptions/x/kv"
}

variable "secret_name" {
  default = "db-password"
}

variable "password_length" {
  default = "24"
}

variable "key_vault_secret_id" {
  default = "https://kv.vault.azure.net/secrets/x"
}

resource "azurerm_key_vault_access_policy" "p" {
  key_vault_id       = "/subscriptions/x/kv"
  tenant_id          = "t"
  object_id          = "o"
  secret_permissions = ["Get", "List"]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'connection-string-with-password',
        files: {
          'main.tf': `
variable "connection_string" {
  default = ⟦"Server=myserver;Database=app;User Id=app;Password=Sup3r-S3cret!"⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'module-argument',
        files: {
          'main.tf': `
module "db" {
  source          = "./modules/db"
  admin_password  = ⟦"M0dul3Secret"⟧
}
`,
          'modules/db/main.tf': `
variable "admin_password" {
  type = string
}
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['M0dul3Secret'],
        messageIncludes: 'value not shown',
      },
      {
        name: 'nested-block-and-connection-string',
        files: {
          'main.tf': `
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"

  service_principal {
    client_id     = "00000000-0000-0000-0000-000000000000"
    client_secret = ⟦"spn-secret-value"⟧
  }

  default_node_pool {
    name    = "system"
    vm_size = "Standard_D4s_v5"
  }
}

resource "azurerm_linux_function_app" "fn" {
  name = "fn"
  app_settings = {
    "STORAGE_CONNECTION_STRING" = ⟦"DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc=="⟧
    "KV_SECRET"                 = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['spn-secret-value', 'AccountKey=abc=='],
        messageIncludes: 'value not shown',
      },
      {
        name: 'resource-literal',
        files: {
          'main.tf': `
resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm-jump"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = ⟦"S3cr3t-Pa55w0rd!"⟧
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/x/nic"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['S3cr3t-Pa55w0rd!'],
        messageIncludes: 'value not shown',
      },
      {
        name: 'tfvars-json',
        files: {
          'main.tf': `
variable "storage" {
  type = object({ name = string, access_key = string })
}
`,
          'secrets.auto.tfvars.json': `
{
  "storage": {
    "name": "stml",
    "access_key": ⟦"QUJDREVGR0g="⟧
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'tfvars-not-a-variant',
        files: {
          'main.tf': `
variable "client_secret" {
  type = string
}
`,
          'secrets.tfvars': `
client_secret = ⟦"abc~DEF123ghi"⟧
region        = "westeurope"
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['abc~DEF123ghi'],
        messageIncludes: 'value not shown',
      },
      {
        name: 'tfvars-variant-and-auto',
        files: {
          'common.auto.tfvars': `
api_key = ⟦"k-123456"⟧
`,
          'dev.tfvars': `
db_password = "changeme"
`,
          'main.tf': `
variable "db_password" {
  type = string
}

resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm-jump"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = var.db_password
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/x/nic"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}
`,
          'prod.tfvars': `
db_password = ⟦"Pr0dPassw0rd"⟧
`,
        },
        level: 'error',
        mustNotShow: ['Pr0dPassw0rd', 'k-123456'],
        messageIncludes: 'value not shown',
        errors: [
          { env: 'unknown' },
          { env: 'prod' },
        ],
      },
      {
        name: 'unused-variable-default-camelcase',
        files: {
          'main.tf': `
variable "sqlAdminPassword" {
  default = ⟦"Sup3rS3cret"⟧
}

variable "storageAccessKey" {
  default = ⟦"bXlrZXk="⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['Sup3rS3cret', 'bXlrZXk='],
        messageIncludes: 'value not shown',
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "vm_admin_password" {
  type      = string
  sensitive = true
  default   = ⟦"S3cr3t-Pa55w0rd!"⟧
}

resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm-jump"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = var.vm_admin_password
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/x/nic"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['S3cr3t-Pa55w0rd!'],
        messageIncludes: 'value not shown',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'placeholder-and-reference',
        files: {
          'main.tf': `
resource "random_password" "pw" {
  length = 24
}

resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-jump"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = { vmSize = "Standard_B2s" }
      osProfile = {
        computerName  = "jump"
        adminUsername = "azureuser"
        adminPassword = random_password.pw.result
      }
    }
  }
}

resource "azapi_resource" "vm2" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-jump"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = { vmSize = "Standard_B2s" }
      osProfile = {
        computerName  = "jump"
        adminUsername = "azureuser"
        adminPassword = "<set-at-deploy-time>"
      }
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'body-literal',
        files: {
          'main.tf': `
resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-jump"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = { vmSize = "Standard_B2s" }
      osProfile = {
        computerName  = "jump"
        adminUsername = "azureuser"
        adminPassword = ⟦"S3cr3t-Pa55w0rd!"⟧
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['S3cr3t-Pa55w0rd!'],
        messageIncludes: 'value not shown',
      },
      {
        name: 'variable-default',
        files: {
          'main.tf': `
variable "adminPassword" {
  default = ⟦"Azap1Secret"⟧
}

resource "azapi_resource" "vm" {
  type      = "Microsoft.Compute/virtualMachines@2024-03-01"
  name      = "vm-jump"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      hardwareProfile = { vmSize = "Standard_B2s" }
      osProfile = {
        computerName  = "jump"
        adminUsername = "azureuser"
        adminPassword = var.adminPassword
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'key-vault-permission-lists',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv",
      "location": "westeurope",
      "properties": {
        "enablePurgeProtection": true,
        "accessPolicies": [
          {
            "tenantId": "[subscription().tenantId]",
            "objectId": "00000000-0000-0000-0000-000000000000",
            "permissions": {
              "secrets": [
                "get",
                "list"
              ],
              "keys": [
                "get"
              ]
            }
          }
        ]
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'key-vault-reference-parameter-file',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "reference": {
        "keyVault": {
          "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-ml"
        },
        "secretName": "vm-admin-password"
      }
    }
  }
}
`,
        },
      },
      {
        name: 'non-secret-names',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring"
    },
    "secretName": {
      "type": "string",
      "defaultValue": "vm-admin-password"
    },
    "passwordLength": {
      "type": "int",
      "defaultValue": 24
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'placeholder-parameter-file',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "value": "changeme"
    }
  }
}
`,
        },
      },
      {
        name: 'securestring-no-default-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring"
    }
  },
  "resources": {
    "vm": {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  }
}
`,
        },
      },
      {
        name: 'securestring-placeholders',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring",
      "defaultValue": ""
    },
    "clientSecret": {
      "type": "securestring",
      "defaultValue": "changeme"
    },
    "storageConnectionString": {
      "type": "securestring",
      "defaultValue": "<set-at-deploy-time>"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'skeleton-and-quickstart-placeholders',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Web/sites",
      "apiVersion": "2022-09-01",
      "name": "app",
      "properties": {
        "siteConfig": {
          "connectionStrings": [
            {
              "name": "db",
              "connectionString": "string",
              "type": "SQLAzure"
            }
          ]
        }
      }
    }
  ]
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "value": "GEN-PASSWORD"
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'parameter-file-value',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "value": ⟦"Winter2024-Prod!"⟧
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'resource-literal',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": ⟦"P@ssw0rd-1234-Real"⟧
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'securestring-literal-default-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring",
      "defaultValue": ⟦"Sup3r-S3cret-Value"⟧
    }
  },
  "resources": {
    "vm": {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'string-param-literal-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    ⟦"adminPassword"⟧: {
      "type": "string",
      "defaultValue": ⟦"Sup3r-S3cret-Value"⟧
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'string-param-without-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    ⟦"adminPassword"⟧: {
      "type": "String"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'securestring-no-default-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {
    "adminPassword": {
      "type": "securestring"
    }
  },
  "resources": {
    "vm": {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  }
}
`,
        },
      },
      {
        name: 'securestring-placeholders',
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
  "parameters": {
    "adminPassword": {
      "type": "securestring",
      "defaultValue": ""
    },
    "clientSecret": {
      "type": "securestring",
      "defaultValue": "changeme"
    },
    "storageConnectionString": {
      "type": "securestring",
      "defaultValue": "<set-at-deploy-time>"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
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
        name: 'securestring-literal-default-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {
    "adminPassword": {
      "type": "securestring",
      "defaultValue": ⟦"Sup3r-S3cret-Value"⟧
    }
  },
  "resources": {
    "vm": {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'string-param-literal-default',
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
  "parameters": {
    ⟦"adminPassword"⟧: {
      "type": "string",
      "defaultValue": ⟦"Sup3r-S3cret-Value"⟧
    }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2023-09-01",
      "name": "vm-jump",
      "location": "westeurope",
      "properties": {
        "hardwareProfile": {
          "vmSize": "Standard_B2s"
        },
        "osProfile": {
          "computerName": "jump",
          "adminUsername": "azureuser",
          "adminPassword": "[parameters('adminPassword')]"
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'secure-param',
        files: {
          'main.bicep': `
@secure()
param adminPassword string

output passwordLength int = length(adminPassword)
`,
        },
      },
    ],
    invalid: [
      {
        name: 'string-param-literal-default',
        files: {
          'main.bicep': `
⟦param adminPassword string⟧ = ⟦'Sup3r-S3cret-Value'⟧

output passwordLength int = length(adminPassword)
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};
// </converted>

/**
 * ARM and Bicep parameters (formerly unit tests over a hand-built graph in rules-b.test.ts):
 * a secret-named parameter typed string is reported at its name, a literal default or
 * parameter-file value at the value, never a Key Vault reference or a placeholder, and a
 * location once however many variants evaluate it.
 */
const parameters: RuleTable = {
  arm: {
    invalid: [
      {
        name: 'secret-names-typed-string-among-others',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    ⟦"adminPassword"⟧: { "type": "string" },
    "clientSecret": { "type": "securestring" },
    "storageName": { "type": "string" }
  },
  "resources": []
}
`,
        },
        level: 'error',
        env: 'unknown',
        message: /"adminPassword" .*typed string.*securestring/,
      },
      {
        name: 'defaults-and-parameter-file-values',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": { "type": "securestring", "defaultValue": ⟦"Arm-D3fault!"⟧ },
    "clientSecret": { "type": "securestring" },
    "sqlPassword": { "type": "securestring" },
    "sasToken": { "type": "securestring", "defaultValue": "" },
    "apiKey": { "type": "securestring", "defaultValue": "<set-me>" }
  },
  "resources": []
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "clientSecret": { "value": ⟦"Param-F1le!"⟧ },
    "sqlPassword": {
      "reference": {
        "keyVault": { "id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv" },
        "secretName": "sql-password"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        mustNotShow: ['Arm-D3fault!', 'Param-F1le!'],
      },
      {
        name: 'default-reported-once-across-variants',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": { "type": "securestring", "defaultValue": ⟦"Arm-D3fault!"⟧ },
    "location": { "type": "string" }
  },
  "resources": []
}
`,
          'azuredeploy.parameters.dev.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "value": "westeurope" } }
}
`,
          'azuredeploy.parameters.prod.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "value": "northeurope" } }
}
`,
        },
        level: 'error',
        env: 'nonprod', // the first variant's class; the rule reports the location once
      },
    ],
  },
  bicep: {
    invalid: [
      {
        name: 'string-secret-param-beside-secure-ones',
        files: {
          'main.bicep': `
@secure()
param sqlPassword string
⟦param apiKey string⟧

output lengths int = length(sqlPassword) + length(apiKey)
`,
        },
        level: 'error',
        env: 'unknown',
        message: /@secure\(\)/,
      },
    ],
  },
};

ruleTester('SEC001', converted, parameters);

describe('SEC001 matchers', () => {
  it('matches secret-looking names, also camelCase, and not their metadata', () => {
    for (const n of ['password', 'admin_password', 'adminPassword', 'ADMIN_PASSWORD', 'client_secret', 'clientSecret', 'storage_access_key', 'accessKey', 'primary_connection_string', 'connectionString', 'sas_token', 'sasToken', 'SASToken', 'api_key', 'apiKey', 'APIKey', 'apikey', 'dbpassword', 'secret', 'secrets', 'administrator_login_password', 'password_value'])
      expect(looksSecret(n), n).toBe(true);
    for (const n of ['secret_name', 'secretName', 'key_vault_secret_id', 'password_length', 'secret_permissions', 'disable_password_authentication', 'client_id', 'access_policy', 'key_name', 'api_version', 'connection_timeout', 'token_lifetime', 'name'])
      expect(looksSecret(n), n).toBe(false);
  });

  it('ignores placeholders and references', () => {
    for (const v of ['', '  ', 'changeme', 'CHANGEME', 'change-me', 'change_me', 'replace-me', 'REPLACE_ME', '<password>', '<your-secret-here>', 'TODO', 'todo', 'xxx', 'XXXXXXXX', '****', '********', '${DB_PASSWORD}', 'pre${X}post', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)', 'https://kv.vault.azure.net/secrets/x/1', "[parameters('x')]", '#{DbPassword}#', '__DB_PASSWORD__', '$(DbPassword)', '{{ db_password }}'])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(true);
    for (const v of ['S3cr3t!', 'hunter2', 'changeme123', 'P@ssw0rd', 'xx', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=b=='])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(false);
  });
});
