import { defineRule } from '../../src/engine/define-rule.js';
import { displayName } from '../../src/engine/facts.js';

export default defineRule({
  meta: {
    id: 'ST001',
    name: 'storage-public-blob-access',
    shortDescription: 'Storage account allowing anonymous blob access.',
    fullDescription:
      'When a storage account allows anonymous (public) blob access, any container set to "blob" or "container" access level — by a script, a portal click or a tool default — exposes its contents to the whole internet without credentials. ML storage accounts hold training data, model artifacts and run logs, often with personal data; a single misconfigured container is a data breach.',
    help: 'Set allow_nested_items_to_be_public = false (azurerm v2: allow_blob_public_access; ARM/Bicep/azapi: properties.allowBlobPublicAccess = false). The azurerm default is true, so write it explicitly.',
    level: 'error',
    tags: ['security', 'data-protection', 'storage'],
    securitySeverity: 8.0,
    messages: {
      publicBlobAccess: 'Storage account "{{name}}" allows anonymous blob access because {{state}}; set {{attribute}} to false.',
    },
  },
  create(ctx) {
    return {
      storage(st) {
        const allow = ctx.fact(st, 'allowBlobPublicAccess');
        if (allow.bool() !== true) return;
        ctx.report({
          resource: st,
          attr: 'allowBlobPublicAccess',
          messageId: 'publicBlobAccess',
          data: { name: displayName(st), state: allow.describe(), attribute: allow.sourcePath },
        });
      },
    };
  },
});
