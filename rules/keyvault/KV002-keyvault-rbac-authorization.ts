import { defineRule } from '../../src/engine/define-rule.js';
import { displayName } from '../../src/engine/facts.js';
import { SECRETS_READER_ROLE, VAULT_WRITE_PERMISSION } from '../../src/model/facts/keyvault.js';

export default defineRule({
  meta: {
    id: 'KV002',
    name: 'keyvault-rbac-authorization',
    shortDescription: 'Key Vault uses access policies instead of Azure RBAC authorization.',
    fullDescription: `With the legacy access-policy model, anyone who holds Contributor (or \`${VAULT_WRITE_PERMISSION}\`) on the vault can grant themselves access to every secret, key and certificate by adding an access policy, and those grants live outside Azure RBAC: no Privileged Identity Management, no deny assignments, no central access reviews. Azure ML workspaces keep connection secrets and customer-managed keys in this vault, so a privilege escalation here exposes the whole platform.`,
    help: `Set rbac_authorization_enabled = true (azurerm v3: enable_rbac_authorization; ARM/Bicep/azapi: properties.enableRbacAuthorization = true) and grant data-plane access with role assignments such as "${SECRETS_READER_ROLE}".`,
    level: 'warning',
    tags: ['security', 'identity', 'keyvault'],
    securitySeverity: 5.0,
    messages: {
      accessPolicies:
        'Key Vault "{{name}}" uses access policies instead of Azure RBAC because {{state}}; set {{attribute}} to true and grant access with role assignments.',
    },
  },
  create(ctx) {
    return {
      keyvault(kv) {
        const rbac = ctx.fact(kv, 'rbacAuthorization');
        if (rbac.bool() !== false) return;
        ctx.report({
          resource: kv,
          attr: 'rbacAuthorization',
          messageId: 'accessPolicies',
          data: { name: displayName(kv), state: rbac.describe(), attribute: rbac.sourcePath },
        });
      },
    };
  },
});
