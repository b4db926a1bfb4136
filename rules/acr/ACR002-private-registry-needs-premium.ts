import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, registryRestriction, readOrUndecided } from '../../src/engine/facts.js';
import { NETWORK_RESTRICTED_SKU, isPremiumSku } from '../../src/model/facts/acr.js';

export default defineRule({
  meta: {
    id: 'ACR002',
    name: 'private-registry-needs-premium',
    shortDescription: 'Network-restricted container registry on a SKU other than Premium.',
    fullDescription:
      'Disabling public network access, network rule sets (firewall rules) and private endpoints are Premium-only features of Azure Container Registry. On Basic or Standard, Azure rejects the deployment (or silently ignores the restriction in older API versions), so the apply fails late — typically after the workspace, key vault and storage already exist — or the registry stays reachable from the internet although the code says it is private.',
    help: 'Set sku = "Premium" (ARM/Bicep/azapi: sku.name = "Premium") on a registry that is network-restricted, or remove the restriction.',
    level: 'error',
    tags: ['reliability', 'network', 'acr'],
    messages: {
      notPremium:
        'Container registry "{{name}}" is network-restricted ({{why}}) but its SKU is "{{sku}}", and Azure accepts network restrictions only on {{premium}}; set {{attribute}} to "{{premium}}".',
    },
  },
  create(ctx) {
    return {
      acr(acr, g) {
        const sku = ctx.fact(acr, 'sku');
        const name = readOrUndecided(ctx, acr, 'sku', sku, sku.string(), 'a SKU name');
        if (name === undefined || isPremiumSku(name)) return;
        const restriction = registryRestriction(ctx, g, acr);
        if (!restriction) return;
        ctx.report({
          resource: acr,
          attr: 'sku',
          related: [{ ...restriction.at, label: `network restriction: ${restriction.why}` }],
          messageId: 'notPremium',
          data: { name: displayName(acr), why: restriction.why, sku: name, premium: NETWORK_RESTRICTED_SKU, attribute: sku.sourcePath },
        });
      },
    };
  },
});
