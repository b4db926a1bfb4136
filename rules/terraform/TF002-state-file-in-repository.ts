import type { Rule } from '../../src/engine/types.js';
import { fileStart } from '../../src/core/source.js';

const rule: Rule = {
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
    formats: ['terraform'],
    docPath: 'rules/terraform/TF002-state-file-in-repository.md',
  },
  create(ctx) {
    return {
      file(f) {
        if (f.kind !== 'tfstate') return;
        ctx.report({
          subject: `file:${f.path}`,
          location: fileStart(f.path),
          message: 'Terraform state file found among the scanned files: state holds secrets in plain text; remove it, rotate its secrets and keep state in a remote backend.',
        });
      },
    };
  },
};
export default rule;
