import path from 'node:path';
import { defineRule } from '../../src/engine/define-rule.js';
import { fileStart } from '../../src/core/source.js';

export default defineRule({
  meta: {
    id: 'TF002',
    name: 'state-file-in-repository',
    shortDescription: 'Terraform state file in the repository.',
    fullDescription:
      'Terraform state contains every attribute of every resource in plain text, including generated passwords, keys and connection strings. A committed state file leaks them to everyone who can read the repository, forever (git history).',
    help: 'Delete the file, rotate the secrets it contains, add `*.tfstate*` to .gitignore and use a remote backend.',
    level: 'error',
    tags: ['security', 'terraform'],
    securitySeverity: 8.0,
    // A `file` hook does not say its format: state files belong to Terraform.
    formats: ['terraform'],
    messages: {
      stateFile:
        'Terraform state file "{{file}}" is among the scanned files and holds every secret of its deployment in plain text; delete it, rotate its secrets and keep state in a remote backend.',
    },
  },
  create(ctx) {
    return {
      file(f) {
        if (f.kind !== 'tfstate') return;
        ctx.report({
          subject: `file:${f.path}`,
          location: fileStart(f.path),
          messageId: 'stateFile',
          data: { file: path.basename(f.path) },
        });
      },
    };
  },
});
