import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, gpuSizeOf, isSystemPool, knownNonGpuSize } from '../../src/engine/facts.js';
import { EXAMPLE_SIZES } from '../../src/model/facts/gpu.js';

export default defineRule({
  meta: {
    id: 'AKS002',
    name: 'gpu-size-in-system-pool',
    shortDescription: 'The default/system node pool of an AKS cluster uses a GPU size.',
    fullDescription:
      'The system pool runs CoreDNS, metrics-server, konnectivity and other add-ons and can never scale to zero, so a GPU size there bills GPU prices (several dollars per node-hour for an NC-series VM) around the clock for work a small CPU VM does. It also mixes critical system pods with GPU jobs that exhaust node memory, and a GPU driver or quota problem then takes the whole cluster down.',
    help: `Give the default/system pool a small CPU size (for example ${EXAMPLE_SIZES.systemPool}) and put GPU workloads in a separate user node pool with autoscaling from zero and a GPU taint.`,
    level: 'warning',
    tags: ['cost', 'gpu', 'aks', 'reliability'],
    messages: {
      gpuSystemPool:
        'System node pool "{{name}}"{{cluster}} uses GPU size "{{size}}", which bills GPU prices for system pods and never scales to zero; set {{attribute}} to a CPU size and move GPU work to a user pool.',
    },
  },
  create(ctx) {
    return {
      'aks.nodepool'(pool) {
        // A known CPU size leaves nothing to find: whether the pool is a system pool is not asked.
        if (knownNonGpuSize(pool) !== undefined) return;
        if (isSystemPool(ctx, pool) !== true) return;
        const size = gpuSizeOf(ctx, pool);
        if (size === undefined) return;
        ctx.report({
          resource: pool,
          attr: 'vmSize',
          messageId: 'gpuSystemPool',
          data: {
            name: displayName(pool),
            cluster: pool.parent ? ` of cluster "${displayName(pool.parent)}"` : '',
            size,
            attribute: ctx.fact(pool, 'vmSize').sourcePath,
          },
        });
      },
    };
  },
});
