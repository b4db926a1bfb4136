import type { Rule } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import { displayName, factLocations, hasGpuSize, knownBool, knownString } from '../../src/engine/facts.js';

/** The default node pool (azurerm `default_node_pool`) or a pool whose mode is known to be `System`. */
export function isSystemPool(pool: Resource): boolean {
  return knownBool(pool, 'isDefault') === true || knownString(pool, 'mode')?.toLowerCase() === 'system';
}

const rule: Rule = {
  meta: {
    id: 'AKS002',
    name: 'gpu-size-in-system-pool',
    shortDescription: 'The default/system node pool of an AKS cluster uses a GPU size.',
    fullDescription:
      'The system pool runs CoreDNS, metrics-server, konnectivity and other add-ons and can never scale to zero, so a GPU size there bills GPU prices (several dollars per node-hour for an NC-series VM) around the clock for work a small CPU VM does. It also mixes critical system pods with GPU jobs that exhaust node memory, and a GPU driver or quota problem then takes the whole cluster down.',
    help: 'Give the default/system pool a small CPU size (for example Standard_D4s_v5) and put GPU workloads in a separate user node pool with autoscaling from zero and a GPU taint.',
    level: 'warning',
    tags: ['cost', 'gpu', 'aks', 'reliability'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/aks/AKS002-gpu-size-in-system-pool.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const pool of g.ofKind('aks.nodepool')) {
          if (!isSystemPool(pool) || !hasGpuSize(pool)) continue;
          const size = knownString(pool, 'vmSize')!;
          const { location, related } = factLocations(pool, 'vmSize');
          const cluster = pool.parent ? ` of cluster "${displayName(pool.parent)}"` : '';
          ctx.report({
            resource: pool,
            attributePath: 'vmSize',
            location,
            related,
            message: `System node pool "${displayName(pool)}"${cluster} uses GPU size "${size}", which bills GPU prices for system pods and never scales to zero; use a CPU size and move GPU work to a user pool.`,
          });
        }
      },
    };
  },
};
export default rule;
