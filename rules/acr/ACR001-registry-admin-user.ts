import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, readOrUndecided } from '../../src/engine/facts.js';

export default defineRule({
  meta: {
    id: 'ACR001',
    name: 'registry-admin-user',
    shortDescription: 'Container registry with the admin user enabled.',
    fullDescription:
      'The admin user of a container registry is one shared username with two long-lived passwords that grant push and pull on every repository. It cannot be scoped, is not tied to a person or workload, ends up in CI secrets and kubeconfigs, and a leaked password lets anyone push a poisoned training or inference image that AKS and Azure ML then run with their own identities.',
    help: 'Set admin_enabled = false (ARM/Bicep/azapi: properties.adminUserEnabled = false) and grant AcrPull/AcrPush to managed identities or workload identities instead.',
    level: 'error',
    tags: ['security', 'identity', 'acr'],
    securitySeverity: 7.5,
    messages: {
      adminUser:
        'Container registry "{{name}}" enables the shared admin user ({{state}}); set {{attribute}} to false and grant AcrPull/AcrPush to managed identities.',
    },
  },
  create(ctx) {
    return {
      acr(acr) {
        const admin = ctx.fact(acr, 'adminEnabled');
        if (readOrUndecided(ctx, acr, 'adminEnabled', admin, admin.bool(), 'true or false') !== true) return;
        ctx.report({
          resource: acr,
          attr: 'adminEnabled',
          messageId: 'adminUser',
          data: { name: displayName(acr), state: admin.describe(), attribute: admin.sourcePath },
        });
      },
    };
  },
});
