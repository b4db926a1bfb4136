/**
 * TF002 (state-file-in-repository): Terraform state file in the repository.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// <converted> by scripts/convert-rule-fixtures.ts from fixtures/TF002: a re-run replaces this block, so add cases below it.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'no-state',
        files: {
          'main.tf': `
terraform {
  backend "azurerm" {}
}
`,
          'state.tf.example': `
# not a state file
`,
        },
      },
    ],
    invalid: [
      {
        name: 'state-backup',
        files: {
          'infra/terraform.tfstate.backup': `
⟦⟧{
  "version": 4
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
      {
        name: 'state-file',
        files: {
          'terraform.tfstate': `
⟦⟧{
  "version": 4,
  "resources": []
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};
// </converted>

ruleTester('TF002', converted);
