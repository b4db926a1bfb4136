/**
 * SEC001 (hardcoded-secret): Secret written as a literal in infrastructure code, or a secret parameter not typed securestring.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { isPlaceholder, isSamplePath, looksSecret, namesKey } from '../../rules/secrets/SEC001-hardcoded-secret.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { lintTree, tempTrees } from '../support/temp-tree.js';

/** A container group (named `name`) whose secure environment variable CLIENT_SECRET is `secret`. */
const containerGroupSecret = (name: string, secret: string): string => `
resource "azurerm_container_group" "${name}" {
  name                = "${name}"
  location            = "westeurope"
  resource_group_name = "rg"
  os_type             = "Linux"
  container {
    name   = "app"
    image  = "nginx"
    cpu    = 1
    memory = 1
    secure_environment_variables = {
      CLIENT_SECRET = ${secret}
    }
  }
}
`;

// The cases converted from the former fixture folders; add new cases to this table.
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
        // A block a toggle turns off (`count = 0`) is not deployed, but its literal is in the
        // repository all the same (review 130: it was never read).
        name: 'literal-in-a-resource-with-count-zero',
        files: {
          'main.tf': `variable "enable_vm" {
  default = false
}
resource "azurerm_linux_virtual_machine" "vm" {
  count                 = var.enable_vm ? 1 : 0
  name                  = "vm"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  admin_password        = ⟦"Sup3rS3cret!Pass"⟧
  network_interface_ids = []
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
      {
        // A local module whose only call makes no instance (`count = 0`, an empty for_each): its
        // variables' defaults are still committed (review 130: the default was lost with the call).
        name: 'variable-default-of-a-module-called-with-count-zero',
        files: {
          'main.tf': 'module "vm" {\n  source = "./modules/vm"\n  count  = 0\n}\n',
          'modules/vm/main.tf': 'variable "password" {\n  type    = string\n  default = ⟦"Azure12345678"⟧\n}\nresource "azurerm_key_vault_secret" "s" {\n  name         = "x"\n  value        = var.password\n  key_vault_id = "kv"\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'inputDefault',
      },
      {
        // …and the literal its call passes (review 131: the module was evaluated without its arguments).
        name: 'literal-argument-of-a-module-call-with-count-zero',
        files: {
          'main.tf': 'variable "enable_vm" {\n  default = false\n}\nmodule "off" {\n  source         = "./modules/vm"\n  count          = var.enable_vm ? 1 : 0\n  admin_password = ⟦"Call-Argument-Pw1!"⟧\n}\n',
          'modules/vm/main.tf': 'variable "admin_password" {\n  type = string\n}\nresource "azurerm_linux_virtual_machine" "vm" {\n  name           = "vm"\n  admin_username = "azureuser"\n  admin_password = var.admin_password\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'inputAssigned',
      },
      {
        // A local value read only by a block with no instance is the local's finding, not the block's
        // (review 131: the block's words and address took it over).
        name: 'local-read-only-by-a-block-with-no-instance',
        files: {
          'main.tf': 'locals {\n  sp_secret = ⟦"Sp-Secret-Value-1!"⟧\n}\nresource "azurerm_kubernetes_cluster" "aks" {\n  for_each = {}\n  name     = "aks"\n  service_principal {\n    client_id     = "id"\n    client_secret = local.sp_secret\n  }\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'localValue',
      },
      {
        // …and the literals of its resources (a call with an empty for_each).
        name: 'literal-in-a-module-called-with-an-empty-for-each',
        files: {
          'main.tf': 'module "vm2" {\n  source   = "./modules/vm2"\n  for_each = {}\n}\n',
          'modules/vm2/main.tf': 'resource "azurerm_linux_virtual_machine" "vm" {\n  name           = "vm"\n  admin_username = "azureuser"\n  admin_password = ⟦"Sup3rS3cret!Pass"⟧\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
      {
        // jsonencode() of an object written in the code: its members are walked as the object's
        // are (self-review 73: VM extension protected_settings were one opaque string).
        name: 'password-inside-jsonencode',
        files: {
          'main.tf': `resource "azurerm_virtual_machine_extension" "ext" {
  name                 = "setup"
  virtual_machine_id   = "/subscriptions/x/vm"
  publisher            = "Microsoft.Compute"
  type                 = "CustomScriptExtension"
  type_handler_version = "1.10"
  protected_settings = jsonencode({
    commandToExecute = "setup.cmd"
    password         = ⟦"Zx9!kLm2Qw7#"⟧
  })
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
      {
        // file() of a JSON document inside the scan root is its text, written in that file: a
        // credentials file committed beside the code is a literal secret, as jsondecode(file(…))'s member is.
        name: 'json-file-text-as-a-secure-environment-variable',
        files: {
          'main.tf': containerGroupSecret('cg', 'file("${path.module}/sp.json")'),
          'sp.json': '⟦{"clientId":"abc","clientSecret":"s3cr3tValue~xyz"}⟧\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
      {
        // A file that is no strict JSON document (a trailing comma) is text located at each call.
        name: 'non-strict-json-file-text-read-twice',
        files: {
          'main.tf': ['a', 'b'].map((n) => containerGroupSecret(n, '⟦file("${path.module}/sp.json")⟧')).join(''),
          'sp.json': '{"clientSecret":"s3cr3tValue~xyz", }\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
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
        messageId: 'inputDefault',
      },
      {
        // A registry module the linter does not read (no local copy): its arguments are written
        // here all the same; a key of an object argument too. A variable passed stays unknown.
        name: 'argument-of-a-module-not-evaluated',
        files: {
          'main.tf': `
variable "db_password" {
  type      = string
  sensitive = true
}

module "vm" {
  source         = "Azure/compute/azurerm"
  version        = "5.3.0"
  admin_password = ⟦"M0dul3Secret!"⟧
  db_password    = var.db_password
  extra          = { client_secret = ⟦"s3cr3t-v4lue"⟧, client_id = "abc" }
}
`,
        },
        level: 'error',
        env: 'unknown',
        errors: [{ messageId: 'moduleArgument', message: 'The value passed as "admin_password" to module "vm" (not evaluated) holds a literal secret (value not shown); remove it, rotate the secret and pass it at deploy time from Key Vault or a secure parameter.' }, { messageId: 'moduleArgumentKey' }],
        mustNotShow: ['M0dul3Secret', 's3cr3t-v4lue'],
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
        messageId: 'inputAssigned',
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
        messageId: 'attribute',
        mustNotShow: ['spn-secret-value', 'AccountKey=abc=='],
        messageIncludes: 'value not shown',
      },
      {
        // Terraform write-only arguments (azurerm 4.x, Terraform 1.11+) keep a value out of the
        // state, not out of the code: `administrator_password_wo` is a password, and a Key Vault
        // secret's `value_wo` holds the secret named by `name`.
        name: 'write-only-arguments',
        files: {
          'main.tf': `
resource "azurerm_postgresql_flexible_server" "pg" {
  name                              = "pg-ml"
  resource_group_name               = "rg-ml"
  location                          = "westeurope"
  administrator_login               = "pgadmin"
  administrator_password_wo         = ⟦"Pg-Adm1n-Pa55!"⟧
  administrator_password_wo_version = 1
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
      {
        // The resource is itself the name/value pair: named by its type, with a fix that does not
        // send the user to Key Vault for what they write into it (review 95).
        name: 'key-vault-secret-with-a-literal-value',
        files: {
          'main.tf': `
resource "azurerm_key_vault_secret" "conn" {
  name             = "storage-connection-string"
  value_wo         = ⟦"DefaultEndpointsProtocol=https;AccountName=stml;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net"⟧
  value_wo_version = 1
  key_vault_id     = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
}

resource "azurerm_key_vault_secret" "sql" {
  name         = "sql-admin-password"
  value        = ⟦"Zx9!kPq2#Lm7"⟧
  key_vault_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'secretResourceValue',
        messageIncludes: 'of azurerm_key_vault_secret "',
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
        messageId: 'attribute',
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
        messageId: 'inputAssignedKey',
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
        messageId: 'varFile',
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
          { env: 'unknown', messageId: 'varFile' },
          { env: 'prod', messageId: 'inputAssigned' },
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
        messageId: 'inputDefault',
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
        messageId: 'inputDefault',
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
        // azapi's sensitive_body (write-only members, merged into body when sent): the literal is still in the code.
        name: 'sensitive-body-literal',
        files: {
          'main.tf': `
resource "azapi_resource" "ci" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-04-01"
  name      = "cpu"
  parent_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw"
  body = {
    properties = { computeType = "AmlCompute", properties = { vmSize = "Standard_DS3_v2" } }
  }
  sensitive_body = {
    properties = {
      properties = {
        userAccountCredentials = { adminUserName = "azureuser", adminUserPassword = ⟦"Sup3rS3cret!2024"⟧ }
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
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
        messageId: 'attribute',
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
        messageId: 'inputDefault',
      },
    ],
  },
  arm: {
    valid: [
      {
        // A noun after alternatives says what they are (a name, a URI): no secret; an OpenSSH public key is meant to be shared (self-review 65).
        name: 'names-of-alternatives-and-a-public-ssh-key',
        files: {
          'azuredeploy.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "secretOrCertificateName": { "type": "string", "defaultValue": "mycert" },\n    "passwordOrKeyUri": { "type": "string" },\n    "adminPasswordOrKey": { "type": "securestring", "defaultValue": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host" }\n  },\n  "resources": []\n}\n',
        },
      },
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
        // A name of alternatives is judged by its first: `adminPasswordOrKey` (the quickstarts' Linux VM
        // password or SSH key) is a password (review 64: `adminKeyOrPassword` was one, this one not).
        name: 'password-or-key-typed-string',
        files: {
          'azuredeploy.json':
            '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    ⟦"adminPasswordOrKey"⟧: { "type": "string" }\n  },\n  "resources": []\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'armParameterTypedString',
      },
      {
        // A deployment whose template is linked by URL (EVAL002): the parameters passed to it are written here.
        name: 'parameter-of-a-linked-template',
        files: {
          'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "sqlPassword": { "type": "securestring" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "linked",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": "https://example.com/vm.json" },
        "parameters": {
          "adminPassword": { "value": ⟦"Tr0ub4dor&3horse"⟧ },
          "sqlPassword": { "value": "[parameters('sqlPassword')]" },
          "vmSize": { "value": "Standard_B2s" }
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'moduleArgument',
        mustNotShow: ['Tr0ub4dor'],
      },
      {
        // A template linked by relativePath is a file of the scan, evaluated through the deployment
        // with what it passes: the literal is the value assigned to the linked template's parameter.
        name: 'parameter-of-a-template-linked-by-relative-path',
        files: {
          'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "vm",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "relativePath": "nested/vm.json" },
        "parameters": { "adminPassword": { "value": ⟦"Tr0ub4dor&3horse"⟧ } }
      }
    }
  ]
}
`,
          'nested/vm.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "adminPassword": { "type": "securestring" } },
  "resources": []
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'inputAssigned',
        related: [{ file: 'nested/vm.json', line: 4, label: 'parameter "adminPassword"' }],
      },
      {
        // A link to a file that is not a template of the scan is linted nowhere with these values:
        // SEC001 reads the argument where it is written.
        name: 'parameter-of-a-relative-path-link-to-no-scanned-template',
        files: {
          'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "vm",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "relativePath": "nested/missing.json" },
        "parameters": { "adminPassword": { "value": ⟦"Tr0ub4dor&3horse"⟧ } }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'moduleArgument',
        messageIncludes: '(its template is not evaluated with it)',
      },
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
        messageId: 'inputAssigned',
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
        messageId: 'attribute',
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
        messageId: 'inputDefault',
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
        errors: [
          { messageId: 'armParameterTypedString' },
          { messageId: 'inputDefault' },
        ],
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
        messageId: 'armParameterTypedString',
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
        messageId: 'inputDefault',
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
        errors: [
          { messageId: 'armParameterTypedString' },
          { messageId: 'inputDefault' },
        ],
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
      // A param typed with a @secure() alias compiles to securestring.
      { name: 'secure-string-alias', files: { 'main.bicep': '@secure()\ntype secretStr = string\nparam clientSecret secretStr\n\noutput n int = length(clientSecret)\n' } },
    ],
    invalid: [
      {
        // A registry module (`br:`) without a local copy: its parameters are written here.
        name: 'parameter-of-a-registry-module',
        files: {
          'main.bicep': `@secure()
param sqlPassword string

module vm 'br/public:avm/res/compute/virtual-machine:0.5.0' = {
  name: 'vm'
  params: {
    adminPassword: ⟦'Sup3r-S3cret-Value'⟧
    sqlPassword: sqlPassword
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'moduleArgument',
      },
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
        errors: [
          { messageId: 'bicepParameterTypedString' },
          { messageId: 'inputDefault' },
        ],
      },
      // BICEP.md §4.9: `string?` compiles to a nullable "string", `sys.string` is string, and a
      // `type` alias of the file for string is string (unless the alias is @secure()).
      {
        name: 'nullable-string-param',
        files: { 'main.bicep': '⟦param storageAccessKey string?⟧\n\noutput n int = length(storageAccessKey ?? \'\')\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'bicepParameterTypedString',
      },
      {
        name: 'sys-string-param',
        files: { 'main.bicep': '⟦param clientSecret sys.string⟧\n\noutput n int = length(clientSecret)\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'bicepParameterTypedString',
      },
      {
        name: 'string-alias-param',
        files: { 'main.bicep': 'type plainStr = string\n⟦param clientSecret plainStr⟧\n\noutput n int = length(clientSecret)\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'bicepParameterTypedString',
      },
      {
        // A Bicep string in brackets is text (Bicep writes it as "[[…]" in JSON), not an ARM expression.
        name: 'secure-param-default-in-brackets',
        files: {
          'main.bicep': `
@secure()
param adminPassword string = ⟦'[Str0ngP@ss-2024]'⟧

output passwordLength int = length(adminPassword)
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'inputDefault',
      },
    ],
  },
};

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
        env: 'prod', // every variant reports it; the merged finding takes the prod variant's class (RULES.md "Variants")
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
      {
        // A local module whose file is missing is not read, but what it is passed is written here (review 112).
        name: 'literal-passed-to-a-missing-local-module',
        files: {
          'main.bicep': `
module vm 'modules/vm.bicep' = {
  name: 'vm'
  params: {
    adminPassword: ⟦'Tr0ub4dor&3horse'⟧
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'moduleArgument',
        messageIncludes: 'to module "vm" (not evaluated)',
      },
      {
        // A module read only up to a syntax error: an argument it does not declare (before the
        // error) is judged as an argument, one it declares as its input, once each (review 113).
        name: 'literals-passed-to-a-module-that-does-not-parse',
        files: {
          'main.bicep': `
module vm 'vm.bicep' = {
  name: 'vm'
  params: {
    adminPassword: ⟦'Tr0ub4dor&3horse'⟧
    sqlPassword: ⟦'C0rrect-H0rse-Battery'⟧
  }
}
`,
          'vm.bicep': '@secure()\nparam adminPassword string\nresource vm {\n',
        },
        parseError: true,
        level: 'error',
        env: 'unknown',
        messageIncludes: 'holds a literal secret',
      },
      {
        name: 'literal-passed-to-a-module-that-does-not-parse-is-said-so',
        files: {
          'main.bicep': `
module vm 'vm.bicep' = {
  name: 'vm'
  params: {
    sqlPassword: ⟦'C0rrect-H0rse-Battery'⟧
  }
}
`,
          'vm.bicep': 'resource vm {\n',
        },
        parseError: true,
        level: 'error',
        env: 'unknown',
        messageId: 'moduleArgument',
        messageIncludes: 'to module "vm" (read only up to a syntax error)',
      },
    ],
  },
};

const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const ARM_PARAMS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/**
 * RULES.md v2 (issue 11 item 8): the v2 placeholder list; object parameters are not secrets;
 * sample, example and template var/parameter files at warning; provider blocks; `secret_key`;
 * name/value secret blocks; literal defaults of secure parameters.
 */
const v2: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'v2-placeholders',
        files: {
          'main.tf': `
variable "admin_password" {
  default = "password"
}

variable "client_secret" {
  default = "SERVER-APP-SECRET-FROM-AZURE-AD"
}

variable "api_key" {
  default = "YOUR_API_KEY_HERE"
}

variable "sas_token" {
  default = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
}
`,
          'terraform.tfvars': `
admin_password = "test"
client_secret  = "secret"
api_key        = "REPLACE_ME"
sas_token      = "***"
`,
          'secrets.auto.tfvars': `
app_secrets = {
  first_secret  = "value1"
  second_secret = "value2"
  third_secret  = "value3"
}
`,
        },
      },
      {
        name: 'provider-credentials-from-variables-and-environment',
        files: {
          'main.tf': `
variable "client_secret" {
  sensitive = true
}

provider "azurerm" {
  features {}
  client_id     = "00000000-0000-0000-0000-000000000000"
  client_secret = var.client_secret
  use_oidc      = true
}
`,
        },
      },
      {
        name: 'secret-keys-that-name-map-entries',
        files: {
          'configuration.tfvars': `
vmware_private_clouds = {
  pc1 = {
    vcenter_password = {
      keyvault_key = "kv_rg1"
      secret_key   = "secret_key1"
    }
  }
}

app_services = {
  webapp1 = {
    auth_settings = {
      active_directory = {
        client_id_key     = "test_client"
        client_secret_key = "sp1"
      }
    }
  }
}

container_groups = {
  ghcr = {
    username_secret_key = "ghcr_username"
    password_secret_key = "ghcr_password"
  }
}
`,
        },
      },
      {
        name: 'secret-list-identifiers-and-credential-free-connection-strings',
        files: {
          'main.tf': `
resource "azurerm_linux_web_app" "app" {
  name                = "app-ml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/x/resourceGroups/rg-ml/providers/x/serverFarms/plan"

  site_config {}

  connection_string {
    name  = "Database"
    type  = "SQLServer"
    value = "Server=myserver;Integrated Security=SSPI"
  }
}
`,
          'config.auto.tfvars': `
key_vault = {
  secrets = [
    {
      name  = "AdminUsername"
      value = "hpcadmin"
    }
  ]
}
`,
        },
      },
      {
        name: 'name-value-blocks-without-secrets',
        files: {
          'main.tf': `
resource "azurerm_container_app" "app" {
  name                         = "ca-ml"
  resource_group_name          = "rg-ml"
  container_app_environment_id = "/subscriptions/x/resourceGroups/rg-ml/providers/x/managedEnvironments/cae"
  revision_mode                = "Single"

  secret {
    name                = "registry-password"
    key_vault_secret_id = "https://kv-ml.vault.azure.net/secrets/registry-password"
    identity            = "System"
  }

  template {
    container {
      name   = "scorer"
      image  = "mcr.microsoft.com/azureml/scorer:latest"
      cpu    = 0.5
      memory = "1Gi"

      env {
        name  = "LOG_LEVEL"
        value = "debug"
      }

      env {
        name        = "DB_PASSWORD"
        secret_name = "db-password"
      }
    }
  }
}
`,
        },
      },
      {
        // Locals that read a variable, call a function or hold a placeholder hold no literal secret.
        name: 'local-values-without-literal-secrets',
        files: {
          'main.tf': `
variable "db_password" {
  type      = string
  sensitive = true
}
locals {
  db_password     = var.db_password
  api_key         = random_password.k.result
  client_secret   = "\${var.db_password}"
  admin_password  = "changeme"
  password_length = 24
  secret_name     = "sql-admin-password"
}
`,
        },
      },
      {
        // Names of the state's place, an empty key given at init, and an OIDC sign-in: no secret.
        name: 'backend-block-without-literal-credentials',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "sttfstate"
    container_name       = "tfstate"
    key                  = "prod.terraform.tfstate"
    access_key           = ""
    use_oidc             = true
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // A var file named for an environment after the extension (`terraform.tfvars.prod`) is read as one (review 112).
        name: 'environment-suffixed-var-file',
        files: {
          'main.tf': 'variable "admin_password" {\n  type      = string\n  sensitive = true\n}\n',
          'terraform.tfvars.prod': 'admin_password = ⟦"Tr0ub4dor&3horse"⟧\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'inputAssigned',
      },
      {
        name: 'provider-block-client-secret',
        files: {
          'main.tf': `
provider "azurerm" {
  features {}
  subscription_id = "00000000-0000-0000-0000-000000000000"
  client_id       = "11111111-1111-1111-1111-111111111111"
  client_secret   = ⟦"Q7x8Q~kT0pSecretValue.Real-1"⟧
  tenant_id       = "22222222-2222-2222-2222-222222222222"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'providerAttribute',
        messageIncludes: '"client_secret" of provider "azurerm"',
        mustNotShow: ['Q7x8Q~kT0pSecretValue.Real-1'],
        related: [{ file: 'main.tf', line: 1, label: 'provider "azurerm"' }],
      },
      {
        name: 'provider-block-access-key-and-secret-key',
        files: {
          'main.tf': `
provider "aws" {
  access_key = ⟦"AKIAIOSFODNN7EXAMPLE"⟧
  secret_key = ⟦"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMAAAKEY"⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'providerAttribute',
      },
      {
        // A secret written in a local value, whole or under a key; one a resource reads is reported once, in the resource's words (review 57).
        name: 'local-values-holding-literal-secrets',
        files: {
          'main.tf': `
locals {
  db_password = ⟦"Sup3r-S3cret-Value!"⟧
  settings = {
    api_key = ⟦"AbC123xyz987QwE"⟧
    name    = "ml"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        message: /local value "(?:db_password|settings)"/i,
        mustNotShow: ['Sup3r-S3cret-Value!', 'AbC123xyz987QwE'],
      },
      {
        // The backend's storage key or SAS token opens the state file, and every secret in it.
        name: 'backend-block-access-key-and-sas-token',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {
    storage_account_name = "sttfstate"
    container_name       = "tfstate"
    key                  = "prod.tfstate"
    access_key           = ⟦"k8Fj3lQ9pZ2xV7mN4bR6tY1uI0oP5aS8dF3gH6jK9lM2nB4vC7xZ1qW5eR8tY0uI3oP=="⟧
    sas_token            = ⟦"sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2030-01-01&sig=AbCdEf0123456789"⟧
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'backendAttribute',
        messageIncludes: 'of backend "azurerm"',
        mustNotShow: ['k8Fj3lQ9pZ2xV7mN4bR6tY1uI0oP5aS8dF3gH6jK9lM2nB4vC7xZ1qW5eR8tY0uI3oP=='],
        related: [{ file: 'main.tf', line: 2, label: 'backend "azurerm"' }],
      },
      {
        name: 'name-value-secret-blocks',
        files: {
          'main.tf': `
resource "azurerm_container_app" "app" {
  name                         = "ca-ml"
  resource_group_name          = "rg-ml"
  container_app_environment_id = "/subscriptions/x/resourceGroups/rg-ml/providers/x/managedEnvironments/cae"
  revision_mode                = "Single"

  secret {
    name  = "registry-credential"
    value = ⟦"Rg9-Acr-Pull-Token-4471"⟧
  }

  template {
    container {
      name   = "scorer"
      image  = "mcr.microsoft.com/azureml/scorer:latest"
      cpu    = 0.5
      memory = "1Gi"

      env {
        name  = "DB_PASSWORD"
        value = ⟦"Pg-Scorer-2024!"⟧
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
        errors: [{ messageIncludes: '"registry-credential" of "ca-ml"' }, { messageIncludes: '"DB_PASSWORD" of "ca-ml"' }],
        mustNotShow: ['Rg9-Acr-Pull-Token-4471', 'Pg-Scorer-2024!'],
      },
      {
        name: 'secret-key-attribute',
        files: {
          'main.tf': `
resource "azurerm_linux_function_app" "fn" {
  name                = "fn-ml"
  resource_group_name = "rg-ml"
  location            = "westeurope"

  app_settings = {
    SECRET_KEY = ⟦"n3w-S3cr3t-K3y-Value"⟧
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
      {
        // A var file to copy and fill in, named so (`terraform.tfvars.example`): Terraform never
        // reads it, but its secret is in the repository (review 57: it was not read at all).
        name: 'var-file-example-copy-warns',
        files: {
          'main.tf': 'variable "client_secret" {}\n',
          'terraform.tfvars.example': 'client_secret = ⟦"s3cr3t-Value-9x"⟧\nlocation      = "westeurope"\n',
          // Placeholders that are no HCL: listed as not read (--verbose), no PARSE001.
          'prod.tfvars.sample': 'client_secret = <your secret>\n',
          // Replace-tokens tokens are placeholders (self-review 65).
          'dev.tfvars.template': 'sas_token  = "%SAS_TOKEN%"\naccess_key = "@@ACCESS_KEY@@"\n',
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'varFile',
        messageIncludes: '"client_secret" in terraform.tfvars.example',
      },
      {
        name: 'sample-var-files-warn',
        errors: [{}, {}, { env: 'nonprod' }], // templates/dev.tfvars: "dev" is an environment word
        files: {
          'main.tf': `
variable "admin_password" {
  sensitive = true
}

variable "location" {}
`,
          'environments/sample.tfvars': `
admin_password = ⟦"Az-Sample-Pa55!"⟧
`,
          'templates/dev.tfvars': `
admin_password = ⟦"Az-Template-Pa55!"⟧
`,
          'examples/basic/config.tfvars': `
db_password = ⟦"Az-Example-Pa55!"⟧
`,
        },
        level: 'warning',
        env: 'unknown',
      },
      {
        name: 'real-var-file-stays-an-error',
        files: {
          'main.tf': `
variable "admin_password" {
  sensitive = true
}
`,
          'environments/prod.tfvars': `
admin_password = ⟦"Az-Pr0d-Pa55!"⟧
`,
        },
        level: 'error',
        env: 'prod',
        messageId: 'inputAssigned',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'object-parameter-read-by-property',
        files: {
          'azuredeploy.json': `
{
  "$schema": "${ARM_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "keyvaultSecrets": { "type": "string" },
    "clientSecrets": { "type": "object", "defaultValue": {} }
  },
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "[parameters('keyvaultSecrets').keyVaultName]",
      "location": "[parameters('keyvaultSecrets').location]",
      "properties": {
        "tenantId": "[parameters('keyvaultSecrets').tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "enableRbacAuthorization": true
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'v2-placeholders-in-parameters',
        files: {
          'azuredeploy.json': `
{
  "$schema": "${ARM_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "AAD_ServerAppSecret": { "type": "securestring" },
    "secretsArray": {
      "type": "array",
      "defaultValue": [
        { "secretName": "secret1", "secretValue": "value1" },
        { "secretName": "secret2", "secretValue": "value2" },
        { "secretName": "secret3", "secretValue": "value3" }
      ]
    }
  },
  "resources": []
}
`,
          'azuredeploy.parameters.json': `
{
  "$schema": "${ARM_PARAMS_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "AAD_ServerAppSecret": { "value": "SERVER-APP-SECRET-FROM-AZURE-AD" }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'secure-parameter-literal-defaults',
        files: {
          'azuredeploy.json': `
{
  "$schema": "${ARM_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "deploymentToken": { "type": "securestring", "defaultValue": ⟦"tk-9f2c1a7e"⟧ },
    "adminPassword": { "type": "securestring", "defaultValue": ⟦"password"⟧ },
    "emptyToken": { "type": "securestring", "defaultValue": "" }
  },
  "resources": []
}
`,
        },
        level: 'error',
        env: 'unknown',
        errors: [{ messageId: 'secureDefault' }, { messageId: 'inputDefault' }],
      },
      {
        name: 'app-settings-name-value',
        files: {
          'azuredeploy.json': `
{
  "$schema": "${ARM_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Web/sites",
      "apiVersion": "2022-09-01",
      "name": "app-ml",
      "location": "westeurope",
      "properties": {
        "siteConfig": {
          "appSettings": [
            { "name": "WEBSITE_RUN_FROM_PACKAGE", "value": "1" },
            { "name": "STORAGE_ACCESS_KEY", "value": ⟦"c3RvcmFnZS1rZXktdmFsdWU="⟧ }
          ]
        }
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
        messageIncludes: '"STORAGE_ACCESS_KEY" of "app-ml"',
      },
      {
        name: 'example-parameter-file-warns',
        files: {
          'azuredeploy.json': `
{
  "$schema": "${ARM_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": { "type": "securestring" }
  },
  "resources": []
}
`,
          'azuredeploy.parameters.example.json': `
{
  "$schema": "${ARM_PARAMS_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": { "value": ⟦"Ex4mple-Pa55!"⟧ }
  }
}
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'inputAssigned',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'object-parameter-read-by-property',
        files: {
          'main.bicep': `
param keyvaultSecrets string

output vaultName string = keyvaultSecrets.keyVaultName
`,
        },
      },
    ],
    invalid: [
      {
        name: 'secure-parameter-literal-default',
        files: {
          'main.bicep': `
@secure()
param deploymentToken string = ⟦'tk-9f2c1a7e'⟧

output tokenLength int = length(deploymentToken)
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'secureDefault',
      },
      {
        name: 'sample-bicepparam-warns',
        files: {
          'main.bicep': `
@secure()
param adminPassword string

output passwordLength int = length(adminPassword)
`,
          'main.sample.bicepparam': `
using 'main.bicep'

param adminPassword = ⟦'Bicep-Sample-Pa55!'⟧
`,
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'inputAssigned',
      },
      // RULES.md SEC001 "parameter file value": a .bicepparam no evaluation applies (a `using none`
      // base that nothing extends, a `using` target that does not exist) is read on its own.
      {
        name: 'bicepparam-using-none-that-nothing-extends',
        files: { 'base.bicepparam': "using none\nparam adminPassword = ⟦'Qz7!kLw2pX'⟧\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
      },
      {
        // A lone file that extends a lone base: the base's value is reported once, in the base's words.
        name: 'bicepparam-lone-child-extends-lone-base',
        files: {
          'zbase.bicepparam': "using none\nparam adminPassword = ⟦'Qz7!kLw2pX'⟧\n",
          'achild.bicepparam': "using 'missing.bicep'\nextends 'zbase.bicepparam'\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
        messageIncludes: 'in zbase.bicepparam',
      },
      {
        name: 'bicepparam-whose-template-is-missing',
        files: { 'prod.bicepparam': "using './nothere.bicep'\nparam adminPassword = ⟦'Qz7!kLw2pX'⟧\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
      },
    ],
  },
};

// Conformance round (c-conf2): an ARM parameter file no template takes (the template lives
// elsewhere, or is linked) was never read; its literal secret is reported as a var file's.
// RULES.md SEC001: "… or ARM parameter defaultValue/parameter file value whose name looks
// secret"; "In a var or parameter file whose name or folder says sample … the level is warning".
const PARAMS = (value: string): string => `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "vmName": { "value": "vm-ml" },
    "adminPassword": { "value": ${value} },
    "sqlPassword": { "reference": { "keyVault": { "id": "/subscriptions/x/kv" }, "secretName": "sql" } }
  }
}
`;
/** A template that declares only `vmName` (the parameter files above also assign `adminPassword`). */
const UNDECLARING_TEMPLATE = `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "vmName": { "type": "string" } },
  "resources": []
}
`;
const loneParameterFiles: RuleTable = {
  arm: {
    valid: [
      { name: 'lone-parameter-file-placeholder', files: { 'deploy/azuredeploy.parameters.json': PARAMS('"<your password>"') } },
    ],
    invalid: [
      {
        name: 'lone-parameter-file-literal',
        files: { 'deploy/azuredeploy.parameters.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧') },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
        mustNotShow: ['Pr0d-Passw0rd!'],
      },
      {
        // Named for main.bicep beside it: the Bicep front end evaluates it; reported once, as its value.
        name: 'parameter-file-of-a-bicep-is-reported-once',
        files: {
          'infra/main.bicep': `
@secure()
param adminPassword string
param vmName string
`,
          'infra/main.parameters.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'inputAssigned',
      },
      {
        // In a folder below whose name says nothing about parameters: no template takes it.
        name: 'parameter-file-below-a-bicep-read-on-its-own',
        files: {
          'infra/main.bicep': `
@secure()
param adminPassword string
param vmName string
`,
          'infra/config/main.parameters.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
      },
      {
        // In a parameter folder (`env/`) below the .bicep: the file pairs with it (eval/arm/detect.ts), and
        // the literal is assigned to the @secure() parameter.
        name: 'parameter-file-in-a-parameter-folder-below-a-bicep-pairs-with-it',
        files: {
          'infra/main.bicep': `
@secure()
param adminPassword string
param vmName string
`,
          'infra/env/main.parameters.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'inputAssigned',
      },
      {
        name: 'lone-parameter-file-in-samples-is-a-warning',
        files: { 'samples/azuredeploy.parameters.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧') },
        level: 'warning',
        env: 'unknown',
        messageId: 'varFile',
      },
      // RULES.md SEC001 "parameter file value" (review 119): a parameter file a template takes may
      // assign a parameter the template does not declare; the literal is in the repository all the same.
      {
        name: 'parameter-file-value-of-a-parameter-the-template-does-not-declare',
        files: {
          'deploy/azuredeploy.json': UNDECLARING_TEMPLATE,
          'deploy/azuredeploy.parameters.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
        messageIncludes: '"adminPassword" in azuredeploy.parameters.json holds a literal secret',
        mustNotShow: ['Pr0d-Passw0rd!'],
      },
      {
        name: 'prod-parameter-file-value-of-a-parameter-the-template-does-not-declare',
        files: {
          'deploy/azuredeploy.json': UNDECLARING_TEMPLATE,
          'deploy/azuredeploy.parameters.prod.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧'),
        },
        level: 'error',
        env: 'prod',
        messageId: 'varFile',
      },
      {
        // The JSON parameter file of a `.bicep` file, which does not declare the parameter.
        name: 'bicep-parameter-file-value-of-a-parameter-the-bicep-does-not-declare',
        files: {
          'infra/main.bicep': 'param vmName string\noutput name string = vmName\n',
          'infra/main.parameters.json': PARAMS('⟦"Pr0d-Passw0rd!"⟧'),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
        messageIncludes: '"adminPassword" in main.parameters.json',
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'bicepparam-value-of-a-parameter-the-bicep-does-not-declare',
        files: {
          'infra/main.bicep': '@secure()\nparam adminPassword string\noutput n int = length(adminPassword)\n',
          'infra/dev.bicepparam': "using 'main.bicep'\nparam adminPassword = readEnvironmentVariable('ADMIN_PASSWORD')\nparam jumpboxAdminPassword = ⟦'Xyz@12345678'⟧\n",
        },
        level: 'error',
        env: 'nonprod',
        messageId: 'varFile',
        messageIncludes: '"jumpboxAdminPassword" in dev.bicepparam',
      },
      {
        // A .bicepparam binds names as written: `ADMINPASSWORD` is no value of `adminPassword` (review 120).
        name: 'bicepparam-value-of-a-name-that-differs-from-a-declared-one-in-case',
        files: {
          'infra/main.bicep': '@secure()\nparam adminPassword string\noutput n int = length(adminPassword)\n',
          'infra/main.bicepparam': "using 'main.bicep'\nparam adminPassword = readEnvironmentVariable('ADMIN_PASSWORD')\nparam ADMINPASSWORD = ⟦'Sup3r-S3cret-Val!'⟧\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'varFile',
        messageIncludes: '"ADMINPASSWORD" in main.bicepparam',
      },
      {
        // A sample to copy: a warning, as its declared values are.
        name: 'sample-bicepparam-value-of-a-parameter-the-bicep-does-not-declare',
        files: {
          'infra/main.bicep': 'param location string = \'eastus\'\noutput l string = location\n',
          'infra/main.example.bicepparam': "using 'main.bicep'\nparam jumpboxAdminPassword = ⟦'Xyz@12345678'⟧\n",
        },
        level: 'warning',
        env: 'unknown',
        messageId: 'varFile',
      },
    ],
  },
};

const numberedNames: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        // Two VMs, two admin passwords: the number does not make the name less secret.
        name: 'numbered-secret-variable-default',
        files: {
          'main.tf': `
variable "vm_admin_password_2" {
  type    = string
  default = ⟦"Str0ng!Passw0rd"⟧
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'inputDefault',
      },
    ],
  },
};

// Stubs that say what belongs there, in the spirit of RULES.md's `password`, `***` and
// `value1` … `valueN`: a value that repeats its own name, and a run of `#` (a redaction mark
// like `***`). A real value beside them is still reported.
const stubValues: RuleTable = {
  arm: {
    valid: [
      {
        name: 'values-that-repeat-their-name-or-are-redacted',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Web/sites",
      "apiVersion": "2022-09-01",
      "name": "app-demo",
      "location": "westeurope",
      "properties": {
        "siteConfig": {
          "connectionStrings": [
            { "name": "db", "connectionString": "connectionString1", "type": "SQLAzure" },
            { "name": "cache", "connectionString": "####################", "type": "Custom" }
          ]
        }
      }
    },
    {
      "type": "Microsoft.DataLakeAnalytics/accounts/storageAccounts",
      "apiVersion": "2016-11-01",
      "name": "adla/store",
      "properties": { "accessKey": "accessKey" }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'a-real-value-beside-stubs',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DataLakeAnalytics/accounts/storageAccounts",
      "apiVersion": "2016-11-01",
      "name": "adla/store",
      "properties": { "accessKey": ⟦"q8Zr2accessKeyX0"⟧ }
    },
    {
      "type": "Microsoft.DataLakeAnalytics/accounts/storageAccounts",
      "apiVersion": "2016-11-01",
      "name": "adla/other",
      "properties": { "accessKey": "access_key_2" }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
    ],
  },
  terraform: {
    valid: [
      {
        name: 'variable-default-that-repeats-its-name',
        files: {
          'main.tf': `
variable "storage_access_key" {
  type    = string
  default = "storage-access-key"
}
`,
        },
      },
    ],
    invalid: [
      {
        // A one-word name numbered is a weak password, not a stub.
        name: 'numbered-one-word-name-is-a-secret',
        files: {
          'main.tf': `
resource "azurerm_container_group" "ci" {
  name                = "ci-demo"
  location            = "westeurope"
  resource_group_name = "rg"
  os_type             = "Linux"
  image_registry_credential {
    server   = "registry.example.com"
    username = "pull"
    password = ⟦"Password123"⟧
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'attribute',
      },
    ],
  },
};


// A secret written once and read in every variant is one finding with every variant listed, in
// the words and fingerprint of its most production-like variant: before, only the first variant
// (dev.tfvars) reported it, so a baseline written with prod.tfvars alone stopped matching once
// dev.tfvars was added beside it.
const acrossVariants: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'default-secret-read-by-a-dev-and-a-prod-variant',
        files: {
          'main.tf': `
variable "environment" {
  type = string
}
variable "admin_password" {
  type    = string
  default = ⟦"S3cr3tP4ssw0rdXyz"⟧
}
resource "azurerm_container_registry" "r" {
  name                = "acr1"
  location            = "westeurope"
  resource_group_name = "rg"
  sku                 = "Premium"
  tags                = { env = var.environment }
}
`,
          'dev.tfvars': 'environment = "dev"\n',
          'prod.tfvars': 'environment = "prod"\n',
        },
        level: 'error',
        env: 'prod',
        messageId: 'inputDefault',
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'secure-default-read-by-a-dev-and-a-prod-parameter-file',
        files: {
          'main.bicep': `
param environment string
@secure()
param adminPassword string = ⟦'S3cr3tP4ssw0rdXyz'⟧

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-\${environment}'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
`,
          'main.dev.bicepparam': "using 'main.bicep'\nparam environment = 'dev'\n",
          'main.prod.bicepparam': "using 'main.bicep'\nparam environment = 'prod'\n",
        },
        level: 'error',
        env: 'prod',
        messageId: 'inputDefault',
      },
    ],
  },
};

// Review 125: a compute file's ssh_settings.admin_password is the same literal in the repository
// (azureml-examples cli/resources/compute/cluster-ssh-password.yml); the rule's formats say so, and
// its fix fits the ML CLI (no secure parameter there).
const azuremlYaml: RuleTable = {
  'azureml-yaml': {
    valid: [
      {
        name: 'ssh-key-only',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: ssh-example
type: amlcompute
size: Standard_DS3_v2
ssh_settings:
  admin_username: azureuser
  ssh_key_value: ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDWm azureuser@host
`,
        },
      },
      {
        name: 'password-given-at-deploy-time',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: ssh-example
type: amlcompute
size: Standard_DS3_v2
ssh_settings:
  admin_username: azureuser
  admin_password: <your-password>
`,
        },
      },
    ],
    invalid: [
      {
        name: 'literal-admin-password',
        files: {
          'cluster.yml': `
$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
name: ssh-example
type: amlcompute
size: Standard_DS3_v2
ssh_settings:
  admin_username: azureuser
  admin_password: ⟦Sup3rS3cret!x⟧
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'azuremlAttribute',
        message: '"admin_password" of "ssh-example" holds a literal secret (value not shown); remove the literal, rotate the secret and read it at deploy time from Key Vault or a CI secret (az ml … --set with a variable).',
      },
    ],
  },
};

ruleTester('SEC001', converted, parameters, v2, loneParameterFiles, numberedNames, stubValues, acrossVariants, azuremlYaml);

describe('SEC001: a block one variant deploys and another does not (count = 0)', () => {
  const { tree, cleanup } = tempTrees('mil-sec001-inert-');
  afterAll(() => cleanup());
  it('is the finding of the variant that deploys it: its address, class and fingerprint (review 131)', async () => {
    const main = 'variable "on" {\n  default = false\n}\nresource "azurerm_linux_virtual_machine" "vm" {\n  count          = var.on ? 1 : 0\n  name           = "vm1"\n  admin_username = "azureuser"\n  admin_password = "Sup3rS3cret!Pass"\n}\n';
    const both = tree({ 'main.tf': main, 'dev.tfvars': 'on = true\n', 'prod.tfvars': 'on = false\n' });
    const devOnly = tree({ 'main.tf': main, 'dev.tfvars': 'on = true\n' });
    const run = async (dir: string) => (await lint({ paths: [dir], root: dir, rules: ['SEC001'], noConfig: true })).findings;
    const [a] = await run(both);
    const [b] = await run(devOnly);
    expect([a!.address, a!.env, a!.variants]).toEqual(['azurerm_linux_virtual_machine.vm[0]', 'nonprod', ['dev.tfvars', 'prod.tfvars']]);
    expect(a!.fingerprint).toBe(b!.fingerprint);
  });

  it('with no instance in any variant, is the most production-like variant\'s, whatever other var files there are (review 132)', async () => {
    const main = 'variable "on" {\n  default = false\n}\nresource "azurerm_linux_virtual_machine" "vm" {\n  count          = var.on ? 1 : 0\n  name           = "vm1"\n  admin_username = "azureuser"\n  admin_password = "Sup3rS3cret!Pass"\n}\n';
    const run = async (dir: string) => (await lint({ paths: [dir], root: dir, rules: ['SEC001'], noConfig: true })).findings;
    const [both] = await run(tree({ 'main.tf': main, 'dev.tfvars': 'on = false\n', 'prod.tfvars': 'on = false\n' }));
    const [prodOnly] = await run(tree({ 'main.tf': main, 'prod.tfvars': 'on = false\n' }));
    expect([both!.env, both!.variants]).toEqual(['prod', ['prod.tfvars']]);
    expect(both!.fingerprint).toBe(prodOnly!.fingerprint);
  });

  it('a module call with no instance in two variants that pass it two literals: both (review 132)', async () => {
    const dir = tree({
      'main.tf': 'variable "on" {\n  default = false\n}\nvariable "pass" {\n  type = string\n}\nmodule "vm" {\n  source         = "./modules/vm"\n  count          = var.on ? 1 : 0\n  admin_password = var.pass\n}\n',
      'modules/vm/main.tf': 'variable "admin_password" {\n  type = string\n}\nresource "azurerm_linux_virtual_machine" "vm" {\n  name           = "vm"\n  admin_password = var.admin_password\n}\n',
      'dev.tfvars': 'pass = "Dev-Secret-Pass1!"\n',
      'prod.tfvars': 'pass = "Prod-Secret-Pass1!"\n',
    });
    const found = (await lint({ paths: [dir], root: dir, rules: ['SEC001'], noConfig: true })).findings;
    expect(found.map((f) => `${f.location.file.slice(dir.length + 1)}:${f.location.range.start.line} ${f.env}`).sort()).toEqual(['dev.tfvars:1 nonprod', 'prod.tfvars:1 prod']);
  });
});

describe('SEC001 matchers', () => {
  it('matches secret-looking names, also camelCase, and not their metadata', () => {
    for (const n of ['password', 'admin_password', 'adminPassword', 'ADMIN_PASSWORD', 'client_secret', 'clientSecret', 'storage_access_key', 'accessKey', 'primary_connection_string', 'connectionString', 'sas_token', 'sasToken', 'SASToken', 'api_key', 'apiKey', 'APIKey', 'apikey', 'dbpassword', 'secret', 'secrets', 'administrator_login_password', 'password_value', 'secret_key', 'secretKey', 'SECRET_KEY', 'secretkey'])
      expect(looksSecret(n), n).toBe(true);
    for (const n of ['secret_name', 'secretName', 'key_vault_secret_id', 'password_length', 'secret_permissions', 'disable_password_authentication', 'client_id', 'access_policy', 'key_name', 'api_version', 'connection_timeout', 'token_lifetime', 'name', 'secretKeyRef', 'secret_key_name'])
      expect(looksSecret(n), n).toBe(false);
  });

  // Conformance round (c-conf2): a number only tells secrets apart; its words decide.
  it('matches numbered secret names, not numbered metadata', () => {
    for (const n of ['password_1', 'password1', 'adminPassword2', 'client_secret_2', 'api_key_2', 'apiKey2', 'sql_password_01', 'secret3'])
      expect(looksSecret(n), n).toBe(true);
    for (const n of ['password_length_2', 'secret_name_1', 'key_vault_secret_id2', 'sha256', 'tls12', 'key1_name'])
      expect(looksSecret(n), n).toBe(false);
  });

  it('ignores placeholders and references', () => {
    for (const v of ['', '  ', 'changeme', 'CHANGEME', 'change-me', 'change_me', 'replace-me', 'REPLACE_ME', '<password>', '<your-secret-here>', 'TODO', 'todo', 'xxx', 'XXXXXXXX', '****', '********', '${DB_PASSWORD}', 'pre${X}post', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)', 'https://kv.vault.azure.net/secrets/x/1', "[parameters('x')]", '#{DbPassword}#', '__DB_PASSWORD__', '$(DbPassword)', '{{ db_password }}'])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(true);
    // RULES.md v2 additions.
    for (const v of ['SERVER-APP-SECRET-FROM-AZURE-AD', 'YOUR_PASSWORD_HERE', 'REPLACE_ME', 'ENTER YOUR KEY', 'value1', 'Value12', 'xxxx-xxxx', 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', '***', 'password', 'Secret', 'TEST'])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(true);
    for (const v of ['S3cr3t!', 'hunter2', 'changeme123', 'P@ssw0rd', 'xx', 'xyz', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=b==', 'AKIAIOSFODNN7EXAMPLE', 'VALUE', 'value', 'passwords1', 'test123', 'SECRET-2024'])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(false);
  });

  it('tells a secret key from the key that names a secret', () => {
    for (const [n, v] of [['secret_key', 'secret_key1'], ['client_secret_key', 'sp1'], ['password_secret_key', 'ghcr_password'], ['secretKey', 'kv-admin']]) expect(namesKey(n, v), `${n}=${v}`).toBe(true);
    for (const [n, v] of [['secret_key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMAAAKEY'], ['secret_key', 'Sup3rS3cret'], ['password', 'hunter'], ['access_key', 'abc']]) expect(namesKey(n, v), `${n}=${v}`).toBe(false);
  });

  it('counts the bare words as values where a secure parameter\'s default holds them', () => {
    for (const v of ['password', 'secret', 'test']) expect(isPlaceholder(v, { bareWords: false }), v).toBe(false);
    for (const v of ['', 'changeme', '<set-me>', 'REPLACE_ME', 'value1']) expect(isPlaceholder(v, { bareWords: false }), v).toBe(true);
  });

  it('reads sample, example and template in file and folder names, as words', () => {
    for (const p of ['sample.tfvars', 'environments/sample.tfvars', 'examples/basic/terraform.tfvars', 'azuredeploy.parameters.example.json', 'templates/prod.tfvars', 'main.sample.bicepparam', 'infra/SampleParams/dev.json', 'quickstart-templates/a.json'])
      expect(isSamplePath(p), p).toBe(true);
    for (const p of ['prod.tfvars', 'environments/dev.tfvars', 'exampleapp/terraform.tfvars', 'resampled/x.tfvars', 'templated.tfvars'])
      expect(isSamplePath(p), p).toBe(false);
  });
});

/**
 * Review 107: a sample var file is told by the folders from its repository's top (the nearest
 * folder with a `.git`), as TF001's demonstration roots are: linted from inside `examples/basic`
 * (the CLI makes the current folder the root), it is the warning a scan of the repository gives.
 */
describe('SEC001: a sample var file whatever folder the scan starts from', () => {
  const { tree, cleanup } = tempTrees('mil-sec001-sample-');
  afterAll(cleanup);
  const FILES = {
    'examples/basic/main.tf': 'variable "admin_password" {\n  sensitive = true\n}\n',
    'examples/basic/terraform.tfvars': 'admin_password = "Az-Example-Pa55!"\n',
  };
  const levels = async (root: string): Promise<string[]> =>
    (await lint({ paths: [root], root, rules: ['SEC001'], noConfig: true })).findings.map((f) => `${f.level} ${path.relative(root, f.location.file)}`);

  it('linted from inside the example folder of a repository: a warning, as from the top', async () => {
    const repo = tree({ '.git/HEAD': 'ref: refs/heads/main\n', ...FILES });
    expect(await levels(repo)).toEqual(['warning examples/basic/terraform.tfvars']);
    expect(await levels(path.join(repo, 'examples/basic'))).toEqual(['warning terraform.tfvars']);
    // Without a repository, the folders from the scan root decide, as before.
    const alone = tree(FILES);
    expect(await levels(path.join(alone, 'examples/basic'))).toEqual(['error terraform.tfvars']);
  });

  it('a checkout under an examples folder has no sample files by that name', async () => {
    const dir = tree({ 'examples/repo/.git/HEAD': 'ref: refs/heads/main\n', 'examples/repo/main.tf': FILES['examples/basic/main.tf'], 'examples/repo/terraform.tfvars': FILES['examples/basic/terraform.tfvars'] });
    expect((await lint({ paths: [path.join(dir, 'examples/repo')], root: dir, rules: ['SEC001'], noConfig: true })).findings.map((f) => f.level)).toEqual(['error']);
  });
});

// ARM binds parameter names without case, the last spelling winning: the entry it overrides is
// still a literal in the file (review 120).
describe('SEC001: a parameter file entry another spelling of its name overrides', () => {
  const trees = tempTrees('mil-sec001-dupcase-');
  afterAll(() => trees.cleanup());
  it('both literals are reported: the overridden one as the file\'s value, the bound one as the parameter\'s', async () => {
    const dir = trees.tree({
      'azuredeploy.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "adminPassword": { "type": "securestring" } },\n  "resources": []\n}\n',
      'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "adminPassword": { "value": "First-S3cret-Val!" },\n    "ADMINPASSWORD": { "value": "Second-S3cret-Val!" }\n  }\n}\n',
    });
    const r = await lintTree(dir, ['SEC001']);
    expect(r.briefs).toEqual(['SEC001 error inputAssigned azuredeploy.parameters.json:6:33', 'SEC001 error varFile azuredeploy.parameters.json:5:33']);
  });
});
