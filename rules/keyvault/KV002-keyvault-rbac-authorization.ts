import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, knownBool } from '../../src/engine/facts.js';

const rule: Rule = {
  meta: {
    id: 'KV002',
    name: 'keyvault-rbac-authorization',
    shortDescription: 'Key Vault uses access policies instead of Azure RBAC authorization.',
    fullDescription:
      'With the legacy access-policy model, anyone who holds Contributor (or `Microsoft.KeyVault/vaults/write`) on the vault can grant themselves access to every secret, key and certificate by adding an access policy, and those grants live outside Azure RBAC: no Privileged Identity Management, no deny assignments, no central access reviews. Azure ML workspaces keep connection secrets and customer-managed keys in this vault, so a privilege escalation here exposes the whole platform.',
    help: 'Set rbac_authorization_enabled = true (azurerm v3: enable_rbac_authorization; ARM/Bicep/azapi: properties.enableRbacAuthorization = true) and grant data-plane access with role assignments such as "Key Vault Secrets User".',
    level: 'warning',
    tags: ['security', 'identity', 'keyvault'],
    securitySeverity: 5.0,
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/keyvault/KV002-keyvault-rbac-authorization.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const kv of g.ofKind('keyvault')) {
          if (knownBool(kv, 'rbacAuthorization') !== false) continue;
          const f = kv.attrs.get('rbacAuthorization')!;
          const { location, related } = factLocations(kv, 'rbacAuthorization');
          const how = f.defaulted ? `${f.sourcePath} is not set and defaults to false` : `${f.sourcePath} is false`;
          ctx.report({
            resource: kv,
            attributePath: 'rbacAuthorization',
            location,
            related,
            message: `Key Vault "${displayName(kv)}" uses access policies instead of Azure RBAC (${how}); enable RBAC authorization and grant access with role assignments.`,
          });
        }
      },
    };
  },
};
export default rule;
