/**
 * TF004 (plan-file-in-repository): a Terraform plan, JSON or binary, among the scanned files.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester); a plan named
 * as a file argument (linted on purpose) is covered in test/frontends/terraform-plan.test.ts.
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

/** A zip local file header (`PK\x03\x04`, 22 header bytes) whose first entry is `name`, as Terraform writes a saved plan. */
function zipWithEntry(name: string): string {
  return `PK\u0003\u0004${'\u0000'.repeat(22)}${String.fromCharCode(name.length)}\u0000\u0000\u0000${name}payload`;
}

const PLAN_JSON = `{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "planned_values": { "root_module": {} },
  "resource_changes": []
}
`;

const cases: RuleTable = {
  'terraform-plan': {
    valid: [
      {
        // `terraform providers schema -json` has a format_version but is not a plan.
        name: 'provider-schema-json',
        files: { 'schema.json': `{ "format_version": "1.0", "provider_schemas": {} }\n` },
      },
      {
        name: 'plan-named-zip-without-tfplan-entry',
        files: { 'release.plan': zipWithEntry('notes.txt') },
      },
      {
        name: 'plan-named-text-file',
        files: { 'deploy.tfplan': 'terraform plan -out=deploy.tfplan\n' },
      },
    ],
    invalid: [
      {
        name: 'plan-json',
        files: { 'infra/plan.json': `⟦⟧${PLAN_JSON}` },
        level: 'error',
        env: 'unknown',
        messageId: 'planFile',
        message: 'Terraform plan "plan.json" is among the scanned files and holds every sensitive value of its deployment in plain text; delete it, rotate its secrets and keep plans out of the repository.',
      },
      {
        name: 'plan-json-keys-in-other-order',
        files: { 'tfplan.json': `⟦⟧{ "resource_changes": [], "terraform_version": "1.5.7", "format_version": "1.1" }\n` },
        level: 'error',
        env: 'unknown',
        messageId: 'planFile',
      },
      {
        name: 'binary-tfplan',
        files: { 'infra/main.tfplan': `⟦⟧${zipWithEntry('tfplan')}` },
        level: 'error',
        env: 'unknown',
        messageId: 'planFile',
      },
      {
        name: 'binary-named-tfplan',
        files: { 'tfplan': `⟦⟧${zipWithEntry('tfplan')}` },
        level: 'error',
        env: 'unknown',
        messageId: 'planFile',
      },
      {
        // `terraform show -json plan > plan.tfplan`: a plan JSON under a binary plan's name is a plan by its content.
        name: 'plan-json-named-like-a-binary-plan',
        files: { 'infra/main.tfplan': `⟦⟧${PLAN_JSON}`, 'tfplan': `⟦⟧${PLAN_JSON}` },
        level: 'error',
        env: 'unknown',
        messageId: 'planFile',
      },
      {
        name: 'binary-dot-plan-with-tfplan-entry',
        files: { 'prod.plan': `⟦⟧${zipWithEntry('tfplan')}` },
        level: 'error',
        env: 'unknown',
        messageId: 'planFile',
      },
    ],
  },
};

ruleTester('TF004', cases);
