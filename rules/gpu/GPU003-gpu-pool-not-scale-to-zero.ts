import { defineRule } from '../../src/engine/define-rule.js';
import { amlComputeTypeOf, displayName, gpuSizeOf, isSystemPool, known, knownBoolOf, knownNumberOf, knownStringOf, readOrUndecided } from '../../src/engine/facts.js';
import type { Resource } from '../../src/model/resource.js';
import { EXAMPLE_SIZES } from '../../src/model/facts/gpu.js';

/** "1 node", "3 nodes". */
function nodes(n: number): string {
  return `${n} node${n === 1 ? '' : 's'}`;
}

export default defineRule({
  meta: {
    id: 'GPU003',
    name: 'gpu-pool-not-scale-to-zero',
    shortDescription: 'GPU node pool or GPU AML compute cluster that cannot scale to zero.',
    fullDescription: `GPU VMs are the most expensive line of an ML platform bill (a single ${EXAMPLE_SIZES.largeGpu} costs several dollars an hour). A GPU node pool without autoscaling, or with a minimum node count above zero, keeps those nodes running — and billing — through nights, weekends and every idle hour between training runs. Scaling GPU pools from zero costs only a few minutes of node start-up on the first job.`,
    help: 'AKS: enable autoscaling on the GPU user pool with min_count = 0 (ARM/Bicep/azapi: enableAutoScaling = true, minCount = 0). AML: set min_node_count = 0 (scaleSettings.minNodeCount = 0).',
    level: { prod: 'note', unknown: 'warning', nonprod: 'warning' },
    tags: ['cost', 'gpu'],
    messages: {
      autoscaleOff:
        'GPU node pool "{{name}}" ({{why}}) has autoscaling off ({{state}}), so its GPU nodes bill while idle; set {{attribute}} to true with a minimum count of 0.',
      autoscaleOffSwitch:
        'GPU node pool "{{name}}" ({{why}}) has autoscaling off ({{state}}), so its GPU nodes bill while idle; enable the cluster autoscaler with --enable-cluster-autoscaler --min-count 0 --max-count <n> (the switch takes no value).',
      manualScale:
        'GPU node pool "{{name}}" ({{why}}) is scaled by hand to {{nodes}} ({{state}}), so its GPU nodes bill while idle; replace its scale.manual profile with a scale.autoscale profile whose minCount is 0.',
      poolMinCount:
        'GPU node pool "{{name}}" ({{why}}) keeps at least {{nodes}} running ({{state}}), so its GPU nodes bill while idle; set {{attribute}} to 0.',
      systemPool:
        'GPU node pool "{{name}}" ({{why}}) is a system pool, which cannot scale to zero ({{state}}), so its GPU nodes bill while idle; give the system pool a CPU size and run GPU work on a user pool that autoscales from 0.',
      clusterMinNodes:
        'GPU AML compute cluster "{{name}}" ({{why}}) keeps at least {{nodes}} running ({{state}}), so its GPU nodes bill while idle; set {{attribute}} to 0.',
    },
  },
  create(ctx) {
    /**
     * Why the pool or cluster is a GPU one: its size is a GPU size (RULES.md's "GPU node pool";
     * AKS001, unlike this rule, also takes pools only meant for GPU). A size that is not known is
     * undecided (`--verbose`), whatever the pool's name says; a pool meant for GPU on a CPU size
     * is GPU001's finding, and its nodes are no GPU nodes.
     */
    const gpuPoolReason = (r: Resource<'aks.nodepool' | 'ml.compute'>): string | undefined => {
      const size = gpuSizeOf(ctx, r);
      return size === undefined ? undefined : `GPU size "${size}"`;
    };
    return {
      'aks.nodepool'(pool) {
        // Known to scale to zero: no finding whatever the size, so an unknown size is not read
        // (it would be a "could not decide" line for a finding that cannot be).
        const minPeek = knownNumberOf(known(pool, 'minCount'));
        const manualPeek = knownStringOf(pool.attrs.get('scaleProfile')?.value) === 'manual';
        if (minPeek !== undefined && minPeek <= 0 && (manualPeek || knownBoolOf(known(pool, 'autoscale')) === true)) return;
        const why = gpuPoolReason(pool);
        if (!why) return;
        // A system pool keeps at least one node (AKS requires it), so it never reaches zero
        // whatever its autoscaling says: the fix is another pool, not a count (AKS002 also
        // reports its GPU size). Reported where its node count or autoscaling is decided.
        const system = isSystemPool(ctx, pool) === true;
        // A VirtualMachines pool scaled by hand keeps its manual count: autoscaling is a profile
        // there, not a switch, so only the count decides (peeked: no --verbose line when absent).
        const manual = knownStringOf(pool.attrs.get('scaleProfile')?.value) === 'manual';
        const autoscale = ctx.fact(pool, 'autoscale');
        if (!manual && autoscale.bool() === false) {
          ctx.report({
            resource: pool,
            attr: 'autoscale',
            // An az switch takes no value (`--enable-cluster-autoscaler`, review 95): "set it to true" would be refused.
            messageId: system ? 'systemPool' : autoscale.sourcePath.startsWith('--') ? 'autoscaleOffSwitch' : 'autoscaleOff',
            data: { name: displayName(pool), why, state: autoscale.describe(), attribute: autoscale.sourcePath },
          });
          return;
        }
        const min = ctx.fact(pool, 'minCount');
        const n = readOrUndecided(ctx, pool, 'minCount', min, min.number(), 'a node count');
        if (n === undefined || n <= 0) return;
        ctx.report({
          resource: pool,
          attr: 'minCount',
          messageId: system ? 'systemPool' : manual ? 'manualScale' : 'poolMinCount',
          data: { name: displayName(pool), why, nodes: nodes(n), state: min.describe(), attribute: min.sourcePath },
        });
      },
      'ml.compute'(c) {
        if (amlComputeTypeOf(ctx, c) !== 'cluster') return;
        const minPeek = knownNumberOf(known(c, 'minNodeCount'));
        if (minPeek !== undefined && minPeek <= 0) return;
        const why = gpuPoolReason(c);
        if (!why) return;
        const min = ctx.fact(c, 'minNodeCount');
        const n = readOrUndecided(ctx, c, 'minNodeCount', min, min.number(), 'a node count');
        if (n === undefined || n <= 0) return;
        ctx.report({
          resource: c,
          attr: 'minNodeCount',
          messageId: 'clusterMinNodes',
          data: { name: displayName(c), why, nodes: nodes(n), state: min.describe(), attribute: min.sourcePath },
        });
      },
    };
  },
});
