import type { Rule } from '../../src/engine/types.js';
import { amlComputeType, displayName, factLocations, knownBool } from '../../src/engine/facts.js';

const rule: Rule = {
  meta: {
    id: 'AML006',
    name: 'compute-node-public-ip',
    shortDescription: 'AML compute with node public IPs in a workspace whose public access is disabled.',
    fullDescription:
      'A workspace with public network access disabled is meant to be reachable only through its private endpoint, but a compute cluster or instance created with node public IPs (the default) still gets a public IP address per node and inbound management traffic from the Azure Batch / AzureMachineLearning service tags. The nodes become an internet-facing way around the private network, and the workspace is not the isolated setup it claims to be; in a managed or custom VNet with no outbound route it can also fail provisioning.',
    help: 'Set node_public_ip_enabled = false (ARM/Bicep/azapi: properties.properties.enableNodePublicIp = false) and place the compute in a subnet (or the workspace managed network) that has outbound access through a NAT gateway, firewall or private endpoints.',
    level: 'error',
    tags: ['security', 'network', 'aml'],
    securitySeverity: 6.5,
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/aml/AML006-compute-node-public-ip.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const c of g.ofKind('ml.compute')) {
          const type = amlComputeType(c);
          if (type !== 'cluster' && type !== 'instance') continue;
          const ws = c.parent;
          if (!ws || ws.kind !== 'ml.workspace') continue;
          if (knownBool(ws, 'publicNetworkAccess') !== false) continue;
          if (knownBool(c, 'nodePublicIp') !== true) continue;
          const f = c.attrs.get('nodePublicIp')!;
          const { location, related } = factLocations(c, 'nodePublicIp');
          const wsAt = factLocations(ws, 'publicNetworkAccess').location;
          const how = f.defaulted ? `${f.sourcePath} is not set and defaults to true` : `${f.sourcePath} is true`;
          ctx.report({
            resource: c,
            attributePath: 'nodePublicIp',
            location,
            related: [...related, { ...wsAt, label: `workspace "${displayName(ws)}": public network access disabled` }],
            message: `AML compute ${type} "${displayName(c)}" gives its nodes public IPs (${how}) although workspace "${displayName(ws)}" has public network access disabled; disable node public IPs.`,
          });
        }
      },
    };
  },
};
export default rule;
