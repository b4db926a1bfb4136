import { defineRule } from '../../src/engine/define-rule.js';

export default defineRule({
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
    messages: {
      localBackend:
        'This root module keeps its state in a local file (backend "local"), unshared, unlocked and on disk with every secret; replace it with a remote backend such as `backend "azurerm" {}`.',
      noBackend:
        'This root module has no backend, so its state (with every secret) stays in a local terraform.tfstate; add a remote backend such as `backend "azurerm" {}`.',
    },
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
          messageId: local ? 'localBackend' : 'noBackend',
        });
      },
    };
  },
});
