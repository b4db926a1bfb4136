/**
 * EVAL001 (evaluation-incomplete): Evaluation stopped early; part of the code was not linted.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/EVAL001: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'count-at-cap',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  count    = 1024
  name     = "rg-\${count.index}"
  location = "westeurope"
}
`,
        },
      },
      {
        name: 'count-under-cap',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  count    = 3
  name     = "rg-\${count.index}"
  location = "westeurope"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'count-over-cap',
        files: {
          'main.tf': `
resource "azurerm_resource_group" "rg" {
  ⟦count    = 1500⟧
  name     = "rg-\${count.index}"
  location = "westeurope"
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'copy-under-cap',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "[format('st{0}', copyIndex())]",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "copy": {
        "name": "accounts",
        "count": 5
      },
      "properties": {
        "minimumTlsVersion": "TLS1_2"
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
        name: 'copy-over-cap',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "[format('st{0}', copyIndex())]",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {
        "name": "Standard_LRS"
      },
      "copy": {
        "name": "accounts",
        "count": ⟦1500⟧
      },
      "properties": {
        "minimumTlsVersion": "TLS1_2"
      }
    }
  ]
}
`,
        },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'loop-under-cap',
        files: {
          'main.bicep': `
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 5): {
  name: 'st\${i}'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}]
`,
        },
      },
    ],
    invalid: [
      {
        name: 'loop-over-cap',
        files: {
          'main.bicep': `
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in ⟦range(0, 1500)⟧: {
  name: 'st\${i}'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
}]
`,
        },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
};
// </converted>

ruleTester('EVAL001', converted);
