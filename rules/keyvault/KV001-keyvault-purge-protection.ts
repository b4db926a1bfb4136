import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, readOrUndecided } from '../../src/engine/facts.js';

export default defineRule({
  meta: {
    id: 'KV001',
    name: 'keyvault-purge-protection',
    shortDescription: 'Key Vault without purge protection.',
    fullDescription:
      'Without purge protection a deleted Key Vault (or a deleted key, secret or certificate) can be purged immediately, by mistake or by an attacker, and is gone for good. Azure ML workspaces keep their connection secrets and customer-managed keys there; losing the vault bricks the workspace.',
    help: 'Set purge_protection_enabled = true (ARM/Bicep/azapi: properties.enablePurgeProtection = true). It cannot be turned off again, which is the point.',
    level: { prod: 'error', unknown: 'warning', nonprod: 'off' },
    tags: ['security', 'reliability', 'keyvault'],
    securitySeverity: 5.5,
    messages: {
      noPurgeProtection: 'Key Vault "{{name}}" has no purge protection ({{state}}), so deleted secrets and keys can be purged for good; set {{attribute}} to true.',
    },
  },
  create(ctx) {
    return {
      keyvault(kv) {
        const purge = ctx.fact(kv, 'purgeProtection');
        if (readOrUndecided(ctx, kv, 'purgeProtection', purge, purge.bool(), 'true or false') !== false) return;
        ctx.report({
          resource: kv,
          attr: 'purgeProtection',
          messageId: 'noPurgeProtection',
          data: { name: displayName(kv), state: purge.describe(), attribute: purge.sourcePath },
        });
      },
    };
  },
});
