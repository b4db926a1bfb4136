import { defineRule } from '../../src/engine/define-rule.js';
import { displayName } from '../../src/engine/facts.js';

export default defineRule({
  meta: {
    id: 'AML001',
    name: 'workspace-public-network-access',
    shortDescription: 'Azure ML workspace reachable from the public internet.',
    fullDescription:
      'An Azure Machine Learning workspace with public network access enabled (explicitly, or by leaving it unset: azurerm and ARM default to enabled) accepts control-plane and data-plane calls from any network. Models, datasets, credentials held in connections and the attached key vault are one leaked token away from the internet.',
    help: 'Set public_network_access_enabled = false (ARM/Bicep/azapi: properties.publicNetworkAccess = "Disabled") and reach the workspace through a private endpoint.',
    level: { prod: 'error', unknown: 'warning', nonprod: 'note' },
    tags: ['security', 'network', 'aml'],
    securitySeverity: 7.5,
    messages: {
      publicWorkspace:
        'ML workspace "{{name}}" is reachable from the public internet because {{state}}; turn {{attribute}} off and reach the workspace through a private endpoint.',
    },
  },
  create(ctx) {
    return {
      'ml.workspace'(ws) {
        const access = ctx.fact(ws, 'publicNetworkAccess');
        if (access.bool() !== true) return;
        ctx.report({
          resource: ws,
          attr: 'publicNetworkAccess',
          messageId: 'publicWorkspace',
          data: { name: displayName(ws), state: access.describe(), attribute: access.sourcePath },
        });
      },
    };
  },
});
