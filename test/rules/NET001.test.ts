/**
 * NET001 (admin-port-open-to-internet): NSG rule allowing SSH (22) or RDP (3389) from the internet.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { adminPortsIn } from '../../src/model/facts/network.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

const { tree, cleanup } = tempTrees('net001-');
afterAll(cleanup);

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'deny',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "deny"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
`,
        },
      },
      {
        name: 'other-ports',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "web"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["80", "443", "23-3388", "3390-65535"]
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
`,
        },
      },
      {
        name: 'outbound',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "out"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
`,
        },
      },
      {
        name: 'restricted-source',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "10.0.0.0/8"
    destination_address_prefix = "*"
  }
}
resource "azurerm_network_security_rule" "rdp" {
  name                       = "rdp"
  priority                   = 100
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_port_range          = "*"
  destination_port_range     = "3389"
  source_address_prefixes    = ["VirtualNetwork", "192.168.0.0/16"]
  destination_address_prefix = "*"
  resource_group_name         = "rg-ml"
  network_security_group_name = "nsg-ml"
}
`,
        },
      },
      {
        name: 'udp',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "udp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Udp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
`,
        },
      },
      {
        name: 'unknown-source',
        files: {
          'main.tf': `
variable "src" {
  type = string
}

resource "azurerm_network_security_rule" "ssh" {
  name                       = "ssh"
  priority                   = 100
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_port_range          = "*"
  destination_port_range     = "22"
  source_address_prefix      = var.src
  destination_address_prefix = "*"
  resource_group_name         = "rg-ml"
  network_security_group_name = "nsg-ml"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'inline-list-source-list',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "web"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["443"]
    source_address_prefix      = "10.0.0.0/8"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "admin"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["80", "443", ⟦"3389"⟧]
    source_address_prefixes    = ["10.0.0.0/8", "0.0.0.0/0"]
    destination_address_prefix = "*"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'inline-lowercase',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "inbound"
    access                     = "allow"
    protocol                   = "tcp"
    source_port_range          = "*"
    destination_port_range     = ⟦"22"⟧
    source_address_prefix      = "internet"
    destination_address_prefix = "*"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'inline-port-star-any',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "all"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = ⟦"*"⟧
    source_address_prefix      = "Any"
    destination_address_prefix = "*"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
        message: /SSH \(22\) and RDP \(3389\)/,
      },
      {
        name: 'inline-range-20-25',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "range"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = ⟦"20-25"⟧
    source_address_prefix      = "0.0.0.0/0"
    destination_address_prefix = "*"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
        message: /"range" of NSG "nsg-ml" allows inbound SSH \(22\) from "0.0.0.0\/0"/,
      },
      {
        name: 'inline-rdp-internet',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = ⟦"3389"⟧
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'inline-ssh-star',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = ⟦"22"⟧
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'standalone-port-from-variable',
        files: {
          'main.tf': `
variable "admin_port" {
  default = ⟦"3389"⟧
}

resource "azurerm_network_security_rule" "rdp" {
  name                       = "rdp"
  priority                   = 100
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_port_range          = "*"
  destination_port_range     = var.admin_port
  source_address_prefix      = "*"
  destination_address_prefix = "*"
  resource_group_name         = "rg-ml"
  network_security_group_name = "nsg-ml"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'standalone-ssh',
        files: {
          'main.tf': `
resource "azurerm_network_security_rule" "ssh" {
  name                       = "ssh"
  priority                   = 100
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_port_range          = "*"
  destination_port_range     = ⟦"22"⟧
  source_address_prefix      = "Internet"
  destination_address_prefix = "*"
  resource_group_name         = "rg-ml"
  network_security_group_name = "nsg-ml"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'two-inline-rules',
        files: {
          'main.tf': `
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = ⟦"22"⟧
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = ⟦"3389"⟧
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'outbound-deny-other',
        files: {
          'main.tf': `
resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = [
        {
          name = "out"
          properties = {
            priority = 100
            direction = "Outbound"
            access = "Allow"
            protocol = "Tcp"
            sourcePortRange = "*"
            destinationPortRange = "22"
            sourceAddressPrefix = "*"
            destinationAddressPrefix = "*"
          }
        },
        {
          name = "deny"
          properties = {
            priority = 100
            direction = "Inbound"
            access = "Deny"
            protocol = "Tcp"
            sourcePortRange = "*"
            destinationPortRange = "22"
            sourceAddressPrefix = "*"
            destinationAddressPrefix = "*"
          }
        },
        {
          name = "web"
          properties = {
            priority = 100
            direction = "Inbound"
            access = "Allow"
            protocol = "Tcp"
            sourcePortRange = "*"
            destinationPortRange = "443"
            sourceAddressPrefix = "*"
            destinationAddressPrefix = "*"
          }
        }
      ]
    }
  }
}

resource "azapi_resource" "rule" {
  type      = "Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01"
  name      = "allow-rdp"
  parent_id = azapi_resource.nsg.id
  body = {
    properties = {
      priority                 = 110
      direction                = "Outbound"
      access                   = "Allow"
      protocol                 = "*"
      sourcePortRange          = "*"
      destinationPortRanges    = ["443", "3000-4000"]
      sourceAddressPrefix      = "*"
      destinationAddressPrefix = "*"
    }
  }
}
`,
        },
      },
      {
        name: 'restricted',
        files: {
          'main.tf': `
resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = [
        {
          name = "ssh"
          properties = {
            priority = 100
            direction = "Inbound"
            access = "Allow"
            protocol = "Tcp"
            sourcePortRange = "*"
            destinationPortRange = "22"
            sourceAddressPrefix = "10.1.0.0/16"
            destinationAddressPrefix = "*"
          }
        }
      ]
    }
  }
}

resource "azapi_resource" "rule" {
  type      = "Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01"
  name      = "allow-rdp"
  parent_id = azapi_resource.nsg.id
  body = {
    properties = {
      priority                 = 110
      direction                = "Inbound"
      access                   = "Allow"
      protocol                 = "*"
      sourcePortRange          = "*"
      destinationPortRanges    = ["443", "3000-4000"]
      sourceAddressPrefix      = "AzureLoadBalancer"
      destinationAddressPrefix = "*"
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'inline-list-prefixes',
        files: {
          'main.tf': `
resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = [
        {
          name = "admin"
          properties = {
            priority = 100
            direction = "Inbound"
            access = "Allow"
            protocol = "Tcp"
            sourcePortRange = "*"
            destinationPortRanges = ["80", ⟦"3389"⟧]
            sourceAddressPrefixes = ["0.0.0.0/0"]
            destinationAddressPrefix = "*"
          }
        }
      ]
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'inline-range-internet',
        files: {
          'main.tf': `
resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = [
        {
          name = "range"
          properties = {
            priority = 100
            direction = "Inbound"
            access = "Allow"
            protocol = "Tcp"
            sourcePortRange = "*"
            destinationPortRange = ⟦"20-25"⟧
            sourceAddressPrefix = "Internet"
            destinationAddressPrefix = "*"
          }
        }
      ]
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'inline-ssh-star',
        files: {
          'main.tf': `
resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = [
        {
          name = "ssh"
          properties = {
            priority = 100
            direction = "Inbound"
            access = "Allow"
            protocol = "Tcp"
            sourcePortRange = "*"
            destinationPortRange = ⟦"22"⟧
            sourceAddressPrefix = "*"
            destinationAddressPrefix = "*"
          }
        }
      ]
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'inline-star-any',
        files: {
          'main.tf': `
resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = [
        {
          name = "all"
          properties = {
            priority = 100
            direction = "Inbound"
            access = "Allow"
            protocol = "*"
            sourcePortRange = "*"
            destinationPortRange = ⟦"*"⟧
            sourceAddressPrefix = "Any"
            destinationAddressPrefix = "*"
          }
        }
      ]
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'standalone-range-list',
        files: {
          'main.tf': `
resource "azapi_resource" "nsg" {
  type      = "Microsoft.Network/networkSecurityGroups@2023-09-01"
  name      = "nsg-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    properties = {
      securityRules = []
    }
  }
}

resource "azapi_resource" "rule" {
  type      = "Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01"
  name      = "allow-rdp"
  parent_id = azapi_resource.nsg.id
  body = {
    properties = {
      priority                 = 110
      direction                = "Inbound"
      access                   = "Allow"
      protocol                 = "*"
      sourcePortRange          = "*"
      destinationPortRanges    = ["443", ⟦"3000-4000"⟧]
      sourceAddressPrefix      = "0.0.0.0/0"
      destinationAddressPrefix = "*"
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'https-from-internet-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": {
    "nsg": {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "https",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "443",
              "sourceAddressPrefix": "Internet",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    },
    "web": {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-04-01",
      "name": "[format('{0}/{1}', 'nsg-ml', 'web')]",
      "dependsOn": [
        "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-ml')]"
      ],
      "properties": {
        "priority": 120,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "Tcp",
        "sourcePortRange": "*",
        "destinationPortRanges": [
          "80",
          "8080-8090"
        ],
        "sourceAddressPrefix": "*",
        "destinationAddressPrefix": "*"
      }
    }
  }
}
`,
        },
      },
      {
        name: 'not-inbound-allow-tcp',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "ssh-out",
            "properties": {
              "priority": 100,
              "direction": "Outbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "22",
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
            }
          },
          {
            "name": "deny-rdp",
            "properties": {
              "priority": 110,
              "direction": "Inbound",
              "access": "Deny",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "3389",
              "sourceAddressPrefix": "Internet",
              "destinationAddressPrefix": "*"
            }
          },
          {
            "name": "udp-range",
            "properties": {
              "priority": 120,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Udp",
              "sourcePortRange": "*",
              "destinationPortRange": "1-65535",
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
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
        name: 'restricted-source',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "ssh-from-bastion",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "22",
              "sourceAddressPrefix": "10.10.0.0/26",
              "destinationAddressPrefix": "*"
            }
          },
          {
            "name": "rdp-from-vnet",
            "properties": {
              "priority": 110,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "3389",
              "sourceAddressPrefix": "VirtualNetwork",
              "destinationAddressPrefix": "*"
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
        name: 'unknown-source-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "mgmtPrefix": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "ssh",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "22",
              "sourceAddressPrefix": "[parameters('mgmtPrefix')]",
              "destinationAddressPrefix": "*"
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
    ],
    invalid: [
      {
        name: 'inline-range-from-internet',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "legacy-range",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "*",
              "sourcePortRange": "*",
              "destinationPortRange": ⟦"20-25"⟧,
              "sourceAddressPrefix": "Internet",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'inline-ssh-from-star',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "allow-https",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "443",
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
            }
          },
          {
            "name": "allow-ssh",
            "properties": {
              "priority": 110,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": ⟦"22"⟧,
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'port-from-parameter-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPort": {
      "type": "string",
      "defaultValue": ⟦"3389"⟧
    }
  },
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "admin",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "[parameters('adminPort')]",
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'standalone-rdp-list-from-cidr-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": {
    "nsg": {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": []
      }
    },
    "rdp": {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-04-01",
      "name": "[format('{0}/{1}', 'nsg-ml', 'rdp')]",
      "dependsOn": [
        "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-ml')]"
      ],
      "properties": {
        "priority": 120,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "Tcp",
        "sourcePortRange": "*",
        "destinationPortRanges": [
          "443",
          ⟦"3389"⟧
        ],
        "sourceAddressPrefix": "0.0.0.0/0",
        "destinationAddressPrefix": "*"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'standalone-star-port-source-list',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": []
      }
    },
    {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-04-01",
      "name": "[format('{0}/{1}', 'nsg-ml', 'any-admin')]",
      "dependsOn": [
        "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-ml')]"
      ],
      "properties": {
        "priority": 130,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "Tcp",
        "sourcePortRange": "*",
        "destinationPortRange": ⟦"*"⟧,
        "sourceAddressPrefixes": [
          "10.0.0.0/8",
          "Internet"
        ],
        "destinationAddressPrefix": "*"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'two-nsgs',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-a",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "ssh",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": ⟦"22"⟧,
              "sourceAddressPrefix": "Any",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    },
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-b",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "rdp",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRanges": [
                ⟦"3389"⟧
              ],
              "sourceAddressPrefix": "0.0.0.0/0",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'https-from-internet-symbolic',
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
  "parameters": {},
  "resources": {
    "nsg": {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "https",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "443",
              "sourceAddressPrefix": "Internet",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    },
    "web": {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-04-01",
      "name": "[format('{0}/{1}', 'nsg-ml', 'web')]",
      "dependsOn": [
        "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-ml')]"
      ],
      "properties": {
        "priority": 120,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "Tcp",
        "sourcePortRange": "*",
        "destinationPortRanges": [
          "80",
          "8080-8090"
        ],
        "sourceAddressPrefix": "*",
        "destinationAddressPrefix": "*"
      }
    }
  }
}
`,
        },
      },
      {
        name: 'restricted-source',
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
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "ssh-from-bastion",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "22",
              "sourceAddressPrefix": "10.10.0.0/26",
              "destinationAddressPrefix": "*"
            }
          },
          {
            "name": "rdp-from-vnet",
            "properties": {
              "priority": 110,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "3389",
              "sourceAddressPrefix": "VirtualNetwork",
              "destinationAddressPrefix": "*"
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
    ],
    invalid: [
      {
        name: 'inline-ssh-from-star',
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
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": [
          {
            "name": "allow-https",
            "properties": {
              "priority": 100,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": "443",
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
            }
          },
          {
            "name": "allow-ssh",
            "properties": {
              "priority": 110,
              "direction": "Inbound",
              "access": "Allow",
              "protocol": "Tcp",
              "sourcePortRange": "*",
              "destinationPortRange": ⟦"22"⟧,
              "sourceAddressPrefix": "*",
              "destinationAddressPrefix": "*"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'standalone-rdp-list-from-cidr-symbolic',
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
  "parameters": {},
  "resources": {
    "nsg": {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-04-01",
      "name": "nsg-ml",
      "location": "westeurope",
      "properties": {
        "securityRules": []
      }
    },
    "rdp": {
      "type": "Microsoft.Network/networkSecurityGroups/securityRules",
      "apiVersion": "2023-04-01",
      "name": "[format('{0}/{1}', 'nsg-ml', 'rdp')]",
      "dependsOn": [
        "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-ml')]"
      ],
      "properties": {
        "priority": 120,
        "direction": "Inbound",
        "access": "Allow",
        "protocol": "Tcp",
        "sourcePortRange": "*",
        "destinationPortRanges": [
          "443",
          ⟦"3389"⟧
        ],
        "sourceAddressPrefix": "0.0.0.0/0",
        "destinationAddressPrefix": "*"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'restricted',
        files: {
          'main.bicep': `
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-ml'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'ssh'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '22'
          sourceAddressPrefix: '10.0.0.0/8'
          destinationAddressPrefix: '*'
        }
      }
    ]
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // The port a conditional chose, decided by each module caller's argument: a finding at each
        // caller's argument (RULES.md "Values chosen by a condition"), not one inside the module.
        name: 'port-chosen-by-each-module-callers-argument',
        files: {
          'main.bicep': `
module a 'nsg.bicep' = {
  name: 'a'
  params: { name: 'nsg-a', restrict: ⟦false⟧ }
}
module b 'nsg.bicep' = {
  name: 'b'
  params: { name: 'nsg-b', restrict: ⟦false⟧ }
}
`,
          'nsg.bicep': `
param name string
param restrict bool
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: name
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'ssh'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: restrict ? '443' : '22'
          sourceAddressPrefix: '*'
          destinationAddressPrefix: '*'
        }
      }
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
        errors: [
          { messageIncludes: 'NSG "nsg-a"', related: [{ file: 'nsg.bicep', line: 16, label: 'value chosen by the condition' }] },
          { messageIncludes: 'NSG "nsg-b"' },
        ],
      },
      {
        name: 'inline-ssh-star',
        files: {
          'main.bicep': `
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-ml'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'ssh'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: ⟦'22'⟧
          sourceAddressPrefix: '*'
          destinationAddressPrefix: '*'
        }
      }
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'standalone-rdp-parent',
        files: {
          'main.bicep': `
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-ml'
  location: 'westeurope'
}

resource rdp 'Microsoft.Network/networkSecurityGroups/securityRules@2023-04-01' = {
  parent: nsg
  name: 'rdp'
  properties: {
    priority: 110
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRange: ⟦'3389'⟧
    sourceAddressPrefix: 'Internet'
    destinationAddressPrefix: '*'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        // One rule list for two NSGs (a subnet NSG each): a rule of each NSG, so a finding each
        // at the one place (RULES.md merges only the same resource).
        name: 'one-rule-list-two-nsgs',
        files: {
          'main.bicep': `
var rules = [
  {
    name: 'ssh'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourcePortRange: '*'
      destinationPortRange: ⟦⟦'22'⟧⟧
      sourceAddressPrefix: '*'
      destinationAddressPrefix: '*'
    }
  }
]

resource nsgA 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-a'
  location: 'westeurope'
  properties: {
    securityRules: rules
  }
}

resource nsgB 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-b'
  location: 'westeurope'
  properties: {
    securityRules: rules
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
        errors: [{ messageIncludes: 'of NSG "nsg-a"' }, { messageIncludes: 'of NSG "nsg-b"' }],
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        name: 'private-source',
        files: { 'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --access Allow --direction Inbound --protocol Tcp --source-address-prefixes 10.0.0.0/8 --destination-port-ranges 22\n" },
      },
      {
        // The create defaults (Allow, Inbound, *, source *) apply, but Deny is written.
        name: 'defaults-but-deny',
        files: { 'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --access Deny --destination-port-ranges 22\n" },
      },
      {
        // The default destination port is 80.
        name: 'defaults-port-80',
        files: { 'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n web --priority 100\n" },
      },
      {
        // update carries only the flags given: absent = unchanged, never defaulted.
        name: 'update-no-defaults',
        files: { 'deploy.sh': "az network nsg rule update -g rg --nsg-name nsg -n ssh --destination-port-ranges 22\n" },
      },
      {
        // The singular flag of before Azure/azure-cli#4321 is a unique prefix of the plural one:
        // argparse takes it for --source-address-prefixes, so the source is 10.20.0.0/16, not the default *.
        name: 'singular-source-flag',
        files: { 'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --protocol Tcp --source-address-prefix 10.20.0.0/16 --destination-port-ranges 22\n" },
      },
      {
        // `--source` may be --source-address-prefixes or another --source-… flag: the source is undecided.
        name: 'ambiguous-abbreviation-undecided',
        files: { 'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --source 10.0.0.0/8 --destination-port-ranges 22\n" },
      },
    ],
    invalid: [
      {
        name: 'ssh-from-anywhere',
        files: {
          'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --access Allow --direction Inbound --protocol Tcp --source-address-prefixes '*' --destination-port-ranges 443 ⟦22⟧\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        // FORMATS.md §1(d): NET001 on create "with defaults": the CLI's create defaults are
        // access Allow, direction Inbound, protocol *, source * (azure-cli nsg rule _create.py).
        name: 'create-defaults-open-ssh',
        files: { 'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --destination-port-ranges ⟦22⟧\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        // The singular --destination-port-range sets --destination-port-ranges (a unique prefix).
        name: 'singular-port-flag',
        files: { 'deploy.sh': "az network nsg rule create -g rg --nsg-name nsg -n ssh --protocol tcp --priority 1000 --destination-port-range ⟦22⟧ --access allow\n" },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
};

// Conformance round (c-conf2): the message names every admin port the rule opens, not only the
// first list entry's (`["21-23", "3389"]` opens SSH and RDP); the location stays at that entry.
const allPorts: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'port-list-names-every-admin-port',
        files: {
          'main.tf': `
resource "azurerm_network_security_rule" "admin" {
  name                        = "admin"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = [⟦"21-23"⟧, "3389"]
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
        message: 'Security rule "admin" allows inbound SSH (22) and RDP (3389) from "*" (the internet); restrict source_address_prefix to a management range or use Azure Bastion.',
      },
    ],
  },
};

// Format round (c-fmt1): a `dynamic "security_rule"` over an unknown collection beside static
// `security_rule` blocks. The dynamic block replaced the static ones (an open SSH rule written out
// was never judged, nothing in --verbose); now the unknown rules are undecided and the written
// ones judged. RULES.md "Three-valued facts": only the unknown value is not reported.
const dynamicBlocks: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'static-rule-beside-unknown-dynamic-rules',
        files: {
          'main.tf': `
variable "extra_rules" {
  type = list(any)
}
resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-ml"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = ⟦"22"⟧
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
  dynamic "security_rule" {
    for_each = var.extra_rules
    content {
      name                       = security_rule.value.name
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = security_rule.value.port
      source_address_prefix      = "*"
      destination_address_prefix = "*"
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
};

// A dynamic block over a set: its iterator's key is the element, not an index (Terraform
// "dynamic Blocks": "If the for_each expression produces a set value then key is identical to
// value"; review 108: `security_rule.key == "ssh"` was decided false, the SSH rule missed).
const setKeyRule = (collection: string, before = ''): string => `${before}resource "azurerm_network_security_group" "nsg" {
  name                = "nsg"
  location            = "westeurope"
  resource_group_name = "rg"
  dynamic "security_rule" {
    for_each = ${collection}
    content {
      name                       = security_rule.key
      priority                   = security_rule.key == "ssh" ? 100 : 110
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = security_rule.key == "ssh" ? ⟦"22"⟧ : "443"
      source_address_prefix      = "*"
      destination_address_prefix = "*"
    }
  }
}
`;
const dynamicSetKeys: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      { name: 'dynamic-over-toset-key-is-the-element', files: { 'main.tf': setKeyRule('toset(["ssh", "https"])') }, level: 'error', env: 'unknown', messageId: 'adminPortOpen' },
      {
        // A set made a list again (tolist(), a list(string) variable): the key is an index, never "ssh",
        // so the SSH rule's source is the open one (review 110).
        name: 'dynamic-over-tolist-of-a-set-key-is-an-index',
        files: {
          'main.tf': `resource "azurerm_network_security_group" "nsg" {
  name                = "nsg"
  location            = "westeurope"
  resource_group_name = "rg"
  dynamic "security_rule" {
    for_each = tolist(toset(["ssh", "https"]))
    content {
      name                       = "r-\${security_rule.value}"
      priority                   = 100 + security_rule.key
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = security_rule.value == "ssh" ? ⟦"22"⟧ : "443"
      source_address_prefix      = security_rule.key == "ssh" ? "10.0.0.0/8" : "*"
      destination_address_prefix = "*"
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
      {
        name: 'dynamic-over-a-set-variable-key-is-the-element',
        files: { 'main.tf': setKeyRule('var.rules', 'variable "rules" {\n  type    = set(string)\n  default = ["https", "ssh"]\n}\n') },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
};

// A port a conditional chose, decided by a parameter of the same file: at that parameter's value,
// the chosen port related (RULES.md "Values chosen by a condition"; audit 54: it stayed at the port).
const decidedByAnInputOfTheSameFile: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'port-chosen-by-a-parameter-default',
        files: {
          'main.bicep':
            "param open bool = ⟦true⟧\n\nresource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'nsg'\n  location: 'westeurope'\n  properties: {\n    securityRules: [\n      {\n        name: 'ssh'\n        properties: {\n          protocol: 'Tcp'\n          sourcePortRange: '*'\n          destinationPortRange: open ? '22' : '443'\n          sourceAddressPrefix: 'Internet'\n          destinationAddressPrefix: '*'\n          access: 'Allow'\n          priority: 200\n          direction: 'Inbound'\n        }\n      }\n    ]\n  }\n}\n",
        },
        level: 'error',
        env: 'unknown',
        messageId: 'adminPortOpen',
      },
    ],
  },
};

ruleTester('NET001', converted, azureCli, allPorts, dynamicBlocks, dynamicSetKeys, decidedByAnInputOfTheSameFile);

describe('NET001 ports', () => {
  it('finds 22 and 3389 in single ports, ranges and *', () => {
    expect(adminPortsIn('22')).toEqual([22]);
    expect(adminPortsIn('3389')).toEqual([3389]);
    expect(adminPortsIn('20-25')).toEqual([22]);
    expect(adminPortsIn('1-65535')).toEqual([22, 3389]);
    expect(adminPortsIn('*')).toEqual([22, 3389]);
    expect(adminPortsIn('Any')).toEqual([22, 3389]);
    expect(adminPortsIn('23-3388')).toEqual([]);
    expect(adminPortsIn('443')).toEqual([]);
    expect(adminPortsIn('2222')).toEqual([]);
  });
});

// RULES.md Conventions: "Where an unknown value hides a possible finding, the run records it".
// Rules over an unknown collection (a `dynamic` block over a variable without a value) may
// hold an admin port open to the internet: no finding, and the rule says it could not decide.
describe('NET001 undecided', () => {
  it('lists an NSG whose rules come from a dynamic block over an unknown collection', async () => {
    const dir = tree({
      'main.tf': `
variable "security_rules" {
  type = list(any)
}

resource "azurerm_network_security_group" "this" {
  name                = "nsg"
  location            = "westeurope"
  resource_group_name = "rg"

  dynamic "security_rule" {
    for_each = var.security_rules
    content {
      name                       = security_rule.value.name
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      source_address_prefix      = security_rule.value.source_address_prefix
      destination_port_ranges    = security_rule.value.destination_port_ranges
      destination_address_prefix = "*"
    }
  }
}
`,
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['NET001'] });
    expect(r.findings.filter((f) => f.ruleId === 'NET001')).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'NET001').map((u) => [u.address, u.reason])).toEqual([
      ['azurerm_network_security_group.this.security_rule["?"]', 'which security_rule elements exist is not known: dynamic "security_rule" iterates over an unknown collection'],
    ]);
  });
});

// RULES.md Conventions: an unknown value is recorded only where it hides a possible finding (review 119).
describe('NET001 undecided only where a finding may hide', () => {
  const nsgRule = (port: string, source: string, direction = '"Inbound"'): string => `
variable "operator_ip" {}
variable "direction" {}
resource "azurerm_network_security_rule" "r" {
  name                        = "r"
  priority                    = 100
  direction                   = ${direction}
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = ${port}
  source_address_prefix       = ${source}
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
`;
  const undecided = async (main: string): Promise<string[]> => {
    const dir = tree({ 'main.tf': main });
    const r = await lint({ paths: [dir], root: dir, rules: ['NET001'] });
    expect(r.findings.filter((f) => f.ruleId === 'NET001')).toEqual([]);
    return r.undecided.filter((u) => u.ruleId === 'NET001').map((u) => `${u.attribute}: ${u.reason}`);
  };

  it('a source not known on a rule that opens only port 80 (or 443): nothing is listed', async () => {
    expect(await undecided(nsgRule('"80"', '"${var.operator_ip}/32"'))).toEqual([]);
    expect(await undecided(nsgRule('"443"', 'var.operator_ip'))).toEqual([]);
  });

  it('a direction not known on a rule from a management range: nothing is listed', async () => {
    expect(await undecided(nsgRule('"22"', '"10.0.0.0/8"', 'var.direction'))).toEqual([]);
  });

  it('a source not known on a rule that opens 22: listed', async () => {
    expect(await undecided(nsgRule('"22"', 'var.operator_ip'))).toEqual(['sourceAddress: variable "operator_ip" has no value']);
  });

  it('a direction not known on a rule that opens 22 to the internet: listed', async () => {
    expect(await undecided(nsgRule('"22"', '"*"', 'var.direction'))).toEqual(['direction: variable "direction" has no value']);
  });
});
