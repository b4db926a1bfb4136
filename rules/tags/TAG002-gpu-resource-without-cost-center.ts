import { defineRule } from '../../src/engine/define-rule.js';
import { displayName, gpuSizeOf } from '../../src/engine/facts.js';
import type { Resource } from '../../src/model/resource.js';
import type { SizedKind } from '../../src/model/kinds.js';
import { workloadName } from '../../src/model/facts/gpu.js';
import { sameTagName } from '../../src/model/facts/tags.js';

export default defineRule({
  meta: {
    id: 'TAG002',
    name: 'gpu-resource-without-cost-center',
    shortDescription: 'GPU resource without a cost-center tag.',
    fullDescription:
      'GPU capacity is the largest line on most ML bills. Without a cost-center tag on the node pool, compute cluster, VM or scale set itself, cost reports cannot attribute that spend, and nobody notices an idle GPU pool until the invoice. AKS node pools do not inherit the cluster’s tags.',
    help: 'Add a `cost-center` tag (the name is configurable) to the GPU resource itself.',
    level: 'error',
    tags: ['cost', 'gpu', 'tags'],
    options: {
      costCenter: {
        description: 'The name of the cost-center tag GPU resources must carry.',
        schema: { type: 'string', minLength: 1 },
        default: 'cost-center',
        configPath: ['tags', 'costCenter'],
      },
    },
    messages: {
      noCostCenter:
        '{{workload}} "{{name}}" has GPU size "{{size}}" but no "{{tag}}" tag, so its GPU spend cannot be attributed; add a "{{tag}}" tag to its {{attribute}}.',
    },
  },
  create(ctx) {
    const tag = ctx.options.costCenter as string;
    const check = (r: Resource<SizedKind>): void => {
      const size = gpuSizeOf(ctx, r);
      if (size === undefined) return;
      const tags = ctx.fact(r, 'tags');
      const v = tags.value;
      if (tags.state === 'unknown') return;
      // A tag map (or none at all); anything else is not read as tags.
      if (v && v.kind !== 'object' && v.kind !== 'null') return;
      if (v?.kind === 'object' && [...v.entries.keys()].some((k) => sameTagName(k, tag))) return;
      ctx.report({
        resource: r,
        attr: 'tags',
        attributePath: `tags.${tag}`,
        messageId: 'noCostCenter',
        data: { workload: workloadName(r.kind, true), name: displayName(r), size, tag, attribute: tags.sourcePath },
      });
    };
    return { 'aks.nodepool': check, 'ml.compute': check, vm: check, vmss: check };
  },
});
