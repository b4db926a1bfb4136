/**
 * TF002 (state-file-in-repository): Terraform state file in the repository.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
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
        messageId: 'stateFile',
      },
      {
        // The backup `terraform state mv|rm` write before changing a local state (<state>.<unix time>.backup).
        name: 'state-backup-of-a-state-command',
        files: {
          'infra/terraform.tfstate.1733480000.backup': `
⟦⟧{
  "version": 4
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'stateFile',
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
        messageId: 'stateFile',
      },
    ],
  },
};

ruleTester('TF002', converted);
