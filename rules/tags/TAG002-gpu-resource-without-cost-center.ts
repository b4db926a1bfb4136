import type { Rule } from '../../src/engine/types.js';
import { displayName, factLocations, hasGpuSize, knownString, tagState } from '../../src/engine/facts.js';
import { GPU_WORKLOAD_KINDS, kindName } from '../gpu/GPU001-gpu-workload-on-non-gpu-size.js';

const rule: Rule = {
  meta: {
    id: 'TAG002',
    name: 'gpu-resource-without-cost-center',
    shortDescription: 'GPU resource without a cost-center tag.',
    fullDescription:
      'GPU capacity is the largest line on most ML bills. Without a cost-center tag on the node pool, compute cluster, VM or scale set itself, cost reports cannot attribute that spend, and nobody notices an idle GPU pool until the invoice. AKS node pools do not inherit the cluster’s tags.',
    help: 'Add a `cost-center` tag (the name is configurable) to the GPU resource itself.',
    level: 'error',
    tags: ['cost', 'gpu', 'tags'],
    formats: ['terraform', 'azapi', 'arm', 'bicep-compiled', 'bicep'],
    options: {
      costCenter: {
        description: 'The name of the cost-center tag GPU resources must carry.',
        schema: { type: 'string', minLength: 1 },
        default: 'cost-center',
        configPath: ['tags', 'costCenter'],
      },
    },
    docPath: 'rules/tags/TAG002-gpu-resource-without-cost-center.md',
  },
  create(ctx) {
    const tag = ctx.options.costCenter as string;
    return {
      graph(g) {
        for (const kind of GPU_WORKLOAD_KINDS) {
          for (const r of g.ofKind(kind)) {
            if (hasGpuSize(r) && tagState(r, tag) === 'unknown') ctx.undecided?.(r, 'tags');
            if (!hasGpuSize(r) || tagState(r, tag) !== 'missing') continue;
            const { location, related } = factLocations(r, 'tags');
            ctx.report({
              resource: r,
              attributePath: `tags.${tag}`,
              location,
              related,
              message: `${kindName(kind)} "${displayName(r)}" has GPU size "${knownString(r, 'vmSize')}" but no "${tag}" tag; tag it so GPU spend can be attributed.`,
            });
          }
        }
      },
    };
  },
};
export default rule;
