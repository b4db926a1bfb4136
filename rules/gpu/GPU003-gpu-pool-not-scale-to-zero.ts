import type { Rule } from '../../src/engine/types.js';
import type { Resource } from '../../src/model/resource.js';
import { amlComputeType, displayName, factLocations, gpuIntent, hasGpuSize, knownBool, knownNumber, knownString } from '../../src/engine/facts.js';

function gpuReason(r: Resource): string | undefined {
  if (hasGpuSize(r)) return `GPU size "${knownString(r, 'vmSize')}"`;
  return gpuIntent(r);
}

const rule: Rule = {
  meta: {
    id: 'GPU003',
    name: 'gpu-pool-not-scale-to-zero',
    shortDescription: 'GPU node pool or GPU AML compute cluster that cannot scale to zero.',
    fullDescription:
      'GPU VMs are the most expensive line of an ML platform bill (a single Standard_NC24ads_A100_v4 costs several dollars an hour). A GPU node pool without autoscaling, or with a minimum node count above zero, keeps those nodes running — and billing — through nights, weekends and every idle hour between training runs. Scaling GPU pools from zero costs only a few minutes of node start-up on the first job.',
    help: 'AKS: enable autoscaling on the GPU user pool with min_count = 0 (ARM/Bicep/azapi: enableAutoScaling = true, minCount = 0). AML: set min_node_count = 0 (scaleSettings.minNodeCount = 0).',
    level: { prod: 'note', unknown: 'warning', nonprod: 'warning' },
    tags: ['cost', 'gpu'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    docPath: 'rules/gpu/GPU003-gpu-pool-not-scale-to-zero.md',
  },
  create(ctx) {
    return {
      graph(g) {
        for (const pool of g.ofKind('aks.nodepool')) {
          // The system pool cannot scale to zero (AKS002 covers a GPU size there).
          if (knownBool(pool, 'isDefault') === true) continue;
          const mode = pool.attrs.get('mode')?.value;
          if (mode?.kind === 'unknown') continue;
          if (mode?.kind === 'string' && mode.value.toLowerCase() === 'system') continue;
          const why = gpuReason(pool);
          if (!why) continue;
          const autoscale = knownBool(pool, 'autoscale');
          if (autoscale === false) {
            const f = pool.attrs.get('autoscale')!;
            const { location, related } = factLocations(pool, 'autoscale');
            const how = f.defaulted ? `${f.sourcePath} is not set and defaults to false` : `${f.sourcePath} is false`;
            ctx.report({
              resource: pool,
              attributePath: 'autoscale',
              location,
              related,
              message: `GPU node pool "${displayName(pool)}" (${why}) has autoscaling off (${how}), so its GPU nodes bill while idle; enable autoscaling with a minimum count of 0.`,
            });
            continue;
          }
          const min = knownNumber(pool, 'minCount');
          if (min === undefined || min <= 0) continue;
          const { location, related } = factLocations(pool, 'minCount');
          ctx.report({
            resource: pool,
            attributePath: 'minCount',
            location,
            related,
            message: `GPU node pool "${displayName(pool)}" (${why}) keeps at least ${min} node${min === 1 ? '' : 's'} (minimum count ${min}), so GPU nodes bill while idle; set the minimum count to 0.`,
          });
        }
        for (const c of g.ofKind('ml.compute')) {
          if (amlComputeType(c) !== 'cluster') continue;
          const why = gpuReason(c);
          if (!why) continue;
          const min = knownNumber(c, 'minNodeCount');
          if (min === undefined || min <= 0) continue;
          const { location, related } = factLocations(c, 'minNodeCount');
          ctx.report({
            resource: c,
            attributePath: 'minNodeCount',
            location,
            related,
            message: `GPU AML compute cluster "${displayName(c)}" (${why}) keeps at least ${min} node${min === 1 ? '' : 's'} (min node count ${min}), so GPU nodes bill while idle; set the minimum node count to 0.`,
          });
        }
      },
    };
  },
};
export default rule;
