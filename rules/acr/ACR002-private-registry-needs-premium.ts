import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, knownString } from '../../src/engine/facts.js';
import { registryRestriction } from '../aml/AML002-private-registry-needs-image-build-compute.js';

const rule: Rule = {
  meta: {
    id: 'ACR002',
    name: 'private-registry-needs-premium',
    shortDescription: 'Network-restricted container registry on a SKU other than Premium.',
    fullDescription:
      'Disabling public network access, network rule sets (firewall rules) and private endpoints are Premium-only features of Azure Container Registry. On Basic or Standard, Azure rejects the deployment (or silently ignores the restriction in older API versions), so the apply fails late — typically after the workspace, key vault and storage already exist — or the registry stays reachable from the internet although the code says it is private.',
    help: 'Set sku = "Premium" (ARM/Bicep/azapi: sku.name = "Premium") on a registry that is network-restricted, or remove the restriction.',
    level: 'error',
    tags: ['reliability', 'network', 'acr'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/acr/ACR002-private-registry-needs-premium.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const acr of g.ofKind('acr')) {
          const sku = knownString(acr, 'sku');
          if (sku === undefined || sku.toLowerCase() === 'premium') continue;
          const restriction = registryRestriction(g, acr);
          if (!restriction) continue;
          const { location, related } = factLocations(acr, 'sku');
          ctx.report({
            resource: acr,
            attributePath: 'sku',
            location,
            related: [...related, { ...restriction.at, label: `network restriction: ${restriction.why}` }],
            message: `Container registry "${displayName(acr)}" is network-restricted (${restriction.why}) but its SKU is "${sku}"; Azure accepts that only on Premium, so set the SKU to Premium.`,
          });
        }
      },
    };
  },
};
export default rule;
