import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, isUnknown, knownBool } from '../../src/engine/facts.js';

const rule: Rule = {
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
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/aml/AML001-workspace-public-network-access.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const ws of g.ofKind('ml.workspace')) {
          if (isUnknown(ws, 'publicNetworkAccess')) ctx.undecided?.(ws, 'publicNetworkAccess');
          if (knownBool(ws, 'publicNetworkAccess') !== true) continue;
          const f = ws.attrs.get('publicNetworkAccess')!;
          const { location, related } = factLocations(ws, 'publicNetworkAccess');
          const how = f.defaulted ? `${f.sourcePath} is not set and defaults to enabled` : `${f.sourcePath} enables it`;
          ctx.report({
            resource: ws,
            attributePath: 'publicNetworkAccess',
            location,
            related,
            message: `ML workspace "${displayName(ws)}" is reachable from the public internet (${how}); disable public network access and use a private endpoint.`,
          });
        }
      },
    };
  },
};
export default rule;
