"""Fixtures for ACR001, ACR002, ST001, ST002, NET001, TF003, SEC001, TAG001, GOV001.
Run from the repository root: python3 scripts/dev/fixtures_rules_b.py
Expected positions are computed from the needle each case is about (scripts/dev/fixture.py)."""
import os, shutil, sys
sys.path.insert(0, 'scripts/dev')
from fixture import case

F = 'fixtures'
RULES = ['ACR001', 'ACR002', 'ST001', 'ST002', 'NET001', 'TF003', 'SEC001', 'TAG001', 'GOV001']
for r in RULES:
    shutil.rmtree(os.path.join(F, r), ignore_errors=True)

# ---------------------------------------------------------------- ACR001 / ACR002
ACR = '''resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = %s
%s}
'''
case(f'{F}/ACR001/terraform/bad/admin-true', {'main.tf': ACR % ('"Premium"', '  admin_enabled       = true\n')}, [('main.tf', 'true', 1, 'error')])
case(f'{F}/ACR001/terraform/bad/admin-from-variable', {
  'main.tf': 'variable "acr_admin" {\n  type    = bool\n  default = true\n}\n\n' + ACR % ('"Standard"', '  admin_enabled       = var.acr_admin\n'),
}, [('main.tf', 'true', 1, 'error')])
case(f'{F}/ACR001/terraform/bad/admin-from-tfvars', {
  'main.tf': 'variable "acr_admin" {\n  type = bool\n}\n\n' + ACR % ('"Standard"', '  admin_enabled       = var.acr_admin\n'),
  'terraform.tfvars': 'acr_admin = true\n',
}, [('terraform.tfvars', 'true', 1, 'error')])
case(f'{F}/ACR001/terraform/good/absent-default-false', {'main.tf': ACR % ('"Standard"', '')})
case(f'{F}/ACR001/terraform/good/admin-false', {'main.tf': ACR % ('"Standard"', '  admin_enabled       = false\n')})
case(f'{F}/ACR001/terraform/good/unknown', {'main.tf': 'variable "acr_admin" {\n  type = bool\n}\n\n' + ACR % ('"Standard"', '  admin_enabled       = var.acr_admin\n')})

AZ_ACR = '''resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = %s
    }
    properties = {
%s    }
  }
}
'''
case(f'{F}/ACR001/azapi/bad/admin-user-enabled', {'main.tf': AZ_ACR % ('"Premium"', '      adminUserEnabled = true\n')}, [('main.tf', 'true', 1, 'error')])
case(f'{F}/ACR001/azapi/good/absent', {'main.tf': AZ_ACR % ('"Premium"', '')})
case(f'{F}/ACR001/azapi/good/disabled', {'main.tf': AZ_ACR % ('"Premium"', '      adminUserEnabled = false\n')})

case(f'{F}/ACR002/terraform/bad/public-access-disabled-standard', {
  'main.tf': ACR % ('"Standard"', '  public_network_access_enabled = false\n'),
}, [('main.tf', '"Standard"', 1, 'error')])
case(f'{F}/ACR002/terraform/bad/network-rule-deny-basic', {
  'main.tf': ACR % ('"Basic"', '  network_rule_set {\n    default_action = "Deny"\n  }\n'),
}, [('main.tf', '"Basic"', 1, 'error')])
PE = '''
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
'''
case(f'{F}/ACR002/terraform/bad/private-endpoint-standard', {
  'main.tf': ACR % ('"Standard"', '') + PE,
}, [('main.tf', '"Standard"', 1, 'error')])
case(f'{F}/ACR002/terraform/bad/sku-from-variable', {
  'main.tf': 'variable "acr_sku" {\n  type    = string\n  default = "Standard"\n}\n\n' + ACR % ('var.acr_sku', '  public_network_access_enabled = false\n'),
}, [('main.tf', '"Standard"', 1, 'error')])
case(f'{F}/ACR002/terraform/good/premium-private', {'main.tf': ACR % ('"Premium"', '  public_network_access_enabled = false\n') + PE})
case(f'{F}/ACR002/terraform/good/standard-public', {'main.tf': ACR % ('"Standard"', '')})
case(f'{F}/ACR002/terraform/good/sku-unknown', {
  'main.tf': 'variable "acr_sku" {\n  type = string\n}\n\n' + ACR % ('var.acr_sku', '  public_network_access_enabled = false\n'),
})
case(f'{F}/ACR002/azapi/bad/public-access-disabled', {
  'main.tf': AZ_ACR % ('"Standard"', '      publicNetworkAccess = "Disabled"\n'),
}, [('main.tf', '"Standard"', 1, 'error')])
case(f'{F}/ACR002/azapi/bad/network-rule-set-deny', {
  'main.tf': AZ_ACR % ('"Basic"', '      networkRuleSet = {\n        defaultAction = "Deny"\n      }\n'),
}, [('main.tf', '"Basic"', 1, 'error')])
case(f'{F}/ACR002/azapi/good/premium', {'main.tf': AZ_ACR % ('"Premium"', '      publicNetworkAccess = "Disabled"\n')})
case(f'{F}/ACR002/azapi/good/standard-enabled', {'main.tf': AZ_ACR % ('"Standard"', '      publicNetworkAccess = "Enabled"\n')})

# ---------------------------------------------------------------- ST001 / ST002
ST = '''resource "azurerm_storage_account" "st" {
  name                     = "stmldemo"
  resource_group_name      = "rg-ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
%s}
'''
case(f'{F}/ST001/terraform/bad/absent-default-true', {'main.tf': ST % ''}, [('main.tf', 'resource', 1, 'error')])
case(f'{F}/ST001/terraform/bad/explicit-true', {'main.tf': ST % '  allow_nested_items_to_be_public = true\n'}, [('main.tf', 'true', 1, 'error')])
case(f'{F}/ST001/terraform/bad/v2-name-true', {'main.tf': ST % '  allow_blob_public_access = true\n'}, [('main.tf', 'true', 1, 'error')])
case(f'{F}/ST001/terraform/bad/from-tfvars', {
  'main.tf': 'variable "public_blobs" {\n  type = bool\n}\n\n' + ST % '  allow_nested_items_to_be_public = var.public_blobs\n',
  'terraform.tfvars': 'public_blobs = true\n',
}, [('terraform.tfvars', 'true', 1, 'error')])
case(f'{F}/ST001/terraform/good/false', {'main.tf': ST % '  allow_nested_items_to_be_public = false\n'})
case(f'{F}/ST001/terraform/good/unknown', {'main.tf': 'variable "public_blobs" {\n  type = bool\n}\n\n' + ST % '  allow_nested_items_to_be_public = var.public_blobs\n'})

AZ_ST = '''resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    kind = "StorageV2"
    sku = {
      name = "Standard_LRS"
    }
    properties = {
%s    }
  }
}
'''
case(f'{F}/ST001/azapi/bad/allow-true', {'main.tf': AZ_ST % '      allowBlobPublicAccess = true\n'}, [('main.tf', 'true', 1, 'error')])
case(f'{F}/ST001/azapi/good/absent', {'main.tf': AZ_ST % ''})
case(f'{F}/ST001/azapi/good/false', {'main.tf': AZ_ST % '      allowBlobPublicAccess = false\n'})

NOPUB = '  allow_nested_items_to_be_public = false\n'
case(f'{F}/ST002/terraform/bad/tls1_0', {'main.tf': ST % (NOPUB + '  min_tls_version                 = "TLS1_0"\n')}, [('main.tf', '"TLS1_0"', 1, 'error')])
case(f'{F}/ST002/terraform/bad/tls1_1-variable', {
  'main.tf': 'variable "tls" {\n  default = "TLS1_1"\n}\n\n' + ST % (NOPUB + '  min_tls_version                 = var.tls\n'),
}, [('main.tf', '"TLS1_1"', 1, 'error')])
case(f'{F}/ST002/terraform/good/absent-default', {'main.tf': ST % NOPUB})
case(f'{F}/ST002/terraform/good/tls1_2', {'main.tf': ST % (NOPUB + '  min_tls_version                 = "TLS1_2"\n')})
case(f'{F}/ST002/azapi/bad/tls1_0', {'main.tf': AZ_ST % '      minimumTlsVersion = "TLS1_0"\n'}, [('main.tf', '"TLS1_0"', 1, 'error')])
case(f'{F}/ST002/azapi/bad/tls1_1', {'main.tf': AZ_ST % '      minimumTlsVersion = "TLS1_1"\n'}, [('main.tf', '"TLS1_1"', 1, 'error')])
case(f'{F}/ST002/azapi/good/tls1_2', {'main.tf': AZ_ST % '      minimumTlsVersion = "TLS1_2"\n'})
case(f'{F}/ST002/azapi/good/absent', {'main.tf': AZ_ST % ''})

# ---------------------------------------------------------------- NET001
# Location (rules/network/NET001-*.md): the port value that opens 22/3389 (the list entry for a list).
def tf_rule(name, ports='  destination_port_range     = "22"\n', source='  source_address_prefix      = "*"\n', direction='Inbound', access='Allow', protocol='Tcp', indent='    '):
    body = (f'name                       = "{name}"\npriority                   = 100\ndirection                  = "{direction}"\n'
            f'access                     = "{access}"\nprotocol                   = "{protocol}"\nsource_port_range          = "*"\n'
            + ports.replace('  ', '', 1) + source.replace('  ', '', 1) + 'destination_address_prefix = "*"\n')
    return ''.join(indent + l + '\n' for l in body.splitlines())

def nsg(*rules):
    return ('resource "azurerm_network_security_group" "nsg" {\n  name                = "nsg-ml"\n  location            = "westeurope"\n'
            '  resource_group_name = "rg-ml"\n' + ''.join('\n  security_rule {\n' + r + '  }\n' for r in rules) + '}\n')

def standalone(label, **kw):
    return (f'resource "azurerm_network_security_rule" "{label}" {{\n' + tf_rule(label, indent='  ', **kw) +
            '  resource_group_name         = "rg-ml"\n  network_security_group_name = "nsg-ml"\n}\n')

P = lambda v: f'  destination_port_range     = "{v}"\n'
PL = lambda *v: '  destination_port_ranges    = [' + ', '.join(f'"{x}"' for x in v) + ']\n'
S = lambda v: f'  source_address_prefix      = "{v}"\n'
SL = lambda *v: '  source_address_prefixes    = [' + ', '.join(f'"{x}"' for x in v) + ']\n'

case(f'{F}/NET001/terraform/bad/inline-ssh-star', {'main.tf': nsg(tf_rule('ssh'))}, [('main.tf', '"22"', 1, 'error')])
case(f'{F}/NET001/terraform/bad/inline-rdp-internet', {'main.tf': nsg(tf_rule('rdp', ports=P('3389'), source=S('Internet')))}, [('main.tf', '"3389"', 1, 'error')])
case(f'{F}/NET001/terraform/bad/inline-range-20-25', {'main.tf': nsg(tf_rule('range', ports=P('20-25'), source=S('0.0.0.0/0')))}, [('main.tf', '"20-25"', 1, 'error')])
case(f'{F}/NET001/terraform/bad/inline-port-star-any', {'main.tf': nsg(tf_rule('all', ports=P('*'), source=S('Any'), protocol='*'))}, [('main.tf', '"*"', 3, 'error')])
case(f'{F}/NET001/terraform/bad/inline-list-source-list', {'main.tf': nsg(tf_rule('web', ports=PL('443'), source=S('10.0.0.0/8')), tf_rule('admin', ports=PL('80', '443', '3389'), source=SL('10.0.0.0/8', '0.0.0.0/0')))}, [('main.tf', '"3389"', 1, 'error')])
case(f'{F}/NET001/terraform/bad/inline-lowercase', {'main.tf': nsg(tf_rule('ssh', source=S('internet'), direction='inbound', access='allow', protocol='tcp'))}, [('main.tf', '"22"', 1, 'error')])
case(f'{F}/NET001/terraform/bad/standalone-ssh', {'main.tf': standalone('ssh', ports=P('22'), source=S('Internet'))}, [('main.tf', '"22"', 1, 'error')])
case(f'{F}/NET001/terraform/bad/standalone-port-from-variable', {
  'main.tf': 'variable "admin_port" {\n  default = "3389"\n}\n\n' + standalone('rdp', ports='  destination_port_range     = var.admin_port\n'),
}, [('main.tf', '"3389"', 1, 'error')])
case(f'{F}/NET001/terraform/bad/two-inline-rules', {'main.tf': nsg(tf_rule('ssh'), tf_rule('rdp', ports=P('3389'), source=S('Internet')))},
     [('main.tf', '"22"', 1, 'error'), ('main.tf', '"3389"', 1, 'error')])
case(f'{F}/NET001/terraform/good/outbound', {'main.tf': nsg(tf_rule('out', direction='Outbound'))})
case(f'{F}/NET001/terraform/good/deny', {'main.tf': nsg(tf_rule('deny', access='Deny'))})
case(f'{F}/NET001/terraform/good/other-ports', {'main.tf': nsg(tf_rule('web', ports=PL('80', '443', '23-3388', '3390-65535')))})
case(f'{F}/NET001/terraform/good/restricted-source', {'main.tf': nsg(tf_rule('ssh', source=S('10.0.0.0/8'))) + standalone('rdp', ports=P('3389'), source=SL('VirtualNetwork', '192.168.0.0/16'))})
case(f'{F}/NET001/terraform/good/udp', {'main.tf': nsg(tf_rule('udp', protocol='Udp'))})
case(f'{F}/NET001/terraform/good/unknown-source', {'main.tf': 'variable "src" {\n  type = string\n}\n\n' + standalone('ssh', source='  source_address_prefix      = var.src\n')})

AZ_NSG = '''resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = [%s]
    }
  }
}
'''
def az_rule(name, port='destinationPortRange = "22"', source='sourceAddressPrefix = "*"', direction='Inbound', access='Allow', protocol='Tcp'):
    return ('\n        {\n          name = "%s"\n          properties = {\n            priority = 100\n            direction = "%s"\n            access = "%s"\n'
            '            protocol = "%s"\n            sourcePortRange = "*"\n            %s\n            %s\n            destinationAddressPrefix = "*"\n          }\n        }'
            % (name, direction, access, protocol, port, source))
AZ_RULE = '''resource "azapi_resource" "rule" {
  type      = "Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01"
  name      = "allow-rdp"
  parent_id = azapi_resource.nsg.id
  body = {
    properties = {
      priority                 = 110
      direction                = "%s"
      access                   = "Allow"
      protocol                 = "*"
      sourcePortRange          = "*"
      destinationPortRanges    = ["443", "3000-4000"]
      sourceAddressPrefix      = "%s"
      destinationAddressPrefix = "*"
    }
  }
}
'''
case(f'{F}/NET001/azapi/bad/inline-ssh-star', {'main.tf': AZ_NSG % (az_rule('ssh') + '\n      ')}, [('main.tf', '"22"', 1, 'error')])
case(f'{F}/NET001/azapi/bad/inline-range-internet', {'main.tf': AZ_NSG % (az_rule('range', port='destinationPortRange = "20-25"', source='sourceAddressPrefix = "Internet"') + '\n      ')}, [('main.tf', '"20-25"', 1, 'error')])
case(f'{F}/NET001/azapi/bad/inline-list-prefixes', {'main.tf': AZ_NSG % (az_rule('admin', port='destinationPortRanges = ["80", "3389"]', source='sourceAddressPrefixes = ["0.0.0.0/0"]') + '\n      ')}, [('main.tf', '"3389"', 1, 'error')])
case(f'{F}/NET001/azapi/bad/inline-star-any', {'main.tf': AZ_NSG % (az_rule('all', port='destinationPortRange = "*"', source='sourceAddressPrefix = "Any"', protocol='*') + '\n      ')}, [('main.tf', '"*"', 3, 'error')])
case(f'{F}/NET001/azapi/bad/standalone-range-list', {'main.tf': AZ_NSG % '' + '\n' + AZ_RULE % ('Inbound', '0.0.0.0/0')}, [('main.tf', '"3000-4000"', 1, 'error')])
case(f'{F}/NET001/azapi/good/outbound-deny-other', {'main.tf': AZ_NSG % (az_rule('out', direction='Outbound') + ',' + az_rule('deny', access='Deny') + ',' + az_rule('web', port='destinationPortRange = "443"') + '\n      ') + '\n' + AZ_RULE % ('Outbound', '*')})
case(f'{F}/NET001/azapi/good/restricted', {'main.tf': AZ_NSG % (az_rule('ssh', source='sourceAddressPrefix = "10.1.0.0/16"') + '\n      ') + '\n' + AZ_RULE % ('Inbound', 'AzureLoadBalancer')})

# ---------------------------------------------------------------- TF003
RG = 'resource "azurerm_resource_group" "rg" {\n  name     = "rg-ml"\n  location = "westeurope"\n}\n'
AZAPI_RG = 'resource "azapi_resource" "rg" {\n  type      = "Microsoft.Resources/resourceGroups@2022-09-01"\n  name      = "rg-ml"\n  parent_id = "/subscriptions/x"\n  location  = "westeurope"\n}\n'
def tfblock(entries):
    return 'terraform {\n  backend "azurerm" {}\n  required_providers {\n' + entries + '  }\n}\n\n'
AZURERM_OK = '    azurerm = {\n      source  = "hashicorp/azurerm"\n      version = "~> 4.0"\n    }\n'
AZAPI_OK = '    azapi = {\n      source  = "Azure/azapi"\n      version = "~> 2.0"\n    }\n'
PROV_AZURERM = 'provider "azurerm" {\n  features {}\n}\n\n'
case(f'{F}/TF003/terraform/bad/entry-without-version', {
  'main.tf': tfblock('    azurerm = {\n      source = "hashicorp/azurerm"\n    }\n') + PROV_AZURERM + RG,
}, [('main.tf', 'azurerm = {', 1, 'warning')])
case(f'{F}/TF003/terraform/bad/missing-entry-root', {
  'main.tf': tfblock(AZAPI_OK) + PROV_AZURERM + RG,
}, [('main.tf', 'resource "azurerm_resource_group"', 1, 'warning')])
case(f'{F}/TF003/terraform/bad/no-required-providers-provider-only', {
  'main.tf': 'terraform {\n  backend "azurerm" {}\n}\n\n' + PROV_AZURERM,
}, [('main.tf', 'provider "azurerm"', 1, 'warning')])
case(f'{F}/TF003/terraform/bad/child-module-entry-without-version', {
  'main.tf': tfblock(AZURERM_OK) + PROV_AZURERM + 'module "net" {\n  source = "./modules/net"\n}\n',
  'modules/net/main.tf': 'terraform {\n  required_providers {\n    azurerm = {\n      source = "hashicorp/azurerm"\n    }\n  }\n}\n\n' + RG,
}, [('modules/net/main.tf', 'azurerm = {', 1, 'warning')])
case(f'{F}/TF003/terraform/bad/empty-version', {
  'main.tf': tfblock('    azurerm = {\n      source  = "hashicorp/azurerm"\n      version = ""\n    }\n') + PROV_AZURERM + RG,
}, [('main.tf', 'azurerm = {', 1, 'warning')])
case(f'{F}/TF003/terraform/good/pinned', {'main.tf': tfblock(AZURERM_OK) + PROV_AZURERM + RG})
case(f'{F}/TF003/terraform/good/legacy-string-constraint', {'main.tf': tfblock('    azurerm = "~> 3.100"\n') + PROV_AZURERM + RG})
case(f'{F}/TF003/terraform/good/child-module-without-required-providers', {
  'main.tf': tfblock(AZURERM_OK) + PROV_AZURERM + 'module "net" {\n  source = "./modules/net"\n}\n',
  'modules/net/main.tf': RG,
})
case(f'{F}/TF003/terraform/good/builtin-terraform-provider', {
  'main.tf': tfblock(AZURERM_OK) + PROV_AZURERM + RG + '\nresource "terraform_data" "marker" {\n  input = "x"\n}\n',
})
case(f'{F}/TF003/azapi/bad/azapi-without-version', {
  'main.tf': tfblock('    azapi = {\n      source = "Azure/azapi"\n    }\n') + 'provider "azapi" {}\n\n' + AZAPI_RG,
}, [('main.tf', 'azapi = {', 1, 'warning')])
case(f'{F}/TF003/azapi/bad/azapi-not-listed', {
  'main.tf': tfblock(AZURERM_OK) + PROV_AZURERM + 'provider "azapi" {}\n\n' + AZAPI_RG,
}, [('main.tf', 'resource "azapi_resource"', 1, 'warning')])
case(f'{F}/TF003/azapi/good/pinned', {'main.tf': tfblock(AZAPI_OK) + 'provider "azapi" {}\n\n' + AZAPI_RG})

# ---------------------------------------------------------------- GOV001
ALLOW = {'ruleOptions': {'allowedLocations': ['norwayeast', 'Norway West']}}
def rg(loc, label='rg'):
    return f'resource "azurerm_resource_group" "{label}" {{\n  name     = "rg-{label}"\n  location = {loc}\n}}\n'
case(f'{F}/GOV001/terraform/bad/literal', {'main.tf': rg('"westeurope"')}, [('main.tf', '"westeurope"', 1, 'error')], options=ALLOW)
case(f'{F}/GOV001/terraform/bad/display-name', {'main.tf': rg('"West Europe"')}, [('main.tf', '"West Europe"', 1, 'error')], options=ALLOW)
case(f'{F}/GOV001/terraform/bad/variable-default', {
  'main.tf': 'variable "location" {\n  default = "swedencentral"\n}\n\n' + rg('var.location') + '\n' + ST.replace('"westeurope"', 'var.location') % NOPUB,
}, [('main.tf', '"swedencentral"', 1, 'error')], options=ALLOW)
case(f'{F}/GOV001/terraform/bad/tfvars', {
  'main.tf': 'variable "location" {\n  type = string\n}\n\n' + rg('var.location'),
  'terraform.tfvars': 'location = "eastus"\n',
}, [('terraform.tfvars', '"eastus"', 1, 'error')], options=ALLOW)
case(f'{F}/GOV001/terraform/bad/from-resource-group', {
  'main.tf': rg('"westeurope"') + '\n' + ACR.replace('"westeurope"', 'azurerm_resource_group.rg.location') % ('"Premium"', ''),
}, [('main.tf', '"westeurope"', 1, 'error')], options=ALLOW)
case(f'{F}/GOV001/terraform/good/allowed-variants', {'main.tf': rg('"Norway East"', 'a') + rg('"norwayeast"', 'b') + rg('"norwaywest"', 'c')}, options=ALLOW)
case(f'{F}/GOV001/terraform/good/not-configured', {'main.tf': rg('"westeurope"')})
case(f'{F}/GOV001/terraform/good/unknown', {'main.tf': 'variable "location" {\n  type = string\n}\n\n' + rg('var.location')}, options=ALLOW)
case(f'{F}/GOV001/terraform/good/data-source-location', {'main.tf': 'data "azurerm_resource_group" "rg" {\n  name = "rg-ml"\n}\n\n' + rg('data.azurerm_resource_group.rg.location')}, options=ALLOW)
AZ_DNS = 'resource "azapi_resource" "dns" {\n  type      = "Microsoft.Network/privateDnsZones@2020-06-01"\n  name      = "privatelink.api.azureml.ms"\n  parent_id = "/subscriptions/x/resourceGroups/rg-ml"\n  location  = "global"\n}\n'
case(f'{F}/GOV001/azapi/bad/literal', {'main.tf': AZ_ST.replace('"westeurope"', '"West Europe"') % ''}, [('main.tf', '"West Europe"', 1, 'error')], options=ALLOW)
case(f'{F}/GOV001/azapi/bad/location-in-body', {
  'main.tf': 'resource "azapi_resource" "ws" {\n  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"\n  name      = "mlw"\n  parent_id = "/subscriptions/x/resourceGroups/rg-ml"\n  body = {\n    location = "eastus2"\n    properties = {}\n  }\n}\n',
}, [('main.tf', '"eastus2"', 1, 'error')], options=ALLOW)
case(f'{F}/GOV001/azapi/good/allowed-and-global', {'main.tf': AZ_ST.replace('"westeurope"', '"NorwayEast"') % '' + '\n' + AZ_DNS}, options=ALLOW)
case(f'{F}/GOV001/azapi/good/not-configured', {'main.tf': AZ_ST % ''})

# ---------------------------------------------------------------- TAG001
REQ = {'ruleOptions': {'requiredTags': ['owner', 'cost-center']}}
case(f'{F}/TAG001/terraform/bad/no-tags', {'main.tf': ST % NOPUB}, [('main.tf', 'resource', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/terraform/bad/literal-missing-one', {'main.tf': ST % (NOPUB + '  tags = {\n    Owner = "ml-team"\n  }\n')}, [('main.tf', '{\n    Owner', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/terraform/bad/merge-locals-variable', {
  'main.tf': 'variable "extra_tags" {\n  type    = map(string)\n  default = { project = "churn" }\n}\n\nlocals {\n  common_tags = { owner = "ml-team" }\n}\n\n'
             + rg('"westeurope"').replace('}\n', '  tags     = merge(local.common_tags, var.extra_tags)\n}\n'),
}, [('main.tf', 'merge(', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/terraform/bad/local-map', {
  'main.tf': 'locals {\n  tags = { OWNER = "ml-team" }\n}\n\n' + ACR % ('"Premium"', '  tags                = local.tags\n'),
}, [('main.tf', '{ OWNER', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/terraform/bad/other-kind-taggable', {'main.tf': 'resource "azurerm_user_assigned_identity" "id" {\n  name                = "id-ml"\n  location            = "westeurope"\n  resource_group_name = "rg-ml"\n}\n'}, [('main.tf', 'resource', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/terraform/bad/tfvars-tags', {
  'main.tf': 'variable "tags" {\n  type = map(string)\n}\n\n' + rg('"westeurope"').replace('}\n', '  tags     = var.tags\n}\n'),
  'terraform.tfvars': 'tags = {\n  owner = "ml-team"\n}\n',
}, [('terraform.tfvars', '{', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/terraform/good/merge-complete-case-insensitive', {
  'main.tf': 'variable "cc" {\n  default = "4711"\n}\n\nlocals {\n  common_tags = { Owner = "ml-team" }\n}\n\n'
             + rg('"westeurope"').replace('}\n', '  tags     = merge(local.common_tags, { "Cost-Center" = var.cc })\n}\n'),
}, options=REQ)
case(f'{F}/TAG001/terraform/good/unknown-map', {
  'main.tf': 'variable "tags" {\n  type = map(string)\n}\n\n' + rg('"westeurope"').replace('}\n', '  tags     = var.tags\n}\n')
             + '\n' + ST % (NOPUB + '  tags = merge(var.tags, { owner = "x" })\n'),
}, options=REQ)
case(f'{F}/TAG001/terraform/good/not-taggable', {
  'main.tf': 'resource "azurerm_role_assignment" "ra" {\n  scope                = "/subscriptions/x"\n  role_definition_name = "Reader"\n  principal_id         = "00000000-0000-0000-0000-000000000000"\n}\n\n'
             + 'resource "azurerm_subnet" "snet" {\n  name                 = "snet"\n  resource_group_name  = "rg-ml"\n  virtual_network_name = "vnet"\n  address_prefixes     = ["10.0.0.0/24"]\n}\n\n'
             + 'resource "azurerm_subnet_network_security_group_association" "a" {\n  subnet_id                 = "/x"\n  network_security_group_id = "/y"\n}\n\n'
             + standalone('ssh', source=S('10.0.0.0/8')),
}, options=REQ)
case(f'{F}/TAG001/terraform/good/not-configured', {'main.tf': ST % NOPUB})
AZ_RG = 'resource "azapi_resource" "rg" {\n  type      = "Microsoft.Resources/resourceGroups@2022-09-01"\n  name      = "rg-ml"\n  parent_id = "/subscriptions/x"\n  location  = "westeurope"\n%s}\n'
case(f'{F}/TAG001/azapi/bad/no-tags', {'main.tf': AZ_RG % ''}, [('main.tf', 'resource', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/azapi/bad/tags-missing-one', {'main.tf': AZ_ST.replace('  location  = "westeurope"\n', '  location  = "westeurope"\n  tags      = local.tags\n') % '' + '\nlocals {\n  tags = { owner = "ml" }\n}\n'}, [('main.tf', '{ owner', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/azapi/bad/tags-in-body', {'main.tf': 'resource "azapi_resource" "ws" {\n  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"\n  name      = "mlw"\n  parent_id = "/subscriptions/x/resourceGroups/rg-ml"\n  location  = "westeurope"\n  body = {\n    tags = { "Cost-Center" = "4711" }\n    properties = {}\n  }\n}\n'}, [('main.tf', '{ "Cost-Center"', 1, 'warning')], options=REQ)
case(f'{F}/TAG001/azapi/good/complete', {'main.tf': AZ_RG % '  tags      = merge({ OWNER = "ml" }, { "cost-center" = "4711" })\n'}, options=REQ)
case(f'{F}/TAG001/azapi/good/child-and-unknown', {
  'main.tf': 'variable "tags" {\n  type = map(string)\n}\n\n' + AZ_RG % '  tags      = var.tags\n'
             + '\nresource "azapi_resource" "snet" {\n  type      = "Microsoft.Network/virtualNetworks/subnets@2023-09-01"\n  name      = "snet"\n  parent_id = "/subscriptions/x/vnet"\n  body = {\n    properties = {\n      addressPrefix = "10.0.0.0/24"\n    }\n  }\n}\n',
}, options=REQ)

# ---------------------------------------------------------------- SEC001
VM = '''resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm-jump"
  resource_group_name             = "rg-ml"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = %s
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/x/nic"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}
'''
SECRET = 'S3cr3t-Pa55w0rd!'
case(f'{F}/SEC001/terraform/bad/resource-literal', {'main.tf': VM % f'"{SECRET}"'}, [('main.tf', f'"{SECRET}"', 1, 'error')])
case(f'{F}/SEC001/terraform/bad/variable-default', {
  'main.tf': f'variable "vm_admin_password" {{\n  type      = string\n  sensitive = true\n  default   = "{SECRET}"\n}}\n\n' + VM % 'var.vm_admin_password',
}, [('main.tf', f'"{SECRET}"', 1, 'error')])
case(f'{F}/SEC001/terraform/bad/unused-variable-default-camelcase', {
  'main.tf': 'variable "sqlAdminPassword" {\n  default = "Sup3rS3cret"\n}\n\nvariable "storageAccessKey" {\n  default = "bXlrZXk="\n}\n',
}, [('main.tf', '"Sup3rS3cret"', 1, 'error'), ('main.tf', '"bXlrZXk="', 1, 'error')])
case(f'{F}/SEC001/terraform/bad/tfvars-not-a-variant', {
  'main.tf': 'variable "client_secret" {\n  type = string\n}\n',
  'secrets.tfvars': 'client_secret = "abc~DEF123ghi"\nregion        = "westeurope"\n',
}, [('secrets.tfvars', '"abc~DEF123ghi"', 1, 'error')])
case(f'{F}/SEC001/terraform/bad/tfvars-variant-and-auto', {
  'main.tf': 'variable "db_password" {\n  type = string\n}\n\n' + VM % 'var.db_password',
  'prod.tfvars': 'db_password = "Pr0dPassw0rd"\n',
  'dev.tfvars': 'db_password = "changeme"\n',
  'common.auto.tfvars': 'api_key = "k-123456"\n',
}, [('common.auto.tfvars', '"k-123456"', 1, 'error'), ('prod.tfvars', '"Pr0dPassw0rd"', 1, 'error')])
case(f'{F}/SEC001/terraform/bad/module-argument', {
  'main.tf': 'module "db" {\n  source          = "./modules/db"\n  admin_password  = "M0dul3Secret"\n}\n',
  'modules/db/main.tf': 'variable "admin_password" {\n  type = string\n}\n',
}, [('main.tf', '"M0dul3Secret"', 1, 'error')])
case(f'{F}/SEC001/terraform/bad/nested-block-and-connection-string', {
  'main.tf': 'resource "azurerm_kubernetes_cluster" "aks" {\n  name                = "aks"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "aks"\n\n'
             '  service_principal {\n    client_id     = "00000000-0000-0000-0000-000000000000"\n    client_secret = "spn-secret-value"\n  }\n\n'
             '  default_node_pool {\n    name    = "system"\n    vm_size = "Standard_D4s_v5"\n  }\n}\n\n'
             'resource "azurerm_linux_function_app" "fn" {\n  name = "fn"\n  app_settings = {\n    "STORAGE_CONNECTION_STRING" = "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc=="\n    "KV_SECRET"                 = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)"\n  }\n}\n',
}, [('main.tf', '"spn-secret-value"', 1, 'error'), ('main.tf', '"DefaultEndpointsProtocol', 1, 'error')])
case(f'{F}/SEC001/terraform/good/placeholders', {
  'main.tf': 'variable "admin_password" {\n  default = ""\n}\n\nvariable "client_secret" {\n  default = "changeme"\n}\n\nvariable "api_key" {\n  default = "<your-api-key>"\n}\n\n'
             'variable "sas_token" {\n  default = "********"\n}\n\nvariable "db_password" {\n  default = "TODO"\n}\n\nvariable "connection_string" {\n  default = "$${CONNECTION_STRING}"\n}\n\n'
             'variable "access_key" {\n  default = "xxxx"\n}\n\nvariable "app_secret" {\n  default = "REPLACE-ME"\n}\n',
  'terraform.tfvars': 'admin_password = "change-me"\nclient_secret  = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/sp)"\n',
})
case(f'{F}/SEC001/terraform/good/references-and-non-secret-names', {
  'main.tf': 'data "azurerm_key_vault_secret" "pw" {\n  name         = "vm-admin-password"\n  key_vault_id = "/subscriptions/x/kv"\n}\n\n'
             'resource "random_password" "pw" {\n  length = 24\n}\n\n' + VM % 'data.azurerm_key_vault_secret.pw.value'
             + '\nresource "azurerm_key_vault_secret" "s" {\n  name         = "db-password"\n  value        = random_password.pw.result\n  key_vault_id = "/subscriptions/x/kv"\n}\n\n'
             'variable "secret_name" {\n  default = "db-password"\n}\n\nvariable "password_length" {\n  default = "24"\n}\n\nvariable "key_vault_secret_id" {\n  default = "https://kv.vault.azure.net/secrets/x"\n}\n\n'
             'resource "azurerm_key_vault_access_policy" "p" {\n  key_vault_id       = "/subscriptions/x/kv"\n  tenant_id          = "t"\n  object_id          = "o"\n  secret_permissions = ["Get", "List"]\n}\n',
})
AZ_VM = '''resource "azapi_resource" "vm" {
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
        adminPassword = %s
      }
    }
  }
}
'''
case(f'{F}/SEC001/azapi/bad/body-literal', {'main.tf': AZ_VM % f'"{SECRET}"'}, [('main.tf', f'"{SECRET}"', 1, 'error')])
case(f'{F}/SEC001/azapi/bad/variable-default', {'main.tf': 'variable "adminPassword" {\n  default = "Azap1Secret"\n}\n\n' + AZ_VM % 'var.adminPassword'}, [('main.tf', '"Azap1Secret"', 1, 'error')])
case(f'{F}/SEC001/azapi/good/placeholder-and-reference', {
  'main.tf': 'resource "random_password" "pw" {\n  length = 24\n}\n\n' + AZ_VM % 'random_password.pw.result' + '\n' + AZ_VM.replace('"vm"', '"vm2"', 1) % '"<set-at-deploy-time>"',
})
case(f'{F}/SEC001/terraform/bad/tfvars-json', {
  'main.tf': 'variable "storage" {\n  type = object({ name = string, access_key = string })\n}\n',
  'secrets.auto.tfvars.json': '{\n  "storage": {\n    "name": "stml",\n    "access_key": "QUJDREVGR0g="\n  }\n}\n',
}, [('secrets.auto.tfvars.json', '"QUJDREVGR0g="', 1, 'error')])
