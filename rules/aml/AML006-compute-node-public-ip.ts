import { defineRule } from '../../src/engine/define-rule.js';
import { amlComputeTypeOf, displayName, isKind, knownBoolOf, networkWorkspaceOf, readOrUndecided, whereWritten } from '../../src/engine/facts.js';

export default defineRule({
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
    messages: {
      nodePublicIp:
        'AML compute {{type}} "{{name}}" gives its nodes public IPs because {{state}}, although workspace "{{workspace}}" has public network access disabled; {{fix}}.',
      nodePublicIpHub:
        'AML compute {{type}} "{{name}}" gives its nodes public IPs because {{state}}, although the hub "{{hub}}" of project "{{workspace}}" has public network access disabled; {{fix}}.',
    },
  },
  create(ctx) {
    return {
      'ml.compute'(c, g) {
        const type = amlComputeTypeOf(ctx, c);
        if (type !== 'cluster' && type !== 'instance') return;
        // Nodes known to have no public IP: no finding whatever the workspace says, so nothing of it
        // is undecided either (review 87: --verbose listed the workspace's unknown access).
        if (knownBoolOf(c.attrs.get('nodePublicIp')?.value) === false) return;
        const ws = c.parent;
        if (!isKind(ws, 'ml.workspace')) {
          // RULES.md Conventions: an unknown value that hides a possible finding is recorded. Nodes
          // with public IPs in a workspace the scan cannot read (a data source, another repository)
          // or cannot identify (a name no value of the scan resolves).
          if (ctx.fact(c, 'nodePublicIp').bool() === true)
            ctx.undecided(c, 'workspace', 'its workspace is not among the resources evaluated with it (not in the scanned code, in a file not read with this one, or named by a value that cannot be resolved), so whether its public network access is disabled is unknown');
          return;
        }
        // A project's network settings are its hub's.
        const network = networkWorkspaceOf(g, ws);
        if ('undecided' in network) {
          if (ctx.fact(c, 'nodePublicIp').bool() === true) ctx.undecided(c, 'workspace', network.undecided);
          return;
        }
        const owner = network.ws;
        // The workspace's access not known: the compute is what could not be decided (--verbose
        // names it, not the workspace: review 105), when its nodes may have public IPs.
        const access = owner.attrs.get('publicNetworkAccess')?.value;
        if (access?.kind === 'unknown') {
          if (ctx.fact(c, 'nodePublicIp').bool() !== false) ctx.undecided(c, `the public network access of workspace "${displayName(owner)}"`, access.reason, access.origin);
          return;
        }
        if (ctx.fact(owner, 'publicNetworkAccess').bool() !== false) return;
        const publicIp = ctx.fact(c, 'nodePublicIp');
        if (readOrUndecided(ctx, c, 'nodePublicIp', publicIp, publicIp.bool(), 'true or false') !== true) return;
        ctx.report({
          resource: c,
          attr: 'nodePublicIp',
          related: [{ ...whereWritten(owner, 'publicNetworkAccess'), label: `workspace "${displayName(owner)}": public network access disabled` }],
          messageId: owner === ws ? 'nodePublicIp' : 'nodePublicIpHub',
          data: { type, name: displayName(c), state: publicIp.describe(), workspace: displayName(ws), hub: displayName(owner), fix: c.attrs.get('nodePublicIp')?.fixElsewhere ?? `set ${publicIp.sourcePath} to false` },
        });
      },
    };
  },
});
