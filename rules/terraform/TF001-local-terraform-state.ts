import type { Rule } from '../../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'TF001',
    name: 'local-terraform-state',
    shortDescription: 'Terraform root module without a remote backend.',
    fullDescription:
      'Without a remote backend, Terraform keeps its state in a local terraform.tfstate file: it holds every secret of the deployment in plain text, is lost with the machine or CI runner, ends up committed, and gives no locking, so two applies corrupt it.',
    help: 'Add a remote backend, e.g. `terraform { backend "azurerm" {} }` configured at init time with -backend-config, or an HCP Terraform `cloud` block.',
    level: 'error',
    tags: ['security', 'reliability', 'terraform'],
    securitySeverity: 5.0,
    formats: ['terraform'],
    docPath: 'rules/terraform/TF001-local-terraform-state.md',
  },
  create(ctx) {
    return {
      terraformModule(m) {
        if (!m.isRoot) return;
        const remote = m.terraformBlocks.some((t) => t.cloud || (t.backend && t.backend.type !== 'local'));
        if (remote) return;
        const local = m.terraformBlocks.find((t) => t.backend?.type === 'local');
        const at = m.terraformBlocks[0]?.at ?? m.providers[0]?.at;
        if (!at) return;
        ctx.report({
          subject: `module:${m.dir}`,
          location: at,
          related: local ? [{ ...local.backend!.at, label: 'backend "local"' }] : [],
          message: local
            ? 'This root module keeps its state in a local file (backend "local"); use a remote backend such as azurerm so state is shared, locked and not on disk.'
            : 'This root module has no backend, so its state (with every secret) stays in a local terraform.tfstate; add a remote backend such as `backend "azurerm" {}`.',
        });
      },
    };
  },
};
export default rule;
