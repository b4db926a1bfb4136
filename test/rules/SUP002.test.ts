/**
 * SUP002 (suppression-unused): An inline suppression suppresses no finding.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/SUP002: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'used',
        files: {
          'main.tf': `
# mlops-iac-lint-ignore KV001 -- dev vault
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        options: { rules: ['KV001'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV001 -- was needed before purge protection⟧
resource "azurerm_key_vault" "kv" {
  name                     = "kv"
  purge_protection_enabled = true
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'metadata-used',
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
      "metadata": {
        "mlops-iac-lint-ignore": [
          {
            "id": "KV001",
            "reason": "recreated nightly"
          }
        ]
      },
      "properties": {
        "enableRbacAuthorization": true
      }
    }
  ]
}
`,
        },
        options: { rules: ['KV001'] },
      },
    ],
    invalid: [
      {
        name: 'metadata-suppresses-nothing',
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
      "metadata": {
        "mlops-iac-lint-ignore": [
          ⟦{
            "id": "KV002",
            "reason": "access policies until the RBAC migration"
          }⟧
        ]
      },
      "properties": {
        "enableRbacAuthorization": true
      }
    }
  ]
}
`,
        },
        options: { rules: ['KV002'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'used',
        files: {
          'main.bicep': `
// mlops-iac-lint-ignore KV001 -- dev vault
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
}
`,
        },
        options: { rules: ['KV001'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          'main.bicep': `
⟦// mlops-iac-lint-ignore KV001 -- not needed any more⟧
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
  properties: {
    enablePurgeProtection: true
  }
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
  'github-actions': {
    valid: [
      {
        name: 'used',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 -- internal mirror
`,
        },
        options: { rules: ['CI004'] },
      },
    ],
    invalid: [
      {
        name: 'suppresses-nothing',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4 ⟦# mlops-iac-lint-ignore CI004 -- was on main⟧
`,
        },
        options: { rules: ['CI004'] },
        level: 'note',
        env: 'unknown',
      },
    ],
  },
};
// </converted>

ruleTester('SUP002', converted);
