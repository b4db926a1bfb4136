/**
 * SUP001 (suppression-invalid): An inline suppression is malformed, names an unknown rule or has expired.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/SUP001: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'valid',
        files: {
          'main.tf': `
# mlops-iac-lint-ignore KV001 until=2099-01-31 -- dev vault, recreated nightly
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
        name: 'expired',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV001 until=2020-01-31 -- until the vault migration⟧
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'note',
        env: 'unknown',
      },
      {
        name: 'no-reason',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV001⟧
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'warning',
        env: 'unknown',
      },
      {
        name: 'unknown-rule',
        files: {
          'main.tf': `
⟦# mlops-iac-lint-ignore KV999 -- typo in the ID⟧
resource "azurerm_key_vault" "kv" {
  name = "kv"
}
`,
        },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'metadata-with-reason',
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
        name: 'metadata-without-reason',
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
            "id": "KV001"
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
        options: { rules: ['KV001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  bicep: {
    valid: [
      {
        name: 'valid',
        files: {
          'main.bicep': `
// mlops-iac-lint-ignore KV001 -- recreated by the pipeline
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
        name: 'no-reason',
        files: {
          'main.bicep': `
⟦// mlops-iac-lint-ignore KV001⟧
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
}
`,
        },
        options: { rules: ['KV001'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
  'github-actions': {
    valid: [
      {
        name: 'valid',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main # mlops-iac-lint-ignore CI004 -- internal mirror tracks main
`,
        },
        options: { rules: ['CI004'] },
      },
    ],
    invalid: [
      {
        name: 'bad-date',
        files: {
          '.github/workflows/ci.yml': `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main ⟦# mlops-iac-lint-ignore CI004 until=2026-13-01 -- mirror⟧
`,
        },
        options: { rules: ['CI004'] },
        level: 'warning',
        env: 'unknown',
      },
    ],
  },
};
// </converted>

ruleTester('SUP001', converted);
