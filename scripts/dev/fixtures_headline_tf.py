import sys; sys.path.insert(0, 'scripts/dev')
from fixture import case
F = 'fixtures'
PROV = 'terraform {\n  backend "azurerm" {}\n}\n\nprovider "azurerm" {\n  features {}\n}\n'

WS = '''resource "azurerm_machine_learning_workspace" "ws" {
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
%s
  identity {
    type = "SystemAssigned"
  }
}
'''
# ---------------- AML001
case(f'{F}/AML001/terraform/bad/explicit-true', {'main.tf': WS % '  public_network_access_enabled = true'}, [('main.tf', 'true', 1, 'warning')])
case(f'{F}/AML001/terraform/bad/absent-default', {'main.tf': WS % ''}, [('main.tf', 'resource', 1, 'warning')])
case(f'{F}/AML001/terraform/bad/prod-tfvars-variant', {
  'main.tf': 'variable "public_access" {\n  type    = bool\n  default = false\n}\n\n' + WS % '  public_network_access_enabled = var.public_access',
  'environments/prod.tfvars': 'public_access = true\n',
  'environments/dev.tfvars': 'public_access = false\n',
}, [('environments/prod.tfvars', 'true', 1, 'error')])
case(f'{F}/AML001/terraform/bad/nonprod-tfvars-note', {
  'main.tf': 'variable "public_access" {\n  type = bool\n}\n\n' + WS % '  public_network_access_enabled = var.public_access',
  'dev.tfvars': 'public_access = true\n',
}, [('dev.tfvars', 'true', 1, 'note')])
case(f'{F}/AML001/terraform/bad/variable-default', {
  'main.tf': 'variable "ws_public" {\n  type    = bool\n  default = true\n}\n\n' + WS % '  public_network_access_enabled = var.ws_public',
}, [('main.tf', 'true', 1, 'warning')])
case(f'{F}/AML001/terraform/bad/module-argument', {
  'main.tf': PROV + '\nmodule "workspace" {\n  source        = "./modules/workspace"\n  public_access = true\n}\n',
  'modules/workspace/main.tf': 'variable "public_access" {\n  type = bool\n}\n\n' + WS % '  public_network_access_enabled = var.public_access',
}, [('main.tf', 'true', 1, 'warning')])
case(f'{F}/AML001/terraform/bad/env-variable-prod', {
  'main.tf': 'variable "environment" {\n  default = "prod"\n}\n\n' + WS % '',
}, [('main.tf', 'resource', 1, 'error')])
case(f'{F}/AML001/terraform/good/disabled', {'main.tf': WS % '  public_network_access_enabled = false'})
case(f'{F}/AML001/terraform/good/unknown-from-data-source', {
  'main.tf': 'data "azurerm_client_config" "current" {}\n\n' + WS % '  public_network_access_enabled = data.azurerm_client_config.current.object_id == "x"',
})
case(f'{F}/AML001/terraform/good/unknown-variable', {
  'main.tf': 'variable "public_access" {\n  type = bool\n}\n\n' + WS % '  public_network_access_enabled = var.public_access',
})
case(f'{F}/AML001/terraform/good/dev-tfvars-false', {
  'main.tf': 'variable "public_access" {\n  type = bool\n}\n\n' + WS % '  public_network_access_enabled = var.public_access',
  'environments/prod.tfvars': 'public_access = false\n', 'environments/dev.tfvars': 'public_access = false\n',
})

AZAPI_WS = '''resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw-demo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      friendlyName = "demo"
%s
    }
  }
}
'''
case(f'{F}/AML001/azapi/bad/enabled', {'main.tf': AZAPI_WS % '      publicNetworkAccess = "Enabled"'}, [('main.tf', '"Enabled"', 1, 'warning')])
case(f'{F}/AML001/azapi/bad/absent-default', {'main.tf': AZAPI_WS % ''}, [('main.tf', 'resource', 1, 'warning')])
case(f'{F}/AML001/azapi/bad/jsonencode-body', {'main.tf': (AZAPI_WS % '      publicNetworkAccess = "Enabled"').replace('body = {', 'body = jsonencode({').replace('    }\n  }\n}', '    }\n  })\n}')}, [('main.tf', '"Enabled"', 1, 'warning')])
case(f'{F}/AML001/azapi/good/disabled', {'main.tf': AZAPI_WS % '      publicNetworkAccess = "Disabled"'})

# ---------------- KV001
KV = '''resource "azurerm_key_vault" "kv" {
  name                = "kv-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
%s}
'''
case(f'{F}/KV001/terraform/bad/explicit-false-prod', {'main.tf': KV % '  purge_protection_enabled = false\n'}, [('main.tf', 'false', 1, 'error')], options={'env': 'prod'})
case(f'{F}/KV001/terraform/bad/absent-unknown-env', {'main.tf': KV % ''}, [('main.tf', 'resource', 1, 'warning')])
case(f'{F}/KV001/terraform/bad/prod-tag', {'main.tf': KV % '  tags = {\n    environment = "Production"\n  }\n'}, [('main.tf', 'resource', 1, 'error')])
case(f'{F}/KV001/terraform/good/enabled', {'main.tf': KV % '  purge_protection_enabled = true\n'})
case(f'{F}/KV001/terraform/good/nonprod-no-finding', {'main.tf': 'variable "env" {\n  default = "dev"\n}\n\n' + KV % ''})
case(f'{F}/KV001/azapi/bad/absent', {'main.tf': '''resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      tenantId = "00000000-0000-0000-0000-000000000000"
      sku      = { family = "A", name = "standard" }
    }
  }
}
'''}, [('main.tf', 'resource', 1, 'warning')])
case(f'{F}/KV001/azapi/good/enabled', {'main.tf': '''resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      enablePurgeProtection = true
    }
  }
}
'''})

# ---------------- AML002
ACR = '''resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
%s}
'''
WS2 = '''resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false
%s
  identity {
    type = "SystemAssigned"
  }
}
'''
case(f'{F}/AML002/terraform/bad/registry-public-access-disabled', {'main.tf': ACR % '  public_network_access_enabled = false\n' + '\n' + WS2 % ''}, [('main.tf', 'resource "azurerm_machine_learning_workspace"')])
case(f'{F}/AML002/terraform/bad/registry-network-deny', {'main.tf': ACR % '  network_rule_set {\n    default_action = "Deny"\n  }\n' + '\n' + WS2 % ''}, [('main.tf', 'resource "azurerm_machine_learning_workspace"')])
case(f'{F}/AML002/terraform/bad/registry-private-endpoint', {'main.tf': ACR % '' + '\n' + WS2 % '' + '''
resource "azurerm_private_endpoint" "acr" {
  name                = "pe-acr"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  subnet_id           = "/subscriptions/x/subnets/pe"

  private_service_connection {
    name                           = "acr"
    private_connection_resource_id = azurerm_container_registry.acr.id
    subresource_names              = ["registry"]
    is_manual_connection           = false
  }
}
'''}, [('main.tf', 'resource "azurerm_machine_learning_workspace"')])
case(f'{F}/AML002/terraform/bad/empty-image-build-compute', {'main.tf': ACR % '  public_network_access_enabled = false\n' + '\n' + WS2 % '  image_build_compute_name      = ""'}, [('main.tf', '""')])
case(f'{F}/AML002/terraform/good/image-build-compute-set', {'main.tf': ACR % '  public_network_access_enabled = false\n' + '\n' + WS2 % '  image_build_compute_name      = "cpu-cluster"'})
case(f'{F}/AML002/terraform/good/public-registry', {'main.tf': ACR % '' + '\n' + WS2 % ''})
case(f'{F}/AML002/terraform/good/restriction-unknown', {'main.tf': 'variable "acr_public" {\n  type = bool\n}\n\n' + ACR % '  public_network_access_enabled = var.acr_public\n' + '\n' + WS2 % ''})
case(f'{F}/AML002/azapi/bad/private-registry', {'main.tf': ACR % '  public_network_access_enabled = false\n' + '''
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      containerRegistry   = azurerm_container_registry.acr.id
      publicNetworkAccess = "Disabled"
    }
  }
}
'''}, [('main.tf', 'resource "azapi_resource"')])
case(f'{F}/AML002/azapi/good/image-build-compute', {'main.tf': ACR % '  public_network_access_enabled = false\n' + '''
resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      containerRegistry   = azurerm_container_registry.acr.id
      imageBuildCompute   = "cpu-cluster"
    }
  }
}
'''})
