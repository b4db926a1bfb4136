import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, knownBool } from '../../src/engine/facts.js';

const rule: Rule = {
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
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/acr/ACR001-registry-admin-user.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const acr of g.ofKind('acr')) {
          if (knownBool(acr, 'adminEnabled') !== true) continue;
          const f = acr.attrs.get('adminEnabled')!;
          const { location, related } = factLocations(acr, 'adminEnabled');
          ctx.report({
            resource: acr,
            attributePath: 'adminEnabled',
            location,
            related,
            message: `Container registry "${displayName(acr)}" enables the shared admin user (${f.sourcePath} is true); set it to false and grant AcrPull/AcrPush to managed identities.`,
          });
        }
      },
    };
  },
};
export default rule;
