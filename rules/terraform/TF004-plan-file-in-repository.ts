import path from 'node:path';
import { defineRule } from '../../src/engine/define-rule.js';
import { fileStart } from '../../src/core/source.js';

export default defineRule({
  meta: {
    id: 'TF004',
    name: 'plan-file-in-repository',
    shortDescription: 'Terraform plan file among the scanned files.',
    fullDescription:
      'A saved Terraform plan (the binary `terraform plan -out` file, or its JSON from `terraform show -json`) holds the configuration, the prior state and every planned value, sensitive ones included, in plain text. Kept in the repository, it leaks them to everyone who can read it, forever (git history).',
    help: 'Delete the file, rotate the secrets it contains, add `*.tfplan` and the plan JSON to .gitignore; to lint a plan in CI, write it outside the scanned folders and name it as a file argument.',
    level: 'error',
    tags: ['security', 'terraform'],
    securitySeverity: 8.0,
    // A `file` hook does not say its format: plan files are their own input format.
    formats: ['terraform-plan'],
    messages: {
      planFile:
        'Terraform plan "{{file}}" is among the scanned files and holds every sensitive value of its deployment in plain text; delete it, rotate its secrets and keep plans out of the repository.',
    },
  },
  create(ctx) {
    return {
      file(f) {
        if (f.kind !== 'tfplan-json' && f.kind !== 'tfplan-binary') return;
        // RULES.md TF004: a plan named as a file argument is linted on purpose; one met while
        // walking a scanned folder is reported (also when it was named as well).
        if (f.explicit) return;
        ctx.report({
          subject: `file:${f.path}`,
          location: fileStart(f.path),
          messageId: 'planFile',
          data: { file: path.basename(f.path) },
        });
      },
    };
  },
});
